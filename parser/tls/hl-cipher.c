/* hl-cipher.c: what a TLS cipher-suite name means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tls/hl-cipher.h"

#include <stdlib.h>
#include <string.h>

typedef struct
{
  const char *name;
  guint16 index;
} HlCipherName;

/* hl_cipher_suites[] and hl_cipher_names[], written by tools/gen-cipher-table.py */
#include "tls/hl-cipher-table.inc"

/* Room in front of the normalised name, so "TLS_" can be put before it. */
#define PREFIX_ROOM 4

/* Copies @name into @buf upper-cased, with '-' as '_' and surrounding white
 * space dropped. Fails for names that are empty, longer than
 * HL_CIPHER_NAME_MAX or hold a character no suite name has. */
static gboolean
normalize (const char *name,
           char       *buf,
           gsize      *len)
{
  gsize n = 0;

  while (*name == ' ' || *name == '\t' || *name == '\r' || *name == '\n')
    name++;

  for (; *name != '\0'; name++)
    {
      char c = *name;

      if (n == HL_CIPHER_NAME_MAX)
        {
          /* Trailing white space may follow a name of exactly the limit. */
          while (*name == ' ' || *name == '\t' || *name == '\r' || *name == '\n')
            name++;
          if (*name != '\0')
            return FALSE;
          break;
        }

      if (c >= 'a' && c <= 'z')
        c = c - 'a' + 'A';
      else if (c == '-')
        c = '_';
      else if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        {
          const char *p = name;

          while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
          if (*p != '\0')
            return FALSE;
          break;
        }
      else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
        return FALSE;

      buf[n++] = c;
    }

  if (n == 0)
    return FALSE;

  buf[n] = '\0';
  *len = n;
  return TRUE;
}

static gboolean
has_prefix (const char *s,
            const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

/* Drops Microsoft's curve suffix (TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384). */
static void
strip_curve_suffix (char  *s,
                    gsize *len)
{
  if (*len > 5)
    {
      const char *end = s + *len - 5;

      if (strcmp (end, "_P256") == 0 || strcmp (end, "_P384") == 0 ||
          strcmp (end, "_P521") == 0)
        {
          *len -= 5;
          s[*len] = '\0';
        }
    }
}

static const HlCipherSuite *
search (const char *key)
{
  gsize lo = 0;
  gsize hi = G_N_ELEMENTS (hl_cipher_names);

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int cmp = strcmp (key, hl_cipher_names[mid].name);

      if (cmp == 0)
        return &hl_cipher_suites[hl_cipher_names[mid].index];
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }

  return NULL;
}

/**
 * hl_cipher_lookup:
 * @name: a cipher-suite name as a Received field writes it
 *
 * Finds the suite @name stands for. Every spelling mail servers write is
 * understood, in any letter case: OpenSSL (`ECDHE-RSA-AES256-GCM-SHA384`,
 * `EDH-RSA-DES-CBC3-SHA`), IANA (`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`,
 * also with the old `SSL_` prefix, without a prefix, or with Microsoft's
 * curve suffix `_P256`/`_P384`/`_P521`), GnuTLS with or without `TLS_`
 * (`ECDHE_RSA_AES_256_GCM_SHA384`), LibreSSL (`AEAD-AES256-GCM-SHA384`) and
 * Stalwart's `TLS13_AES_256_GCM_SHA384`.
 *
 * Does not allocate.
 *
 * Returns: (transfer none) (nullable): the suite, or %NULL if @name is unknown
 *   or longer than %HL_CIPHER_NAME_MAX bytes
 */
const HlCipherSuite *
hl_cipher_lookup (const char *name)
{
  char buf[PREFIX_ROOM + HL_CIPHER_NAME_MAX + 1];
  char *s = buf + PREFIX_ROOM;
  const HlCipherSuite *suite;
  gsize len;

  g_return_val_if_fail (name != NULL, NULL);

  if (!normalize (name, s, &len))
    return NULL;

  strip_curve_suffix (s, &len);

  if (has_prefix (s, "SSL_"))
    memcpy (s, "TLS_", 4);
  else if (has_prefix (s, "TLS13_"))
    {
      s += 2;
      memcpy (s, "TLS_", 4);
    }

  suite = search (s);
  if (suite != NULL)
    return suite;

  /* An IANA name written without its prefix, or another spelling with one. */
  if (has_prefix (s, "TLS_"))
    return search (s + 4);

  s -= 4;
  memcpy (s, "TLS_", 4);
  return search (s);
}

