/* bench-audit.c: auditing a large mailbox, next to GMime alone reading it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-audit [--messages N] [--dir DIR] [--seed N] [--no-scale]
 *
 * 1. Writes N realistic messages (default 20,000: 4 to 8 Received fields each,
 *    authentication fields, bodies, a base64 attachment in every other one) as
 *    DIR/inbox.mbox and as a Maildir DIR/Maildir, and the same mbox four times
 *    over as DIR/inbox-4x.mbox (made once; kept between runs).
 * 2. Runs each pass in a fresh process of its own, one thread, and reads its
 *    time and peak resident memory from the kernel (wait4):
 *      FLOOR    GMime's own mbox parser (GMimeParser, GMIME_FORMAT_MBOX) building
 *               every message and walking every Received field's raw value, and
 *               nothing else: what any GMime-based tool pays at least;
 *      AUDIT    hoplock's audit of the same mbox (HlMailbox, a route a message,
 *               HlAudit), then of the Maildir, then of the 4x mbox.
 *    Each is run three times; the median is printed, with msgs/s, MB/s and the
 *    ratio to the floor measured in the same run.
 *
 * This is not a test: it prints the targets (audit <= 0.33 x floor, peak RSS
 * <= 20 MB at 1x and 4x) as PASS or MISS and exits 0 whatever they are.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hoplock.h"
#include "bench-messages.h"

#define TARGET_RATIO   0.33
#define TARGET_RSS_MB  20.0
#define RUNS           3

typedef struct
{
  double   wall_s;
  double   cpu_s;
  double   rss_mib;
  guint64  messages;
  guint64  received;
} Result;

/* ---------------------------------------------------------------------------
 * The passes, each run in a process of its own (--run PASS PATH)
 * ------------------------------------------------------------------------- */

static int
run_floor (const char *path)
{
  GMimeStream *stream;
  GMimeParser *parser;
  guint64 messages = 0, received = 0, bytes = 0;
  int fd;

  g_mime_init ();
  fd = open (path, O_RDONLY);
  if (fd < 0)
    return 1;
  stream = g_mime_stream_fs_new (fd);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MBOX);
  while (!g_mime_parser_eos (parser))
    {
      GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
      GMimeHeaderList *headers;

      if (message == NULL)
        break;
      messages++;
      headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
      for (int i = 0; i < g_mime_header_list_get_count (headers); i++)
        {
          GMimeHeader *h = g_mime_header_list_get_header_at (headers, i);

          if (g_ascii_strcasecmp (g_mime_header_get_name (h), "Received") == 0)
            {
              const char *raw = g_mime_header_get_raw_value (h);

              received++;
              bytes += raw != NULL ? strlen (raw) : 0;
            }
        }
      g_object_unref (message);
    }
  g_object_unref (parser);
  g_object_unref (stream);
  printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n", messages, received, bytes);
  return 0;
}

static int
run_audit (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlMailbox) mailbox = hl_mailbox_open (path, NULL, &error);
  g_autoptr(HlAudit) audit = hl_audit_new (HL_AUDIT_GROUP_BY_FROM);
  g_autoptr(JsonNode) summary = NULL;
  HlMailboxMessage m;
  guint64 messages = 0, received = 0;

  if (mailbox == NULL)
    {
      fprintf (stderr, "bench-audit: %s\n", error->message);
      return 1;
    }
  while (hl_mailbox_next (mailbox, &m, NULL, &error))
    {
      messages++;
      if (m.error == NULL)
        hl_audit_add_headers (audit, m.headers, m.headers_length, path, NULL, NULL, NULL, NULL);
    }
  summary = hl_audit_to_json (audit);
  printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %u\n", messages, received,
          hl_audit_get_n_domains (audit));
  (void) summary;
  return 0;
}

/* Runs this program with --run PASS PATH; its time and peak memory. */
static gboolean
measure (const char *self,
         const char *pass,
         const char *path,
         Result     *r)
{
  char *argv[] = { (char *) self, "--run", (char *) pass, (char *) path, NULL };
  int out_fd, status;
  GPid pid;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  char buf[256] = { 0 };
  gssize n;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                 NULL, &out_fd, NULL, &error))
    {
      fprintf (stderr, "bench-audit: %s\n", error->message);
      return FALSE;
    }
  n = read (out_fd, buf, sizeof buf - 1);
  close (out_fd);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0 || n <= 0)
    {
      fprintf (stderr, "bench-audit: the %s pass failed on %s\n", pass, path);
      return FALSE;
    }
  r->wall_s = (g_get_monotonic_time () - start) / 1e6;
  r->cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
             + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  r->rss_mib = usage.ru_maxrss / 1024.0;
  sscanf (buf, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &r->messages, &r->received);
  return TRUE;
}

