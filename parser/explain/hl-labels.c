/* hl-labels.c: the words a person reads for each vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "explain/hl-labels.h"

G_DEFINE_ENUM_TYPE (HlProtection, hl_protection,
                    G_DEFINE_ENUM_VALUE (HL_PROTECTION_VERIFIED, "verified"),
                    G_DEFINE_ENUM_VALUE (HL_PROTECTION_ENCRYPTED, "encrypted"),
                    G_DEFINE_ENUM_VALUE (HL_PROTECTION_UNENCRYPTED, "unencrypted"),
                    G_DEFINE_ENUM_VALUE (HL_PROTECTION_LOCAL, "local"),
                    G_DEFINE_ENUM_VALUE (HL_PROTECTION_UNKNOWN, "unknown"))

HlProtection
hl_received_get_protection (HlReceived *hop)
{
  g_return_val_if_fail (hop != NULL, HL_PROTECTION_UNKNOWN);

  switch (hl_received_get_tls_state (hop))
    {
    case HL_TLS_STATE_ENCRYPTED:
      return hl_received_get_tls_verify (hop) == HL_VERIFY_VERIFIED ? HL_PROTECTION_VERIFIED : HL_PROTECTION_ENCRYPTED;
    case HL_TLS_STATE_UNENCRYPTED:
      return HL_PROTECTION_UNENCRYPTED;
    case HL_TLS_STATE_LOCAL:
      return HL_PROTECTION_LOCAL;
    case HL_TLS_STATE_UNKNOWN:
    default:
      return HL_PROTECTION_UNKNOWN;
    }
}

/* The message as a whole: closed only if every network hop was encrypted (with a
 * check mark if every one verified the sender's certificate), open as soon as one
 * went in clear text. */
HlProtection
hl_route_get_protection (HlRoute *route)
{
  g_return_val_if_fail (route != NULL, HL_PROTECTION_UNKNOWN);

  switch (hl_route_get_verdict (route))
    {
    case HL_VERDICT_ALL_ENCRYPTED:
      for (guint i = 0; i < hl_route_get_n_hops (route); i++)
        if (hl_received_get_protection (hl_route_get_hop (route, i)) == HL_PROTECTION_ENCRYPTED)
          return HL_PROTECTION_ENCRYPTED;
      return HL_PROTECTION_VERIFIED;
    case HL_VERDICT_NOT_ENCRYPTED:
      return HL_PROTECTION_UNENCRYPTED;
    case HL_VERDICT_PARTLY_ENCRYPTED:
      return hl_route_count (route, HL_TLS_STATE_UNENCRYPTED) > 0
             ? HL_PROTECTION_UNENCRYPTED : HL_PROTECTION_UNKNOWN;
    case HL_VERDICT_NO_HOPS:
      return hl_route_get_n_hops (route) > 0 ? HL_PROTECTION_LOCAL : HL_PROTECTION_UNKNOWN;
    case HL_VERDICT_UNKNOWN:
    default:
      return HL_PROTECTION_UNKNOWN;
    }
}

const char *
hl_protection_to_string (HlProtection protection)
{
  static const char *const names[HL_PROTECTION_N] = {
    "verified", "encrypted", "unencrypted", "local", "unknown",
  };

  return protection < HL_PROTECTION_N ? names[protection] : "unknown";
}

const char *
hl_protection_get_label (HlProtection protection)
{
  switch (protection)
    {
    case HL_PROTECTION_VERIFIED: return _("Encrypted, certificate verified");
    case HL_PROTECTION_ENCRYPTED: return _("Encrypted");
    case HL_PROTECTION_UNENCRYPTED: return _("Not encrypted");
    case HL_PROTECTION_LOCAL: return _("Local");
    case HL_PROTECTION_UNKNOWN:
    case HL_PROTECTION_N:
    default: return _("Unknown");
    }
}

const char *
hl_protection_get_description (HlProtection protection)
{
  switch (protection)
    {
    case HL_PROTECTION_VERIFIED: return _("encrypted, certificate verified");
    case HL_PROTECTION_ENCRYPTED: return _("encrypted");
    case HL_PROTECTION_UNENCRYPTED: return _("not encrypted");
    case HL_PROTECTION_LOCAL: return _("local, never left the machine");
    case HL_PROTECTION_UNKNOWN:
    case HL_PROTECTION_N:
    default: return _("encryption not recorded");
    }
}

