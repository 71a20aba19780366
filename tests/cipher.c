/* cipher.c: tests for the cipher-suite table, lookup and rating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: cipher [GTEST-OPTIONS] [PATH/cipher-spellings.tsv]
 * Without a path, $HL_TEST_DATA (the file, or the directory holding it) is read.
 */
#include <string.h>

#include <glib.h>

#include "tls/hl-cipher.h"
#include "tls/hl-rating.h"
#include "hl-test.h"

/* Spellings from real Received fields ------------------------------------- */

typedef struct
{
  const char *name;
  guint16 code;
} SpellingCase;

static const SpellingCase spelling_cases[] = {
  /* OpenSSL (Sendmail, Postfix, Exim, IronPort, Courier) */
  { "ECDHE-RSA-AES256-GCM-SHA384", 0xC030 },
  { "ECDHE-ECDSA-AES128-GCM-SHA256", 0xC02B },
  { "ECDHE-RSA-AES256-SHA384", 0xC028 },
  { "ECDHE-RSA-AES128-SHA", 0xC013 },
  { "ECDHE-RSA-CHACHA20-POLY1305", 0xCCA8 },
  { "DES-CBC3-SHA", 0x000A },
  { "EDH-RSA-DES-CBC3-SHA", 0x0016 },
  { "DHE-RSA-DES-CBC3-SHA", 0x0016 },
  { "DHE-RSA-AES256-SHA", 0x0039 },
  { "AECDH-AES256-SHA", 0xC019 },
  { "ADH-AES256-GCM-SHA384", 0x00A7 },
  { "AES128-GCM-SHA256", 0x009C },
  { "AES128-SHA", 0x002F },
  { "AES256-SHA", 0x0035 },
  { "RC4-MD5", 0x0004 },
  { "RC4-SHA", 0x0005 },
  { "EXP-RC4-MD5", 0x0003 },
  /* IANA (Microsoft, Gmail, Exim >= 4.93, Mimecast) */
  { "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", 0xC030 },
  { "TLS_AES_256_GCM_SHA384", 0x1302 },
  { "TLS_AES_128_GCM_SHA256", 0x1301 },
  { "TLS_CHACHA20_POLY1305_SHA256", 0x1303 },
  { "TLS_AES_128_CCM_SHA256", 0x1304 },
  { "TLS_AES_128_CCM_8_SHA256", 0x1305 },
  { "TLS_DHE_PSK_WITH_AES_128_CCM_8", 0xC0AA },
  { "TLS_PSK_DHE_WITH_AES_128_CCM_8", 0xC0AA },   /* OpenSSL's -stdname */
  /* Microsoft's curve suffix */
  { "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384", 0xC028 },
  { "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256", 0xC027 },
  { "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P521", 0xC02C },
  { "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384", 0xC014 },
  /* old SSL_ names */
  { "SSL_RSA_WITH_3DES_EDE_CBC_SHA", 0x000A },
  { "SSL_RSA_WITH_RC4_128_MD5", 0x0004 },
  { "SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA", 0x0016 },
  /* GnuTLS (Exim <= 4.92 writes it without TLS_) */
  { "ECDHE_RSA_AES_256_GCM_SHA384", 0xC030 },
  { "TLS_ECDHE_RSA_AES_256_GCM_SHA384", 0xC030 },
  { "RSA_AES_256_CBC_SHA1", 0x0035 },
  { "DHE_RSA_AES_128_CBC_SHA1", 0x0033 },
  { "RSA_ARCFOUR_128_SHA1", 0x0005 },
  { "RSA_ARCFOUR_SHA1", 0x0005 },                 /* GnuTLS 2 */
  { "ECDHE_RSA_CHACHA20_POLY1305", 0xCCA8 },
  /* LibreSSL */
  { "AEAD-AES256-GCM-SHA384", 0x1302 },
  { "AEAD-AES128-GCM-SHA256", 0x1301 },
  { "AEAD-CHACHA20-POLY1305-SHA256", 0x1303 },
  /* Stalwart */
  { "TLS13_AES_256_GCM_SHA384", 0x1302 },
  { "TLS13_CHACHA20_POLY1305_SHA256", 0x1303 },
  /* IANA without its prefix */
  { "ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xC02F },
  /* letter case and white space */
  { "ecdhe-rsa-aes256-gcm-sha384", 0xC030 },
  { "tls_aes_128_gcm_sha256", 0x1301 },
  { "Tls13_Aes_128_Gcm_Sha256", 0x1301 },
  { "ssl_rsa_with_3des_ede_cbc_sha", 0x000A },
  { "tls_ecdhe_rsa_with_aes_256_cbc_sha384_p384", 0xC028 },
  { " DES-CBC3-SHA\t", 0x000A },
};

static void
test_lookup (gconstpointer data)
{
  const SpellingCase *c = data;
  const HlCipherSuite *suite = hl_cipher_lookup (c->name);

  g_assert_nonnull (suite);
  g_assert_cmphex (suite->code, ==, c->code);
  g_assert_false (suite->decomposed);
}

static const char * const unknown_names[] = {
  "",
  "   ",
  "FOO",
  "TLS_",
  "SSL_",
  "TLS13_",
  "_P384",
  "AES",
  "ECDHE-RSA-AES256-GCM-SHA385",
  "ECDHE-RSA-AES256-GCM-SHA384-",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384_P999",
  "ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)",
  "ECDHE RSA AES256",
  "ECDHE-RSA-AES256-GCM-SHA384;",
  "\303\204ES128-SHA",
  "SSL_CK_RC4_128_WITH_MD5",
  "TLS_NULL_WITH_NULL_NULL",
};

static void
test_lookup_unknown (gconstpointer data)
{
  const char *name = *(const char * const *) data;

  g_assert_null (hl_cipher_lookup (name));
}

static void
test_lookup_lengths (void)
{
  char name[4096];
  const char *base = "ECDHE-RSA-AES256-GCM-SHA384";
  gsize n = strlen (base);

  /* Exactly the limit: not a name, but not rejected for its length. */
  memset (name, 'A', HL_CIPHER_NAME_MAX);
  name[HL_CIPHER_NAME_MAX] = '\0';
  g_assert_null (hl_cipher_lookup (name));

  /* One byte over, and far over: rejected without reading past the limit. */
  memset (name, 'A', sizeof name - 1);
  name[sizeof name - 1] = '\0';
  g_assert_null (hl_cipher_lookup (name));
  name[HL_CIPHER_NAME_MAX + 1] = '\0';
  g_assert_null (hl_cipher_lookup (name));

  /* A real name followed by junk that makes it too long. */
  memcpy (name, base, n);
  memset (name + n, 'A', 200);
  name[n + 200] = '\0';
  g_assert_null (hl_cipher_lookup (name));

  /* White space around a name does not count. */
  memset (name, ' ', 300);
  memcpy (name + 300, base, n);
  memset (name + 300 + n, ' ', 300);
  name[600 + n] = '\0';
  g_assert_nonnull (hl_cipher_lookup (name));
  g_assert_cmphex (hl_cipher_lookup (name)->code, ==, 0xC030);
}

/* The table itself ----------------------------------------------------------- */

/* Whether each key exchange gives forward secrecy, written from the RFCs that
 * define it and not from the library's own list: it does when the keys of the
 * session come from a key pair made for the one handshake and thrown away, so
 * that stealing the server's long-term key later does not open recorded mail.
 * Every key exchange of the table must be here; a new one needs a decision. */
static const struct
{
  const char *kx;
  gboolean fs;
  const char *why;
} kx_expectations[] = {
  { "RSA", FALSE, "RFC 5246 7.4.7.1: the premaster secret is encrypted to the key of the "
    "server's certificate" },
  { "DH", FALSE, "RFC 5246 7.4.2 (DH_DSS, DH_RSA): the server's Diffie-Hellman key is fixed in "
    "its certificate" },
  { "ECDH", FALSE, "RFC 4492 2.1, 2.3 (ECDH_ECDSA, ECDH_RSA): the server's ECDH key is fixed in "
    "its certificate" },
  { "DHE", TRUE, "RFC 5246 7.4.3 (DHE_DSS, DHE_RSA): Diffie-Hellman parameters made for the "
    "handshake, signed by the server" },
  { "ECDHE", TRUE, "RFC 8422 2.1, 2.2 (ECDHE_ECDSA, ECDHE_RSA): an ECDH key made for the "
    "handshake" },
  { "DH-anon", TRUE, "RFC 5246 7.4.3 (DH_anon): parameters sent in ServerKeyExchange, not in a "
    "certificate, made for the handshake; unauthenticated, which the rating counts apart" },
  { "ECDH-anon", TRUE, "RFC 8422 2.3 (ECDH_anon): an ephemeral ECDH key; unauthenticated" },
  { "PSK", FALSE, "RFC 4279 2: the keys come from the pre-shared key alone" },
  { "RSA-PSK", FALSE, "RFC 4279 4: the premaster secret is encrypted to the server's RSA key" },
  { "DHE-PSK", TRUE, "RFC 4279 3: an ephemeral Diffie-Hellman exchange next to the pre-shared "
    "key" },
  { "ECDHE-PSK", TRUE, "RFC 5489 2: an ephemeral ECDH exchange next to the pre-shared key" },
  { "SRP", TRUE, "RFC 5054 2.6, RFC 2945 3: the premaster secret comes from the random values "
    "a and b of the one handshake, not from the stored verifier alone" },
  { "GOST", FALSE, "RFC 9189 (GOST R 34.10-2012 key exchange): the client's ephemeral key meets "
    "the key of the server's certificate, which opens it later" },
  { "any", TRUE, "RFC 8446 2, 4.2.8: a TLS 1.3 suite leaves the key exchange out; a full "
    "handshake is always (EC)DHE" },
  { "KRB5", FALSE, "RFC 2712: the premaster secret is encrypted with the Kerberos session "
    "key" },
};

/* The forward secrecy kx_expectations[] gives @kx; FALSE if it has no row. */
static gboolean
kx_expected_fs (const char  *kx,
                gboolean    *fs,
                const char **why)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kx_expectations); i++)
    if (strcmp (kx, kx_expectations[i].kx) == 0)
      {
        *fs = kx_expectations[i].fs;
        *why = kx_expectations[i].why;
        return TRUE;
      }
  return FALSE;
}

