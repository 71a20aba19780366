/* dovecot.c: Dovecot
 *
 * "by HOST (Dovecot) with LMTP id …": delivery into the mailbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_dovecot;

static const HlSoftware software[] = {
  { HL_WORD ("Dovecot"), NULL, .in_with = 1 },
  { NULL }
};

/* "with dovecot-lda": local delivery into the mailbox */
static const HlWordText local_with[] = {
  { HL_WORD ("dovecot-lda") }, { NULL }
};

const HlDialect hl_dialect_dovecot = {
  .id = "dovecot",
  .name = N_("Dovecot"),
  .software = software,
  .local_with = local_with,
};
