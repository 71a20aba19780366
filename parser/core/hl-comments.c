/* hl-comments.c: what the comments of a Received field say
 *
 * Every dialect puts its details in comments: the client's address, the TLS
 * version and cipher, the certificate check, the software, authentication. Each
 * detail has one small recogniser in the table at the end of this file; the first
 * that recognises a comment wins. A new format is a new row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "core/hl-comments-private.h"

/* ---------------------------------------------------------------------------
 * Small tools over spans of the raw text
 * ------------------------------------------------------------------------- */

static gboolean
is_sep (char c)
{
  return c == ' ' || c == '\t' || c == ',';
}

/* The next word of [*i, end): separated by spaces, tabs and commas. */
static gboolean
next_word (const char *s,
           gsize      *i,
           gsize       end,
           HlSpan     *word)
{
  gsize j;

  while (*i < end && is_sep (s[*i]))
    (*i)++;
  if (*i >= end)
    return FALSE;
  j = *i;
  if (s[j] == '(')
    {
      /* A nested comment is one word. */
      int depth = 0;

      for (; j < end; j++)
        {
          if (s[j] == '(')
            depth++;
          else if (s[j] == ')' && --depth == 0)
            {
              j++;
              break;
            }
        }
    }
  else if (s[j] == '"')
    {
      for (j++; j < end && s[j] != '"'; j++)
        ;
      if (j < end)
        j++;
    }
  else
    /* "name[192.0.2.1]": Sendmail writes no space before the address. */
    while (j < end && !is_sep (s[j]) && !(s[j] == '[' && j > *i && s[j - 1] != '='))
      j++;
  word->off = *i;
  word->len = j - *i;
  *i = j;
  return TRUE;
}

static inline gboolean
span_has_prefix (const char *s,
                 HlSpan      w,
                 const char *prefix)
{
  gsize n = __builtin_strlen (prefix);

  return w.len >= n && hl_span_equal (s + w.off, n, prefix);
}

static inline gboolean
span_is (const char *s,
         HlSpan      w,
         const char *word)
{
  return hl_span_equal (s + w.off, w.len, word);
}

static int
span_to_int (const char *s,
             HlSpan      w)
{
  int v = 0;
  gsize i;

  if (w.len == 0 || w.len > 6)
    return -1;
  for (i = 0; i < w.len && g_ascii_isdigit (s[w.off + i]); i++)
    v = v * 10 + (s[w.off + i] - '0');
  return i == 0 ? -1 : v;
}

/* Trims trailing commas, semicolons and dots that separate rather than belong. */
static HlSpan
trim_span (const char *s,
           HlSpan      w)
{
  while (w.len > 0 && (s[w.off + w.len - 1] == ',' || s[w.off + w.len - 1] == ';'))
    w.len--;
  return w;
}

/* ---------------------------------------------------------------------------
 * Recording what was found
 * ------------------------------------------------------------------------- */

void
hl_set_mta (HlReceived *self,
            const char *mta)
{
  if (self->mta == NULL)
    self->mta = mta;
}

void
hl_record_version (HlReceived *self,
                   HlSpan      w)
{
  gboolean ambiguous = FALSE;

  w = trim_span (self->raw, w);
  if (w.len == 0 || self->version_raw != NULL)
    return;
  self->version_raw = hl_received_intern_span (self, w);
  self->version = hl_tls_version_parse (self->raw + w.off, w.len, &ambiguous);
  self->version_ambiguous = ambiguous;
  hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_VERSION,
                         ambiguous ? "tls.version.ambiguous" : "tls.version");
  if (self->version == HL_TLS_VERSION_UNKNOWN && !ambiguous)
    hl_received_add_warning (self, "unknown-tls-version", w.off, w.len,
                             N_("The TLS version is written in a way Hoplock does not know."));
}

void
hl_record_cipher (HlReceived *self,
                  HlSpan      w)
{
  w = trim_span (self->raw, w);
  if (w.len == 0 || self->cipher != NULL)
    return;
  self->cipher = hl_received_intern_span (self, w);
  hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_CIPHER, "tls.cipher");
}

