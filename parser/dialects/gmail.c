/* gmail.c: Gmail
 *
 * "from HOST (RDNS. [IP]) by mx.google.com with ESMTPS id … for <x>
 * (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128)"; between Google's
 * own servers "with SMTPS … (Google Transport Security)".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_gmail;

static const HlMarker markers[] = {
  { "Google Transport Security", "marker.google-transport-security", NULL },
  { NULL }
};

const HlDialect hl_dialect_gmail = {
  .id = "gmail",
  .name = N_("Gmail"),
  .markers = markers,
  /* mx.google.com and the other servers of Google's, when nothing else said */
  .by_host_suffixes = (const char *const[]) { ".google.com", NULL },
};
