/* hl-ip.c: IP address literals as servers write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <arpa/inet.h>
#include <string.h>

#include "core/hl-received-private.h"

/* Dotted-quad decimal, as inet_pton reads it: four parts of 1–3 digits, each
 * at most 255, no leading zeros. */
static gboolean
parse_v4_text (const char *s,
               gsize       len,
               guint8      b[4])
{
  gsize i = 0;

  for (guint part = 0; part < 4; part++)
    {
      guint v = 0, digits = 0;

      if (part > 0)
        {
          if (i >= len || s[i] != '.')
            return FALSE;
          i++;
        }
      while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 4)
        {
          v = v * 10 + (s[i] - '0');
          digits++;
          i++;
        }
      if (digits == 0 || digits > 3 || v > 255 || (digits > 1 && s[i - digits] == '0'))
        return FALSE;
      b[part] = v;
    }
  return i == len;
}

static gsize
format_v4 (const guint8 b[4],
           char        *out)
{
  char *p = out;

  for (guint part = 0; part < 4; part++)
    {
      guint v = b[part];

      if (part > 0)
        *p++ = '.';
      if (v >= 100)
        *p++ = '0' + v / 100;
      if (v >= 10)
        *p++ = '0' + v / 10 % 10;
      *p++ = '0' + v % 10;
    }
  *p = '\0';
  return p - out;
}

/* Accepts "192.0.2.1", "IPv6:2001:db8::1", "2001:db8::1%eth0", "::ffff:192.0.2.1"
 * and writes the canonical text form (RFC 5952 for IPv6) to @out. */
gboolean
hl_ip_normalize (const char *text,
                 gsize       len,
                 char       *out,
                 gsize       out_size,
                 gboolean   *is_v6)
{
  char buf[64];
  gboolean v6;
  const char *pct;

  if (len >= 5 && g_ascii_strncasecmp (text, "IPv6:", 5) == 0)
    {
      text += 5;
      len -= 5;
    }
  if (len == 0 || len >= sizeof buf)
    return FALSE;

  if (memchr (text, ':', len) == NULL)
    {
      guint8 b[4];

      if (out_size < 16 || !parse_v4_text (text, len, b))
        return FALSE;
      format_v4 (b, out);
      if (is_v6 != NULL)
        *is_v6 = FALSE;
      return TRUE;
    }

  memcpy (buf, text, len);
  buf[len] = '\0';

  /* A zone index names an interface of the receiver, not part of the address. */
  pct = strchr (buf, '%');
  if (pct != NULL)
    buf[pct - buf] = '\0';

  v6 = strchr (buf, ':') != NULL;
  if (v6)
    {
      struct in6_addr a6;

      if (inet_pton (AF_INET6, buf, &a6) != 1)
        return FALSE;
      if (inet_ntop (AF_INET6, &a6, out, out_size) == NULL)
        return FALSE;
    }
  else
    {
      struct in_addr a4;

      /* inet_pton accepts only dotted-quad decimal, which is what we want. */
      if (inet_pton (AF_INET, buf, &a4) != 1)
        return FALSE;
      if (inet_ntop (AF_INET, &a4, out, out_size) == NULL)
        return FALSE;
    }

  if (is_v6 != NULL)
    *is_v6 = v6;
  return TRUE;
}

static gboolean
parse_v4 (const char *ip, guint8 b[4])
{
  return parse_v4_text (ip, strlen (ip), b);
}

static gboolean
parse_v6 (const char *ip, guint8 b[16])
{
  struct in6_addr a6;

  if (inet_pton (AF_INET6, ip, &a6) != 1)
    return FALSE;
  memcpy (b, &a6, 16);
  return TRUE;
}

/* An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged by its IPv4 part. */
static gboolean
v6_mapped_v4 (const guint8 b[16], guint8 v4[4])
{
  static const guint8 prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

  if (memcmp (b, prefix, 12) != 0)
    return FALSE;
  memcpy (v4, b + 12, 4);
  return TRUE;
}

static gboolean
v4_is_loopback (const guint8 b[4])
{
  return b[0] == 127;
}

static gboolean
v4_is_private (const guint8 b[4])
{
  return b[0] == 10
         || (b[0] == 172 && (b[1] & 0xf0) == 16)
         || (b[0] == 192 && b[1] == 168)
         || (b[0] == 100 && (b[1] & 0xc0) == 64)   /* shared address space, RFC 6598 */
         || (b[0] == 169 && b[1] == 254);          /* link-local */
}

gboolean
hl_ip_is_loopback (const char *ip)
{
  guint8 b[16], v4[4];

  if (ip == NULL)
    return FALSE;
  if (parse_v4 (ip, v4))
    return v4_is_loopback (v4);
  if (!parse_v6 (ip, b))
    return FALSE;
  if (v6_mapped_v4 (b, v4))
    return v4_is_loopback (v4);
  for (guint i = 0; i < 15; i++)
    if (b[i] != 0)
      return FALSE;
  return b[15] == 1;
}

gboolean
hl_ip_is_private (const char *ip)
{
  guint8 b[16], v4[4];

  if (ip == NULL)
    return FALSE;
  if (parse_v4 (ip, v4))
    return v4_is_private (v4);
  if (!parse_v6 (ip, b))
    return FALSE;
  if (v6_mapped_v4 (b, v4))
    return v4_is_private (v4);
  return (b[0] & 0xfe) == 0xfc                      /* unique local fc00::/7 */
         || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80); /* link-local fe80::/10 */
}
