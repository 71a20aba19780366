/* fuzz-common.h: what every fuzz target checks of a parsed hop
 *
 * The targets do not only look for crashes: they check the promises the public
 * API makes about any input, so a broken promise stops the fuzzer like a crash.
 * Each check is real code (abort()), not an assertion that a release build drops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hoplock.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } G_STMT_END

/* Bad input is data: a g_warning() or g_critical() for it is a bug. */
static inline void
fuzz_init_common (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

/* A string the API hands out: NULL, or valid UTF-8 of its own length. */
static inline void
fuzz_check_string (const char *s)
{
  if (s != NULL)
    FUZZ_CHECK (g_utf8_validate (s, -1, NULL));
}

/* A header text of the summary: NULL, or valid UTF-8 without control characters. */
static inline void
fuzz_check_clean_string (const char *s)
{
  if (s == NULL)
    return;
  FUZZ_CHECK (g_utf8_validate (s, -1, NULL));
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      FUZZ_CHECK (*p >= 0x20 && *p != 0x7f);
      FUZZ_CHECK (!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f));
    }
}

/* Everything a hop promises: raw text that is valid UTF-8 without control
 * characters (C0 but the tab, DEL, C1), tokens sorted and inside it without
 * overlap, warnings inside it. */
static inline void
fuzz_check_hop (HlReceived *hop)
{
  const HlToken *tokens;
  const HlWarning *warnings;
  const HlRatingReason *reasons;
  guint n_tokens, n_warnings, n_reasons;
  const char *raw;
  gsize raw_len;
  guint32 end = 0;
  gint64 t, delay;
  int off;
  char *iso;

  raw = hl_received_get_raw (hop, &raw_len);
  FUZZ_CHECK (raw != NULL);
  FUZZ_CHECK (strlen (raw) == raw_len);
  FUZZ_CHECK (raw_len <= HL_MAX_FIELD_LENGTH);
  FUZZ_CHECK (g_utf8_validate (raw, raw_len, NULL));
  for (gsize i = 0; i < raw_len; i++)
    {
      FUZZ_CHECK (((guchar) raw[i] >= 0x20 || raw[i] == '\t') && raw[i] != 0x7f);
      /* Nor C1 controls, U+0080–U+009F: 0xC2 0x80–0x9F in UTF-8. */
      if ((guchar) raw[i] == 0xc2 && i + 1 < raw_len)
        FUZZ_CHECK ((guchar) raw[i + 1] > 0x9f);
    }

  tokens = hl_received_get_tokens (hop, &n_tokens);
  FUZZ_CHECK (n_tokens == 0 || tokens != NULL);
  for (guint i = 0; i < n_tokens; i++)
    {
      FUZZ_CHECK (tokens[i].length > 0);
      FUZZ_CHECK (tokens[i].offset >= end);
      FUZZ_CHECK ((gsize) tokens[i].offset + tokens[i].length <= raw_len);
      FUZZ_CHECK (tokens[i].kind < HL_TOKEN_N_KINDS);
      FUZZ_CHECK (hl_token_kind_to_string (tokens[i].kind) != NULL);
      end = tokens[i].offset + tokens[i].length;
    }

  warnings = hl_received_get_warnings (hop, &n_warnings);
  FUZZ_CHECK (n_warnings == 0 || warnings != NULL);
  for (guint i = 0; i < n_warnings; i++)
    {
      FUZZ_CHECK (warnings[i].code != NULL && warnings[i].message != NULL);
      FUZZ_CHECK ((gsize) warnings[i].offset + warnings[i].length <= raw_len);
      fuzz_check_string (warnings[i].message);
      /* One warning a code: their number does not grow with the field. */
      for (guint j = 0; j < i; j++)
        FUZZ_CHECK (strcmp (warnings[i].code, warnings[j].code) != 0);
    }

  fuzz_check_string (hl_received_get_from_name (hop));
  fuzz_check_string (hl_received_get_from_helo (hop));
  fuzz_check_string (hl_received_get_from_rdns (hop));
  fuzz_check_string (hl_received_get_from_ip (hop));
  fuzz_check_string (hl_received_get_by_host (hop));
  fuzz_check_string (hl_received_get_by_software (hop));
  fuzz_check_string (hl_received_get_with (hop));
  fuzz_check_string (hl_received_get_via (hop));
  fuzz_check_string (hl_received_get_id (hop));
  fuzz_check_string (hl_received_get_for (hop));
  fuzz_check_string (hl_received_get_envelope_from (hop));
  fuzz_check_string (hl_received_get_tls_version_raw (hop));
  fuzz_check_string (hl_received_get_tls_cipher (hop));
  fuzz_check_string (hl_received_get_tls_key_exchange (hop));
  fuzz_check_string (hl_received_get_tls_verify_raw (hop));
  fuzz_check_string (hl_received_get_mta (hop));

  FUZZ_CHECK (hl_received_get_from_port (hop) >= -1 && hl_received_get_from_port (hop) <= 65535);
  FUZZ_CHECK (hl_tls_state_to_string (hl_received_get_tls_state (hop)) != NULL);
  FUZZ_CHECK (hl_evidence_to_string (hl_received_get_tls_evidence (hop)) != NULL);
  FUZZ_CHECK (hl_received_get_tls_verify (hop) == HL_VERIFY_NONE
              || hl_verify_to_string (hl_received_get_tls_verify (hop)) != NULL);
  FUZZ_CHECK (hl_hop_kind_to_string (hl_received_get_kind (hop)) != NULL);
  FUZZ_CHECK (hl_received_get_rating (hop) == HL_RATING_NONE
              || hl_rating_to_string (hl_received_get_rating (hop)) != NULL);
  (void) hl_tls_version_to_string (hl_received_get_tls_version (hop));
  (void) hl_received_get_tls_version_ambiguous (hop);
  (void) hl_received_get_tls_bits (hop);
  (void) hl_received_get_tls_alg_bits (hop);
  (void) hl_received_get_cipher_suite (hop);
  (void) hl_received_get_authenticated (hop);
  (void) hl_received_get_index (hop);
  (void) hl_received_get_delay (hop, &delay);

  reasons = hl_received_get_rating_reasons (hop, &n_reasons);
  FUZZ_CHECK (n_reasons <= HL_RATING_MAX_REASONS);
  FUZZ_CHECK (n_reasons == 0 || reasons != NULL);

  if (hl_received_get_date (hop, &t, &off))
    {
      FUZZ_CHECK (off > -24 * 60 && off < 24 * 60);
      iso = hl_received_dup_date_iso (hop, FALSE);
      FUZZ_CHECK (iso != NULL && g_utf8_validate (iso, -1, NULL));
      g_free (iso);
      iso = hl_received_dup_date_iso (hop, TRUE);
      FUZZ_CHECK (iso != NULL && g_utf8_validate (iso, -1, NULL));
      g_free (iso);
    }
}

/* Text for a terminal: no control character but the line break, and with
 * @color only complete SGR sequences ("ESC [ digits ; … m"). */
static inline void
fuzz_check_terminal_text (const char *s,
                          gsize       len,
                          gboolean    color)
{
  FUZZ_CHECK (g_utf8_validate (s, len, NULL));
  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      if (c == 0x1b && color)
        {
          FUZZ_CHECK (i + 1 < len && s[i + 1] == '[');
          i += 2;
          while (i < len && (g_ascii_isdigit (s[i]) || s[i] == ';'))
            i++;
          FUZZ_CHECK (i < len && s[i] == 'm');
          continue;
        }
      FUZZ_CHECK (c == '\n' || (c >= 0x20 && c != 0x7f));
      /* C1 controls (U+0080–U+009F) are 0xC2 0x80–0x9F in UTF-8. */
      if (c == 0xc2 && i + 1 < len)
        FUZZ_CHECK (!((guchar) s[i + 1] >= 0x80 && (guchar) s[i + 1] <= 0x9f));
    }
}
