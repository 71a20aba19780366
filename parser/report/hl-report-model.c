/* hl-report-model.c: the words, drawings and escaping every report writer shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "report/hl-report-model-private.h"

/* ---------------------------------------------------------------------------
 * Labels
 * ------------------------------------------------------------------------- */

const char *
hl_report_title (void)
{
  return _("Hoplock report");
}

char *
hl_report_subtitle (guint n_messages)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Whether %u message travelled encrypted, hop by hop",
                                       "Whether %u messages travelled encrypted, hop by hop",
                                       n_messages),
                          n_messages);
}

const char *
hl_report_caveats_title (void)
{
  return hl_explain_section_get_title (HL_EXPLAIN_SECTION_CAVEATS);
}

const char *
hl_report_caveats (void)
{
  return hl_explain_caveats ();
}

/**
 * hl_report_paragraphs:
 * @text: an explanation: paragraphs separated by blank lines, lines by "\n"
 *
 * Returns: (transfer full): the paragraphs, without empty ones. A paragraph of
 *   several lines is a list, one item a line.
 */
char **
hl_report_paragraphs (const char *text)
{
  g_auto(GStrv) split = g_strsplit (text ? text : "", "\n\n", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; split[i] != NULL; i++)
    {
      char *p = g_strstrip (split[i]);

      if (*p != '\0')
        g_ptr_array_add (out, g_strdup (p));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

const char *
hl_report_raw_title (void)
{
  return _("The field as written");
}

const char *
hl_report_table_caption (void)
{
  return _("The hops, from the sender to the recipient");
}

const char *
hl_report_warnings_title (void)
{
  return _("Warnings");
}

/* ---------------------------------------------------------------------------
 * The model
 * ------------------------------------------------------------------------- */

guint
hl_report_explained_hops (HlRoute *route,
                          guint   *first)
{
  guint n = hl_route_get_n_hops (route);
  guint shown = MIN (n, HL_REPORT_MAX_EXPLAINED_HOPS);

  if (first != NULL)
    *first = n - shown;
  return shown;
}

char *
hl_report_dup_omitted_note (HlRoute  *route,
                            gboolean  listed)
{
  guint n = hl_route_get_n_hops (route);
  guint first;
  guint shown = hl_report_explained_hops (route, &first);
  g_autofree char *why = NULL;

  if (shown == n)
    return NULL;
  why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* TRANSLATORS: only used for long lists of hops */
                                      "This message lists %u hop, more than mail servers let a "
                                      "message pass (Postfix refuses one with more than %u Received "
                                      "fields): a mail loop, or fields added to mislead a reader.",
                                      "This message lists %u hops, more than mail servers let a "
                                      "message pass (Postfix refuses one with more than %u Received "
                                      "fields): a mail loop, or fields added to mislead a reader.",
                                      n),
                         n, (guint) HL_REPORT_MAX_EXPLAINED_HOPS);
  if (listed)
    /* TRANSLATORS: the first %s is the sentence above; then a count and two hop numbers */
    return g_strdup_printf (_("%s Only the %u nearest the recipient, hops %u to %u, are explained "
                              "here; the others are listed without explanations."),
                            why, shown, first + 1, n);
  /* TRANSLATORS: the first %s is the sentence above; then a count and two hop numbers */
  return g_strdup_printf (_("%s This report shows the %u nearest the recipient, hops %u to %u. "
                            "The JSON, CSV and plain text reports list every hop."),
                          why, shown, first + 1, n);
}


/* Header text longer than this is cut: in the tables, and in the message's
 * identity. The raw field is always whole. */
#define CELL_MAX 200
#define FIELD_MAX 1000

static char *
safe_max (const char *text,
          glong       max)
{
  g_autofree char *s = NULL;
  const char *cut;

  if (text == NULL || *text == '\0')
    return NULL;
  s = hl_text_make_safe (text);
  if (g_utf8_strlen (s, -1) <= max)
    return g_steal_pointer (&s);
  cut = g_utf8_offset_to_pointer (s, max);
  return g_strdup_printf ("%.*s…", (int) (cut - s), s);
}

static char *
safe (const char *text)
{
  return safe_max (text, CELL_MAX);
}

