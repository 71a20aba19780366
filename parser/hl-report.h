/* hl-report.h: the per-hop report, in every format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hl-route.h"

G_BEGIN_DECLS

#define HL_REPORT_SCHEMA "hoplock-report/1"

typedef enum
{
  HL_TEXT_PLAIN = 0,
  HL_TEXT_COLOR = 1 << 0,     /* ANSI colours, for a terminal */
  HL_TEXT_EXPLAIN = 1 << 1,   /* the explanations under each hop */
} HlTextFlags;

HL_AVAILABLE_IN_ALL
JsonNode *hl_received_to_json (HlReceived *hop);
HL_AVAILABLE_IN_ALL
JsonNode *hl_route_to_json    (HlRoute    *route);
HL_AVAILABLE_IN_ALL
char     *hl_route_to_text    (HlRoute    *route,
                               HlTextFlags flags);
HL_AVAILABLE_IN_ALL
char     *hl_received_to_text (HlReceived *hop,
                               HlTextFlags flags);
HL_AVAILABLE_IN_ALL
char     *hl_text_make_safe   (const char *text);

G_END_DECLS
