/* hl-export.h: writing a message's report to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hoplock.h"

G_BEGIN_DECLS

GListStore           *hl_export_filters_new        (HlReportFormat  preferred,
                                                    GtkFileFilter **preferred_filter);
int                   hl_export_filter_get_format  (GtkFileFilter  *filter);
GtkFileChooserNative *hl_export_chooser_new        (GtkWindow      *parent,
                                                    HlRoute        *route,
                                                    HlReportFormat  preferred);
gboolean              hl_export_chooser_get_target (GtkFileChooserNative *chooser,
                                                    GFile         **file,
                                                    HlReportFormat *format);
void                  hl_export_target_for         (GFile          *chosen,
                                                    GtkFileFilter  *filter,
                                                    GFile         **file,
                                                    HlReportFormat *format);
gboolean              hl_export_format_for_name    (const char     *name,
                                                    HlReportFormat *format);

void                  hl_export_write_async        (HlRoute             *route,
                                                    HlReportFormat       format,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean              hl_export_write_finish       (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