static gboolean
mode_is_aead (const char *mode)
{
  return strcmp (mode, "GCM") == 0 || strcmp (mode, "CCM") == 0 ||
         strcmp (mode, "CCM_8") == 0 || strcmp (mode, "POLY1305") == 0;
}

static void
test_table_consistent (void)
{
  guint n = hl_cipher_table_size ();
  guint i;

  /* The five TLS 1.3 suites plus what OpenSSL 3 and GnuTLS 3.7 know. */
  g_assert_cmpuint (n, >=, 200);
  g_assert_null (hl_cipher_table_get (n));
  g_assert_null (hl_cipher_table_get (G_MAXUINT));

  for (i = 0; i < n; i++)
    {
      const HlCipherSuite *s = hl_cipher_table_get (i);
      const char *protos[] = { "SSL 3.0", "TLS 1.0", "TLS 1.2", "TLS 1.3" };
      gboolean proto_ok = FALSE;
      gboolean fs;
      const char *why;
      gsize j;

      g_assert_nonnull (s);
      if (i > 0)
        g_assert_cmphex (hl_cipher_table_get (i - 1)->code, <, s->code);

      g_assert_nonnull (s->iana);
      g_assert_nonnull (s->kx);
      g_assert_nonnull (s->auth);
      g_assert_nonnull (s->enc);
      g_assert_nonnull (s->mode);
      g_assert_nonnull (s->mac);
      g_assert_nonnull (s->min_protocol);
      g_assert_false (s->decomposed);

      g_assert_cmpint (s->aead, ==, mode_is_aead (s->mode));
      if (!kx_expected_fs (s->kx, &fs, &why))
        hl_test_fail ("%s: key exchange “%s” is not in kx_expectations[]: decide from "
                      "its RFC whether it gives forward secrecy", s->iana, s->kx);
      else if (s->fs != fs)
        hl_test_fail ("%s: forward secrecy %s, but %s", s->iana, s->fs ? "yes" : "no",
                      why);
      if (s->aead)
        g_assert_cmpstr (s->mac, ==, "AEAD");
      if (strcmp (s->enc, "NULL") == 0)
        g_assert_cmpuint (s->enc_bits, ==, 0);
      else
        g_assert_cmpuint (s->enc_bits, >=, 40);
      if (strcmp (s->enc, "3DES") == 0)
        g_assert_cmpuint (s->enc_bits, ==, 168);
      if (s->export_)
        g_assert_cmpuint (s->enc_bits, <=, 56);

      for (j = 0; j < G_N_ELEMENTS (protos); j++)
        proto_ok |= strcmp (s->min_protocol, protos[j]) == 0;
      g_assert_true (proto_ok);
      g_assert_cmpint ((s->code >> 8) == 0x13, ==, strcmp (s->min_protocol, "TLS 1.3") == 0);
      if ((s->code >> 8) == 0x13)
        g_assert_cmpstr (s->kx, ==, "any");

      /* Every name of the entry finds the entry. */
      g_assert_true (hl_cipher_lookup (s->iana) == s);
      if (s->openssl != NULL)
        g_assert_true (hl_cipher_lookup (s->openssl) == s);
      if (s->gnutls != NULL)
        g_assert_true (hl_cipher_lookup (s->gnutls) == s);
    }
}

