/* hoplock-cli.c: Hoplock for terminals and scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <hoplock-pdf.h>

#include "hl-cli-private.h"

#define EXIT_OK HL_CLI_EXIT_OK
#define EXIT_USAGE HL_CLI_EXIT_USAGE
#define EXIT_INPUT HL_CLI_EXIT_INPUT
#define print_error hl_cli_print_error

/* "hoplock-cli: MESSAGE" on standard error, with no control character from a header */
void
hl_cli_print_error (const char *format,
                    ...)
{
  va_list args;
  g_autofree char *msg = NULL;
  g_autofree char *safe = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  safe = hl_text_make_safe (msg);
  fprintf (stderr, "hoplock-cli: %s\n", safe);
}

static gboolean
use_color (void)
{
  const char *no_color = g_getenv ("NO_COLOR");

  return isatty (STDOUT_FILENO) && (no_color == NULL || *no_color == '\0')
         && g_strcmp0 (g_getenv ("TERM"), "dumb") != 0;
}

/* Reads @f up to one byte more than Hoplock reads, so that the library can tell
 * a message that is too large from one that fits (it refuses the former); a
 * device such as /dev/zero never makes it read without end. */
static GBytes *
read_stream (FILE        *f,
             const char  *name,
             GError     **error)
{
  GByteArray *buf = g_byte_array_new ();
  const gsize max = (gsize) HL_MAX_MESSAGE_SIZE + 1;
  guint8 chunk[65536];
  size_t n;

  while (buf->len < max && (n = fread (chunk, 1, MIN (sizeof chunk, max - buf->len), f)) > 0)
    g_byte_array_append (buf, chunk, n);
  if (ferror (f))
    {
      int saved = errno;

      g_byte_array_unref (buf);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not read %s: %s"),
                   name, g_strerror (saved));
      return NULL;
    }
  return g_byte_array_free_to_bytes (buf);
}

/* Reads @path ("-" for standard input), at most the size Hoplock reads and one byte. */
static GBytes *
read_input (const char  *path,
            GError     **error)
{
  GBytes *bytes;
  FILE *f;

  if (g_strcmp0 (path, "-") == 0)
    return read_stream (stdin, _("standard input"), error);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s is a folder, not a message"), path);
      return NULL;
    }
  f = fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not open %s: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  bytes = read_stream (f, path, error);
  fclose (f);
  return bytes;
}

/* Writes @data to @path atomically, or to standard output for NULL or "-". */
gboolean
hl_cli_write_output (const char  *path,
                     const char  *data,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  file = g_file_new_for_commandline_arg (path);
  return g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

static char *
node_to_string (JsonNode *node,
                gboolean  pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, NULL);
}

/* ---------------------------------------------------------------------------
 * hoplock-cli report
 * ------------------------------------------------------------------------- */

