/* hl-export.c: writing a message's report to a file
 *
 * The file chooser lists every format the library's table of report writers
 * has, one filter each, so a format added there shows up here. The chosen
 * filter decides the format, and the file name's extension is made to match
 * it. The library writes the file
 * atomically, in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-export.h"

#define FORMAT_KEY "hl-report-format"

static gboolean
format_is_offered (HlReportFormat format)
{
  return hl_report_format_to_string (format) != NULL
         && hl_report_format_extension (format) != NULL;
}

/* The format whose extension @name ends in, if any. */
gboolean
hl_export_format_for_name (const char     *name,
                           HlReportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strrchr (name, '.');
  if (dot == NULL || dot == name)
    return FALSE;
  for (guint i = 0; i < HL_REPORT_N_FORMATS; i++)
    if (format_is_offered (i)
        && g_ascii_strcasecmp (dot + 1, hl_report_format_extension (i)) == 0)
      {
        if (format != NULL)
          *format = i;
        return TRUE;
      }
  return FALSE;
}

static char *
suggested_name (HlRoute        *route,
                HlReportFormat  format)
{
  const char *source = hl_route_get_source_name (route);
  g_autofree char *stem = NULL;
  char *dot;

  if (source != NULL && *source != '\0' && strchr (source, '/') == NULL)
    {
      stem = g_strdup (source);
      if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
        *dot = '\0';
    }
  else
    stem = g_strdup (_("message"));
  /* TRANSLATORS: the file name a report is saved under, e.g. "invoice-report.json" */
  return g_strdup_printf (_("%s-report.%s"), stem, hl_report_format_extension (format));
}

/**
 * hl_export_filters_new:
 * @preferred: the format whose filter is returned in @preferred_filter
 * @preferred_filter: (out) (transfer none) (optional): that filter
 *
 * One file filter per format of the library's table, in its order.
 *
 * Returns: (transfer full): a list of #GtkFileFilter
 */
GListStore *
hl_export_filters_new (HlReportFormat   preferred,
                       GtkFileFilter  **preferred_filter)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  if (preferred_filter != NULL)
    *preferred_filter = NULL;

  for (guint i = 0; i < HL_REPORT_N_FORMATS; i++)
    {
      g_autoptr(GtkFileFilter) filter = NULL;
      g_autofree char *pattern = NULL;
      g_autofree char *title = NULL;

      if (!format_is_offered (i))
        continue;
      filter = gtk_file_filter_new ();
      pattern = g_strdup_printf ("*.%s", hl_report_format_extension (i));
      /* TRANSLATORS: a report format in the file chooser, "JSON (*.json)" */
      title = g_strdup_printf (_("%s (%s)"), hl_report_format_label (i), pattern);
      gtk_file_filter_set_name (filter, title);
      gtk_file_filter_add_pattern (filter, pattern);
      if (hl_report_format_mime_type (i) != NULL)
        gtk_file_filter_add_mime_type (filter, hl_report_format_mime_type (i));
      g_object_set_data (G_OBJECT (filter), FORMAT_KEY, GUINT_TO_POINTER (i + 1));
      g_list_store_append (filters, filter);
      if (i == preferred && preferred_filter != NULL)
        *preferred_filter = filter;
    }
  return filters;
}

/* The format a filter of hl_export_filters_new() stands for, or -1 */
int
hl_export_filter_get_format (GtkFileFilter *filter)
{
  guint format;

  g_return_val_if_fail (GTK_IS_FILE_FILTER (filter), -1);

  format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), FORMAT_KEY));
  return format > 0 ? (int) format - 1 : -1;
}

/**
 * hl_export_chooser_new:
 * @parent: the window
 * @route: the message to export
 * @preferred: the format to select at first
 *
 * Returns: (transfer full): a save dialog with a filter for every format
 */
