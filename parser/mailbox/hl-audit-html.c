/* hl-audit-html.c: the audit as one self-contained HTML page
 *
 * Like the report's page: one file, the style sheet inline (light, dark and
 * print), no script, nothing fetched, and a Content Security Policy that says
 * so. The charts are inline SVG drawn here; each tells its states apart by
 * pattern and label as well as colour, and each is followed by a table of the
 * same numbers, which is what a screen reader reads (the drawings are hidden
 * from it). Text from headers (domain names) only goes into text nodes, through
 * hl_report_append_html().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-text.h"
#include "mailbox/hl-audit-private.h"
#include "report/hl-report-model-private.h"

#define CSP "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/* The domains drawn in the chart; the table lists them all. */
#define CHART_DOMAINS 25

static const char style_sheet[] =
  ":root{color-scheme:light dark;--bg:#fff;--fg:#1f1f24;--muted:#5c5c66;--line:#d9d9e0;--head:#f2f2f5;"
  "--enc:#1c7a3f;--clear:#c01c28;--unk:#77767b;--int:#1c64b4}\n"
  "@media (prefers-color-scheme:dark){:root{--bg:#1e1e22;--fg:#ececf1;--muted:#a8a8b3;--line:#3b3b43;"
  "--head:#2a2a30;--enc:#57e389;--clear:#ff7b63;--unk:#9a9996;--int:#78aeed}}\n"
  "@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--head:#eee}}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0;background:var(--bg);color:var(--fg);"
  "font:15px/1.5 system-ui,\"Segoe UI\",Cantarell,\"Noto Sans\",\"DejaVu Sans\",sans-serif}\n"
  "main{max-width:1120px;margin:0 auto;padding:28px}\n"
  "h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.3em;margin:28px 0 8px}\n"
  "p{margin:0 0 8px;max-width:56em}.sub{color:var(--muted)}\n"
  "table{border-collapse:collapse;width:100%;font-size:.9em;margin:8px 0 16px}\n"
  "caption{text-align:left;font-weight:600;padding:0 0 6px}\n"
  "th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}\n"
  "th[scope=row]{overflow-wrap:anywhere}\n"
  "th{background:var(--head);font-weight:600}"
  "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
  "tr.total td{font-weight:700}\n"
  "svg{display:block;max-width:100%;height:auto;font:12px system-ui,\"DejaVu Sans\",sans-serif}\n"
  "svg text{fill:var(--fg)}svg .axis{stroke:var(--line)}\n"
  ".enc{fill:var(--enc)}.clear{fill:url(#p-clear)}.unk{fill:url(#p-unk)}.int{fill:url(#p-int)}\n"
  ".legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:4px 0 8px;padding:0;list-style:none}\n"
  ".legend svg{display:inline-block;vertical-align:middle;margin-right:6px}\n"
  "footer{color:var(--muted);font-size:.9em;border-top:1px solid var(--line);padding-top:12px;margin-top:24px}\n";

typedef struct
{
  const char *key;     /* in the JSON */
  const char *klass;   /* in the drawing */
} State;

static const State states[] = {
  { "encrypted", "enc" },
  { "unencrypted", "clear" },
  { "unknown", "unk" },
  { "local", "int" },
};

static const char *
state_label (guint i)
{
  switch (i)
    {
    case 0: return _("Encrypted");
    case 1: return _("Clear text");
    case 2: return _("Not recorded");
    default: return _("Internal");
    }
}

static void
text (GString    *out,
      const char *s)
{
  hl_report_append_html (out, s);
}

/* Patterns: clear text hatched, not recorded dotted, internal in lines across */
static void
patterns (GString *out)
{
  g_string_append (out,
    "<svg width=\"0\" height=\"0\" aria-hidden=\"true\" style=\"position:absolute\"><defs>"
    "<pattern id=\"p-clear\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" style=\"fill:var(--clear)\"/><rect width=\"2\" height=\"6\" style=\"fill:var(--bg)\"/></pattern>"
    "<pattern id=\"p-unk\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"5\" height=\"5\" style=\"fill:var(--unk)\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" style=\"fill:var(--bg)\"/></pattern>"
    "<pattern id=\"p-int\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"6\" height=\"6\" style=\"fill:var(--int)\"/><rect y=\"4\" width=\"6\" height=\"1.5\" style=\"fill:var(--bg)\"/></pattern>"
    "</defs></svg>\n");
}

