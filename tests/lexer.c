/* lexer.c: the tokens of a Received field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hoplock.h"
#include "core/hl-lexer-private.h"

typedef struct
{
  const char *name;
  const char *input;
  const char *tokens;   /* each token as "T:text", separated by " | " */
  const char *warning;  /* a warning code that must be there, or NULL for none */
} Case;

static const Case cases[] = {
  { "atoms", "from a.example by b.example", "A:from | A:a.example | A:by | A:b.example", NULL },
  { "comment-no-space", "mail.lint.com(8.12.9/8.12.9)", "A:mail.lint.com | C:(8.12.9/8.12.9)", NULL },
  { "nested-comment", "x (a (b (c)) d) y", "A:x | C:(a (b (c)) d) | A:y", NULL },
  { "quoted-pair-in-comment", "(a \\) b) c", "C:(a \\) b) | A:c", NULL },
  { "quoted", "for <\"x;y\"@example.com>; date", "A:for | L<:<\"x;y\"@example.com> | S:; | A:date", NULL },
  { "quoted-string", "\"a (b\" c", "Q:\"a (b\" | A:c", NULL },
  { "literal", "[192.0.2.1]:40000 [IPv6:2001:db8::1]", "L[:[192.0.2.1] | A::40000 | L[:[IPv6:2001:db8::1]", NULL },
  { "semicolons", "a;b ; c", "A:a | S:; | A:b | S:; | A:c", NULL },
  { "tabs-and-newlines", "a\tb\r\n c", "A:a | A:b | A:c", NULL },
  { "stray-closers-are-text", "x) y] z>", "A:x) | A:y] | A:z>", NULL },
  { "unbalanced-comment", "a ( b c", "A:a | A:b | A:c", "unbalanced-comment" },
  { "unbalanced-inner", "a (b (c d) e", "A:a | A:b | C:(c d) | A:e", "unbalanced-comment" },
  { "unbalanced-quote", "a \"b c", "A:a | A:b | A:c", "unbalanced-bracket" },
  { "unbalanced-literal", "a [b c", "A:a | A:b | A:c", "unbalanced-bracket" },
  /* Found by the hostile-message corpus: the escaped '(' had no entry in the table of
   * closing parentheses; the lexer read an uninitialised one and took a comment that ran
   * past the end of the field. */
  { "escaped-paren-in-unclosed-comment", "x ( \\( y", "A:x | A:\\ | A:y", "unbalanced-comment" },
  { "empty", "", "", NULL },
};

static char
type_char (HlLexType t)
{
  switch (t)
    {
    case HL_LEX_ATOM: return 'A';
    case HL_LEX_COMMENT: return 'C';
    case HL_LEX_QUOTED: return 'Q';
    case HL_LEX_LITERAL: return 'L';
    case HL_LEX_ANGLE: return 'L';
    case HL_LEX_SEMI: return 'S';
    case HL_LEX_STRAY:
    default: return '?';
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(HlReceived) hop = hl_received_parse (c->input, -1);
  HlLex toks[HL_MAX_TOKENS];
  g_autoptr(GString) got = g_string_new (NULL);
  guint n, n_warnings;
  const HlWarning *w;
  gboolean found = FALSE;

  /* hl_received_parse has lexed once already; lex its sanitised copy again. */
  if (hop->warnings != NULL)
    g_array_set_size (hop->warnings, 0);
  n = hl_lex (hop, toks, HL_MAX_TOKENS);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (got, " | ");
      g_string_append_c (got, type_char (toks[i].type));
      if (toks[i].type == HL_LEX_LITERAL || toks[i].type == HL_LEX_ANGLE)
        g_string_append_c (got, toks[i].type == HL_LEX_ANGLE ? '<' : '[');
      g_string_append_c (got, ':');
      g_string_append_len (got, hop->raw + toks[i].off, toks[i].len);
    }
  g_assert_cmpstr (got->str, ==, c->tokens);

  w = hl_received_get_warnings (hop, &n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    found |= c->warning != NULL && g_str_equal (w[i].code, c->warning);
  if (c->warning != NULL)
    g_assert_true (found);
  else
    g_assert_cmpuint (n_warnings, ==, 0);
}

/* The token cap stops the lexer, with a warning, however many tokens there are. */
static void
test_token_cap (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(HlReceived) hop = NULL;
  HlLex toks[HL_MAX_TOKENS];
  guint n, n_warnings;
  const HlWarning *w;

  for (guint i = 0; i < HL_MAX_TOKENS * 3; i++)
    g_string_append (s, "a ");
  hop = hl_received_parse (s->str, s->len);
  if (hop->warnings != NULL)
    g_array_set_size (hop->warnings, 0);
  n = hl_lex (hop, toks, HL_MAX_TOKENS);
  g_assert_cmpuint (n, ==, HL_MAX_TOKENS);
  w = hl_received_get_warnings (hop, &n_warnings);
  g_assert_cmpuint (n_warnings, ==, 1);
  g_assert_cmpstr (w[0].code, ==, "too-many-tokens");
  g_assert_cmpuint (w[0].offset, ==, HL_MAX_TOKENS * 2);
}

/* Deeper nesting than the cap is still matched, and reported. */
static void
test_depth_cap (void)
{
  g_autoptr(GString) s = g_string_new ("a ");
  g_autoptr(HlReceived) hop = NULL;
  HlLex toks[HL_MAX_TOKENS];
  guint n, n_warnings;
  const HlWarning *w;

  for (guint i = 0; i < HL_MAX_COMMENT_DEPTH + 5; i++)
    g_string_append_c (s, '(');
  for (guint i = 0; i < HL_MAX_COMMENT_DEPTH + 5; i++)
    g_string_append_c (s, ')');
  g_string_append (s, " b");
  hop = hl_received_parse (s->str, s->len);
  if (hop->warnings != NULL)
    g_array_set_size (hop->warnings, 0);
  n = hl_lex (hop, toks, HL_MAX_TOKENS);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (toks[1].type, ==, HL_LEX_COMMENT);
  w = hl_received_get_warnings (hop, &n_warnings);
  g_assert_cmpuint (n_warnings, ==, 1);
  g_assert_cmpstr (w[0].code, ==, "comment-too-deep");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its case; the next cases still run */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lexer/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/lexer/token-cap", test_token_cap);
  g_test_add_func ("/lexer/depth-cap", test_depth_cap);

  return g_test_run ();
}
