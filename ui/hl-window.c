/* hl-window.c: a window showing one message's journey
 *
 * A stack of pages: the first-run page (open, paste, try the example, recent
 * messages), a spinner while a large file is read, an error page, and the
 * journey itself: an AdwLeaflet with the verdict and the list of hops on one
 * side and the lesson of the selected hop on the other, folding into one column
 * on a narrow screen.
 *
 * Files are read in a worker thread (a message may carry 30 MB of
 * attachments) and never written: the library loads them with
 * g_file_load_contents(). Messages come from the file chooser, the command line
 * ("Open With" included), drag and drop, the clipboard and the paste dialog;
 * they all end in show_route() or show_error().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-export.h"
#include "hl-hop-detail.h"
#include "hl-hop-row.h"
#include "hl-lock.h"
#include "hl-paste-dialog.h"
#include "hl-summary.h"
#include "hl-window.h"

#define EXAMPLE_RESOURCE "/io/github/hoplock/Hoplock/example.eml"
#define LOADING_DELAY_MS 200
#define MAX_RECENT 5
#define RECENT_APP_NAME "Hoplock"   /* how recent files know it was us; not translated */

struct _HlWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  HlRoute *route;
  GFile *file;
  GCancellable *cancellable;
  guint loading_timeout;
  guint back_button_idle;
  guint older_hops_idle;
  guint first_listed;       /* the index of the oldest hop with a row, 0 for hop 1 */
  gboolean busy;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *open_button;
  GtkWidget *menu_button;
  GtkStack *main_stack;
  AdwStatusPage *welcome_page;
  GtkWidget *recent_box;
  GtkListBox *recent_list;
  GtkWidget *loading_box;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  HlSummary *summary;
  GtkWidget *older_hops;
  GtkLabel *older_hops_label;
  GtkWidget *older_hops_button;
  GtkListBox *hop_list;
  HlHopDetail *detail;
};

enum {
  PROP_0,
  PROP_ROUTE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
display_name_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_strdup (_("Unnamed file"));
}

static void
set_titles (HlWindow   *self,
            const char *subtitle)
{
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  if (subtitle != NULL)
    {
      /* TRANSLATORS: the window title, "message.eml — Hoplock" */
      g_autofree char *title = g_strdup_printf (_("%s — Hoplock"), subtitle);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Hoplock"));
}

static void
set_busy (HlWindow *self,
          gboolean  busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  if (!busy)
    g_clear_handle_id (&self->loading_timeout, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_back_button (HlWindow *self)
{
  const char *page, *pane;
  gboolean back;

  if (self->main_stack == NULL || self->leaflet == NULL)
    return;   /* disposed */
  page = gtk_stack_get_visible_child_name (self->main_stack);
  pane = adw_leaflet_get_visible_child_name (self->leaflet);

  back = g_strcmp0 (page, "route") == 0
         && adw_leaflet_get_folded (self->leaflet)
         && g_strcmp0 (pane, "content") == 0;
  /* On a narrow screen the header bar has room for one of them. */
  gtk_widget_set_visible (self->back_button, back);
  gtk_widget_set_visible (self->open_button, !back);
}

static gboolean
update_back_button_idle (gpointer user_data)
{
  HlWindow *self = user_data;

  self->back_button_idle = 0;
  update_back_button (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet says it folded while it is being allocated: change the header
 * bar afterwards, not in the middle of laying out the window. */
static void
on_leaflet_changed (HlWindow *self)
{
  if (self->back_button_idle == 0)
    self->back_button_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_back_button_idle, self, NULL);
}

static void
set_page (HlWindow   *self,
          const char *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->route != NULL && g_strcmp0 (name, "route") == 0);
  update_back_button (self);
}

static void
toast (HlWindow   *self,
       const char *text)   /* plain text */
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* An error is a page of its own when there is nothing else to show, and a toast
 * over the message already shown otherwise, which stays. */
static void
show_error (HlWindow   *self,
            const char *title,
            const char *description)
{
  if (self->route != NULL)
    {
      /* TRANSLATORS: an error as a toast: a title and a sentence */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), title, description);

      set_page (self, "route");
      toast (self, text);
      return;
    }

  {
    /* The description is markup; it may quote a file name. */
    g_autofree char *escaped = g_markup_escape_text (description, -1);

    adw_status_page_set_title (self->error_page, title);
    adw_status_page_set_description (self->error_page, escaped);
  }
  set_page (self, "error");
}

static void
show_gerror (HlWindow     *self,
             const GError *error,
             const char   *name)
{
  if (error->domain == HL_PARSE_ERROR)
    {
      switch (error->code)
        {
        case HL_PARSE_ERROR_EMPTY:
          show_error (self, _("Nothing to Read"), error->message);
          return;
        case HL_PARSE_ERROR_NOT_A_MESSAGE:
          {
            g_autofree char *text = NULL;

            if (name != NULL)
              /* TRANSLATORS: a file that is not a message; %s is its name */
              text = g_strdup_printf (_("“%s” is not an email message. Open a message saved from your mail program (a .eml file), or paste its headers."), name);
            else
              text = g_strdup (_("This is not an email message. Paste the message’s headers, as your mail program shows them under “Show original”."));
            show_error (self, _("Not an Email Message"), text);
          }
          return;
        case HL_PARSE_ERROR_TOO_LARGE:
          show_error (self, _("Message Too Large"), error->message);
          return;
        case HL_PARSE_ERROR_READ:
        default:
          break;
        }
    }
  show_error (self, _("Could Not Read the File"), error->message);
}

static void
show_no_hops (HlWindow   *self,
              const char *name)
{
  g_autofree char *text = NULL;

  if (name != NULL)
    /* TRANSLATORS: %s is the name of a message file */
    text = g_strdup_printf (_("“%s” has no Received fields: it was never sent, or the fields were removed. Hoplock needs them to tell how a message travelled."), name);
  else
    text = g_strdup (_("The text has no Received fields. Copy the whole header of the message, as your mail program shows it under “Show original”."));
  show_error (self, _("No Received Fields"), text);
}

static void
clear_hop_list (HlWindow *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->older_hops_idle, g_source_remove);
  gtk_widget_set_visible (self->older_hops, FALSE);
  self->first_listed = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hop_list))) != NULL)
    gtk_list_box_remove (self->hop_list, child);
}

