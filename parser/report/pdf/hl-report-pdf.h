/* hl-report-pdf.h: the PDF report writer, libhoplock-pdf-1
 *
 * The PDF writer draws with Cairo and Pango, so it is a library of its own: a
 * program that only parses links libhoplock-1 (pkg-config hoplock-1) and loads
 * neither. One that writes PDF reports links libhoplock-pdf-1 as well
 * (pkg-config hoplock-pdf-1) and calls hl_report_pdf_register() once at startup;
 * from then on hl_report_render() and hl_report_write_file() take
 * %HL_REPORT_FORMAT_PDF like any other format. Without it they refuse PDF with
 * %G_IO_ERROR_NOT_SUPPORTED ("PDF reports need libhoplock-pdf-1").
 *
 *     #include <hoplock-pdf.h>     // <hoplock.h> and this header
 *
 *     hl_report_pdf_register ();
 *     bytes = hl_report_render (routes, n, HL_REPORT_FORMAT_PDF, 0, &error);
 *
 * The report is A4, or US Letter with %HL_REPORT_LETTER.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "report/hl-report.h"

G_BEGIN_DECLS

HL_AVAILABLE_IN_ALL
void hl_report_pdf_register (void);

G_END_DECLS
