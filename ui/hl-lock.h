/* hl-lock.h: the lock that stands for the state of a hop or a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hoplock.h"

G_BEGIN_DECLS

/**
 * HlLockShape:
 * @HL_LOCK_VERIFIED: encrypted, and the sending server's certificate was verified
 *   (a closed lock with a check mark)
 * @HL_LOCK_ENCRYPTED: encrypted (a closed lock)
 * @HL_LOCK_UNENCRYPTED: not encrypted (an open lock)
 * @HL_LOCK_LOCAL: never left the machine (a computer)
 * @HL_LOCK_UNKNOWN: nothing recorded (a lock with a question mark)
 *
 * Each state has its own shape, so that it reads without colour; the colour
 * (a CSS class of the same name) only repeats it.
 */
typedef enum
{
  HL_LOCK_VERIFIED,
  HL_LOCK_ENCRYPTED,
  HL_LOCK_UNENCRYPTED,
  HL_LOCK_LOCAL,
  HL_LOCK_UNKNOWN,
} HlLockShape;

#define HL_TYPE_LOCK_SHAPE (hl_lock_shape_get_type ())
GType        hl_lock_shape_get_type      (void) G_GNUC_CONST;

HlLockShape  hl_lock_shape_for_hop       (HlReceived  *hop);
HlLockShape  hl_lock_shape_for_route     (HlRoute     *route);
const char  *hl_lock_shape_icon_name     (HlLockShape  shape);
const char  *hl_lock_shape_css_class     (HlLockShape  shape);
const char  *hl_lock_shape_label         (HlLockShape  shape);
const char  *hl_lock_shape_title         (HlLockShape  shape);

#define HL_TYPE_LOCK (hl_lock_get_type ())

G_DECLARE_FINAL_TYPE (HlLock, hl_lock, HL, LOCK, GtkWidget)

GtkWidget   *hl_lock_new                 (HlLockShape  shape);
HlLockShape  hl_lock_get_shape           (HlLock      *self);
void         hl_lock_set_shape           (HlLock      *self,
                                          HlLockShape  shape);
int          hl_lock_get_pixel_size      (HlLock      *self);
void         hl_lock_set_pixel_size      (HlLock      *self,
                                          int          pixel_size);

G_END_DECLS
