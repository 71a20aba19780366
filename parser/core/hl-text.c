/* hl-text.c: text from a header made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/hl-text.h"

/**
 * hl_text_make_safe:
 * @text: (nullable): text from a header
 *
 * Returns: (transfer full): @text as valid UTF-8 with control characters (C0, DEL,
 *   C1) and bidirectional controls replaced by U+FFFD or a space
 */
char *
hl_text_make_safe (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        g_string_append_unichar (out, 0xfffd);
      else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
               || c == 0x200e || c == 0x200f || c == 0x061c)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
