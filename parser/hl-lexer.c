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

#include "hl-lexer-private.h"

#define S HL_CC_SPACE
#define P HL_CC_SPECIAL

const guint8 hl_char_class[256] = {
  [' '] = S, ['\t'] = S, ['\r'] = S, ['\n'] = S,
  ['('] = P, ['"'] = P, ['['] = P, ['<'] = P, [';'] = P,
  ['0' ... '9'] = HL_CC_DIGIT,
  ['a' ... 'z'] = HL_CC_ALPHA,
  ['A' ... 'Z'] = HL_CC_ALPHA,
};

#undef S
#undef P

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
      if (s[i] != '(' && s[i] != ')' && s[i] != '\\')
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

      if (c != '(' && c != ')' && c != '\\')
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

            while (j < n && !hl_is_space (s[j]) && !hl_is_special (s[j]))
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
