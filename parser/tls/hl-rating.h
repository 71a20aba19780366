/* hl-rating.h: how good the protection of one hop was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-version-macros.h"
#include "tls/hl-cipher.h"

G_BEGIN_DECLS

/**
 * HlRating:
 * @HL_RATING_NONE: nothing to rate (no version and no cipher recorded)
 * @HL_RATING_INSECURE: broken: SSL 2/3, NULL, export, anonymous, RC4, DES
 * @HL_RATING_WEAK: TLS 1.0/1.1, 3DES, no forward secrecy with CBC
 * @HL_RATING_ACCEPTABLE: TLS 1.2 with forward secrecy and CBC, or AEAD
 *   without forward secrecy
 * @HL_RATING_STRONG: TLS 1.3, or TLS 1.2 with (EC)DHE and an AEAD
 *
 * Ordered from worst to best after %HL_RATING_NONE.
 */
typedef enum
{
  HL_RATING_NONE,
  HL_RATING_INSECURE,
  HL_RATING_WEAK,
  HL_RATING_ACCEPTABLE,
  HL_RATING_STRONG,
} HlRating;

typedef enum
{
  HL_TLS_VERSION_UNKNOWN,
  HL_TLS_VERSION_SSL2,
  HL_TLS_VERSION_SSL3,
  HL_TLS_VERSION_TLS10,
  HL_TLS_VERSION_TLS11,
  HL_TLS_VERSION_TLS12,
  HL_TLS_VERSION_TLS13,
} HlTlsVersion;

/**
 * HlRatingReason:
 * @rating: what this reason alone rates the hop
 * @id: a stable id (`version.sslv3`, `cipher.rc4`, …), for explanations and
 *   reports
 * @source: the standard or advisory behind it (`RFC 7465`)
 *
 * Why a hop was not rated strong. Strings are static.
 *
 * The ids: `version.sslv2`, `version.sslv3`, `version.tls10`,
 * `version.tls11`, `version.ambiguous` (TLSv1/SSLv3: SSL 3.0 up to TLS 1.2),
 * `cipher.null`, `cipher.export`, `cipher.anon`, `cipher.rc4`, `cipher.des`,
 * `cipher.3des`, `cipher.idea`, `cipher.rc2`, `cipher.md5`, `cipher.cbc`,
 * `cipher.unknown` (TLS 1.2 without a cipher), `kx.static-rsa-cbc`,
 * `kx.static-cbc`, `kx.no-forward-secrecy`. New ids may be added.
 */
typedef struct
{
  HlRating rating;
  const char *id;
  const char *source;
} HlRatingReason;

/* The most reasons hl_tls_rate() gives for one hop. */
#define HL_RATING_MAX_REASONS 8

HL_AVAILABLE_IN_ALL
HlRating      hl_tls_rate              (HlTlsVersion         version,
                                        gboolean             version_ambiguous,
                                        const HlCipherSuite *suite,
                                        HlRatingReason      *reasons,
                                        guint                max_reasons,
                                        guint               *n_reasons);
HL_AVAILABLE_IN_ALL
const char   *hl_rating_to_string      (HlRating             rating);
HL_AVAILABLE_IN_ALL
HlTlsVersion  hl_tls_version_parse     (const char          *text,
                                        gsize                len,
                                        gboolean            *ambiguous);
HL_AVAILABLE_IN_ALL
const char   *hl_tls_version_to_string (HlTlsVersion         version);

G_END_DECLS
