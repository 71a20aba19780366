/* hl-hop-item.h: one hop of a route, as an item of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hoplock.h"

G_BEGIN_DECLS

#define HL_TYPE_HOP_ITEM (hl_hop_item_get_type ())

G_DECLARE_FINAL_TYPE (HlHopItem, hl_hop_item, HL, HOP_ITEM, GObject)

HlHopItem  *hl_hop_item_new        (HlReceived *hop,
                                    guint       n_hops);
HlReceived *hl_hop_item_get_hop    (HlHopItem  *self);
guint       hl_hop_item_get_n_hops (HlHopItem  *self);

G_END_DECLS