const char *
hl_tls_state_get_label (HlTlsState state)
{
  switch (state)
    {
    case HL_TLS_STATE_ENCRYPTED: return _("encrypted");
    case HL_TLS_STATE_UNENCRYPTED: return _("NOT encrypted");
    case HL_TLS_STATE_LOCAL: return _("local");
    case HL_TLS_STATE_UNKNOWN:
    default: return _("unknown");
    }
}

const char *
hl_evidence_get_label (HlEvidence evidence)
{
  switch (evidence)
    {
    case HL_EVIDENCE_TLS_CLAUSE: return _("The TLS details the server wrote");
    case HL_EVIDENCE_PROTOCOL: return _("The protocol name");
    case HL_EVIDENCE_VENDOR_MARKER: return _("The server’s own encryption marker");
    case HL_EVIDENCE_LOOPBACK: return _("A client on the same machine");
    case HL_EVIDENCE_LOCAL_PROTOCOL: return _("A local protocol");
    case HL_EVIDENCE_LOCAL_PROGRAM: return _("A program on the same machine");
    case HL_EVIDENCE_DIALECT: return _("The server always records TLS, and recorded none");
    case HL_EVIDENCE_NONE:
    default: return _("Nothing was recorded");
    }
}

static const struct
{
  const char *label;
  const char *category;
} token_kinds[HL_TOKEN_N_KINDS] = {
  [HL_TOKEN_KEYWORD] = { N_("Keyword"), "keyword" },
  [HL_TOKEN_HELO] = { N_("Name the client gave"), "host" },
  [HL_TOKEN_RDNS] = { N_("Name looked up for the client"), "host" },
  [HL_TOKEN_IP] = { N_("Client address"), "address" },
  [HL_TOKEN_PORT] = { N_("Client port"), "address" },
  [HL_TOKEN_BY_HOST] = { N_("Receiving server"), "host" },
  [HL_TOKEN_SOFTWARE] = { N_("Server software"), "id" },
  [HL_TOKEN_PROTOCOL] = { N_("Protocol"), "protocol" },
  [HL_TOKEN_VIA] = { N_("Link"), "protocol" },
  [HL_TOKEN_ID] = { N_("Queue ID"), "id" },
  [HL_TOKEN_FOR] = { N_("Recipient"), "id" },
  [HL_TOKEN_ENVELOPE_FROM] = { N_("Envelope sender"), "id" },
  [HL_TOKEN_COMMENT] = { N_("Comment"), "comment" },
  [HL_TOKEN_TLS_VERSION] = { N_("TLS version"), "tls" },
  [HL_TOKEN_TLS_CIPHER] = { N_("Cipher"), "tls" },
  [HL_TOKEN_TLS_BITS] = { N_("Key size"), "tls" },
  [HL_TOKEN_TLS_VERIFY] = { N_("Certificate check"), "verify" },
  [HL_TOKEN_TLS_KEY_EXCHANGE] = { N_("Key exchange"), "tls" },
  [HL_TOKEN_TLS_SIGNATURE] = { N_("Server signature"), "tls" },
  [HL_TOKEN_CLIENT_CERT] = { N_("Client certificate"), "verify" },
  [HL_TOKEN_AUTH] = { N_("Authentication"), "marker" },
  [HL_TOKEN_VENDOR_MARKER] = { N_("Encryption marker"), "marker" },
  [HL_TOKEN_LOCAL_MARKER] = { N_("Local delivery marker"), "marker" },
  [HL_TOKEN_DATE] = { N_("Date"), "date" },
};

const char *
hl_token_kind_get_label (HlTokenKind kind)
{
  if ((guint) kind >= HL_TOKEN_N_KINDS || token_kinds[kind].label == NULL)
    return _("Part of the field");
  return g_dgettext (GETTEXT_PACKAGE, token_kinds[kind].label);
}

/* Kinds share a colour by what they are about: hosts, addresses, TLS, … */
const char *
hl_token_kind_get_category (HlTokenKind kind)
{
  if ((guint) kind >= HL_TOKEN_N_KINDS || token_kinds[kind].category == NULL)
    return "comment";
  return token_kinds[kind].category;
}

const char *
hl_verdict_get_label (HlVerdict verdict)
{
  switch (verdict)
    {
    case HL_VERDICT_NO_HOPS: return _("No network hops");
    case HL_VERDICT_ALL_ENCRYPTED: return _("All encrypted");
    case HL_VERDICT_PARTLY_ENCRYPTED: return _("Partly encrypted");
    case HL_VERDICT_NOT_ENCRYPTED: return _("Not encrypted");
    case HL_VERDICT_UNKNOWN:
    default: return _("Unknown");
    }
}

