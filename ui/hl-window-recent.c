/* hl-window-recent.c: the messages opened before, on the first-run page
 *
 * GTK's recent files, those this app added (by its name), local and still
 * there, newest first; a row opens its file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-window-private.h"

#define MAX_RECENT 5
#define RECENT_APP_NAME "Hoplock"   /* how recent files know it was us; not translated */

void
_hl_window_add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "message/rfc822",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "hoplock %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

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

void
_hl_window_class_recent_init (HlWindowClass *klass)
{
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), on_recent_list_row_activated);
}

void
_hl_window_recent_init (HlWindow *self)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

void
_hl_window_recent_dispose (HlWindow *self)
{
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
}
