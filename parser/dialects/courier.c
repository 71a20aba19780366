/* courier.c: Courier
 *
 * "from HELO (RDNS [IP]) (TLS: TLSv1/SSLv3,168bits,DES-CBC3-SHA) by HOST with esmtp":
 * the TLS details in one comment after "TLS:" (or "SSL:"), comma-separated, after
 * "AUTH: LOGIN user, " when the client logged in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_courier;

/* Where "TLS:" or "SSL:" starts in [off, end): at @off, or after the "AUTH: …, "
 * part Courier writes first for a client that logged in; or end. */
static gsize
find_tls_part (const char *s,
               gsize       off,
               gsize       end)
{
  HlSpan all = { off, end - off };

  if (hl_span_has_prefix (s, all, "TLS:") || hl_span_has_prefix (s, all, "SSL:"))
    return off;
  if (!hl_span_has_prefix (s, all, "AUTH:"))
    return end;
  for (gsize i = off + 5; i + 4 <= end; i++)
    if (s[i] == ',')
      {
        HlSpan rest;

        for (i++; i < end && s[i] == ' '; i++)
          ;
        rest = (HlSpan) { i, end - i };
        if (hl_span_has_prefix (s, rest, "TLS:") || hl_span_has_prefix (s, rest, "SSL:"))
          return i;
        i--;
      }
  return end;
}

/* "TLS: TLSv1/SSLv3,168bits,DES-CBC3-SHA", "SSL: …", with or without spaces after
 * the commas ("TLS: TLS1.3, 128bits, ECDHE_RSA_AES_128_GCM_SHA256"), alone or after
 * "AUTH: LOGIN user, " (MDaemon and Kerio write it the same way) */
static gboolean
recognise_tls_comment (HlReceived *self,
                       gsize       off,
                       gsize       len,
                       HlClause    clause)
{
  const char *s = self->raw;
  gsize i, start, end = off + len, tls = find_tls_part (s, off, end);
  guint part = 0;

  if (tls == end)
    return FALSE;

  if (tls > off)
    {
      gsize auth_end = tls;

      /* "AUTH: LOGIN user, ": the client logged in */
      while (auth_end > off && (s[auth_end - 1] == ' ' || s[auth_end - 1] == ','))
        auth_end--;
      self->authenticated = TRUE;
      hl_received_add_token (self, off, auth_end - off, HL_TOKEN_AUTH, "auth.authenticated");
    }
  hl_received_add_token (self, tls, 3, HL_TOKEN_VENDOR_MARKER, "marker.courier");
  self->vendor_marker = TRUE;
  hl_set_dialect (self, &hl_dialect_courier);

  for (i = tls + 4; i < end && s[i] == ' '; i++)
    ;
  for (start = i; i <= end; i++)
    if (i == end || s[i] == ',')
      {
        HlSpan w = { start, i - start };

        while (w.len > 0 && s[w.off + w.len - 1] == ' ')
          w.len--;
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
        for (start = i + 1; start < end && s[start] == ' '; start++)
          ;
      }
  return TRUE;
}

static const HlCommentRule comments[] = {
  { recognise_tls_comment, HL_FIRST ('t') | HL_FIRST ('s') | HL_FIRST ('a'), HL_ORDER_TLS_PREFIX },
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