static void
assert_same_parts (const HlCipherSuite *got,
                   const HlCipherSuite *want,
                   const char          *name)
{
  if (g_test_verbose ())
    g_test_message ("decomposing %s", name);
  g_assert_cmpstr (got->kx, ==, want->kx);
  g_assert_cmpstr (got->auth, ==, want->auth);
  g_assert_cmpstr (got->enc, ==, want->enc);
  g_assert_cmpuint (got->enc_bits, ==, want->enc_bits);
  g_assert_cmpstr (got->mode, ==, want->mode);
  g_assert_cmpstr (got->mac, ==, want->mac);
  g_assert_cmpint (got->fs, ==, want->fs);
  g_assert_cmpint (got->aead, ==, want->aead);
  g_assert_cmpint (got->export_, ==, want->export_);
}

/* The decomposer and the generator read names independently; they must agree
 * on every name of every suite. */
static void
test_decompose_agrees_with_table (void)
{
  guint i;

  for (i = 0; i < hl_cipher_table_size (); i++)
    {
      const HlCipherSuite *s = hl_cipher_table_get (i);
      const char *names[3] = { s->iana, s->openssl, s->gnutls };
      gsize j;

      for (j = 0; j < G_N_ELEMENTS (names); j++)
        {
          HlCipherSuite d;

          if (names[j] == NULL)
            continue;
          g_assert_true (hl_cipher_decompose (names[j], &d));
          g_assert_true (d.decomposed);
          g_assert_cmphex (d.code, ==, 0);
          g_assert_null (d.iana);
          assert_same_parts (&d, s, names[j]);
          if (d.min_protocol != NULL)
            g_assert_cmpstr (d.min_protocol, ==,
                             strcmp (s->min_protocol, "TLS 1.3") == 0 ? "TLS 1.3" : "TLS 1.2");
        }
    }
}

/* Decomposing names the table does not hold ------------------------------- */

typedef struct
{
  const char *name;
  const char *kx;
  const char *auth;
  const char *enc;
  guint16 bits;
  const char *mode;
  const char *mac;
  gboolean fs;
  gboolean aead;
  gboolean export_;
  const char *min_protocol;
} DecomposeCase;

static const DecomposeCase decompose_cases[] = {
  /* IANA suites neither library ships */
  { "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256", "ECDHE", "ECDSA", "ARIA", 128, "CBC",
    "SHA256", TRUE, FALSE, FALSE, NULL },
  { "TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384_P384", "DHE", "RSA", "ARIA", 256, "CBC",
    "SHA384", TRUE, FALSE, FALSE, NULL },
  { "SSL_RSA_WITH_AES_256_CBC_SHA512", "RSA", "RSA", "AES", 256, "CBC", "SHA512",
    FALSE, FALSE, FALSE, NULL },
  /* OpenSSL-style spelling of a suite only GnuTLS names */
  { "DHE-RSA-CAMELLIA256-GCM-SHA384", "DHE", "RSA", "CAMELLIA", 256, "GCM", "AEAD",
    TRUE, TRUE, FALSE, "TLS 1.2" },
  /* draft ChaCha20 suites of BoringSSL and old OpenSSL patches */
  { "ECDHE-RSA-CHACHA20-POLY1305-OLD", "ECDHE", "RSA", "CHACHA20", 256, "POLY1305", "AEAD",
    TRUE, TRUE, FALSE, "TLS 1.2" },
  /* Kerberos suites of OpenSSL 0.9.8 */
  { "KRB5-DES-CBC3-SHA", "KRB5", "KRB5", "3DES", 168, "CBC", "SHA1",
    FALSE, FALSE, FALSE, NULL },
  { "EXP-KRB5-RC4-MD5", "KRB5", "KRB5", "RC4", 40, "stream", "MD5",
    FALSE, FALSE, TRUE, NULL },
  /* GnuTLS session descriptions as Exim 4.9x wrote them */
  { "ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM", "ECDHE", "RSA", "AES", 256, "GCM",
    "AEAD", TRUE, TRUE, FALSE, "TLS 1.2" },
  { "ECDHE_SECP256R1__ECDSA_SECP256R1_SHA256__AES_128_CBC__SHA1", "ECDHE", "ECDSA", "AES",
    128, "CBC", "SHA1", TRUE, FALSE, FALSE, NULL },
  { "DHE_FFDHE2048__RSA_SHA256__CHACHA20_POLY1305", "DHE", "RSA", "CHACHA20", 256,
    "POLY1305", "AEAD", TRUE, TRUE, FALSE, "TLS 1.2" },
  /* TLS 1.3 with a hash nobody registered */
  { "TLS_AES_256_GCM_SHA512", "any", "any", "AES", 256, "GCM", "AEAD",
    TRUE, TRUE, FALSE, "TLS 1.3" },
  /* known names decompose too */
  { "EDH-RSA-DES-CBC3-SHA", "DHE", "RSA", "3DES", 168, "CBC", "SHA1",
    TRUE, FALSE, FALSE, NULL },
  { "AEAD-AES256-GCM-SHA384", "any", "any", "AES", 256, "GCM", "AEAD",
    TRUE, TRUE, FALSE, "TLS 1.3" },
  { "EXP1024-DES-CBC-SHA", "RSA", "RSA", "DES", 56, "CBC", "SHA1",
    FALSE, FALSE, TRUE, NULL },
};