/* "168", "128/128", "256/256 bits" */
static void
record_bits (HlReceived *self,
             HlSpan      w)
{
  const char *s = self->raw;
  gsize slash;
  HlSpan a = w, b = { 0, 0 };

  w = trim_span (s, w);
  for (slash = 0; slash < w.len && s[w.off + slash] != '/'; slash++)
    ;
  a.len = slash;
  if (slash < w.len)
    {
      b.off = w.off + slash + 1;
      b.len = w.len - slash - 1;
    }
  if (span_to_int (s, a) >= 0 && self->bits < 0)
    {
      self->bits = span_to_int (s, a);
      if (b.len > 0 && span_to_int (s, b) >= 0)
        self->alg_bits = span_to_int (s, b);
      hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_BITS, "tls.bits");
    }
}

typedef struct
{
  const char *raw;
  HlVerify verify;
  const char *explain;
} VerifyWord;

/* Sendmail's ${verify} and OpenSMTPD's values. */
static const VerifyWord verify_words[] = {
  { "OK", HL_VERIFY_VERIFIED, "verify.verified" },
  { "TRUSTED", HL_VERIFY_VERIFIED, "verify.verified" },
  { "YES", HL_VERIFY_VERIFIED, "verify.verified" },
  { "FAIL", HL_VERIFY_FAILED, "verify.failed" },
  { "DANE_FAIL", HL_VERIFY_FAILED, "verify.failed" },
  { "NO", HL_VERIFY_NO_CERTIFICATE, "verify.no-certificate" },
  { "NOT", HL_VERIFY_NOT_REQUESTED, "verify.not-requested" },
  { "NONE", HL_VERIFY_NO_TLS, "verify.no-tls" },
  { "CLEAR", HL_VERIFY_NO_TLS, "verify.no-tls" },
  { "TEMP", HL_VERIFY_ERROR, "verify.error" },
  { "PROTOCOL", HL_VERIFY_ERROR, "verify.error" },
  { "CONFIG", HL_VERIFY_ERROR, "verify.error" },
  { "SOFTWARE", HL_VERIFY_ERROR, "verify.error" },
};

static void
record_verify_word (HlReceived *self,
                    HlSpan      w)
{
  w = trim_span (self->raw, w);
  if (w.len == 0 || self->verify_raw != NULL)
    return;
  self->verify_raw = hl_received_intern_span (self, w);
  self->verify = HL_VERIFY_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (verify_words); i++)
    if (span_is (self->raw, w, verify_words[i].raw))
      {
        self->verify = verify_words[i].verify;
        hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_VERIFY, verify_words[i].explain);
        return;
      }
  hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_VERIFY, "verify.unknown");
}

static void
record_verify (HlReceived *self,
               HlVerify    verify,
               HlSpan      w,
               const char *explain)
{
  if (self->verify_raw != NULL)
    return;
  self->verify = verify;
  self->verify_raw = hl_received_intern_span (self, w);
  hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_VERIFY, explain);
}

/* ---------------------------------------------------------------------------
 * The recognisers. Each gets the span inside the parentheses.
 * ------------------------------------------------------------------------- */

/* Sendmail, Proofpoint, Haraka, Gmail, Microsoft, Mimecast:
 * "version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT",
 * "version=TLS1_2, cipher=TLS_ECDHE_…", "cipher=…", "version=TLS1_3 cipher=… bits=128/128" */
