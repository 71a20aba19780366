/* messagelabs.c: Symantec (Broadcom) MessageLabs Email Security.cloud
 *
 * "from [IP] by server-3.tower-1.messagelabs.com with AES256-SHA encrypted SMTP;
 * date": the cipher suite stands in the with clause, before "encrypted SMTP"
 * (without TLS, "with SMTP"). No version or key size is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_messagelabs;

static gboolean
is_atom (const HlWordContext *ctx,
         guint                i,
         const char          *word)
{
  const HlLex *t = &ctx->toks[i];

  return i < ctx->end && t->type == HL_LEX_ATOM
         && hl_span_equal (ctx->self->raw + t->off, t->len, word);
}

/* "with AES256-SHA encrypted SMTP": the with value is the cipher; the protocol
 * is the word after "encrypted". */
static gboolean
with_cipher_encrypted (HlWordContext *ctx)
{
  HlReceived *self = ctx->self;
  const HlLex *marker, *proto;

  if (!is_atom (ctx, ctx->index + 1, "encrypted")
      || !(is_atom (ctx, ctx->index + 2, "SMTP") || is_atom (ctx, ctx->index + 2, "ESMTP")))
    return FALSE;
  marker = &ctx->toks[ctx->index + 1];
  proto = &ctx->toks[ctx->index + 2];
  hl_record_cipher (self, ctx->value);
  hl_received_add_token (self, marker->off, marker->len, HL_TOKEN_VENDOR_MARKER, "marker.using-tls");
  self->vendor_marker = TRUE;
  ctx->value = (HlSpan) { proto->off, proto->len };
  ctx->consumed = 2;
  hl_set_dialect (self, &hl_dialect_messagelabs);
  return TRUE;
}

static const HlClauseWord words[] = {
  { HL_AT_WITH_VALUE, HL_CLAUSE_WITH, NULL, 0, with_cipher_encrypted },
  { 0 }
};

const HlDialect hl_dialect_messagelabs = {
  .id = "messagelabs",
  .name = N_("Symantec MessageLabs"),
  .words = words,
  .by_host_suffixes = (const char *const[]) { ".messagelabs.com", NULL },
};
