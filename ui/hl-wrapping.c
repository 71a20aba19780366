/* hl-wrapping.c: how labels holding header text wrap
 *
 * The words the widgets show come from the library (explain/hl-labels.h); this is
 * only how GTK lays them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-wrapping.h"

/* Header text wraps anywhere a line is full, host names included, and never
 * gets a hyphen that is not in it: "mail-x1.example" cut as "mail-x1.ex-" would
 * name another host. */
static void
no_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);

  attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

void
hl_label_set_wrapping (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  no_hyphens (label);
}

/* Every label under @root that wraps inside words (the templates' word-char
 * labels) stops adding hyphens. */
void
hl_label_fix_wrapping (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) && gtk_label_get_wrap (GTK_LABEL (root))
      && gtk_label_get_wrap_mode (GTK_LABEL (root)) == PANGO_WRAP_WORD_CHAR)
    no_hyphens (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hl_label_fix_wrapping (child);
}
