/* hl-trust-private.h: the boundary and every hop's side at once, for audits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trust/hl-trust.h"

G_BEGIN_DECLS

guint hl_trust_classify (HlRoute           *route,
                         const char *const *own,
                         gboolean          *inside);

G_END_DECLS
