/* stalwart.c: Stalwart Mail Server
 *
 * "from HELO (RDNS [IP]) (using TLSv1.3 with cipher TLS13_AES_256_GCM_SHA384)
 * by HOST (Stalwart SMTP) with ESMTPS id …": Postfix's "using" clause, with
 * cipher names of its own (rustls').
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_stalwart;

static const HlSoftware software[] = {
  { HL_WORD ("Stalwart"), NULL, .in_with = 1 },
  { NULL }
};

const HlDialect hl_dialect_stalwart = {
  .id = "stalwart",
  .name = N_("Stalwart"),
  .software = software,
  .using_cipher_prefix = "TLS13_",
};
