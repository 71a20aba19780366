/* hl-report.c: one entry point for every report format
 *
 * Each format is one row of the table below: its name, file extension, MIME type
 * and the function that renders it. Writers share the report model (HlRoute and
 * its hops) and never format the same thing twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "report/hl-report-model-private.h"

static GBytes *
render_json (HlRoute *const *routes,
             guint           n,
             gboolean        lines,
             GError        **error)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  GString *out = g_string_new (NULL);

  if (lines || n == 1)
    {
      json_generator_set_pretty (gen, !lines);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JsonNode) node = hl_route_to_json (routes[i]);
          g_autofree char *s = NULL;

          json_generator_set_root (gen, node);
          s = json_generator_to_data (gen, NULL);
          g_string_append (out, s);
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *s = NULL;

      for (guint i = 0; i < n; i++)
        json_array_add_element (array, hl_route_to_json (routes[i]));
      json_node_set_array (root, array);
      json_generator_set_pretty (gen, TRUE);
      json_generator_set_root (gen, root);
      s = json_generator_to_data (gen, NULL);
      g_string_append (out, s);
      g_string_append_c (out, '\n');
    }
  return g_string_free_to_bytes (out);
}

static GBytes *
render_json_array (HlRoute *const *routes, guint n, HlTextFlags flags, GError **error)
{
  return render_json (routes, n, FALSE, error);
}

static GBytes *
render_json_lines (HlRoute *const *routes, guint n, HlTextFlags flags, GError **error)
{
  return render_json (routes, n, TRUE, error);
}

static GBytes *
render_text (HlRoute *const *routes,
             guint           n,
             HlTextFlags     flags,
             GError        **error)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *t = hl_route_to_text (routes[i], flags);

      if (i > 0)
        g_string_append (s, "\n");
      g_string_append (s, t);
    }
  return g_string_free_to_bytes (s);
}

static const HlReportWriter writers[HL_REPORT_N_FORMATS] = {
  [HL_REPORT_FORMAT_TEXT] = { "text", "txt", "text/plain", N_("Plain text"), render_text },
  [HL_REPORT_FORMAT_JSON] = { "json", "json", "application/json", N_("JSON"), render_json_array },
  [HL_REPORT_FORMAT_JSON_LINES] = { "jsonl", "jsonl", "application/jsonl", N_("JSON Lines"), render_json_lines },
  [HL_REPORT_FORMAT_CSV] = { "csv", "csv", "text/csv", N_("CSV (spreadsheet)"), hl_report_render_csv },
  [HL_REPORT_FORMAT_HTML] = { "html", "html", "text/html", N_("Web page (HTML)"), hl_report_render_html },
  [HL_REPORT_FORMAT_MARKDOWN] = { "md", "md", "text/markdown", N_("Markdown"), hl_report_render_markdown },
  /* libhoplock-pdf-1 plugs its writer in (hl_report_format_set_renderer()) */
  [HL_REPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf", N_("PDF document"), NULL },
};

/* The writers plugged in from outside, by format: read and written atomically. */
static gpointer plugged[HL_REPORT_N_FORMATS];

static HlReportRenderFunc
writer_render (HlReportFormat format)
{
  if (writers[format].render != NULL)
    return writers[format].render;
  return (HlReportRenderFunc) g_atomic_pointer_get (&plugged[format]);
}

/**
 * hl_report_format_set_renderer:
 * @format: a format whose writer lives outside libhoplock-1 (%HL_REPORT_FORMAT_PDF)
 * @render: (nullable) (scope forever): its writer, or %NULL to take it out
 *
 * Plugs in the writer of @format; hl_report_pdf_register() of libhoplock-pdf-1
 * calls it. Setting the same writer again does nothing.
 */
void
hl_report_format_set_renderer (HlReportFormat      format,
                               HlReportRenderFunc  render)
{
  g_return_if_fail (format < HL_REPORT_N_FORMATS);
  g_return_if_fail (writers[format].render == NULL);

  g_atomic_pointer_set (&plugged[format], (gpointer) render);
}

/**
 * hl_report_format_is_available:
 *
 * Returns: whether hl_report_render() can write @format: %FALSE for
 *   %HL_REPORT_FORMAT_PDF until libhoplock-pdf-1 is registered
 */
gboolean
hl_report_format_is_available (HlReportFormat format)
{
  g_return_val_if_fail (format < HL_REPORT_N_FORMATS, FALSE);
  return writer_render (format) != NULL;
}

gboolean
hl_report_format_from_string (const char     *name,
                              HlReportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < HL_REPORT_N_FORMATS; i++)
    if (writers[i].name != NULL
        && (g_ascii_strcasecmp (name, writers[i].name) == 0
            || g_ascii_strcasecmp (name, writers[i].extension) == 0))
      {
        if (format != NULL)
          *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hl_report_format_to_string (HlReportFormat format)
{
  g_return_val_if_fail (format < HL_REPORT_N_FORMATS, NULL);
  return writers[format].name;
}

const char *
hl_report_format_extension (HlReportFormat format)
{
  g_return_val_if_fail (format < HL_REPORT_N_FORMATS, NULL);
  return writers[format].extension;
}

const char *
hl_report_format_mime_type (HlReportFormat format)
{
  g_return_val_if_fail (format < HL_REPORT_N_FORMATS, NULL);
  return writers[format].mime_type;
}

const char *
hl_report_format_label (HlReportFormat format)
{
  g_return_val_if_fail (format < HL_REPORT_N_FORMATS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, writers[format].label);
}

/**
 * hl_report_render:
 * @routes: (array length=n_routes): the messages
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
GBytes *
hl_report_render (HlRoute *const *routes,
                  guint           n_routes,
                  HlReportFormat  format,
                  HlTextFlags     flags,
                  GError        **error)
{
  HlReportRenderFunc render;

  g_return_val_if_fail (routes != NULL || n_routes == 0, NULL);
  g_return_val_if_fail (format < HL_REPORT_N_FORMATS, NULL);

  render = writer_render (format);
  if (render == NULL)
    {
      /* Only the PDF writer lives elsewhere, so far. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("PDF reports need libhoplock-pdf-1"));
      return NULL;
    }
  return render (routes, n_routes, flags, error);
}

gboolean
hl_report_write_file (HlRoute *const *routes,
                      guint           n_routes,
                      HlReportFormat  format,
                      HlTextFlags     flags,
                      GFile          *file,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = hl_report_render (routes, n_routes, format, flags & ~HL_TEXT_COLOR, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  /* g_file_replace_contents writes a temporary file and renames it over the old. */
  return g_file_replace_contents (file, data ? data : "", len, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}
