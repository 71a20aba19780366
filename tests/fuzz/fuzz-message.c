/* fuzz-message.c: a whole message, as hl_route_new_from_data() reads it
 *
 * Any bytes: a message, a header block, an mbox "From " line, or nothing like
 * any of them. Either an error in the HL_PARSE_ERROR domain comes back, or a
 * route whose summary adds up and whose every hop keeps the API's promises.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"

#include "core/hl-route-private.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_common ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HlRoute) route = NULL;
  g_autoptr(GError) error = NULL;
  const HlWarning *warnings;
  guint n, n_warnings, counted = 0, weakest;
  gint64 transit;

  route = hl_route_new_from_data ((const char *) data, size, "fuzz.eml", &error);

  /* The audit's reader, which splits the header block itself, reads the same.
   * It is the more lenient: where GMime cannot build a message of a header
   * block (fields it cannot make sense of), it still reads the fields it can. */
  {
    g_autoptr(GError) fast_error = NULL;
    g_autoptr(HlRoute) fast = hl_route_new_from_header_block ((const char *) data, size, "fuzz.eml",
                                                              &fast_error);

    FUZZ_CHECK (fast != NULL || route == NULL);
    if (fast == NULL)
      FUZZ_CHECK (fast_error != NULL && error != NULL && fast_error->code == error->code);
    else if (route != NULL)
      {
        g_autoptr(JsonNode) a = hl_route_to_json (route);
        g_autoptr(JsonNode) b = hl_route_to_json (fast);
        g_autofree char *sa = json_to_string (a, FALSE);
        g_autofree char *sb = json_to_string (b, FALSE);

        FUZZ_CHECK (strcmp (sa, sb) == 0);
        FUZZ_CHECK (g_strcmp0 (hl_route_get_from (route), hl_route_get_from (fast)) == 0);
        FUZZ_CHECK (g_strcmp0 (hl_route_get_to (route), hl_route_get_to (fast)) == 0);
      }
  }

  if (route == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == HL_PARSE_ERROR);
      FUZZ_CHECK (error->message != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  FUZZ_CHECK (error == NULL);

  FUZZ_CHECK (g_strcmp0 (hl_route_get_source_name (route), "fuzz.eml") == 0);
  FUZZ_CHECK (hl_route_get_source_bytes (route) == size);
  fuzz_check_clean_string (hl_route_get_subject (route));
  fuzz_check_clean_string (hl_route_get_from (route));
  fuzz_check_clean_string (hl_route_get_to (route));
  fuzz_check_clean_string (hl_route_get_date (route));
  fuzz_check_clean_string (hl_route_get_message_id (route));

  n = hl_route_get_n_hops (route);
  FUZZ_CHECK (n <= HL_MAX_HOPS);
  for (guint i = 0; i < n; i++)
    {
      HlReceived *hop = hl_route_get_hop (route, i);

      FUZZ_CHECK (hop != NULL);
      FUZZ_CHECK (hl_received_get_index (hop) == i + 1);
      fuzz_check_hop (hop);
    }

  for (HlTlsState s = HL_TLS_STATE_UNKNOWN; s <= HL_TLS_STATE_LOCAL; s++)
    counted += hl_route_count (route, s);
  FUZZ_CHECK (counted == n);
  FUZZ_CHECK (hl_route_get_n_network_hops (route) <= n);
  FUZZ_CHECK (hl_verdict_to_string (hl_route_get_verdict (route)) != NULL);
  weakest = hl_route_get_weakest_hop (route);
  FUZZ_CHECK (weakest <= n);
  (void) hl_route_get_transit (route, &transit);
  {
    g_autofree char *sentence = hl_route_dup_sentence (route);

    FUZZ_CHECK (sentence != NULL);
    fuzz_check_string (sentence);
  }

  warnings = hl_route_get_warnings (route, &n_warnings);
  FUZZ_CHECK (n_warnings == 0 || warnings != NULL);
  for (guint i = 0; i < n_warnings; i++)
    FUZZ_CHECK (warnings[i].code != NULL && warnings[i].message != NULL);

  return 0;
}
