/* communigate.c: CommuniGate Pro
 *
 * "from [IP] (HELO name) by HOST (CommuniGate Pro SMTP 6.3.9) with ESMTP-TLS id 123
 * for x@example.com": the with word says the connection used TLS ("ESMTP-TLS",
 * "SMTP-TLS", "HTTPS-TLS" for web mail), without the version or the cipher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_communigate;

/* "with ESMTP-TLS": the vendor's own sign of TLS (rule 3), not an RFC 3848 type */
static gboolean
with_tls_word (HlWordContext *ctx)
{
  ctx->self->vendor_marker = TRUE;
  hl_set_dialect (ctx->self, &hl_dialect_communigate);
  return TRUE;
}

/* Explained only: with_tls_word() decides. */
static const HlProtocol protocols[] = {
  { HL_WORD ("ESMTP-TLS"), "with.esmtps", 0, 0, 0, 0 },
  { HL_WORD ("SMTP-TLS"), "with.smtps", 0, 0, 0, 0 },
  { HL_WORD ("HTTPS-TLS"), "with.https", 0, 0, 0, 0 },
  { NULL }
};

static const HlClauseWord words[] = {
  { HL_AT_WITH_VALUE, HL_CLAUSE_WITH, HL_WORD ("ESMTP-TLS"), with_tls_word },
  { HL_AT_WITH_VALUE, HL_CLAUSE_WITH, HL_WORD ("SMTP-TLS"), with_tls_word },
  { HL_AT_WITH_VALUE, HL_CLAUSE_WITH, HL_WORD ("HTTPS-TLS"), with_tls_word },
  { 0 }
};

static const HlSoftware software[] = {
  { HL_WORD ("CommuniGate Pro"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_communigate = {
  .id = "communigate",
  .name = N_("CommuniGate Pro"),
  .protocols = protocols,
  .software = software,
  .words = words,
};