static void
legend (GString *out)
{
  g_string_append (out, "<ul class=\"legend\" aria-hidden=\"true\">");
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_string_append_printf (out, "<li><svg width=\"16\" height=\"12\"><rect class=\"%s\" width=\"16\" height=\"12\"/></svg>",
                              states[i].klass);
      text (out, state_label (i));
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ul>\n");
}

/* A stacked bar a domain: the incoming hop's state of its messages. */
static void
domain_chart (GString   *out,
              JsonArray *domains)
{
  guint n = MIN (json_array_get_length (domains), CHART_DOMAINS);
  const int label_w = 260, bar_w = 560, row_h = 24;
  int height = n * row_h + 8;

  if (n == 0)
    return;
  legend (out);
  g_string_append_printf (out, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-hidden=\"true\">",
                          label_w + bar_w + 80, height, label_w + bar_w + 80, height);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *d = json_array_get_object_element (domains, i);
      JsonObject *incoming = hl_audit_json_object (d, "incoming");
      gint64 total = hl_audit_json_int (d, "messages");
      const char *name = hl_audit_json_string (d, "domain");
      g_autofree char *safe = name != NULL ? hl_text_make_safe (name) : g_strdup (_("(no domain)"));
      g_autofree char *enc = hl_audit_format_share (hl_audit_json_int (incoming, "encrypted"), total);
      int y = i * row_h + 4;
      double x = label_w;

      /* long names are cut in the drawing only; the table has them whole */
      if (g_utf8_strlen (safe, -1) > 34)
        {
          char *cut = g_utf8_substring (safe, 0, 33);

          g_free (safe);
          safe = g_strconcat (cut, "…", NULL);
          g_free (cut);
        }
      g_string_append_printf (out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 8, y + 15);
      text (out, safe);
      g_string_append (out, "</text>");
      for (guint s = 0; s < G_N_ELEMENTS (states) && total > 0; s++)
        {
          double w = (double) bar_w * hl_audit_json_int (incoming, states[s].key) / total;

          if (w <= 0)
            continue;
          g_string_append_printf (out, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                                  states[s].klass, x, y + 2, w, row_h - 6);
          x += w;
        }
      g_string_append_printf (out, "<text x=\"%d\" y=\"%d\">", label_w + bar_w + 6, y + 15);
      text (out, enc);
      g_string_append (out, "</text>");
    }
  g_string_append (out, "</svg>\n");
}

/* The TLS versions of incoming encrypted mail, one bar each. */
static void
versions_chart (GString    *out,
                JsonObject *versions)
{
  g_autoptr(GList) names = versions != NULL ? json_object_get_members (versions) : NULL;
  gint64 total = 0, most = 0;
  guint n = 0;
  const int label_w = 120, bar_w = 480, row_h = 24;

  for (GList *l = names; l != NULL; l = l->next, n++)
    {
      total += hl_audit_json_int (versions, l->data);
      most = MAX (most, hl_audit_json_int (versions, l->data));
    }
  if (n == 0)
    return;
  names = g_list_sort (names, (GCompareFunc) strcmp);
  g_string_append_printf (out, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-hidden=\"true\">",
                          label_w + bar_w + 80, n * row_h + 8, label_w + bar_w + 80, n * row_h + 8);
  n = 0;
  for (GList *l = names; l != NULL; l = l->next, n++)
    {
      gint64 count = hl_audit_json_int (versions, l->data);
      g_autofree char *pct = hl_audit_format_share (count, total);
      int y = n * row_h + 4;

      g_string_append_printf (out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 8, y + 15);
      text (out, l->data);
      g_string_append_printf (out, "</text><rect class=\"enc\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                              label_w, y + 2, most > 0 ? (double) bar_w * count / most : 0.0, row_h - 6);
      g_string_append_printf (out, "<text x=\"%.1f\" y=\"%d\">", label_w + (most > 0 ? (double) bar_w * count / most : 0) + 6,
                              y + 15);
      text (out, pct);
      g_string_append (out, "</text>");
    }
  g_string_append (out, "</svg>\n");
}

/* The share of incoming mail that was encrypted, month by month. */
static void
months_chart (GString   *out,
              JsonArray *months)
{
  guint n = json_array_get_length (months);
  const int plot_h = 160, top = 10, left = 44;
  int col_w, width;
  guint step;

  if (n == 0)
    return;
  col_w = CLAMP (720 / (int) n, 6, 64);
  /* a label ("2025-03") is about 50 pixels wide: one every few columns, so they do not overlap */
  step = (60 + col_w - 1) / col_w;
  width = left + col_w * n + 10;
  g_string_append_printf (out, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-hidden=\"true\">",
                          width, plot_h + top + 40, width, plot_h + top + 40);
  for (int pct = 0; pct <= 100; pct += 50)
    {
      int y = top + plot_h - pct * plot_h / 100;

      g_string_append_printf (out, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
                                   "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d %%</text>",
                              left, width - 6, y, y, left - 6, y + 4, pct);
    }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *m = json_array_get_object_element (months, i);
      gint64 total = hl_audit_json_int (m, "messages");
      double h = total > 0 ? (double) plot_h * hl_audit_json_int (m, "incoming_encrypted") / total : 0;
      int x = left + i * col_w;

      g_string_append_printf (out, "<rect class=\"enc\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>",
                              x + 1, top + plot_h - h, MAX (col_w - 2, 1), h);
      if (i % step == 0)
        {
          g_string_append_printf (out, "<text x=\"%d\" y=\"%d\">", x, top + plot_h + 16);
          text (out, hl_audit_json_string (m, "month"));
          g_string_append (out, "</text>");
        }
    }
  g_string_append (out, "</svg>\n");
}

