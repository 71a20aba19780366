/* hl-wrap-box.h: children side by side, wrapping to the next line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HL_TYPE_WRAP_BOX (hl_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (HlWrapBox, hl_wrap_box, HL, WRAP_BOX, GtkWidget)

GtkWidget *hl_wrap_box_new        (void);
void       hl_wrap_box_append     (HlWrapBox *self,
                                   GtkWidget *child);
void       hl_wrap_box_remove_all (HlWrapBox *self);
guint      hl_wrap_box_get_n_children (HlWrapBox *self);

G_END_DECLS