/* Decomposition ----------------------------------------------------------- */

typedef enum
{
  TOK_UNKNOWN,
  TOK_IGNORE,      /* group names, signature details, SRP's "SHA" */
  TOK_WITH,
  TOK_EXPORT,
  TOK_EXPORT1024,
  TOK_AEAD_PREFIX, /* LibreSSL's TLS 1.3 names */
  TOK_RSA,
  TOK_DSS,
  TOK_ECDSA,
  TOK_DH,
  TOK_DHE,
  TOK_ECDH,
  TOK_ECDHE,
  TOK_ADH,
  TOK_AECDH,
  TOK_ANON,
  TOK_PSK,
  TOK_SRP,
  TOK_KRB5,
  TOK_GOST,
  TOK_CIPHER,      /* value: the cipher name; bits: its default size */
  TOK_MODE,
  TOK_CBC3,
  TOK_EDE,
  TOK_MAC,
  TOK_SHA,         /* SHA or SHA1: the MAC after the cipher, SRP's hash before */
  TOK_OLD,
} TokKind;

typedef struct
{
  const char *text;
  TokKind kind;
  const char *value;
  guint16 bits;
} Tok;

static const Tok tokens[] = {
  { "WITH", TOK_WITH, NULL, 0 },
  { "EXP", TOK_EXPORT, NULL, 0 },
  { "EXPORT", TOK_EXPORT, NULL, 0 },
  { "EXP1024", TOK_EXPORT1024, NULL, 0 },
  { "EXPORT1024", TOK_EXPORT1024, NULL, 0 },
  { "AEAD", TOK_AEAD_PREFIX, NULL, 0 },
  { "RSA", TOK_RSA, NULL, 0 },
  { "DSS", TOK_DSS, NULL, 0 },
  { "ECDSA", TOK_ECDSA, NULL, 0 },
  { "DH", TOK_DH, NULL, 0 },
  { "DHE", TOK_DHE, NULL, 0 },
  { "EDH", TOK_DHE, NULL, 0 },
  { "ECDH", TOK_ECDH, NULL, 0 },
  { "ECDHE", TOK_ECDHE, NULL, 0 },
  { "EECDH", TOK_ECDHE, NULL, 0 },
  { "ADH", TOK_ADH, NULL, 0 },
  { "AECDH", TOK_AECDH, NULL, 0 },
  { "ANON", TOK_ANON, NULL, 0 },
  { "PSK", TOK_PSK, NULL, 0 },
  { "SRP", TOK_SRP, NULL, 0 },
  { "KRB5", TOK_KRB5, NULL, 0 },
  { "GOSTR341112", TOK_GOST, NULL, 0 },
  { "AES", TOK_CIPHER, "AES", 0 },
  { "CAMELLIA", TOK_CIPHER, "CAMELLIA", 0 },
  { "ARIA", TOK_CIPHER, "ARIA", 0 },
  { "CHACHA20", TOK_CIPHER, "CHACHA20", 256 },
  { "3DES", TOK_CIPHER, "3DES", 168 },
  { "DES", TOK_CIPHER, "DES", 56 },
  { "DES40", TOK_CIPHER, "DES", 40 },
  { "RC4", TOK_CIPHER, "RC4", 128 },
  { "ARCFOUR", TOK_CIPHER, "RC4", 128 },
  { "RC2", TOK_CIPHER, "RC2", 128 },
  { "IDEA", TOK_CIPHER, "IDEA", 128 },
  { "SEED", TOK_CIPHER, "SEED", 128 },
  { "NULL", TOK_CIPHER, "NULL", 0 },
  { "28147", TOK_CIPHER, "GOST28147", 256 },
  { "CBC", TOK_MODE, "CBC", 0 },
  { "GCM", TOK_MODE, "GCM", 0 },
  { "CCM", TOK_MODE, "CCM", 0 },
  { "CCM8", TOK_MODE, "CCM_8", 0 },
  { "POLY1305", TOK_MODE, "POLY1305", 0 },
  { "CNT", TOK_MODE, "CNT", 0 },
  { "CBC3", TOK_CBC3, NULL, 0 },
  { "EDE", TOK_EDE, NULL, 0 },
  { "SHA", TOK_SHA, NULL, 0 },
  { "SHA1", TOK_SHA, NULL, 0 },
  { "SHA256", TOK_MAC, "SHA256", 0 },
  { "SHA384", TOK_MAC, "SHA384", 0 },
  { "MD5", TOK_MAC, "MD5", 0 },
  { "SHA512", TOK_MAC, "SHA512", 0 },
  { "IMIT", TOK_MAC, "GOST28147-IMIT", 0 },
  { "OLD", TOK_OLD, NULL, 0 },
  /* GnuTLS session descriptions (ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM) */
  { "X25519", TOK_IGNORE, NULL, 0 },
  { "X448", TOK_IGNORE, NULL, 0 },
  { "SECP256R1", TOK_IGNORE, NULL, 0 },
  { "SECP384R1", TOK_IGNORE, NULL, 0 },
  { "SECP521R1", TOK_IGNORE, NULL, 0 },
  { "FFDHE2048", TOK_IGNORE, NULL, 0 },
  { "FFDHE3072", TOK_IGNORE, NULL, 0 },
  { "FFDHE4096", TOK_IGNORE, NULL, 0 },
  { "FFDHE6144", TOK_IGNORE, NULL, 0 },
  { "FFDHE8192", TOK_IGNORE, NULL, 0 },
  { "PSS", TOK_IGNORE, NULL, 0 },
  { "RSAE", TOK_IGNORE, NULL, 0 },
};

