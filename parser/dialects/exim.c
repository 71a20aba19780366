/* exim.c: Exim
 *
 * "from RDNS ([IP]:port helo=HELO) by HOST with esmtps (TLS1.3) tls CIPHER
 * (Exim 4.96) (envelope-from <…>) id …"; before 4.93 the TLS details were one
 * tuple, "(TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256)". Protocol names in lower case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_exim;

static void record_key_size (HlReceived *self,
                             HlSpan      w);

/* Exim ≤ 4.92: "TLSv1.3:TLS_AES_256_GCM_SHA384:256", "TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256"
 * (OpenSMTPD's has a fourth part). */
static gboolean
recognise_tuple (HlReceived *self,
                 gsize       off,
                 gsize       len,
                 HlClause    clause)
{
  HlSpan parts[4];
  guint n = hl_split_tls_tuple (self, off, len, parts);

  if (n < 2 || n >= 4)
    return FALSE;
  hl_record_version (self, parts[0]);
  hl_record_cipher (self, parts[1]);
  if (n >= 3)
    record_key_size (self, parts[2]);
  hl_set_dialect (self, &hl_dialect_exim);
  return TRUE;
}

/* The third part of a tuple: bits, or bytes where early GnuTLS builds wrote the
 * key size as gnutls_cipher_get_key_size() gave it ("RSA_AES_256_CBC_SHA:32",
 * "RSA_ARCFOUR_MD5:16"). No cipher has a key shorter than 40 bits, so a number
 * below that is bytes. */
static void
record_key_size (HlReceived *self,
                 HlSpan      w)
{
  const char *s = self->raw;
  int n = 0;

  if (w.len == 0 || w.len > 2)
    {
      hl_record_bits (self, w);
      return;
    }
  for (gsize i = 0; i < w.len; i++)
    {
      if (!g_ascii_isdigit (s[w.off + i]))
        return;
      n = n * 10 + (s[w.off + i] - '0');
    }
  if (n >= 40 || n == 0 || self->bits >= 0)
    {
      hl_record_bits (self, w);
      return;
    }
  self->bits = n * 8;
  hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_BITS, "tls.bits");
}

/* Exim 3 and early Exim 4 put a word before the tuple, "Cipher TLSv1:DES-CBC3-SHA:168"
 * or "tls_cipher TLS-1.0:RSA_AES_256_CBC_SHA:32", and wrote "UNKNOWN" where OpenSSL
 * named no version: "UNKNOWN:DHE-RSA-AES256-GCM-SHA384:256". */
static gboolean
recognise_old_tuple (HlReceived *self,
                     gsize       off,
                     gsize       len,
                     HlClause    clause)
{
  static const char *const heads[] = { "Cipher ", "tls_cipher " };
  const char *s = self->raw;
  HlSpan all = { off, len }, head = { off, 0 }, parts[3];
  gsize start, end = off + len;
  guint n = 0;
  gboolean unknown;

  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    if (hl_span_has_prefix (s, all, heads[h]))
      {
        head.len = strlen (heads[h]) - 1;
        for (off += head.len; off < end && s[off] == ' '; off++)
          ;
        len = end - off;
        all = (HlSpan) { off, len };
        if (!hl_span_has_prefix (s, all, "UNKNOWN:"))
          {
            if (!recognise_tuple (self, off, len, clause))
              return FALSE;
            hl_received_add_token (self, head.off, head.len, HL_TOKEN_KEYWORD, "tls.key");
            return TRUE;
          }
        break;
      }
  if (!hl_span_has_prefix (s, all, "UNKNOWN:") || memchr (s + off, ' ', len) != NULL)
    return FALSE;

  for (gsize i = start = off; i <= end && n < 3; i++)
    if (i == end || s[i] == ':')
      {
        parts[n].off = start;
        parts[n].len = i - start;
        n++;
        start = i + 1;
      }
  unknown = n >= 2 && parts[1].len > 0 && start > end;
  if (!unknown)
    return FALSE;
  /* "UNKNOWN" says no version was named: nothing to record for it. */
  if (head.len > 0)
    hl_received_add_token (self, head.off, head.len, HL_TOKEN_KEYWORD, "tls.key");
  hl_record_cipher (self, parts[1]);
  if (n == 3)
    record_key_size (self, parts[2]);
  hl_set_dialect (self, &hl_dialect_exim);
  return TRUE;
}

/* Exim ≥ 4.93: "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384"; the cipher follows
 * outside the comment, after "tls" (with_tls() below). */
static gboolean
recognise_version_only (HlReceived *self,
                        gsize       off,
                        gsize       len,
                        HlClause    clause)
{
  const char *s = self->raw;
  HlSpan w = { off, len };
  gboolean ambiguous;

  if (len < 4 || len > 12 || memchr (s + off, ' ', len) != NULL || !hl_looks_like_tls_version (s, w))
    return FALSE;
  if (hl_tls_version_parse (s + off, len, &ambiguous) == HL_TLS_VERSION_UNKNOWN && !ambiguous)
    return FALSE;
  hl_record_version (self, w);
  hl_set_dialect (self, &hl_dialect_exim);
  return TRUE;
}

/* "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384": the next word is the cipher. */
static gboolean
with_tls (HlWordContext *ctx)
{
  if (ctx->index + 1 >= ctx->end || ctx->toks[ctx->index + 1].type != HL_LEX_ATOM)
    return FALSE;
  hl_received_add_token (ctx->self, ctx->value.off, ctx->value.len, HL_TOKEN_KEYWORD, "tls.exim-tls");
  ctx->want_cipher = TRUE;
  hl_set_dialect (ctx->self, &hl_dialect_exim);
  return TRUE;
}

static const HlCommentRule comments[] = {
  { recognise_tuple, HL_FIRST ('t') | HL_FIRST ('s'), HL_ORDER_TUPLE },
  { recognise_old_tuple, HL_FIRST ('c') | HL_FIRST ('t') | HL_FIRST ('u'), HL_ORDER_TUPLE },
  { recognise_version_only, HL_FIRST ('t') | HL_FIRST ('s'), HL_ORDER_VERSION },
  { NULL }
};

static const HlProtocol protocols[] = {
  /* "local-esmtp", "local-bsmtp": a program on the machine handed the message over */
  { HL_WORD ("local-"), "with.local", .prefix = 1 },
  { NULL }
};

static const HlClauseWord words[] = {
  { HL_AT_WORD, HL_CLAUSE_WITH, HL_WORD ("tls"), with_tls },
  { 0 }
};

static const HlSoftware software[] = {
  { HL_WORD ("Exim"), NULL, .in_with = 1 },
  { NULL }
};

const HlDialect hl_dialect_exim = {
  .id = "exim",
  .name = N_("Exim"),
  .protocols = protocols,
  .comments = comments,
  .software = software,
  .words = words,
  .with_prefixes = (const char *const[]) { "esmtp", "smtp", "local", NULL },
  .from_rdns_first = 1,
};
