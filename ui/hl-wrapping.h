/* hl-wrapping.h: how labels holding header text wrap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hl_label_set_wrapping (GtkLabel  *label);
void hl_label_fix_wrapping (GtkWidget *root);

G_END_DECLS
