/* hl-wrap-box.c: children side by side, wrapping to the next line
 *
 * For the chips of a hop and the counts of the verdict: unlike GtkFlowBox,
 * which lines its children up in columns, each child here takes its natural
 * width and the line wraps where it is full, as words do. GTK 4.8 has no such
 * container; this is a layout manager that does it, on a plain widget.
 * Children are not focusable; the box is for showing, not for choosing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-wrap-box.h"

#define SPACING 6
#define ROW_SPACING 6

/* The layout */

#define HL_TYPE_WRAP_LAYOUT (hl_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (HlWrapLayout, hl_wrap_layout, HL, WRAP_LAYOUT, GtkLayoutManager)

struct _HlWrapLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (HlWrapLayout, hl_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
hl_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Child widths are natural, but never wider than a line. */
static int
child_width (GtkWidget *child,
             int        line_width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (line_width >= 0 && nat > line_width)
    nat = MAX (min, line_width);
  return nat;
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

/* Lays the children out in lines of at most @width; allocates them if
 * @allocate, and returns the height used. */
static int
flow (GtkWidget *widget,
      int        width,
      gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;
  gboolean empty = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int w, h;

      if (!gtk_widget_should_layout (child))
        continue;
      w = child_width (child, width);
      h = child_height (child, w);
      if (x > 0 && width >= 0 && x + w > width)
        {
          y += line_height + ROW_SPACING;
          x = 0;
          line_height = 0;
        }
      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, w, h }, -1);
      x += w + SPACING;
      line_height = MAX (line_height, h);
      empty = FALSE;
    }
  return empty ? 0 : y + line_height;
}

static void
hl_wrap_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat;
          n++;
        }
      *minimum = min;
      *natural = nat + (n > 1 ? (n - 1) * SPACING : 0);
    }
  else
    {
      *minimum = *natural = flow (widget, for_size, FALSE);
    }
}

static void
hl_wrap_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  flow (widget, width, TRUE);
}

static void
hl_wrap_layout_class_init (HlWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = hl_wrap_layout_get_request_mode;
  layout_class->measure = hl_wrap_layout_measure;
  layout_class->allocate = hl_wrap_layout_allocate;
}

static void
hl_wrap_layout_init (HlWrapLayout *self)
{
}

/* The widget */

struct _HlWrapBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (HlWrapBox, hl_wrap_box, GTK_TYPE_WIDGET)

static void
hl_wrap_box_dispose (GObject *object)
{
  hl_wrap_box_remove_all (HL_WRAP_BOX (object));

  G_OBJECT_CLASS (hl_wrap_box_parent_class)->dispose (object);
}

static void
hl_wrap_box_class_init (HlWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_wrap_box_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, HL_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hl_wrap_box_init (HlWrapBox *self)
{
}

GtkWidget *
hl_wrap_box_new (void)
{
  return g_object_new (HL_TYPE_WRAP_BOX, NULL);
}

void
hl_wrap_box_append (HlWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (HL_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
hl_wrap_box_remove_all (HlWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (HL_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

guint
hl_wrap_box_get_n_children (HlWrapBox *self)
{
  guint n = 0;

  g_return_val_if_fail (HL_IS_WRAP_BOX (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
