/* hl-lock.c: the lock that stands for the state of a hop or a message
 *
 * The shapes are symbolic icons in the resource bundle
 * (icons/scalable/actions/hoplock-lock-*-symbolic.svg); style.css colours them
 * by the class named after the shape. The widget is an image to assistive
 * technologies, named after the state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-lock.h"

struct _HlLock
{
  GtkWidget parent_instance;

  GtkWidget *image;
  HlLockShape shape;
};

enum {
  PROP_0,
  PROP_SHAPE,
  PROP_PIXEL_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlLock, hl_lock, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (HlLockShape, hl_lock_shape,
                    G_DEFINE_ENUM_VALUE (HL_LOCK_VERIFIED, "verified"),
                    G_DEFINE_ENUM_VALUE (HL_LOCK_ENCRYPTED, "encrypted"),
                    G_DEFINE_ENUM_VALUE (HL_LOCK_UNENCRYPTED, "unencrypted"),
                    G_DEFINE_ENUM_VALUE (HL_LOCK_LOCAL, "local"),
                    G_DEFINE_ENUM_VALUE (HL_LOCK_UNKNOWN, "unknown"))

static const struct
{
  const char *icon_name;
  const char *css_class;
  const char *label;   /* lower case, inside a sentence */
} shapes[] = {
  [HL_LOCK_VERIFIED] = { "hoplock-lock-verified-symbolic", "verified",
                         N_("encrypted, certificate verified") },
  [HL_LOCK_ENCRYPTED] = { "hoplock-lock-encrypted-symbolic", "encrypted",
                          N_("encrypted") },
  [HL_LOCK_UNENCRYPTED] = { "hoplock-lock-open-symbolic", "unencrypted",
                            N_("not encrypted") },
  [HL_LOCK_LOCAL] = { "hoplock-lock-local-symbolic", "local",
                      N_("local, never left the machine") },
  [HL_LOCK_UNKNOWN] = { "hoplock-lock-unknown-symbolic", "unknown",
                        N_("encryption not recorded") },
};

/* The library decides what a lock shows; the shapes follow its order. */
G_STATIC_ASSERT ((int) HL_LOCK_VERIFIED == (int) HL_PROTECTION_VERIFIED);
G_STATIC_ASSERT ((int) HL_LOCK_ENCRYPTED == (int) HL_PROTECTION_ENCRYPTED);
G_STATIC_ASSERT ((int) HL_LOCK_UNENCRYPTED == (int) HL_PROTECTION_UNENCRYPTED);
G_STATIC_ASSERT ((int) HL_LOCK_LOCAL == (int) HL_PROTECTION_LOCAL);
G_STATIC_ASSERT ((int) HL_LOCK_UNKNOWN == (int) HL_PROTECTION_UNKNOWN);

HlLockShape
hl_lock_shape_for_hop (HlReceived *hop)
{
  return (HlLockShape) hl_received_get_protection (hop);
}

HlLockShape
hl_lock_shape_for_route (HlRoute *route)
{
  return (HlLockShape) hl_route_get_protection (route);
}

const char *
hl_lock_shape_icon_name (HlLockShape shape)
{
  g_return_val_if_fail (shape <= HL_LOCK_UNKNOWN, NULL);
  return shapes[shape].icon_name;
}

const char *
hl_lock_shape_css_class (HlLockShape shape)
{
  g_return_val_if_fail (shape <= HL_LOCK_UNKNOWN, NULL);
  return shapes[shape].css_class;
}

const char *
hl_lock_shape_label (HlLockShape shape)
{
  g_return_val_if_fail (shape <= HL_LOCK_UNKNOWN, NULL);
  return _(shapes[shape].label);
}

/* On its own, as a heading: the library's words, as in the reports */
const char *
hl_lock_shape_title (HlLockShape shape)
{
  g_return_val_if_fail (shape <= HL_LOCK_UNKNOWN, NULL);
  return hl_protection_get_label ((HlProtection) shape);
}

static void
hl_lock_update (HlLock *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), shapes[i].css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), shapes[self->shape].css_class);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->image), shapes[self->shape].icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hl_lock_shape_label (self->shape),
                                  -1);
}

static void
hl_lock_dispose (GObject *object)
{
  HlLock *self = HL_LOCK (object);

  g_clear_pointer (&self->image, gtk_widget_unparent);

  G_OBJECT_CLASS (hl_lock_parent_class)->dispose (object);
}

static void
hl_lock_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HlLock *self = HL_LOCK (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      g_value_set_enum (value, self->shape);
      break;
    case PROP_PIXEL_SIZE:
      g_value_set_int (value, hl_lock_get_pixel_size (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_lock_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  HlLock *self = HL_LOCK (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      hl_lock_set_shape (self, g_value_get_enum (value));
      break;
    case PROP_PIXEL_SIZE:
      hl_lock_set_pixel_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_lock_class_init (HlLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_lock_dispose;
  object_class->get_property = hl_lock_get_property;
  object_class->set_property = hl_lock_set_property;

  properties[PROP_SHAPE] =
    g_param_spec_enum ("shape", NULL, NULL,
                       HL_TYPE_LOCK_SHAPE, HL_LOCK_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIXEL_SIZE] =
    g_param_spec_int ("pixel-size", NULL, NULL,
                      -1, 1024, 16,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hl_lock_init (HlLock *self)
{
  self->shape = HL_LOCK_UNKNOWN;
  self->image = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->image), 16);
  /* The lock itself carries the name; the image inside is decoration. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->image),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->image, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "hl-lock");
  hl_lock_update (self);
}

GtkWidget *
hl_lock_new (HlLockShape shape)
{
  return g_object_new (HL_TYPE_LOCK, "shape", shape, NULL);
}

HlLockShape
hl_lock_get_shape (HlLock *self)
{
  g_return_val_if_fail (HL_IS_LOCK (self), HL_LOCK_UNKNOWN);
  return self->shape;
}

void
hl_lock_set_shape (HlLock      *self,
                   HlLockShape  shape)
{
  g_return_if_fail (HL_IS_LOCK (self));
  g_return_if_fail (shape <= HL_LOCK_UNKNOWN);

  if (self->shape == shape)
    return;
  self->shape = shape;
  hl_lock_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHAPE]);
}

int
hl_lock_get_pixel_size (HlLock *self)
{
  g_return_val_if_fail (HL_IS_LOCK (self), -1);
  return gtk_image_get_pixel_size (GTK_IMAGE (self->image));
}

void
hl_lock_set_pixel_size (HlLock *self,
                        int     pixel_size)
{
  g_return_if_fail (HL_IS_LOCK (self));

  if (hl_lock_get_pixel_size (self) == pixel_size)
    return;
  gtk_image_set_pixel_size (GTK_IMAGE (self->image), pixel_size);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXEL_SIZE]);
}
