/* hl-application.c: the Hoplock desktop application
 *
 * One instance; files given on the command line, by "Open With" or by another
 * launch arrive in open(). A window that shows nothing yet is reused, otherwise
 * each message gets a window of its own.
 *
 * HOPLOCK_REPORT_STARTUP=1 prints, on standard error, when GTK and
 * libadwaita were ready, when the first window was made, when a message was
 * shown (read, parsed, its widgets built), when the first frame was painted
 * and when the first frame showing a message was; with
 * HOPLOCK_REPORT_STARTUP=quit the app then quits (tests/bench/bench-startup).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-application.h"
#include "hl-window.h"

#define SCHEMA_ID "io.github.hoplock.Hoplock"

struct _HlApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gint64 started;             /* monotonic µs, when the object was made */
  gboolean report_startup;
  gboolean quit_after_report;
  gboolean reported_frame;
  gboolean reported_route;
};

G_DEFINE_FINAL_TYPE (HlApplication, hl_application, ADW_TYPE_APPLICATION)

/* The installed schema, or wherever GSETTINGS_SCHEMA_DIR points (an
 * uninstalled build is run with it set to its data folder: `meson devenv`,
 * `make run`, the tests); without one the window size is simply not kept. */
static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed; the window size is not kept", SCHEMA_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* Startup report */

static void
report (HlApplication *self,
        const char    *what)
{
  gint64 now = g_get_monotonic_time ();

  g_printerr ("hoplock-startup: %s %.1f ms monotonic-us=%" G_GINT64_FORMAT "\n",
              what, (now - self->started) / 1000.0, now);
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  HlApplication *self = HL_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (self == NULL)
    return;
  if (!self->reported_frame)
    {
      self->reported_frame = TRUE;
      report (self, "first-frame");
    }
  if (!self->reported_route && hl_window_get_route (HL_WINDOW (window)) != NULL)
    {
      self->reported_route = TRUE;
      report (self, "first-message-frame");
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
      if (self->quit_after_report)
        g_application_quit (G_APPLICATION (self));
    }
}

static void
on_window_route (GtkWidget  *window,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  HlApplication *self = HL_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (self != NULL && !self->reported_route && hl_window_get_route (HL_WINDOW (window)) != NULL)
    report (self, "message-shown");
}

static void
on_window_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

/* Windows */

static HlWindow *
new_window (HlApplication *self)
{
  HlWindow *window = hl_window_new (GTK_APPLICATION (self), self->settings);

  if (self->report_startup)
    {
      report (self, "window-created");
      g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
      g_signal_connect (window, "notify::route", G_CALLBACK (on_window_route), NULL);
    }
  return window;
}

static HlWindow *
get_empty_window (HlApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (HL_IS_WINDOW (active) && hl_window_is_empty (HL_WINDOW (active)))
    return HL_WINDOW (active);
  return new_window (self);
}

static void
hl_application_activate (GApplication *app)
{
  HlApplication *self = HL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));
  gtk_window_present (window);
}

static void
hl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  HlApplication *self = HL_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      HlWindow *window = get_empty_window (self);

      hl_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));

  /* Close the windows first, so that each keeps its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (app));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *about;
  const char *developers[] = { "The Hoplock developers", NULL };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Hoplock"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Hoplock developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Hoplock reads the Received lines of an email and tells, hop by hop, whether each connection on its way was encrypted, how well, and what that means."),
                        "website", "https://github.com/hoplock/hoplock",
                        "issue-url", "https://github.com/hoplock/hoplock/issues",
                        "copyright", _("© 2025 The Hoplock developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* TRANSLATORS: your names, one a line, to be credited in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
};

static void
hl_application_startup (GApplication *app)
{
  HlApplication *self = HL_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (hl_application_parent_class)->startup (app);
  if (self->report_startup)
    report (self, "toolkit-ready");

  self->settings = load_settings ();
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.open", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.paste", (const char *[]) { "<Control>v", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.paste-dialog", (const char *[]) { "<Control><Shift>v", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.export", (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.back", (const char *[]) { "<Alt>Left", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay", (const char *[]) { "<Control>question", NULL });
}

static int
hl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hoplock %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
hl_application_dispose (GObject *object)
{
  HlApplication *self = HL_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hl_application_parent_class)->dispose (object);
}

static void
hl_application_class_init (HlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hl_application_dispose;
  app_class->activate = hl_application_activate;
  app_class->open = hl_application_open;
  app_class->startup = hl_application_startup;
  app_class->handle_local_options = hl_application_handle_local_options;
}

static void
hl_application_init (HlApplication *self)
{
  const char *report_env = g_getenv ("HOPLOCK_REPORT_STARTUP");

  self->started = g_get_monotonic_time ();
  self->report_startup = report_env != NULL && *report_env != '\0' && g_strcmp0 (report_env, "0") != 0;
  self->quit_after_report = g_strcmp0 (report_env, "quit") == 0;

  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Print the version and exit"), NULL);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[MESSAGE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Shows, hop by hop, whether an email travelled encrypted."));
}

/**
 * hl_application_new:
 * @extra_flags: flags on top of %G_APPLICATION_HANDLES_OPEN (tests add
 *   %G_APPLICATION_NON_UNIQUE)
 */
HlApplication *
hl_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (HL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/io/github/hoplock/Hoplock",
                       NULL);
}

/* (nullable): the settings, if the schema is there */
GSettings *
hl_application_get_settings (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->settings;
}
