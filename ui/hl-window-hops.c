/* hl-window-hops.c: the window's list of hops
 *
 * The hops of the route shown are a GListModel (a GListStore of HlHopItem,
 * oldest first) bound to the journey's GtkListBox. A row takes milliseconds to
 * build, so a route longer than mail servers let a message travel (a loop, or
 * padding) starts with its newest hops; the older ones join the top of the list
 * on request, a few at a time, while the selection stays where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-hop-item.h"
#include "hl-hop-row.h"
#include "hl-window-private.h"

#define OLDER_HOPS_STEP 20   /* rows added to the list in one idle step */

/* The index of the oldest hop listed, 0 for hop 1 */
static guint
first_listed (HlWindow *self)
{
  if (self->route == NULL)
    return 0;
  return hl_route_get_n_hops (self->route) - g_list_model_get_n_items (G_LIST_MODEL (self->hops));
}

static GtkWidget *
create_hop_row (gpointer item,
                gpointer user_data)
{
  HlHopItem *hop = HL_HOP_ITEM (item);

  return hl_hop_row_new (hl_hop_item_get_hop (hop), hl_hop_item_get_n_hops (hop));
}

/* Items for hops @first to @last - 1 of @route, as an array to splice in */
static GPtrArray *
new_items (HlRoute *route,
           guint    first,
           guint    last)
{
  guint n_hops = hl_route_get_n_hops (route);
  GPtrArray *items = g_ptr_array_new_full (last - first, g_object_unref);

  for (guint i = first; i < last; i++)
    g_ptr_array_add (items, hl_hop_item_new (hl_route_get_hop (route, i), n_hops));
  return items;
}

/* Lists the hops of @route, which the window now shows, and selects the one
 * to start with. */
void
_hl_window_hops_show (HlWindow *self,
                      HlRoute  *route)
{
  guint n_hops = hl_route_get_n_hops (route);
  guint first = 0;
  guint initial;
  g_autoptr(GPtrArray) items = NULL;

  g_clear_handle_id (&self->older_hops_idle, g_source_remove);
  gtk_widget_set_visible (self->older_hops, FALSE);
  hl_hop_detail_set_hop (self->detail, NULL, 0);

  if (n_hops > HL_REPORT_MAX_EXPLAINED_HOPS)
    {
      g_autofree char *text = NULL;

      first = n_hops - HL_REPORT_MAX_EXPLAINED_HOPS;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "This message lists %u hops, more than mail servers let a "
                                           "message pass: a mail loop, or fields added to mislead. "
                                           "The %u newest are listed; %u older hop is not.",
                                           "This message lists %u hops, more than mail servers let a "
                                           "message pass: a mail loop, or fields added to mislead. "
                                           "The %u newest are listed; %u older hops are not.",
                                           first),
                              n_hops, (guint) HL_REPORT_MAX_EXPLAINED_HOPS, first);
      gtk_label_set_text (self->older_hops_label, text);
      gtk_widget_set_sensitive (self->older_hops_button, TRUE);
      gtk_widget_set_visible (self->older_hops, TRUE);
    }
  items = new_items (route, first, n_hops);
  g_list_store_splice (self->hops, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hops)),
                       items->pdata, items->len);

  /* Start with the weakest hop: that is where the lesson is. */
  initial = hl_route_get_weakest_hop (route);
  if (initial <= first || initial > n_hops)
    initial = first + 1;
  gtk_list_box_select_row (self->hop_list,
                           gtk_list_box_get_row_at_index (self->hop_list, initial - 1 - first));
}

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
  guint first;

  g_return_if_fail (HL_IS_WINDOW (self));

  first = first_listed (self);
  if (index < first)
    return;
  row = gtk_list_box_get_row_at_index (self->hop_list, index - first);
  if (row != NULL)
    on_hop_list_row_activated (self, row);
}

/* Adds the older hops a few at a time, each step above the others, so that the
 * window keeps answering while their rows are built. */
static gboolean
add_older_hops (gpointer data)
{
  HlWindow *self = data;
  guint first = first_listed (self);
  guint from = first > OLDER_HOPS_STEP ? first - OLDER_HOPS_STEP : 0;
  g_autoptr(GPtrArray) items = new_items (self->route, from, first);

  g_list_store_splice (self->hops, 0, 0, items->pdata, items->len);
  if (from > 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_set_visible (self->older_hops, FALSE);
  self->older_hops_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
on_older_hops_clicked (HlWindow *self)
{
  if (self->route == NULL || self->older_hops_idle != 0 || first_listed (self) == 0)
    return;
  gtk_label_set_text (self->older_hops_label, _("Listing the older hops…"));
  gtk_widget_set_sensitive (self->older_hops_button, FALSE);
  self->older_hops_idle = g_idle_add_full (G_PRIORITY_LOW, add_older_hops, self, NULL);
}

void
_hl_window_class_hops_init (HlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_hop_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_hop_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_older_hops_clicked);
}

void
_hl_window_hops_init (HlWindow *self)
{
  self->hops = g_list_store_new (HL_TYPE_HOP_ITEM);
  gtk_list_box_bind_model (self->hop_list, G_LIST_MODEL (self->hops), create_hop_row, NULL, NULL);
}

void
_hl_window_hops_dispose (HlWindow *self)
{
  g_clear_handle_id (&self->older_hops_idle, g_source_remove);
  if (self->hop_list != NULL)
    gtk_list_box_bind_model (self->hop_list, NULL, NULL, NULL, NULL);
}
