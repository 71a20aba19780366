/* hl-cli-explain.c: hoplock-cli explain WORD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hl-cli-private.h"

/* The terminal's width, or 80 when not writing to one. */
static guint
output_width (void)
{
  struct winsize ws;

  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
    return MIN (ws.ws_col, 100);
  return 80;
}

int
hl_cli_explain (int    argc,
                char **argv)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *word = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wrapped = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, N_("WORD…") },
    { NULL }
  };

  ctx = g_option_context_new (_("— explain a cipher suite, TLS version, certificate check or keyword"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (ctx,
    _("WORD is anything a Received field says about encryption: a cipher suite in any\n"
      "spelling (ECDHE-RSA-AES256-GCM-SHA384, TLS_AES_256_GCM_SHA384), a TLS version\n"
      "(TLSv1.2, TLS1_3, TLSv1/SSLv3), a certificate check (OK, NOT, verified OK), a\n"
      "protocol after “with” (ESMTPS, LMTP, mapi) or a keyword (from, by, with).\n"
      "Several words are read as one phrase.\n\n"
      "Exit status: 0 if the word was explained, 1 on a usage error, 2 if Hoplock\n"
      "does not know the word."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_autofree char *safe = hl_text_make_safe (error->message);

      fprintf (stderr, "hoplock-cli: %s\n", safe);
      return 1;
    }
  if (words == NULL || words[0] == NULL)
    {
      fprintf (stderr, "hoplock-cli: %s\n", _("No word given; try “hoplock-cli explain --help”"));
      return 1;
    }

  word = g_strjoinv (" ", words);
  text = hl_explain_word (word);
  if (text == NULL)
    {
      g_autofree char *safe = hl_text_make_safe (word);

      fprintf (stderr, _("hoplock-cli: Hoplock doesn’t know “%s”. Try a cipher suite, a TLS "
                         "version, a certificate check such as OK or NOT, a protocol such as "
                         "ESMTPS, or a keyword such as from.\n"), safe);
      return 2;
    }

  wrapped = hl_explain_wrap (text, output_width (), 0, 2);
  if (!hl_cli_write_output (NULL, wrapped, strlen (wrapped), &error))
    {
      g_autofree char *safe = hl_text_make_safe (error->message);

      fprintf (stderr, "hoplock-cli: %s\n", safe);
      return 2;
    }
  return 0;
}
