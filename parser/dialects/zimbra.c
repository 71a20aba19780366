/* zimbra.c: Zimbra
 *
 * "by HOST (Zimbra) with …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_zimbra;

static const HlSoftware software[] = {
  { HL_WORD ("Zimbra"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_zimbra = {
  .id = "zimbra",
  .name = N_("Zimbra"),
  .software = software,
};
