/* hl-report-html.c: the report as one self-contained HTML file
 *
 * One file with everything inside: the style sheet inline (light, dark and print),
 * the locks as inline SVG, no script and nothing fetched from anywhere. A Content
 * Security Policy says so to the browser too: `default-src 'none'` forbids scripts,
 * frames, fonts, connections and images but `data:` ones; only inline style is
 * allowed.
 *
 * Text from a header only ever goes into text nodes, through
 * hl_report_append_html(), which writes &, <, >, " and ' as entities: no markup
 * from a header can render or run. Nothing from a header goes into an attribute,
 * a URL, a style sheet or an id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "report/hl-report-model-private.h"

#define CSP "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/* The page's own colours; the states' colours come from the lock table. */
static const char style_sheet[] =
  ":root{color-scheme:light dark;--bg:#ffffff;--fg:#1f1f24;--muted:#5c5c66;--line:#d9d9e0;"
  "--head:#f2f2f5;--code:#f6f6f8}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0;background:var(--bg);color:var(--fg);"
  "font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Cantarell,\"Noto Sans\",\"DejaVu Sans\",sans-serif}\n"
  "main{max-width:1120px;margin:0 auto;padding:28px 28px 40px}\n"
  "h1{font-size:1.7em;margin:0 0 2px;line-height:1.2}\n"
  "h2{font-size:1.35em;margin:0 0 12px;line-height:1.25;overflow-wrap:anywhere}\n"
  "h3{font-size:1.1em;margin:0 0 8px;overflow-wrap:anywhere}\n"
  "h4{font-size:.95em;margin:14px 0 4px}\n"
  "p{margin:0 0 8px}\n"
  ".sub{color:var(--muted);margin:0 0 20px}\n"
  ".message{margin:0 0 40px;padding-top:20px;border-top:2px solid var(--line)}\n"
  ".identity{display:grid;grid-template-columns:max-content 1fr;gap:2px 18px;margin:0 0 16px}\n"
  ".identity dt{color:var(--muted)}\n"
  ".identity dd{margin:0;overflow-wrap:anywhere;min-width:0}\n"
  ".verdict{display:flex;gap:18px;align-items:center;padding:16px 20px;margin:0 0 20px;"
  "border-radius:12px;background:var(--t);border:1px solid var(--c)}\n"
  ".verdict svg{width:60px;height:60px;flex:none;color:var(--c);--cut:var(--t)}\n"
  ".verdict-label{font-size:1.3em;font-weight:700;color:var(--c);margin:0}\n"
  ".sentence{font-size:1.05em;margin:2px 0}\n"
  ".counts{color:var(--muted);margin:0}\n"
  "table{border-collapse:collapse;width:100%;font-size:.88em;margin:0 0 8px}\n"
  "caption{text-align:left;font-weight:600;padding:0 0 6px}\n"
  "th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;"
  "overflow-wrap:break-word}\n"
  "th{white-space:nowrap}\n"
  "th{background:var(--head);font-weight:600}\n"
  "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
  ".none{color:var(--muted)}\n"
  ".state{display:inline-flex;gap:6px;align-items:flex-start;color:var(--c);font-weight:600}\n"
  ".state svg{width:22px;height:22px;flex:none}\n"
  "svg .f{fill:currentColor}\n"
  "svg .s{fill:none;stroke:currentColor;stroke-linecap:round;stroke-linejoin:round}\n"
  "svg .k{fill:none;stroke:var(--cut,var(--bg));stroke-linecap:round;stroke-linejoin:round}\n"
  ".hop{margin:22px 0 0;padding:4px 0 4px 16px;border-left:4px solid var(--c)}\n"
  ".hop h3{display:flex;gap:8px;align-items:center}\n"
  ".hop h3 svg{width:22px;height:22px;flex:none;color:var(--c)}\n"
  ".text{overflow-wrap:anywhere;max-width:52em}\n"
  ".parts{margin:0 0 8px;padding-left:20px;max-width:52em}\n"
  ".parts li{margin:0 0 3px;overflow-wrap:anywhere}\n"
  ".about{margin:0 0 22px}\n"
  "pre.raw{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--code);margin:0;"
  "padding:8px 10px;border-radius:6px;border:1px solid var(--line);"
  "font:12.5px/1.45 ui-monospace,\"DejaVu Sans Mono\",\"Liberation Mono\",monospace}\n"
  ".warnings{margin:6px 0 0;padding-left:20px}\n"
  ".omitted{font-weight:600}\n"
  "footer{color:var(--muted);font-size:.9em;border-top:1px solid var(--line);padding-top:12px}\n";

