/* hl-report-csv.c: the report as CSV, one row per hop
 *
 * RFC 4180: a header row, then one row per hop of every message, each row with
 * the identity and verdict of its message; fields separated by commas and quoted
 * with double quotes when they hold a comma, a quote, a line break or an outer
 * space; lines end in CRLF. UTF-8 without a byte-order mark (text/csv;
 * charset=utf-8): a BOM would become part of the first column's name for most
 * programs that read CSV. A message without hops still gets one row, with the hop
 * columns empty, so that no message goes missing from the table.
 *
 * Values are the machine words of the hoplock-report/1 JSON contract (DESIGN.md),
 * not translated labels, so that a spreadsheet can filter on them.
 *
 * Text from a header is made safe first (hl_text_make_safe(): no control
 * characters), then a cell that starts with "=", "+", "-", "@", a tab or a
 * carriage return gets a "'" in front, so that no spreadsheet reads it as a formula
 * (OWASP's "CSV injection"). Numbers Hoplock computes itself (a negative delay)
 * are written as numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "report/hl-report-model-private.h"

/* Does a spreadsheet take a cell starting so for a formula? */
static gboolean
is_formula_start (const char *s)
{
  return s != NULL && s[0] != '\0' && strchr ("=+-@\t\r", s[0]) != NULL;
}

static void
append_field (GString    *out,
              const char *s,
              gboolean    apostrophe)
{
  gsize len = strlen (s);
  gboolean quote = apostrophe || strpbrk (s, ",\"\r\n") != NULL
                   || (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));

  if (quote)
    g_string_append_c (out, '"');
  if (apostrophe)
    g_string_append_c (out, '\'');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/**
 * hl_report_append_csv:
 * @text: (nullable): text from a header; %NULL is an empty cell
 *
 * Appends one CSV field: @text made safe, a formula neutralised, quoted when
 * needed.
 */
void
hl_report_append_csv (GString    *out,
                      const char *text)
{
  g_autofree char *safe = hl_text_make_safe (text);

  /* The text as read decides too: hl_text_make_safe() turns a leading tab into
   * a space, which no longer looks like a formula but may still be read as one. */
  append_field (out, safe, is_formula_start (text) || is_formula_start (safe));
}

/* Our own numbers and words: no formula check, never quoted. */
static void
append_value (GString    *out,
              const char *text)
{
  append_field (out, text ? text : "", FALSE);
}

