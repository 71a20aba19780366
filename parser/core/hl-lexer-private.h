/* hl-lexer-private.h: the tokens of a Received field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hl-received-private.h"

G_BEGIN_DECLS

typedef enum
{
  HL_LEX_ATOM,      /* a run of ordinary characters */
  HL_LEX_COMMENT,   /* ( … ), nested, with the parentheses */
  HL_LEX_QUOTED,    /* " … ", with the quotes */
  HL_LEX_LITERAL,   /* [ … ], with the brackets */
  HL_LEX_ANGLE,     /* < … >, with the brackets */
  HL_LEX_SEMI,      /* ; */
  HL_LEX_STRAY,     /* a lone opening character that does not close */
} HlLexType;

typedef struct
{
  HlLexType type;
  guint32 off;
  guint32 len;
} HlLex;

/* Character classes, from a 256-entry table. */
enum {
  HL_CC_SPACE = 1 << 0,
  HL_CC_SPECIAL = 1 << 1,   /* starts a token of its own: ( " [ < ; */
  HL_CC_DIGIT = 1 << 2,
  HL_CC_ALPHA = 1 << 3,
  HL_CC_PAREN = 1 << 4,     /* ( ) and \, what a comment's end depends on */
};

extern const guint8 hl_char_class[256];
extern const char hl_lower_table[256];

#define hl_is_space(c)   ((hl_char_class[(guchar) (c)] & HL_CC_SPACE) != 0)
#define hl_is_special(c) ((hl_char_class[(guchar) (c)] & HL_CC_SPECIAL) != 0)

/* Splits @self's raw text into at most %HL_MAX_TOKENS tokens. */
guint hl_lex (HlReceived *self,
              HlLex      *out,
              guint       max_out);


static inline char
hl_ascii_lower (char c)
{
  return hl_lower_table[(guchar) c];
}

/* Whether [s, s+len) is the @n bytes of @word, ASCII case-insensitively. */
static inline gboolean
hl_span_equal_n (const char *s,
                 gsize       len,
                 const char *word,
                 gsize       n)
{
  if (n != len)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (hl_ascii_lower (s[i]) != hl_ascii_lower (word[i]))
      return FALSE;
  return TRUE;
}

/* The same for a NUL-terminated @word. Inline, so that the length of a literal
 * @word is known at compile time; tables store their lengths (HL_WORD). */
static inline gboolean
hl_span_equal (const char *s,
               gsize       len,
               const char *word)
{
  return hl_span_equal_n (s, len, word, __builtin_strlen (word));
}

/* A string literal and its length, for tables. */
#define HL_WORD(literal) literal, sizeof (literal) - 1

/* Case-insensitive search of @needle in a span. */
static inline const char *
hl_memcasemem (const char *hay,
               gsize       hay_len,
               const char *needle)
{
  gsize nl = __builtin_strlen (needle);
  char first;

  if (nl == 0 || nl > hay_len)
    return nl == 0 ? hay : NULL;
  first = hl_ascii_lower (needle[0]);
  for (gsize i = 0; i + nl <= hay_len; i++)
    if (hl_ascii_lower (hay[i]) == first && hl_span_equal (hay + i, nl, needle))
      return hay + i;
  return NULL;
}

G_END_DECLS
