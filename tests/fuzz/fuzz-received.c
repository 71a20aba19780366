/* fuzz-received.c: one Received value, as hl_received_parse() reads it
 *
 * The input is the value of one field without the field name, folded or not,
 * with any bytes in it. The hop is checked against the promises of the API and
 * written as JSON and as terminal text, as `hoplock-cli received` does.
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
  g_autoptr(HlReceived) hop = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) gen = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *color = NULL;

  hop = hl_received_parse ((const char *) data, size);
  FUZZ_CHECK (hop != NULL);
  fuzz_check_hop (hop);

  node = hl_received_to_json (hop);
  FUZZ_CHECK (node != NULL);
  gen = json_generator_new ();
  json_generator_set_root (gen, node);
  json = json_generator_to_data (gen, NULL);
  FUZZ_CHECK (json != NULL && g_utf8_validate (json, -1, NULL));

  text = hl_received_to_text (hop, HL_TEXT_PLAIN);
  FUZZ_CHECK (text != NULL);
  fuzz_check_terminal_text (text, strlen (text), FALSE);
  color = hl_received_to_text (hop, HL_TEXT_COLOR);
  FUZZ_CHECK (color != NULL);
  fuzz_check_terminal_text (color, strlen (color), TRUE);

  return 0;
}