gboolean
hl_recognise_tls_pairs (HlReceived *self,
                        gsize       off,
                        gsize       len,
                        HlClause    clause)
{
  const char *s = self->raw;
  gsize i = off, end = off + len;
  HlSpan w;
  gboolean any = FALSE;

  if (hl_memcasemem (s + off, len, "version=") == NULL
      && hl_memcasemem (s + off, len, "cipher=") == NULL)
    return FALSE;

  while (next_word (s, &i, end, &w))
    {
      static const char *const keys[] = { "version=", "cipher=", "bits=", "verify=" };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          gsize kl = strlen (keys[k]);
          HlSpan v;

          if (!span_has_prefix (s, w, keys[k]))
            continue;
          hl_received_add_token (self, w.off, kl - 1, HL_TOKEN_KEYWORD, "tls.key");
          v.off = w.off + kl;
          v.len = w.len - kl;
          switch (k)
            {
            case 0: hl_record_version (self, v); break;
            case 1: hl_record_cipher (self, v); break;
            case 2: record_bits (self, v); break;
            case 3: record_verify_word (self, v); break;
            default: break;
            }
          any = TRUE;
        }
    }

  if (any && hl_memcasemem (s + off, len, "bits=") != NULL
      && hl_memcasemem (s + off, len, "verify=") != NULL)
    hl_set_mta (self, "sendmail");
  return any;
}

/* Postfix, Stalwart: "using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
 * key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256" */
static gboolean
recognise_postfix_using (HlReceived *self,
                         gsize       off,
                         gsize       len,
                         HlClause    clause)
{
  const char *s = self->raw;
  gsize i = off, end = off + len;
  HlSpan w, prev = { 0, 0 };
  gboolean first = TRUE;

  while (next_word (s, &i, end, &w))
    {
      if (first)
        {
          if (!span_is (s, w, "using"))
            return FALSE;
          /* "(Using TLS)" is a marker without details; the marker table has it. */
          if (!next_word (s, &i, end, &prev) || span_is (s, prev, "TLS"))
            return FALSE;
          hl_received_add_token (self, w.off, w.len, HL_TOKEN_KEYWORD, "tls.using");
          hl_record_version (self, prev);
          first = FALSE;
          continue;
        }

      if (span_is (s, w, "cipher") && span_is (s, prev, "with"))
        {
          if (next_word (s, &i, end, &w))
            hl_record_cipher (self, w);
        }
      else if (s[w.off] == '(' && hl_memcasemem (s + w.off, w.len, "bits") != NULL)
        {
          HlSpan b = { w.off + 1, w.len - 2 };
          gsize sp;

          /* "(256/256 bits)" after the cipher; "(2048 bits)" after the signature. */
          for (sp = 0; sp < b.len && s[b.off + sp] != ' '; sp++)
            ;
          b.len = sp;
          if (self->cipher != NULL && self->bits < 0)
            record_bits (self, b);
        }
      else if (span_is (s, w, "key-exchange"))
        {
          hl_received_add_token (self, w.off, w.len, HL_TOKEN_KEYWORD, "tls.key-exchange");
          if (next_word (s, &i, end, &w))
            {
              self->key_exchange = hl_received_intern_span (self, w);
              hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_KEY_EXCHANGE, "tls.key-exchange");
            }
        }
      else if (span_is (s, w, "server-signature") || span_is (s, w, "client-signature"))
        {
          HlSpan sig = w, nb;
          gsize k;

          if (next_word (s, &i, end, &w))
            sig.len = w.off + w.len - sig.off;
          /* "(2048 bits)" after the algorithm is the size of the signing key. */
          k = i;
          if (next_word (s, &k, end, &nb) && s[nb.off] == '(')
            {
              sig.len = nb.off + nb.len - sig.off;
              i = k;
            }
          hl_received_add_token (self, sig.off, sig.len, HL_TOKEN_TLS_SIGNATURE, "tls.signature");
        }
      else if (span_is (s, w, "server-digest") || span_is (s, w, "client-digest"))
        {
          HlSpan d = w;

          if (next_word (s, &i, end, &w))
            {
              d.len = w.off + w.len - d.off;
              hl_received_add_token (self, d.off, d.len, HL_TOKEN_TLS_SIGNATURE, "tls.digest");
            }
        }
      prev = w;
    }

  if (self->cipher != NULL && hl_memcasemem (self->cipher, strlen (self->cipher), "TLS13_") == self->cipher)
    hl_set_mta (self, "stalwart");
  return TRUE;
}