static int
compare_cpu (gconstpointer a,
             gconstpointer b)
{
  double x = ((const Result *) a)->cpu_s, y = ((const Result *) b)->cpu_s;

  return x < y ? -1 : x > y;
}

/* The median of RUNS runs by processor time, with the highest peak memory. */
static gboolean
measure_median (const char *self,
                const char *pass,
                const char *path,
                Result     *median)
{
  Result runs[RUNS];
  double rss = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      if (!measure (self, pass, path, &runs[i]))
        return FALSE;
      rss = MAX (rss, runs[i].rss_mib);
    }
  qsort (runs, RUNS, sizeof runs[0], (int (*) (const void *, const void *)) compare_cpu);
  *median = runs[RUNS / 2];
  median->rss_mib = rss;
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * The mailbox
 * ------------------------------------------------------------------------- */

static gboolean
write_all (FILE       *f,
           const char *data,
           gsize       n)
{
  return fwrite (data, 1, n, f) == n;
}

static gboolean
generate (const char *dir,
          guint       n_messages,
          guint32     seed,
          guint      *n_received)
{
  g_autofree char *mbox_path = g_build_filename (dir, "inbox.mbox", NULL);
  g_autofree char *big_path = g_build_filename (dir, "inbox-4x.mbox", NULL);
  g_autofree char *cur = g_build_filename (dir, "Maildir", "cur", NULL);
  g_autofree char *stamp = g_build_filename (dir, "stamp", NULL);
  g_autofree char *want = g_strdup_printf ("%u %u\n", n_messages, seed);
  g_autofree char *new_dir = g_build_filename (dir, "Maildir", "new", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *have = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  BenchChain chain = { 0 };
  FILE *mbox, *big;

  if (g_file_get_contents (stamp, &have, NULL, NULL) && g_str_has_prefix (have, want))
    {
      sscanf (have + strlen (want), "%u", n_received);
      return TRUE;
    }
  g_mkdir_with_parents (cur, 0755);
  g_mkdir_with_parents (new_dir, 0755);
  mbox = fopen (mbox_path, "wb");
  if (mbox == NULL)
    return FALSE;

  chain.rand = g_rand_new_with_seed (seed);
  *n_received = 0;
  for (guint i = 0; i < n_messages; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%u.M%uP1.bench:2,S", cur, 1700000000 + i, i);
      const char *nl;

      g_string_truncate (message, 0);
      bench_append_message (message, &chain, n_received, TRUE);
      g_string_append_c (message, '\n');
      if (!write_all (mbox, message->str, message->len))
        return FALSE;
      /* in the Maildir without the mbox "From " line and the separating blank line */
      nl = strchr (message->str, '\n');
      if (!g_file_set_contents (name, nl + 1, message->len - (nl + 1 - message->str) - 1, NULL))
        return FALSE;
    }
  g_rand_free (chain.rand);
  fclose (mbox);

  /* four times over, for memory that must not grow with the mailbox */
  big = fopen (big_path, "wb");
  for (guint k = 0; big != NULL && k < 4; k++)
    {
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_get_contents (mbox_path, &data, &len, NULL) || !write_all (big, data, len))
        return FALSE;
    }
  if (big == NULL || fclose (big) != 0)
    return FALSE;

  stored = g_strdup_printf ("%s%u\n", want, *n_received);
  return g_file_set_contents (stamp, stored, -1, NULL);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

static guint64
tree_size (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 total = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (path, name, NULL);

      total += g_file_test (p, G_FILE_TEST_IS_DIR) ? tree_size (p) : file_size (p);
    }
  return total;
}

static void
print_row (const char   *what,
           const Result *r,
           guint64       bytes,
           const Result *floor)
{
  printf ("  %-26s %8.2f s %8.2f s %9.0f %8.1f %8.1f MiB",
          what, r->cpu_s, r->wall_s, r->messages / r->cpu_s, bytes / 1048576.0 / r->cpu_s, r->rss_mib);
  if (floor != NULL)
    printf ("  %5.3f x", r->cpu_s / floor->cpu_s);
  printf ("\n");
}

