/* hl-route-private.h: where a message's header block lies, for the parser and
 * for what measures it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inline so that tests/bench/bench-parse.c, which links the shared library,
 * cuts its GMime-only baseline exactly where hl_route_new_from_data() does,
 * without the library exporting more than its public API.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Skips what may come before a message's first header field: blank lines
 * before a pasted header block, and an mbox "From " line. Returns where the
 * fields start and sets *@length to the bytes left from there. */
static inline const char *
hl_route_skip_preamble (const char *data,
                        gsize      *length)
{
  const char *start = data;
  gsize len = *length;

  while (len > 0 && (*start == '\n' || *start == '\r' || *start == ' ' || *start == '\t'))
    start++, len--;
  if (len >= 5 && memcmp (start, "From ", 5) == 0)
    {
      const char *nl = memchr (start, '\n', len);

      len = nl ? len - (nl + 1 - start) : 0;
      start = nl ? nl + 1 : start + len;
    }

  *length = len;
  return start;
}

/* The header block of @data: up to and including the line break before the
 * first empty line (LF or CRLF), or all of it. */
static inline gsize
hl_route_header_block_length (const char *data,
                              gsize       len)
{
  const char *p = data, *end = data + len;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      p++;
      if (p < end && *p == '\n')
        return p - data;
      if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
        return p - data;
    }
  return len;
}

/* hl_route_new_from_data() without a GMimeMessage, for audits (hl-route.c) */
typedef struct _HlRoute HlRoute;
HlRoute *hl_route_new_from_header_block (const char  *data,
                                         gsize        length,
                                         const char  *source_name,
                                         GError     **error);

const char *hl_route_peek_from_address (HlRoute *self);

G_END_DECLS
