/* bench-startup.c: how long the desktop app takes to show a message
 *
 * Starts build/app/hoplock on a message, again and again, and measures the
 * time from just before exec to the first painted frame that shows the
 * message, and the process's peak resident memory. Two messages: the built-in
 * example (one hop, 730 bytes), and a generated one of 30 MB: three hops and
 * three attachments of 10 MB each in base64.
 *
 * The app reports its frames itself: with HOPLOCK_REPORT_STARTUP=quit it
 * prints, on standard error,
 *
 *   hoplock-startup: first-frame 182.3 ms monotonic-us=123456789
 *   hoplock-startup: first-message-frame 190.1 ms monotonic-us=123464589
 *
 * and quits; monotonic-us is CLOCK_MONOTONIC, the clock this program reads
 * before it forks, so the difference is the whole start: exec, dynamic
 * linking, GTK and libadwaita start-up, the window, reading and parsing the
 * message, layout and the first paint. Peak memory is ru_maxrss of the ended
 * process.
 *
 * Usage: bench-startup [--runs N] [--renderer cairo|gl|default]...
 *
 * Without a display it runs itself under tests/ui/run-under-xvfb.sh (Xvfb and
 * a session bus of its own). Targets, on the reference machine: under 500 ms
 * for the example, under 600 ms for the 30 MB message, under 120 MB resident.
 * Not a test: it always exits 0 once it has measured, and 1 when the system
 * refuses what it needs (a file, a pipe, a process) or on bad options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define TARGET_EXAMPLE_MS 500.0
#define TARGET_LARGE_MS   600.0
#define TARGET_RSS_MB     120.0

/* What the system refuses (a file, a pipe, a process) ends the measurement. */
G_NORETURN static void G_GNUC_PRINTF (1, 2)
die (const char *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("bench-startup: %s\n", message);
  exit (1);
}

typedef struct
{
  double first_frame_ms;     /* from exec; the first frame of anything */
  double message_frame_ms;   /* from exec; the first frame showing the message */
  double rss_mb;
} Run;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The 30 MB message: the Received fields of a three-hop journey, then a
 * multipart body with three 10 MB attachments in base64. */
static char *
write_large_message (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "large-30mb.eml", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250205);
  FILE *f = fopen (path, "w");
  gsize raw = 7400 * 1000;   /* 10 MB of base64 each */
  guchar *chunk;

  if (f == NULL)
    die ("%s: %s", path, g_strerror (errno));

  fputs ("Received: from mx.example.net (mx.example.net [2001:db8:10::25])\n"
         "\tby mailbox.example.net (Postfix) with LMTPS id 4Wq9bF3kQ2z1xyZ\n"
         "\tfor <dana@example.net>; Wed, 05 Feb 2025 09:12:41 +0000 (UTC)\n"
         "Received: from mail-eu1.example.org (mail-eu1.example.org [198.51.100.23])\n"
         "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
         "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
         "\t(No client certificate requested)\n"
         "\tby mx.example.net (Postfix) with ESMTPS id 4Wq9bF2sLmz1xyX\n"
         "\tfor <dana@example.net>; Wed, 05 Feb 2025 09:12:40 +0000 (UTC)\n"
         "Received: from submit.example.org ([203.0.113.77])\n"
         "\tby mail-eu1.example.org with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384\n"
         "\t(Exim 4.96) (envelope-from <erik@example.org>) id 1tfZxk-0004Qv-2B\n"
         "\tfor dana@example.net; Wed, 05 Feb 2025 10:12:38 +0100\n"
         "From: Erik <erik@example.org>\n"
         "To: Dana <dana@example.net>\n"
         "Subject: The scans, all three\n"
         "Date: Wed, 05 Feb 2025 10:12:37 +0100\n"
         "Message-ID: <bench-large-1@example.org>\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/mixed; boundary=\"hoplock-bench\"\n"
         "\n"
         "--hoplock-bench\n"
         "Content-Type: text/plain; charset=utf-8\n"
         "\n"
         "Here they are.\n", f);

  chunk = g_malloc (raw);
  for (int a = 1; a <= 3; a++)
    {
      gsize i;
      gchar *b64;
      gsize len;

      for (i = 0; i + 4 <= raw; i += 4)
        {
          guint32 r = g_rand_int (rand);

          memcpy (chunk + i, &r, 4);
        }
      fprintf (f, "--hoplock-bench\n"
                  "Content-Type: application/octet-stream; name=\"scan-%d.bin\"\n"
                  "Content-Disposition: attachment; filename=\"scan-%d.bin\"\n"
                  "Content-Transfer-Encoding: base64\n\n", a, a);
      b64 = g_base64_encode (chunk, raw);
      len = strlen (b64);
      for (i = 0; i < len; i += 76)
        {
          fwrite (b64 + i, 1, MIN (76, len - i), f);
          fputc ('\n', f);
        }
      g_free (b64);
    }
  fputs ("--hoplock-bench--\n", f);
  g_free (chunk);
  if (fclose (f) != 0)
    die ("%s: %s", path, g_strerror (errno));
  return g_steal_pointer (&path);
}

