/* hl-rating.c: how good the protection of one hop was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tls/hl-rating.h"

#include <string.h>

typedef struct
{
  HlRatingReason *reasons;
  guint max;
  guint n;
  HlRating worst;
} Verdict;

static void
add (Verdict    *v,
     HlRating    rating,
     const char *id,
     const char *source)
{
  if (v->worst == HL_RATING_NONE || rating < v->worst)
    v->worst = rating;

  if (v->reasons != NULL && v->n < v->max)
    {
      v->reasons[v->n].rating = rating;
      v->reasons[v->n].id = id;
      v->reasons[v->n].source = source;
      v->n++;
    }
}

static gboolean
str_is (const char *s,
        const char *value)
{
  return s != NULL && strcmp (s, value) == 0;
}

static void
rate_version (Verdict      *v,
              HlTlsVersion  version,
              gboolean      ambiguous,
              gboolean      have_suite)
{
  switch (version)
    {
    case HL_TLS_VERSION_SSL2:
      add (v, HL_RATING_INSECURE, "version.sslv2", "RFC 6176");
      break;
    case HL_TLS_VERSION_SSL3:
      add (v, HL_RATING_INSECURE, "version.sslv3", "RFC 7568 (POODLE)");
      break;
    case HL_TLS_VERSION_TLS10:
      add (v, HL_RATING_WEAK, "version.tls10", "RFC 8996");
      break;
    case HL_TLS_VERSION_TLS11:
      add (v, HL_RATING_WEAK, "version.tls11", "RFC 8996");
      break;
    case HL_TLS_VERSION_TLS12:
      /* TLS 1.2 is as good as its cipher; without one it can't be strong. */
      if (!have_suite)
        add (v, HL_RATING_ACCEPTABLE, "cipher.unknown", "RFC 9325 section 4.2");
      break;
    case HL_TLS_VERSION_TLS13:
      break;
    case HL_TLS_VERSION_UNKNOWN:
    default:
      /* "TLSv1/SSLv3" is the cipher's family in old OpenSSL, not the protocol:
       * the connection was SSL 3.0 or TLS 1.0, with later OpenSSL up to 1.2.
       * That is not proof of SSL 3.0, so weak, not insecure. */
      if (ambiguous)
        add (v, HL_RATING_WEAK, "version.ambiguous",
             "TLSv1/SSLv3: SSL 3.0 (RFC 7568) up to TLS 1.2, not recorded which");
      break;
    }
}

static void
rate_suite (Verdict             *v,
            const HlCipherSuite *suite)
{
  const char *enc = suite->enc;

  if (str_is (enc, "NULL"))
    add (v, HL_RATING_INSECURE, "cipher.null", "RFC 9325 section 4.1");
  if (suite->export_)
    add (v, HL_RATING_INSECURE, "cipher.export",
         "RFC 9325 section 4.1; CVE-2015-0204 (FREAK), CVE-2015-4000 (Logjam)");
  if (str_is (suite->auth, "anon"))
    add (v, HL_RATING_INSECURE, "cipher.anon", "RFC 5246 appendix F.1.1.1");
  if (str_is (enc, "RC4"))
    add (v, HL_RATING_INSECURE, "cipher.rc4", "RFC 7465");
  if (str_is (enc, "DES"))
    add (v, HL_RATING_INSECURE, "cipher.des", "RFC 5469");
  if (str_is (enc, "3DES"))
    add (v, HL_RATING_WEAK, "cipher.3des", "CVE-2016-2183 (Sweet32)");
  if (str_is (enc, "IDEA"))
    add (v, HL_RATING_WEAK, "cipher.idea", "RFC 5469; CVE-2016-2183 (Sweet32)");
  if (str_is (enc, "RC2"))
    add (v, HL_RATING_WEAK, "cipher.rc2", "CVE-2016-2183 (Sweet32)");
  if (str_is (suite->mac, "MD5"))
    add (v, HL_RATING_WEAK, "cipher.md5", "RFC 6151");

  if (!suite->fs)
    {
      if (str_is (suite->mode, "CBC"))
        {
          /* RSA key transport: no forward secrecy, Bleichenbacher-style
           * oracles, and CBC's padding oracles on top. */
          if (str_is (suite->kx, "RSA") || str_is (suite->kx, "RSA-PSK"))
            add (v, HL_RATING_WEAK, "kx.static-rsa-cbc", "RFC 9325 section 4.1; RFC 7457");
          else
            add (v, HL_RATING_WEAK, "kx.static-cbc", "RFC 9325 section 4.1; RFC 7457");
        }
      else
        add (v, HL_RATING_ACCEPTABLE, "kx.no-forward-secrecy", "RFC 9325 section 4.1");
    }
  else if (str_is (suite->mode, "CBC"))
    add (v, HL_RATING_ACCEPTABLE, "cipher.cbc", "RFC 9325 section 4.2; RFC 7457 (Lucky Thirteen)");
}