static void
show_route (HlWindow   *self,
            HlRoute    *route,
            GFile      *file,
            const char *name)
{
  guint n_hops = hl_route_get_n_hops (route);
  guint initial;
  GtkListBoxRow *row;

  g_return_if_fail (n_hops > 0);

  g_clear_pointer (&self->route, hl_route_unref);
  self->route = hl_route_ref (route);
  g_set_object (&self->file, file);

  hl_summary_set_route (self->summary, route);
  hl_hop_detail_set_hop (self->detail, NULL, 0);
  clear_hop_list (self);
  /* A row takes milliseconds to build; a list longer than mail servers let a
   * message travel (a loop, or padding) starts with its newest hops. */
  if (n_hops > HL_REPORT_MAX_EXPLAINED_HOPS)
    {
      g_autofree char *text = NULL;

      self->first_listed = n_hops - HL_REPORT_MAX_EXPLAINED_HOPS;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "This message lists %u hops, more than mail servers let a "
                                           "message pass: a mail loop, or fields added to mislead. "
                                           "The %u newest are listed; %u older hop is not.",
                                           "This message lists %u hops, more than mail servers let a "
                                           "message pass: a mail loop, or fields added to mislead. "
                                           "The %u newest are listed; %u older hops are not.",
                                           self->first_listed),
                              n_hops, (guint) HL_REPORT_MAX_EXPLAINED_HOPS, self->first_listed);
      gtk_label_set_text (self->older_hops_label, text);
      gtk_widget_set_sensitive (self->older_hops_button, TRUE);
      gtk_widget_set_visible (self->older_hops, TRUE);
    }
  for (guint i = self->first_listed; i < n_hops; i++)
    gtk_list_box_append (self->hop_list, hl_hop_row_new (hl_route_get_hop (route, i), n_hops));

  /* Start with the weakest hop: that is where the lesson is. */
  initial = hl_route_get_weakest_hop (route);
  if (initial <= self->first_listed || initial > n_hops)
    initial = self->first_listed + 1;
  row = gtk_list_box_get_row_at_index (self->hop_list, initial - 1 - self->first_listed);
  gtk_list_box_select_row (self->hop_list, row);

  set_titles (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  set_page (self, "route");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTE]);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "message/rfc822",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "hoplock %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Route loading */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  HlRoute *route = hl_route_new_from_file (file, cancellable, &error);

  if (route == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, route, (GDestroyNotify) hl_route_unref);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HlWindow *self = HL_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;
  g_autofree char *name = NULL;

  route = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  name = display_name_for_file (file);
  if (route == NULL || hl_route_get_n_hops (route) == 0)
    {
      /* An error page is about this file; a toast over a message leaves its title. */
      if (self->route == NULL)
        set_titles (self, name);
      if (route == NULL)
        show_gerror (self, error, name);
      else
        show_no_hops (self, name);
    }
  else
    {
      show_route (self, route, file, name);
      add_to_recent (file);
    }
}