/* Runs the app once; FALSE if it did not report a frame. */
static gboolean
run_once (const char *hoplock,
          const char *message,
          const char *renderer,
          Run        *run)
{
  int err_pipe[2];
  gint64 started;
  pid_t pid;
  struct rusage usage;
  int status;
  FILE *err;
  char line[512];
  gboolean got_frame = FALSE, got_message = FALSE;

  if (pipe (err_pipe) != 0)
    die ("pipe: %s", g_strerror (errno));

  started = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    die ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      dup2 (err_pipe[1], STDERR_FILENO);
      close (err_pipe[0]);
      close (err_pipe[1]);
      setenv ("HOPLOCK_REPORT_STARTUP", "quit", 1);
      /* As on a desktop: Mesa keeps compiled shaders (the first, uncounted
       * run fills the cache in the throw-away home). */
      unsetenv ("MESA_SHADER_CACHE_DISABLE");
      if (g_strcmp0 (renderer, "gl") == 0)
        {
          setenv ("GSK_RENDERER", "gl", 1);
          setenv ("GDK_DEBUG", "", 1);
        }
      else if (g_strcmp0 (renderer, "cairo") == 0)
        {
          setenv ("GSK_RENDERER", "cairo", 1);
          setenv ("GDK_DEBUG", "gl-disable", 1);
        }
      else
        {
          unsetenv ("GSK_RENDERER");
          setenv ("GDK_DEBUG", "", 1);
        }
      execl (hoplock, hoplock, message, (char *) NULL);
      _exit (127);
    }
  close (err_pipe[1]);

  err = fdopen (err_pipe[0], "r");
  while (fgets (line, sizeof line, err) != NULL)
    {
      const char *mono = strstr (line, "monotonic-us=");
      gint64 at;

      if (!g_str_has_prefix (line, "hoplock-startup: ") || mono == NULL)
        continue;
      at = g_ascii_strtoll (mono + strlen ("monotonic-us="), NULL, 10);
      if (strstr (line, "first-message-frame") != NULL)
        {
          run->message_frame_ms = (at - started) / 1000.0;
          got_message = TRUE;
        }
      else if (strstr (line, "first-frame") != NULL)
        {
          run->first_frame_ms = (at - started) / 1000.0;
          got_frame = TRUE;
        }
    }
  fclose (err);

  if (wait4 (pid, &status, 0, &usage) < 0)
    die ("wait4: %s", g_strerror (errno));
  run->rss_mb = usage.ru_maxrss / 1024.0;   /* KiB on Linux */
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_printerr ("  (hoplock ended with status %d)\n", status);
  return got_frame && got_message;
}

static void
measure (const char *hoplock,
         const char *label,
         const char *message,
         const char *renderer,
         guint       runs,
         double      target_ms)
{
  g_autofree double *frame = g_new0 (double, runs);
  g_autofree double *shown = g_new0 (double, runs);
  g_autofree double *rss = g_new0 (double, runs);
  double max_rss = 0, max_shown = 0, min_shown = G_MAXDOUBLE;
  guint n = 0;
  Run run;

  /* One run first, not counted: the page cache and font caches warm up. */
  run_once (hoplock, message, renderer, &run);
  for (guint i = 0; i < runs; i++)
    {
      memset (&run, 0, sizeof run);
      if (!run_once (hoplock, message, renderer, &run))
        {
          g_printerr ("  run %u: no frame reported\n", i + 1);
          continue;
        }
      frame[n] = run.first_frame_ms;
      shown[n] = run.message_frame_ms;
      rss[n] = run.rss_mb;
      max_rss = MAX (max_rss, run.rss_mb);
      max_shown = MAX (max_shown, run.message_frame_ms);
      min_shown = MIN (min_shown, run.message_frame_ms);
      n++;
    }
  if (n == 0)
    {
      g_print ("%-8s %-22s  no frame reported\n", renderer, label);
      return;
    }
  g_print ("%-8s %-22s  %7.0f ms  %7.0f ms  (%4.0f-%4.0f)  %6.1f MB   %s\n",
           renderer, label, median (frame, n), median (shown, n), min_shown, max_shown,
           max_rss,
           median (shown, n) < target_ms && max_rss < TARGET_RSS_MB ? "within target" : "OVER TARGET");
}