static gboolean
looks_like_version (const char *s,
                    HlSpan      w)
{
  return span_has_prefix (s, w, "TLS") || span_has_prefix (s, w, "SSL");
}

/* Exim ≤ 4.92 "TLSv1.3:TLS_AES_256_GCM_SHA384:256", "TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256";
 * OpenSMTPD "TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO". */
static gboolean
recognise_colon_tuple (HlReceived *self,
                       gsize       off,
                       gsize       len,
                       HlClause    clause)
{
  const char *s = self->raw;
  HlSpan parts[4];
  guint n = 0;
  gsize start = off;

  if (len == 0 || memchr (s + off, ' ', len) != NULL || memchr (s + off, ':', len) == NULL)
    return FALSE;

  for (gsize i = off; i <= off + len && n < 4; i++)
    if (i == off + len || s[i] == ':')
      {
        parts[n].off = start;
        parts[n].len = i - start;
        n++;
        start = i + 1;
      }

  if (n < 2 || !looks_like_version (s, parts[0]))
    return FALSE;

  hl_record_version (self, parts[0]);
  hl_record_cipher (self, parts[1]);
  if (n >= 3)
    record_bits (self, parts[2]);
  if (n >= 4)
    {
      record_verify_word (self, parts[3]);
      hl_set_mta (self, "opensmtpd");
    }
  else
    hl_set_mta (self, "exim");
  return TRUE;
}

/* Exim ≥ 4.93: "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384"; the cipher follows
 * outside the comment and is read by the clause walker. */
static gboolean
recognise_version_only (HlReceived *self,
                        gsize       off,
                        gsize       len,
                        HlClause    clause)
{
  const char *s = self->raw;
  HlSpan w = { off, len };
  gboolean ambiguous;

  if (len < 4 || len > 12 || memchr (s + off, ' ', len) != NULL || !looks_like_version (s, w))
    return FALSE;
  if (hl_tls_version_parse (s + off, len, &ambiguous) == HL_TLS_VERSION_UNKNOWN && !ambiguous)
    return FALSE;
  hl_record_version (self, w);
  hl_set_mta (self, "exim");
  return TRUE;
}

/* Courier: "TLS: TLSv1/SSLv3,168bits,DES-CBC3-SHA" or "SSL: …" */
static gboolean
recognise_courier (HlReceived *self,
                   gsize       off,
                   gsize       len,
                   HlClause    clause)
{
  const char *s = self->raw;
  HlSpan head = { off, len };
  gsize i, start, end = off + len;
  guint part = 0;

  if (!span_has_prefix (s, head, "TLS:") && !span_has_prefix (s, head, "SSL:"))
    return FALSE;

  hl_received_add_token (self, off, 3, HL_TOKEN_VENDOR_MARKER, "marker.courier");
  self->vendor_marker = TRUE;
  hl_set_mta (self, "courier");

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

            record_bits (self, b);
          }
        else
          hl_record_cipher (self, w);
        part++;
        start = i + 1;
      }
  return TRUE;
}

/* qmail-tls: "AES128-GCM-SHA256 encrypted" */
static gboolean
recognise_qmail_tls (HlReceived *self,
                     gsize       off,
                     gsize       len,
                     HlClause    clause)
{
  const char *s = self->raw;
  gsize i = off, end = off + len;
  HlSpan cipher, word;

  if (len < 11 || !hl_span_equal (s + off + len - 9, 9, "encrypted"))
    return FALSE;
  if (!next_word (s, &i, end, &cipher) || !next_word (s, &i, end, &word)
      || !span_is (s, word, "encrypted") || i < end)
    return FALSE;
  hl_record_cipher (self, cipher);
  hl_received_add_token (self, word.off, word.len, HL_TOKEN_VENDOR_MARKER, "marker.qmail-tls");
  self->vendor_marker = TRUE;
  hl_set_mta (self, "qmail");
  return TRUE;
}

