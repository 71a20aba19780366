/* hl-audit-private.h: the audit's writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mailbox/hl-audit.h"

G_BEGIN_DECLS

/* The ratings from worst to best, and the incoming hop's states in the order the
 * audit writes them */
#define HL_AUDIT_N_RATINGS 4
#define HL_AUDIT_N_STATES  4
extern const char *const hl_audit_ratings[HL_AUDIT_N_RATINGS];
extern const char *const hl_audit_states[HL_AUDIT_N_STATES];

int         hl_audit_rating_rank  (const char *rating);
char       *hl_audit_format_share (gint64      part,
                                   gint64      whole);

void        hl_audit_render_html (JsonNode   *audit,
                                  GString    *out);

gint64      hl_audit_json_int    (JsonObject *o,
                                  const char *name);
const char *hl_audit_json_string (JsonObject *o,
                                  const char *name);
JsonObject *hl_audit_json_object (JsonObject *o,
                                  const char *name);

G_END_DECLS