/* Whose certificate: in the field the receiving server wrote, the sending
 * server's (client) certificate. */
const char *
hl_verify_get_label (HlVerify verify)
{
  switch (verify)
    {
    case HL_VERIFY_VERIFIED: return _("Client certificate verified");
    case HL_VERIFY_FAILED: return _("Client certificate failed verification");
    case HL_VERIFY_NO_CERTIFICATE: return _("No client certificate presented");
    case HL_VERIFY_NOT_REQUESTED: return _("No client certificate requested");
    case HL_VERIFY_NO_TLS: return _("No TLS");
    case HL_VERIFY_ERROR: return _("Verification error");
    case HL_VERIFY_UNKNOWN: return _("Unrecognised verification value");
    case HL_VERIFY_NONE:
    default: return NULL;
    }
}

const char *
hl_rating_get_label (HlRating rating)
{
  switch (rating)
    {
    case HL_RATING_INSECURE: return _("Insecure");
    case HL_RATING_WEAK: return _("Weak");
    case HL_RATING_ACCEPTABLE: return _("Acceptable");
    case HL_RATING_STRONG: return _("Strong");
    case HL_RATING_NONE:
    default: return NULL;
    }
}

const char *
hl_hop_kind_get_label (HlHopKind kind)
{
  switch (kind)
    {
    case HL_HOP_KIND_SUBMISSION: return _("Submission");
    case HL_HOP_KIND_INTERNAL: return _("Internal");
    case HL_HOP_KIND_LOCAL: return _("Local");
    case HL_HOP_KIND_DELIVERY: return _("Delivery");
    case HL_HOP_KIND_RELAY:
    default: return _("Relay");
    }
}

const char *
hl_rating_get_style_class (HlRating rating)
{
  switch (rating)
    {
    case HL_RATING_STRONG: return "success";
    case HL_RATING_ACCEPTABLE: return "accent";
    case HL_RATING_WEAK: return "warning";
    case HL_RATING_INSECURE: return "error";
    case HL_RATING_NONE:
    default: return "dim";
    }
}

const char *
hl_verify_get_style_class (HlVerify verify)
{
  switch (verify)
    {
    case HL_VERIFY_VERIFIED:
      return "success";
    case HL_VERIFY_FAILED:
    case HL_VERIFY_ERROR:
      return "warning";
    case HL_VERIFY_NONE:
    case HL_VERIFY_NO_CERTIFICATE:
    case HL_VERIFY_NOT_REQUESTED:
    case HL_VERIFY_NO_TLS:
    case HL_VERIFY_UNKNOWN:
    default:
      return "dim";
    }
}

const char *
hl_received_get_from_label (HlReceived *hop)
{
  const char *name;

  g_return_val_if_fail (hop != NULL, NULL);
  name = hl_received_get_from_host (hop);
  return name != NULL ? name : _("an unnamed host");
}

const char *
hl_received_get_by_label (HlReceived *hop)
{
  const char *name;

  g_return_val_if_fail (hop != NULL, NULL);
  name = hl_received_get_by_host (hop);
  return name != NULL ? name : _("an unnamed host");
}

char *
hl_received_dup_version_label (HlReceived *hop)
{
  HlTlsVersion version;
  const char *raw;

  g_return_val_if_fail (hop != NULL, NULL);
  version = hl_received_get_tls_version (hop);
  raw = hl_received_get_tls_version_raw (hop);
  if (version != HL_TLS_VERSION_UNKNOWN)
    return g_strdup (hl_tls_version_to_string (version));
  if (raw != NULL)
    return g_strdup (raw);
  return NULL;
}

char *
hl_received_dup_version_text (HlReceived *hop)
{
  HlTlsVersion version;
  const char *raw;

  g_return_val_if_fail (hop != NULL, NULL);
  version = hl_received_get_tls_version (hop);
  raw = hl_received_get_tls_version_raw (hop);
  if (version != HL_TLS_VERSION_UNKNOWN && hl_tls_version_to_string (version) != NULL)
    return g_strdup (hl_tls_version_to_string (version));
  if (raw == NULL)
    return NULL;
  if (hl_received_get_tls_version_ambiguous (hop))
    /* TRANSLATORS: a TLS version as written that does not say which version was used */
    return g_strdup_printf (_("%s (version unclear)"), raw);
  return g_strdup (raw);
}

char *
hl_received_dup_position_label (HlReceived *hop,
                                guint       n_hops)
{
  g_return_val_if_fail (hop != NULL, NULL);
  /* TRANSLATORS: "Hop 2 of 5" */
  return g_strdup_printf (_("Hop %u of %u"), hl_received_get_index (hop), n_hops);
}

