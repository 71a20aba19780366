/* hl-report-model-private.h: what every report writer shows, worked out once
 *
 * For now: how each writer escapes text for its target, and the writers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-explain.h"
#include "hl-report-private.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------
 * Escaping, one function per target
 * ------------------------------------------------------------------------- */

/* One RFC 4180 field: quoted when needed, formulas neutralised (see hl-report-csv.c). */
void   hl_report_append_csv      (GString    *out,
                                  const char *text);

/* The writers of hl-report.c's table. */
GBytes *hl_report_render_csv      (HlRoute *const *routes,
                                   guint           n_routes,
                                   HlTextFlags     flags,
                                   GError        **error);

G_END_DECLS
