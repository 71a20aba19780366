/* postfix.c: Postfix
 *
 * "from HELO (RDNS [IP]) (using TLSv1.3 with cipher … (256/256 bits) …)
 * (No client certificate requested) by HOST (Postfix) with ESMTPS id …"; the
 * "using" clause is read by the core (other servers write it too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_postfix;

/* The record of the client certificate (smtpd_tls_received_header). */
static gboolean
recognise_client_cert (HlReceived *self,
                       gsize       off,
                       gsize       len,
                       HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };
  const char *p;

  if (hl_span_is (s, all, "No client certificate requested"))
    hl_record_verify (self, HL_VERIFY_NOT_REQUESTED, all, "verify.not-requested");
  else if (hl_span_is (s, all, "Client did not present a certificate"))
    hl_record_verify (self, HL_VERIFY_NO_CERTIFICATE, all, "verify.no-certificate");
  else if (hl_span_has_prefix (s, all, "Client CN ") || hl_span_has_prefix (s, all, "Client CN="))
    {
      HlSpan v;

      if ((p = hl_memcasemem (s + off, len, "(verified OK)")) != NULL)
        {
          v.off = p - s + 1;
          v.len = 11;
          hl_record_verify (self, HL_VERIFY_VERIFIED, v, "verify.verified");
        }
      else if ((p = hl_memcasemem (s + off, len, "(not verified)")) != NULL)
        {
          v.off = p - s + 1;
          v.len = 12;
          hl_record_verify (self, HL_VERIFY_FAILED, v, "verify.failed");
        }
      hl_received_add_token (self, off, MIN (len, 9), HL_TOKEN_CLIENT_CERT, "tls.client-cert");
    }
  else
    return FALSE;
  hl_set_dialect (self, &hl_dialect_postfix);
  return TRUE;
}

static const HlCommentRule comments[] = {
  { recognise_client_cert, HL_FIRST ('n') | HL_FIRST ('c'), HL_ORDER_CLIENT_CERT },
  { NULL }
};

static const HlMarker markers[] = {
  /* "by host (Postfix, from userid 1001)": sendmail(1) on the machine itself */
  { "Postfix, from userid", "local.userid", "Postfix", .local = 1, .prefix = 1 },
  { "Postfix-pickup", "local.pickup", "Postfix", .local = 1 },
  { NULL }
};

static const HlSoftware software[] = {
  { HL_WORD ("Postfix"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_postfix = {
  .id = "postfix",
  .name = N_("Postfix"),
  .comments = comments,
  .markers = markers,
  .software = software,
};
