/* hl-audit-render.c: the audit as text, CSV, Markdown, HTML and JSON
 *
 * Every format is drawn from the audit's JSON (hoplock-audit/1), so a merged
 * audit and a fresh one look alike. Domain names and sample ids come from
 * headers: each goes through the escaping of its format (report/).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-text.h"
#include "mailbox/hl-audit-private.h"
#include "report/hl-report-model-private.h"


typedef struct
{
  JsonObject *root;
  JsonObject *totals;
  JsonArray  *domains;
  JsonArray  *months;
  JsonArray  *sources;
  gboolean    by_relay;
} Audit;

/* The TLS versions of incoming mail, most used first: "1.3 80 %, 1.2 20 %" */
static char *
version_mix (JsonObject *versions)
{
  g_autoptr(GList) names = versions != NULL ? json_object_get_members (versions) : NULL;
  GString *s = g_string_new (NULL);
  gint64 total = 0;
  GList *sorted = NULL;

  for (GList *l = names; l != NULL; l = l->next)
    total += hl_audit_json_int (versions, l->data);
  /* by count, most first, then by name */
  for (GList *l = names; l != NULL; l = l->next)
    {
      GList *at = sorted;

      while (at != NULL && (hl_audit_json_int (versions, at->data) > hl_audit_json_int (versions, l->data)
                            || (hl_audit_json_int (versions, at->data) == hl_audit_json_int (versions, l->data)
                                && strcmp (at->data, l->data) < 0)))
        at = at->next;
      sorted = g_list_insert_before (sorted, at, l->data);
    }
  for (GList *l = sorted; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *share = hl_audit_format_share (hl_audit_json_int (versions, name), total);

      if (s->len > 0)
        g_string_append (s, ", ");
      if (g_str_has_prefix (name, "TLS "))
        name += 4;
      else if (strcmp (name, "unknown") == 0)
        /* TRANSLATORS: a TLS version that the header did not record */
        name = C_("tls version", "unknown");
      g_string_append_printf (s, "%s %s", name, share);
    }
  g_list_free (sorted);
  return g_string_free (s, FALSE);
}

static const char *
rating_label (const char *rating)
{
  if (rating == NULL)
    return "–";
  if (strcmp (rating, "strong") == 0)
    return C_("rating", "strong");
  if (strcmp (rating, "acceptable") == 0)
    return C_("rating", "acceptable");
  if (strcmp (rating, "weak") == 0)
    return C_("rating", "weak");
  if (strcmp (rating, "insecure") == 0)
    return C_("rating", "insecure");
  return rating;
}

static char *
domain_name (JsonObject *d)
{
  const char *name = hl_audit_json_string (d, "domain");

  /* TRANSLATORS: the messages whose sender's domain could not be read */
  return name != NULL ? hl_text_make_safe (name) : g_strdup (_("(no domain)"));
}

typedef enum
{
  COL_DOMAIN,
  COL_MESSAGES,
  COL_ENCRYPTED,
  COL_UNENCRYPTED,
  COL_UNKNOWN,
  COL_INTERNAL,
  COL_ALL_HOPS,
  COL_VERIFIED,
  COL_VERSIONS,
  COL_WEAKEST,
  N_COLS
} Column;

static const char *
column_title (Column c,
              gboolean by_relay)
{
  switch (c)
    {
    case COL_DOMAIN: return by_relay ? _("Relay domain") : _("Sender domain");
    case COL_MESSAGES: return _("Messages");
    /* TRANSLATORS: a column: the share of messages that came in encrypted */
    case COL_ENCRYPTED: return _("Encrypted in");
    /* TRANSLATORS: a column: the share of messages that came in in clear text */
    case COL_UNENCRYPTED: return _("Clear text in");
    /* TRANSLATORS: a column: the share of messages whose incoming hop recorded nothing */
    case COL_UNKNOWN: return _("Not recorded");
    /* TRANSLATORS: a column: the share of messages that never came from another organisation */
    case COL_INTERNAL: return _("Internal");
    /* TRANSLATORS: a column: the share of messages encrypted on every hop */
    case COL_ALL_HOPS: return _("All hops encrypted");
    /* TRANSLATORS: a column: the share whose sending server's certificate was verified */
    case COL_VERIFIED: return _("Verified");
    case COL_VERSIONS: return _("TLS versions in");
    case COL_WEAKEST: return _("Weakest");
    default: return "";
    }
}

