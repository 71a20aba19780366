/* hl-cli-audit.c: hoplock-cli audit
 *
 * Reads every message of one or more mailboxes (header blocks only) and adds up,
 * per sending domain, how their mail reached the recipient. Progress goes to
 * standard error when it is a terminal; Ctrl+C stops reading and still writes
 * what was read, marked as partial.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <hoplock.h>

#include "hl-cli-private.h"

#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

static volatile sig_atomic_t interrupted;

static void
on_sigint (int signum)
{
  interrupted = 1;
}

typedef struct
{
  gboolean  show;
  gint64    started;
  gint64    last;
  guint64   messages;
  guint64   total_bytes;      /* of all sources, when known, else 0 */
  guint64   done_bytes;       /* of the sources finished */
  gboolean  drawn;
} Progress;

static void
progress_draw (Progress *p,
               guint64   bytes_now,
               gboolean  force)
{
  gint64 now = g_get_monotonic_time ();
  double seconds;
  guint64 bytes = p->done_bytes + bytes_now;
  g_autofree char *size = NULL;
  g_autofree char *eta = NULL;

  if (!p->show || (!force && now - p->last < PROGRESS_INTERVAL_US))
    return;
  p->last = now;
  seconds = (now - p->started) / (double) G_USEC_PER_SEC;
  size = g_format_size (bytes);
  if (p->total_bytes > 0 && bytes > 0 && bytes < p->total_bytes && seconds > 0.5)
    {
      guint64 left = (guint64) ((p->total_bytes - bytes) * seconds / bytes);

      /* TRANSLATORS: time left, minutes and seconds */
      eta = g_strdup_printf (_(", about %u:%02u left"), (guint) (left / 60), (guint) (left % 60));
    }
  /* back to the start of the line, and clear it */
  fputs ("\r\033[K", stderr);
  /* TRANSLATORS: progress of an audit: messages, data read, messages a second */
  fprintf (stderr, _("%llu messages, %s, %.0f a second%s"),
           (unsigned long long) p->messages, size, seconds > 0 ? p->messages / seconds : 0.0,
           eta != NULL ? eta : "");
  fflush (stderr);
  p->drawn = TRUE;
}

static void
progress_clear (Progress *p)
{
  if (p->drawn)
    {
      fprintf (stderr, "\r\033[K");
      fflush (stderr);
    }
}

static gboolean
is_imap (const char *source)
{
  return g_str_has_prefix (source, "imap:") || g_str_has_prefix (source, "imaps://");
}

/* Audits one mailbox into @audit, writing each message's line to @lines. */
static gboolean
audit_source (HlAudit           *audit,
              const char        *path,
              const char *const *own,
              GOutputStream     *lines,
              Progress          *progress,
              GError           **error)
{
  g_autoptr(HlMailbox) mailbox = NULL;
  g_autoptr(GString) line = lines != NULL ? g_string_new (NULL) : NULL;
  g_autoptr(GError) local_error = NULL;
  HlMailboxMessage m;
  guint64 count = 0;

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      mailbox = hl_mailbox_new_for_stream (in, "-");
    }
  else
    mailbox = hl_mailbox_open (path, NULL, error);
  if (mailbox == NULL)
    return FALSE;

  while (!interrupted && hl_mailbox_next (mailbox, &m, NULL, &local_error))
    {
      g_autofree char *location = m.file != NULL ? g_strdup (m.file)
                                                 : g_strdup_printf ("offset %" G_GUINT64_FORMAT, m.offset);
      g_autoptr(GError) message_error = NULL;

      count++;
      progress->messages++;
      if (line != NULL)
        g_string_truncate (line, 0);
      if (m.error != NULL)
        {
          message_error = g_error_copy (m.error);
          hl_audit_add_unreadable (audit, path, location, m.error->message);
        }
      else
        hl_audit_add_headers (audit, m.headers, m.headers_length, path, location, own, line, &message_error);

      /* A file given on its own that is no message is an error of the source */
      if (message_error != NULL && hl_mailbox_get_kind (mailbox) == HL_MAILBOX_FILE)
        {
          g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE,
                       _("%s is neither an mbox nor an email message: %s"), path, message_error->message);
          return FALSE;
        }
      if (line != NULL && line->len > 0
          && !g_output_stream_write_all (lines, line->str, line->len, NULL, NULL, error))
        return FALSE;
      progress_draw (progress, hl_mailbox_get_bytes_read (mailbox), FALSE);
    }
  progress->done_bytes += hl_mailbox_get_bytes_read (mailbox);
  hl_audit_add_source (audit, path, hl_mailbox_kind_to_string (hl_mailbox_get_kind (mailbox)),
                       count, hl_mailbox_get_bytes_read (mailbox));
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