static gboolean
on_loading_timeout (gpointer user_data)
{
  HlWindow *self = user_data;

  self->loading_timeout = 0;
  if (self->busy)
    {
      gtk_widget_set_visible (self->loading_box, TRUE);
      set_page (self, "loading");
    }
  return G_SOURCE_REMOVE;
}

static void
cancel_loading (HlWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}

/**
 * hl_window_open_file:
 * @file: a message
 *
 * Reads @file in a worker thread and shows its journey, or says why it cannot.
 */
void
hl_window_open_file (HlWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  cancel_loading (self);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  /* A spinner only if it takes long enough to notice, so that nothing flickers;
   * until then an empty window shows an empty page, not the first-run one. */
  gtk_widget_set_visible (self->loading_box, FALSE);
  if (self->route == NULL)
    set_page (self, "loading");
  self->loading_timeout = g_timeout_add (LOADING_DELAY_MS, on_loading_timeout, self);

  task = g_task_new (self, self->cancellable, on_file_loaded, NULL);
  g_task_set_source_tag (task, hl_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

void
hl_window_open_example (HlWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HlRoute) route = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  g_return_if_fail (HL_IS_WINDOW (self));

  cancel_loading (self);
  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      show_gerror (self, error, NULL);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  route = hl_route_new_from_data (data, size, "example.eml", &error);
  if (route == NULL)
    show_gerror (self, error, NULL);
  else if (hl_route_get_n_hops (route) == 0)
    show_no_hops (self, NULL);
  else
    show_route (self, route, NULL, _("The built-in example"));
}

/* Where the header starts in text copied from a web page: the text itself if
 * it starts with a header field, else the first line that is a Received
 * field (webmails put a table of their own above the original). */
static const char *
find_header_start (const char *text)
{
  const char *line = text;

  while (*line == '\n' || *line == '\r' || *line == ' ' || *line == '\t')
    line++;
  for (const char *p = line; *p; p++)
    {
      if (*p == ':')
        {
          if (p > line)
            return line;
          break;
        }
      if ((guchar) *p <= ' ' || (guchar) *p >= 127)
        break;
    }
  for (const char *p = text; p != NULL && *p; )
    {
      if (g_ascii_strncasecmp (p, "Received:", 9) == 0)
        return p;
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  return line;
}

/**
 * hl_window_open_text:
 * @text: a message, its header, or a single Received field's value, as pasted
 *
 * Shows the journey of pasted text.
 *
 * Returns: %TRUE if it was shown, %FALSE with @error set if it has no route
 */
gboolean
hl_window_open_text (HlWindow    *self,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(HlRoute) route = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *prefixed = NULL;
  const char *start;

  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  valid = g_utf8_make_valid (text, -1);
  start = find_header_start (valid);
  /* One Received value on its own ("from a by b with ESMTPS …") */
  if (g_ascii_strncasecmp (start, "from ", 5) == 0 || g_ascii_strncasecmp (start, "by ", 3) == 0)
    start = prefixed = g_strconcat ("Received: ", start, NULL);

  route = hl_route_new_from_data (start, strlen (start), _("Pasted headers"), error);
  if (route == NULL)
    return FALSE;
  if (hl_route_get_n_hops (route) == 0)
    {
      g_set_error_literal (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE,
                           _("The text has no Received fields. Copy the whole header of the message, as your mail program shows it under “Show original”."));
      return FALSE;
    }
  cancel_loading (self);
  show_route (self, route, NULL, _("Pasted headers"));
  return TRUE;
}

static void
open_text_or_show_error (HlWindow   *self,
                         const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!hl_window_open_text (self, text, &error))
    {
      if (g_error_matches (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE)
          && strstr (error->message, "Received") != NULL)
        show_no_hops (self, NULL);
      else
        show_gerror (self, error, NULL);
    }
}

/* Opens the first file here and any others in windows of their own. */
static void
open_files (HlWindow *self,
            GSList   *files)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint n = g_slist_length (files);

  if (n == 0)
    return;
  hl_window_open_file (self, files->data);
  if (n > 1 && app != NULL)
    {
      g_autofree GFile **rest = g_new0 (GFile *, n - 1);
      guint i = 0;

      for (GSList *l = files->next; l != NULL; l = l->next)
        rest[i++] = l->data;
      g_application_open (G_APPLICATION (app), rest, n - 1, "");
    }
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HlWindow      *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files == NULL)
        return FALSE;
      open_files (self, files);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GFile *file = g_value_get_object (value);

      if (file == NULL)
        return FALSE;
      hl_window_open_file (self, file);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return FALSE;
      open_text_or_show_error (self, text);
      return TRUE;
    }
  return FALSE;
}

