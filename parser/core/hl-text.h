/* hl-text.h: text from a header made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-version-macros.h"

G_BEGIN_DECLS

/**
 * HlTextSafeFlags:
 * @HL_TEXT_SAFE_PLAIN: one line: tabs and line feeds become spaces
 * @HL_TEXT_SAFE_KEEP_LINES: tabs and line feeds stay, and a CR LF pair becomes one
 *   line feed, for text shown as the lines it was written in
 */
typedef enum
{
  HL_TEXT_SAFE_PLAIN = 0,
  HL_TEXT_SAFE_KEEP_LINES = 1 << 0,
} HlTextSafeFlags;

HL_AVAILABLE_IN_ALL
char *hl_text_make_safe      (const char       *text);
HL_AVAILABLE_IN_ALL
char *hl_text_make_safe_full (const char       *text,
                              gsize             length,
                              HlTextSafeFlags   flags,
                              guint             word_max,
                              guint           **char_of_byte);
HL_AVAILABLE_IN_ALL
char *hl_text_make_excerpt   (const char       *text,
                              gsize             length,
                              guint             max_chars);

G_END_DECLS
