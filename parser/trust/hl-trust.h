/* hl-trust.h: which hops the recipient's own side wrote, and which are claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hl-route.h"

G_BEGIN_DECLS

HL_AVAILABLE_IN_ALL
gboolean hl_received_stays_inside (HlReceived        *hop);
HL_AVAILABLE_IN_ALL
guint hl_route_find_boundary (HlRoute           *route,
                              const char *const *own);

G_END_DECLS