/* The cells of one row; the domain's own text is made safe but not escaped. */
static char **
row_cells (JsonObject *d,
           gboolean    total)
{
  char **cells = g_new0 (char *, N_COLS + 1);
  JsonObject *incoming = hl_audit_json_object (d, "incoming");
  gint64 n = hl_audit_json_int (d, "messages");

  cells[COL_DOMAIN] = total ? g_strdup (_("All")) : domain_name (d);
  cells[COL_MESSAGES] = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  cells[COL_ENCRYPTED] = hl_audit_format_share (hl_audit_json_int (incoming, hl_audit_states[0]), n);
  cells[COL_UNENCRYPTED] = hl_audit_format_share (hl_audit_json_int (incoming, hl_audit_states[1]), n);
  cells[COL_UNKNOWN] = hl_audit_format_share (hl_audit_json_int (incoming, hl_audit_states[2]), n);
  cells[COL_INTERNAL] = hl_audit_format_share (hl_audit_json_int (incoming, hl_audit_states[3]), n);
  cells[COL_ALL_HOPS] = hl_audit_format_share (hl_audit_json_int (d, "all_hops_encrypted"), n);
  cells[COL_VERIFIED] = hl_audit_format_share (hl_audit_json_int (d, "verified"), n);
  cells[COL_VERSIONS] = version_mix (hl_audit_json_object (d, "tls_versions"));
  if (cells[COL_VERSIONS][0] == '\0')
    g_free (cells[COL_VERSIONS]), cells[COL_VERSIONS] = g_strdup ("–");
  cells[COL_WEAKEST] = g_strdup (rating_label (hl_audit_json_string (d, "weakest_rating")));
  return cells;
}

/* The totals as a row: the totals object holds the same counts as a domain. */
static JsonObject *
totals_row (Audit *a)
{
  JsonObject *row = json_object_new ();
  gint64 all_hops = 0, verified = 0;
  int worst = -1;

  for (guint i = 0; i < json_array_get_length (a->domains); i++)
    {
      JsonObject *d = json_array_get_object_element (a->domains, i);
      int r = hl_audit_rating_rank (hl_audit_json_string (d, "weakest_rating"));

      all_hops += hl_audit_json_int (d, "all_hops_encrypted");
      verified += hl_audit_json_int (d, "verified");
      if (r >= 0 && (worst < 0 || r < worst))
        worst = r;
    }
  json_object_set_int_member (row, "messages", hl_audit_json_int (a->totals, "messages"));
  json_object_set_object_member (row, "incoming", json_object_ref (hl_audit_json_object (a->totals, "incoming")));
  json_object_set_int_member (row, "all_hops_encrypted", all_hops);
  json_object_set_int_member (row, "verified", verified);
  json_object_set_object_member (row, "tls_versions",
                                 json_object_ref (hl_audit_json_object (a->totals, "tls_versions")));
  if (worst >= 0)
    json_object_set_string_member (row, "weakest_rating", hl_audit_ratings[worst]);
  return row;
}

static char *
headline (Audit *a)
{
  gint64 messages = hl_audit_json_int (a->totals, "messages");
  gint64 unreadable = hl_audit_json_int (a->totals, "unreadable");
  guint n_sources = json_array_get_length (a->sources);
  g_autofree char *what = NULL;
  GString *s = g_string_new (NULL);

  /* TRANSLATORS: the first part of the audit's headline */
  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mailbox", "%u mailboxes", n_sources), n_sources);
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s: %lld message",
                                          "%s: %lld messages", messages),
                          what, (long long) messages);
  if (unreadable > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, ", %lld could not be read",
                                            ", %lld could not be read", unreadable),
                            (long long) unreadable);
  g_string_append (s, ". ");
  g_string_append (s, a->by_relay ? _("Grouped by the domain of the server that handed each message to your side.")
                                  : _("Grouped by the domain of each message’s sender (From)."));
  if (json_object_get_boolean_member_with_default (a->root, "partial", FALSE))
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("The audit was interrupted: it covers only the messages read until then."));
    }
  return g_string_free (s, FALSE);
}

