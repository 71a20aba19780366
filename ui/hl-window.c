/* hl-window.c: a window showing one message's journey
 *
 * A stack of pages: the first-run page (open, paste, try the example, recent
 * messages), a spinner while a large file is read, an error page, and the
 * journey itself: an AdwLeaflet with the verdict and the list of hops on one
 * side and the lesson of the selected hop on the other, folding into one column
 * on a narrow screen.
 *
 * This file holds the class, its template, its state and pages. Messages come
 * from the file chooser, the command line ("Open With" included), drag and
 * drop, the clipboard and the paste dialog (hl-window-open.c and the files it
 * names); they all end in _hl_window_show_route() or _hl_window_show_gerror().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-lock.h"
#include "hl-window-private.h"

enum {
  PROP_0,
  PROP_ROUTE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

void
_hl_window_set_titles (HlWindow   *self,
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

void
_hl_window_set_busy (HlWindow *self,
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

void
_hl_window_set_page (HlWindow   *self,
                     const char *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->route != NULL && g_strcmp0 (name, "route") == 0);
  update_back_button (self);
}

void
_hl_window_toast (HlWindow   *self,
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

      _hl_window_set_page (self, "route");
      _hl_window_toast (self, text);
      return;
    }

  {
    /* The description is markup; it may quote a file name. */
    g_autofree char *escaped = g_markup_escape_text (description, -1);

    adw_status_page_set_title (self->error_page, title);
    adw_status_page_set_description (self->error_page, escaped);
  }
  _hl_window_set_page (self, "error");
}

/* @name: (nullable): the file's display name, %NULL for pasted text */
void
_hl_window_show_gerror (HlWindow     *self,
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
        case HL_PARSE_ERROR_NO_RECEIVED:
          _hl_window_show_no_hops (self, name);
          return;
        case HL_PARSE_ERROR_READ:
        default:
          break;
        }
    }
  show_error (self, _("Could Not Read the File"), error->message);
}

void
_hl_window_show_no_hops (HlWindow   *self,
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

/* @file: (nullable): where @route was read from
 * @name: what the window's subtitle calls it */
void
_hl_window_show_route (HlWindow   *self,
                       HlRoute    *route,
                       GFile      *file,
                       const char *name)
{
  g_return_if_fail (hl_route_get_n_hops (route) > 0);

  g_clear_pointer (&self->route, hl_route_unref);
  self->route = hl_route_ref (route);
  g_set_object (&self->file, file);

  hl_summary_set_route (self->summary, route);
  _hl_window_hops_show (self, route);

  _hl_window_set_titles (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  _hl_window_set_page (self, "route");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTE]);
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
  _hl_window_cancel_loading (self);

  return GTK_WINDOW_CLASS (hl_window_parent_class)->close_request (window);
}

static void
hl_window_dispose (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  _hl_window_cancel_loading (self);
  g_clear_handle_id (&self->back_button_idle, g_source_remove);
  g_clear_object (&self->export_toast);
  _hl_window_hops_dispose (self);
  _hl_window_recent_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_WINDOW);
  g_clear_object (&self->hops);
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

  _hl_window_class_hops_init (klass);
  _hl_window_class_recent_init (klass);
  _hl_window_class_actions_init (klass);
}

static void
hl_window_init (HlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->welcome_page, APP_ID);

  _hl_window_hops_init (self);
  _hl_window_dnd_init (self);
  _hl_window_recent_init (self);

  _hl_window_set_page (self, "welcome");
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
