/* hl-labels.c: the words a person reads for each vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "explain/hl-labels.h"

HlProtection
hl_received_get_protection (HlReceived *hop)
{
  g_return_val_if_fail (hop != NULL, HL_PROTECTION_UNKNOWN);

  switch (hl_received_get_tls_state (hop))
    {
    case HL_TLS_STATE_ENCRYPTED:
      return hl_received_get_tls_verify (hop) == HL_VERIFY_VERIFIED ? HL_PROTECTION_VERIFIED : HL_PROTECTION_ENCRYPTED;
    case HL_TLS_STATE_UNENCRYPTED:
      return HL_PROTECTION_UNENCRYPTED;
    case HL_TLS_STATE_LOCAL:
      return HL_PROTECTION_LOCAL;
    case HL_TLS_STATE_UNKNOWN:
    default:
      return HL_PROTECTION_UNKNOWN;
    }
}

/* The message as a whole: closed only if every network hop was encrypted (with a
 * check mark if every one verified the sender's certificate), open as soon as one
 * went in clear text. */
HlProtection
hl_route_get_protection (HlRoute *route)
{
  g_return_val_if_fail (route != NULL, HL_PROTECTION_UNKNOWN);

  switch (hl_route_get_verdict (route))
    {
    case HL_VERDICT_ALL_ENCRYPTED:
      for (guint i = 0; i < hl_route_get_n_hops (route); i++)
        if (hl_received_get_protection (hl_route_get_hop (route, i)) == HL_PROTECTION_ENCRYPTED)
          return HL_PROTECTION_ENCRYPTED;
      return HL_PROTECTION_VERIFIED;
    case HL_VERDICT_NOT_ENCRYPTED:
      return HL_PROTECTION_UNENCRYPTED;
    case HL_VERDICT_PARTLY_ENCRYPTED:
      return hl_route_count (route, HL_TLS_STATE_UNENCRYPTED) > 0
             ? HL_PROTECTION_UNENCRYPTED : HL_PROTECTION_UNKNOWN;
    case HL_VERDICT_NO_HOPS:
      return hl_route_get_n_hops (route) > 0 ? HL_PROTECTION_LOCAL : HL_PROTECTION_UNKNOWN;
    case HL_VERDICT_UNKNOWN:
    default:
      return HL_PROTECTION_UNKNOWN;
    }
}

const char *
hl_protection_to_string (HlProtection protection)
{
  static const char *const names[HL_PROTECTION_N] = {
    "verified", "encrypted", "unencrypted", "local", "unknown",
  };

  return protection < HL_PROTECTION_N ? names[protection] : "unknown";
}

const char *
hl_protection_get_label (HlProtection protection)
{
  switch (protection)
    {
    case HL_PROTECTION_VERIFIED: return _("Encrypted, certificate verified");
    case HL_PROTECTION_ENCRYPTED: return _("Encrypted");
    case HL_PROTECTION_UNENCRYPTED: return _("Not encrypted");
    case HL_PROTECTION_LOCAL: return _("Local");
    case HL_PROTECTION_UNKNOWN:
    case HL_PROTECTION_N:
    default: return _("Unknown");
    }
}

const char *
hl_verdict_get_label (HlVerdict verdict)
{
  switch (verdict)
    {
    case HL_VERDICT_NO_HOPS: return _("No network hops");
    case HL_VERDICT_ALL_ENCRYPTED: return _("All encrypted");
    case HL_VERDICT_PARTLY_ENCRYPTED: return _("Partly encrypted");
    case HL_VERDICT_NOT_ENCRYPTED: return _("Not encrypted");
    case HL_VERDICT_UNKNOWN:
    default: return _("Unknown");
    }
}

/* Whose certificate: in the field the receiving server wrote, the sending
 * server's (client) certificate. */
const char *
hl_verify_get_label (HlVerify verify)
{
  switch (verify)
    {
    case HL_VERIFY_VERIFIED: return _("Client certificate verified");
    case HL_VERIFY_FAILED: return _("Client certificate failed verification");
    case HL_VERIFY_NO_CERTIFICATE: return _("No client certificate presented");
    case HL_VERIFY_NOT_REQUESTED: return _("No client certificate requested");
    case HL_VERIFY_NO_TLS: return _("No TLS");
    case HL_VERIFY_ERROR: return _("Verification error");
    case HL_VERIFY_UNKNOWN: return _("Unrecognised verification value");
    case HL_VERIFY_NONE:
    default: return NULL;
    }
}

const char *
hl_rating_get_label (HlRating rating)
{
  switch (rating)
    {
    case HL_RATING_INSECURE: return _("Insecure");
    case HL_RATING_WEAK: return _("Weak");
    case HL_RATING_ACCEPTABLE: return _("Acceptable");
    case HL_RATING_STRONG: return _("Strong");
    case HL_RATING_NONE:
    default: return NULL;
    }
}

const char *
hl_hop_kind_get_label (HlHopKind kind)
{
  switch (kind)
    {
    case HL_HOP_KIND_SUBMISSION: return _("Submission");
    case HL_HOP_KIND_INTERNAL: return _("Internal");
    case HL_HOP_KIND_LOCAL: return _("Local");
    case HL_HOP_KIND_DELIVERY: return _("Delivery");
    case HL_HOP_KIND_RELAY:
    default: return _("Relay");
    }
}

char *
hl_format_date (gint64 unix_time,
                       int    offset_minutes)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (offset_minutes * 60);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  int off = ABS (offset_minutes);

  if (utc == NULL || tz == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d %c%02d:%02d",
                          g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                          g_date_time_get_minute (local), g_date_time_get_second (local),
                          offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
}

char *
hl_format_duration (gint64 seconds)
{
  guint64 s = seconds < 0 ? -(guint64) seconds : (guint64) seconds;
  const char *sign = seconds < 0 ? "-" : "";
  /* Large enough for any duration a header can give: days fit an unsigned long. */
  gulong d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;

  /* TRANSLATORS: durations; "s" seconds, "min" minutes, "h" hours, "d" days */
  if (s < 60)
    return g_strdup_printf (_("%s%lu s"), sign, sec);
  if (s < 3600)
    return g_strdup_printf (_("%s%lu min %lu s"), sign, m, sec);
  if (s < 86400)
    return g_strdup_printf (_("%s%lu h %lu min"), sign, h, m);
  return g_strdup_printf (_("%s%lu d %lu h"), sign, d, h);
}