static void
test_decompose (gconstpointer data)
{
  const DecomposeCase *c = data;
  HlCipherSuite d;

  g_assert_true (hl_cipher_decompose (c->name, &d));
  g_assert_true (d.decomposed);
  g_assert_cmphex (d.code, ==, 0);
  g_assert_null (d.iana);
  g_assert_null (d.openssl);
  g_assert_null (d.gnutls);
  g_assert_cmpstr (d.kx, ==, c->kx);
  g_assert_cmpstr (d.auth, ==, c->auth);
  g_assert_cmpstr (d.enc, ==, c->enc);
  g_assert_cmpuint (d.enc_bits, ==, c->bits);
  g_assert_cmpstr (d.mode, ==, c->mode);
  g_assert_cmpstr (d.mac, ==, c->mac);
  g_assert_cmpint (d.fs, ==, c->fs);
  g_assert_cmpint (d.aead, ==, c->aead);
  g_assert_cmpint (d.export_, ==, c->export_);
  g_assert_cmpstr (d.min_protocol, ==, c->min_protocol);
}

static const char * const undecomposable_names[] = {
  "",
  "FOO",
  "TLS_ECDHE_RSA_WITH",
  "AES-SHA",                                  /* AES without a size */
  "TLS_AES_128_CBC_SHA256",                   /* TLS 1.3 name with a non-AEAD */
  "ECDHE-RSA-AES256-GCM-SHA384-EXTRA",
  "ECDHE-RSA-AES256-AES128",
  "RSA_MD5",
  "ECDHE-RSA-AES256-GCM-GCM",
  "ECDHE-RSA-AES256-SHA-SHA",
  "TLS_RSA_WITH_AES_128_CBC_SHA_WITH",
  "TLS_NULL_WITH_NULL_NULL",
  "ECDHE-RSA-AES256-GCM-SHA384 garbage",
  "A_B_C_D_E_F_G_H_I_J_K_L_M_N_O_P_Q_R_S_T_U_V_W_X_Y_Z",
};

static void
test_decompose_fails (gconstpointer data)
{
  const char *name = *(const char * const *) data;
  HlCipherSuite d;

  memset (&d, 0xAA, sizeof d);
  g_assert_false (hl_cipher_decompose (name, &d));
  /* a failed call leaves nothing half-filled */
  g_assert_null (d.kx);
  g_assert_null (d.enc);
  g_assert_false (d.decomposed);
}

static void
test_decompose_long (void)
{
  char name[HL_CIPHER_NAME_MAX + 2];
  HlCipherSuite d;

  memset (name, '_', sizeof name - 1);
  name[sizeof name - 1] = '\0';
  memcpy (name, "AES128-SHA", 10);
  g_assert_false (hl_cipher_decompose (name, &d));
  name[HL_CIPHER_NAME_MAX] = '\0';
  g_assert_true (hl_cipher_decompose (name, &d));
  g_assert_cmpstr (d.enc, ==, "AES");
}

/* Every spelling OpenSSL and GnuTLS print ---------------------------------- */

typedef struct
{
  char *name;
  char *source;
  guint16 code;
} SpellingRow;

static GPtrArray *spelling_rows;

static void
spelling_row_free (gpointer data)
{
  SpellingRow *row = data;

  g_free (row->name);
  g_free (row->source);
  g_free (row);
}

static void
test_spelling (gconstpointer data)
{
  const SpellingRow *row = data;
  const HlCipherSuite *suite = hl_cipher_lookup (row->name);
  g_autofree char *lower = g_ascii_strdown (row->name, -1);
  guint matches = 0;
  guint i;

  g_assert_nonnull (suite);
  g_assert_cmphex (suite->code, ==, row->code);

  /* exactly one entry of the table has the code, and it is the one found */
  for (i = 0; i < hl_cipher_table_size (); i++)
    if (hl_cipher_table_get (i)->code == row->code)
      {
        matches++;
        g_assert_true (hl_cipher_table_get (i) == suite);
      }
  g_assert_cmpuint (matches, ==, 1);

  g_assert_true (hl_cipher_lookup (lower) == suite);
}

static void
test_spelling_sources (void)
{
  const char *sources[] = { "openssl", "openssl-stdname", "gnutls", "iana" };
  gsize i;

  g_assert_nonnull (spelling_rows);
  for (i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      guint n = 0;
      guint j;

      for (j = 0; j < spelling_rows->len; j++)
        {
          const SpellingRow *row = g_ptr_array_index (spelling_rows, j);

          if (strcmp (row->source, sources[i]) == 0)
            n++;
        }
      g_test_message ("%s: %u names", sources[i], n);
      g_assert_cmpuint (n, >=, 100);
    }
}

