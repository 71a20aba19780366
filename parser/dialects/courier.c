/* courier.c: Courier
 *
 * "from HELO (RDNS [IP]) (TLS: TLSv1/SSLv3,168bits,DES-CBC3-SHA) by HOST with esmtp":
 * the TLS details in one comment after "TLS:" (or "SSL:"), comma-separated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_courier;

/* "TLS: TLSv1/SSLv3,168bits,DES-CBC3-SHA" or "SSL: …" */
static gboolean
recognise_tls_comment (HlReceived *self,
                       gsize       off,
                       gsize       len,
                       HlClause    clause)
{
  const char *s = self->raw;
  HlSpan head = { off, len };
  gsize i, start, end = off + len;
  guint part = 0;

  if (!hl_span_has_prefix (s, head, "TLS:") && !hl_span_has_prefix (s, head, "SSL:"))
    return FALSE;

  hl_received_add_token (self, off, 3, HL_TOKEN_VENDOR_MARKER, "marker.courier");
  self->vendor_marker = TRUE;
  hl_set_dialect (self, &hl_dialect_courier);

  for (i = off + 4; i < end && s[i] == ' '; i++)
    ;
  for (start = i; i <= end; i++)
    if (i == end || s[i] == ',')
      {
        HlSpan w = { start, i - start };

        if (part == 0)
          hl_record_version (self, w);
        else if (w.len > 4 && g_ascii_strncasecmp (s + w.off + w.len - 4, "bits", 4) == 0)
          {
            HlSpan b = { w.off, w.len - 4 };

            hl_record_bits (self, b);
          }
        else
          hl_record_cipher (self, w);
        part++;
        start = i + 1;
      }
  return TRUE;
}

static const HlCommentRule comments[] = {
  { recognise_tls_comment, HL_FIRST ('t') | HL_FIRST ('s'), HL_ORDER_TLS_PREFIX },
  { NULL }
};

static const HlSoftware software[] = {
  { HL_WORD ("Courier"), NULL, .in_with = 1 },
  { NULL }
};

const HlDialect hl_dialect_courier = {
  .id = "courier",
  .name = N_("Courier"),
  .comments = comments,
  .software = software,
};