/* Postfix's record of the client certificate. */
static gboolean
recognise_client_cert (HlReceived *self,
                       gsize       off,
                       gsize       len,
                       HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };
  const char *p;

  if (span_is (s, all, "No client certificate requested"))
    record_verify (self, HL_VERIFY_NOT_REQUESTED, all, "verify.not-requested");
  else if (span_is (s, all, "Client did not present a certificate"))
    record_verify (self, HL_VERIFY_NO_CERTIFICATE, all, "verify.no-certificate");
  else if (span_has_prefix (s, all, "Client CN ") || span_has_prefix (s, all, "Client CN="))
    {
      HlSpan v;

      if ((p = hl_memcasemem (s + off, len, "(verified OK)")) != NULL)
        {
          v.off = p - s + 1;
          v.len = 11;
          record_verify (self, HL_VERIFY_VERIFIED, v, "verify.verified");
        }
      else if ((p = hl_memcasemem (s + off, len, "(not verified)")) != NULL)
        {
          v.off = p - s + 1;
          v.len = 12;
          record_verify (self, HL_VERIFY_FAILED, v, "verify.failed");
        }
      hl_received_add_token (self, off, MIN (len, 9), HL_TOKEN_CLIENT_CERT, "tls.client-cert");
    }
  else
    return FALSE;
  hl_set_mta (self, "postfix");
  return TRUE;
}

typedef struct
{
  const char *text;
  const char *explain;
  const char *mta;
  guint local : 1;     /* a sign of a local hop, not of TLS */
  guint prefix : 1;    /* the comment starts with the text */
} Marker;

/* Comments whose whole text is a vendor's sign. */
static const Marker markers[] = {
  { "TLS", "marker.microsoft-tls", "microsoft", 0, 0 },
  { "Google Transport Security", "marker.google-transport-security", "gmail", 0, 0 },
  { "Using TLS", "marker.using-tls", "mimecast", 0, 0 },
  { "TLS encrypted", "marker.using-tls", NULL, 0, 0 },
  { "Postfix, from userid", "local.userid", "postfix", 1, 1 },
  { "from userid", "local.userid", NULL, 1, 1 },
  { "Postfix-pickup", "local.pickup", "postfix", 1, 0 },
};

static gboolean
recognise_marker (HlReceived *self,
                  gsize       off,
                  gsize       len,
                  HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const Marker *m = &markers[i];

      if (m->prefix ? !span_has_prefix (s, all, m->text) : !span_is (s, all, m->text))
        continue;
      if (m->local)
        {
          self->local_marker = TRUE;
          hl_received_add_token (self, off, len, HL_TOKEN_LOCAL_MARKER, m->explain);
          if (m->mta != NULL && self->by_software == NULL)
            self->by_software = hl_received_intern (self, "Postfix", 7);
        }
      else
        {
          self->vendor_marker = TRUE;
          hl_received_add_token (self, off, len, HL_TOKEN_VENDOR_MARKER, m->explain);
        }
      if (m->mta != NULL)
        hl_set_mta (self, m->mta);
      return TRUE;
    }
  return FALSE;
}

/* qmail: "qmail 10876 invoked from network", "qmail 123 invoked by uid 89" */
static gboolean
recognise_qmail (HlReceived *self,
                 gsize       off,
                 gsize       len,
                 HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };

  if (!span_has_prefix (s, all, "qmail ") || hl_memcasemem (s + off, len, "invoked") == NULL)
    return FALSE;
  /* qmail-queue was started on the receiving machine itself: by a local user
   * ("invoked by uid 89", "by alias") or by qmail-smtpd ("invoked from network"),
   * whose own field records the network hop. Either way this field is a hand-off
   * inside one machine. */
  hl_set_mta (self, "qmail");
  self->local_marker = TRUE;
  hl_received_add_token (self, off, len, HL_TOKEN_LOCAL_MARKER,
                         hl_memcasemem (s + off, len, "invoked from network") != NULL
                         ? "local.qmail-from-network" : "local.qmail-invoked");
  return TRUE;
}