static void
test_spellings_missing (gconstpointer data)
{
  hl_test_fail ("no spellings file: %s", (const char *) data);
}

static char *
find_spellings (int    argc,
                char **argv)
{
  const char *env = g_getenv ("HL_TEST_DATA");

  if (argc > 1)
    return g_strdup (argv[1]);
  if (env != NULL && g_file_test (env, G_FILE_TEST_IS_DIR))
    return g_build_filename (env, "cipher-spellings.tsv", NULL);
  if (env != NULL)
    return g_strdup (env);
  return NULL;
}

static gboolean
load_spellings (const char *path,
                GError    **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize i;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;

  spelling_rows = g_ptr_array_new_with_free_func (spelling_row_free);
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      SpellingRow *row;
      guint64 code;

      if (lines[i][0] == '\0' || lines[i][0] == '#' || g_str_has_prefix (lines[i], "name\t"))
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 3 || !g_str_has_prefix (fields[1], "0x") ||
          !g_ascii_string_to_unsigned (fields[1] + 2, 16, 0, 0xFFFF, &code, NULL))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%" G_GSIZE_FORMAT
                       ": not name<TAB>0xCODE<TAB>source", path, i + 1);
          return FALSE;
        }
      row = g_new0 (SpellingRow, 1);
      row->name = g_strdup (fields[0]);
      row->source = g_strdup (fields[2]);
      row->code = (guint16) code;
      g_ptr_array_add (spelling_rows, row);
    }
  return TRUE;
}

/* Versions ---------------------------------------------------------------- */

typedef struct
{
  const char *text;
  HlTlsVersion version;
  gboolean ambiguous;
} VersionCase;

static const VersionCase version_cases[] = {
  { "TLSv1.3", HL_TLS_VERSION_TLS13, FALSE },
  { "TLSv1.2", HL_TLS_VERSION_TLS12, FALSE },
  { "TLSv1.1", HL_TLS_VERSION_TLS11, FALSE },
  { "TLSv1.0", HL_TLS_VERSION_TLS10, FALSE },
  { "TLSv1", HL_TLS_VERSION_TLS10, FALSE },
  { "TLS1_3", HL_TLS_VERSION_TLS13, FALSE },
  { "TLS1_2", HL_TLS_VERSION_TLS12, FALSE },
  { "TLS1_0", HL_TLS_VERSION_TLS10, FALSE },
  { "TLS1.3", HL_TLS_VERSION_TLS13, FALSE },
  { "TLS1.2", HL_TLS_VERSION_TLS12, FALSE },
  { "tls 1.2", HL_TLS_VERSION_TLS12, FALSE },
  { "TLS 1.0", HL_TLS_VERSION_TLS10, FALSE },
  { "TLS v1.2", HL_TLS_VERSION_TLS12, FALSE },
  { "TLS12", HL_TLS_VERSION_TLS12, FALSE },
  { "tlsv1.3", HL_TLS_VERSION_TLS13, FALSE },
  { " TLSv1.2 ", HL_TLS_VERSION_TLS12, FALSE },
  { "SSLv3", HL_TLS_VERSION_SSL3, FALSE },
  { "SSL 3.0", HL_TLS_VERSION_SSL3, FALSE },
  { "SSLv2", HL_TLS_VERSION_SSL2, FALSE },
  { "TLSv1/SSLv3", HL_TLS_VERSION_UNKNOWN, TRUE },
  { "SSLv3/TLSv1", HL_TLS_VERSION_UNKNOWN, TRUE },
  { "TLSv1.2/TLSv1.2", HL_TLS_VERSION_TLS12, FALSE },
  { "TLSv1.2/garbage", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "TLS", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "TLSv2", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "TLSv1.4", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "TLSv1.2x", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "SSLv3.1", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "SSLv23", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "DTLSv1.2", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "", HL_TLS_VERSION_UNKNOWN, FALSE },
  { "/", HL_TLS_VERSION_UNKNOWN, FALSE },
};

static void
test_version_parse (gconstpointer data)
{
  const VersionCase *c = data;
  gboolean ambiguous = !c->ambiguous;

  g_assert_cmpint (hl_tls_version_parse (c->text, strlen (c->text), &ambiguous), ==, c->version);
  g_assert_cmpint (ambiguous, ==, c->ambiguous);
  g_assert_cmpint (hl_tls_version_parse (c->text, (gsize) -1, NULL), ==, c->version);
}

static void
test_version_bounded (void)
{
  /* The length is honoured: no NUL needed, nothing read past it. */
  const char text[] = { 'T', 'L', 'S', 'v', '1', '.', '2', '9' };
  gboolean ambiguous = TRUE;

  g_assert_cmpint (hl_tls_version_parse (text, 7, &ambiguous), ==, HL_TLS_VERSION_TLS12);
  g_assert_false (ambiguous);
  g_assert_cmpint (hl_tls_version_parse (text, 8, NULL), ==, HL_TLS_VERSION_UNKNOWN);
  g_assert_cmpint (hl_tls_version_parse (text, 5, NULL), ==, HL_TLS_VERSION_TLS10);
  g_assert_cmpint (hl_tls_version_parse (NULL, 0, &ambiguous), ==, HL_TLS_VERSION_UNKNOWN);
  g_assert_false (ambiguous);
}

