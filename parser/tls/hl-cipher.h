/* hl-cipher.h: what a TLS cipher-suite name means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-version-macros.h"

G_BEGIN_DECLS

/**
 * HlCipherSuite:
 * @code: the two-byte code point (0x1302), or 0 for a decomposed name
 * @iana: the IANA registry name (`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`);
 *   %NULL for a decomposed name
 * @openssl: (nullable): OpenSSL's name (`ECDHE-RSA-AES256-GCM-SHA384`)
 * @gnutls: (nullable): GnuTLS's name (`TLS_ECDHE_RSA_AES_256_GCM_SHA384`)
 * @kx: key exchange: `RSA`, `DHE`, `ECDHE`, `DH` and `ECDH` (static),
 *   `DH-anon`, `ECDH-anon`, `PSK`, `DHE-PSK`, `ECDHE-PSK`, `RSA-PSK`, `SRP`,
 *   `GOST`, `KRB5`, or `any` (TLS 1.3)
 * @auth: authentication: `RSA`, `DSS`, `ECDSA`, `PSK`, `SRP`, `GOST`, `KRB5`,
 *   `anon` or `any` (TLS 1.3)
 * @enc: bulk cipher: `AES`, `CAMELLIA`, `ARIA`, `CHACHA20`, `3DES`, `DES`,
 *   `RC4`, `RC2`, `IDEA`, `SEED`, `GOST28147` or `NULL` (no encryption)
 * @enc_bits: key size of the bulk cipher (168 for 3DES, 0 for NULL)
 * @mode: `CBC`, `GCM`, `CCM`, `CCM_8`, `POLY1305`, `CNT`, `stream` (RC4)
 *   or `none` (NULL)
 * @mac: record integrity: `SHA1`, `SHA256`, `SHA384`, `MD5`,
 *   `GOST28147-IMIT` or `AEAD` (a decomposed name may also give `SHA512`);
 *   (nullable): %NULL only for a decomposed name that names none
 * @fs: the key exchange gives forward secrecy
 * @aead: the cipher is an AEAD (GCM, CCM, ChaCha20-Poly1305)
 * @export_: an export-grade suite (40 or 56 bits)
 * @decomposed: the fields were read from the parts of an unknown name
 *   (hl_cipher_decompose()), not taken from the table
 * @min_protocol: (nullable): the oldest protocol the suite can be used
 *   with: `SSL 3.0`, `TLS 1.0`, `TLS 1.2` or `TLS 1.3`
 *
 * One TLS cipher suite. Every string is static and never freed; entries of the
 * table are never freed either.
 */
typedef struct _HlCipherSuite HlCipherSuite;

struct _HlCipherSuite
{
  guint16 code;
  const char *iana;
  const char *openssl;
  const char *gnutls;
  const char *kx;
  const char *auth;
  const char *enc;
  guint16 enc_bits;
  const char *mode;
  const char *mac;
  guint fs : 1;
  guint aead : 1;
  guint export_ : 1;
  guint decomposed : 1;
  const char *min_protocol;
};

/* Names longer than this are not cipher-suite names. */
#define HL_CIPHER_NAME_MAX 128

HL_AVAILABLE_IN_ALL
const HlCipherSuite *hl_cipher_lookup     (const char    *name);
HL_AVAILABLE_IN_ALL
gboolean             hl_cipher_decompose  (const char    *name,
                                           HlCipherSuite *out);
HL_AVAILABLE_IN_ALL
guint                hl_cipher_table_size (void);
HL_AVAILABLE_IN_ALL
const HlCipherSuite *hl_cipher_table_get  (guint          i);

G_END_DECLS