static char *
find_hoplock (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  char *path;

  if (g_getenv ("HOPLOCK") != NULL)
    return g_strdup (g_getenv ("HOPLOCK"));
  if (self == NULL)
    return NULL;
  dir = g_path_get_dirname (self);                   /* build/tests/bench */
  path = g_build_filename (dir, "..", "..", "app", "hoplock", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_clear_pointer (&path, g_free);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *hoplock = find_hoplock ();
  g_autofree char *example = g_build_filename (BENCH_SOURCE_DIR, "data", "samples", "example.eml",
                                               NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *large = NULL;
  g_autoptr(GPtrArray) renderers = g_ptr_array_new ();
  guint runs = 7;
  GStatBuf st;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          runs = n > 0 ? (guint) n : 1;
        }
      else if (strcmp (argv[i], "--renderer") == 0 && i + 1 < argc)
        g_ptr_array_add (renderers, argv[++i]);
      else if (strcmp (argv[i], "--quick") == 0)
        runs = 2;
      else
        {
          g_printerr ("usage: %s [--runs N] [--quick] [--renderer cairo|gl|default]...\n", argv[0]);
          return 1;
        }
    }
  if (renderers->len == 0)
    {
      g_ptr_array_add (renderers, "cairo");
      g_ptr_array_add (renderers, "gl");
    }

  if (hoplock == NULL)
    {
      g_print ("bench-startup: the desktop app is not built (no build/app/hoplock); nothing to measure.\n");
      return 0;
    }
  /* The uninstalled app's settings schema, as `meson devenv` gives it */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *app_dir = g_path_get_dirname (hoplock);
      g_autofree char *schemas = g_build_filename (app_dir, "..", "data", NULL);
      g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);

      if (g_file_test (compiled, G_FILE_TEST_EXISTS))
        g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }

  /* No display: run again on a private one. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_autofree char *wrapper = g_build_filename (BENCH_SOURCE_DIR, "tests", "ui",
                                                   "run-under-xvfb.sh", NULL);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      if (g_getenv ("HL_BENCH_NESTED") != NULL || !g_file_test (wrapper, G_FILE_TEST_IS_EXECUTABLE))
        {
          g_print ("bench-startup: no display, and %s cannot give one.\n", wrapper);
          return 0;
        }
      g_setenv ("HL_BENCH_NESTED", "1", TRUE);
      g_setenv ("GTK_A11Y", "none", TRUE);
      g_ptr_array_add (args, wrapper);
      for (int i = 0; i < argc; i++)
        g_ptr_array_add (args, argv[i]);
      g_ptr_array_add (args, NULL);
      execv (wrapper, (char **) args->pdata);
      g_printerr ("bench-startup: %s: %s\n", wrapper, g_strerror (errno));
      return 1;
    }

  tmp = g_dir_make_tmp ("hoplock-bench-XXXXXX", NULL);
  g_print ("bench-startup: %s, %u runs each (median, range), display %s\n",
           hoplock, runs, g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : g_getenv ("WAYLAND_DISPLAY"));
  large = write_large_message (tmp);
  g_stat (large, &st);
  g_print ("large message: %.1f MB\n\n", st.st_size / 1e6);

  g_print ("%-8s %-22s  %10s  %10s  %12s  %9s\n", "renderer", "message", "1st frame", "message", "range", "max RSS");
  for (guint r = 0; r < renderers->len; r++)
    {
      const char *renderer = g_ptr_array_index (renderers, r);

      measure (hoplock, "example (730 B)", example, renderer, runs, TARGET_EXAMPLE_MS);
      measure (hoplock, "30 MB, 3 attachments", large, renderer, runs, TARGET_LARGE_MS);
    }
  g_print ("\ntargets: example under %.0f ms, 30 MB under %.0f ms, under %.0f MB resident;\n"
           "times from exec to the frame painted (\"message\": the first showing the journey).\n",
           TARGET_EXAMPLE_MS, TARGET_LARGE_MS, TARGET_RSS_MB);

  g_unlink (large);
  g_rmdir (tmp);
  return 0;
}