static void
test_version_to_string (void)
{
  g_assert_null (hl_tls_version_to_string (HL_TLS_VERSION_UNKNOWN));
  g_assert_cmpstr (hl_tls_version_to_string (HL_TLS_VERSION_SSL2), ==, "SSL 2.0");
  g_assert_cmpstr (hl_tls_version_to_string (HL_TLS_VERSION_SSL3), ==, "SSL 3.0");
  g_assert_cmpstr (hl_tls_version_to_string (HL_TLS_VERSION_TLS10), ==, "TLS 1.0");
  g_assert_cmpstr (hl_tls_version_to_string (HL_TLS_VERSION_TLS11), ==, "TLS 1.1");
  g_assert_cmpstr (hl_tls_version_to_string (HL_TLS_VERSION_TLS12), ==, "TLS 1.2");
  g_assert_cmpstr (hl_tls_version_to_string (HL_TLS_VERSION_TLS13), ==, "TLS 1.3");

  g_assert_null (hl_rating_to_string (HL_RATING_NONE));
  g_assert_cmpstr (hl_rating_to_string (HL_RATING_INSECURE), ==, "insecure");
  g_assert_cmpstr (hl_rating_to_string (HL_RATING_WEAK), ==, "weak");
  g_assert_cmpstr (hl_rating_to_string (HL_RATING_ACCEPTABLE), ==, "acceptable");
  g_assert_cmpstr (hl_rating_to_string (HL_RATING_STRONG), ==, "strong");
}

/* Ratings ----------------------------------------------------------------- */

typedef struct
{
  const char *id;        /* the test path */
  const char *version;   /* as written, or NULL */
  const char *cipher;    /* as written, or NULL */
  HlRating rating;
  const char *reasons[8];
} RatingCase;

static const RatingCase rating_cases[] = {
  { "tls13", "TLSv1.3", "TLS_AES_256_GCM_SHA384", HL_RATING_STRONG, { NULL } },
  { "tls12-ecdhe-gcm", "TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", HL_RATING_STRONG, { NULL } },
  { "tls12-ecdhe-psk-chacha", "TLSv1.2", "ECDHE-PSK-CHACHA20-POLY1305", HL_RATING_STRONG,
    { NULL } },
  { "tls12-microsoft-cbc", "TLS1_2", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384",
    HL_RATING_ACCEPTABLE, { "cipher.cbc", NULL } },
  { "tls12-ecdhe-cbc", "TLSv1.2", "ECDHE-RSA-AES256-SHA384", HL_RATING_ACCEPTABLE,
    { "cipher.cbc", NULL } },
  { "tls12-rsa-gcm", "TLSv1.2", "AES256-GCM-SHA384", HL_RATING_ACCEPTABLE,
    { "kx.no-forward-secrecy", NULL } },
  { "tls12-rsa-cbc", "TLSv1.2", "AES256-SHA256", HL_RATING_WEAK,
    { "kx.static-rsa-cbc", NULL } },
  { "tls12-static-dh-cbc", "TLSv1.2", "DH-RSA-AES256-SHA", HL_RATING_WEAK,
    { "kx.static-cbc", NULL } },
  { "tls12-idea", "TLSv1.2", "IDEA-CBC-SHA", HL_RATING_WEAK,
    { "cipher.idea", "kx.static-rsa-cbc", NULL } },
  { "tls11", "TLSv1.1", "ECDHE-RSA-AES128-SHA", HL_RATING_WEAK,
    { "version.tls11", "cipher.cbc", NULL } },
  { "tls10", "TLSv1", "DHE-RSA-AES256-SHA", HL_RATING_WEAK,
    { "version.tls10", "cipher.cbc", NULL } },
  { "sendmail-2005", "TLSv1/SSLv3", "EDH-RSA-DES-CBC3-SHA", HL_RATING_WEAK,
    { "version.ambiguous", "cipher.3des", "cipher.cbc", NULL } },
  { "ecdhe-3des", "TLSv1.2", "ECDHE-RSA-DES-CBC3-SHA", HL_RATING_WEAK,
    { "cipher.3des", "cipher.cbc", NULL } },
  { "courier-3des", "TLSv1/SSLv3", "DES-CBC3-SHA", HL_RATING_WEAK,
    { "version.ambiguous", "cipher.3des", "kx.static-rsa-cbc", NULL } },
  { "ambiguous-gcm", "TLSv1/SSLv3", "ECDHE-RSA-AES256-GCM-SHA384", HL_RATING_WEAK,
    { "version.ambiguous", NULL } },
  { "sslv3-rc4", "SSLv3", "RC4-MD5", HL_RATING_INSECURE,
    { "version.sslv3", "cipher.rc4", "cipher.md5", "kx.no-forward-secrecy", NULL } },
  { "sslv3-strong-cipher", "SSLv3", "DHE-RSA-AES256-SHA", HL_RATING_INSECURE,
    { "version.sslv3", "cipher.cbc", NULL } },
  { "anon", "TLSv1.2", "ADH-AES256-GCM-SHA384", HL_RATING_INSECURE, { "cipher.anon", NULL } },
  { "aecdh", "TLSv1", "AECDH-AES256-SHA", HL_RATING_INSECURE,
    { "version.tls10", "cipher.anon", "cipher.cbc", NULL } },
  { "null", "TLSv1.2", "NULL-SHA256", HL_RATING_INSECURE,
    { "cipher.null", "kx.no-forward-secrecy", NULL } },
  { "export", "TLSv1", "EXP-RC4-MD5", HL_RATING_INSECURE,
    { "version.tls10", "cipher.export", "cipher.rc4", "cipher.md5", "kx.no-forward-secrecy",
      NULL } },
  { "export-rc2", "TLSv1.2", "EXP-RC2-CBC-MD5", HL_RATING_INSECURE,
    { "cipher.export", "cipher.rc2", "cipher.md5", "kx.static-rsa-cbc", NULL } },
  { "des", "TLSv1", "DES-CBC-SHA", HL_RATING_INSECURE,
    { "version.tls10", "cipher.des", "kx.static-rsa-cbc", NULL } },
  { "ecdhe-rc4", "TLSv1.2", "ECDHE-RSA-RC4-SHA", HL_RATING_INSECURE, { "cipher.rc4", NULL } },
  { "sslv2", "SSLv2", NULL, HL_RATING_INSECURE, { "version.sslv2", NULL } },
  /* a version alone */
  { "tls13-only", "TLSv1.3", NULL, HL_RATING_STRONG, { NULL } },
  { "tls12-only", "TLSv1.2", NULL, HL_RATING_ACCEPTABLE, { "cipher.unknown", NULL } },
  { "tls10-only", "TLSv1", NULL, HL_RATING_WEAK, { "version.tls10", NULL } },
  { "ambiguous-only", "TLSv1/SSLv3", NULL, HL_RATING_WEAK, { "version.ambiguous", NULL } },
  /* a cipher alone */
  { "cipher-tls13-only", NULL, "TLS_AES_128_GCM_SHA256", HL_RATING_STRONG, { NULL } },
  { "cipher-stalwart-only", NULL, "TLS13_AES_256_GCM_SHA384", HL_RATING_STRONG, { NULL } },
  { "cipher-gcm-only", NULL, "ECDHE-RSA-AES128-GCM-SHA256", HL_RATING_STRONG, { NULL } },
  { "cipher-3des-only", NULL, "DES-CBC3-SHA", HL_RATING_WEAK,
    { "cipher.3des", "kx.static-rsa-cbc", NULL } },
  { "garbage-version", "TLSv9", "ECDHE-RSA-AES256-GCM-SHA384", HL_RATING_STRONG, { NULL } },
  /* a name the table does not know, decomposed */
  { "decomposed-aria-cbc", "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256",
    HL_RATING_ACCEPTABLE, { "cipher.cbc", NULL } },
  { "decomposed-krb5", "TLSv1", "KRB5-DES-CBC3-SHA", HL_RATING_WEAK,
    { "version.tls10", "cipher.3des", "kx.static-cbc", NULL } },
  /* nothing */
  { "nothing", NULL, NULL, HL_RATING_NONE, { NULL } },
  { "nothing-garbage", "garbage", "garbage", HL_RATING_NONE, { NULL } },
};