/* After the state colours: dark pages, and paper, which is always light. */
static const char dark_sheet[] =
  ":root{--bg:#1e1e22;--fg:#ececf1;--muted:#a8a8b3;--line:#3b3b43;--head:#2a2a30;--code:#26262b}\n";
static const char print_sheet[] =
  ":root{--bg:#ffffff;--fg:#000000;--muted:#444449;--line:#bdbdc4;--head:#ececf0;--code:#f6f6f8}\n"
  "body{font-size:10pt}\n"
  "main{max-width:none;padding:0}\n"
  ".message+.message{break-before:page}\n"
  ".verdict,tr,p,li,pre.raw{break-inside:avoid}\n"
  "thead{display:table-header-group}\n"
  "h2,h3,h4{break-after:avoid}\n"
  "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
  "@page{size:auto;margin:14mm}\n";

static guint32
blend (guint32 fg,
       guint32 bg,
       double  alpha)
{
  guint32 out = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double f = (fg >> shift) & 0xff, b = (bg >> shift) & 0xff;

      out |= (guint32) (f * alpha + b * (1 - alpha) + 0.5) << shift;
    }
  return out;
}

static void
append_state_colours (GString  *out,
                      gboolean  dark)
{
  for (HlProtection lock = 0; lock < HL_PROTECTION_N; lock++)
    {
      const HlLockShape *shape = hl_protection_get_lock_shape (lock);

      g_string_append_printf (out, ".st-%s{--c:#%06x;--t:#%06x}\n", shape->id,
                              dark ? shape->color_dark : shape->color,
                              dark ? blend (shape->color_dark, 0x1e1e22, 0.16) : shape->tint);
    }
}

static void
append_style (GString *out)
{
  g_string_append (out, "<style>\n");
  g_string_append (out, style_sheet);
  append_state_colours (out, FALSE);
  g_string_append (out, "@media (prefers-color-scheme: dark){\n");
  g_string_append (out, dark_sheet);
  append_state_colours (out, TRUE);
  g_string_append (out, "}\n@media print{\n");
  g_string_append (out, print_sheet);
  append_state_colours (out, FALSE);
  g_string_append (out, "}\n</style>\n");
}

