/* hl-comments.c: what the comments of a Received field say
 *
 * Every dialect puts its details in comments: the client's address, the TLS
 * version and cipher, the certificate check, the software, authentication. Each
 * detail has one small recogniser: the shared ones are here (hl_core_comment_rules
 * at the end), the ones only one dialect writes are in its file in
 * parser/dialects/. They run in the order of their HL_ORDER_* step; the first
 * that recognises a comment wins. A new format is a new row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "core/hl-dialect-private.h"

/* ---------------------------------------------------------------------------
 * Small tools over spans of the raw text
 * ------------------------------------------------------------------------- */

static gboolean
is_sep (char c)
{
  return c == ' ' || c == '\t' || c == ',';
}

/* The next word of [*i, end): separated by spaces, tabs and commas. */
gboolean
hl_next_word (const char *s,
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
void
hl_record_bits (HlReceived *self,
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

void
hl_record_verify_word (HlReceived *self,
                       HlSpan      w)
{
  w = trim_span (self->raw, w);
  if (w.len == 0 || self->verify_raw != NULL)
    return;
  self->verify_raw = hl_received_intern_span (self, w);
  self->verify = HL_VERIFY_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (verify_words); i++)
    if (hl_span_is (self->raw, w, verify_words[i].raw))
      {
        self->verify = verify_words[i].verify;
        hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_VERIFY, verify_words[i].explain);
        return;
      }
  hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_VERIFY, "verify.unknown");
}

void
hl_record_verify (HlReceived *self,
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

  while (hl_next_word (s, &i, end, &w))
    {
      static const char *const keys[] = { "version=", "cipher=", "bits=", "verify=" };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          gsize kl = strlen (keys[k]);
          HlSpan v;

          if (!hl_span_has_prefix (s, w, keys[k]))
            continue;
          hl_received_add_token (self, w.off, kl - 1, HL_TOKEN_KEYWORD, "tls.key");
          v.off = w.off + kl;
          v.len = w.len - kl;
          switch (k)
            {
            case 0: hl_record_version (self, v); break;
            case 1: hl_record_cipher (self, v); break;
            case 2: hl_record_bits (self, v); break;
            case 3: hl_record_verify_word (self, v); break;
            default: break;
            }
          any = TRUE;
        }
    }

  /* Sendmail writes all four keys; a dialect says which keys are its sign. */
  if (any)
    {
      const HlDialectTables *tables = hl_dialect_tables ();

      for (guint d = 0; d < tables->n_pair_keyed; d++)
        {
          const char *const *keys = tables->pair_keyed[d]->tls_pair_keys;
          guint k;

          for (k = 0; keys[k] != NULL && hl_memcasemem (s + off, len, keys[k]) != NULL; k++)
            ;
          if (keys[k] == NULL)
            {
              hl_set_dialect (self, tables->pair_keyed[d]);
              break;
            }
        }
    }
  return any;
}

/* Postfix, Symantec, RZmta, Stalwart: "using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384
 * (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256" */
