/* hl-lock-shape.c: what the lock of each protection looks like
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "explain/hl-lock-shape.h"

/* The closed padlock: a rounded body from (4,10) to (20,21) and a shackle whose
 * legs go into the body. The open one lifts the left leg out of the body. */
#define BODY "M6 10 H18 C19.1 10 20 10.9 20 12 V19 C20 20.1 19.1 21 18 21 H6 " \
             "C4.9 21 4 20.1 4 19 V12 C4 10.9 4.9 10 6 10 Z"
#define SHACKLE "M7.5 10.5 V7 C7.5 4.515 9.515 2.5 12 2.5 C14.485 2.5 16.5 4.515 16.5 7 V10.5"
#define SHACKLE_OPEN "M16.5 10.5 V5.5 C16.5 3.015 14.485 1 12 1 C9.515 1 7.5 3.015 7.5 5.5 V6.5"

static const HlLockShape shapes[HL_PROTECTION_N] = {
  [HL_PROTECTION_VERIFIED] = {
    HL_PROTECTION_VERIFIED, "verified", "🔐", 0x1b6e2d, 0x7ee29a, 0xe3f4e7,
    { { HL_LOCK_PAINT_STROKE, 2.2, SHACKLE },
      { HL_LOCK_PAINT_FILL, 0, BODY },
      /* a tick */
      { HL_LOCK_PAINT_CUT, 2.0, "M8.6 15.6 L11 18 L15.6 13.2" } } },
  [HL_PROTECTION_ENCRYPTED] = {
    HL_PROTECTION_ENCRYPTED, "encrypted", "🔒", 0x2b7a3b, 0x8fd9a0, 0xe8f5eb,
    { { HL_LOCK_PAINT_STROKE, 2.2, SHACKLE },
      { HL_LOCK_PAINT_FILL, 0, BODY },
      /* a keyhole */
      { HL_LOCK_PAINT_CUT, 2.4, "M12 14.2 V17.4" } } },
  [HL_PROTECTION_UNENCRYPTED] = {
    HL_PROTECTION_UNENCRYPTED, "unencrypted", "🔓", 0xc01c28, 0xff8a80, 0xfde8e8,
    { { HL_LOCK_PAINT_STROKE, 2.2, SHACKLE_OPEN },
      { HL_LOCK_PAINT_FILL, 0, BODY },
      /* a cross */
      { HL_LOCK_PAINT_CUT, 2.0, "M9.6 13.1 L14.4 17.9 M14.4 13.1 L9.6 17.9" } } },
  [HL_PROTECTION_LOCAL] = {
    HL_PROTECTION_LOCAL, "local", "🏠", 0x1c5fb8, 0x8ab8f0, 0xe6effb,
    /* a house: the message never left the machine */
    { { HL_LOCK_PAINT_FILL, 0, "M12 3 L21 11 H19 V21 H5 V11 H3 Z" },
      { HL_LOCK_PAINT_CUT, 2.6, "M12 21 V16.6" } } },
  [HL_PROTECTION_UNKNOWN] = {
    HL_PROTECTION_UNKNOWN, "unknown", "❔", 0x8a5a00, 0xf0c05a, 0xfff3d6,
    /* an outlined padlock with a question mark */
    { { HL_LOCK_PAINT_STROKE, 2.2, SHACKLE },
      { HL_LOCK_PAINT_STROKE, 1.8, "M6 11 H18 C18.55 11 19 11.45 19 12 V19 C19 19.55 18.55 20 18 20 H6 "
                                   "C5.45 20 5 19.55 5 19 V12 C5 11.45 5.45 11 6 11 Z" },
      { HL_LOCK_PAINT_STROKE, 1.6, "M10.3 14.1 C10.3 13.1 11.05 12.5 12 12.5 C12.95 12.5 13.7 13.1 13.7 "
                                   "13.95 C13.7 15 12 15.1 12 16.4" },
      { HL_LOCK_PAINT_FILL, 0, "M12.85 18.3 C12.85 18.77 12.47 19.15 12 19.15 C11.53 19.15 11.15 18.77 "
                               "11.15 18.3 C11.15 17.83 11.53 17.45 12 17.45 C12.47 17.45 12.85 17.83 "
                               "12.85 18.3 Z" } } },
};

/**
 * hl_protection_get_lock_shape:
 *
 * Returns: (transfer none): the lock of @protection; an unknown value gets
 *   %HL_PROTECTION_UNKNOWN's
 */
const HlLockShape *
hl_protection_get_lock_shape (HlProtection protection)
{
  return &shapes[protection < HL_PROTECTION_N ? protection : HL_PROTECTION_UNKNOWN];
}

const char *
hl_protection_get_style_class (HlProtection protection)
{
  return hl_protection_get_lock_shape (protection)->id;
}


static gboolean
read_number (const char **p,
             double      *out)
{
  char *end;

  while (**p == ' ' || **p == ',')
    (*p)++;
  *out = g_ascii_strtod (*p, &end);
  if (end == *p)
    return FALSE;
  *p = end;
  return TRUE;
}

/**
 * hl_lock_path_walk:
 * @d: SVG path data with absolute M, L, H, V, C and Z only
 *
 * Calls @func for each segment of @d, with H and V turned into lines.
 *
 * Returns: %FALSE if @d holds anything else
 */
gboolean
hl_lock_path_walk (const char *d,
                   HlPathFunc  func,
                   gpointer    user_data)
{
  const char *p = d;
  double cur[2] = { 0, 0 }, start[2] = { 0, 0 };
  char cmd = 0;

  for (;;)
    {
      double pts[6];

      while (*p == ' ' || *p == ',')
        p++;
      if (*p == '\0')
        return TRUE;
      if (g_ascii_isalpha (*p))
        cmd = *p++;
      switch (cmd)
        {
        case 'M':
        case 'L':
          if (!read_number (&p, &pts[0]) || !read_number (&p, &pts[1]))
            return FALSE;
          func (cmd == 'M' ? HL_PATH_MOVE_TO : HL_PATH_LINE_TO, pts, user_data);
          cur[0] = pts[0];
          cur[1] = pts[1];
          if (cmd == 'M')
            {
              start[0] = cur[0];
              start[1] = cur[1];
              cmd = 'L';    /* further pairs are lines */
            }
          break;
        case 'H':
        case 'V':
          if (!read_number (&p, &pts[cmd == 'H' ? 0 : 1]))
            return FALSE;
          pts[cmd == 'H' ? 1 : 0] = cur[cmd == 'H' ? 1 : 0];
          func (HL_PATH_LINE_TO, pts, user_data);
          cur[0] = pts[0];
          cur[1] = pts[1];
          break;
        case 'C':
          for (guint i = 0; i < 6; i++)
            if (!read_number (&p, &pts[i]))
              return FALSE;
          func (HL_PATH_CURVE_TO, pts, user_data);
          cur[0] = pts[4];
          cur[1] = pts[5];
          break;
        case 'Z':
          func (HL_PATH_CLOSE, NULL, user_data);
          cur[0] = start[0];
          cur[1] = start[1];
          cmd = 0;
          break;
        default:
          return FALSE;
        }
    }
}
