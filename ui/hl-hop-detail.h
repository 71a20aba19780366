/* hl-hop-detail.h: the lesson of one hop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hoplock.h"

G_BEGIN_DECLS

#define HL_TYPE_HOP_DETAIL (hl_hop_detail_get_type ())

G_DECLARE_FINAL_TYPE (HlHopDetail, hl_hop_detail, HL, HOP_DETAIL, GtkWidget)

GtkWidget  *hl_hop_detail_new            (void);
HlReceived *hl_hop_detail_get_hop        (HlHopDetail *self);
void        hl_hop_detail_set_hop        (HlHopDetail *self,
                                          HlReceived  *hop,
                                          guint        n_hops);
guint       hl_hop_detail_get_n_tokens   (HlHopDetail *self);
int         hl_hop_detail_get_selected_token (HlHopDetail *self);
void        hl_hop_detail_select_token   (HlHopDetail *self,
                                          int          index);
int         hl_hop_detail_token_at_offset (HlHopDetail *self,
                                           guint        char_offset);

G_END_DECLS
