/* sendgrid.c: SendGrid
 *
 * "by ismtpd0021p1iad2.sendgrid.net (SG) with ESMTP id …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_sendgrid;

static const HlSoftware software[] = {
  { HL_WORD ("SG"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_sendgrid = {
  .id = "sendgrid",
  .name = N_("SendGrid"),
  .software = software,
};
