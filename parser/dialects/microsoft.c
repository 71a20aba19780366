/* microsoft.c: Microsoft Exchange and Microsoft 365
 *
 * "from HOST (2603:10b6:…) by HOST (2603:…) with Microsoft SMTP Server
 * (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7452.28";
 * older "(TLS) id 14.3.408.0". Exchange always records TLS when it is used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_microsoft;

/* The words "Microsoft SMTP Server" (and IIS's "Microsoft SMTPSVC") are made of. */
static const HlWordText server_words[] = {
  { HL_WORD ("SMTP") }, { HL_WORD ("Server") }, { HL_WORD ("SMTPSVC") }, { HL_WORD ("ESMTP") }, { NULL }
};
#define SMTPSVC (1u << 2)

/* "with Microsoft SMTP Server": one value of three words */
static gboolean
with_microsoft (HlWordContext *ctx)
{
  if (hl_word_context_widen (ctx, server_words) & SMTPSVC)
    return FALSE;   /* IIS (iis.c) */
  hl_set_dialect (ctx->self, &hl_dialect_microsoft);
  return TRUE;
}

static const HlProtocol protocols[] = {
  { HL_WORD ("mapi"), "with.mapi", 0, 0, 0, 0 },
  /* "Microsoft SMTP Server", "Microsoft SMTPSVC(7.5.7601.17514)" */
  { HL_WORD ("Microsoft"), "with.microsoft", .prefix = 1 },
  { NULL }
};

static const HlMarker markers[] = {
  { "TLS", "marker.microsoft-tls", NULL },
  { NULL }
};

static const HlClauseWord words[] = {
  { HL_AT_WITH_VALUE, HL_CLAUSE_WITH, HL_WORD ("Microsoft"), with_microsoft },
  { 0 }
};

const HlDialect hl_dialect_microsoft = {
  .id = "microsoft",
  .name = N_("Microsoft Exchange"),
  .protocols = protocols,
  .markers = markers,
  .words = words,
  .records_tls = 1,
};