/* Clipboard */

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
      toast (self, _("The clipboard could not be read."));
      return;
    }
  open_files (self, g_value_get_boxed (value));
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
      toast (self, _("The clipboard holds no text to show."));
      return;
    }
  open_text_or_show_error (self, text);
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
    toast (self, _("Nothing to paste: copy a message’s headers first."));
}

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

/* Opening */

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

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  hl_window_open_example (HL_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HlWindow *self = HL_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Export */

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HlWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hl_export_write_finish (result, &error))
    {
      /* TRANSLATORS: %s says why, e.g. "Permission denied" */
      g_autofree char *text = g_strdup_printf (_("The report could not be saved: %s"), error->message);
      toast (self, text);
      return;
    }
  toast (self, _("Report saved"));
}

/**
 * hl_window_export:
 * @file: where to write
 * @format: in which format
 *
 * Writes the report of the message shown, atomically; says in a toast how it went.
 */
void
hl_window_export (HlWindow       *self,
                  GFile          *file,
                  HlReportFormat  format)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->route == NULL)
    return;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "export-format", hl_report_format_to_string (format));
  hl_export_write_async (self->route, format, file, NULL, on_export_written, g_object_ref (self));
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
            toast (self, _("The report was not saved: that is the message itself."));
          else
            hl_window_export (self, file, format);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HlWindow *self = HL_WINDOW (widget);
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

/* Hops */

static void
on_hop_list_row_selected (HlWindow      *self,
                          GtkListBoxRow *row)
{
  if (self->detail == NULL)
    return;   /* disposed */
  if (row == NULL || !HL_IS_HOP_ROW (row) || self->route == NULL)
    {
      hl_hop_detail_set_hop (self->detail, NULL, 0);
      return;
    }
  hl_hop_detail_set_hop (self->detail, hl_hop_row_get_hop (HL_HOP_ROW (row)),
                         hl_route_get_n_hops (self->route));
}

static void
on_hop_list_row_activated (HlWindow      *self,
                           GtkListBoxRow *row)
{
  if (gtk_list_box_get_selected_row (self->hop_list) != row)
    gtk_list_box_select_row (self->hop_list, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/**
 * hl_window_select_hop:
 * @index: 0 for the oldest hop
 *
 * Selects a hop as a click on its row does.
 */
void
hl_window_select_hop (HlWindow *self,
                      guint     index)
{
  GtkListBoxRow *row;

  g_return_if_fail (HL_IS_WINDOW (self));

  if (index < self->first_listed)
    return;
  row = gtk_list_box_get_row_at_index (self->hop_list, index - self->first_listed);
  if (row != NULL)
    on_hop_list_row_activated (self, row);
}

/* Adds the rows of the older hops a few at a time, newest first, each above the
 * others, so that the window keeps answering while they are built. */
static gboolean
add_older_hops (gpointer data)
{
  HlWindow *self = data;
  guint n_hops = hl_route_get_n_hops (self->route);

  for (guint i = 0; i < 20 && self->first_listed > 0; i++)
    {
      self->first_listed--;
      gtk_list_box_insert (self->hop_list,
                           hl_hop_row_new (hl_route_get_hop (self->route, self->first_listed), n_hops), 0);
    }
  if (self->first_listed > 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_set_visible (self->older_hops, FALSE);
  self->older_hops_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
on_older_hops_clicked (HlWindow *self)
{
  if (self->route == NULL || self->older_hops_idle != 0)
    return;
  gtk_label_set_text (self->older_hops_label, _("Listing the older hops…"));
  gtk_widget_set_sensitive (self->older_hops_button, FALSE);
  self->older_hops_idle = g_idle_add_full (G_PRIORITY_LOW, add_older_hops, self, NULL);
}

/* Recent messages */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (tb, ta);
}

static GtkWidget *
recent_row_new (GtkRecentInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (gtk_recent_info_get_display_name (info));
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), title);
  if (folder != NULL)
    {
      GtkWidget *subtitle = gtk_label_new (folder);

      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_START);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (box), subtitle);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "hl-uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_recent_info_get_display_name (info),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, folder,
                                  -1);
  return row;
}

