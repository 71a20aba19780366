/* hl-cli-render.c: reports of one or several messages, in the format asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-cli-private.h"

gboolean
hl_cli_format_is_known (const char *format)
{
  return hl_report_format_from_string (format, NULL);
}

/* "text, json, …", from the library's own list. */
const char *
hl_cli_format_list (void)
{
  static char *list = NULL;

  if (list == NULL)
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < HL_REPORT_N_FORMATS; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", hl_report_format_to_string (i));
      list = g_string_free (s, FALSE);
    }
  return list;
}

gboolean
hl_cli_render (const char  *format_name,
               HlRoute    **routes,
               guint        n_routes,
               HlTextFlags  flags,
               gboolean     json_lines,
               const char  *output,
               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  HlReportFormat format;
  const char *data;
  gsize len;

  if (!hl_report_format_from_string (format_name, &format))
    g_return_val_if_reached (FALSE);
  if (format == HL_REPORT_FORMAT_JSON && json_lines)
    format = HL_REPORT_FORMAT_JSON_LINES;

  if (output != NULL && strcmp (output, "-") != 0)
    {
      file = g_file_new_for_commandline_arg (output);
      return hl_report_write_file ((HlRoute *const *) routes, n_routes, format, flags, file, NULL, error);
    }

  bytes = hl_report_render ((HlRoute *const *) routes, n_routes, format, flags, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  return hl_cli_write_output (NULL, data ? data : "", len, error);
}
