/* hoplock-pdf.h: libhoplock-pdf-1, the PDF report writer of Hoplock
 *
 * Everything of <hoplock.h>, and hl_report_pdf_register().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hoplock.h"

#define HOPLOCK_INSIDE

#include "report/pdf/hl-report-pdf.h"

#undef HOPLOCK_INSIDE