/* Every reason id and the rating it carries. */
static const struct
{
  const char *id;
  HlRating rating;
} reason_ratings[] = {
  { "version.sslv2", HL_RATING_INSECURE },
  { "version.sslv3", HL_RATING_INSECURE },
  { "version.tls10", HL_RATING_WEAK },
  { "version.tls11", HL_RATING_WEAK },
  { "version.ambiguous", HL_RATING_WEAK },
  { "cipher.null", HL_RATING_INSECURE },
  { "cipher.export", HL_RATING_INSECURE },
  { "cipher.anon", HL_RATING_INSECURE },
  { "cipher.rc4", HL_RATING_INSECURE },
  { "cipher.des", HL_RATING_INSECURE },
  { "cipher.3des", HL_RATING_WEAK },
  { "cipher.idea", HL_RATING_WEAK },
  { "cipher.rc2", HL_RATING_WEAK },
  { "cipher.md5", HL_RATING_WEAK },
  { "cipher.cbc", HL_RATING_ACCEPTABLE },
  { "cipher.unknown", HL_RATING_ACCEPTABLE },
  { "kx.static-rsa-cbc", HL_RATING_WEAK },
  { "kx.static-cbc", HL_RATING_WEAK },
  { "kx.no-forward-secrecy", HL_RATING_ACCEPTABLE },
};

static void
assert_reason_rating (const HlRatingReason *reason)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (reason_ratings); i++)
    if (strcmp (reason->id, reason_ratings[i].id) == 0)
      {
        g_assert_cmpstr (hl_rating_to_string (reason->rating), ==,
                         hl_rating_to_string (reason_ratings[i].rating));
        return;
      }
  hl_test_fail ("unknown reason id %s", reason->id);
}

static void
test_rating (gconstpointer data)
{
  const RatingCase *c = data;
  HlTlsVersion version = HL_TLS_VERSION_UNKNOWN;
  gboolean ambiguous = FALSE;
  const HlCipherSuite *suite = NULL;
  HlCipherSuite decomposed;
  HlRatingReason reasons[HL_RATING_MAX_REASONS];
  guint n_reasons = G_MAXUINT;
  guint n_expected = 0;
  HlRating rating;
  HlRating worst = HL_RATING_NONE;
  guint i;

  if (c->version != NULL)
    version = hl_tls_version_parse (c->version, strlen (c->version), &ambiguous);
  if (c->cipher != NULL)
    {
      suite = hl_cipher_lookup (c->cipher);
      if (suite == NULL && hl_cipher_decompose (c->cipher, &decomposed))
        suite = &decomposed;
    }

  rating = hl_tls_rate (version, ambiguous, suite, reasons, G_N_ELEMENTS (reasons), &n_reasons);
  g_assert_cmpstr (hl_rating_to_string (rating), ==, hl_rating_to_string (c->rating));
  g_assert_cmpint (rating, ==, c->rating);

  while (c->reasons[n_expected] != NULL)
    n_expected++;
  for (i = 0; i < n_reasons; i++)
    g_test_message ("reason %s (%s): %s", reasons[i].id,
                    hl_rating_to_string (reasons[i].rating), reasons[i].source);
  g_assert_cmpuint (n_reasons, ==, n_expected);

  for (i = 0; i < n_reasons; i++)
    {
      g_assert_cmpstr (reasons[i].id, ==, c->reasons[i]);
      g_assert_nonnull (reasons[i].source);
      assert_reason_rating (&reasons[i]);
      g_assert_cmpint (reasons[i].rating, >=, HL_RATING_INSECURE);
      g_assert_cmpint (reasons[i].rating, <=, HL_RATING_ACCEPTABLE);
      if (worst == HL_RATING_NONE || reasons[i].rating < worst)
        worst = reasons[i].rating;
    }

  /* the worst reason wins; without one the hop is strong (or not rated) */
  if (n_reasons > 0)
    g_assert_cmpint (rating, ==, worst);
  else
    g_assert_true (rating == HL_RATING_STRONG || rating == HL_RATING_NONE);
}

