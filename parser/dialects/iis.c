/* iis.c: Microsoft IIS SMTP service
 *
 * "from HOST ([IP]) by HOST over TLS secured channel with Microsoft
 * SMTPSVC(7.5.7601.17514)". It records TLS when it is used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_iis;

static const HlWordText server_words[] = {
  { HL_WORD ("SMTP") }, { HL_WORD ("Server") }, { HL_WORD ("SMTPSVC") }, { HL_WORD ("ESMTP") }, { NULL }
};
#define SMTPSVC (1u << 2)

/* "with Microsoft SMTPSVC(…)" */
static gboolean
with_smtpsvc (HlWordContext *ctx)
{
  if (!(hl_word_context_widen (ctx, server_words) & SMTPSVC))
    return FALSE;   /* Exchange (microsoft.c) */
  hl_set_dialect (ctx->self, &hl_dialect_iis);
  return TRUE;
}

/* "over TLS secured channel", in any clause */
static gboolean
over_tls (HlWordContext *ctx)
{
  HlReceived *self = ctx->self;
  const char *s = self->raw;
  const HlLex *t = ctx->toks;
  guint i = ctx->index;
  guint32 end;

  if (i + 3 >= ctx->end
      || !hl_span_equal (s + t[i + 1].off, t[i + 1].len, "TLS")
      || !hl_span_equal (s + t[i + 2].off, t[i + 2].len, "secured")
      || !hl_span_equal (s + t[i + 3].off, t[i + 3].len, "channel"))
    return FALSE;
  end = t[i + 3].off + t[i + 3].len;
  self->vendor_marker = TRUE;
  hl_received_add_token (self, ctx->value.off, end - ctx->value.off, HL_TOKEN_VENDOR_MARKER,
                         "marker.iis");
  hl_set_dialect (self, &hl_dialect_iis);
  ctx->consumed = 3;
  return TRUE;
}

static const HlClauseWord words[] = {
  { HL_AT_WITH_VALUE, HL_CLAUSE_WITH, HL_WORD ("Microsoft"), with_smtpsvc },
  { HL_AT_WORD, HL_CLAUSE_NONE, HL_WORD ("over"), over_tls },
  { 0 }
};

const HlDialect hl_dialect_iis = {
  .id = "iis",
  .name = N_("Microsoft IIS"),
  .words = words,
  .records_tls = 1,
};
