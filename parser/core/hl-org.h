/* hl-org.h: which organisation a host name belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-version-macros.h"

G_BEGIN_DECLS

HL_AVAILABLE_IN_ALL
char       *hl_registrable_domain (const char *host);
HL_AVAILABLE_IN_ALL
char       *hl_organisation_of    (const char *host);
HL_AVAILABLE_IN_ALL
const char *hl_provider_of_domain (const char *domain);
HL_AVAILABLE_IN_ALL
gboolean    hl_address_is_private (const char *ip);

G_END_DECLS