GtkFileChooserNative *
hl_export_chooser_new (GtkWindow      *parent,
                       HlRoute        *route,
                       HlReportFormat  preferred)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GListStore) filters = NULL;
  GtkFileFilter *selected = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (route != NULL, NULL);

  if (preferred >= HL_REPORT_N_FORMATS || !format_is_offered (preferred))
    preferred = HL_REPORT_FORMAT_JSON;

  chooser = gtk_file_chooser_native_new (_("Export Report"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filters = hl_export_filters_new (preferred, &selected);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (selected != NULL)
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), selected);

  name = suggested_name (route, preferred);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  return chooser;
}

/**
 * hl_export_target_for:
 * @chosen: the file the user named
 * @filter: (nullable): the filter selected when the dialog was accepted
 * @file: (out) (transfer full): where to write
 * @format: (out): what to write
 *
 * The format is the one of the selected filter: it is what the user chose last,
 * while the name may still carry the extension of the format the dialog was
 * opened with. The name follows the format: an extension of another report
 * format is replaced, a name without one gets one. Without a filter of ours the
 * name's extension decides, JSON otherwise.
 */
void
hl_export_target_for (GFile          *chosen,
                      GtkFileFilter  *filter,
                      GFile         **file,
                      HlReportFormat *format)
{
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GFile) parent = NULL;
  HlReportFormat named;
  int from_filter;
  char *dot;

  g_return_if_fail (G_IS_FILE (chosen));
  g_return_if_fail (file != NULL && format != NULL);

  from_filter = filter != NULL ? hl_export_filter_get_format (filter) : -1;
  basename = g_file_get_basename (chosen);
  parent = g_file_get_parent (chosen);

  if (basename == NULL || parent == NULL)
    {
      *format = from_filter >= 0 ? (HlReportFormat) from_filter : HL_REPORT_FORMAT_JSON;
      *file = g_object_ref (chosen);
      return;
    }
  if (hl_export_format_for_name (basename, &named))
    {
      if (from_filter < 0 || (HlReportFormat) from_filter == named)
        {
          *format = named;
          *file = g_object_ref (chosen);
          return;
        }
      /* "invoice-report.json" with PDF chosen: "invoice-report.pdf" */
      stem = g_strdup (basename);
      *strrchr (stem, '.') = '\0';
    }
  else if ((dot = strrchr (basename, '.')) != NULL && dot != basename && from_filter < 0)
    {
      /* an extension we do not know and no format chosen: leave the name alone */
      *format = HL_REPORT_FORMAT_JSON;
      *file = g_object_ref (chosen);
      return;
    }
  else
    stem = g_strdup (basename);

  *format = from_filter >= 0 ? (HlReportFormat) from_filter : HL_REPORT_FORMAT_JSON;
  renamed = g_strdup_printf ("%s.%s", stem, hl_report_format_extension (*format));
  *file = g_file_get_child (parent, renamed);
}

/**
 * hl_export_chooser_get_target:
 * @file: (out) (transfer full): where to write
 * @format: (out): what to write
 *
 * After the user accepted the dialog: the file and the format, see
 * hl_export_target_for().
 */
gboolean
hl_export_chooser_get_target (GtkFileChooserNative  *chooser,
                              GFile                **file,
                              HlReportFormat        *format)
{
  g_autoptr(GFile) chosen = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser), FALSE);

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chosen == NULL)
    return FALSE;
  hl_export_target_for (chosen, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)),
                        file, format);
  return TRUE;
}

typedef struct
{
  HlRoute *route;
  HlReportFormat format;
  HlTextFlags flags;
  GFile *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  hl_route_unref (data->route);
  g_object_unref (data->file);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (!hl_report_write_file (&data->route, 1, data->format, data->flags,
                             data->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes the report of @route to @file, atomically, in a worker thread. */
void
hl_export_write_async (HlRoute             *route,
                       HlReportFormat       format,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (route != NULL);
  g_return_if_fail (format < HL_REPORT_N_FORMATS);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (WriteData, 1);
  data->route = hl_route_ref (route);
  data->format = format;
  data->flags = HL_TEXT_EXPLAIN;
  /* PDF pages of the size the user's locale prints on (LC_PAPER). */
  {
    g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

    if (g_strcmp0 (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER) == 0)
      data->flags |= HL_REPORT_LETTER;
  }
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_export_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
hl_export_write_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