static void
append_int (GString  *out,
            gint64    value,
            gboolean  present)
{
  if (present)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

typedef enum
{
  COL_SOURCE, COL_SUBJECT, COL_FROM, COL_TO, COL_MESSAGE_DATE, COL_MESSAGE_ID, COL_VERDICT,
  COL_HOP, COL_HOPS, COL_FROM_HELO, COL_FROM_RDNS, COL_FROM_IP, COL_BY_HOST, COL_BY_SOFTWARE,
  COL_WITH, COL_ID, COL_FOR, COL_HOP_DATE, COL_HOP_DATE_UTC, COL_DELAY_S, COL_TLS_STATE,
  COL_EVIDENCE, COL_TLS_VERSION, COL_TLS_VERSION_RAW, COL_CIPHER, COL_CIPHER_IANA, COL_BITS,
  COL_VERIFY, COL_VERIFY_RAW, COL_RATING, COL_RATING_REASONS, COL_KIND, COL_MTA,
  COL_AUTHENTICATED, COL_WARNINGS, COL_RAW,
  N_COLS
} Column;

/* The header row: the names follow the keys of hoplock-report/1. */
static const char *const column_names[N_COLS] = {
  "source", "subject", "from", "to", "message_date", "message_id", "verdict",
  "hop", "hops", "from_helo", "from_rdns", "from_ip", "by_host", "by_software",
  "with", "id", "for", "hop_date", "hop_date_utc", "delay_s", "tls_state",
  "evidence", "tls_version", "tls_version_raw", "cipher", "cipher_iana", "bits",
  "verify", "verify_raw", "rating", "rating_reasons", "kind", "mta",
  "authenticated", "warnings", "raw",
};

static void
append_cell (GString    *out,
             Column      col,
             HlRoute    *route,
             HlReceived *hop)
{
  const HlWarning *warnings;
  guint n;

  if (col <= COL_VERDICT)
    {
      switch (col)
        {
        case COL_SOURCE: hl_report_append_csv (out, hl_route_get_source_name (route)); break;
        case COL_SUBJECT: hl_report_append_csv (out, hl_route_get_subject (route)); break;
        case COL_FROM: hl_report_append_csv (out, hl_route_get_from (route)); break;
        case COL_TO: hl_report_append_csv (out, hl_route_get_to (route)); break;
        case COL_MESSAGE_DATE: hl_report_append_csv (out, hl_route_get_date (route)); break;
        case COL_MESSAGE_ID: hl_report_append_csv (out, hl_route_get_message_id (route)); break;
        case COL_VERDICT: append_value (out, hl_verdict_to_string (hl_route_get_verdict (route))); break;
        default: g_assert_not_reached ();
        }
      return;
    }
  if (hop == NULL)
    return;

  switch (col)
    {
    case COL_HOP: append_int (out, hl_received_get_index (hop), TRUE); break;
    case COL_HOPS: append_int (out, hl_route_get_n_hops (route), TRUE); break;
    case COL_FROM_HELO: hl_report_append_csv (out, hl_received_get_from_helo (hop) != NULL
                                                ? hl_received_get_from_helo (hop)
                                                : hl_received_get_from_name (hop)); break;
    case COL_FROM_RDNS: hl_report_append_csv (out, hl_received_get_from_rdns (hop)); break;
    case COL_FROM_IP: hl_report_append_csv (out, hl_received_get_from_ip (hop)); break;
    case COL_BY_HOST: hl_report_append_csv (out, hl_received_get_by_host (hop)); break;
    case COL_BY_SOFTWARE: hl_report_append_csv (out, hl_received_get_by_software (hop)); break;
    case COL_WITH: hl_report_append_csv (out, hl_received_get_with (hop)); break;
    case COL_ID: hl_report_append_csv (out, hl_received_get_id (hop)); break;
    case COL_FOR: hl_report_append_csv (out, hl_received_get_for (hop)); break;
    case COL_HOP_DATE:
    case COL_HOP_DATE_UTC:
      {
        g_autofree char *date = hl_received_dup_date_iso (hop, col == COL_HOP_DATE_UTC);

        append_value (out, date);
      }
      break;
    case COL_DELAY_S:
      {
        gint64 delay_s;

        if (hl_received_get_delay (hop, &delay_s))
          append_int (out, delay_s, TRUE);
      }
      break;
    case COL_TLS_STATE: append_value (out, hl_tls_state_to_string (hl_received_get_tls_state (hop))); break;
    case COL_EVIDENCE: append_value (out, hl_evidence_to_string (hl_received_get_tls_evidence (hop))); break;
    case COL_TLS_VERSION: append_value (out, hl_tls_version_to_string (hl_received_get_tls_version (hop))); break;
    case COL_TLS_VERSION_RAW: hl_report_append_csv (out, hl_received_get_tls_version_raw (hop)); break;
    case COL_CIPHER: hl_report_append_csv (out, hl_received_get_tls_cipher (hop)); break;
    case COL_CIPHER_IANA:
      {
        const HlCipherSuite *cs = hl_received_get_cipher_suite (hop);

        append_value (out, cs != NULL && !cs->decomposed ? cs->iana : NULL);
      }
      break;
    case COL_BITS: append_int (out, hl_received_get_tls_bits (hop), hl_received_get_tls_bits (hop) >= 0); break;
    case COL_VERIFY: append_value (out, hl_verify_to_string (hl_received_get_tls_verify (hop))); break;
    case COL_VERIFY_RAW: hl_report_append_csv (out, hl_received_get_tls_verify_raw (hop)); break;
    case COL_RATING: append_value (out, hl_rating_to_string (hl_received_get_rating (hop))); break;
    case COL_RATING_REASONS:
    case COL_WARNINGS:
      {
        g_autoptr(GString) list = g_string_new (NULL);

        if (col == COL_RATING_REASONS)
          {
            const HlRatingReason *reasons = hl_received_get_rating_reasons (hop, &n);

            for (guint i = 0; i < n; i++)
              g_string_append_printf (list, "%s%s", i ? "; " : "", reasons[i].id);
          }
        else
          {
            warnings = hl_received_get_warnings (hop, &n);
            for (guint i = 0; i < n; i++)
              g_string_append_printf (list, "%s%s", i ? "; " : "", warnings[i].code);
          }
        append_value (out, list->str);
      }
      break;
    case COL_KIND: append_value (out, hl_hop_kind_to_string (hl_received_get_kind (hop))); break;
    case COL_MTA: append_value (out, hl_received_get_mta (hop)); break;
    case COL_AUTHENTICATED: append_value (out, hl_received_get_authenticated (hop) ? "true" : "false"); break;
    case COL_RAW: hl_report_append_csv (out, hl_received_get_raw (hop, NULL)); break;
    default: g_assert_not_reached ();
    }
}

static void
append_row (GString    *out,
            HlRoute    *route,
            HlReceived *hop)
{
  for (Column col = 0; col < N_COLS; col++)
    {
      if (col > 0)
        g_string_append_c (out, ',');
      append_cell (out, col, route, hop);
    }
  g_string_append (out, "\r\n");
}

GBytes *
hl_report_render_csv (HlRoute *const *routes,
                      guint           n_routes,
                      HlTextFlags     flags,
                      GError        **error)
{
  GString *out = g_string_new (NULL);

  for (Column col = 0; col < N_COLS; col++)
    g_string_append_printf (out, "%s%s", col > 0 ? "," : "", column_names[col]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n_routes; i++)
    {
      guint n = hl_route_get_n_hops (routes[i]);

      if (n == 0)
        append_row (out, routes[i], NULL);
      for (guint h = 0; h < n; h++)
        append_row (out, routes[i], hl_route_get_hop (routes[i], h));
    }
  return g_string_free_to_bytes (out);
}
