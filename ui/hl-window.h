/* hl-window.h: a window showing one message's journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hoplock.h"

G_BEGIN_DECLS

#define HL_TYPE_WINDOW (hl_window_get_type ())

G_DECLARE_FINAL_TYPE (HlWindow, hl_window, HL, WINDOW, AdwApplicationWindow)

HlWindow   *hl_window_new           (GtkApplication *application,
                                     GSettings      *settings);
void        hl_window_open_file     (HlWindow       *self,
                                     GFile          *file);
void        hl_window_open_example  (HlWindow       *self);
gboolean    hl_window_open_text     (HlWindow       *self,
                                     const char     *text,
                                     GError        **error);
HlRoute    *hl_window_get_route     (HlWindow       *self);
GFile      *hl_window_get_file      (HlWindow       *self);
gboolean    hl_window_get_busy      (HlWindow       *self);
gboolean    hl_window_is_empty      (HlWindow       *self);
const char *hl_window_get_page      (HlWindow       *self);
void        hl_window_select_hop    (HlWindow       *self,
                                     guint           index);
void        hl_window_export        (HlWindow       *self,
                                     GFile          *file,
                                     HlReportFormat  format);

G_END_DECLS
