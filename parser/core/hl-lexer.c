/* hl-lexer.c: a cursor lexer over a Received field
 *
 * Linear in the length of the field whatever it holds: parentheses are matched in
 * one pass with an explicit stack, and a search for a closing quote, bracket or
 * angle that once failed is not repeated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-lexer-private.h"

#define S HL_CC_SPACE
#define P HL_CC_SPECIAL

const guint8 hl_char_class[256] = {
  [' '] = S, ['\t'] = S, ['\r'] = S, ['\n'] = S,
  ['('] = P | HL_CC_PAREN, [')'] = HL_CC_PAREN, ['\\'] = HL_CC_PAREN,
  ['"'] = P, ['['] = P, ['<'] = P, [';'] = P,
  ['0' ... '9'] = HL_CC_DIGIT,
  ['a' ... 'z'] = HL_CC_ALPHA,
  ['A' ... 'Z'] = HL_CC_ALPHA,
};

#undef S
#undef P

/* ASCII lower case of every byte (A-Z to a-z); other bytes map to themselves. */
const char hl_lower_table[256] = {
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
  0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
  0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23,
  0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
  0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b,
  0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
  0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73,
  0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
  0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b,
  0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
  0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x80, 0x81, 0x82, 0x83,
  0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
  0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b,
  0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
  0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xb0, 0xb1, 0xb2, 0xb3,
  0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
  0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb,
  0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7,
  0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3,
  0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
  0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb,
  0xfc, 0xfd, 0xfe, 0xff,
};

#define NO_MATCH G_MAXUINT32

/* For every '(' the offset of its ')', or NO_MATCH. One pass, explicit stack. */
static void
match_parens (HlReceived *self,
              guint32    *close_of,
              guint32    *stack)
{
  const char *s = self->raw;
  gsize n = self->raw_len;
  gsize depth = 0, max_depth = 0, deep_at = 0;

  for (gsize i = 0; i < n; i++)
    {
      /* Most bytes are none of the three. */
      if ((hl_char_class[(guchar) s[i]] & HL_CC_PAREN) == 0)
        continue;
      switch (s[i])
        {
        case '\\':
          /* A quoted pair only means something inside a comment. An escaped '('
           * gets an entry all the same: the lexer reaches it as a token of its
           * own when the comment around it never closes. */
          if (depth > 0 && ++i < n && s[i] == '(')
            close_of[i] = NO_MATCH;
          break;
        case '(':
          close_of[i] = NO_MATCH;
          stack[depth++] = i;
          if (depth > max_depth)
            {
              max_depth = depth;
              if (depth == HL_MAX_COMMENT_DEPTH + 1)
                deep_at = i;
            }
          break;
        case ')':
          if (depth > 0)
            close_of[stack[--depth]] = i;
          break;
        default:
          break;
        }
    }

  if (max_depth > HL_MAX_COMMENT_DEPTH)
    hl_received_add_warning (self, "comment-too-deep", deep_at, 1,
                             N_("Comments are nested deeper than Hoplock looks into."));
}

/* The ')' that closes the '(' at @open, or -1 if it does not close. */
static gssize
scan_comment (HlReceived *self,
              gsize       open)
{
  const char *s = self->raw;
  gsize n = self->raw_len, depth = 0;

  for (gsize i = open; i < n; i++)
    {
      char c = s[i];

      if ((hl_char_class[(guchar) c] & HL_CC_PAREN) == 0)
        continue;
      if (c == '\\')
        i++;
      else if (c == '(')
        {
          if (++depth == HL_MAX_COMMENT_DEPTH + 1)
            hl_received_add_warning (self, "comment-too-deep", i, 1,
                                     N_("Comments are nested deeper than Hoplock looks into."));
        }
      else if (--depth == 0)
        return i;
    }
  return -1;
}

/* Finds @close from @from on; remembers a failure so it is not searched again. */
static gssize
find_close (const char *s,
            gsize       n,
            gsize       from,
            char        close,
            gboolean    escapes,
            gsize      *none_after)
{
  if (from >= *none_after)
    return -1;
  for (gsize i = from; i < n; i++)
    {
      if (escapes && s[i] == '\\')
        i++;
      else if (s[i] == close)
        return i;
    }
  *none_after = from;
  return -1;
}

guint
hl_lex (HlReceived *self,
        HlLex      *out,
        guint       max_out)
{
  const char *s = self->raw;
  gsize n = self->raw_len;
  guint32 small_close[512], small_stack[512];
  g_autofree guint32 *big_close = NULL;
  g_autofree guint32 *big_stack = NULL;
  guint32 *close_of = NULL;
  gsize no_quote = G_MAXSIZE, no_bracket = G_MAXSIZE, no_angle = G_MAXSIZE;
  guint count = 0;
  gsize i = 0;

  while (i < n)
    {
      char c = s[i];
      HlLex *t;
      gssize end;

      if (hl_is_space (c))
        {
          i++;
          continue;
        }

      if (count == max_out)
        {
          hl_received_add_warning (self, "too-many-tokens", i, n - i,
                                   N_("The field has more parts than Hoplock reads; the rest was skipped."));
          break;
        }

      t = &out[count];
      t->off = i;

      switch (c)
        {
        case '(':
          if (close_of == NULL)
            {
              gssize close = scan_comment (self, i);

              if (close >= 0)
                {
                  t->type = HL_LEX_COMMENT;
                  t->len = close - i + 1;
                  break;
                }
              /* An unbalanced comment: match every parenthesis once, so that the
               * rest of the field costs no more than one pass. */
              if (n <= G_N_ELEMENTS (small_close))
                {
                  close_of = small_close;
                  match_parens (self, close_of, small_stack);
                }
              else
                {
                  close_of = big_close = g_new (guint32, n);
                  big_stack = g_new (guint32, n);
                  match_parens (self, close_of, big_stack);
                }
            }
          if (close_of[i] != NO_MATCH)
            {
              t->type = HL_LEX_COMMENT;
              t->len = close_of[i] - i + 1;
            }
          else
            {
              t->type = HL_LEX_STRAY;
              t->len = 1;
              hl_received_add_warning (self, "unbalanced-comment", i, 1,
                                       N_("A comment is opened with “(” but never closed."));
            }
          break;

        case '"':
          end = find_close (s, n, i + 1, '"', TRUE, &no_quote);
          goto closed;
        case '[':
          end = find_close (s, n, i + 1, ']', FALSE, &no_bracket);
          goto closed;
        case '<':
          end = find_close (s, n, i + 1, '>', FALSE, &no_angle);
        closed:
          if (end >= 0)
            {
              t->type = c == '"' ? HL_LEX_QUOTED : c == '[' ? HL_LEX_LITERAL : HL_LEX_ANGLE;
              t->len = end - i + 1;
            }
          else
            {
              t->type = HL_LEX_STRAY;
              t->len = 1;
              hl_received_add_warning (self, "unbalanced-bracket", i, 1,
                                       N_("A quote or bracket is opened but never closed."));
            }
          break;

        case ';':
          t->type = HL_LEX_SEMI;
          t->len = 1;
          break;

        default:
          {
            gsize j = i;

            while (j < n && (hl_char_class[(guchar) s[j]] & (HL_CC_SPACE | HL_CC_SPECIAL)) == 0)
              j++;
            t->type = HL_LEX_ATOM;
            t->len = j - i;
          }
          break;
        }

      i = t->off + t->len;
      /* A lone opening character means nothing; it is only warned about. */
      if (t->type != HL_LEX_STRAY)
        count++;
    }

  return count;
}