static char *
hop_from (HlReceived *hop)
{
  const char *primary = hl_received_get_from_host (hop);
  const char *helo = hl_received_get_from_helo (hop);
  const char *ip = hl_received_get_from_ip (hop);
  g_autofree char *literal = ip ? g_strdup_printf ("[%s]", ip) : NULL;
  GString *s = g_string_new (NULL);
  g_autofree char *out = NULL;

  if (primary == ip)
    primary = NULL;   /* no name: the address alone, below */
  if (primary != NULL)
    g_string_append (s, primary);
  /* The HELO when it says something more: not the name shown, not the address. */
  if (helo != NULL && primary != helo
      && (primary == NULL || g_ascii_strcasecmp (helo, primary) != 0)
      && g_strcmp0 (helo, literal) != 0)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      /* TRANSLATORS: the name a sending server gave for itself */
      g_string_append_printf (s, _("(helo %s)"), helo);
    }
  if (ip != NULL)
    g_string_append_printf (s, "%s[%s]", s->len ? " " : "", ip);
  out = g_string_free (s, FALSE);
  return safe (out);
}

static char *
hop_tls (HlReceived *hop)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *version = hl_received_dup_version_text (hop);
  const char *cipher = hl_received_get_tls_cipher (hop);
  int bits = hl_received_get_tls_bits (hop);
  g_autofree char *joined = NULL;

  if (version != NULL)
    g_ptr_array_add (parts, version);
  if (cipher != NULL)
    g_ptr_array_add (parts, g_strdup (cipher));
  if (bits > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%d bits"), bits));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  return safe (joined);
}

/* hl_text_make_safe() line by line: keeps the line breaks of explanations. */
static char *
safe_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *s = hl_text_make_safe (lines[i]);

      g_free (lines[i]);
      lines[i] = s;
    }
  return g_strjoinv ("\n", lines);
}

static void
add_section (GArray     *sections,
             const char *title,
             char       *text)
{
  HlReportSection s = { title, NULL };

  if (text == NULL || *text == '\0')
    {
      g_free (text);
      return;
    }
  s.text = safe_lines (text);
  g_free (text);
  g_array_append_val (sections, s);
}

/* The explanations of hl-explain.c, under the titles the text report gives them. */
static void
hop_sections (HlReportHop *h)
{
  HlReceived *hop = h->hop;
  const HlCipherSuite *suite = hl_received_get_cipher_suite (hop);

  h->sections = g_array_new (FALSE, TRUE, sizeof (HlReportSection));
  add_section (h->sections, hl_explain_section_get_title (HL_EXPLAIN_SECTION_HOP_SUMMARY), hl_explain_hop_summary (hop));
  if (suite != NULL)
    add_section (h->sections, hl_explain_section_get_title (HL_EXPLAIN_SECTION_CIPHER), hl_explain_cipher (suite));
  add_section (h->sections, hl_explain_section_get_title (HL_EXPLAIN_SECTION_RATING), hl_explain_rating (hop));
  add_section (h->sections, hl_explain_section_get_title (HL_EXPLAIN_SECTION_FOR_YOU), hl_explain_for_you (hop));
  add_section (h->sections, hl_explain_section_get_title (HL_EXPLAIN_SECTION_FOR_ADMIN), hl_explain_for_admin (hop));
}

