/* hoplock.c: the desktop app's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hoplock-pdf.h"
#include "hl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HlApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Exports write PDF too (libhoplock-pdf-1). */
  hl_report_pdf_register ();

  g_set_application_name (_("Hoplock"));
  app = hl_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