static void
domains_table (GString   *out,
               JsonArray *domains,
               gboolean   by_relay)
{
  g_string_append (out, "<table><caption>");
  text (out, _("Messages per domain and how their hop into your provider was protected"));
  g_string_append (out, "</caption><thead><tr><th scope=\"col\">");
  text (out, by_relay ? _("Relay domain") : _("Sender domain"));
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("Messages"));
  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      g_string_append (out, "</th><th scope=\"col\">");
      text (out, state_label (s));
    }
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("All hops encrypted"));
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("Verified"));
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("Weakest"));
  g_string_append (out, "</th></tr></thead><tbody>\n");
  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      JsonObject *d = json_array_get_object_element (domains, i);
      JsonObject *incoming = hl_audit_json_object (d, "incoming");
      gint64 total = hl_audit_json_int (d, "messages");
      const char *name = hl_audit_json_string (d, "domain");

      g_string_append (out, "<tr><th scope=\"row\">");
      text (out, name != NULL ? name : _("(no domain)"));
      g_string_append_printf (out, "</th><td class=\"num\">%" G_GINT64_FORMAT "</td>", total);
      for (guint s = 0; s < G_N_ELEMENTS (states); s++)
        {
          g_autofree char *pct = hl_audit_format_share (hl_audit_json_int (incoming, states[s].key), total);

          g_string_append (out, "<td class=\"num\">");
          text (out, pct);
          g_string_append (out, "</td>");
        }
      {
        g_autofree char *all = hl_audit_format_share (hl_audit_json_int (d, "all_hops_encrypted"), total);
        g_autofree char *ver = hl_audit_format_share (hl_audit_json_int (d, "verified"), total);

        g_string_append (out, "<td class=\"num\">");
        text (out, all);
        g_string_append (out, "</td><td class=\"num\">");
        text (out, ver);
        g_string_append (out, "</td><td>");
        text (out, hl_audit_json_string (d, "weakest_rating") ? hl_audit_json_string (d, "weakest_rating") : "–");
        g_string_append (out, "</td></tr>\n");
      }
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
counts_table (GString    *out,
              const char *caption,
              const char *name_title,
              JsonObject *counts)
{
  g_autoptr(GList) names = counts != NULL ? json_object_get_members (counts) : NULL;
  gint64 total = 0;

  for (GList *l = names; l != NULL; l = l->next)
    total += hl_audit_json_int (counts, l->data);
  names = g_list_sort (names, (GCompareFunc) strcmp);
  g_string_append (out, "<table><caption>");
  text (out, caption);
  g_string_append (out, "</caption><thead><tr><th scope=\"col\">");
  text (out, name_title);
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("Messages"));
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("Share"));
  g_string_append (out, "</th></tr></thead><tbody>\n");
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *pct = hl_audit_format_share (hl_audit_json_int (counts, l->data), total);

      g_string_append (out, "<tr><th scope=\"row\">");
      text (out, l->data);
      g_string_append_printf (out, "</th><td class=\"num\">%" G_GINT64_FORMAT "</td><td class=\"num\">",
                              hl_audit_json_int (counts, l->data));
      text (out, pct);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
