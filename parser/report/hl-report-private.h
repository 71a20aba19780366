/* hl-report-private.h: what the report writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "report/hl-report.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
  const char *label;
  HlReportRenderFunc render;   /* NULL: a library of its own plugs it in */
} HlReportWriter;

/* The hops of @route a report for reading explains: from *@first, a count. */
guint hl_report_explained_hops (HlRoute *route,
                                guint   *first);
/* The sentence that says which hops are left out and where to find them, or NULL
 * when all of @route's hops are explained. @listed: whether the report still
 * lists the others without explanations. */
char *hl_report_dup_omitted_note (HlRoute  *route,
                                  gboolean  listed);

G_END_DECLS
