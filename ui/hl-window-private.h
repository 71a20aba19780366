/* hl-window-private.h: what the files of the window share
 *
 * The window is one class split by concern: hl-window.c (the class, its
 * template and pages), hl-window-actions.c (the win.* actions),
 * hl-window-open.c (files, the example and pasted text), hl-window-dnd.c (drag
 * and drop), hl-window-export.c (the report), hl-window-hops.c (the list of
 * hops) and hl-window-recent.c (recently opened messages).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-hop-detail.h"
#include "hl-summary.h"
#include "hl-window.h"

G_BEGIN_DECLS

struct _HlWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  HlRoute *route;
  GFile *file;
  GCancellable *cancellable;
  GListStore *hops;         /* HlHopItem: the hops listed, oldest first */
  guint loading_timeout;
  guint back_button_idle;
  guint older_hops_idle;
  gboolean busy;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *open_button;
  GtkWidget *menu_button;
  GtkStack *main_stack;
  AdwStatusPage *welcome_page;
  GtkWidget *recent_box;
  GtkListBox *recent_list;
  GtkWidget *loading_box;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  HlSummary *summary;
  GtkWidget *older_hops;
  GtkLabel *older_hops_label;
  GtkWidget *older_hops_button;
  GtkListBox *hop_list;
  HlHopDetail *detail;

  AdwToast *export_toast;   /* the last "Report saved" toast, for tests */
};

/* hl-window.c */
void     _hl_window_set_titles               (HlWindow       *self,
                                              const char     *subtitle);
void     _hl_window_set_busy                 (HlWindow       *self,
                                              gboolean        busy);
void     _hl_window_set_page                 (HlWindow       *self,
                                              const char     *name);
void     _hl_window_toast                    (HlWindow       *self,
                                              const char     *text);
void     _hl_window_show_gerror              (HlWindow       *self,
                                              const GError   *error,
                                              const char     *name);
void     _hl_window_show_no_hops             (HlWindow       *self,
                                              const char     *name);
void     _hl_window_show_route               (HlWindow       *self,
                                              HlRoute        *route,
                                              GFile          *file,
                                              const char     *name);

/* hl-window-actions.c */
void     _hl_window_class_actions_init       (HlWindowClass  *klass);

/* hl-window-dnd.c */
void     _hl_window_dnd_init                 (HlWindow       *self);

/* hl-window-export.c */
void     _hl_window_export_choose            (HlWindow       *self);
void     _hl_window_export_show              (HlWindow       *self,
                                              const char     *uri);

/* hl-window-hops.c */
void     _hl_window_class_hops_init          (HlWindowClass  *klass);
void     _hl_window_hops_init                (HlWindow       *self);
void     _hl_window_hops_dispose             (HlWindow       *self);
void     _hl_window_hops_show                (HlWindow       *self,
                                              HlRoute        *route);

/* hl-window-open.c */
void     _hl_window_cancel_loading           (HlWindow       *self);
void     _hl_window_open_files               (HlWindow       *self,
                                              GSList         *files);
void     _hl_window_open_text_or_show_error  (HlWindow       *self,
                                              const char     *text);

/* hl-window-recent.c */
void     _hl_window_class_recent_init        (HlWindowClass  *klass);
void     _hl_window_recent_init              (HlWindow       *self);
void     _hl_window_recent_dispose           (HlWindow       *self);
void     _hl_window_add_to_recent            (GFile          *file);

G_END_DECLS
