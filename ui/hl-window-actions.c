/* hl-window-actions.c: the window's actions
 *
 * win.open (the file chooser), win.open-example, win.paste (the clipboard),
 * win.paste-dialog, win.export and win.back; the menu, the buttons and the
 * shortcuts in hl-application.c name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-paste-dialog.h"
#include "hl-window-private.h"

/* win.open */

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        hl_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) messages = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Message"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (messages, _("Email messages"));
  gtk_file_filter_add_mime_type (messages, "message/rfc822");
  gtk_file_filter_add_pattern (messages, "*.eml");
  gtk_file_filter_add_pattern (messages, "*.EML");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), messages);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), messages);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* win.open-example */

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  hl_window_open_example (HL_WINDOW (widget));
}

/* win.paste */

static void
on_clipboard_files (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, &error);

  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      _hl_window_toast (self, _("The clipboard could not be read."));
      return;
    }
  _hl_window_open_files (self, g_value_get_boxed (value));
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *text == '\0')
    {
      _hl_window_toast (self, _("The clipboard holds no text to show."));
      return;
    }
  _hl_window_open_text_or_show_error (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HlWindow *self = HL_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr(GdkContentFormats) formats =
    gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    on_clipboard_files, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, g_object_ref (self));
  else
    _hl_window_toast (self, _("Nothing to paste: copy a message’s headers first."));
}

/* win.paste-dialog */

static gboolean
paste_dialog_submit (const char *text,
                     gpointer    user_data,
                     GError    **error)
{
  return hl_window_open_text (HL_WINDOW (user_data), text, error);
}

static void
paste_dialog_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HlPasteDialog *dialog = hl_paste_dialog_new (GTK_WINDOW (widget), paste_dialog_submit, widget);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.export */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _hl_window_export_choose (HL_WINDOW (widget));
}

/* win.show-report: opens a report just written, by its URI */

static void
show_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _hl_window_export_show (HL_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* win.back */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HlWindow *self = HL_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
_hl_window_class_actions_init (HlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.paste-dialog", NULL, paste_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-report", "s", show_report_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
}