char *
hl_received_dup_time_label (HlReceived *hop)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  gint64 t;
  int offset;

  g_return_val_if_fail (hop != NULL, NULL);
  if (!hl_received_get_date (hop, &t, &offset))
    return NULL;
  utc = g_date_time_new_from_unix_utc (t);
  if (utc == NULL)
    return NULL;
  tz = g_time_zone_new_offset (offset * 60);
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return NULL;
  /* TRANSLATORS: a hop's date, see g_date_time_format(); e.g. "17 Jul 2005 15:39:10 -0500" */
  return g_date_time_format (local, _("%-d %b %Y %H:%M:%S %z"));
}

char *
hl_received_dup_delay_label (HlReceived *hop)
{
  g_autofree char *duration = NULL;
  gint64 delay;

  g_return_val_if_fail (hop != NULL, NULL);
  if (!hl_received_get_delay (hop, &delay))
    return NULL;
  if (delay < 0)
    {
      duration = hl_format_duration (-delay);
      /* TRANSLATORS: a hop dated before the one before it, e.g. "3 s earlier" */
      return g_strdup_printf (_("%s earlier"), duration);
    }
  duration = hl_format_duration (delay);
  /* TRANSLATORS: the time a hop took after the one before it, e.g. "+2 s" */
  return g_strdup_printf (_("+%s"), duration);
}

char *
hl_received_dup_accessible_label (HlReceived *hop,
                                  guint       n_hops)
{
  g_return_val_if_fail (hop != NULL, NULL);
  /* TRANSLATORS: what a screen reader says for a hop: number, state, hosts */
  return g_strdup_printf (_("Hop %u of %u, %s, from %s to %s"),
                          hl_received_get_index (hop), n_hops,
                          hl_protection_get_description (hl_received_get_protection (hop)),
                          hl_received_get_from_label (hop), hl_received_get_by_label (hop));
}

char *
hl_format_date (gint64 unix_time,
                       int    offset_minutes)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset_minutes * 60);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  int off = ABS (offset_minutes);

  if (utc == NULL || tz == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d %c%02d:%02d",
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                          g_date_time_get_minute (local), g_date_time_get_second (local),
                          offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
}

char *
hl_format_duration (gint64 seconds)
{
  guint64 s = seconds < 0 ? -(guint64) seconds : (guint64) seconds;
  const char *sign = seconds < 0 ? "-" : "";
  /* Large enough for any duration a header can give: days fit an unsigned long. */
  gulong d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;

  /* TRANSLATORS: durations; "s" seconds, "min" minutes, "h" hours, "d" days */
  if (s < 60)
    return g_strdup_printf (_("%s%lu s"), sign, sec);
  if (s < 3600)
    return g_strdup_printf (_("%s%lu min %lu s"), sign, m, sec);
  if (s < 86400)
    return g_strdup_printf (_("%s%lu h %lu min"), sign, h, m);
  return g_strdup_printf (_("%s%lu d %lu h"), sign, d, h);
}

const char *
hl_explain_section_get_title (HlExplainSection section)
{
  switch (section)
    {
    case HL_EXPLAIN_SECTION_HOP_SUMMARY: return _("What happened");
    case HL_EXPLAIN_SECTION_CIPHER: return _("The cipher suite taken apart");
    case HL_EXPLAIN_SECTION_RATING: return _("The rating explained");
    case HL_EXPLAIN_SECTION_FOR_YOU: return _("What this means for you");
    case HL_EXPLAIN_SECTION_FOR_ADMIN: return _("What an administrator can do");
    case HL_EXPLAIN_SECTION_VERDICT: return _("What the verdict means");
    case HL_EXPLAIN_SECTION_CAVEATS: return _("What the header cannot prove");
    case HL_EXPLAIN_N_SECTIONS:
    default: g_return_val_if_reached (NULL);
    }
}

char *
hl_route_dup_counts_label (HlRoute *route)
{
  g_return_val_if_fail (route != NULL, NULL);

  return g_strdup_printf (_("%u encrypted, %u not encrypted, %u unknown, %u local"),
                          hl_route_count (route, HL_TLS_STATE_ENCRYPTED),
                          hl_route_count (route, HL_TLS_STATE_UNENCRYPTED),
                          hl_route_count (route, HL_TLS_STATE_UNKNOWN),
                          hl_route_count (route, HL_TLS_STATE_LOCAL));
}

/* "hop 2 (mx.a.example → relay.b.example), hop 3 (…)": the first three hops of
 * @route in @state, then "…"; their number in *@n_out (4 for more than three). */