static gboolean
recognise_using (HlReceived *self,
                 gsize       off,
                 gsize       len,
                 HlClause    clause)
{
  const char *s = self->raw;
  gsize i = off, end = off + len;
  HlSpan w, prev = { 0, 0 };
  gboolean first = TRUE;

  while (hl_next_word (s, &i, end, &w))
    {
      if (first)
        {
          if (!hl_span_is (s, w, "using"))
            return FALSE;
          /* "(Using TLS)" is a marker without details; the marker table has it. */
          if (!hl_next_word (s, &i, end, &prev) || hl_span_is (s, prev, "TLS"))
            return FALSE;
          hl_received_add_token (self, w.off, w.len, HL_TOKEN_KEYWORD, "tls.using");
          hl_record_version (self, prev);
          first = FALSE;
          continue;
        }

      if (hl_span_is (s, w, "cipher") && hl_span_is (s, prev, "with"))
        {
          if (hl_next_word (s, &i, end, &w))
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
            hl_record_bits (self, b);
        }
      else if (hl_span_is (s, w, "key-exchange"))
        {
          hl_received_add_token (self, w.off, w.len, HL_TOKEN_KEYWORD, "tls.key-exchange");
          if (hl_next_word (s, &i, end, &w))
            {
              self->key_exchange = hl_received_intern_span (self, w);
              hl_received_add_token (self, w.off, w.len, HL_TOKEN_TLS_KEY_EXCHANGE, "tls.key-exchange");
            }
        }
      else if (hl_span_is (s, w, "server-signature") || hl_span_is (s, w, "client-signature"))
        {
          HlSpan sig = w, nb;
          gsize k;

          if (hl_next_word (s, &i, end, &w))
            sig.len = w.off + w.len - sig.off;
          /* "(2048 bits)" after the algorithm is the size of the signing key. */
          k = i;
          if (hl_next_word (s, &k, end, &nb) && s[nb.off] == '(')
            {
              sig.len = nb.off + nb.len - sig.off;
              i = k;
            }
          hl_received_add_token (self, sig.off, sig.len, HL_TOKEN_TLS_SIGNATURE, "tls.signature");
        }
      else if (hl_span_is (s, w, "server-digest") || hl_span_is (s, w, "client-digest"))
        {
          HlSpan d = w;

          if (hl_next_word (s, &i, end, &w))
            {
              d.len = w.off + w.len - d.off;
              hl_received_add_token (self, d.off, d.len, HL_TOKEN_TLS_SIGNATURE, "tls.digest");
            }
        }
      prev = w;
    }

  /* A cipher name only one dialect writes ("TLS13_…") names it. */
  if (self->cipher != NULL)
    {
      const HlDialectTables *tables = hl_dialect_tables ();

      for (guint d = 0; d < tables->n_cipher_prefixed; d++)
        {
          const char *prefix = tables->cipher_prefixed[d]->using_cipher_prefix;

          if (g_ascii_strncasecmp (self->cipher, prefix, strlen (prefix)) == 0)
            {
              hl_set_dialect (self, tables->cipher_prefixed[d]);
              break;
            }
        }
    }
  return TRUE;
}

gboolean
hl_looks_like_tls_version (const char *s,
                           HlSpan      w)
{
  return hl_span_has_prefix (s, w, "TLS") || hl_span_has_prefix (s, w, "SSL");
}

/* Exim ≤ 4.92 "TLSv1.3:TLS_AES_256_GCM_SHA384:256", "TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256";
 * OpenSMTPD "TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO". Splits the comment at its colons
 * into at most four parts; returns how many, or 0 if it is no such tuple. */
guint
hl_split_tls_tuple (HlReceived *self,
                    gsize       off,
                    gsize       len,
                    HlSpan      parts[4])
{
  const char *s = self->raw;
  guint n = 0;
  gsize start = off;

  if (len == 0 || memchr (s + off, ' ', len) != NULL || memchr (s + off, ':', len) == NULL)
    return 0;

  for (gsize i = off; i <= off + len && n < 4; i++)
    if (i == off + len || s[i] == ':')
      {
        parts[n].off = start;
        parts[n].len = i - start;
        n++;
        start = i + 1;
      }

  if (n < 2 || !hl_looks_like_tls_version (s, parts[0]))
    return 0;
  return n;
}