/**
 * hl_tls_rate:
 * @version: the negotiated protocol version, or %HL_TLS_VERSION_UNKNOWN
 * @version_ambiguous: the record named a family of versions (`TLSv1/SSLv3`)
 * @suite: (nullable): the cipher suite, from the table or decomposed
 * @reasons: (out caller-allocates) (array length=max_reasons) (nullable):
 *   where to put the reasons
 * @max_reasons: the size of @reasons; %HL_RATING_MAX_REASONS is always enough
 * @n_reasons: (out) (optional): how many reasons were put into @reasons
 *
 * Rates one hop's TLS. Every problem is a reason with its own rating; the
 * worst one wins, and a hop without any is strong. The version and the cipher
 * are rated on their own, so a known cipher with an unknown version is rated
 * by the cipher alone (a TLS 1.3 suite is strong); an ambiguous version
 * (`TLSv1/SSLv3`) counts as weak.
 *
 * Returns: the rating, or %HL_RATING_NONE if neither a version nor a suite
 *   is known
 */
HlRating
hl_tls_rate (HlTlsVersion         version,
             gboolean             version_ambiguous,
             const HlCipherSuite *suite,
             HlRatingReason      *reasons,
             guint                max_reasons,
             guint               *n_reasons)
{
  Verdict v = { reasons, reasons != NULL ? max_reasons : 0, 0, HL_RATING_NONE };

  if (n_reasons != NULL)
    *n_reasons = 0;

  if (version == HL_TLS_VERSION_UNKNOWN && !version_ambiguous && suite == NULL)
    return HL_RATING_NONE;

  rate_version (&v, version, version_ambiguous, suite != NULL);
  if (suite != NULL)
    rate_suite (&v, suite);

  if (n_reasons != NULL)
    *n_reasons = v.n;

  return v.worst == HL_RATING_NONE ? HL_RATING_STRONG : v.worst;
}

/**
 * hl_rating_to_string:
 * @rating: a rating
 *
 * Returns: (nullable): `insecure`, `weak`, `acceptable` or `strong`; %NULL
 *   for %HL_RATING_NONE
 */
