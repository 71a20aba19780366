/* hl-trust.c: which hops the recipient's own side wrote, and which are claims
 *
 * Every Received field is a claim by the server that wrote it; only those the
 * recipient's own provider wrote can be believed. The boundary hop is the newest
 * network hop whose receiving server is on the recipient's side and whose
 * sending one is not: its TLS state is what the recipient's provider itself
 * recorded about the mail coming in, the most reliable fact in the header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/hl-org.h"
#include "trust/hl-trust-private.h"

/* Whether @host is one of @own: a host name given in full, or a domain it lies in. */
static gboolean
is_own (const char        *host,
        const char *const *own)
{
  gsize n;

  if (host == NULL)
    return FALSE;
  n = strlen (host);
  for (guint i = 0; own[i] != NULL; i++)
    {
      gsize m = strlen (own[i]);

      if (g_ascii_strcasecmp (host, own[i]) == 0)
        return TRUE;
      if (n > m && host[n - m - 1] == '.' && g_ascii_strcasecmp (host + n - m, own[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * hl_received_stays_inside:
 * @hop: a hop
 *
 * Returns: whether @hop stays inside the organisation that received it: a local
 *   or delivery step, a field without a from part, one whose two ends are named
 *   in one organisation (hl_organisation_of()), or, where a name is missing,
 *   one from a private address
 */
gboolean
hl_received_stays_inside (HlReceived *hop)
{
  g_autofree char *from_org = NULL;
  g_autofree char *by_org = NULL;
  const char *ip = hl_received_get_from_ip (hop);
  const char *from = hl_received_get_from_rdns (hop);

  switch (hl_received_get_kind (hop))
    {
    case HL_HOP_KIND_LOCAL:
    case HL_HOP_KIND_DELIVERY:
      return TRUE;
    default:
      break;
    }
  /* A field without a from part: a handoff or requeue the server wrote itself */
  if (hl_received_get_from_host (hop) == NULL && ip == NULL)
    return TRUE;
  /* Names decide where both ends have one: "mail.a.example (192.168.1.1)" handing
   * to "mx.b.example" crosses from one organisation to another, whatever
   * address the receiver saw. */
  if (from == NULL)
    from = hl_received_get_from_helo (hop);
  from_org = hl_organisation_of (from);
  by_org = hl_organisation_of (hl_received_get_by_host (hop));
  if (from_org != NULL && by_org != NULL)
    return strcmp (from_org, by_org) == 0;
  /* Else a private or loopback client address keeps it inside */
  return ip != NULL && hl_address_is_private (ip);
}

/* Fills @inside (one a hop, oldest first) with hl_received_stays_inside() and
 * returns the boundary hop as hl_route_find_boundary() defines it. */
guint
hl_trust_classify (HlRoute           *route,
                   const char *const *own,
                   gboolean          *inside)
{
  guint n = hl_route_get_n_hops (route);
  guint boundary = 0;

  for (guint i = n; i > 0; i--)
    {
      HlReceived *hop = hl_route_get_hop (route, i - 1);

      inside[i - 1] = hl_received_stays_inside (hop);
      if (boundary > 0 || inside[i - 1])
        continue;
      if (own != NULL && own[0] != NULL)
        {
          const char *from = hl_received_get_from_rdns (hop);

          if (from == NULL)
            from = hl_received_get_from_helo (hop);
          if (is_own (hl_received_get_by_host (hop), own) && !is_own (from, own))
            boundary = i;
          continue;
        }
      boundary = i;
    }
  return boundary;
}

/**
 * hl_route_find_boundary:
 * @route: a route
 * @own: (nullable) (array zero-terminated=1): host names or domains the user
 *   names as the recipient's own servers
 *
 * Finds the boundary hop. With @own, it is the newest hop received by one of
 * them from a host that is not. Without, walking down from the newest hop,
 * local and delivery steps, hops from a private address and hops within one
 * organisation belong to the recipient's side; the first hop that comes from
 * another organisation is the boundary.
 *
 * Returns: the boundary hop's index (1 for the oldest hop), or 0 when there is
 *   none: the message never came from another organisation, or has no hops
 */
guint
hl_route_find_boundary (HlRoute           *route,
                        const char *const *own)
{
  g_autofree gboolean *inside = NULL;

  g_return_val_if_fail (route != NULL, 0);

  inside = g_new (gboolean, hl_route_get_n_hops (route) + 1);
  return hl_trust_classify (route, own, inside);
}