int
main (int    argc,
      char **argv)
{
  int n_messages = 20000, seed = 20240315;
  gboolean no_scale = FALSE;
  g_autofree char *dir = NULL;
  g_autofree char *mbox = NULL, *maildir = NULL, *big = NULL;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  Result floor, audit, audit_maildir, audit_big, floor_big;
  guint n_received = 0;
  const GOptionEntry entries[] = {
    { "messages", 'n', 0, G_OPTION_ARG_INT, &n_messages, "Messages in the mailbox (20000)", "N" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Where the mailbox is written (a folder under /var/tmp)", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator", "N" },
    { "no-scale", 0, 0, G_OPTION_ARG_NONE, &no_scale, "Skip the 4x mailbox", NULL },
    { NULL }
  };

  if (argc == 4 && strcmp (argv[1], "--run") == 0)
    return strcmp (argv[2], "floor") == 0 ? run_floor (argv[3]) : run_audit (argv[3]);

  ctx = g_option_context_new ("— audit a large mailbox next to GMime alone");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || n_messages < 1)
    {
      fprintf (stderr, "bench-audit: %s\n", error ? error->message : "bad --messages");
      return 1;
    }
  if (dir == NULL)
    dir = g_build_filename (g_get_tmp_dir (), "hoplock-bench-audit", NULL);

  printf ("Writing %d messages to %s (once; kept for the next run)…\n", n_messages, dir);
  fflush (stdout);
  if (!generate (dir, n_messages, seed, &n_received))
    {
      fprintf (stderr, "bench-audit: could not write the mailbox in %s\n", dir);
      return 1;
    }
  mbox = g_build_filename (dir, "inbox.mbox", NULL);
  maildir = g_build_filename (dir, "Maildir", NULL);
  big = g_build_filename (dir, "inbox-4x.mbox", NULL);
  printf ("Mailbox: %d messages, %u Received fields, %.1f MiB as mbox, %.1f MiB as Maildir\n\n",
          n_messages, n_received, file_size (mbox) / 1048576.0, tree_size (maildir) / 1048576.0);

  if (!measure_median (argv[0], "floor", mbox, &floor)
      || !measure_median (argv[0], "audit", mbox, &audit)
      || !measure_median (argv[0], "audit", maildir, &audit_maildir))
    return 1;
  if (!no_scale && (!measure_median (argv[0], "floor", big, &floor_big)
                    || !measure_median (argv[0], "audit", big, &audit_big)))
    return 1;

  printf ("Median of %d runs, one thread each; cpu = user + system\n", RUNS);
  printf ("  %-26s %10s %10s %9s %8s %12s  %s\n", "pass", "cpu", "wall", "msgs/s", "MB/s", "peak RSS", "vs floor");
  print_row ("FLOOR  GMime, mbox", &floor, file_size (mbox), NULL);
  print_row ("AUDIT  hoplock, mbox", &audit, file_size (mbox), &floor);
  print_row ("AUDIT  hoplock, Maildir", &audit_maildir, tree_size (maildir), &floor);
  if (!no_scale)
    {
      print_row ("FLOOR  GMime, mbox 4x", &floor_big, file_size (big), NULL);
      print_row ("AUDIT  hoplock, mbox 4x", &audit_big, file_size (big), &floor_big);
    }
  if (audit.messages != floor.messages || audit_maildir.messages != floor.messages)
    printf ("  (messages read differ: floor %" G_GUINT64_FORMAT ", audit %" G_GUINT64_FORMAT
            ", Maildir %" G_GUINT64_FORMAT ")\n", floor.messages, audit.messages, audit_maildir.messages);

  printf ("\nTargets\n");
  printf ("  audit <= %.2f x GMime's floor (mbox)    %5.3f x  %s\n", TARGET_RATIO,
          audit.cpu_s / floor.cpu_s, audit.cpu_s / floor.cpu_s <= TARGET_RATIO ? "PASS" : "MISS");
  printf ("  peak RSS <= %.0f MB at 1x               %5.1f MiB  %s\n", TARGET_RSS_MB, audit.rss_mib,
          audit.rss_mib <= TARGET_RSS_MB ? "PASS" : "MISS");
  if (!no_scale)
    printf ("  peak RSS <= %.0f MB at 4x               %5.1f MiB  %s\n", TARGET_RSS_MB, audit_big.rss_mib,
            audit_big.rss_mib <= TARGET_RSS_MB ? "PASS" : "MISS");
  return 0;
}
