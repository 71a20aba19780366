/* hl-report-json.c: the hoplock-report/1 JSON contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "explain/hl-labels.h"
#include "report/hl-report.h"

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value,
         gboolean     present)
{
  json_builder_set_member_name (b, key);
  if (present)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_bool (JsonBuilder *b,
          const char  *key,
          gboolean     value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_boolean_value (b, value);
}

static void
add_warnings (JsonBuilder     *b,
              const HlWarning *w,
              guint            n)
{
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "code", w[i].code);
      add_int (b, "offset", w[i].offset, TRUE);
      add_int (b, "length", w[i].length, TRUE);
      add_string (b, "message", w[i].message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
build_suite (JsonBuilder         *b,
             const HlCipherSuite *cs)
{
  json_builder_set_member_name (b, "cipher_suite");
  if (cs == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  add_string (b, "iana", cs->iana);
  add_string (b, "openssl", cs->openssl);
  add_string (b, "gnutls", cs->gnutls);
  add_string (b, "key_exchange", cs->kx);
  add_string (b, "authentication", cs->auth);
  add_string (b, "cipher", cs->enc);
  add_int (b, "cipher_bits", cs->enc_bits, cs->enc_bits > 0);
  add_string (b, "mode", cs->mode);
  add_string (b, "mac", cs->mac);
  add_bool (b, "forward_secrecy", cs->fs);
  add_bool (b, "aead", cs->aead);
  add_bool (b, "export", cs->export_);
  add_string (b, "min_protocol", cs->min_protocol);
  add_bool (b, "decomposed", cs->decomposed);
  json_builder_end_object (b);
}

static void
build_hop (JsonBuilder *b,
           HlReceived  *hop)
{
  g_autofree char *date = hl_received_dup_date_iso (hop, FALSE);
  g_autofree char *date_utc = hl_received_dup_date_iso (hop, TRUE);
  const HlCipherSuite *cs = hl_received_get_cipher_suite (hop);
  int port = hl_received_get_from_port (hop);
  int bits = hl_received_get_tls_bits (hop);
  int alg_bits = hl_received_get_tls_alg_bits (hop);
  gint64 delay_s = 0;
  gboolean has_delay = hl_received_get_delay (hop, &delay_s);
  const HlRatingReason *reasons;
  const HlToken *tokens;
  const HlWarning *warnings;
  guint n_reasons, n_tokens, n_warnings;

  json_builder_begin_object (b);
  add_int (b, "index", hl_received_get_index (hop), TRUE);
  add_string (b, "raw", hl_received_get_raw (hop, NULL));

  json_builder_set_member_name (b, "from");
  json_builder_begin_object (b);
  add_string (b, "name", hl_received_get_from_name (hop));
  add_string (b, "helo", hl_received_get_from_helo (hop));
  add_string (b, "rdns", hl_received_get_from_rdns (hop));
  add_string (b, "ip", hl_received_get_from_ip (hop));
  add_int (b, "port", port, port >= 0);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "by");
  json_builder_begin_object (b);
  add_string (b, "host", hl_received_get_by_host (hop));
  add_string (b, "software", hl_received_get_by_software (hop));
  json_builder_end_object (b);

  add_string (b, "with", hl_received_get_with (hop));
  add_string (b, "via", hl_received_get_via (hop));
  add_string (b, "id", hl_received_get_id (hop));
  add_string (b, "for", hl_received_get_for (hop));
  add_string (b, "envelope_from", hl_received_get_envelope_from (hop));
  add_string (b, "date", date);
  add_string (b, "date_utc", date_utc);
  add_int (b, "delay_s", delay_s, has_delay);

  json_builder_set_member_name (b, "tls");
  json_builder_begin_object (b);
  add_string (b, "state", hl_tls_state_to_string (hl_received_get_tls_state (hop)));
  add_string (b, "evidence", hl_evidence_to_string (hl_received_get_tls_evidence (hop)));
  add_string (b, "version", hl_tls_version_to_string (hl_received_get_tls_version (hop)));
  add_string (b, "version_raw", hl_received_get_tls_version_raw (hop));
  add_bool (b, "version_ambiguous", hl_received_get_tls_version_ambiguous (hop));
  add_string (b, "cipher", hl_received_get_tls_cipher (hop));
  add_string (b, "cipher_iana", cs != NULL && !cs->decomposed ? cs->iana : NULL);
  build_suite (b, cs);
  add_int (b, "bits", bits, bits >= 0);
  add_int (b, "alg_bits", alg_bits, alg_bits >= 0);
  add_string (b, "key_exchange", hl_received_get_tls_key_exchange (hop));
  add_string (b, "verify", hl_verify_to_string (hl_received_get_tls_verify (hop)));
  add_string (b, "verify_raw", hl_received_get_tls_verify_raw (hop));
  add_string (b, "rating", hl_rating_to_string (hl_received_get_rating (hop)));
  reasons = hl_received_get_rating_reasons (hop, &n_reasons);
  json_builder_set_member_name (b, "rating_reasons");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_reasons; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "id", reasons[i].id);
      add_string (b, "rating", hl_rating_to_string (reasons[i].rating));
      add_string (b, "source", reasons[i].source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  add_bool (b, "authenticated", hl_received_get_authenticated (hop));
  add_string (b, "kind", hl_hop_kind_to_string (hl_received_get_kind (hop)));
  add_string (b, "mta", hl_received_get_mta (hop));

  tokens = hl_received_get_tokens (hop, &n_tokens);
  json_builder_set_member_name (b, "tokens");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_tokens; i++)
    {
      json_builder_begin_object (b);
      add_int (b, "offset", tokens[i].offset, TRUE);
      add_int (b, "length", tokens[i].length, TRUE);
      add_string (b, "kind", hl_token_kind_to_string (tokens[i].kind));
      add_string (b, "explain", tokens[i].explain);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  warnings = hl_received_get_warnings (hop, &n_warnings);
  add_warnings (b, warnings, n_warnings);
  json_builder_end_object (b);
}

/**
 * hl_received_to_json:
 *
 * Returns: (transfer full): one hop object of the hoplock-report/1 contract
 */
