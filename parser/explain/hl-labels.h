/* hl-labels.h: the words a person reads for each vocabulary, and what a lock shows
 *
 * One set of words for the app and every report, so the same fact reads the same
 * everywhere. All translated, plain text, static unless said otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hl-route.h"

G_BEGIN_DECLS

/**
 * HlProtection:
 * @HL_PROTECTION_VERIFIED: encrypted, and the sending server's certificate was verified
 * @HL_PROTECTION_ENCRYPTED: encrypted
 * @HL_PROTECTION_UNENCRYPTED: not encrypted
 * @HL_PROTECTION_LOCAL: never left the machine
 * @HL_PROTECTION_UNKNOWN: nothing recorded
 *
 * What the lock of a hop or a message shows. Locks differ by shape, not only by
 * colour, one shape per value.
 */
typedef enum
{
  HL_PROTECTION_VERIFIED,
  HL_PROTECTION_ENCRYPTED,
  HL_PROTECTION_UNENCRYPTED,
  HL_PROTECTION_LOCAL,
  HL_PROTECTION_UNKNOWN,
  HL_PROTECTION_N
} HlProtection;

HL_AVAILABLE_IN_ALL
HlProtection hl_received_get_protection (HlReceived   *hop);
HL_AVAILABLE_IN_ALL
HlProtection hl_route_get_protection    (HlRoute      *route);
HL_AVAILABLE_IN_ALL
const char  *hl_protection_to_string    (HlProtection  protection);  /* "verified", … */
HL_AVAILABLE_IN_ALL
const char  *hl_protection_get_label    (HlProtection  protection);  /* "Encrypted, certificate verified" */

HL_AVAILABLE_IN_ALL
const char  *hl_verdict_get_label       (HlVerdict     verdict);     /* "All encrypted" */
HL_AVAILABLE_IN_ALL
const char  *hl_verify_get_label        (HlVerify      verify);      /* NULL for HL_VERIFY_NONE */
HL_AVAILABLE_IN_ALL
const char  *hl_rating_get_label        (HlRating      rating);      /* NULL for HL_RATING_NONE */
HL_AVAILABLE_IN_ALL
const char  *hl_hop_kind_get_label      (HlHopKind     kind);        /* "Relay" */

/* "5 s", "2 min 3 s", "1 h 0 min", "3 d 4 h", "-3 s". (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_format_duration         (gint64        seconds);
/* "2005-07-17 15:39:10 -05:00", in the zone the server wrote. (transfer full) (nullable) */
HL_AVAILABLE_IN_ALL
char        *hl_format_date             (gint64        unix_time,
                                         int           offset_minutes);

G_END_DECLS