static int
cmd_report (int    argc,
            char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *page_size = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean explain = FALSE, json_lines = FALSE;
  HlTextFlags page_flags = 0;
  /* TRANSLATORS: %s is the list of formats, "text, json, jsonl, csv, …" */
  g_autofree char *format_help = g_strdup_printf (_("Output format: %s (default: text)"),
                                                  hl_cli_format_list ());
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) routes = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_route_unref);
  g_autoptr(GString) out = g_string_new (NULL);
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, format_help, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the report to FILE (atomically) instead of standard output"), N_("FILE") },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &explain,
      N_("Explain every hop in plain words (text format)"), NULL },
    { "json-lines", 0, 0, G_OPTION_ARG_NONE, &json_lines,
      N_("With several messages, write one JSON object a line instead of an array"), NULL },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_size,
      N_("Page size of the PDF format: a4 (default) or letter"), N_("SIZE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("MESSAGE…") },
    { NULL }
  };

  ctx = g_option_context_new (_("— report, hop by hop, whether messages travelled encrypted"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (ctx,
    _("MESSAGE is a .eml file, a file with just the header block, or - for standard input.\n"
      "With several messages, JSON output is an array of reports (one per message), or\n"
      "JSON Lines with --json-lines or --format jsonl; CSV has one row per hop of every\n"
      "message; text, HTML, Markdown and PDF show one message after the other.\n\n"
      "Exit status: 0 on success, 1 on a usage error, 2 if an input could not be read or\n"
      "is not an email message (the others are still reported)."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (format == NULL)
    format = g_strdup ("text");
  if (!hl_cli_format_is_known (format))
    {
      print_error (_("Unknown format “%s”; use %s"), format, hl_cli_format_list ());
      return EXIT_USAGE;
    }
  if (page_size != NULL && g_ascii_strcasecmp (page_size, "letter") == 0)
    page_flags = HL_REPORT_LETTER;
  else if (page_size != NULL && g_ascii_strcasecmp (page_size, "a4") != 0)
    {
      print_error (_("Unknown page size “%s”; use a4 or letter"), page_size);
      return EXIT_USAGE;
    }
  if (inputs == NULL || inputs[0] == NULL)
    {
      print_error (_("No message given; try “hoplock-cli report --help”"));
      return EXIT_USAGE;
    }

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      HlRoute *route;
      gsize len;
      const char *data;

      bytes = read_input (inputs[i], &local_error);
      if (bytes == NULL)
        {
          print_error ("%s", local_error->message);
          status = EXIT_INPUT;
          continue;
        }
      data = g_bytes_get_data (bytes, &len);
      name = strcmp (inputs[i], "-") == 0 ? g_strdup ("-") : g_path_get_basename (inputs[i]);
      route = hl_route_new_from_data (data ? data : "", len, name, &local_error);
      if (route == NULL)
        {
          print_error ("%s: %s", inputs[i], local_error->message);
          status = EXIT_INPUT;
          continue;
        }
      g_ptr_array_add (routes, route);
    }

  if (routes->len == 0)
    return status;

  if (!hl_cli_render (format, (HlRoute **) routes->pdata, routes->len,
                      (explain ? HL_TEXT_EXPLAIN : 0) | page_flags
                      | (output == NULL && use_color () ? HL_TEXT_COLOR : 0),
                      json_lines, output, &error))
    {
      print_error ("%s", error->message);
      return EXIT_INPUT;
    }
  return status;
}

/* ---------------------------------------------------------------------------
 * hoplock-cli received
 * ------------------------------------------------------------------------- */

static int
cmd_received (int    argc,
              char **argv)
{
  g_autofree char *format = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *data, *p, *end;
  gsize len;
  gboolean json;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json (default), text"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("[FILE|-]") },
    { NULL }
  };

  ctx = g_option_context_new (_("— parse Received values, one per line"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (ctx,
    _("Each input line is one unfolded Received value, without the field name.\n"
      "JSON output is one hop object per line (JSON Lines)."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (format == NULL)
    format = g_strdup ("json");
  if (strcmp (format, "json") != 0 && strcmp (format, "text") != 0)
    {
      print_error (_("Unknown format “%s”; use json or text"), format);
      return EXIT_USAGE;
    }
  if (inputs != NULL && g_strv_length (inputs) > 1)
    {
      print_error (_("Give at most one file"));
      return EXIT_USAGE;
    }
  json = strcmp (format, "json") == 0;

  bytes = read_input (inputs ? inputs[0] : "-", &error);
  if (bytes == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_INPUT;
    }
  data = g_bytes_get_data (bytes, &len);
  p = data ? data : "";
  end = p + len;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      gsize ll = line_end - p;
      g_autoptr(HlReceived) hop = NULL;

      if (ll > 0 && p[ll - 1] == '\r')
        ll--;
      /* Tolerate the field name, which people paste along. */
      if (ll >= 9 && g_ascii_strncasecmp (p, "Received:", 9) == 0)
        {
          p += 9;
          ll -= 9;
        }
      if (ll > 0)
        {
          hop = hl_received_parse (p, ll);
          if (json)
            {
              g_autoptr(JsonNode) node = hl_received_to_json (hop);
              g_autofree char *s = node_to_string (node, FALSE);

              g_string_append (out, s);
              g_string_append_c (out, '\n');
            }
          else
            {
              g_autofree char *s = hl_received_to_text (hop, use_color () ? HL_TEXT_COLOR : 0);

              g_string_append (out, s);
              g_string_append_c (out, '\n');
            }
        }
      p = nl ? nl + 1 : end;
    }

  if (!hl_cli_write_output (NULL, out->str, out->len, &error))
    {
      print_error ("%s", error->message);
      return EXIT_INPUT;
    }
  return EXIT_OK;
}

/* ---------------------------------------------------------------------------
 * main
 * ------------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "report", cmd_report, N_("Report, hop by hop, whether messages travelled encrypted") },
  { "received", cmd_received, N_("Parse Received values, one per line") },
  { "audit", hl_cli_audit, N_("Audit mailboxes: which senders reach you encrypted, per domain") },
  { "explain", hl_cli_explain, N_("Explain a cipher suite, TLS version, certificate check or keyword") },
};

static void
usage (FILE *to)
{
  fprintf (to, "%s\n  hoplock-cli COMMAND [OPTION…]\n\n%s\n", _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (to, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (to, "\n%s\n  %-10s %s\n  %-10s %s\n\n%s\n",
           _("Options:"), "--help", _("Show this help"), "--version", _("Show the version"),
           _("Run “hoplock-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  hl_report_pdf_register ();

  if (argc < 2)
    {
      usage (stderr);
      return EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("hoplock-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        /* The command sees itself as argv[0], e.g. "hoplock-cli report". */
        g_autofree char *prog = g_strdup_printf ("hoplock-cli %s", commands[i].name);

        g_set_prgname (prog);
        argv[1] = prog;
        return commands[i].run (argc - 1, argv + 1);
      }

  print_error (_("Unknown command “%s”"), argv[1]);
  usage (stderr);
  return EXIT_USAGE;
}
