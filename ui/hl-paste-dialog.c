/* hl-paste-dialog.c: a place to paste a message's headers
 *
 * For text copied from a webmail's "show original" page. The dialog stays open
 * and says why when the text cannot be shown, so that the user can fix it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-paste-dialog.h"

struct _HlPasteDialog
{
  AdwWindow parent_instance;

  HlPasteSubmit submit;
  gpointer user_data;

  GtkTextView *text_view;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (HlPasteDialog, hl_paste_dialog, ADW_TYPE_WINDOW)

static gboolean
has_text (HlPasteDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  return gtk_text_buffer_get_char_count (buffer) > 0;
}

static void
on_buffer_changed (HlPasteDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paste.show", has_text (self));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
paste_show_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  hl_paste_dialog_submit (HL_PASTE_DIALOG (widget));
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HlPasteDialog) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  /* Only fill an empty view: the user may have typed in the meantime. */
  if (text != NULL && *text != '\0' && !has_text (self))
    hl_paste_dialog_set_text (self, text);
}

static void
hl_paste_dialog_class_init (HlPasteDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hoplock/Hoplock/hl-paste-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HlPasteDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, HlPasteDialog, error_label);

  gtk_widget_class_install_action (widget_class, "paste.show", NULL, paste_show_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "paste.show", NULL);
}

static void
hl_paste_dialog_init (HlPasteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  on_buffer_changed (self);
}

/**
 * hl_paste_dialog_new:
 * @parent: the window the dialog belongs to
 * @submit: what to do with the text
 *
 * A new dialog, filled with the clipboard's text if it has some.
 */
HlPasteDialog *
hl_paste_dialog_new (GtkWindow     *parent,
                     HlPasteSubmit  submit,
                     gpointer       user_data)
{
  HlPasteDialog *self;
  GdkClipboard *clipboard;

  g_return_val_if_fail (submit != NULL, NULL);

  self = g_object_new (HL_TYPE_PASTE_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->submit = submit;
  self->user_data = user_data;

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  if (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING))
    gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, g_object_ref (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

void
hl_paste_dialog_set_text (HlPasteDialog *self,
                          const char    *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (HL_IS_PASTE_DIALOG (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

char *
hl_paste_dialog_dup_text (HlPasteDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (HL_IS_PASTE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Hands the text over; closes the dialog if it was shown, else says why. */
gboolean
hl_paste_dialog_submit (HlPasteDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HL_IS_PASTE_DIALOG (self), FALSE);

  if (!has_text (self))
    return FALSE;
  text = hl_paste_dialog_dup_text (self);
  if (!self->submit (text, self->user_data, &error))
    {
      gtk_label_set_text (self->error_label,
                          error != NULL ? error->message : _("The text could not be shown."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
