/* hl-report-text.c: the report for a terminal
 *
 * Everything that came from a header goes through hl_text_make_safe(): no escape
 * sequence, C1 control or bidirectional override reaches the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "explain/hl-explain.h"
#include "explain/hl-labels.h"
#include "report/hl-report-private.h"

typedef struct
{
  GString *s;
  gboolean color;
  gboolean explain;
} Out;

/* The width explanations are wrapped to. */
#define EXPLAIN_WIDTH 80

static const char *
state_color (HlTlsState state)
{
  switch (state)
    {
    case HL_TLS_STATE_ENCRYPTED: return "\033[32m";
    case HL_TLS_STATE_UNENCRYPTED: return "\033[31m";
    case HL_TLS_STATE_LOCAL: return "\033[36m";
    case HL_TLS_STATE_UNKNOWN:
    default: return "\033[33m";
    }
}

static void
field (Out        *o,
       const char *label,
       const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = hl_text_make_safe (value);
  g_string_append_printf (o->s, "    %-14s %s\n", label, safe);
}

static void
hop_text (Out        *o,
          HlReceived *hop,
          guint       n_hops)
{
  g_autofree char *date = hl_received_dup_date_iso (hop, FALSE);
  g_autofree char *tls = NULL;
  g_autofree char *from = NULL;
  HlTlsState state = hl_received_get_tls_state (hop);
  const char *helo = hl_received_get_from_helo (hop);
  const char *name = hl_received_get_from_name (hop);
  const char *rdns = hl_received_get_from_rdns (hop);
  const char *ip = hl_received_get_from_ip (hop);
  const char *version_raw = hl_received_get_tls_version_raw (hop);
  const char *cipher = hl_received_get_tls_cipher (hop);
  int bits = hl_received_get_tls_bits (hop);
  HlVerify verify = hl_received_get_tls_verify (hop);
  HlRating rating = hl_received_get_rating (hop);
  gint64 delay_s;
  GString *t;
  const HlWarning *warnings;
  guint n_warnings;

  if (n_hops > 0)
    {
      g_autofree char *position = hl_received_dup_position_label (hop, n_hops);

      g_string_append (o->s, position);
    }
  else
    g_string_append (o->s, _("Hop"));
  g_string_append (o->s, ": ");
  if (o->color)
    g_string_append (o->s, state_color (state));
  g_string_append (o->s, hl_tls_state_get_label (state));
  if (o->color)
    g_string_append (o->s, "\033[0m");
  g_string_append_printf (o->s, " (%s)\n",
                          hl_evidence_to_string (hl_received_get_tls_evidence (hop)));

  from = g_strdup_printf ("%s%s%s%s%s",
                          helo ? helo : name ? name : "",
                          rdns ? " rdns=" : "", rdns ? rdns : "",
                          ip ? " ip=" : "", ip ? ip : "");
  field (o, _("from"), *from ? from : NULL);
  field (o, _("by"), hl_received_get_by_host (hop));
  field (o, _("software"), hl_received_get_by_software (hop));
  field (o, _("with"), hl_received_get_with (hop));
  field (o, _("id"), hl_received_get_id (hop));
  field (o, _("for"), hl_received_get_for (hop));
  field (o, _("date"), date);
  if (hl_received_get_delay (hop, &delay_s))
    {
      g_autofree char *d = g_strdup_printf ("%" G_GINT64_FORMAT " s", delay_s);

      field (o, _("delay"), d);
    }

  t = g_string_new (NULL);
  if (version_raw != NULL)
    {
      const char *v = hl_tls_version_to_string (hl_received_get_tls_version (hop));

      g_string_append_printf (t, "%s", v ? v : _("version unknown"));
      g_string_append_printf (t, " [%s]", version_raw);
    }
  if (cipher != NULL)
    g_string_append_printf (t, "%s%s", t->len ? ", " : "", cipher);
  if (bits >= 0)
    g_string_append_printf (t, ", %d bits", bits);
  if (verify != HL_VERIFY_NONE)
    {
      const char *verify_raw = hl_received_get_tls_verify_raw (hop);

      g_string_append_printf (t, ", verify %s (%s)", hl_verify_to_string (verify),
                              verify_raw ? verify_raw : "");
    }
  tls = g_string_free (t, FALSE);
  field (o, _("tls"), *tls ? tls : NULL);
  if (rating != HL_RATING_NONE)
    {
      GString *r = g_string_new (hl_rating_to_string (rating));
      guint n_reasons;
      const HlRatingReason *reasons = hl_received_get_rating_reasons (hop, &n_reasons);

      for (guint i = 0; i < n_reasons; i++)
        g_string_append_printf (r, "%s%s (%s)", i == 0 ? ": " : "; ", reasons[i].id,
                                reasons[i].source ? reasons[i].source : "");
      field (o, _("rating"), r->str);
      g_string_free (r, TRUE);
    }
  field (o, _("kind"), hl_hop_kind_to_string (hl_received_get_kind (hop)));
  field (o, _("mta"), hl_received_get_mta (hop));
  if (hl_received_get_authenticated (hop))
    field (o, _("auth"), _("the sender logged in (SMTP AUTH)"));

  warnings = hl_received_get_warnings (hop, &n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    field (o, _("warning"), warnings[i].message);
}

/* A heading and an explanation under it, wrapped; a line's continuation is
 * indented by @hang more. */
static void
explain_section (Out        *o,
                 const char *heading,
                 const char *text,
                 guint       indent,
                 guint       hang)
{
  g_autofree char *wrapped = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (!g_str_has_suffix (o->s->str, "\n\n"))
    g_string_append_c (o->s, '\n');
  for (guint i = 0; i + 2 < indent; i++)
    g_string_append_c (o->s, ' ');
  if (o->color)
    g_string_append (o->s, "\033[1m");
  g_string_append (o->s, heading);
  if (o->color)
    g_string_append (o->s, "\033[0m");
  g_string_append_c (o->s, '\n');
  wrapped = hl_explain_wrap (text, EXPLAIN_WIDTH, indent, hang);
  g_string_append (o->s, wrapped);
}

/* Under the hop's facts: what happened, the cipher taken apart, the rating,
 * what it means for the reader and what an administrator can do. */
static void
explain_hop (Out        *o,
             HlReceived *hop)
{
  g_autofree char *summary = hl_explain_hop_summary (hop);
  const HlCipherSuite *suite = hl_received_get_cipher_suite (hop);
  g_autofree char *cipher = suite != NULL ? hl_explain_cipher (suite) : NULL;
  g_autofree char *rating = hl_explain_rating (hop);
  g_autofree char *for_you = hl_explain_for_you (hop);
  g_autofree char *for_admin = hl_explain_for_admin (hop);

  explain_section (o, hl_explain_section_get_title (HL_EXPLAIN_SECTION_HOP_SUMMARY), summary, 6, 0);
  explain_section (o, hl_explain_section_get_title (HL_EXPLAIN_SECTION_CIPHER), cipher, 6, 2);
  explain_section (o, hl_explain_section_get_title (HL_EXPLAIN_SECTION_RATING), rating, 6, 0);
  explain_section (o, hl_explain_section_get_title (HL_EXPLAIN_SECTION_FOR_YOU), for_you, 6, 0);
  explain_section (o, hl_explain_section_get_title (HL_EXPLAIN_SECTION_FOR_ADMIN), for_admin, 6, 2);
}

char *
hl_received_to_text (HlReceived  *hop,
                     HlTextFlags  flags)
{
  Out o = { g_string_new (NULL), (flags & HL_TEXT_COLOR) != 0, (flags & HL_TEXT_EXPLAIN) != 0 };

  g_return_val_if_fail (hop != NULL, NULL);
  hop_text (&o, hop, 0);
  if (o.explain)
    explain_hop (&o, hop);
  return g_string_free (o.s, FALSE);
}

char *
hl_route_to_text (HlRoute     *route,
                  HlTextFlags  flags)
{
  Out o = { g_string_new (NULL), (flags & HL_TEXT_COLOR) != 0, (flags & HL_TEXT_EXPLAIN) != 0 };
  guint n = hl_route_get_n_hops (route);
  guint explain_from = 0;
  g_autofree char *omitted = NULL;
  const HlWarning *warnings;
  guint n_warnings;
  gint64 transit;

  g_return_val_if_fail (route != NULL, NULL);

  field (&o, _("Message"), hl_route_get_source_name (route));
  field (&o, _("Subject"), hl_route_get_subject (route));
  field (&o, _("From"), hl_route_get_from (route));
  field (&o, _("To"), hl_route_get_to (route));
  field (&o, _("Date"), hl_route_get_date (route));
  g_string_append_c (o.s, '\n');

  if (o.color)
    g_string_append (o.s, "\033[1m");
  {
    g_autofree char *sentence = hl_route_dup_sentence (route);
    g_autofree char *safe = hl_text_make_safe (sentence);

    g_string_append_printf (o.s, "%s", safe);
  }
  if (o.color)
    g_string_append (o.s, "\033[0m");
  g_string_append_c (o.s, '\n');
  {
    g_autofree char *counts = hl_route_dup_counts_label (route);

    /* TRANSLATORS: the verdict's machine word, then hl_route_dup_counts_label() */
    g_string_append_printf (o.s, _("Verdict: %s — %s"),
                            hl_verdict_to_string (hl_route_get_verdict (route)), counts);
  }
  if (hl_route_get_transit (route, &transit))
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, transit);

      /* TRANSLATORS: %s is a number of seconds */
      g_string_append_printf (o.s, _("; in transit %s s"), seconds);
    }
  g_string_append (o.s, "\n\n");

  if (o.explain)
    {
      /* Very long journeys: every hop, but only the newest explained. */
      hl_report_explained_hops (route, &explain_from);
      omitted = hl_report_dup_omitted_note (route, TRUE);
      if (omitted != NULL)
        {
          g_autofree char *wrapped = hl_explain_wrap (omitted, EXPLAIN_WIDTH, 0, 0);

          g_string_append_printf (o.s, "%s\n\n", g_strchomp (wrapped));
        }
    }
  for (guint i = 0; i < n; i++)
    {
      hop_text (&o, hl_route_get_hop (route, i), n);
      if (o.explain && i >= explain_from)
        explain_hop (&o, hl_route_get_hop (route, i));
      g_string_append_c (o.s, '\n');
    }

  warnings = hl_route_get_warnings (route, &n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    g_string_append_printf (o.s, _("Warning: %s\n"), warnings[i].message);

  if (o.explain)
    {
      const HlExplanation *verdict = hl_explain_lookup_in ("verdict",
                                                           hl_verdict_to_string (hl_route_get_verdict (route)));

      if (verdict != NULL)
        explain_section (&o, verdict->title, verdict->text, 2, 0);
      explain_section (&o, hl_explain_section_get_title (HL_EXPLAIN_SECTION_CAVEATS),
                       hl_explain_caveats (), 2, 0);
    }

  return g_string_free (o.s, FALSE);
}