static GOutputStream *
open_output (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL || strcmp (path, "-") == 0)
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  file = g_file_new_for_commandline_arg (path);
  /* written to a temporary file, renamed over @path when closed */
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error));
}

static gboolean
read_merge (HlAudit     *audit,
            const char  *path,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      if (!json_parser_load_from_stream (parser, in, NULL, error))
        return FALSE;
    }
  else if (!json_parser_load_from_mapped_file (parser, path, error))
    return FALSE;
  return hl_audit_merge_json (audit, json_parser_get_root (parser), error);
}

int
hl_cli_audit (int    argc,
              char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  g_auto(GStrv) own = NULL;
  gboolean merge = FALSE, quiet = FALSE, json_lines = FALSE;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlAudit) audit = NULL;
  g_autoptr(GOutputStream) out = NULL;
  HlAuditFormat format = HL_AUDIT_FORMAT_TEXT;
  Progress progress = { 0 };
  int status = HL_CLI_EXIT_OK;
  struct sigaction sa = { 0 }, old_sa;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text (default), json, jsonl (one line a message), csv, html, md"), N_("FORMAT") },
    { "group-by", 'g', 0, G_OPTION_ARG_STRING, &group_by,
      N_("Group by sender domain (from, the default) or by the relay that handed it to you (relay)"),
      N_("from|relay") },
    { "trust", 't', 0, G_OPTION_ARG_STRING_ARRAY, &own,
      N_("A host name or domain of your own mail servers (repeatable)"), N_("HOST") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (atomically) instead of standard output"), N_("FILE") },
    { "merge", 'm', 0, G_OPTION_ARG_NONE, &merge,
      N_("Combine earlier audits written with --format json instead of reading mailboxes"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Show no progress"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("SOURCE…") },
    { NULL }
  };

  ctx = g_option_context_new (_("— which senders reach you encrypted, per domain"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (ctx,
    _("SOURCE is an mbox file, a Maildir, an MH folder, a folder of .eml files (read\n"
      "recursively), a message file, or - for an mbox on standard input. Nothing in a\n"
      "source is changed: files are only read, and Maildir flags stay as they are.\n\n"
      "With --merge, each SOURCE is an audit written with --format json; the result is\n"
      "the audit of all their mailboxes together, so a large archive can be audited in\n"
      "parts (for example with GNU parallel) and merged.\n\n"
      "Progress is shown on standard error when it is a terminal. Ctrl+C stops reading\n"
      "and writes what was read so far, marked as partial.\n\n"
      "Exit status: 0 on success, 1 on a usage error, 2 if a source could not be read\n"
      "(the others are still audited), 130 if interrupted."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      hl_cli_print_error ("%s", error->message);
      return HL_CLI_EXIT_USAGE;
    }
  if (format_name != NULL && strcmp (format_name, "jsonl") == 0)
    json_lines = TRUE;
  else if (format_name != NULL && !hl_audit_format_from_string (format_name, &format))
    {
      hl_cli_print_error (_("Unknown format “%s”; use text, json, jsonl, csv, html or md"), format_name);
      return HL_CLI_EXIT_USAGE;
    }
  if (group_by != NULL && strcmp (group_by, "from") != 0 && strcmp (group_by, "relay") != 0)
    {
      hl_cli_print_error (_("Unknown grouping “%s”; use from or relay"), group_by);
      return HL_CLI_EXIT_USAGE;
    }
  if (inputs == NULL || inputs[0] == NULL)
    {
      hl_cli_print_error (_("No mailbox given; try “hoplock-cli audit --help”"));
      return HL_CLI_EXIT_USAGE;
    }
  if (merge && json_lines)
    {
      hl_cli_print_error (_("--merge combines summaries; it cannot write one line a message"));
      return HL_CLI_EXIT_USAGE;
    }

  audit = hl_audit_new (g_strcmp0 (group_by, "relay") == 0 ? HL_AUDIT_GROUP_BY_RELAY
                                                           : HL_AUDIT_GROUP_BY_FROM);

  if (merge)
    {
      for (guint i = 0; inputs[i] != NULL; i++)
        if (!read_merge (audit, inputs[i], &error))
          {
            hl_cli_print_error ("%s: %s", inputs[i], error->message);
            return HL_CLI_EXIT_INPUT;
          }
    }
  else
    {
      progress.show = !quiet && isatty (STDERR_FILENO);
      progress.started = g_get_monotonic_time ();
      for (guint i = 0; inputs[i] != NULL; i++)
        {
          GStatBuf st;

          if (g_stat (inputs[i], &st) == 0 && S_ISREG (st.st_mode))
            progress.total_bytes += st.st_size;
          else if (strcmp (inputs[i], "-") == 0 || g_file_test (inputs[i], G_FILE_TEST_IS_DIR))
            {
              /* folders and streams: no size known in advance, no ETA */
              progress.total_bytes = 0;
              break;
            }
        }

      if (json_lines && (out = open_output (output, &error)) == NULL)
        {
          hl_cli_print_error ("%s", error->message);
          return HL_CLI_EXIT_INPUT;
        }

      sa.sa_handler = on_sigint;
      sigemptyset (&sa.sa_mask);
      sigaction (SIGINT, &sa, &old_sa);

      for (guint i = 0; inputs[i] != NULL && !interrupted; i++)
        {
          g_autoptr(GError) source_error = NULL;

          if (is_imap (inputs[i]))
            {
              progress_clear (&progress);
              hl_cli_print_error (_("%s: IMAP mailboxes cannot be audited yet; audit a local copy "
                                    "(mbox, Maildir or folder) instead"), inputs[i]);
              status = HL_CLI_EXIT_INPUT;
              continue;
            }
          if (!audit_source (audit, inputs[i], (const char *const *) own, out, &progress, &source_error))
            {
              progress_clear (&progress);
              hl_cli_print_error ("%s", source_error->message);
              status = HL_CLI_EXIT_INPUT;
            }
        }
      sigaction (SIGINT, &old_sa, NULL);
      progress_draw (&progress, 0, TRUE);
      progress_clear (&progress);
      if (interrupted)
        {
          hl_audit_set_partial (audit, TRUE);
          status = HL_CLI_EXIT_INTERRUPTED;
        }
    }

  if (json_lines)
    {
      if (!g_output_stream_close (out, NULL, &error))
        {
          hl_cli_print_error ("%s", error->message);
          return HL_CLI_EXIT_INPUT;
        }
    }
  else
    {
      g_autoptr(JsonNode) node = hl_audit_to_json (audit);
      g_autoptr(GBytes) bytes = hl_audit_render (node, format, &error);
      gsize len;
      const char *data;

      if (bytes == NULL)
        {
          hl_cli_print_error ("%s", error->message);
          return HL_CLI_EXIT_INPUT;
        }
      data = g_bytes_get_data (bytes, &len);
      if (!hl_cli_write_output (output, data, len, &error))
        {
          hl_cli_print_error ("%s", error->message);
          return HL_CLI_EXIT_INPUT;
        }
    }
  return status;
}