static const char *
explanation (void)
{
  return _("“Encrypted in” is the share of messages whose hop into your provider was encrypted, as "
           "your provider recorded it: the most reliable fact in a header. “Not recorded” means the "
           "server wrote nothing about encryption, which is not the same as clear text. “Internal” "
           "messages never came from another organisation. “All hops encrypted” counts messages "
           "encrypted on every hop between organisations, including those your provider can only "
           "take the sender’s word for.");
}

/* Text */

/* @text broken into lines of at most @width characters, at spaces */
static void
append_wrapped (GString    *out,
                const char *text,
                guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint n = g_utf8_strlen (words[i], -1);

      if (column > 0 && column + 1 + n > width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }
      else if (column > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += n;
    }
  g_string_append_c (out, '\n');
}

static void
render_text (Audit   *a,
             GString *out)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonObject) total = totals_row (a);
  gsize width[N_COLS] = { 0 };
  g_autofree char *head = headline (a);

  g_string_append_printf (out, "%s\n\n", head);
  {
    char **titles = g_new0 (char *, N_COLS + 1);

    for (guint c = 0; c < N_COLS; c++)
      titles[c] = g_strdup (column_title (c, a->by_relay));
    g_ptr_array_add (rows, titles);
  }
  for (guint i = 0; i < json_array_get_length (a->domains); i++)
    g_ptr_array_add (rows, row_cells (json_array_get_object_element (a->domains, i), FALSE));
  g_ptr_array_add (rows, row_cells (total, TRUE));

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_COLS; c++)
        width[c] = MAX (width[c], (gsize) g_utf8_strlen (cells[c], -1));
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      if (r == rows->len - 1)
        {
          for (guint c = 0; c < N_COLS; c++)
            for (gsize k = 0; k < width[c] + (c + 1 < N_COLS ? 2 : 0); k++)
              g_string_append (out, "─");
          g_string_append_c (out, '\n');
        }
      for (guint c = 0; c < N_COLS; c++)
        {
          gsize pad = width[c] - g_utf8_strlen (cells[c], -1);
          gboolean right = c != COL_DOMAIN && c != COL_VERSIONS && c != COL_WEAKEST && r > 0;

          if (right)
            for (gsize k = 0; k < pad; k++)
              g_string_append_c (out, ' ');
          g_string_append (out, cells[c]);
          if (c + 1 < N_COLS)
            {
              if (!right)
                for (gsize k = 0; k < pad; k++)
                  g_string_append_c (out, ' ');
              g_string_append (out, "  ");
            }
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  append_wrapped (out, explanation (), 80);
}

/* CSV: one row a domain, the shares as counts so a spreadsheet can add them */

static void
render_csv (Audit   *a,
            GString *out)
{
  static const char *const head[] = {
    "domain", "messages", "incoming_encrypted", "incoming_unencrypted", "incoming_unknown",
    "incoming_local", "all_hops_encrypted", "verified", "tls_versions", "weakest_rating",
    "first_seen", "last_seen",
  };

  for (guint c = 0; c < G_N_ELEMENTS (head); c++)
    g_string_append_printf (out, "%s%s", c ? "," : "", head[c]);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < json_array_get_length (a->domains); i++)
    {
      JsonObject *d = json_array_get_object_element (a->domains, i);
      JsonObject *incoming = hl_audit_json_object (d, "incoming");
      JsonObject *versions = hl_audit_json_object (d, "tls_versions");
      g_autoptr(GList) names = versions != NULL ? json_object_get_members (versions) : NULL;
      g_autoptr(GString) mix = g_string_new (NULL);

      names = g_list_sort (names, (GCompareFunc) strcmp);
      for (GList *l = names; l != NULL; l = l->next)
        g_string_append_printf (mix, "%s%s=%" G_GINT64_FORMAT, mix->len ? ";" : "",
                                (const char *) l->data, hl_audit_json_int (versions, l->data));
      hl_report_append_csv (out, hl_audit_json_string (d, "domain"));
      g_string_append_printf (out, ",%" G_GINT64_FORMAT, hl_audit_json_int (d, "messages"));
      for (guint s = 0; s < HL_AUDIT_N_STATES; s++)
        g_string_append_printf (out, ",%" G_GINT64_FORMAT, hl_audit_json_int (incoming, hl_audit_states[s]));
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",",
                              hl_audit_json_int (d, "all_hops_encrypted"), hl_audit_json_int (d, "verified"));
      hl_report_append_csv (out, mix->str);
      g_string_append_c (out, ',');
      hl_report_append_csv (out, hl_audit_json_string (d, "weakest_rating"));
      g_string_append_c (out, ',');
      hl_report_append_csv (out, hl_audit_json_string (d, "first_seen"));
      g_string_append_c (out, ',');
      hl_report_append_csv (out, hl_audit_json_string (d, "last_seen"));
      g_string_append (out, "\r\n");
    }
}

