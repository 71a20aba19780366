/* fuzz-driver.c: runs a fuzz target over saved inputs, without libFuzzer
 *
 * Usage: fuzz-driver-TARGET PATH…
 *
 * Every PATH is a file or a folder of files (not descended into; names starting
 * with "." and README files are left out); each file is handed once to the
 * target's LLVMFuzzerTestOneInput() in a buffer of exactly its size, so a read
 * past the end is caught by AddressSanitizer. Missing folders are skipped: a
 * target may have no regressions yet. Prints TAP, one line a file; a crash stops
 * the run with the file's name on standard error.
 *
 * This is how gcc builds replay the committed corpus and regressions as
 * ordinary tests; clang builds with -Dfuzzing=true get the real fuzzers too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (name[0] == '.' || g_str_has_prefix (name, "README"))
        continue;
      child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  double slowest = 0;
  const char *slowest_name = NULL;

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_paths);

  printf ("1..%u\n", files->len);
  if (files->len == 0)
    printf ("# no inputs found\n");

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      uint8_t *exact;
      gsize len;
      gint64 start;
      double secs;

      if (!g_file_get_contents (path, &contents, &len, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      /* Exactly @len bytes: no terminating NUL to hide an over-read. */
      exact = malloc (len ? len : 1);
      memcpy (exact, contents, len);

      fprintf (stderr, "running %s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
      start = g_get_monotonic_time ();
      LLVMFuzzerTestOneInput (exact, len);
      secs = (g_get_monotonic_time () - start) / 1e6;
      free (exact);

      if (secs > slowest)
        {
          slowest = secs;
          slowest_name = path;
        }
      printf ("ok %u - %s (%.3f s)\n", i + 1, path, secs);
      fflush (stdout);
    }

  if (slowest_name != NULL)
    printf ("# slowest input: %s, %.3f s\n", slowest_name, slowest);
  return 0;
}
