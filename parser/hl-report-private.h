/* hl-report-private.h: what the report writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-received-private.h"
#include "hl-report.h"

G_BEGIN_DECLS

typedef GBytes *(*HlReportRenderFunc) (HlRoute *const *routes,
                                       guint           n_routes,
                                       HlTextFlags     flags,
                                       GError        **error);

typedef struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
  const char *label;
  HlReportRenderFunc render;
} HlReportWriter;

G_END_DECLS
