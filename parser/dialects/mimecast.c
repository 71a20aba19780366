/* mimecast.c: Mimecast
 *
 * "by relay.mimecast.com with ESMTP with STARTTLS (version=TLSv1.2,
 * cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)", or only "(Using TLS)".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_mimecast;

/* "with ESMTP with STARTTLS" */
static gboolean
with_starttls (HlWordContext *ctx)
{
  ctx->self->vendor_marker = TRUE;
  hl_received_add_token (ctx->self, ctx->value.off, ctx->value.len, HL_TOKEN_VENDOR_MARKER,
                         "marker.starttls");
  hl_set_dialect (ctx->self, &hl_dialect_mimecast);
  return TRUE;
}

static const HlMarker markers[] = {
  { "Using TLS", "marker.using-tls", NULL },
  { NULL }
};

static const HlClauseWord words[] = {
  { HL_AT_WITH_AGAIN, HL_CLAUSE_WITH, HL_WORD ("STARTTLS"), with_starttls },
  { 0 }
};

static const HlSoftware software[] = {
  { HL_WORD ("Mimecast"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_mimecast = {
  .id = "mimecast",
  .name = N_("Mimecast"),
  .markers = markers,
  .software = software,
  .words = words,
};