/* Sendmail's submission program: "(from user@localhost)" before "by". */
static gboolean
recognise_local_sender (HlReceived *self,
                        gsize       off,
                        gsize       len,
                        HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };

  if (clause != HL_CLAUSE_NONE || !span_has_prefix (s, all, "from ") || memchr (s + off, '@', len) == NULL)
    return FALSE;
  self->local_marker = TRUE;
  hl_received_add_token (self, off, len, HL_TOKEN_LOCAL_MARKER, "local.submit");
  return TRUE;
}

static gboolean
recognise_auth (HlReceived *self,
                gsize       off,
                gsize       len,
                HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };

  if (!span_has_prefix (s, all, "Authenticated sender")
      && !span_has_prefix (s, all, "authenticated bits=")
      && !span_has_prefix (s, all, "authenticated as")
      && !span_has_prefix (s, all, "authenticated user")
      && !span_is (s, all, "authenticated"))
    return FALSE;
  /* "authenticated bits=0" is Haraka's and Sendmail's: SASL with no security layer. */
  self->authenticated = TRUE;
  hl_received_add_token (self, off, len, HL_TOKEN_AUTH, "auth.authenticated");
  return TRUE;
}

static gboolean
recognise_envelope (HlReceived *self,
                    gsize       off,
                    gsize       len,
                    HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len }, v;
  gsize kl;

  if (span_has_prefix (s, all, "envelope-from"))
    kl = 13;
  else if (span_has_prefix (s, all, "envelope-sender"))
    kl = 15;
  else
    return FALSE;

  hl_received_add_token (self, off, kl, HL_TOKEN_KEYWORD, "clause.envelope-from");
  v.off = off + kl;
  v.len = len - kl;
  while (v.len > 0 && (s[v.off] == ' ' || s[v.off] == '=' || s[v.off] == ':'))
    v.off++, v.len--;
  if (v.len > 0 && self->envelope_from == NULL)
    {
      self->envelope_from = hl_received_intern_span (self, v);
      hl_received_add_token (self, v.off, v.len, HL_TOKEN_ENVELOPE_FROM, "value.envelope-from");
    }
  return TRUE;
}

/* Strips "[…]" and an "IPv6:" prefix and normalises; writes the span of the address. */
static gboolean
span_ip (HlReceived *self,
         HlSpan      w,
         char       *out,
         gsize       out_size,
         HlSpan     *addr)
{
  const char *s = self->raw;

  if (w.len >= 2 && s[w.off] == '[')
    {
      gsize close;

      for (close = 1; close < w.len && s[w.off + close] != ']'; close++)
        ;
      if (close == w.len)
        return FALSE;
      w.off += 1;
      w.len = close - 1;
    }
  if (w.len > 0 && s[w.off + w.len - 1] == '.')
    w.len--;
  if (!hl_ip_normalize (s + w.off, w.len, out, out_size, NULL))
    return FALSE;
  if (addr != NULL)
    *addr = w;
  return TRUE;
}

/* A TCP port, 0 to 65535, or -1. */
static int
span_to_port (const char *s,
              HlSpan      w)
{
  int v = span_to_int (s, w);

  return v <= 65535 ? v : -1;
}

/* "[addr]:port" */
static int
literal_port (const char *s,
              HlSpan      w)
{
  for (gsize i = 0; i + 1 < w.len; i++)
    if (s[w.off + i] == ']' && s[w.off + i + 1] == ':')
      {
        HlSpan p = { w.off + i + 2, w.len - i - 2 };

        return span_to_port (s, p);
      }
  return -1;
}

static gboolean
looks_like_host (const char *s,
                 HlSpan      w)
{
  if (w.len == 0 || w.len > 255)
    return FALSE;
  for (gsize i = 0; i < w.len; i++)
    {
      char c = s[w.off + i];

      if (!(g_ascii_isalnum (c) || c == '.' || c == '-' || c == '_' || c == '@'))
        return FALSE;
    }
  return TRUE;
}

