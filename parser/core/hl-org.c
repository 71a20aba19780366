/* hl-org.c: which organisation a host name belongs to
 *
 * An organisation is a registrable domain, as the Public Suffix List draws them
 * (libpsl: "mail.example.co.uk" → "example.co.uk", "a.b.github.io" →
 * "b.github.io"), or the provider that runs several of them (data/providers.tsv:
 * google.com, gmail.com and 1e100.net are all Google).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <libpsl.h>
#include <stdlib.h>
#include <string.h>

#include "core/hl-org.h"

typedef struct
{
  const char *domain;
  const char *provider;
} Provider;

static const Provider providers[] = {
#include "hl-providers.inc"
};

/* The newest list the system has (Debian's publicsuffix package), else the one
 * libpsl was built with. Loaded once; libpsl's lookups are thread-safe. */
static const psl_ctx_t *
psl (void)
{
  static gsize once;
  static const psl_ctx_t *ctx;

  if (g_once_init_enter (&once))
    {
      ctx = psl_latest (NULL);
      if (ctx == NULL)
        ctx = psl_builtin ();
      g_once_init_leave (&once, 1);
    }
  return ctx;
}

/* @host in lower case without a trailing dot, in @buf; FALSE for what is not a
 * host name (empty, too long, an address literal, a name without a dot). */
static gboolean
normalise (const char *host,
           char       *buf,
           gsize       size)
{
  gsize n;
  gboolean dot = FALSE, letter = FALSE;

  if (host == NULL || host[0] == '[' || strchr (host, ':') != NULL)
    return FALSE;
  n = strlen (host);
  while (n > 0 && host[n - 1] == '.')
    n--;
  if (n == 0 || n >= size)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = g_ascii_tolower (host[i]);

      if (c == '.')
        dot = TRUE;
      else if (g_ascii_isalpha (c) || (guchar) c >= 0x80)
        letter = TRUE;
      buf[i] = c;
    }
  buf[n] = '\0';
  /* 192.0.2.1 is an address, not a name */
  return dot && letter;
}

/* Host names recur: a mailbox's mail comes through a few hundred servers. The
 * last MAX_CACHED answers are kept (the table is emptied when full), keyed by
 * the normalised name; "" stands for no domain. */
#define MAX_CACHED 8192

static GMutex cache_lock;
static GHashTable *cache;

static char *
registrable_domain_cached (const char *name)
{
  const char *hit;
  const char *domain;
  char *result;

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  hit = g_hash_table_lookup (cache, name);
  if (hit != NULL)
    {
      result = *hit != '\0' ? g_strdup (hit) : NULL;
      g_mutex_unlock (&cache_lock);
      return result;
    }
  g_mutex_unlock (&cache_lock);

  domain = psl () != NULL ? psl_registrable_domain (psl (), name) : NULL;
  result = domain != NULL ? g_strdup (domain) : NULL;

  g_mutex_lock (&cache_lock);
  if (g_hash_table_size (cache) >= MAX_CACHED)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, g_strdup (name), g_strdup (result != NULL ? result : ""));
  g_mutex_unlock (&cache_lock);
  return result;
}

/**
 * hl_registrable_domain:
 * @host: (nullable): a host name
 *
 * Returns: (transfer full) (nullable): the registrable domain of @host in lower
 *   case ("mail.example.co.uk" → "example.co.uk"), or %NULL for an address, a
 *   name without a dot, or a public suffix itself ("co.uk")
 */
char *
hl_registrable_domain (const char *host)
{
  char buf[256];

  if (!normalise (host, buf, sizeof buf))
    return NULL;
  return registrable_domain_cached (buf);
}

static int
compare_provider (const void *key,
                  const void *row)
{
  return strcmp (key, ((const Provider *) row)->domain);
}

/**
 * hl_provider_of_domain:
 * @domain: a registrable domain in lower case
 *
 * Returns: (nullable): the id of the provider that runs mail servers under
 *   @domain ("google" for "1e100.net"), or %NULL
 */
const char *
hl_provider_of_domain (const char *domain)
{
  const Provider *p;

  if (domain == NULL)
    return NULL;
  p = bsearch (domain, providers, G_N_ELEMENTS (providers), sizeof providers[0], compare_provider);
  return p != NULL ? p->provider : NULL;
}

/**
 * hl_organisation_of:
 * @host: (nullable): a host name
 *
 * Returns: (transfer full) (nullable): the organisation @host belongs to: the
 *   provider's id for a domain of data/providers.tsv, else the registrable
 *   domain; %NULL when @host names none
 */
char *
hl_organisation_of (const char *host)
{
  char *domain = hl_registrable_domain (host);
  const char *provider = hl_provider_of_domain (domain);

  if (provider != NULL)
    {
      g_free (domain);
      return g_strdup (provider);
    }
  return domain;
}

/**
 * hl_address_is_private:
 * @ip: (nullable): an IPv4 or IPv6 address as the parser writes it
 *
 * Returns: whether @ip is loopback, private (RFC 1918, RFC 4193), link-local or
 *   shared address space (RFC 6598): one that does not route on the internet
 */
gboolean
hl_address_is_private (const char *ip)
{
  g_autoptr(GInetAddress) a = ip != NULL ? g_inet_address_new_from_string (ip) : NULL;
  const guint8 *b;

  if (a == NULL)
    return FALSE;
  if (g_inet_address_get_is_loopback (a) || g_inet_address_get_is_site_local (a)
      || g_inet_address_get_is_link_local (a) || g_inet_address_get_is_any (a))
    return TRUE;
  b = g_inet_address_to_bytes (a);
  if (g_inet_address_get_family (a) == G_SOCKET_FAMILY_IPV4)
    return b[0] == 100 && (b[1] & 0xc0) == 64;     /* 100.64.0.0/10 */
  return (b[0] & 0xfe) == 0xfc;                    /* fc00::/7 */
}
