/* hl-route.h: the hops of one message, oldest first, and what they add up to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/hl-received.h"

G_BEGIN_DECLS

#define HL_TYPE_ROUTE (hl_route_get_type ())

typedef struct _HlRoute HlRoute;

HL_AVAILABLE_IN_ALL
GType        hl_route_get_type            (void) G_GNUC_CONST;
HL_AVAILABLE_IN_ALL
HlRoute     *hl_route_new_from_data       (const char   *data,
                                           gsize         length,
                                           const char   *source_name,
                                           GError      **error);
HL_AVAILABLE_IN_ALL
HlRoute     *hl_route_new_from_file       (GFile        *file,
                                           GCancellable *cancellable,
                                           GError      **error);
HL_AVAILABLE_IN_ALL
HlRoute     *hl_route_new_from_text       (const char   *text,
                                           gssize        length,
                                           const char   *source_name,
                                           GError      **error);
HL_AVAILABLE_IN_ALL
void         hl_route_new_from_file_async (GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HL_AVAILABLE_IN_ALL
HlRoute     *hl_route_new_from_file_finish (GAsyncResult       *result,
                                            GError            **error);
HL_AVAILABLE_IN_ALL
HlRoute     *hl_route_ref                 (HlRoute      *self);
HL_AVAILABLE_IN_ALL
void         hl_route_unref               (HlRoute      *self);

HL_AVAILABLE_IN_ALL
const char  *hl_route_get_source_name     (HlRoute      *self);
HL_AVAILABLE_IN_ALL
gsize        hl_route_get_source_bytes    (HlRoute      *self);

HL_AVAILABLE_IN_ALL
const char  *hl_route_get_subject         (HlRoute      *self);
HL_AVAILABLE_IN_ALL
const char  *hl_route_get_from            (HlRoute      *self);
HL_AVAILABLE_IN_ALL
const char  *hl_route_get_to              (HlRoute      *self);
HL_AVAILABLE_IN_ALL
const char  *hl_route_get_date            (HlRoute      *self);
HL_AVAILABLE_IN_ALL
const char  *hl_route_get_message_id      (HlRoute      *self);

HL_AVAILABLE_IN_ALL
guint        hl_route_get_n_hops          (HlRoute      *self);
HL_AVAILABLE_IN_ALL
HlReceived  *hl_route_get_hop             (HlRoute      *self,
                                           guint         index);

HL_AVAILABLE_IN_ALL
HlVerdict    hl_route_get_verdict         (HlRoute      *self);
HL_AVAILABLE_IN_ALL
guint        hl_route_count               (HlRoute      *self,
                                           HlTlsState    state);
HL_AVAILABLE_IN_ALL
guint        hl_route_get_n_network_hops  (HlRoute      *self);
HL_AVAILABLE_IN_ALL
guint        hl_route_get_weakest_hop     (HlRoute      *self);
HL_AVAILABLE_IN_ALL
gboolean     hl_route_get_transit         (HlRoute      *self,
                                           gint64       *seconds);
HL_AVAILABLE_IN_ALL
const HlWarning *hl_route_get_warnings    (HlRoute      *self,
                                           guint        *n_warnings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlRoute, hl_route_unref)

G_END_DECLS
