/* hl-cli-render.c: reports of one or several messages, in the format asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-cli-private.h"

static const char *const formats[] = { "text", "json", NULL };

gboolean
hl_cli_format_is_known (const char *format)
{
  return g_strv_contains ((const char *const *) formats, format);
}

const char *
hl_cli_format_list (void)
{
  return "text, json";
}

static char *
render_json (HlRoute **routes,
             guint     n,
             gboolean  json_lines)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  GString *out = g_string_new (NULL);

  if (n == 1 || json_lines)
    {
      json_generator_set_pretty (gen, !json_lines);
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
  return g_string_free (out, FALSE);
}

gboolean
hl_cli_render (const char  *format,
               HlRoute    **routes,
               guint        n_routes,
               HlTextFlags  flags,
               gboolean     json_lines,
               const char  *output,
               GError     **error)
{
  g_autofree char *data = NULL;

  if (strcmp (format, "json") == 0)
    data = render_json (routes, n_routes, json_lines);
  else
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < n_routes; i++)
        {
          g_autofree char *t = hl_route_to_text (routes[i], flags);

          if (i > 0)
            g_string_append (s, "\n");
          g_string_append (s, t);
        }
      data = g_string_free (s, FALSE);
    }

  return hl_cli_write_output (output, data, strlen (data), error);
}