const char *
hl_rating_to_string (HlRating rating)
{
  switch (rating)
    {
    case HL_RATING_INSECURE:
      return "insecure";
    case HL_RATING_WEAK:
      return "weak";
    case HL_RATING_ACCEPTABLE:
      return "acceptable";
    case HL_RATING_STRONG:
      return "strong";
    case HL_RATING_NONE:
    default:
      return NULL;
    }
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char
lower (char c)
{
  return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* One version: TLSv1.2, TLS1_2, TLS1.2, tls 1.2, TLS12, SSLv3, SSL 3.0. */
static HlTlsVersion
parse_one (const char *p,
           gsize       n)
{
  gboolean tls;
  gsize i = 3;
  gsize seps = 0;
  int major;
  int minor = -1;

  while (n > 0 && is_space (p[0]))
    {
      p++;
      n--;
    }
  while (n > 0 && is_space (p[n - 1]))
    n--;

  if (n < 4)
    return HL_TLS_VERSION_UNKNOWN;

  if (lower (p[0]) == 't' && lower (p[1]) == 'l' && lower (p[2]) == 's')
    tls = TRUE;
  else if (lower (p[0]) == 's' && lower (p[1]) == 's' && lower (p[2]) == 'l')
    tls = FALSE;
  else
    return HL_TLS_VERSION_UNKNOWN;

  /* "v", " ", "_", "-" or " v" between the name and the number */
  while (i < n && seps < 2 && (lower (p[i]) == 'v' || p[i] == ' ' || p[i] == '_' || p[i] == '-'))
    {
      i++;
      seps++;
    }

  if (i >= n || p[i] < '0' || p[i] > '9')
    return HL_TLS_VERSION_UNKNOWN;
  major = p[i++] - '0';

  if (i < n)
    {
      if (p[i] == '.' || p[i] == '_')
        i++;
      if (i >= n || p[i] < '0' || p[i] > '9')
        return HL_TLS_VERSION_UNKNOWN;
      minor = p[i++] - '0';
      if (i != n)
        return HL_TLS_VERSION_UNKNOWN;
    }

  if (tls)
    {
      if (major != 1)
        return HL_TLS_VERSION_UNKNOWN;
      switch (minor)
        {
        case -1:   /* "TLSv1" is TLS 1.0 */
        case 0:
          return HL_TLS_VERSION_TLS10;
        case 1:
          return HL_TLS_VERSION_TLS11;
        case 2:
          return HL_TLS_VERSION_TLS12;
        case 3:
          return HL_TLS_VERSION_TLS13;
        default:
          return HL_TLS_VERSION_UNKNOWN;
        }
    }

  if (minor > 0)
    return HL_TLS_VERSION_UNKNOWN;
  if (major == 2)
    return HL_TLS_VERSION_SSL2;
  if (major == 3)
    return HL_TLS_VERSION_SSL3;
  return HL_TLS_VERSION_UNKNOWN;
}

/**
 * hl_tls_version_parse:
 * @text: a protocol version as a Received field writes it; need not be
 *   NUL-terminated
 * @len: the length of @text in bytes, or `(gsize) -1` if it is NUL-terminated
 * @ambiguous: (out) (optional): set to %TRUE if @text names a family of
 *   versions rather than one
 *
 * Reads `TLSv1.2`, `TLS1_2` (Microsoft, Gmail), `TLS1.2` (Exim), `tls 1.2`,
 * `TLSv1` (TLS 1.0), `SSLv3`, `SSLv2` and so on, in any letter case.
 * `TLSv1/SSLv3`, which old OpenSSL printed for the cipher's family, gives
 * %HL_TLS_VERSION_UNKNOWN with @ambiguous set: the connection was SSL 3.0
 * or TLS 1.0, or with later OpenSSL up to TLS 1.2.
 *
 * Returns: the version, or %HL_TLS_VERSION_UNKNOWN
 */
HlTlsVersion
hl_tls_version_parse (const char *text,
                      gsize       len,
                      gboolean   *ambiguous)
{
  const char *slash;

  if (ambiguous != NULL)
    *ambiguous = FALSE;

  if (text == NULL)
    return HL_TLS_VERSION_UNKNOWN;
  if (len == (gsize) -1)
    len = strlen (text);
  if (len > 64)
    return HL_TLS_VERSION_UNKNOWN;

  slash = memchr (text, '/', len);
  if (slash != NULL)
    {
      gsize first_len = (gsize) (slash - text);
      HlTlsVersion a = parse_one (text, first_len);
      HlTlsVersion b = parse_one (slash + 1, len - first_len - 1);

      if (a == HL_TLS_VERSION_UNKNOWN || b == HL_TLS_VERSION_UNKNOWN)
        return HL_TLS_VERSION_UNKNOWN;
      if (a == b)
        return a;
      if (ambiguous != NULL)
        *ambiguous = TRUE;
      return HL_TLS_VERSION_UNKNOWN;
    }

  return parse_one (text, len);
}

/**
 * hl_tls_version_to_string:
 * @version: a version
 *
 * Returns: (nullable): `SSL 2.0`, `SSL 3.0`, `TLS 1.0` … `TLS 1.3`, or
 *   %NULL for %HL_TLS_VERSION_UNKNOWN
 */
const char *
hl_tls_version_to_string (HlTlsVersion version)
{
  switch (version)
    {
    case HL_TLS_VERSION_SSL2:
      return "SSL 2.0";
    case HL_TLS_VERSION_SSL3:
      return "SSL 3.0";
    case HL_TLS_VERSION_TLS10:
      return "TLS 1.0";
    case HL_TLS_VERSION_TLS11:
      return "TLS 1.1";
    case HL_TLS_VERSION_TLS12:
      return "TLS 1.2";
    case HL_TLS_VERSION_TLS13:
      return "TLS 1.3";
    case HL_TLS_VERSION_UNKNOWN:
    default:
      return NULL;
    }
}