static void
update_recent (HlWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GList *mine = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APP_NAME)
          && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        mine = g_list_prepend (mine, info);
    }
  mine = g_list_sort (mine, compare_recent);
  for (GList *l = mine; l != NULL && n < MAX_RECENT; l = l->next, n++)
    gtk_list_box_append (self->recent_list, recent_row_new (l->data));
  gtk_widget_set_visible (self->recent_box, n > 0);

  g_list_free (mine);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
on_recent_list_row_activated (HlWindow      *self,
                              GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "hl-uri");

  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      hl_window_open_file (self, file);
    }
}

/* GObject */

static gboolean
hl_window_close_request (GtkWindow *window)
{
  HlWindow *self = HL_WINDOW (window);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width, height;

      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          if (width >= 360 && height >= 294)
            {
              g_settings_set_int (self->settings, "window-width", width);
              g_settings_set_int (self->settings, "window-height", height);
            }
        }
      g_settings_apply (self->settings);
    }
  cancel_loading (self);

  return GTK_WINDOW_CLASS (hl_window_parent_class)->close_request (window);
}

static void
hl_window_dispose (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  cancel_loading (self);
  g_clear_handle_id (&self->back_button_idle, g_source_remove);
  g_clear_handle_id (&self->older_hops_idle, g_source_remove);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_WINDOW);
  g_clear_pointer (&self->route, hl_route_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hl_window_parent_class)->dispose (object);
}

static void
hl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HlWindow *self = HL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      g_value_set_boxed (value, self->route);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_window_class_init (HlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hl_window_dispose;
  object_class->get_property = hl_window_get_property;
  window_class->close_request = hl_window_close_request;

  properties[PROP_ROUTE] =
    g_param_spec_boxed ("route", NULL, NULL,
                        HL_TYPE_ROUTE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HL_TYPE_SUMMARY);
  g_type_ensure (HL_TYPE_HOP_DETAIL);
  g_type_ensure (HL_TYPE_LOCK);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hoplock/Hoplock/hl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, loading_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, older_hops);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, older_hops_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, older_hops_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, hop_list);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_hop_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_hop_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_older_hops_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_row_activated);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.paste-dialog", NULL, paste_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
}

static void
hl_window_init (HlWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->welcome_page, APP_ID);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType[3]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE, G_TYPE_STRING }, 3);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);

  set_page (self, "welcome");
}

/**
 * hl_window_new:
 * @settings: (nullable): where the window size is kept
 */
HlWindow *
hl_window_new (GtkApplication *application,
               GSettings      *settings)
{
  HlWindow *self = g_object_new (HL_TYPE_WINDOW,
                                 "application", application,
                                 NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  return self;
}

HlRoute *
hl_window_get_route (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->route;
}

/* The file the message shown was read from; NULL for pasted text and the example. */
GFile *
hl_window_get_file (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
hl_window_get_busy (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  return self->busy;
}

/* Whether the window shows nothing yet, so that a message can be opened in it. */
gboolean
hl_window_is_empty (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  return self->route == NULL && !self->busy;
}

/* "welcome", "loading", "error" or "route" */
const char *
hl_window_get_page (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}
