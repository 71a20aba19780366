/* hl-text.c: text from a header made safe to show
 *
 * One rule for every place that shows header text (the reports, the terminal, the
 * app): the result is valid UTF-8, and control characters (C0, DEL, C1) and the
 * characters that reorder or hide text (bidirectional controls) are replaced by
 * U+FFFD, so nothing a sender wrote can move the cursor, colour a terminal or make
 * text read in another order than it is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/hl-text.h"

#define REPLACEMENT 0xfffd
#define ZERO_WIDTH_SPACE "\xe2\x80\x8b"

/* C1 controls, and the characters that reorder or hide text */
static gboolean
is_unsafe (gunichar u)
{
  return (u >= 0x80 && u < 0xa0) || u == 0x061c || u == 0x200e || u == 0x200f
         || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
}

/**
 * hl_text_make_safe:
 * @text: (nullable): text from a header, NUL-terminated
 *
 * Returns: (transfer full): @text as valid UTF-8 on one line, with tabs and line
 *   feeds as spaces and control characters (C0, DEL, C1) and bidirectional
 *   controls replaced by U+FFFD
 */
char *
hl_text_make_safe (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return hl_text_make_safe_full (text, strlen (text), HL_TEXT_SAFE_PLAIN, 0, NULL);
}

/**
 * hl_text_make_safe_full:
 * @text: (array length=length): text from a header; may hold NULs
 * @length: its length in bytes
 * @flags: whether line breaks stay
 * @word_max: if not 0, a ZERO WIDTH SPACE is put after every @word_max characters
 *   without a space (Pango takes time quadratic in the length of a word it has to
 *   break inside); 0 for none
 * @char_of_byte: (out) (optional) (array) (transfer full): for each byte offset of
 *   @text, 0 to @length, the character offset in the result where that byte is
 *   shown; free with g_free()
 *
 * hl_text_make_safe() for a span of bytes, with what text shown in a text view
 * needs. Invalid UTF-8 becomes one U+FFFD per byte.
 *
 * Returns: (transfer full): the text to show
 */
char *
hl_text_make_safe_full (const char       *text,
                        gsize             length,
                        HlTextSafeFlags   flags,
                        guint             word_max,
                        guint           **char_of_byte)
{
  gboolean keep_lines = (flags & HL_TEXT_SAFE_KEEP_LINES) != 0;
  GString *out = g_string_sized_new (length + 16);
  guint *map = char_of_byte != NULL ? g_new (guint, length + 1) : NULL;
  guint chars = 0;
  guint run = 0;
  gsize i = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  while (i < length)
    {
      guchar c = text[i];
      gboolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      gunichar u;
      int n;

      if (word_max > 0 && run >= word_max && !space)
        {
          g_string_append (out, ZERO_WIDTH_SPACE);
          chars++;
          run = 0;
        }
      run = space ? 0 : run + 1;
      if (map != NULL)
        map[i] = chars;
      if (keep_lines && c == '\r' && i + 1 < length && text[i + 1] == '\n')
        {
          i++;    /* CRLF shows as one line break */
          continue;
        }
      if (c == '\n' || c == '\t')
        {
          g_string_append_c (out, keep_lines ? c : ' ');
          chars++;
          i++;
          continue;
        }
      if (c < 0x20 || c == 0x7f)
        {
          g_string_append_unichar (out, REPLACEMENT);
          chars++;
          i++;
          continue;
        }
      if (c < 0x80)
        {
          g_string_append_c (out, c);
          chars++;
          i++;
          continue;
        }

      u = g_utf8_get_char_validated (text + i, length - i);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          g_string_append_unichar (out, REPLACEMENT);
          chars++;
          i++;
          continue;
        }
      n = g_utf8_skip[c];
      if (map != NULL)
        for (int k = 1; k < n && i + k < length; k++)
          map[i + k] = chars;
      if (is_unsafe (u))
        g_string_append_unichar (out, REPLACEMENT);
      else
        g_string_append_len (out, text + i, n);
      chars++;
      i += n;
    }
  if (map != NULL)
    {
      map[length] = chars;
      *char_of_byte = map;
    }
  return g_string_free (out, FALSE);
}

/**
 * hl_text_make_excerpt:
 * @text: (array length=length): a span of a header
 * @length: its length in bytes
 * @max_chars: the most characters to keep
 *
 * Returns: (transfer full): at most @max_chars characters of @text made safe, on
 *   one line with the white space of folded lines collapsed, and "…" when cut
 */
char *
hl_text_make_excerpt (const char *text,
                      gsize       length,
                      guint       max_chars)
{
  g_autofree char *safe = hl_text_make_safe_full (text, length, HL_TEXT_SAFE_PLAIN, 0, NULL);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = safe; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      /* Collapse the whitespace of folded lines. */
      if (c == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        continue;
      g_string_append_unichar (out, c);
      n++;
    }
  return g_string_free (out, FALSE);
}
