/* opensmtpd.c: OpenSMTPD
 *
 * "from HELO (RDNS [IP]) by HOST (OpenSMTPD) with ESMTPS id 96f08978
 * (TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO)": version, cipher, bits and the
 * client certificate's check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_opensmtpd;

/* "TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO" (Exim's has three parts) */
static gboolean
recognise_tuple (HlReceived *self,
                 gsize       off,
                 gsize       len,
                 HlClause    clause)
{
  HlSpan parts[4];

  if (hl_split_tls_tuple (self, off, len, parts) < 4)
    return FALSE;
  hl_record_version (self, parts[0]);
  hl_record_cipher (self, parts[1]);
  hl_record_bits (self, parts[2]);
  hl_record_verify_word (self, parts[3]);
  hl_set_dialect (self, &hl_dialect_opensmtpd);
  return TRUE;
}

static const HlCommentRule comments[] = {
  { recognise_tuple, HL_FIRST ('t') | HL_FIRST ('s'), HL_ORDER_TUPLE },
  { NULL }
};

static const HlSoftware software[] = {
  { HL_WORD ("OpenSMTPD"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_opensmtpd = {
  .id = "opensmtpd",
  .name = N_("OpenSMTPD"),
  .comments = comments,
  .software = software,
};