static gboolean
is_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (*s < '0' || *s > '9')
      return FALSE;
  return TRUE;
}

/* Finds a token, also OpenSSL's fused cipher and size (AES256, CAMELLIA128). */
static const Tok *
classify (const char *t,
          guint      *fused_bits)
{
  gsize i;
  gsize alpha;

  *fused_bits = 0;

  for (i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (strcmp (t, tokens[i].text) == 0)
      return &tokens[i];

  for (alpha = 0; t[alpha] >= 'A' && t[alpha] <= 'Z'; alpha++)
    ;
  if (alpha == 0 || !is_digits (t + alpha) || strlen (t + alpha) > 3)
    return NULL;

  for (i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (tokens[i].kind == TOK_CIPHER && strlen (tokens[i].text) == alpha &&
        strncmp (t, tokens[i].text, alpha) == 0)
      {
        *fused_bits = (guint) atoi (t + alpha);
        return &tokens[i];
      }

  return NULL;
}

static gboolean
kx_is_forward_secret (const char *kx)
{
  static const char * const fs[] = {
    "DHE", "ECDHE", "DHE-PSK", "ECDHE-PSK", "SRP", "DH-anon", "ECDH-anon", "any",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (fs); i++)
    if (strcmp (kx, fs[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
mode_is_aead (const char *mode)
{
  return strcmp (mode, "GCM") == 0 || strcmp (mode, "CCM") == 0 ||
         strcmp (mode, "CCM_8") == 0 || strcmp (mode, "POLY1305") == 0;
}

#define MAX_TOKENS 24

/**
 * hl_cipher_decompose:
 * @name: a cipher-suite name
 * @out: (out caller-allocates): where to put what the name says
 *
 * Reads the parts of a suite name the table does not know, such as a newer
 * suite (`TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256`, which neither library ships),
 * a GnuTLS session description (`ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM`)
 * or a draft name (`ECDHE-RSA-CHACHA20-POLY1305-OLD`). Understands the same
 * spellings as hl_cipher_lookup(); names without a key exchange follow
 * OpenSSL's convention (static RSA), except TLS 1.3 names.
 *
 * Does not consult the table: @out gets code 0, no names and `decomposed`
 * set. @min_protocol is only filled where the parts prove it (TLS 1.3, or
 * TLS 1.2 for an AEAD), @mac is %NULL if the name names none. Every string
 * is static.
 *
 * Returns: %TRUE if @name was understood; otherwise @out is cleared
 */
gboolean
hl_cipher_decompose (const char    *name,
                     HlCipherSuite *out)
{
  char buf[HL_CIPHER_NAME_MAX + 1];
  const char *toks[MAX_TOKENS];
  guint n_toks = 0;
  char *s;
  char *p;
  gsize len;
  guint i;
  gboolean prefixed = FALSE;
  gboolean tls13 = FALSE;
  gboolean export_ = FALSE;
  gboolean export1024 = FALSE;
  gboolean in_cipher = FALSE;
  const char *kx = NULL;
  const char *auth = NULL;
  const char *enc = NULL;
  const char *mode = NULL;
  const char *mac = NULL;
  guint bits = 0;
  guint default_bits = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!normalize (name, buf, &len))
    return FALSE;
  strip_curve_suffix (buf, &len);

  s = buf;
  if (has_prefix (s, "TLS13_"))
    {
      s += 6;
      prefixed = TRUE;
    }
  else if (has_prefix (s, "TLS_") || has_prefix (s, "SSL_"))
    {
      s += 4;
      prefixed = TRUE;
    }

  /* Split at '_'; "__" (GnuTLS descriptions) gives no empty tokens. */
  for (p = s; *p != '\0'; )
    {
      char *start;

      while (*p == '_')
        p++;
      if (*p == '\0')
        break;
      if (n_toks == MAX_TOKENS)
        return FALSE;
      start = p;
      while (*p != '\0' && *p != '_')
        p++;
      if (*p == '_')
        *p++ = '\0';
      toks[n_toks++] = start;
    }

  for (i = 0; i < n_toks; i++)
    {
      guint fused_bits;
      const Tok *tok = classify (toks[i], &fused_bits);

      if (tok == NULL)
        {
          /* Sizes: AES_256, RC4_128, GOSTR341112_256. */
          if (is_digits (toks[i]) && strlen (toks[i]) <= 3)
            {
              if (in_cipher && enc != NULL && bits == 0)
                {
                  bits = (guint) atoi (toks[i]);
                  continue;
                }
              if (!in_cipher && kx != NULL && strcmp (kx, "GOST") == 0)
                continue;
            }
          return FALSE;
        }

      if (!in_cipher)
        {
          switch (tok->kind)
            {
            case TOK_WITH:
              in_cipher = TRUE;
              continue;
            case TOK_IGNORE:
            case TOK_SHA:
            case TOK_MAC:
            case TOK_OLD:
              /* SRP_SHA, and signature hashes in GnuTLS descriptions */
              continue;
            case TOK_EXPORT:
              export_ = TRUE;
              continue;
            case TOK_EXPORT1024:
              export_ = export1024 = TRUE;
              continue;
            case TOK_AEAD_PREFIX:
              if (i != 0 || prefixed)
                return FALSE;
              tls13 = TRUE;
              continue;
            case TOK_RSA:
              if (kx == NULL)
                kx = "RSA";
              auth = "RSA";
              continue;
            case TOK_DSS:
              auth = "DSS";
              continue;
            case TOK_ECDSA:
              auth = "ECDSA";
              continue;
            case TOK_DH:
              kx = "DH";
              continue;
            case TOK_DHE:
              kx = (kx != NULL && strcmp (kx, "PSK") == 0) ? "DHE-PSK" : "DHE";
              continue;
            case TOK_ECDH:
              kx = "ECDH";
              continue;
            case TOK_ECDHE:
              kx = "ECDHE";
              continue;
            case TOK_ADH:
              kx = "DH-anon";
              auth = "anon";
              continue;
            case TOK_AECDH:
              kx = "ECDH-anon";
              auth = "anon";
              continue;
            case TOK_ANON:
              if (kx == NULL)
                return FALSE;
              if (strcmp (kx, "DH") == 0 || strcmp (kx, "DHE") == 0)
                kx = "DH-anon";
              else if (strcmp (kx, "ECDH") == 0 || strcmp (kx, "ECDHE") == 0)
                kx = "ECDH-anon";
              auth = "anon";
              continue;
            case TOK_PSK:
              if (kx == NULL)
                kx = "PSK";
              else if (strcmp (kx, "DHE") == 0)
                kx = "DHE-PSK";
              else if (strcmp (kx, "ECDHE") == 0)
                kx = "ECDHE-PSK";
              else if (strcmp (kx, "RSA") == 0)
                kx = "RSA-PSK";
              else
                return FALSE;
              /* RSA-PSK authenticates the server with its RSA certificate */
              auth = strcmp (kx, "RSA-PSK") == 0 ? "RSA" : "PSK";
              continue;
            case TOK_SRP:
              kx = auth = "SRP";
              continue;
            case TOK_KRB5:
              kx = auth = "KRB5";
              continue;
            case TOK_GOST:
              kx = auth = "GOST";
              continue;
            case TOK_CIPHER:
              in_cipher = TRUE;
              break;   /* read below */
            case TOK_UNKNOWN:
            case TOK_MODE:
            case TOK_CBC3:
            case TOK_EDE:
            default:
              return FALSE;
            }
        }

      switch (tok->kind)
        {
        case TOK_CIPHER:
          if (enc != NULL)
            return FALSE;
          enc = tok->value;
          default_bits = tok->bits;
          bits = fused_bits;
          break;
        case TOK_MODE:
          if (enc == NULL || mode != NULL)
            return FALSE;
          mode = tok->value;
          if (strcmp (mode, "CCM") == 0 && i + 1 < n_toks && strcmp (toks[i + 1], "8") == 0)
            {
              mode = "CCM_8";
              i++;
            }
          break;
        case TOK_CBC3:
          if (enc == NULL || strcmp (enc, "DES") != 0 || mode != NULL)
            return FALSE;
          enc = "3DES";
          default_bits = 168;
          mode = "CBC";
          break;
        case TOK_EDE:
          if (enc == NULL || strcmp (enc, "3DES") != 0)
            return FALSE;
          break;
        case TOK_SHA:
          if (enc == NULL || mac != NULL)
            return FALSE;
          mac = "SHA1";
          break;
        case TOK_MAC:
          if (enc == NULL || mac != NULL)
            return FALSE;
          mac = tok->value;
          break;
        case TOK_OLD:
        case TOK_IGNORE:
          break;
        case TOK_UNKNOWN:
        case TOK_WITH:
        case TOK_EXPORT:
        case TOK_EXPORT1024:
        case TOK_AEAD_PREFIX:
        case TOK_RSA:
        case TOK_DSS:
        case TOK_ECDSA:
        case TOK_DH:
        case TOK_DHE:
        case TOK_ECDH:
        case TOK_ECDHE:
        case TOK_ADH:
        case TOK_AECDH:
        case TOK_ANON:
        case TOK_PSK:
        case TOK_SRP:
        case TOK_KRB5:
        case TOK_GOST:
        default:
          return FALSE;
        }
    }

  if (enc == NULL)
    return FALSE;

  if (mode == NULL)
    {
      if (strcmp (enc, "NULL") == 0)
        mode = "none";
      else if (strcmp (enc, "RC4") == 0)
        mode = "stream";
      else if (strcmp (enc, "CHACHA20") == 0)
        mode = "POLY1305";
      else if (strcmp (enc, "GOST28147") == 0)
        mode = "CNT";
      else
        mode = "CBC";
    }

  if (bits == 0)
    {
      if (strcmp (enc, "AES") == 0 || strcmp (enc, "CAMELLIA") == 0 ||
          strcmp (enc, "ARIA") == 0)
        return FALSE;   /* the size is part of these names */
      if (export_ && (strcmp (enc, "DES") == 0 || strcmp (enc, "RC4") == 0 ||
                      strcmp (enc, "RC2") == 0))
        bits = export1024 ? 56 : 40;
      else
        bits = default_bits;
    }

  if (kx == NULL)
    {
      /* TLS 1.3 names carry no key exchange: TLS_AES_128_GCM_SHA256. Without a
       * prefix, OpenSSL leaves out static RSA: AES128-GCM-SHA256. */
      if (prefixed || tls13)
        {
          if (!mode_is_aead (mode) || export_)
            return FALSE;
          tls13 = TRUE;
          kx = auth = "any";
        }
      else
        kx = auth = "RSA";
    }
  else if (tls13)
    return FALSE;
  else if (auth == NULL)
    auth = "RSA";   /* OpenSSL: ECDHE-ARIA256-GCM-SHA384 */

  out->kx = kx;
  out->auth = auth;
  out->enc = enc;
  out->enc_bits = (guint16) bits;
  out->mode = mode;
  out->aead = mode_is_aead (mode);
  out->mac = out->aead ? "AEAD" : mac;
  out->fs = kx_is_forward_secret (kx);
  out->export_ = export_;
  out->decomposed = TRUE;
  if (tls13)
    out->min_protocol = "TLS 1.3";
  else if (out->aead)
    out->min_protocol = "TLS 1.2";

  return TRUE;
}

/**
 * hl_cipher_table_size:
 *
 * Returns: how many suites the table holds
 */
guint
hl_cipher_table_size (void)
{
  return G_N_ELEMENTS (hl_cipher_suites);
}

/**
 * hl_cipher_table_get:
 * @i: an index below hl_cipher_table_size()
 *
 * The table is sorted by code point.
 *
 * Returns: (transfer none) (nullable): the @i-th suite, or %NULL if @i is out
 *   of range
 */
const HlCipherSuite *
hl_cipher_table_get (guint i)
{
  if (i >= G_N_ELEMENTS (hl_cipher_suites))
    return NULL;
  return &hl_cipher_suites[i];
}
