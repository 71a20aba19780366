/* hl-lock-shape.h: what the lock of each protection looks like, once for everyone
 *
 * One description per #HlProtection: the drawing (SVG path data on a 24 × 24
 * grid), its colours, the style class that colours it, a symbol for plain text
 * and the words that name it. The app draws its locks from it, the HTML report
 * writes it as inline SVG and the PDF report replays it on Cairo, so a lock looks
 * and reads the same everywhere. Locks differ by shape, not only by colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "explain/hl-labels.h"

G_BEGIN_DECLS

/**
 * HlLockPaint:
 * @HL_LOCK_PAINT_FILL: filled in the protection's colour
 * @HL_LOCK_PAINT_STROKE: outlined in the protection's colour
 * @HL_LOCK_PAINT_CUT: outlined in the background: cut out of the layers below
 */
typedef enum
{
  HL_LOCK_PAINT_FILL,
  HL_LOCK_PAINT_STROKE,
  HL_LOCK_PAINT_CUT,
} HlLockPaint;

/**
 * HlLockLayer:
 * @paint: how the layer is painted
 * @width: the stroke width, for %HL_LOCK_PAINT_STROKE and %HL_LOCK_PAINT_CUT
 * @d: SVG path data on a 24 × 24 grid, absolute commands only: M, L, H, V, C and Z
 *
 * One layer of a lock, painted over the ones before it.
 */
typedef struct
{
  HlLockPaint paint;
  double width;
  const char *d;
} HlLockLayer;

#define HL_LOCK_MAX_LAYERS 4

/**
 * HlLockShape:
 * @protection: what it shows
 * @id: the machine word (hl_protection_to_string()), also the style class that
 *   colours it: "verified", "encrypted", "unencrypted", "local", "unknown"
 * @symbol: a character for plain text, e.g. "🔒"
 * @color: 0xRRGGBB on a light background
 * @color_dark: 0xRRGGBB on a dark background
 * @tint: 0xRRGGBB, a light background for the protection
 * @layers: the drawing, up to %HL_LOCK_MAX_LAYERS layers; unused ones have @d %NULL
 *
 * Static storage; never freed. Its words are hl_protection_get_label() (on its
 * own, as a heading) and hl_protection_get_description() (inside a sentence, and
 * the accessible name of a lock).
 */
typedef struct
{
  HlProtection protection;
  const char *id;
  const char *symbol;
  guint32 color;
  guint32 color_dark;
  guint32 tint;
  HlLockLayer layers[HL_LOCK_MAX_LAYERS];
} HlLockShape;

HL_AVAILABLE_IN_ALL
const HlLockShape *hl_protection_get_lock_shape  (HlProtection protection);
/* The style class that colours it: the same word as hl_protection_to_string(). */
HL_AVAILABLE_IN_ALL
const char        *hl_protection_get_style_class (HlProtection protection);

/**
 * HlPathOp:
 * @HL_PATH_MOVE_TO: one point
 * @HL_PATH_LINE_TO: one point
 * @HL_PATH_CURVE_TO: three points: two control points, the end
 * @HL_PATH_CLOSE: no point
 */
typedef enum
{
  HL_PATH_MOVE_TO,
  HL_PATH_LINE_TO,
  HL_PATH_CURVE_TO,
  HL_PATH_CLOSE,
} HlPathOp;

typedef void (*HlPathFunc) (HlPathOp      op,
                            const double *points,
                            gpointer      user_data);

HL_AVAILABLE_IN_ALL
gboolean hl_lock_path_walk (const char *d,
                            HlPathFunc  func,
                            gpointer    user_data);

G_END_DECLS
