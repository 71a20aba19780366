/* hl-lock.h: the lock that stands for the protection of a hop or a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hoplock.h"

G_BEGIN_DECLS

/* The drawing of a lock (hl_protection_get_lock_shape()) as a symbolic paintable:
 * it takes the colour of wherever it is shown, like a symbolic icon. */
#define HL_TYPE_LOCK_PAINTABLE (hl_lock_paintable_get_type ())

G_DECLARE_FINAL_TYPE (HlLockPaintable, hl_lock_paintable, HL, LOCK_PAINTABLE, GObject)

GdkPaintable *hl_lock_paintable_new (HlProtection protection);

#define HL_TYPE_LOCK (hl_lock_get_type ())

G_DECLARE_FINAL_TYPE (HlLock, hl_lock, HL, LOCK, GtkWidget)

GtkWidget    *hl_lock_new            (HlProtection  protection);
HlProtection  hl_lock_get_protection (HlLock       *self);
void          hl_lock_set_protection (HlLock       *self,
                                      HlProtection  protection);
int           hl_lock_get_pixel_size (HlLock       *self);
void          hl_lock_set_pixel_size (HlLock       *self,
                                      int           pixel_size);

G_END_DECLS
