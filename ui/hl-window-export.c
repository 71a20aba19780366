/* hl-window-export.c: the report of the message shown
 *
 * The file chooser (hl-export.c) picks a file and a format; the report is
 * written atomically in the background and a toast says how it went. The
 * format chosen last is kept in the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-export.h"
#include "hl-window-private.h"

typedef struct
{
  HlWindow *window;
  GFile *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

/* Says where the report went, with a button that opens it. */
static void
toast_saved (HlWindow *self,
             GFile    *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (folder != NULL)
    /* TRANSLATORS: "“invoice-report.pdf” saved in /home/ann/Documents" */
    text = g_strdup_printf (_("“%s” saved in %s"), basename, folder);
  else
    /* TRANSLATORS: "“invoice-report.pdf” saved" */
    text = g_strdup_printf (_("“%s” saved"), basename);
  escaped = g_markup_escape_text (text, -1);

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-report");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  g_set_object (&self->export_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!hl_export_write_finish (result, &error))
    {
      /* TRANSLATORS: %s says why, e.g. "Permission denied" */
      g_autofree char *text = g_strdup_printf (_("The report could not be saved: %s"), error->message);
      _hl_window_toast (data->window, text);
      return;
    }
  toast_saved (data->window, data->file);
}

/* Opens the report at @uri in the app the desktop has for its type. */
void
_hl_window_export_show (HlWindow   *self,
                        const char *uri)
{
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/**
 * hl_window_export:
 * @file: where to write
 * @format: in which format
 *
 * Writes the report of the message shown, atomically; says in a toast how it
 * went, and where the file is, with a button that opens it.
 */
void
hl_window_export (HlWindow       *self,
                  GFile          *file,
                  HlReportFormat  format)
{
  ExportData *data;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->route == NULL)
    return;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "export-format", hl_report_format_to_string (format));
  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  hl_export_write_async (self->route, format, file, NULL, on_export_written, data);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = NULL;
      HlReportFormat format;

      if (hl_export_chooser_get_target (GTK_FILE_CHOOSER_NATIVE (dialog), &file, &format))
        {
          if (self->file != NULL && g_file_equal (file, self->file))
            _hl_window_toast (self, _("The report was not saved: that is the message itself."));
          else
            hl_window_export (self, file, format);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Asks where to write the report, in the format used last, next to the message. */
void
_hl_window_export_choose (HlWindow *self)
{
  HlReportFormat preferred = HL_REPORT_FORMAT_JSON;
  GtkFileChooserNative *chooser;

  if (self->route == NULL)
    return;
  if (self->settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "export-format");

      if (!hl_report_format_from_string (name, &preferred))
        preferred = HL_REPORT_FORMAT_JSON;
    }
  chooser = hl_export_chooser_new (GTK_WINDOW (self), self->route, preferred);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