static void
test_rating_few_slots (void)
{
  const HlCipherSuite *suite = hl_cipher_lookup ("EXP-RC4-MD5");
  HlRatingReason reasons[2];
  guint n = 0;

  g_assert_nonnull (suite);
  g_assert_cmpint (hl_tls_rate (HL_TLS_VERSION_TLS12, FALSE, suite, reasons, 1, &n), ==,
                   HL_RATING_INSECURE);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (reasons[0].id, ==, "cipher.export");

  g_assert_cmpint (hl_tls_rate (HL_TLS_VERSION_TLS12, FALSE, suite, NULL, 0, &n), ==,
                   HL_RATING_INSECURE);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (hl_tls_rate (HL_TLS_VERSION_TLS13, FALSE, NULL, NULL, 0, NULL), ==,
                   HL_RATING_STRONG);
}

/* Every suite of the table rates, and never better than its parts allow. */
static void
test_rating_whole_table (void)
{
  guint i;

  for (i = 0; i < hl_cipher_table_size (); i++)
    {
      const HlCipherSuite *s = hl_cipher_table_get (i);
      HlRatingReason reasons[HL_RATING_MAX_REASONS];
      guint n = 0;
      HlRating r = hl_tls_rate (HL_TLS_VERSION_UNKNOWN, FALSE, s, reasons,
                                G_N_ELEMENTS (reasons), &n);

      g_assert_cmpint (r, !=, HL_RATING_NONE);
      g_assert_cmpuint (n, <, G_N_ELEMENTS (reasons));
      for (guint j = 0; j < n; j++)
        assert_reason_rating (&reasons[j]);
      if (r == HL_RATING_STRONG)
        {
          g_assert_true (s->fs && s->aead);
          g_assert_cmpstr (s->auth, !=, "anon");
        }
      if (strcmp (s->enc, "NULL") == 0 || strcmp (s->enc, "RC4") == 0 || s->export_ ||
          strcmp (s->auth, "anon") == 0 || strcmp (s->enc, "DES") == 0)
        g_assert_cmpint (r, ==, HL_RATING_INSECURE);
      if (strcmp (s->enc, "3DES") == 0)
        g_assert_cmpint (r, <=, HL_RATING_WEAK);

      /* any old protocol makes it at most weak, SSL 3.0 insecure */
      g_assert_cmpint (hl_tls_rate (HL_TLS_VERSION_TLS10, FALSE, s, NULL, 0, NULL), <=,
                       HL_RATING_WEAK);
      g_assert_cmpint (hl_tls_rate (HL_TLS_VERSION_SSL3, FALSE, s, NULL, 0, NULL), ==,
                       HL_RATING_INSECURE);
      g_assert_cmpint (hl_tls_rate (HL_TLS_VERSION_UNKNOWN, TRUE, s, NULL, 0, NULL), <=,
                       HL_RATING_WEAK);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *spellings = NULL;
  g_autoptr(GError) error = NULL;
  int ret;
  gsize i;

  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its case; the next cases still run */
  g_test_set_nonfatal_assertions ();

  for (i = 0; i < G_N_ELEMENTS (spelling_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cipher/lookup/%s", spelling_cases[i].name);

      g_strdelimit (path + strlen ("/cipher/lookup/"), " \t/", '_');
      g_test_add_data_func (path, &spelling_cases[i], test_lookup);
    }
  for (i = 0; i < G_N_ELEMENTS (unknown_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cipher/lookup-unknown/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, &unknown_names[i], test_lookup_unknown);
    }
  g_test_add_func ("/cipher/lookup-lengths", test_lookup_lengths);
  g_test_add_func ("/cipher/table/consistent", test_table_consistent);
  g_test_add_func ("/cipher/table/decompose-agrees", test_decompose_agrees_with_table);
  for (i = 0; i < G_N_ELEMENTS (decompose_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cipher/decompose/%s", decompose_cases[i].name);

      g_test_add_data_func (path, &decompose_cases[i], test_decompose);
    }
  for (i = 0; i < G_N_ELEMENTS (undecomposable_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cipher/decompose-fails/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, &undecomposable_names[i], test_decompose_fails);
    }
  g_test_add_func ("/cipher/decompose-long", test_decompose_long);

  spellings = find_spellings (argc, argv);
  if (spellings == NULL)
    g_test_add_data_func ("/cipher/spellings/missing",
                          "give the path of cipher-spellings.tsv as an argument or in "
                          "HL_TEST_DATA", test_spellings_missing);
  else if (!load_spellings (spellings, &error))
    g_test_add_data_func ("/cipher/spellings/missing", g_strdup (error->message),
                          test_spellings_missing);
  else
    {
      g_test_add_func ("/cipher/spellings/sources", test_spelling_sources);
      for (i = 0; i < spelling_rows->len; i++)
        {
          const SpellingRow *row = g_ptr_array_index (spelling_rows, i);
          g_autofree char *path = g_strdup_printf ("/cipher/spellings/%s/%s", row->source,
                                                   row->name);

          g_test_add_data_func (path, row, test_spelling);
        }
    }

  for (i = 0; i < G_N_ELEMENTS (version_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rating/version/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, &version_cases[i], test_version_parse);
    }
  g_test_add_func ("/rating/version-bounded", test_version_bounded);
  g_test_add_func ("/rating/to-string", test_version_to_string);
  for (i = 0; i < G_N_ELEMENTS (rating_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rating/rate/%s", rating_cases[i].id);

      g_test_add_data_func (path, &rating_cases[i], test_rating);
    }
  g_test_add_func ("/rating/few-slots", test_rating_few_slots);
  g_test_add_func ("/rating/whole-table", test_rating_whole_table);

  ret = g_test_run ();
  g_clear_pointer (&spelling_rows, g_ptr_array_unref);
  return ret;
}
