/* hl-test.c: paths into the source and build trees, and running hoplock-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hl-test.h"

static char *
build_path (GTestFileType  type,
            const char    *first_element,
            va_list       *args)
{
  g_autofree char *rest = g_build_filename_valist (first_element, args);

  return g_build_filename (g_test_get_dir (type), rest, NULL);
}

/**
 * hl_test_source_path:
 * @first_element: the first part of the path below the source tree
 * @...: more parts, then %NULL
 *
 * A file of the source tree: the same as g_test_build_filename (G_TEST_DIST, …),
 * which reads G_TEST_SRCDIR (tests/meson.build sets it to the top of the tree).
 *
 * Returns: (transfer full): the path
 */
char *
hl_test_source_path (const char *first_element,
                     ...)
{
  static gboolean warned;
  va_list args;
  char *path;

  if (g_getenv ("G_TEST_SRCDIR") == NULL && !warned)
    {
      g_test_message ("G_TEST_SRCDIR is not set; looking for source files next to the "
                      "test program, where they are not");
      warned = TRUE;
    }
  va_start (args, first_element);
  path = build_path (G_TEST_DIST, first_element, &args);
  va_end (args);
  return path;
}

/**
 * hl_test_sample_path:
 * @name: a file name in data/samples/, e.g. "example.eml"
 *
 * Returns: (transfer full): the path of a sample message
 */
char *
hl_test_sample_path (const char *name)
{
  return hl_test_source_path ("data", "samples", name, NULL);
}

/**
 * hl_test_cli_path:
 *
 * The hoplock-cli to run: $HL_CLI when set (tests/meson.build sets it for the
 * cli tests), otherwise app/hoplock-cli of the build tree (G_TEST_BUILDDIR).
 *
 * Returns: (transfer none): the path
 */
const char *
hl_test_cli_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("HL_CLI");

      path = env != NULL ? g_strdup (env)
                         : g_test_build_filename (G_TEST_BUILT, "app", "hoplock-cli", NULL);
    }
  return path;
}

/**
 * hl_test_fail:
 * @format: a printf() format for what went wrong
 * @...: its arguments
 *
 * Fails the current case, as g_test_fail_printf() does, and logs the message
 * as well: g_test_fail_printf() keeps only the last message of a case, for its
 * "not ok" line, so a case that goes on after a failure would hide the ones
 * before.
 */
void
hl_test_fail (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAIL: %s", message);
  g_test_fail_printf ("%s", message);
}

void
hl_test_run_clear (HlTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char *
bytes_to_text (GBytes *bytes)
{
  gsize len = bytes != NULL ? g_bytes_get_size (bytes) : 0;

  return len > 0 ? g_strndup (g_bytes_get_data (bytes, NULL), len) : g_strdup ("");
}

/**
 * hl_test_run_cliv:
 * @run: where the results go; cleared first
 * @input: (nullable): standard input, or %NULL for none
 * @child_setup: (nullable): run in the child before exec, e.g. to drop privileges
 * @args: (array zero-terminated=1): the arguments after the program name
 *
 * Runs hoplock-cli (hl_test_cli_path()) with NO_COLOR unset, so that what it
 * writes is what it writes by default, and waits for it.
 *
 * Returns: %TRUE if it ran; %FALSE if it could not be started, in which case
 *   the current test case is marked failed and @run->status is -1
 */
gboolean
hl_test_run_cliv (HlTestRun            *run,
                  const char           *input,
                  GSpawnChildSetupFunc  child_setup,
                  const char *const    *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  hl_test_run_clear (run);
  run->status = -1;

  g_ptr_array_add (argv, (gpointer) hl_test_cli_path ());
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "NO_COLOR");
  if (child_setup != NULL)
    g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  if (proc != NULL)
    {
      in = g_bytes_new (input, input != NULL ? strlen (input) : 0);
      g_subprocess_communicate (proc, in, NULL, &out, &err, &error);
    }
  run->out = bytes_to_text (out);
  run->err = bytes_to_text (err);
  if (error != NULL)
    {
      hl_test_fail ("%s: %s", hl_test_cli_path (), error->message);
      return FALSE;
    }
  run->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
  return TRUE;
}
