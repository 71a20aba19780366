/* hl-audit-private.h: the audit's writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mailbox/hl-audit.h"

G_BEGIN_DECLS

void        hl_audit_render_html (JsonNode   *audit,
                                  GString    *out);

gint64      hl_audit_json_int    (JsonObject *o,
                                  const char *name);
const char *hl_audit_json_string (JsonObject *o,
                                  const char *name);
JsonObject *hl_audit_json_object (JsonObject *o,
                                  const char *name);

G_END_DECLS
