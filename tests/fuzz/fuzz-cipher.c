/* fuzz-cipher.c: a cipher-suite name, as hl_cipher_lookup() and
 * hl_cipher_decompose() read it, and a TLS version as hl_tls_version_parse() does
 *
 * A name found in the table must be found again under each of its spellings, and
 * a decomposed name must describe a suite in words the rating understands.
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

static void
check_suite (const HlCipherSuite *suite)
{
  HlRatingReason reasons[HL_RATING_MAX_REASONS];
  guint n_reasons = 0;
  HlRating rating;

  fuzz_check_string (suite->iana);
  fuzz_check_string (suite->openssl);
  fuzz_check_string (suite->gnutls);
  fuzz_check_string (suite->kx);
  fuzz_check_string (suite->auth);
  fuzz_check_string (suite->enc);
  fuzz_check_string (suite->mode);
  fuzz_check_string (suite->mac);
  fuzz_check_string (suite->min_protocol);

  for (HlTlsVersion v = HL_TLS_VERSION_UNKNOWN; v <= HL_TLS_VERSION_TLS13; v++)
    {
      rating = hl_tls_rate (v, FALSE, suite, reasons, G_N_ELEMENTS (reasons), &n_reasons);
      FUZZ_CHECK (rating == HL_RATING_NONE || hl_rating_to_string (rating) != NULL);
      FUZZ_CHECK (n_reasons <= G_N_ELEMENTS (reasons));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *name = NULL;
  const HlCipherSuite *suite;
  HlCipherSuite parts;
  gboolean ambiguous = FALSE;
  HlTlsVersion version;

  /* The public API takes a NUL-terminated name; a NUL inside ends it early. */
  name = g_malloc (size + 1);
  memcpy (name, data, size);
  name[size] = '\0';

  suite = hl_cipher_lookup (name);
  if (suite != NULL)
    {
      check_suite (suite);
      if (suite->iana != NULL)
        FUZZ_CHECK (hl_cipher_lookup (suite->iana) == suite);
      if (suite->openssl != NULL)
        FUZZ_CHECK (hl_cipher_lookup (suite->openssl) != NULL);
    }

  memset (&parts, 0, sizeof parts);
  if (hl_cipher_decompose (name, &parts))
    check_suite (&parts);

  /* The version parser takes a span: give it the bytes as they are. */
  version = hl_tls_version_parse ((const char *) data, size, &ambiguous);
  (void) hl_tls_version_to_string (version);

  return 0;
}
