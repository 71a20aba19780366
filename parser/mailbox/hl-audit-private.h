/* hl-audit-private.h: the audit's writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mailbox/hl-audit.h"

G_BEGIN_DECLS

void hl_audit_render_html (JsonNode *audit,
                           GString  *out);

G_END_DECLS
