/* mdaemon.c: MDaemon
 *
 * "by HOST (MDaemon PRO v10.1.1) with ESMTP id …"; its name may follow the with clause.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_mdaemon;

static const HlSoftware software[] = {
  { HL_WORD ("MDaemon"), NULL, .in_with = 1 },
  { NULL }
};

const HlDialect hl_dialect_mdaemon = {
  .id = "mdaemon",
  .name = N_("MDaemon"),
  .software = software,
};
