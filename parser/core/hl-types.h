/* hl-types.h: the vocabularies a hop is described with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-version-macros.h"

G_BEGIN_DECLS

/**
 * HlTlsState:
 * @HL_TLS_STATE_UNKNOWN: nothing in the field says whether TLS was used
 * @HL_TLS_STATE_ENCRYPTED: the connection was protected by TLS
 * @HL_TLS_STATE_UNENCRYPTED: the connection was in clear text
 * @HL_TLS_STATE_LOCAL: the message never left the machine
 */
typedef enum
{
  HL_TLS_STATE_UNKNOWN,
  HL_TLS_STATE_ENCRYPTED,
  HL_TLS_STATE_UNENCRYPTED,
  HL_TLS_STATE_LOCAL,
} HlTlsState;

/* Which rule of the TLS decision applied (DESIGN.md, rules 1–6). */
typedef enum
{
  HL_EVIDENCE_NONE,
  HL_EVIDENCE_TLS_CLAUSE,       /* rule 1 */
  HL_EVIDENCE_PROTOCOL,         /* rule 2 and 5: the with keyword */
  HL_EVIDENCE_VENDOR_MARKER,    /* rule 3 */
  HL_EVIDENCE_LOOPBACK,         /* rule 4: loopback client */
  HL_EVIDENCE_LOCAL_PROTOCOL,   /* rule 4: with local, Exim local-*, unix socket */
  HL_EVIDENCE_LOCAL_PROGRAM,    /* rule 4: Postfix userid, qmail invoked by, pickup */
  HL_EVIDENCE_DIALECT,          /* rule 5: a dialect that always records TLS recorded none */
} HlEvidence;

typedef enum
{
  HL_VERIFY_NONE,            /* not recorded */
  HL_VERIFY_VERIFIED,
  HL_VERIFY_FAILED,
  HL_VERIFY_NO_CERTIFICATE,
  HL_VERIFY_NOT_REQUESTED,
  HL_VERIFY_NO_TLS,
  HL_VERIFY_ERROR,
  HL_VERIFY_UNKNOWN,         /* recorded, but a value we do not know */
} HlVerify;

typedef enum
{
  HL_HOP_KIND_RELAY,
  HL_HOP_KIND_SUBMISSION,
  HL_HOP_KIND_INTERNAL,
  HL_HOP_KIND_LOCAL,
  HL_HOP_KIND_DELIVERY,
} HlHopKind;

typedef enum
{
  HL_VERDICT_NO_HOPS,
  HL_VERDICT_ALL_ENCRYPTED,
  HL_VERDICT_PARTLY_ENCRYPTED,
  HL_VERDICT_NOT_ENCRYPTED,
  HL_VERDICT_UNKNOWN,
} HlVerdict;

/* What a span of a hop's raw text is. Each kind has an explanation id. */
typedef enum
{
  HL_TOKEN_KEYWORD,        /* from, by, with, id, for, via, envelope-from */
  HL_TOKEN_HELO,
  HL_TOKEN_RDNS,
  HL_TOKEN_IP,
  HL_TOKEN_PORT,
  HL_TOKEN_BY_HOST,
  HL_TOKEN_SOFTWARE,
  HL_TOKEN_PROTOCOL,
  HL_TOKEN_VIA,
  HL_TOKEN_ID,
  HL_TOKEN_FOR,
  HL_TOKEN_ENVELOPE_FROM,
  HL_TOKEN_COMMENT,
  HL_TOKEN_TLS_VERSION,
  HL_TOKEN_TLS_CIPHER,
  HL_TOKEN_TLS_BITS,
  HL_TOKEN_TLS_VERIFY,
  HL_TOKEN_TLS_KEY_EXCHANGE,
  HL_TOKEN_TLS_SIGNATURE,
  HL_TOKEN_CLIENT_CERT,
  HL_TOKEN_AUTH,
  HL_TOKEN_VENDOR_MARKER,
  HL_TOKEN_LOCAL_MARKER,
  HL_TOKEN_DATE,
  HL_TOKEN_N_KINDS
} HlTokenKind;

HL_AVAILABLE_IN_ALL
const char *hl_tls_state_to_string (HlTlsState state);
HL_AVAILABLE_IN_ALL
const char *hl_evidence_to_string (HlEvidence evidence);
HL_AVAILABLE_IN_ALL
const char *hl_verify_to_string (HlVerify verify);
HL_AVAILABLE_IN_ALL
const char *hl_hop_kind_to_string (HlHopKind kind);
HL_AVAILABLE_IN_ALL
const char *hl_verdict_to_string (HlVerdict verdict);
HL_AVAILABLE_IN_ALL
const char *hl_token_kind_to_string (HlTokenKind kind);

/* Parse errors: fatal problems with a whole input. Only grows. */
#define HL_PARSE_ERROR (hl_parse_error_quark ())

/**
 * HlParseError:
 * @HL_PARSE_ERROR_EMPTY: there is nothing to read
 * @HL_PARSE_ERROR_NOT_A_MESSAGE: the input does not start with header fields
 * @HL_PARSE_ERROR_TOO_LARGE: the input is over %HL_MAX_MESSAGE_SIZE
 * @HL_PARSE_ERROR_READ: the input could not be read
 * @HL_PARSE_ERROR_NO_RECEIVED: pasted text has no Received field
 *   (hl_route_new_from_text(); a message file without one is a route of no hops)
 */
typedef enum
{
  HL_PARSE_ERROR_EMPTY,
  HL_PARSE_ERROR_NOT_A_MESSAGE,
  HL_PARSE_ERROR_TOO_LARGE,
  HL_PARSE_ERROR_READ,
  HL_PARSE_ERROR_NO_RECEIVED,
} HlParseError;

HL_AVAILABLE_IN_ALL
GQuark hl_parse_error_quark (void);

/* Limits enforced by the parser. A limit that is hit is reported as a warning. */
#define HL_MAX_FIELD_LENGTH   (64 * 1024)   /* bytes of one Received value that are read */
#define HL_MAX_HOPS           1000          /* Received fields of one message that are read */
#define HL_MAX_COMMENT_DEPTH  16            /* nested comments that are looked into */
#define HL_MAX_TOKENS         512           /* lexical tokens of one field */
#define HL_MAX_VALUE_LENGTH   255           /* bytes of one value kept (a host name has at most
                                             * 253, an address 254); longer ones are cut */
#define HL_MAX_MESSAGE_SIZE   (256 * 1024 * 1024) /* bytes of one message */

G_END_DECLS
