/* haraka.c: Haraka
 *
 * "by HOST (Haraka/2.8.25) with ESMTPS id … envelope-from <…>
 * (cipher=TLS_AES_256_GCM_SHA384)": Sendmail's key=value pairs, read by the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_haraka;

static const HlSoftware software[] = {
  { HL_WORD ("Haraka"), NULL, 0 },
  { NULL }
};

const HlDialect hl_dialect_haraka = {
  .id = "haraka",
  .name = N_("Haraka"),
  .software = software,
};