static char *
hop_list (HlRoute    *route,
          HlTlsState  state,
          guint      *n_out)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < hl_route_get_n_hops (route); i++)
    {
      HlReceived *hop = hl_route_get_hop (route, i);

      if (hl_received_get_tls_state (hop) != state)
        continue;
      if (n > 0)
        g_string_append (s, ", ");
      if (n == 3)
        {
          g_string_append (s, "…");
          n++;
          break;
        }
      /* TRANSLATORS: a hop, e.g. "hop 2 (mx.a.example → relay.b.example)" */
      g_string_append_printf (s, _("hop %u (%s → %s)"), hl_received_get_index (hop),
                              hl_received_get_from_label (hop), hl_received_get_by_label (hop));
      n++;
    }
  *n_out = n;
  return g_string_free (s, FALSE);
}

/**
 * hl_route_dup_sentence:
 *
 * The verdict in one sentence that tells "not encrypted" from "nothing
 * recorded": "1 of 2 network hops was encrypted; hop 2 (mx.a.example →
 * relay.b.example) was not." Header text in it is as the header wrote it: make it
 * safe (hl_text_make_safe()) before showing it.
 *
 * Returns: (transfer full): the sentence
 */
char *
hl_route_dup_sentence (HlRoute *route)
{
  guint net, enc;

  g_return_val_if_fail (route != NULL, NULL);

  net = hl_route_get_n_network_hops (route);
  enc = hl_route_count (route, HL_TLS_STATE_ENCRYPTED);

  switch (hl_route_get_verdict (route))
    {
    case HL_VERDICT_NO_HOPS:
      return g_strdup (hl_route_get_n_hops (route) == 0
                       ? _("The message has no Received fields, so nothing can be said about how it travelled.")
                       : _("The message never left the machines it was written on; there is no network hop to judge."));

    case HL_VERDICT_ALL_ENCRYPTED:
      {
        guint weakest_index = hl_route_get_weakest_hop (route);
        HlRating rating = HL_RATING_NONE;
        GString *s = g_string_new (NULL);

        if (weakest_index > 0)
          rating = hl_received_get_rating (hl_route_get_hop (route, weakest_index - 1));
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                "The one network hop was encrypted.",
                                                "All %u network hops were encrypted.", net), net);
        /* Encrypted is not the whole story when the protection was weak. */
        if (rating == HL_RATING_WEAK || rating == HL_RATING_INSECURE)
          {
            HlReceived *weakest = hl_route_get_hop (route, weakest_index - 1);
            const char *word = rating == HL_RATING_WEAK ? _("weak") : _("insecure");

            g_string_append_c (s, ' ');
            if (net == 1)
              /* TRANSLATORS: %s is "weak" or "insecure" */
              g_string_append_printf (s, _("Its protection was %s."), word);
            else
              /* TRANSLATORS: "The weakest, hop 2 (a → b), was rated weak." */
              g_string_append_printf (s, _("The weakest, hop %u (%s → %s), was rated %s."),
                                      weakest_index, hl_received_get_from_label (weakest),
                                      hl_received_get_by_label (weakest), word);
          }
        return g_string_free (s, FALSE);
      }

    case HL_VERDICT_NOT_ENCRYPTED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The one network hop was not encrypted.",
                                           "None of the %u network hops was encrypted.", net), net);

    case HL_VERDICT_UNKNOWN:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The one network hop recorded nothing about encryption.",
                                           "None of the %u network hops recorded whether it was encrypted.",
                                           net), net);

    case HL_VERDICT_PARTLY_ENCRYPTED:
    default:
      {
        guint n_clear = 0, n_unknown = 0;
        g_autofree char *clear = hop_list (route, HL_TLS_STATE_UNENCRYPTED, &n_clear);
        g_autofree char *unrec = hop_list (route, HL_TLS_STATE_UNKNOWN, &n_unknown);
        GString *s = g_string_new (NULL);

        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u network hops was encrypted",
                                                "%u of %u network hops were encrypted", enc),
                                enc, net);
        if (n_clear > 0)
          /* TRANSLATORS: "; hop 2 (a → b) was not" */
          g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "; %s was not", "; %s were not",
                                                  n_clear), clear);
        if (n_unknown > 0)
          g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                  "; %s recorded nothing about encryption",
                                                  "; %s recorded nothing about encryption",
                                                  n_unknown),
                                  unrec);
        g_string_append_c (s, '.');
        return g_string_free (s, FALSE);
      }
    }
}