static void
hop_init (HlReportHop *h,
          HlReceived  *hop)
{
  const HlWarning *warnings;
  guint n_warnings;
  gint64 t, delay_s;
  int off;

  h->hop = hop;
  h->index = hl_received_get_index (hop);
  g_snprintf (h->index_text, sizeof h->index_text, "%u", h->index);
  h->lock = hl_received_get_protection (hop);
  h->from = hop_from (hop);
  h->by = safe (hl_received_get_by_host (hop));
  h->protocol = safe (hl_received_get_with (hop));
  h->tls = hop_tls (hop);
  if (hl_received_get_date (hop, &t, &off))
    h->date = hl_format_date (t, off);
  if (hl_received_get_delay (hop, &delay_s))
    h->delay = hl_format_duration (delay_s);
  h->verify = hl_verify_get_label (hl_received_get_tls_verify (hop));
  h->rating = hl_rating_get_label (hl_received_get_rating (hop));
  h->kind = hl_hop_kind_get_label (hl_received_get_kind (hop));
  /* TRANSLATORS: a hop, from the sending host to the receiving one */
  h->route = g_strdup_printf (_("%s → %s"), h->from ? h->from : _("(sender not recorded)"),
                              h->by ? h->by : _("(receiver not recorded)"));
  /* TRANSLATORS: a heading: the hop's number, then "sender → receiver" */
  h->heading = g_strdup_printf (_("Hop %u: %s"), h->index, h->route);
  {
    const char *state = hl_protection_get_label (h->lock);
    GString *status = g_string_new (state);

    if (g_strcmp0 (h->kind, state) != 0)
      g_string_append_printf (status, " · %s", h->kind);
    if (h->delay != NULL)
      /* TRANSLATORS: the time a hop took after the one before it */
      g_string_append_printf (status, _(" · %s later"), h->delay);
    h->status = g_string_free (status, FALSE);
  }
  h->raw = hl_text_make_safe (hl_received_get_raw (hop, NULL));
  h->warnings = g_ptr_array_new_with_free_func (g_free);
  warnings = hl_received_get_warnings (hop, &n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    g_ptr_array_add (h->warnings, hl_text_make_safe (warnings[i].message));
  hop_sections (h);
}

static void
hop_clear (HlReportHop *h)
{
  g_free (h->from);
  g_free (h->by);
  g_free (h->protocol);
  g_free (h->tls);
  g_free (h->date);
  g_free (h->delay);
  g_free (h->route);
  g_free (h->heading);
  g_free (h->status);
  g_free (h->raw);
  g_clear_pointer (&h->warnings, g_ptr_array_unref);
  if (h->sections != NULL)
    {
      for (guint i = 0; i < h->sections->len; i++)
        g_free (g_array_index (h->sections, HlReportSection, i).text);
      g_array_unref (h->sections);
    }
}

static void
add_field (GArray     *fields,
           const char *label,
           const char *value)
{
  HlReportField f = { label, safe_max (value, FIELD_MAX) };

  if (f.value != NULL)
    g_array_append_val (fields, f);
}

HlReportMessage *
hl_report_message_new (HlRoute *route)
{
  HlReportMessage *m = g_new0 (HlReportMessage, 1);
  const HlWarning *warnings;
  guint n_warnings;
  gint64 transit;
  g_autofree char *counts = NULL;

  m->route = hl_route_ref (route);
  m->title = safe_max (hl_route_get_subject (route), FIELD_MAX);
  if (m->title == NULL)
    m->title = safe_max (hl_route_get_source_name (route), FIELD_MAX);
  if (m->title == NULL)
    m->title = g_strdup (_("(no subject)"));

  m->identity = g_array_new (FALSE, TRUE, sizeof (HlReportField));
  add_field (m->identity, _("Source"), hl_route_get_source_name (route));
  add_field (m->identity, _("Subject"), hl_route_get_subject (route));
  add_field (m->identity, _("From"), hl_route_get_from (route));
  add_field (m->identity, _("To"), hl_route_get_to (route));
  add_field (m->identity, _("Date"), hl_route_get_date (route));
  add_field (m->identity, _("Message-ID"), hl_route_get_message_id (route));

  m->verdict = hl_route_get_verdict (route);
  m->lock = hl_route_get_protection (route);
  {
    g_autofree char *sentence = hl_route_dup_sentence (route);

    m->sentence = hl_text_make_safe (sentence);
  }
  {
    const HlExplanation *e = hl_explain_lookup_in ("verdict", hl_verdict_to_string (m->verdict));

    if (e != NULL && e->text != NULL)
      {
        m->verdict_explained.title = hl_explain_section_get_title (HL_EXPLAIN_SECTION_VERDICT);
        m->verdict_explained.text = safe_lines (e->text);
      }
  }
  counts = hl_route_dup_counts_label (route);
  if (hl_route_get_transit (route, &transit))
    {
      g_autofree char *d = hl_format_duration (transit);

      /* TRANSLATORS: the counts of hops, then the time the message took */
      m->counts = g_strdup_printf (_("%s; %s in transit"), counts, d);
    }
  else
    m->counts = g_steal_pointer (&counts);

  {
    guint first;

    m->n_hops = hl_report_explained_hops (route, &first);
    m->hops = g_new0 (HlReportHop, m->n_hops);
    for (guint i = 0; i < m->n_hops; i++)
      hop_init (&m->hops[i], hl_route_get_hop (route, first + i));
    m->omitted = hl_report_dup_omitted_note (route, FALSE);
  }

  m->warnings = g_ptr_array_new_with_free_func (g_free);
  warnings = hl_route_get_warnings (route, &n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    g_ptr_array_add (m->warnings, hl_text_make_safe (warnings[i].message));
  return m;
}

void
hl_report_message_free (HlReportMessage *m)
{
  if (m == NULL)
    return;
  for (guint i = 0; i < m->n_hops; i++)
    hop_clear (&m->hops[i]);
  g_free (m->hops);
  for (guint i = 0; i < m->identity->len; i++)
    g_free (g_array_index (m->identity, HlReportField, i).value);
  g_array_unref (m->identity);
  g_ptr_array_unref (m->warnings);
  g_free (m->title);
  g_free (m->sentence);
  g_free (m->verdict_explained.text);
  g_free (m->counts);
  g_free (m->omitted);
  hl_route_unref (m->route);
  g_free (m);
}

/* ---------------------------------------------------------------------------
 * The table of hops
 * ------------------------------------------------------------------------- */

typedef struct
{
  const char *title;
  double width;
} ColumnInfo;

static const ColumnInfo columns[HL_REPORT_N_COLUMNS] = {
  [HL_REPORT_COLUMN_HOP] = { N_("Hop"), 0.045 },
  [HL_REPORT_COLUMN_STATE] = { N_("Protection"), 0.145 },
  [HL_REPORT_COLUMN_FROM] = { N_("From"), 0.155 },
  [HL_REPORT_COLUMN_BY] = { N_("By"), 0.155 },
  [HL_REPORT_COLUMN_PROTOCOL] = { N_("Protocol"), 0.08 },
  [HL_REPORT_COLUMN_TLS] = { N_("TLS"), 0.135 },
  [HL_REPORT_COLUMN_VERIFY] = { N_("Verification"), 0.105 },
  [HL_REPORT_COLUMN_RATING] = { N_("Rating"), 0.085 },
  [HL_REPORT_COLUMN_DATE] = { N_("Received"), 0.095 },
};

/* The column's heading, translated. */
const char *
hl_report_column_title (HlReportColumn column)
{
  g_return_val_if_fail (column < HL_REPORT_N_COLUMNS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, columns[column].title);
}

/* The column's share of the PDF table's width; they add up to 1. */
double
hl_report_column_width (HlReportColumn column)
{
  g_return_val_if_fail (column < HL_REPORT_N_COLUMNS, 0);
  return columns[column].width;
}

const char *
hl_report_hop_cell (HlReportHop    *hop,
                    HlReportColumn  column)
{
  const char *s = NULL;

  switch (column)
    {
    case HL_REPORT_COLUMN_HOP: s = hop->index_text; break;
    case HL_REPORT_COLUMN_STATE: s = hl_protection_get_label (hop->lock); break;
    case HL_REPORT_COLUMN_FROM: s = hop->from; break;
    case HL_REPORT_COLUMN_BY: s = hop->by; break;
    case HL_REPORT_COLUMN_PROTOCOL: s = hop->protocol; break;
    case HL_REPORT_COLUMN_TLS: s = hop->tls; break;
    case HL_REPORT_COLUMN_VERIFY: s = hop->verify; break;
    case HL_REPORT_COLUMN_RATING: s = hop->rating; break;
    case HL_REPORT_COLUMN_DATE: s = hop->date; break;
    case HL_REPORT_N_COLUMNS:
    default: break;
    }
  return s != NULL ? s : "";
}

/* ---------------------------------------------------------------------------
 * Escaping
 * ------------------------------------------------------------------------- */

void
hl_report_append_html (GString    *out,
                       const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p); break;
      }
}
