/* fuzz-report-formats.c: every report format has its fuzz target
 *
 * tests/fuzz/meson.build builds one report target per entry of its list
 * fuzz_report_formats and hands the list over as HL_FUZZ_REPORT_FORMATS, the
 * HlReportFormat names separated by commas. A name that is not in the enum does
 * not compile; a format of the enum that the list leaves out fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hoplock.h"

#ifndef HL_FUZZ_REPORT_FORMATS
#error "Build with -DHL_FUZZ_REPORT_FORMATS=HL_REPORT_FORMAT_TEXT,…"
#endif

static const HlReportFormat listed[] = { HL_FUZZ_REPORT_FORMATS };

static void
test_count (void)
{
  if (G_N_ELEMENTS (listed) != HL_REPORT_N_FORMATS)
    g_test_fail_printf ("tests/fuzz/meson.build lists %u report formats, hl-report.h has %d",
                        (guint) G_N_ELEMENTS (listed), HL_REPORT_N_FORMATS);
}

static void
test_each_once (void)
{
  for (int f = 0; f < HL_REPORT_N_FORMATS; f++)
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
        n += listed[i] == (HlReportFormat) f;
      if (n != 1)
        g_test_fail_printf ("format %d (%s) has %u fuzz targets in tests/fuzz/meson.build, "
                            "not 1", f, hl_report_format_to_string (f), n);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzz/report-formats/count", test_count);
  g_test_add_func ("/fuzz/report-formats/each-once", test_each_once);

  return g_test_run ();
}