JsonNode *
hl_received_to_json (HlReceived *hop)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (hop != NULL, NULL);
  build_hop (b, hop);
  return json_builder_get_root (b);
}

/**
 * hl_route_to_json:
 *
 * Returns: (transfer full): the hoplock-report/1 object of one message
 */
JsonNode *
hl_route_to_json (HlRoute *route)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const HlWarning *warnings;
  guint n_warnings, weakest;
  gint64 transit;
  gboolean has_transit;
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (route != NULL, NULL);

  json_builder_begin_object (b);
  add_string (b, "schema", HL_REPORT_SCHEMA);

  json_builder_set_member_name (b, "source");
  json_builder_begin_object (b);
  add_string (b, "name", hl_route_get_source_name (route));
  add_int (b, "bytes", hl_route_get_source_bytes (route), TRUE);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "message");
  json_builder_begin_object (b);
  add_string (b, "subject", hl_route_get_subject (route));
  add_string (b, "from", hl_route_get_from (route));
  add_string (b, "to", hl_route_get_to (route));
  add_string (b, "date", hl_route_get_date (route));
  add_string (b, "message_id", hl_route_get_message_id (route));
  json_builder_end_object (b);

  weakest = hl_route_get_weakest_hop (route);
  has_transit = hl_route_get_transit (route, &transit);
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  add_int (b, "hops", hl_route_get_n_hops (route), TRUE);
  add_int (b, "network_hops", hl_route_get_n_network_hops (route), TRUE);
  add_int (b, "encrypted", hl_route_count (route, HL_TLS_STATE_ENCRYPTED), TRUE);
  add_int (b, "unencrypted", hl_route_count (route, HL_TLS_STATE_UNENCRYPTED), TRUE);
  add_int (b, "local", hl_route_count (route, HL_TLS_STATE_LOCAL), TRUE);
  add_int (b, "unknown", hl_route_count (route, HL_TLS_STATE_UNKNOWN), TRUE);
  add_string (b, "verdict", hl_verdict_to_string (hl_route_get_verdict (route)));
  add_int (b, "weakest_hop", weakest, weakest > 0);
  add_string (b, "weakest_rating",
              weakest > 0
              ? hl_rating_to_string (hl_received_get_rating (hl_route_get_hop (route, weakest - 1)))
              : NULL);
  add_int (b, "transit_s", transit, has_transit);
  sentence = hl_route_dup_sentence (route);
  add_string (b, "sentence", sentence);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "hops");
  json_builder_begin_array (b);
  for (guint i = 0; i < hl_route_get_n_hops (route); i++)
    build_hop (b, hl_route_get_hop (route, i));
  json_builder_end_array (b);

  warnings = hl_route_get_warnings (route, &n_warnings);
  add_warnings (b, warnings, n_warnings);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}
