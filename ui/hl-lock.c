/* hl-lock.c: the lock that stands for the protection of a hop or a message
 *
 * The app draws its locks from the library's description (explain/hl-lock-shape.h),
 * the same drawings as the HTML and PDF reports: an HlLockPaintable replays the
 * path data like a symbolic icon, in the colour style.css gives the class named
 * after the protection. The widget is an image to assistive technologies, named
 * with hl_protection_get_description().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-lock.h"

/* ---------------------------------------------------------------------------
 * HlLockPaintable
 * ------------------------------------------------------------------------- */

struct _HlLockPaintable
{
  GObject parent_instance;

  HlProtection protection;
};

static void hl_lock_paintable_paintable_init (GdkPaintableInterface *iface);
static void hl_lock_paintable_symbolic_init  (GtkSymbolicPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HlLockPaintable, hl_lock_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      hl_lock_paintable_paintable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SYMBOLIC_PAINTABLE,
                                                      hl_lock_paintable_symbolic_init))

static void
path_to_cairo (HlPathOp      op,
               const double *p,
               gpointer      user_data)
{
  cairo_t *cr = user_data;

  switch (op)
    {
    case HL_PATH_MOVE_TO: cairo_move_to (cr, p[0], p[1]); break;
    case HL_PATH_LINE_TO: cairo_line_to (cr, p[0], p[1]); break;
    case HL_PATH_CURVE_TO: cairo_curve_to (cr, p[0], p[1], p[2], p[3], p[4], p[5]); break;
    case HL_PATH_CLOSE: cairo_close_path (cr); break;
    default: break;
    }
}

static void
hl_lock_paintable_snapshot_symbolic (GtkSymbolicPaintable *paintable,
                                     GdkSnapshot          *snapshot,
                                     double                width,
                                     double                height,
                                     const GdkRGBA        *colors,
                                     gsize                 n_colors)
{
  HlLockPaintable *self = HL_LOCK_PAINTABLE (paintable);
  const HlLockShape *shape = hl_protection_get_lock_shape (self->protection);
  double size = MIN (width, height);
  cairo_t *cr;

  if (size <= 0 || n_colors == 0)
    return;
  cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot),
                                  &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, (width - size) / 2, (height - size) / 2);
  cairo_scale (cr, size / 24.0, size / 24.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Drawn as one group, so that a cut goes through to what is behind the lock. */
  cairo_push_group (cr);
  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { colors[0].red, colors[0].green, colors[0].blue, 1 });
  for (guint i = 0; i < HL_LOCK_MAX_LAYERS && shape->layers[i].d != NULL; i++)
    {
      const HlLockLayer *layer = &shape->layers[i];

      cairo_new_path (cr);
      hl_lock_path_walk (layer->d, path_to_cairo, cr);
      cairo_set_operator (cr, layer->paint == HL_LOCK_PAINT_CUT ? CAIRO_OPERATOR_CLEAR
                                                                : CAIRO_OPERATOR_OVER);
      if (layer->paint == HL_LOCK_PAINT_FILL)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, layer->width);
          cairo_stroke (cr);
        }
    }
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, colors[0].alpha);
  cairo_destroy (cr);
}

static void
hl_lock_paintable_snapshot (GdkPaintable *paintable,
                            GdkSnapshot  *snapshot,
                            double        width,
                            double        height)
{
  /* Outside a widget: the text colour of a light theme */
  static const GdkRGBA fg = { 0.18, 0.20, 0.21, 1.0 };

  hl_lock_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot,
                                       width, height, &fg, 1);
}

static int
hl_lock_paintable_get_intrinsic_size (GdkPaintable *paintable)
{
  return 16;
}

static GdkPaintableFlags
hl_lock_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
hl_lock_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = hl_lock_paintable_snapshot;
  iface->get_flags = hl_lock_paintable_get_flags;
  iface->get_intrinsic_width = hl_lock_paintable_get_intrinsic_size;
  iface->get_intrinsic_height = hl_lock_paintable_get_intrinsic_size;
}

