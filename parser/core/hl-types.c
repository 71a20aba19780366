/* hl-types.c: names of the vocabularies, as the report writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/hl-types.h"

G_DEFINE_QUARK (hl-parse-error-quark, hl_parse_error)

const char *
hl_tls_state_to_string (HlTlsState state)
{
  static const char *const names[] = { "unknown", "encrypted", "unencrypted", "local" };

  return state < G_N_ELEMENTS (names) ? names[state] : "unknown";
}

const char *
hl_evidence_to_string (HlEvidence evidence)
{
  static const char *const names[] = {
    "none", "tls-clause", "protocol", "vendor-marker", "loopback", "local-protocol",
    "local-program", "dialect",
  };

  return evidence < G_N_ELEMENTS (names) ? names[evidence] : "none";
}

/**
 * hl_verify_to_string:
 *
 * Returns: (nullable): the vocabulary word, or %NULL for %HL_VERIFY_NONE
 */
const char *
hl_verify_to_string (HlVerify verify)
{
  static const char *const names[] = {
    NULL, "verified", "failed", "no-certificate", "not-requested", "no-tls", "error", "unknown",
  };

  return verify < G_N_ELEMENTS (names) ? names[verify] : NULL;
}

const char *
hl_hop_kind_to_string (HlHopKind kind)
{
  static const char *const names[] = { "relay", "submission", "internal", "local", "delivery" };

  return kind < G_N_ELEMENTS (names) ? names[kind] : "relay";
}

const char *
hl_verdict_to_string (HlVerdict verdict)
{
  static const char *const names[] = {
    "no-hops", "all-encrypted", "partly-encrypted", "not-encrypted", "unknown",
  };

  return verdict < G_N_ELEMENTS (names) ? names[verdict] : "unknown";
}

const char *
hl_token_kind_to_string (HlTokenKind kind)
{
  static const char *const names[] = {
    "keyword", "helo", "rdns", "ip", "port", "by-host", "software", "protocol", "via", "id",
    "for", "envelope-from", "comment", "tls-version", "tls-cipher", "tls-bits", "tls-verify",
    "tls-key-exchange", "tls-signature", "client-cert", "auth", "vendor-marker", "local-marker",
    "date",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == HL_TOKEN_N_KINDS);
  return kind < G_N_ELEMENTS (names) ? names[kind] : "comment";
}
