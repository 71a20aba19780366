/* hl-test.h: what the test programs share: paths into the source and build
 * trees, and running hoplock-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paths come from GTest: tests/meson.build sets G_TEST_SRCDIR to the source
 * tree and G_TEST_BUILDDIR to the build tree, so g_test_build_filename
 * (G_TEST_DIST, "data", "samples", …) names a file of the source tree. Run by
 * hand, a test program needs the same two variables, and -k (--keep-going, which
 * meson passes) for a failed case not to stop the program:
 *
 *   G_TEST_SRCDIR=$PWD G_TEST_BUILDDIR=$PWD/build build/tests/test-report -k
 *
 * Every function here needs g_test_init() to have run.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char       *hl_test_source_path (const char *first_element,
                                 ...) G_GNUC_NULL_TERMINATED G_GNUC_MALLOC;
char       *hl_test_sample_path (const char *name) G_GNUC_MALLOC;
const char *hl_test_cli_path    (void);

void        hl_test_fail        (const char *format,
                                 ...) G_GNUC_PRINTF (1, 2);

/* One run of hoplock-cli: its exit status (-1 when it could not be started)
 * and everything it wrote, as text. */
typedef struct
{
  int status;
  char *out;
  char *err;
} HlTestRun;

void     hl_test_run_clear (HlTestRun            *run);
gboolean hl_test_run_cliv  (HlTestRun            *run,
                            const char           *input,
                            GSpawnChildSetupFunc  child_setup,
                            const char *const    *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HlTestRun, hl_test_run_clear)

G_END_DECLS
