/* hl-hop-row.h: one hop in the journey list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hoplock.h"

G_BEGIN_DECLS

#define HL_TYPE_HOP_ROW (hl_hop_row_get_type ())

G_DECLARE_FINAL_TYPE (HlHopRow, hl_hop_row, HL, HOP_ROW, GtkListBoxRow)

GtkWidget  *hl_hop_row_new     (HlReceived *hop,
                                guint       n_hops);
HlReceived *hl_hop_row_get_hop (HlHopRow   *self);

G_END_DECLS