/* Comments whose whole text (or start) is a dialect's sign: every dialect's markers. */
static gboolean
recognise_marker (HlReceived *self,
                  gsize       off,
                  gsize       len,
                  HlClause    clause)
{
  const HlDialectTables *tables = hl_dialect_tables ();
  const char *s = self->raw;
  HlSpan all = { off, len };

  for (guint i = 0; i < tables->n_markers; i++)
    {
      const HlMarker *m = tables->markers[i].row;

      if (m->prefix ? !hl_span_has_prefix (s, all, m->text) : !hl_span_is (s, all, m->text))
        continue;
      if (m->local)
        {
          self->local_marker = TRUE;
          hl_received_add_token (self, off, len, HL_TOKEN_LOCAL_MARKER, m->explain);
          if (m->software != NULL && self->by_software == NULL)
            self->by_software = hl_received_intern (self, m->software, strlen (m->software));
        }
      else
        {
          self->vendor_marker = TRUE;
          hl_received_add_token (self, off, len, HL_TOKEN_VENDOR_MARKER, m->explain);
        }
      hl_set_dialect (self, tables->markers[i].dialect);
      return TRUE;
    }
  return FALSE;
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

  if (clause != HL_CLAUSE_NONE || !hl_span_has_prefix (s, all, "from ") || memchr (s + off, '@', len) == NULL)
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

  if (!hl_span_has_prefix (s, all, "Authenticated sender")
      && !hl_span_has_prefix (s, all, "authenticated bits=")
      && !hl_span_has_prefix (s, all, "authenticated as")
      && !hl_span_has_prefix (s, all, "authenticated user")
      && !hl_span_is (s, all, "authenticated"))
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

  if (hl_span_has_prefix (s, all, "envelope-from"))
    kl = 13;
  else if (hl_span_has_prefix (s, all, "envelope-sender"))
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

  while (hl_next_word (s, &i, end, &w))
    {
      char ip[64];
      HlSpan addr;

      if (s[w.off] == '(')
        {
          if (hl_span_is (s, w, "(may be forged)"))
            info->forged = w;
          continue;
        }
      if (hl_span_has_prefix (s, w, "helo=") || hl_span_has_prefix (s, w, "ehlo="))
        {
          info->helo.off = w.off + 5;
          info->helo.len = w.len - 5;
          info->helo_key = (HlSpan) { w.off, 4 };
          info->keyed = TRUE;
          any = TRUE;
        }
      else if (hl_span_has_prefix (s, w, "port="))
        {
          HlSpan p = { w.off + 5, w.len - 5 };

          info->port = span_to_port (s, p);
          info->port_span = p;
          info->keyed = TRUE;
          any = TRUE;
        }
      else if ((hl_span_is (s, w, "HELO") || hl_span_is (s, w, "EHLO") || hl_span_is (s, w, "HELLO"))
               && hl_next_word (s, &i, end, &info->helo))
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
      else if (hl_span_is (s, w, "unknown") && info->rdns.len == 0)
        info->unknown = TRUE;
      else if (hl_span_is (s, w, "[unknown]"))
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

/* The software of the receiving server: "(Postfix)", "(8.12.9/8.12.9)", "(Exim 4.96)",
 * by every dialect's HlSoftware rows. */
static gboolean
recognise_software (HlReceived *self,
                    gsize       off,
                    gsize       len,
                    HlClause    clause)
{
  const HlDialectTables *tables;
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

  tables = hl_dialect_tables ();

  if (len > 0)
    {
      guint b = hl_bucket_of (s[off]);

      for (guint i = 0; i < tables->n_software[b]; i++)
        {
          const HlSoftware *sw = tables->software[b][i].row;
          gsize nl = sw->len;

          if (clause != HL_CLAUSE_BY && !sw->in_with)
            continue;
          if (len >= nl && hl_span_equal_n (s + off, nl, sw->name, nl)
              && (len == nl || !g_ascii_isalnum (s[off + nl])))
            {
              /* The software's own name says more than any other sign. */
              hl_force_dialect (self, tables->software[b][i].dialect);
              goto found;
            }
        }
    }
  for (guint i = 0; i < tables->n_software_tests; i++)
    {
      const HlSoftware *sw = tables->software_tests[i].row;

      if ((clause == HL_CLAUSE_BY || sw->in_with) && sw->matches (self, all))
        {
          hl_set_dialect (self, tables->software_tests[i].dialect);
          goto found;
        }
    }
  if (clause != HL_CLAUSE_BY)
    return FALSE;

found:
  if (self->by_software == NULL)
    self->by_software = hl_received_intern_span (self, all);
  hl_received_add_token (self, off, len, HL_TOKEN_SOFTWARE, "by.software");
  return TRUE;
}

/* The shared recognisers, among the dialects' (HlDialect.comments) by their order. */
const HlCommentRule hl_core_comment_rules[] = {
  { hl_recognise_tls_pairs, HL_FIRST ('v') | HL_FIRST ('c') | HL_FIRST ('b'), HL_ORDER_TLS_PAIRS },
  { recognise_using, HL_FIRST ('u'), HL_ORDER_USING },
  { recognise_marker, HL_FIRST ('t') | HL_FIRST ('g') | HL_FIRST ('u') | HL_FIRST ('p') | HL_FIRST ('f'),
    HL_ORDER_MARKERS },
  { recognise_auth, HL_FIRST ('a'), HL_ORDER_AUTH },
  { recognise_envelope, HL_FIRST ('e'), HL_ORDER_ENVELOPE },
  { recognise_local_sender, HL_FIRST ('f'), HL_ORDER_LOCAL_SENDER },
  { recognise_software, 0, HL_ORDER_SOFTWARE },
  { NULL, 0, 0 }
};

gboolean
hl_recognise_comment (HlReceived *self,
                      gsize       off,
                      gsize       len,
                      HlClause    clause)
{
  const HlRecogniser *r = hl_dialect_tables ()->comments[len > 0 ? hl_bucket_of (self->raw[off])
                                                                 : HL_N_BUCKETS - 1];

  for (; *r != NULL; r++)
    if ((*r) (self, off, len, clause))
      return TRUE;
  return FALSE;
}
