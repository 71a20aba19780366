/* hl-summary.c: the verdict on a whole message
 *
 * A large lock for the message as a whole, the verdict and the library's
 * sentence, how many hops were in each state, the time in transit, the weakest
 * hop, and what the message says about itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-wrapping.h"
#include "hl-lock.h"
#include "hl-summary.h"
#include "hl-wrap-box.h"

struct _HlSummary
{
  GtkWidget parent_instance;

  HlRoute *route;

  HlLock *lock;
  GtkLabel *verdict_label;
  GtkLabel *sentence_label;
  HlWrapBox *counts_box;
  GtkWidget *facts_grid;
  GtkWidget *transit_caption;
  GtkLabel *transit_label;
  GtkWidget *weakest_caption;
  GtkLabel *weakest_label;
  GtkWidget *subject_caption;
  GtkLabel *subject_label;
  GtkWidget *from_caption;
  GtkLabel *from_label;
  GtkBox *warnings_box;
};

enum {
  PROP_0,
  PROP_ROUTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlSummary, hl_summary, GTK_TYPE_WIDGET)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
add_count (HlSummary    *self,
           HlProtection  protection,
           const char   *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *lock = hl_lock_new (protection);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "chip");
  gtk_widget_add_css_class (box, "count");
  gtk_accessible_update_state (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), lock);
  gtk_box_append (GTK_BOX (box), label);
  hl_wrap_box_append (self->counts_box, box);
}

static void
show_fact (GtkWidget  *caption,
           GtkLabel   *label,
           const char *text)
{
  gtk_widget_set_visible (caption, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
hl_summary_update (HlSummary *self)
{
  HlRoute *route = self->route;
  g_autofree char *transit = NULL;
  g_autofree char *weakest = NULL;
  g_autofree char *sentence = NULL;
  const HlWarning *warnings;
  guint n_warnings = 0, n;
  gint64 seconds;

  hl_wrap_box_remove_all (self->counts_box);
  clear_box (self->warnings_box);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_box), FALSE);

  if (route == NULL)
    {
      hl_lock_set_protection (self->lock, HL_PROTECTION_UNKNOWN);
      gtk_label_set_text (self->verdict_label, "");
      gtk_label_set_text (self->sentence_label, "");
      show_fact (self->transit_caption, self->transit_label, NULL);
      show_fact (self->weakest_caption, self->weakest_label, NULL);
      show_fact (self->subject_caption, self->subject_label, NULL);
      show_fact (self->from_caption, self->from_label, NULL);
      return;
    }

  hl_lock_set_protection (self->lock, hl_route_get_protection (route));
  gtk_label_set_text (self->verdict_label, hl_verdict_get_label (hl_route_get_verdict (route)));
  sentence = hl_route_dup_sentence (route);
  gtk_label_set_text (self->sentence_label, sentence);

  if ((n = hl_route_count (route, HL_TLS_STATE_ENCRYPTED)) > 0)
    {
      g_autofree char *s = g_strdup_printf (ngettext ("%u encrypted", "%u encrypted", n), n);
      add_count (self, HL_PROTECTION_ENCRYPTED, s);
    }
  if ((n = hl_route_count (route, HL_TLS_STATE_UNENCRYPTED)) > 0)
    {
      g_autofree char *s = g_strdup_printf (ngettext ("%u not encrypted", "%u not encrypted", n), n);
      add_count (self, HL_PROTECTION_UNENCRYPTED, s);
    }
  if ((n = hl_route_count (route, HL_TLS_STATE_UNKNOWN)) > 0)
    {
      g_autofree char *s = g_strdup_printf (ngettext ("%u not recorded", "%u not recorded", n), n);
      add_count (self, HL_PROTECTION_UNKNOWN, s);
    }
  if ((n = hl_route_count (route, HL_TLS_STATE_LOCAL)) > 0)
    {
      g_autofree char *s = g_strdup_printf (ngettext ("%u local", "%u local", n), n);
      add_count (self, HL_PROTECTION_LOCAL, s);
    }

  if (hl_route_get_transit (route, &seconds))
    transit = hl_format_duration (seconds);
  show_fact (self->transit_caption, self->transit_label, transit);

  if ((n = hl_route_get_weakest_hop (route)) > 0 && n <= hl_route_get_n_hops (route))
    {
      HlReceived *hop = hl_route_get_hop (route, n - 1);
      const char *rating = hl_rating_get_label (hl_received_get_rating (hop));
      const char *state = hl_protection_get_description (hl_received_get_protection (hop));

      if (rating != NULL)
        /* TRANSLATORS: "Hop 1, a.example → b.example: encrypted, rated Weak" */
        weakest = g_strdup_printf (_("Hop %u, %s → %s: %s, rated %s"), n,
                                   hl_received_get_from_label (hop), hl_received_get_by_label (hop),
                                   state, rating);
      else
        /* TRANSLATORS: "Hop 2, a.example → b.example: not encrypted" */
        weakest = g_strdup_printf (_("Hop %u, %s → %s: %s"), n,
                                   hl_received_get_from_label (hop), hl_received_get_by_label (hop), state);
    }
  show_fact (self->weakest_caption, self->weakest_label, weakest);

  show_fact (self->subject_caption, self->subject_label, hl_route_get_subject (route));
  show_fact (self->from_caption, self->from_label, hl_route_get_from (route));

  warnings = hl_route_get_warnings (route, &n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (warnings[i].message);

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      hl_label_set_wrapping (GTK_LABEL (label));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->warnings_box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_box), n_warnings > 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hl_verdict_get_label (hl_route_get_verdict (route)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  sentence,
                                  -1);
}

static void
hl_summary_dispose (GObject *object)
{
  HlSummary *self = HL_SUMMARY (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_SUMMARY);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->route, hl_route_unref);

  G_OBJECT_CLASS (hl_summary_parent_class)->dispose (object);
}

static void
hl_summary_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HlSummary *self = HL_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      g_value_set_boxed (value, self->route);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_summary_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HlSummary *self = HL_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      hl_summary_set_route (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_summary_class_init (HlSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_summary_dispose;
  object_class->get_property = hl_summary_get_property;
  object_class->set_property = hl_summary_set_property;

  properties[PROP_ROUTE] =
    g_param_spec_boxed ("route", NULL, NULL,
                        HL_TYPE_ROUTE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HL_TYPE_LOCK);
  g_type_ensure (HL_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hoplock/Hoplock/hl-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, HlSummary, lock);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, counts_box);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, transit_caption);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, transit_label);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, weakest_caption);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, weakest_label);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, subject_caption);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, subject_label);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, from_caption);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, from_label);
  gtk_widget_class_bind_template_child (widget_class, HlSummary, warnings_box);
  gtk_widget_class_set_css_name (widget_class, "summary");
}

static void
hl_summary_init (HlSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hl_label_fix_wrapping (GTK_WIDGET (self));
  hl_summary_update (self);
}

GtkWidget *
hl_summary_new (void)
{
  return g_object_new (HL_TYPE_SUMMARY, NULL);
}

HlRoute *
hl_summary_get_route (HlSummary *self)
{
  g_return_val_if_fail (HL_IS_SUMMARY (self), NULL);
  return self->route;
}

void
hl_summary_set_route (HlSummary *self,
                      HlRoute   *route)
{
  g_return_if_fail (HL_IS_SUMMARY (self));

  if (self->route == route)
    return;
  g_clear_pointer (&self->route, hl_route_unref);
  if (route != NULL)
    self->route = hl_route_ref (route);
  hl_summary_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTE]);
}
