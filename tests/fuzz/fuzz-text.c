/* fuzz-text.c: pasted text, as hl_route_new_from_text() reads it
 *
 * Any bytes: a header copied from a web page, one Received value, a message,
 * invalid UTF-8 or nothing like any of them. Either an error in the
 * HL_PARSE_ERROR domain comes back, or a route with at least one hop, each of
 * which keeps the API's promises.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"

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
  guint n;

  route = hl_route_new_from_text ((const char *) data, size, "Pasted", &error);
  if (route == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == HL_PARSE_ERROR);
      FUZZ_CHECK (error->message != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  FUZZ_CHECK (error == NULL);

  n = hl_route_get_n_hops (route);
  FUZZ_CHECK (n > 0 && n <= HL_MAX_HOPS);
  for (guint i = 0; i < n; i++)
    {
      HlReceived *hop = hl_route_get_hop (route, i);

      FUZZ_CHECK (hop != NULL);
      FUZZ_CHECK (hl_received_get_index (hop) == i + 1);
      fuzz_check_hop (hop);
    }
  fuzz_check_clean_string (hl_route_get_subject (route));
  {
    g_autofree char *sentence = hl_route_dup_sentence (route);

    FUZZ_CHECK (sentence != NULL);
    fuzz_check_string (sentence);
  }

  return 0;
}