/* Decorative: the state's label is always written next to it. */
static void
append_lock (GString *out,
             HlProtection   lock)
{
  const HlLockShape *shape = hl_protection_get_lock_shape (lock);

  g_string_append (out, "<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">");
  for (guint i = 0; i < HL_LOCK_MAX_LAYERS && shape->layers[i].d != NULL; i++)
    {
      const HlLockLayer *layer = &shape->layers[i];
      char width[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (width, sizeof width, "%g", layer->width);
      switch (layer->paint)
        {
        case HL_LOCK_PAINT_FILL:
          g_string_append_printf (out, "<path class=\"f\" d=\"%s\"/>", layer->d);
          break;
        case HL_LOCK_PAINT_STROKE:
          g_string_append_printf (out, "<path class=\"s\" stroke-width=\"%s\" d=\"%s\"/>", width, layer->d);
          break;
        case HL_LOCK_PAINT_CUT:
        default:
          g_string_append_printf (out, "<path class=\"k\" stroke-width=\"%s\" d=\"%s\"/>", width, layer->d);
          break;
        }
    }
  g_string_append (out, "</svg>");
}

/* An element holding text from anywhere: <TAG class="CLASS">text</TAG>. */
static void
append_element (GString    *out,
                const char *tag,
                const char *klass,
                const char *text)
{
  g_string_append_printf (out, "<%s", tag);
  if (klass != NULL)
    g_string_append_printf (out, " class=\"%s\"", klass);
  g_string_append_c (out, '>');
  hl_report_append_html (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

/* Paragraphs; a paragraph of several lines is a list. */
static void
append_explanation (GString    *out,
                    const char *text)
{
  g_auto(GStrv) paragraphs = hl_report_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      if (lines[1] == NULL)
        {
          append_element (out, "p", "text", lines[0]);
          continue;
        }
      g_string_append (out, "<ul class=\"parts\">\n");
      for (guint j = 0; lines[j] != NULL; j++)
        append_element (out, "li", NULL, g_strstrip (lines[j]));
      g_string_append (out, "</ul>\n");
    }
}

static void
append_state (GString *out,
              HlProtection  lock)
{
  const HlLockShape *shape = hl_protection_get_lock_shape (lock);

  g_string_append_printf (out, "<span class=\"state st-%s\">", shape->id);
  append_lock (out, lock);
  hl_report_append_html (out, hl_protection_get_label (lock));
  g_string_append (out, "</span>");
}

static void
append_table (GString         *out,
              HlReportMessage *m)
{
  g_string_append (out, "<table class=\"hops\">\n");
  append_element (out, "caption", NULL, hl_report_table_caption ());
  g_string_append (out, "<thead><tr>");
  for (HlReportColumn col = 0; col < HL_REPORT_N_COLUMNS; col++)
    {
      g_string_append (out, "<th scope=\"col\">");
      hl_report_append_html (out, hl_report_column_title (col));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < m->n_hops; i++)
    {
      HlReportHop *hop = &m->hops[i];

      g_string_append (out, "<tr>");
      for (HlReportColumn col = 0; col < HL_REPORT_N_COLUMNS; col++)
        {
          if (col == HL_REPORT_COLUMN_HOP)
            g_string_append (out, "<td class=\"num\">");
          else
            g_string_append (out, "<td>");
          if (col == HL_REPORT_COLUMN_STATE)
            append_state (out, hop->lock);
          else if (*hl_report_hop_cell (hop, col) == '\0')
            {
              g_string_append (out, "<span class=\"none\" title=\"");
              hl_report_append_html (out, _("not recorded"));
              g_string_append (out, "\">—</span>");
            }
          else
            hl_report_append_html (out, hl_report_hop_cell (hop, col));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_hop (GString     *out,
            guint        message,
            HlReportHop *hop)
{
  const HlLockShape *shape = hl_protection_get_lock_shape (hop->lock);

  g_string_append_printf (out, "<section class=\"hop st-%s\" id=\"m%u-hop-%u\">\n<h3>",
                          shape->id, message, hop->index);
  append_lock (out, hop->lock);
  hl_report_append_html (out, hop->heading);
  g_string_append (out, "</h3>\n");
  append_element (out, "p", "sub", hop->status);

  for (guint i = 0; i < hop->sections->len; i++)
    {
      HlReportSection *s = &g_array_index (hop->sections, HlReportSection, i);

      append_element (out, "h4", NULL, s->title);
      append_explanation (out, s->text);
    }

  append_element (out, "h4", NULL, hl_report_raw_title ());
  append_element (out, "pre", "raw", hop->raw);
  if (hop->warnings->len > 0)
    {
      append_element (out, "h4", NULL, hl_report_warnings_title ());
      g_string_append (out, "<ul class=\"warnings\">\n");
      for (guint i = 0; i < hop->warnings->len; i++)
        append_element (out, "li", NULL, g_ptr_array_index (hop->warnings, i));
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
append_message (GString *out,
                guint    number,
                HlRoute *route)
{
  g_autoptr(HlReportMessage) m = hl_report_message_new (route);
  const HlLockShape *shape = hl_protection_get_lock_shape (m->lock);

  g_string_append_printf (out, "<article class=\"message\" id=\"m%u\">\n", number);
  append_element (out, "h2", NULL, m->title);

  g_string_append (out, "<dl class=\"identity\">\n");
  for (guint i = 0; i < m->identity->len; i++)
    {
      HlReportField *f = &g_array_index (m->identity, HlReportField, i);

      append_element (out, "dt", NULL, f->label);
      append_element (out, "dd", NULL, f->value);
    }
  g_string_append (out, "</dl>\n");

  g_string_append_printf (out, "<section class=\"verdict st-%s\">\n", shape->id);
  append_lock (out, m->lock);
  g_string_append (out, "\n<div>\n");
  append_element (out, "p", "verdict-label", hl_verdict_get_label (m->verdict));
  append_element (out, "p", "sentence", m->sentence);
  append_element (out, "p", "counts", m->counts);
  g_string_append (out, "</div>\n</section>\n");
  if (m->verdict_explained.text != NULL)
    {
      g_string_append (out, "<section class=\"about\">\n");
      append_element (out, "h3", NULL, m->verdict_explained.title);
      append_explanation (out, m->verdict_explained.text);
      g_string_append (out, "</section>\n");
    }

  if (m->warnings->len > 0)
    {
      g_string_append (out, "<ul class=\"warnings\">\n");
      for (guint i = 0; i < m->warnings->len; i++)
        append_element (out, "li", NULL, g_ptr_array_index (m->warnings, i));
      g_string_append (out, "</ul>\n");
    }

  if (m->omitted != NULL)
    append_element (out, "p", "omitted", m->omitted);
  if (m->n_hops > 0)
    append_table (out, m);
  for (guint i = 0; i < m->n_hops; i++)
    append_hop (out, number, &m->hops[i]);
  g_string_append (out, "</article>\n");
}

GBytes *
hl_report_render_html (HlRoute *const *routes,
                       guint           n_routes,
                       HlTextFlags     flags,
                       GError        **error)
{
  GString *out = g_string_new (NULL);
  g_autoptr(HlReportMessage) first = n_routes == 1 ? hl_report_message_new (routes[0]) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  const char *caveats = hl_report_caveats ();

  if (first != NULL)
    title = g_strdup_printf ("%s: %s", hl_report_title (), first->title);
  else
    title = g_strdup (hl_report_title ());

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* TRANSLATORS: the language code of this translation (BCP 47), for the HTML report */
  hl_report_append_html (out, _("en"));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP "\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"color-scheme\" content=\"light dark\">\n"
                        "<meta name=\"referrer\" content=\"no-referrer\">\n"
                        "<meta name=\"generator\" content=\"Hoplock " PACKAGE_VERSION "\">\n");
  append_element (out, "title", NULL, title);
  append_style (out);
  g_string_append (out, "</head>\n<body>\n<main>\n<header>\n");
  append_element (out, "h1", NULL, hl_report_title ());
  sub = hl_report_subtitle (n_routes);
  append_element (out, "p", "sub", sub);
  g_string_append (out, "</header>\n");

  for (guint i = 0; i < n_routes; i++)
    append_message (out, i + 1, routes[i]);

  g_string_append (out, "<footer>\n");
  if (caveats != NULL)
    {
      append_element (out, "h3", NULL, hl_report_caveats_title ());
      append_explanation (out, caveats);
    }
  {
    /* TRANSLATORS: %s is Hoplock's version */
    g_autofree char *made = g_strdup_printf (_("Made with Hoplock %s."), PACKAGE_VERSION);

    append_element (out, "p", NULL, made);
  }
  g_string_append (out, "</footer>\n</main>\n</body>\n</html>\n");
  return g_string_free_to_bytes (out);
}
