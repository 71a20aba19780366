/* hl-window-open.c: what the window opens
 *
 * Files are read by the library in a worker thread (a message may carry 30 MB
 * of attachments) and never written; the window shows a spinner only if that
 * takes long enough to notice. The built-in example comes from the
 * resources, pasted text is read by hl_route_new_from_text().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-window-private.h"

#define EXAMPLE_RESOURCE "/io/github/hoplock/Hoplock/example.eml"
#define LOADING_DELAY_MS 200

typedef struct
{
  HlWindow *self;
  GFile *file;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->file);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static char *
display_name_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_strdup (_("Unnamed file"));
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  HlWindow *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;
  g_autofree char *name = NULL;

  route = hl_route_new_from_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _hl_window_set_busy (self, FALSE);
  name = display_name_for_file (load->file);
  if (route == NULL || hl_route_get_n_hops (route) == 0)
    {
      /* An error page is about this file; a toast over a message leaves its title. */
      if (self->route == NULL)
        _hl_window_set_titles (self, name);
      if (route == NULL)
        _hl_window_show_gerror (self, error, name);
      else
        _hl_window_show_no_hops (self, name);
    }
  else
    {
      _hl_window_show_route (self, route, load->file, name);
      _hl_window_add_to_recent (load->file);
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
      _hl_window_set_page (self, "loading");
    }
  return G_SOURCE_REMOVE;
}

void
_hl_window_cancel_loading (HlWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _hl_window_set_busy (self, FALSE);
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
  Load *load;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _hl_window_cancel_loading (self);
  self->cancellable = g_cancellable_new ();
  _hl_window_set_busy (self, TRUE);
  /* A spinner only if it takes long enough to notice, so that nothing flickers;
   * until then an empty window shows an empty page, not the first-run one. */
  gtk_widget_set_visible (self->loading_box, FALSE);
  if (self->route == NULL)
    _hl_window_set_page (self, "loading");
  self->loading_timeout = g_timeout_add (LOADING_DELAY_MS, on_loading_timeout, self);

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  hl_route_new_from_file_async (file, self->cancellable, on_file_loaded, load);
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

  _hl_window_cancel_loading (self);
  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      _hl_window_show_gerror (self, error, NULL);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  route = hl_route_new_from_data (data, size, "example.eml", &error);
  if (route == NULL)
    _hl_window_show_gerror (self, error, NULL);
  else if (hl_route_get_n_hops (route) == 0)
    _hl_window_show_no_hops (self, NULL);
  else
    _hl_window_show_route (self, route, NULL, _("The built-in example"));
}

/**
 * hl_window_open_text:
 * @text: a message, its header, or a single Received field's value, as pasted
 *
 * Shows the journey of pasted text.
 *
 * Returns: %TRUE if it was shown, %FALSE with @error set if it has no route
 *   (%HL_PARSE_ERROR_NO_RECEIVED if it has no Received field)
 */
gboolean
hl_window_open_text (HlWindow    *self,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(HlRoute) route = NULL;

  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  route = hl_route_new_from_text (text, -1, _("Pasted headers"), error);
  if (route == NULL)
    return FALSE;
  _hl_window_cancel_loading (self);
  _hl_window_show_route (self, route, NULL, _("Pasted headers"));
  return TRUE;
}

void
_hl_window_open_text_or_show_error (HlWindow   *self,
                                    const char *text)
{
  g_autoptr(GError) error = NULL;

  if (hl_window_open_text (self, text, &error))
    return;
  if (g_error_matches (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NO_RECEIVED))
    _hl_window_show_no_hops (self, NULL);
  else
    _hl_window_show_gerror (self, error, NULL);
}

/* Opens the first file here and any others in windows of their own. */
void
_hl_window_open_files (HlWindow *self,
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
