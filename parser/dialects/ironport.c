/* ironport.c: Cisco IronPort (Secure Email)
 *
 * "from HOST ([IP]) by esa1.example.iphmx.com with ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384":
 * the cipher after the protocol, in the with value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_ironport;

/* "TLS/ECDHE-RSA-AES256-GCM-SHA384" after "ESMTP/" */
static gboolean
with_tls_cipher (HlWordContext *ctx)
{
  HlReceived *self = ctx->self;
  HlSpan rest = ctx->value;
  HlSpan cipher = { rest.off + 4, rest.len - 4 };

  if (rest.len <= 4 || g_ascii_strncasecmp (self->raw + rest.off, "TLS/", 4) != 0)
    return FALSE;
  self->vendor_marker = TRUE;
  hl_received_add_token (self, rest.off, 3, HL_TOKEN_VENDOR_MARKER, "marker.ironport");
  hl_record_cipher (self, cipher);
  hl_set_dialect (self, &hl_dialect_ironport);
  return TRUE;
}

static const HlClauseWord words[] = {
  { HL_AT_WITH_REST, HL_CLAUSE_WITH, NULL, 0, with_tls_cipher },
  { 0 }
};

static const HlSoftware software[] = {
  { HL_WORD ("IronPort"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_ironport = {
  .id = "ironport",
  .name = N_("Cisco IronPort"),
  .software = software,
  .words = words,
};
