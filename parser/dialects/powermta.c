/* powermta.c: PowerMTA
 *
 * "by HOST (PowerMTA(TM) v3.5r15) id …": a bulk sender's software.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_powermta;

static const HlSoftware software[] = {
  { HL_WORD ("PowerMTA"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_powermta = {
  .id = "powermta",
  .name = N_("PowerMTA"),
  .software = software,
};
