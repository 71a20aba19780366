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

#define HL_TYPE_PROTECTION (hl_protection_get_type ())

HL_AVAILABLE_IN_ALL
GType        hl_protection_get_type     (void) G_GNUC_CONST;
HL_AVAILABLE_IN_ALL
HlProtection hl_received_get_protection (HlReceived   *hop);
HL_AVAILABLE_IN_ALL
HlProtection hl_route_get_protection    (HlRoute      *route);
HL_AVAILABLE_IN_ALL
const char  *hl_protection_to_string    (HlProtection  protection);  /* "verified", … */
HL_AVAILABLE_IN_ALL
const char  *hl_protection_get_label    (HlProtection  protection);  /* "Encrypted, certificate verified" */
/* Lower case, inside a sentence, and the accessible name of a lock:
 * "encrypted, certificate verified", "local, never left the machine" */
HL_AVAILABLE_IN_ALL
const char  *hl_protection_get_description (HlProtection protection);

/* A hop's state in a line of terminal text: "encrypted", "NOT encrypted" (the
 * one that matters, shouted), "local", "unknown". */
HL_AVAILABLE_IN_ALL
const char  *hl_tls_state_get_label     (HlTlsState    state);
/* Which rule decided the state, as "Decided by …": "The protocol name" */
HL_AVAILABLE_IN_ALL
const char  *hl_evidence_get_label      (HlEvidence    evidence);
/* What a recognised span of a field is: "Name the client gave" */
HL_AVAILABLE_IN_ALL
const char  *hl_token_kind_get_label    (HlTokenKind   kind);
/* The group a span's colour follows: "host", "address", "tls", "verify",
 * "protocol", "id", "marker", "date", "keyword" or "comment". Not translated. */
HL_AVAILABLE_IN_ALL
const char  *hl_token_kind_get_category (HlTokenKind   kind);

HL_AVAILABLE_IN_ALL
const char  *hl_verdict_get_label       (HlVerdict     verdict);     /* "All encrypted" */
HL_AVAILABLE_IN_ALL
const char  *hl_verify_get_label        (HlVerify      verify);      /* NULL for HL_VERIFY_NONE */
HL_AVAILABLE_IN_ALL
const char  *hl_rating_get_label        (HlRating      rating);      /* NULL for HL_RATING_NONE */
HL_AVAILABLE_IN_ALL
const char  *hl_hop_kind_get_label      (HlHopKind     kind);        /* "Relay" */

/* The colour role of a rating or a certificate check, as a style class (the app's
 * style.css): "success", "accent", "warning", "error" or "dim". Not translated. */
HL_AVAILABLE_IN_ALL
const char  *hl_rating_get_style_class  (HlRating      rating);
HL_AVAILABLE_IN_ALL
const char  *hl_verify_get_style_class  (HlVerify      verify);

/* A hop in words. Plain text, never markup: host names are whatever the sender
 * wanted them to be. */
/* The sending host as named (hl_received_get_from_host()), or "an unnamed host" */
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_from_label (HlReceived   *hop);
/* The receiving host, or "an unnamed host" */
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_by_label   (HlReceived   *hop);
/* "TLS 1.3", or the version as written when it is ambiguous ("TLSv1/SSLv3");
 * NULL if none was recorded. (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_received_dup_version_label (HlReceived *hop);
/* The same, and when the version as written does not say which one was used:
 * "TLSv1/SSLv3 (version unclear)". (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_received_dup_version_text (HlReceived *hop);
/* "Hop 2 of 5" (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_received_dup_position_label (HlReceived *hop,
                                             guint       n_hops);
/* "17 Jul 2005 15:39:10 -0500", in the zone the server wrote; NULL without a
 * date. (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_received_dup_time_label (HlReceived   *hop);
/* "+2 s", or "3 s earlier" for a hop dated before the one before it; NULL
 * without a delay. (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_received_dup_delay_label (HlReceived  *hop);
/* What a screen reader says for a hop: "Hop 2 of 5, not encrypted, from
 * mx.a.example to relay.b.example". (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_received_dup_accessible_label (HlReceived *hop,
                                               guint       n_hops);

/**
 * HlExplainSection:
 * @HL_EXPLAIN_SECTION_HOP_SUMMARY: hl_explain_hop_summary()
 * @HL_EXPLAIN_SECTION_CIPHER: hl_explain_cipher()
 * @HL_EXPLAIN_SECTION_RATING: hl_explain_rating()
 * @HL_EXPLAIN_SECTION_FOR_YOU: hl_explain_for_you()
 * @HL_EXPLAIN_SECTION_FOR_ADMIN: hl_explain_for_admin()
 * @HL_EXPLAIN_SECTION_VERDICT: the explanation of the verdict (`verdict.<verdict>`)
 * @HL_EXPLAIN_SECTION_CAVEATS: hl_explain_caveats()
 *
 * The parts of an explanation a report lays out, each under its heading.
 */
typedef enum
{
  HL_EXPLAIN_SECTION_HOP_SUMMARY,
  HL_EXPLAIN_SECTION_CIPHER,
  HL_EXPLAIN_SECTION_RATING,
  HL_EXPLAIN_SECTION_FOR_YOU,
  HL_EXPLAIN_SECTION_FOR_ADMIN,
  HL_EXPLAIN_SECTION_VERDICT,
  HL_EXPLAIN_SECTION_CAVEATS,
  HL_EXPLAIN_N_SECTIONS
} HlExplainSection;

/* The heading of a part of an explanation, in sentence case: "What happened" */
HL_AVAILABLE_IN_ALL
const char  *hl_explain_section_get_title (HlExplainSection section);

/* How many network hops were in each state, and the local steps: "2 encrypted,
 * 1 not encrypted, 0 unknown, 1 local". (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_route_dup_counts_label  (HlRoute      *route);

/* The verdict in one sentence: "1 of 2 network hops was encrypted; hop 2
 * (mx.a.example → relay.b.example) was not." (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_route_dup_sentence      (HlRoute      *route);

/* "5 s", "2 min 3 s", "1 h 0 min", "3 d 4 h", "-3 s". (transfer full) */
HL_AVAILABLE_IN_ALL
char        *hl_format_duration         (gint64        seconds);
/* "2005-07-17 15:39:10 -05:00", in the zone the server wrote. (transfer full) (nullable) */
HL_AVAILABLE_IN_ALL
char        *hl_format_date             (gint64        unix_time,
                                         int           offset_minutes);

G_END_DECLS