static void
hl_lock_paintable_symbolic_init (GtkSymbolicPaintableInterface *iface)
{
  iface->snapshot_symbolic = hl_lock_paintable_snapshot_symbolic;
}

enum {
  PAINTABLE_PROP_0,
  PAINTABLE_PROP_PROTECTION,
  PAINTABLE_N_PROPS
};

static void
hl_lock_paintable_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HlLockPaintable *self = HL_LOCK_PAINTABLE (object);

  switch (prop_id)
    {
    case PAINTABLE_PROP_PROTECTION:
      g_value_set_enum (value, self->protection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_lock_paintable_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HlLockPaintable *self = HL_LOCK_PAINTABLE (object);

  switch (prop_id)
    {
    case PAINTABLE_PROP_PROTECTION:
      self->protection = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_lock_paintable_class_init (HlLockPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hl_lock_paintable_get_property;
  object_class->set_property = hl_lock_paintable_set_property;

  /* Construct-only: a paintable whose contents never change (STATIC_CONTENTS) */
  g_object_class_install_property (object_class, PAINTABLE_PROP_PROTECTION,
    g_param_spec_enum ("protection", NULL, NULL,
                       HL_TYPE_PROTECTION, HL_PROTECTION_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
hl_lock_paintable_init (HlLockPaintable *self)
{
  self->protection = HL_PROTECTION_UNKNOWN;
}

/**
 * hl_lock_paintable_new:
 *
 * Returns: (transfer full): the lock of @protection, which never changes
 */
GdkPaintable *
hl_lock_paintable_new (HlProtection protection)
{
  g_return_val_if_fail (protection < HL_PROTECTION_N, NULL);

  return g_object_new (HL_TYPE_LOCK_PAINTABLE, "protection", protection, NULL);
}

/* ---------------------------------------------------------------------------
 * HlLock
 * ------------------------------------------------------------------------- */

struct _HlLock
{
  GtkWidget parent_instance;

  GtkWidget *image;
  HlProtection protection;
};

enum {
  PROP_0,
  PROP_PROTECTION,
  PROP_PIXEL_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlLock, hl_lock, GTK_TYPE_WIDGET)

static void
hl_lock_update (HlLock *self)
{
  g_autoptr(GdkPaintable) paintable = hl_lock_paintable_new (self->protection);

  for (HlProtection p = 0; p < HL_PROTECTION_N; p++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), hl_protection_get_style_class (p));
  gtk_widget_add_css_class (GTK_WIDGET (self), hl_protection_get_style_class (self->protection));
  gtk_image_set_from_paintable (GTK_IMAGE (self->image), paintable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hl_protection_get_description (self->protection),
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
    case PROP_PROTECTION:
      g_value_set_enum (value, self->protection);
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
    case PROP_PROTECTION:
      hl_lock_set_protection (self, g_value_get_enum (value));
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

  properties[PROP_PROTECTION] =
    g_param_spec_enum ("protection", NULL, NULL,
                       HL_TYPE_PROTECTION, HL_PROTECTION_UNKNOWN,
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
  self->protection = HL_PROTECTION_UNKNOWN;
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
hl_lock_new (HlProtection protection)
{
  return g_object_new (HL_TYPE_LOCK, "protection", protection, NULL);
}

HlProtection
hl_lock_get_protection (HlLock *self)
{
  g_return_val_if_fail (HL_IS_LOCK (self), HL_PROTECTION_UNKNOWN);
  return self->protection;
}

void
hl_lock_set_protection (HlLock       *self,
                        HlProtection  protection)
{
  g_return_if_fail (HL_IS_LOCK (self));
  g_return_if_fail (protection < HL_PROTECTION_N);

  if (self->protection == protection)
    return;
  self->protection = protection;
  hl_lock_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROTECTION]);
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