/* The client's TCP information, in every layout:
 * Postfix/Sendmail "RDNS [IP]", "unknown [IP]", "user@RDNS [IP] (may be forged)";
 * Exim "[IP]:port helo=HELO", "port=N helo=HELO"; qmail "HELO name" then "(IP)";
 * Microsoft "IP". Only comments that stand in the from clause are read so. */
gboolean
hl_recognise_tcp_info (HlReceived *self,
                       gsize       off,
                       gsize       len,
                       HlClause    clause,
                       HlTcpInfo  *info)
{
  const char *s = self->raw;
  gsize i = off, end = off + len;
  HlSpan w;
  gboolean any = FALSE;

  memset (info, 0, sizeof *info);
  info->port = -1;

  while (next_word (s, &i, end, &w))
    {
      char ip[64];
      HlSpan addr;

      if (s[w.off] == '(')
        {
          if (span_is (s, w, "(may be forged)"))
            info->forged = w;
          continue;
        }
      if (span_has_prefix (s, w, "helo=") || span_has_prefix (s, w, "ehlo="))
        {
          info->helo.off = w.off + 5;
          info->helo.len = w.len - 5;
          info->helo_key = (HlSpan) { w.off, 4 };
          info->exim = TRUE;
          any = TRUE;
        }
      else if (span_has_prefix (s, w, "port="))
        {
          HlSpan p = { w.off + 5, w.len - 5 };

          info->port = span_to_port (s, p);
          info->port_span = p;
          info->exim = TRUE;
          any = TRUE;
        }
      else if ((span_is (s, w, "HELO") || span_is (s, w, "EHLO") || span_is (s, w, "HELLO"))
               && next_word (s, &i, end, &info->helo))
        {
          info->helo_key = w;
          any = TRUE;
        }
      else if (info->ip.len == 0 && span_ip (self, w, ip, sizeof ip, &addr))
        {
          g_strlcpy (info->ip_text, ip, sizeof info->ip_text);
          info->ip = addr;
          if (s[w.off] == '[')
            {
              info->port = MAX (info->port, literal_port (s, w));
              if (info->port >= 0)
                info->port_span = (HlSpan) { addr.off + addr.len + 2,
                                             w.off + w.len - (addr.off + addr.len + 2) };
            }
          any = TRUE;
        }
      else if (span_is (s, w, "unknown") && info->rdns.len == 0)
        info->unknown = TRUE;
      else if (span_is (s, w, "[unknown]"))
        ;
      else if (info->rdns.len == 0 && !info->unknown && info->ip.len == 0 && looks_like_host (s, w))
        info->rdns = w;
      else
        return FALSE;  /* words that are no part of TCP information */
    }

  if (info->ip.len == 0 && info->helo.len == 0)
    return FALSE;
  return any;
}

/* The software of the receiving server: "(Postfix)", "(8.12.9/8.12.9)", "(Exim 4.96)". */
typedef struct
{
  const char *needle;
  gsize len;
  const char *mta;
  guint in_with : 1;   /* may stand after the with clause too */
} Software;

static const Software software[] = {
  { HL_WORD ("Postfix"), "postfix", 0 },
  { HL_WORD ("Exim"), "exim", 1 },
  { HL_WORD ("Haraka"), "haraka", 0 },
  { HL_WORD ("OpenSMTPD"), "opensmtpd", 0 },
  { HL_WORD ("Stalwart"), "stalwart", 1 },
  { HL_WORD ("Courier"), "courier", 1 },
  { HL_WORD ("qmail"), "qmail", 0 },
  { HL_WORD ("Sendmail"), "sendmail", 0 },
  { HL_WORD ("PowerMTA"), "powermta", 0 },
  { HL_WORD ("Mimecast"), "mimecast", 0 },
  { HL_WORD ("IronPort"), "ironport", 0 },
  { HL_WORD ("Proofpoint"), "proofpoint", 0 },
  { HL_WORD ("MDaemon"), "mdaemon", 1 },
  { HL_WORD ("Zimbra"), "zimbra", 0 },
  { HL_WORD ("Dovecot"), "dovecot", 1 },
  { HL_WORD ("SG"), "sendgrid", 0 },
};

