/* hl-hop-row.c: one hop in the journey list
 *
 * A lock whose shape tells the state, the hop's number and state in words, the
 * hosts from one end to the other, the time, and small chips for the protocol,
 * the TLS version, the cipher, the rating and the certificate check. Assistive
 * technologies read the row as one sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-hop-row.h"
#include "hl-wrapping.h"
#include "hl-lock.h"
#include "hl-wrap-box.h"

struct _HlHopRow
{
  GtkListBoxRow parent_instance;

  HlReceived *hop;
  guint n_hops;

  HlLock *lock;
  GtkLabel *title_label;
  GtkLabel *state_label;
  GtkLabel *delay_label;
  GtkLabel *hosts_label;
  GtkLabel *time_label;
  HlWrapBox *chips_box;
};

G_DEFINE_FINAL_TYPE (HlHopRow, hl_hop_row, GTK_TYPE_LIST_BOX_ROW)

/* A chip; @text may come from the header, so it is set as plain text. */
static void
add_chip (HlHopRow   *self,
          GString    *description,
          const char *text,
          const char *style,
          const char *tooltip)
{
  GtkWidget *label;
  g_autofree char *shown = NULL;

  if (text == NULL || *text == '\0')
    return;

  shown = hl_text_make_excerpt (text, strlen (text), 48);
  label = gtk_label_new (shown);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, "chip");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  hl_wrap_box_append (self->chips_box, label);

  if (description->len > 0)
    g_string_append (description, ", ");
  if (tooltip != NULL)
    g_string_append_printf (description, "%s %s", tooltip, shown);
  else
    g_string_append (description, shown);
}

static void
hl_hop_row_update (HlHopRow *self)
{
  HlReceived *hop = self->hop;
  HlProtection protection = hl_received_get_protection (hop);
  g_autofree char *title = NULL;
  g_autofree char *hosts = NULL;
  g_autofree char *time = NULL;
  g_autofree char *delay = NULL;
  g_autofree char *version = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  HlRating rating = hl_received_get_rating (hop);
  HlVerify verify = hl_received_get_tls_verify (hop);

  hl_lock_set_protection (self->lock, protection);

  /* TRANSLATORS: the title of a hop in the list, e.g. "Hop 2" */
  title = g_strdup_printf (_("Hop %u"), hl_received_get_index (hop));
  gtk_label_set_text (self->title_label, title);

  gtk_label_set_text (self->state_label, hl_protection_get_description (protection));
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), hl_protection_get_style_class (protection));

  /* TRANSLATORS: the two ends of a hop, "mx.a.example → relay.b.example" */
  hosts = g_strdup_printf (_("%s → %s"), hl_received_get_from_label (hop), hl_received_get_by_label (hop));
  gtk_label_set_text (self->hosts_label, hosts);

  time = hl_received_dup_time_label (hop);
  gtk_label_set_text (self->time_label, time != NULL ? time : _("No date recorded"));

  delay = hl_received_dup_delay_label (hop);
  gtk_widget_set_visible (GTK_WIDGET (self->delay_label), delay != NULL);
  gtk_label_set_text (self->delay_label, delay != NULL ? delay : "");
  if (delay != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->delay_label), _("Time since the hop before"));

  add_chip (self, description, hl_hop_kind_get_label (hl_received_get_kind (hop)), "dim", NULL);
  add_chip (self, description, hl_received_get_with (hop), NULL, _("Protocol"));
  version = hl_received_dup_version_label (hop);
  add_chip (self, description, version, NULL, _("TLS version"));
  add_chip (self, description, hl_received_get_tls_cipher (hop), "mono", _("Cipher"));
  if (rating != HL_RATING_NONE)
    add_chip (self, description, hl_rating_get_label (rating), hl_rating_get_style_class (rating), _("Rated"));
  add_chip (self, description, hl_verify_get_label (verify), hl_verify_get_style_class (verify), NULL);
  if (hl_received_get_authenticated (hop))
    add_chip (self, description, _("Authenticated"), "accent", NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box),
                          hl_wrap_box_get_n_children (self->chips_box) > 0);

  accessible = hl_received_dup_accessible_label (hop, self->n_hops);
  if (time != NULL)
    g_string_append_printf (description, ", %s", time);
  if (delay != NULL)
    g_string_append_printf (description, ", %s", delay);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
hl_hop_row_dispose (GObject *object)
{
  HlHopRow *self = HL_HOP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_HOP_ROW);
  g_clear_pointer (&self->hop, hl_received_unref);

  G_OBJECT_CLASS (hl_hop_row_parent_class)->dispose (object);
}

static void
hl_hop_row_class_init (HlHopRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_hop_row_dispose;

  g_type_ensure (HL_TYPE_LOCK);
  g_type_ensure (HL_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hoplock/Hoplock/hl-hop-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HlHopRow, lock);
  gtk_widget_class_bind_template_child (widget_class, HlHopRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopRow, delay_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopRow, hosts_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopRow, chips_box);
}

static void
hl_hop_row_init (HlHopRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hl_label_fix_wrapping (GTK_WIDGET (self));
}

/**
 * hl_hop_row_new:
 * @hop: the hop
 * @n_hops: how many hops the message has, for "Hop 2 of 5"
 */
GtkWidget *
hl_hop_row_new (HlReceived *hop,
                guint       n_hops)
{
  HlHopRow *self;

  g_return_val_if_fail (hop != NULL, NULL);

  self = g_object_new (HL_TYPE_HOP_ROW, NULL);
  self->hop = hl_received_ref (hop);
  self->n_hops = n_hops;
  hl_hop_row_update (self);
  return GTK_WIDGET (self);
}

HlReceived *
hl_hop_row_get_hop (HlHopRow *self)
{
  g_return_val_if_fail (HL_IS_HOP_ROW (self), NULL);
  return self->hop;
}