months_table (GString   *out,
              JsonArray *months)
{
  g_string_append (out, "<table><caption>");
  text (out, _("Incoming mail per month, and how much of it was encrypted"));
  g_string_append (out, "</caption><thead><tr><th scope=\"col\">");
  text (out, _("Month"));
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("Messages"));
  g_string_append (out, "</th><th scope=\"col\">");
  text (out, _("Encrypted in"));
  g_string_append (out, "</th></tr></thead><tbody>\n");
  for (guint i = 0; i < json_array_get_length (months); i++)
    {
      JsonObject *m = json_array_get_object_element (months, i);
      g_autofree char *pct = hl_audit_format_share (hl_audit_json_int (m, "incoming_encrypted"), hl_audit_json_int (m, "messages"));

      g_string_append (out, "<tr><th scope=\"row\">");
      text (out, hl_audit_json_string (m, "month"));
      g_string_append_printf (out, "</th><td class=\"num\">%" G_GINT64_FORMAT "</td><td class=\"num\">",
                              hl_audit_json_int (m, "messages"));
      text (out, pct);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

void
hl_audit_render_html (JsonNode *audit,
                      GString  *out)
{
  JsonObject *root = json_node_get_object (audit);
  JsonObject *totals = hl_audit_json_object (root, "totals");
  JsonArray *domains = json_object_get_array_member (root, "domains");
  JsonArray *months = json_object_get_array_member (root, "months");
  gboolean by_relay = g_strcmp0 (hl_audit_json_string (root, "group_by"), "relay") == 0;
  gint64 messages = hl_audit_json_int (totals, "messages");
  JsonObject *incoming = hl_audit_json_object (totals, "incoming");
  g_autofree char *enc = hl_audit_format_share (hl_audit_json_int (incoming, "encrypted"), messages);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP "\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  text (out, _("Hoplock mailbox audit"));
  g_string_append_printf (out, "</title>\n<style>\n%s</style></head><body>\n", style_sheet);
  patterns (out);
  g_string_append (out, "<main>\n<h1>");
  text (out, _("Hoplock mailbox audit"));
  g_string_append (out, "</h1>\n<p class=\"sub\">");
  {
    g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%lld message, %s of them came in encrypted.",
                                                          "%lld messages, %s of them came in encrypted.",
                                                          messages),
                                             (long long) messages, enc);

    text (out, line);
  }
  if (hl_audit_json_int (totals, "unreadable") > 0)
    {
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            " %lld could not be read.",
                                                            " %lld could not be read.",
                                                            hl_audit_json_int (totals, "unreadable")),
                                               (long long) hl_audit_json_int (totals, "unreadable"));

      text (out, line);
    }
  if (json_object_get_boolean_member_with_default (root, "partial", FALSE))
    {
      g_string_append_c (out, ' ');
      text (out, _("The audit was interrupted: it covers only the messages read until then."));
    }
  g_string_append (out, "</p>\n<h2>");
  text (out, by_relay ? _("Per relay domain") : _("Per sender domain"));
  g_string_append (out, "</h2>\n");
  domain_chart (out, domains);
  domains_table (out, domains, by_relay);

  g_string_append (out, "<h2>");
  text (out, _("TLS versions of incoming encrypted mail"));
  g_string_append (out, "</h2>\n");
  versions_chart (out, hl_audit_json_object (totals, "tls_versions"));
  counts_table (out, _("TLS versions of incoming encrypted mail"), _("Version"), hl_audit_json_object (totals, "tls_versions"));

  g_string_append (out, "<h2>");
  text (out, _("Encrypted incoming mail, month by month"));
  g_string_append (out, "</h2>\n");
  months_chart (out, months);
  months_table (out, months);

  g_string_append (out, "<footer><p>");
  text (out, _("“Encrypted” means the hop into your provider was encrypted, as your provider recorded it. "
               "“Not recorded” means the server wrote nothing about encryption, which is not the same as "
               "clear text. “Internal” messages never came from another organisation."));
  g_string_append (out, "</p></footer>\n</main></body></html>\n");
}
