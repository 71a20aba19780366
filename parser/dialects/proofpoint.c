/* proofpoint.c: Proofpoint
 *
 * "by HOST (Proofpoint Essentials ESMTP Server) with ESMTPS id … (version=TLSv1.2
 * cipher=… bits=256 verify=NOT)".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_proofpoint;

static const HlSoftware software[] = {
  { HL_WORD ("Proofpoint"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_proofpoint = {
  .id = "proofpoint",
  .name = N_("Proofpoint"),
  .software = software,
};
