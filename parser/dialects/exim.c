/* exim.c: Exim
 *
 * "from RDNS ([IP]:port helo=HELO) by HOST with esmtps (TLS1.3) tls CIPHER
 * (Exim 4.96) (envelope-from <…>) id …"; before 4.93 the TLS details were one
 * tuple, "(TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256)". Protocol names in lower case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_exim;

/* Exim ≤ 4.92: "TLSv1.3:TLS_AES_256_GCM_SHA384:256", "TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256"
 * (OpenSMTPD's has a fourth part). */
static gboolean
recognise_tuple (HlReceived *self,
                 gsize       off,
                 gsize       len,
                 HlClause    clause)
{
  HlSpan parts[4];
  guint n = hl_split_tls_tuple (self, off, len, parts);

  if (n < 2 || n >= 4)
    return FALSE;
  hl_record_version (self, parts[0]);
  hl_record_cipher (self, parts[1]);
  if (n >= 3)
    hl_record_bits (self, parts[2]);
  hl_set_dialect (self, &hl_dialect_exim);
  return TRUE;
}

/* Exim ≥ 4.93: "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384"; the cipher follows
 * outside the comment, after "tls" (with_tls() below). */
static gboolean
recognise_version_only (HlReceived *self,
                        gsize       off,
                        gsize       len,
                        HlClause    clause)
{
  const char *s = self->raw;
  HlSpan w = { off, len };
  gboolean ambiguous;

  if (len < 4 || len > 12 || memchr (s + off, ' ', len) != NULL || !hl_looks_like_tls_version (s, w))
    return FALSE;
  if (hl_tls_version_parse (s + off, len, &ambiguous) == HL_TLS_VERSION_UNKNOWN && !ambiguous)
    return FALSE;
  hl_record_version (self, w);
  hl_set_dialect (self, &hl_dialect_exim);
  return TRUE;
}

/* "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384": the next word is the cipher. */
static gboolean
with_tls (HlWordContext *ctx)
{
  if (ctx->index + 1 >= ctx->end || ctx->toks[ctx->index + 1].type != HL_LEX_ATOM)
    return FALSE;
  hl_received_add_token (ctx->self, ctx->value.off, ctx->value.len, HL_TOKEN_KEYWORD, "tls.exim-tls");
  ctx->want_cipher = TRUE;
  hl_set_dialect (ctx->self, &hl_dialect_exim);
  return TRUE;
}

static const HlCommentRule comments[] = {
  { recognise_tuple, HL_FIRST ('t') | HL_FIRST ('s'), HL_ORDER_TUPLE },
  { recognise_version_only, HL_FIRST ('t') | HL_FIRST ('s'), HL_ORDER_VERSION },
  { NULL }
};

static const HlProtocol protocols[] = {
  /* "local-esmtp", "local-bsmtp": a program on the machine handed the message over */
  { HL_WORD ("local-"), "with.local", .prefix = 1 },
  { NULL }
};

static const HlClauseWord words[] = {
  { HL_AT_WORD, HL_CLAUSE_WITH, HL_WORD ("tls"), with_tls },
  { 0 }
};

static const HlSoftware software[] = {
  { HL_WORD ("Exim"), NULL, .in_with = 1 },
  { NULL }
};

const HlDialect hl_dialect_exim = {
  .id = "exim",
  .name = N_("Exim"),
  .protocols = protocols,
  .comments = comments,
  .software = software,
  .words = words,
  .with_prefixes = (const char *const[]) { "esmtp", "smtp", "local", NULL },
  .from_rdns_first = 1,
};