/* Markdown */

static void
render_markdown (Audit   *a,
                 GString *out)
{
  g_autoptr(JsonObject) total = totals_row (a);
  g_autofree char *head = headline (a);

  g_string_append_printf (out, "# %s\n\n", _("Hoplock mailbox audit"));
  hl_report_append_markdown (out, head);
  g_string_append (out, "\n\n|");
  for (guint c = 0; c < N_COLS; c++)
    {
      g_string_append_c (out, ' ');
      hl_report_append_markdown (out, column_title (c, a->by_relay));
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < N_COLS; c++)
    g_string_append (out, c == COL_DOMAIN || c == COL_VERSIONS || c == COL_WEAKEST ? " --- |" : " ---: |");
  g_string_append_c (out, '\n');
  for (guint i = 0; i <= json_array_get_length (a->domains); i++)
    {
      gboolean is_total = i == json_array_get_length (a->domains);
      g_auto(GStrv) cells = row_cells (is_total ? total : json_array_get_object_element (a->domains, i),
                                       is_total);

      g_string_append_c (out, '|');
      for (guint c = 0; c < N_COLS; c++)
        {
          g_string_append (out, is_total ? " **" : " ");
          hl_report_append_markdown (out, cells[c]);
          g_string_append (out, is_total ? "** |" : " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  hl_report_append_markdown (out, explanation ());
  g_string_append_c (out, '\n');
}

/**
 * hl_audit_render:
 * @audit: the audit's JSON, as hl_audit_to_json() writes it
 *
 * Returns: (transfer full): @audit written as @format
 */
GBytes *
hl_audit_render (JsonNode       *audit,
                 HlAuditFormat   format,
                 GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Audit a = { 0 };

  g_return_val_if_fail (audit != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (audit))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not an audit."));
      return NULL;
    }
  a.root = json_node_get_object (audit);
  a.totals = hl_audit_json_object (a.root, "totals");
  a.domains = json_object_get_array_member (a.root, "domains");
  a.months = json_object_get_array_member (a.root, "months");
  a.sources = json_object_get_array_member (a.root, "sources");
  a.by_relay = g_strcmp0 (hl_audit_json_string (a.root, "group_by"), "relay") == 0;
  if (a.totals == NULL || a.domains == NULL || a.months == NULL || a.sources == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not an audit."));
      return NULL;
    }

  switch (format)
    {
    case HL_AUDIT_FORMAT_TEXT:
      render_text (&a, out);
      break;
    case HL_AUDIT_FORMAT_JSON:
      {
        g_autofree char *s = json_to_string (audit, TRUE);

        g_string_append (out, s);
        g_string_append_c (out, '\n');
      }
      break;
    case HL_AUDIT_FORMAT_CSV:
      render_csv (&a, out);
      break;
    case HL_AUDIT_FORMAT_MARKDOWN:
      render_markdown (&a, out);
      break;
    case HL_AUDIT_FORMAT_HTML:
      hl_audit_render_html (audit, out);
      break;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Unknown audit format."));
      return NULL;
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
