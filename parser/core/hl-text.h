/* hl-text.h: text from a header made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-version-macros.h"

G_BEGIN_DECLS

HL_AVAILABLE_IN_ALL
char *hl_text_make_safe (const char *text);

G_END_DECLS