static gboolean
is_sendmail_version (const char *s,
                     HlSpan      w)
{
  /* "8.12.9/8.12.9", "8.14.7/8.14.7/Submit" */
  gsize slash = 0, dots = 0;

  if (w.len == 0 || !g_ascii_isdigit (s[w.off]))
    return FALSE;
  for (gsize i = 0; i < w.len; i++)
    {
      char c = s[w.off + i];

      if (c == '/')
        slash++;
      else if (c == '.')
        dots++;
      else if (!g_ascii_isalnum (c) && c != '-' && c != '+')
        return FALSE;
    }
  return slash >= 1 && dots >= 2;
}

static gboolean
recognise_software (HlReceived *self,
                    gsize       off,
                    gsize       len,
                    HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };
  char ip[64];

  if (clause != HL_CLAUSE_BY && clause != HL_CLAUSE_WITH && clause != HL_CLAUSE_ID)
    return FALSE;
  if (span_ip (self, all, ip, sizeof ip, NULL))
    {
      /* Microsoft writes the receiving server's own address here. */
      hl_received_add_token (self, off, len, HL_TOKEN_IP, "by.ip");
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    {
      const Software *sw = &software[i];
      gsize nl = sw->len;

      if (clause != HL_CLAUSE_BY && !sw->in_with)
        continue;
      if (len >= nl && hl_ascii_lower (s[off]) == hl_ascii_lower (sw->needle[0])
          && hl_span_equal (s + off, nl, sw->needle)
          && (len == nl || !g_ascii_isalnum (s[off + nl])))
        {
          /* The software's own name says more than any other sign. */
          self->mta = sw->mta;
          goto found;
        }
    }
  if (is_sendmail_version (s, all))
    {
      hl_set_mta (self, "sendmail");
      if (hl_memcasemem (s + off, len, "/Submit") != NULL)
        self->local_marker = TRUE;
      goto found;
    }
  if (clause != HL_CLAUSE_BY)
    return FALSE;

found:
  if (self->by_software == NULL)
    self->by_software = hl_received_intern_span (self, all);
  hl_received_add_token (self, off, len, HL_TOKEN_SOFTWARE, "by.software");
  return TRUE;
}

/* The letters a comment may start with, as a bit set. */
#define BIT(c) (1u << ((c) - 'a'))

/* In the order they are tried, each with the first letters (lower case) its
 * comments can start with, so most recognisers are skipped at a glance; 0 means
 * any. */
static const struct
{
  HlRecogniser recognise;
  guint32 first;
} recognisers[] = {
  { hl_recognise_tls_pairs, BIT ('v') | BIT ('c') | BIT ('b') },
  { recognise_postfix_using, BIT ('u') },
  { recognise_colon_tuple, BIT ('t') | BIT ('s') },
  { recognise_version_only, BIT ('t') | BIT ('s') },
  { recognise_courier, BIT ('t') | BIT ('s') },
  { recognise_qmail_tls, 0 },
  { recognise_client_cert, BIT ('n') | BIT ('c') },
  { recognise_marker, BIT ('t') | BIT ('g') | BIT ('u') | BIT ('p') | BIT ('f') },
  { recognise_qmail, BIT ('q') },
  { recognise_auth, BIT ('a') },
  { recognise_envelope, BIT ('e') },
  { recognise_local_sender, BIT ('f') },
  { recognise_software, 0 },
};

gboolean
hl_recognise_comment (HlReceived *self,
                      gsize       off,
                      gsize       len,
                      HlClause    clause)
{
  char c = len > 0 ? hl_ascii_lower (self->raw[off]) : '\0';
  guint32 bit = c >= 'a' && c <= 'z' ? BIT (c) : 0;

  for (guint i = 0; i < G_N_ELEMENTS (recognisers); i++)
    if ((recognisers[i].first == 0 || (recognisers[i].first & bit) != 0)
        && recognisers[i].recognise (self, off, len, clause))
      return TRUE;
  return FALSE;
}
