/* hl-summary.h: the verdict on a whole message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hoplock.h"

G_BEGIN_DECLS

#define HL_TYPE_SUMMARY (hl_summary_get_type ())

G_DECLARE_FINAL_TYPE (HlSummary, hl_summary, HL, SUMMARY, GtkWidget)

GtkWidget *hl_summary_new       (void);
HlRoute   *hl_summary_get_route (HlSummary *self);
void       hl_summary_set_route (HlSummary *self,
                                 HlRoute   *route);

G_END_DECLS
