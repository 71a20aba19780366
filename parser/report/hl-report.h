/* hl-report.h: the per-hop report, in every format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "core/hl-route.h"
#include "core/hl-text.h"

G_BEGIN_DECLS

#define HL_REPORT_SCHEMA "hoplock-report/1"

/* The most hops a report meant for reading (HTML, Markdown, PDF, and text with
 * explanations) lays out in full, the newest ones. Postfix refuses a message with
 * more Received fields than this by default (hopcount_limit), and Exim, Sendmail
 * and Exchange stop earlier, so a longer list comes from a mail loop or from fields
 * added to mislead; a page per hop of it would bury what matters. The JSON, CSV and
 * plain text reports keep every hop; the app lists this many and shows the
 * rest when asked. */
#define HL_REPORT_MAX_EXPLAINED_HOPS 50

typedef enum
{
  HL_TEXT_PLAIN = 0,
  HL_TEXT_COLOR = 1 << 0,     /* ANSI colours, for a terminal */
  HL_TEXT_EXPLAIN = 1 << 1,   /* the explanations under each hop */
  HL_REPORT_LETTER = 1 << 8,  /* PDF: US Letter pages instead of A4 (other formats ignore it) */
} HlTextFlags;

/* The formats a report can be written in. Only grows. */
typedef enum
{
  HL_REPORT_FORMAT_TEXT,
  HL_REPORT_FORMAT_JSON,
  HL_REPORT_FORMAT_JSON_LINES,
  HL_REPORT_FORMAT_CSV,
  HL_REPORT_FORMAT_HTML,
  HL_REPORT_FORMAT_MARKDOWN,
  HL_REPORT_FORMAT_PDF,
  HL_REPORT_N_FORMATS
} HlReportFormat;

HL_AVAILABLE_IN_ALL
gboolean    hl_report_format_from_string (const char     *name,
                                          HlReportFormat *format);
HL_AVAILABLE_IN_ALL
const char *hl_report_format_to_string   (HlReportFormat  format);  /* "text", "json", … */
HL_AVAILABLE_IN_ALL
const char *hl_report_format_extension   (HlReportFormat  format);  /* "txt", "json", … */
HL_AVAILABLE_IN_ALL
const char *hl_report_format_mime_type   (HlReportFormat  format);
HL_AVAILABLE_IN_ALL
const char *hl_report_format_label       (HlReportFormat  format);  /* translated, e.g. "JSON" */

/* The report of one or several messages. JSON with several messages is an array;
 * JSON Lines is one object a line. @flags apply to the text format. */
HL_AVAILABLE_IN_ALL
GBytes     *hl_report_render             (HlRoute *const *routes,
                                          guint           n_routes,
                                          HlReportFormat  format,
                                          HlTextFlags     flags,
                                          GError        **error);
/* Renders and writes atomically (g_file_replace): an interrupted or failed write
 * never leaves a half file or destroys an older one. */
HL_AVAILABLE_IN_ALL
gboolean    hl_report_write_file         (HlRoute *const *routes,
                                          guint           n_routes,
                                          HlReportFormat  format,
                                          HlTextFlags     flags,
                                          GFile          *file,
                                          GCancellable   *cancellable,
                                          GError        **error);

/**
 * HlReportRenderFunc:
 * @routes: (array length=n_routes): the messages
 * @n_routes: how many
 * @flags: the flags hl_report_render() was given
 * @error: where a reason to refuse goes
 *
 * A writer of one format, as hl_report_render() calls it.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
typedef GBytes *(*HlReportRenderFunc) (HlRoute *const *routes,
                                       guint           n_routes,
                                       HlTextFlags     flags,
                                       GError        **error);

/* The PDF writer draws with Cairo and Pango, so it lives in a library of its own,
 * libhoplock-pdf-1 (pkg-config hoplock-pdf-1, <report/pdf/hl-report-pdf.h>), and a
 * program that only parses does not pull them in. hl_report_pdf_register() of that
 * library plugs its writer in here; until then hl_report_render() and
 * hl_report_write_file() refuse %HL_REPORT_FORMAT_PDF with %G_IO_ERROR_NOT_SUPPORTED.
 * Only formats whose writer lives outside libhoplock-1 take one. */
HL_AVAILABLE_IN_ALL
void      hl_report_format_set_renderer (HlReportFormat      format,
                                         HlReportRenderFunc  render);
HL_AVAILABLE_IN_ALL
gboolean  hl_report_format_is_available (HlReportFormat      format);

HL_AVAILABLE_IN_ALL
JsonNode *hl_received_to_json (HlReceived *hop);
HL_AVAILABLE_IN_ALL
JsonNode *hl_route_to_json    (HlRoute    *route);
HL_AVAILABLE_IN_ALL
char     *hl_route_to_text    (HlRoute    *route,
                               HlTextFlags flags);
HL_AVAILABLE_IN_ALL
char     *hl_received_to_text (HlReceived *hop,
                               HlTextFlags flags);

G_END_DECLS
