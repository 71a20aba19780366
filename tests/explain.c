/* explain.c: every id has a text, every text is sound, every token in place
 *
 * The ids are not listed here: they are taken from the code's own vocabularies
 * (the to_string functions, the cipher table, hl_tls_rate()), from the list of ids
 * the parser hands out (hl-explain-private.h) and from what parsing the dialect
 * inputs below and the whole corpus gives, so a new id without a text fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hoplock.h"
#include "explain/hl-explain-private.h"
#include "core/hl-received-private.h"
#include "hl-test-route.h"

/* The explanation ids seen on tokens while /explain/parser-ids-used collects
 * them; NULL the rest of the time. */
static GHashTable *seen_ids;

/* Whether @id has a text; if not, the case fails and goes on to the next id. */
static gboolean
check_explained (const char *id)
{
  const HlExplanation *e = hl_explain_lookup (id);

  if (e == NULL)
    {
      hl_test_fail ("no explanation for “%s”", id);
      return FALSE;
    }
  g_assert_cmpstr (e->id, ==, id);
  g_assert_true (e->title != NULL && *e->title != '\0');
  g_assert_true (e->text != NULL && *e->text != '\0');
  return TRUE;
}

static gboolean
is_parser_id (const char *id)
{
  for (guint i = 0; i < hl_explain_n_parser_ids; i++)
    if (strcmp (hl_explain_parser_ids[i], id) == 0)
      return TRUE;
  return FALSE;
}

/* Tokens in order, not overlapping, inside the raw text, each explained and each
 * id one the parser is known to hand out. */
static void
check_tokens (HlReceived *hop,
              const char *name)
{
  gsize raw_len;
  const char *raw = hl_received_get_raw (hop, &raw_len);
  guint n;
  const HlToken *tokens = hl_received_get_tokens (hop, &n);
  guint64 end = 0;

  g_assert_nonnull (raw);
  for (guint i = 0; i < n; i++)
    {
      const HlToken *t = &tokens[i];

      if (t->offset < end || t->length == 0 || (guint64) t->offset + t->length > raw_len)
        hl_test_fail ("%s: token %u (%s, %u+%u) out of order, empty, overlapping or "
                      "outside the %" G_GSIZE_FORMAT " bytes of “%s”", name, i, t->explain,
                      t->offset, t->length, raw_len, raw);
      end = MAX (end, (guint64) t->offset + t->length);
      g_assert_cmpint (t->kind, <, HL_TOKEN_N_KINDS);
      g_assert_nonnull (t->explain);
      check_explained (t->explain);
      if (!is_parser_id (t->explain))
        hl_test_fail ("%s: “%s” is not in hl_explain_parser_ids[]", name, t->explain);
      if (seen_ids != NULL)
        g_hash_table_add (seen_ids, (gpointer) t->explain);
    }
}

static HlReceived *
parse_checked (const char *raw,
               gssize      len,
               const char *name)
{
  HlReceived *hop = hl_received_parse (raw, len);

  check_tokens (hop, name);
  return hop;
}

/* ---------------------------------------------------------------------------
 * The texts themselves
 * ------------------------------------------------------------------------- */

static void
test_texts (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (hl_explain_n_texts, >, 100);
  for (guint i = 0; i < hl_explain_n_texts; i++)
    {
      const HlExplanation *e = &hl_explain_texts[i];
      gsize len;

      g_assert_nonnull (e->id);
      if (!g_hash_table_add (ids, (gpointer) e->id))
        hl_test_fail ("“%s” is there twice", e->id);
      g_assert_true (g_utf8_validate (e->title, -1, NULL));
      g_assert_true (g_utf8_validate (e->text, -1, NULL));
      len = strlen (e->text);
      /* Sentences, ending in a full stop; no markup, no line breaks */
      g_assert_true (len > 10);
      g_assert_true (e->text[len - 1] == '.' || g_str_has_suffix (e->text, ".”"));
      g_assert_null (strchr (e->text, '\n'));
      g_assert_null (strchr (e->title, '\n'));
      for (const char *p = e->text; *p; p++)
        {
          if (p[0] == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/'))
            {
              hl_test_fail ("%s: markup in “%s”", e->id, e->text);
              break;
            }
          if (p[0] == '&' && g_ascii_isalpha (p[1]) && strchr (p, ';') != NULL)
            {
              hl_test_fail ("%s: entity in “%s”", e->id, e->text);
              break;
            }
        }
      g_assert_true (hl_explain_lookup (e->id) != NULL);
    }
  g_assert_null (hl_explain_lookup ("no.such.id"));
  g_assert_null (hl_explain_lookup (NULL));
}

/* ---------------------------------------------------------------------------
 * Every value of every vocabulary
 * ------------------------------------------------------------------------- */

static void
test_token_kinds (void)
{
  for (int k = 0; k < HL_TOKEN_N_KINDS; k++)
    {
      const HlExplanation *e = hl_explain_lookup_in ("token", hl_token_kind_to_string (k));

      if (e == NULL)
        hl_test_fail ("no explanation for token kind %s", hl_token_kind_to_string (k));
    }
}

typedef const char *(*ToString) (int value);

#define AS_INT(fn, type) \
  static const char *fn##_int (int v) { return fn ((type) v); }

AS_INT (hl_tls_state_to_string, HlTlsState)
AS_INT (hl_evidence_to_string, HlEvidence)
AS_INT (hl_verify_to_string, HlVerify)
AS_INT (hl_hop_kind_to_string, HlHopKind)
AS_INT (hl_verdict_to_string, HlVerdict)
AS_INT (hl_rating_to_string, HlRating)

/* Every word a to_string function gives, found by trying values well past the
 * enum's end (each gives its fallback word there, which is a value too). */
static void
check_vocabulary (const char *prefix,
                  ToString    to_string)
{
  guint found = 0;

  for (int v = 0; v < 64; v++)
    {
      const char *word = to_string (v);

      if (hl_explain_lookup_in (prefix, word) == NULL)
        hl_test_fail ("no explanation for %s.%s", prefix, word ? word : "none");
      found++;
    }
  g_assert_cmpuint (found, >, 0);
}

static void
test_vocabularies (void)
{
  check_vocabulary ("state", hl_tls_state_to_string_int);
  check_vocabulary ("evidence", hl_evidence_to_string_int);
  check_vocabulary ("verify", hl_verify_to_string_int);
  check_vocabulary ("kind", hl_hop_kind_to_string_int);
  check_vocabulary ("verdict", hl_verdict_to_string_int);
  check_vocabulary ("rating", hl_rating_to_string_int);

  /* The version ids: every version the library names has its own. */
  for (int v = 0; v < 64; v++)
    {
      const char *id = hl_explain_version_id (v);

      check_explained (id);
      if (hl_tls_version_to_string (v) != NULL)
        g_assert_cmpstr (id, !=, "version.unknown");
      else
        g_assert_cmpstr (id, ==, "version.unknown");
    }
  check_explained ("tls.version.ambiguous");
}

/* The words of each vocabulary (explain/hl-labels.h) and the lock of each
 * protection (explain/hl-lock-shape.h): one for every value, none empty, and the
 * lock's style class is the protection's machine word. */
static void
test_labels (void)
{
  g_autoptr(GHashTable) descriptions = g_hash_table_new (g_str_hash, g_str_equal);
  GEnumClass *protections = g_type_class_ref (HL_TYPE_PROTECTION);

  for (HlProtection p = 0; p < HL_PROTECTION_N; p++)
    {
      const HlLockShape *shape = hl_protection_get_lock_shape (p);
      const char *description = hl_protection_get_description (p);

      g_assert_cmpint (shape->protection, ==, p);
      g_assert_cmpstr (shape->id, ==, hl_protection_to_string (p));
      g_assert_cmpstr (hl_protection_get_style_class (p), ==, shape->id);
      g_assert_cmpstr (g_enum_get_value (protections, p)->value_nick, ==, shape->id);
      g_assert_nonnull (shape->layers[0].d);
      g_assert_cmpuint (strlen (description), >, 0);
      g_assert_false (g_hash_table_contains (descriptions, description));
      g_hash_table_add (descriptions, (gpointer) description);
    }
  g_type_class_unref (protections);
  for (HlTokenKind k = 0; k < HL_TOKEN_N_KINDS; k++)
    {
      g_assert_cmpuint (strlen (hl_token_kind_get_label (k)), >, 0);
      g_assert_cmpuint (strlen (hl_token_kind_get_category (k)), >, 0);
    }
  for (HlEvidence e = HL_EVIDENCE_NONE; e <= HL_EVIDENCE_DIALECT; e++)
    g_assert_cmpuint (strlen (hl_evidence_get_label (e)), >, 0);
  for (HlExplainSection s = 0; s < HL_EXPLAIN_N_SECTIONS; s++)
    g_assert_cmpuint (strlen (hl_explain_section_get_title (s)), >, 0);
  g_assert_cmpstr (hl_tls_state_get_label (HL_TLS_STATE_UNENCRYPTED), ==, "NOT encrypted");
  g_assert_cmpstr (hl_rating_get_style_class (HL_RATING_WEAK), ==, "warning");
  g_assert_cmpstr (hl_verify_get_style_class (HL_VERIFY_VERIFIED), ==, "success");
}

/* Every reason hl_tls_rate() can give: every version, ambiguous or not, with no
 * suite, every suite of the table and suites only decomposition knows. */
static void
test_rating_reasons (void)
{
  static const char *const decomposed[] = {
    "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256", "ECDHE-RSA-CHACHA20-POLY1305-OLD",
    "ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM", "TLS_KRB5_WITH_3DES_EDE_CBC_SHA",
    "TLS_KRB5_EXPORT_WITH_RC4_40_MD5", "EXP1024-DES-CBC-SHA", "AEAD-AES256-GCM-SHA384",
    "TLS_RSA_WITH_AES_128_CBC_SHA512",
  };
  g_autoptr(GHashTable) reasons_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) suites = g_ptr_array_new ();
  HlCipherSuite parts[G_N_ELEMENTS (decomposed)];

  g_ptr_array_add (suites, NULL);
  for (guint i = 0; i < hl_cipher_table_size (); i++)
    g_ptr_array_add (suites, (gpointer) hl_cipher_table_get (i));
  for (guint i = 0; i < G_N_ELEMENTS (decomposed); i++)
    {
      g_assert_true (hl_cipher_decompose (decomposed[i], &parts[i]));
      g_ptr_array_add (suites, &parts[i]);
    }

  for (int v = HL_TLS_VERSION_UNKNOWN; v <= HL_TLS_VERSION_TLS13; v++)
    for (int ambiguous = 0; ambiguous < 2; ambiguous++)
      for (guint s = 0; s < suites->len; s++)
        {
          HlRatingReason reasons[HL_RATING_MAX_REASONS];
          guint n = 0;
          HlRating rating = hl_tls_rate (v, ambiguous, suites->pdata[s], reasons,
                                         G_N_ELEMENTS (reasons), &n);

          g_assert_nonnull (hl_explain_lookup_in ("rating", hl_rating_to_string (rating)));
          for (guint r = 0; r < n; r++)
            {
              if (hl_explain_lookup_in ("reason", reasons[r].id) == NULL)
                hl_test_fail ("no explanation for reason.%s", reasons[r].id);
              g_hash_table_add (reasons_seen, (gpointer) reasons[r].id);
            }
        }
  /* The documented reasons (hl-rating.h) all came up. */
  g_assert_cmpuint (g_hash_table_size (reasons_seen), >=, 19);
  g_test_message ("%u rating reasons, all explained", g_hash_table_size (reasons_seen));
}

static void
check_suite_parts (const HlCipherSuite *suite,
                   const char          *name)
{
  const char *prefixes[] = { "cipher.kx", "cipher.auth", "cipher.enc", "cipher.mode", "cipher.mac" };
  const char *values[] = { suite->kx, suite->auth, suite->enc, suite->mode, suite->mac };
  g_autofree char *text = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    {
      g_autofree char *id = NULL;

      if (values[p] == NULL)
        {
          /* Only a decomposed name may leave out the MAC. */
          g_assert_true (p == 4 && suite->decomposed);
          continue;
        }
      id = g_strdelimit (g_ascii_strdown (values[p], -1), "_", '-');
      if (hl_explain_lookup_in (prefixes[p], id) == NULL)
        hl_test_fail ("%s: no explanation for %s.%s", name, prefixes[p], id);
    }

  text = hl_explain_cipher (suite);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, hl_explain_lookup (suite->fs ? "cipher.fs.yes"
                                                              : "cipher.fs.no")->text));
  g_assert_null (strstr (text, "(null)"));
}

static void
test_cipher_parts (void)
{
  static const char *const decomposed[] = {
    "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256", "ECDHE-RSA-CHACHA20-POLY1305-OLD",
    "ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM", "TLS_KRB5_WITH_3DES_EDE_CBC_SHA",
    "TLS_KRB5_EXPORT_WITH_RC4_40_MD5", "TLS_RSA_WITH_AES_128_CBC_SHA512",
    "TLS_DHE_DSS_WITH_SEED_CBC_SHA", "TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256",
  };

  g_assert_cmpuint (hl_cipher_table_size (), >, 0);
  for (guint i = 0; i < hl_cipher_table_size (); i++)
    check_suite_parts (hl_cipher_table_get (i), hl_cipher_table_get (i)->iana);
  for (guint i = 0; i < G_N_ELEMENTS (decomposed); i++)
    {
      HlCipherSuite suite;

      if (hl_cipher_decompose (decomposed[i], &suite))
        check_suite_parts (&suite, decomposed[i]);
    }
}

/* ---------------------------------------------------------------------------
 * What the parser hands out
 * ------------------------------------------------------------------------- */

static void
test_parser_ids (void)
{
  for (guint i = 0; i < hl_explain_n_parser_ids; i++)
    check_explained (hl_explain_parser_ids[i]);
}

#define DATE "; Mon, 21 Sep 2026 10:00:00 +0000"

/* One field per recogniser and dialect. */
static const struct
{
  const char *name;
  const char *raw;
  const char *ids;   /* explanation ids its tokens must include, space-separated */
} dialects[] = {
  { "sendmail",
    "from mail.uexport.com (mail.uexport.com[192.168.1.1]) by mail.lint.com(8.12.9/8.12.9) "
    "with ESMTP id h0UGn9P7001230 (version=TLSv1/SSLv3 cipher=EDH-RSA-DES-CBC3-SHA bits=168 "
    "verify=OK) for ; Sun 17 Jul 2005 15:39:10 -0500",
    "clause.from from.helo from.rdns from.ip clause.by by.host by.software clause.with "
    "with.esmtp clause.id value.id tls.key tls.version.ambiguous tls.cipher tls.bits "
    "verify.verified clause.for date" },
  { "postfix",
    "from mail.example.org (mail.example.org [192.0.2.10]) (using TLSv1.3 with cipher "
    "TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS "
    "(2048 bits) server-digest SHA256) (No client certificate requested) by mx.example.net "
    "(Postfix) with ESMTPS id 4Q1ABC for <user@example.net>" DATE,
    "tls.using tls.version tls.cipher tls.bits tls.key-exchange tls.signature tls.digest "
    "verify.not-requested with.esmtps value.for" },
  { "postfix-client-cert",
    "from mail.example.org (mail.example.org [192.0.2.10]) (using TLSv1.2 with cipher "
    "ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)) (Client CN \"mail.example.org\", Issuer "
    "\"R3\" (verified OK)) by mx.example.net (Postfix) with ESMTPS id 4Q1ABC" DATE,
    "tls.client-cert verify.verified" },
  { "postfix-no-cert",
    "from a.example (a.example [192.0.2.1]) (using TLSv1.2 with cipher AES128-SHA (128/128 "
    "bits)) (Client did not present a certificate) by b.example (Postfix) with ESMTPS id X" DATE,
    "verify.no-certificate" },
  { "postfix-userid",
    "by mx.example.net (Postfix, from userid 1000) id 4Q1ABC" DATE, "local.userid" },
  { "postfix-pickup", "by mx.example.net (Postfix-pickup) id 4Q1ABC" DATE, "local.pickup" },
  { "exim-493",
    "from mail.example.org ([192.0.2.10] helo=mail.example.org) by mx.example.net with esmtps "
    "(TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <a@example.org>) id "
    "1qAbCd-000123-Ab for b@example.net" DATE,
    "from.rdns from.helo-key from.helo tls.exim-tls tls.version tls.cipher clause.envelope-from "
    "value.envelope-from" },
  { "exim-492",
    "from [192.0.2.10] (port=51234 helo=mail.example.org) by mx.example.net with esmtps "
    "(TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256) (Exim 4.92) id 1qAbCd-000123-Ab" DATE,
    "from.port tls.version tls.cipher tls.bits" },
  { "exim-local", "from user by mx.example.net with local (Exim 4.96) id 1q" DATE,
    "with.local" },
  { "microsoft",
    "from DM6PR01MB1234.namprd01.prod.outlook.com (2603:10b6:5:1::10) by "
    "DM6PR01MB5678.namprd01.prod.outlook.com (2603:10b6:5:2::20) with Microsoft SMTP Server "
    "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7452.28 via "
    "Frontend Transport" DATE,
    "by.ip with.microsoft clause.via value.via" },
  { "microsoft-tls",
    "from a.example (192.0.2.1) by b.example (192.0.2.2) with Microsoft SMTP Server (TLS) id "
    "14.3.408.0" DATE, "marker.microsoft-tls" },
  { "microsoft-mapi",
    "from DM6PR01MB1234.namprd01.prod.outlook.com ([fe80::1]) by "
    "DM6PR01MB1234.namprd01.prod.outlook.com ([fe80::1%4]) with mapi id 15.20.7452.28" DATE,
    "with.mapi" },
  { "iis",
    "from a.example ([192.0.2.1]) by b.example over TLS secured channel with Microsoft "
    "SMTPSVC(7.5.7601.17514)" DATE, "marker.iis" },
  { "gmail",
    "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com "
    "with SMTPS id a1sor123 for <x@gmail.com> (Google Transport Security)" DATE,
    "with.smtps marker.google-transport-security" },
  { "opensmtpd",
    "from a.example (a.example [192.0.2.1]) by b.example (OpenSMTPD) with ESMTPS id 96f08978 "
    "(TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO) for <x@b.example>" DATE,
    "verify.no-certificate" },
  { "stalwart",
    "from a.example (a.example [192.0.2.1]) (using TLSv1.3 with cipher "
    "TLS13_AES_256_GCM_SHA384) by b.example (Stalwart SMTP) with ESMTPS id 1" DATE,
    "tls.using tls.cipher" },
  { "ironport",
    "from a.example ([192.0.2.1]) by b.example with ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384 id 1" DATE,
    "marker.ironport tls.cipher" },
  { "qmail-tls", "from a.example (HELO a.example) (192.0.2.1) by b.example with ESMTPS "
    "(AES128-GCM-SHA256 encrypted)" DATE, "marker.qmail-tls" },
  { "qmail-invoked", "(qmail 12345 invoked by uid 89)" DATE, "local.qmail-invoked" },
  { "qmail-network", "(qmail 10876 invoked from network)" DATE, "local.qmail-from-network" },
  { "courier",
    "from a.example (a.example [192.0.2.1]) (TLS: TLSv1/SSLv3,168bits,DES-CBC3-SHA) by "
    "b.example with ESMTP" DATE, "marker.courier" },
  { "mimecast",
    "from a.example (a.example [192.0.2.1]) by b.example with ESMTP with STARTTLS "
    "(version=TLSv1.2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 1" DATE,
    "marker.starttls" },
  { "mimecast-using", "from a.example ([192.0.2.1]) by b.example with ESMTP (Using TLS) id 1" DATE,
    "marker.using-tls" },
  { "sendmail-submit", "(from user@localhost) by pbx.example.com (8.14.7/8.14.7/Submit) id 07" DATE,
    "local.submit" },
  { "sendmail-auth",
    "from a.example (a.example [192.0.2.1]) (authenticated bits=0) by b.example "
    "(8.17.1/8.17.1) with ESMTPSA id 1 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 "
    "bits=256 verify=NO)" DATE, "auth.authenticated with.esmtpsa" },
  { "sendmail-verify-unknown",
    "from a.example (a.example [192.0.2.1]) by b.example (8.17.1/8.17.1) with ESMTPS id 1 "
    "(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=MAYBE)" DATE,
    "verify.unknown" },
  { "untrusted-comment",
    "from x.example (a [6.6.6.6]) (using TLS) (unknown [192.0.2.1]) by b.example with ESMTP id 1" DATE,
    "comment.untrusted" },
  { "comment", "from a.example ([192.0.2.1]) by b.example with SMTP (some words here) id 1" DATE,
    "comment with.smtp" },
  { "other", "from a.example ([192.0.2.1]) by b.example with XYZZY id 1" DATE, "with.other" },
  { "qmqp", "from a.example ([192.0.2.1]) by b.example with QMQP" DATE, "with.qmqp" },
};

static void
test_dialects (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (dialects); i++)
    {
      g_autoptr(HlReceived) hop = parse_checked (dialects[i].raw, -1, dialects[i].name);
      g_auto(GStrv) want = g_strsplit (dialects[i].ids, " ", -1);
      guint n;
      const HlToken *tokens = hl_received_get_tokens (hop, &n);

      for (guint w = 0; want[w] != NULL; w++)
        {
          gboolean found = FALSE;

          for (guint k = 0; k < n && !found; k++)
            found = strcmp (tokens[k].explain, want[w]) == 0;
          if (!found)
            hl_test_fail ("%s: no token explained as “%s”", dialects[i].name, want[w]);
        }
    }
}

/* Every with word: the standard names (RFC 3848, RFC 6531) made from their
 * parts, the others the parser knows, and the word of every with text. */
static GPtrArray *
protocol_words (void)
{
  static const char *const prefixes[] = { "", "UTF8" };
  static const char *const bases[] = { "SMTP", "ESMTP", "LMTP", "HTTP", "IMAP" };
  static const char *const suffixes[] = { "", "A", "S", "SA" };
  static const char *const others[] = {
    "local", "LOCAL-ESMTP", "local-bsmtp", "mapi", "QMQP", "Microsoft SMTP Server",
    "Microsoft SMTPSVC(7.5.7601.17514)", "POP3", "xyzzy", "esmtps", "Esmtpsa",
  };
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
      for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
        g_ptr_array_add (words, g_strconcat (prefixes[p], bases[b], suffixes[s], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_ptr_array_add (words, g_strdup (others[i]));
  /* And every with text must be reachable from its own word. */
  for (guint i = 0; i < hl_explain_n_texts; i++)
    if (g_str_has_prefix (hl_explain_texts[i].id, "with.")
        && strcmp (hl_explain_texts[i].id, "with.other") != 0)
      g_ptr_array_add (words, g_strdup (hl_explain_texts[i].id + 5));
  return words;
}

static char *
protocol_field (const char *word)
{
  return g_strdup_printf ("from a.example ([192.0.2.1]) by b.example with %s id 1" DATE, word);
}

/* A word in the parser's table (hl_protocol_lookup()) must have its own
 * explanation, not the one for other words. */
static void
test_protocols (void)
{
  g_autoptr(GPtrArray) words = protocol_words ();
  guint known = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = words->pdata[i];
      g_autofree char *raw = protocol_field (word);
      g_autoptr(HlReceived) hop = parse_checked (raw, -1, word);
      g_autofree char *text = NULL;
      const char *id = NULL;
      const HlProtocol *proto;
      guint n;
      const HlToken *tokens = hl_received_get_tokens (hop, &n);

      for (guint k = 0; k < n; k++)
        if (tokens[k].kind == HL_TOKEN_PROTOCOL)
          id = tokens[k].explain;
      g_assert_nonnull (id);
      if (!check_explained (id))
        continue;
      if ((proto = hl_protocol_lookup (word, strlen (word))) != NULL)
        {
          known++;
          if (strcmp (id, "with.other") == 0 || strcmp (id, proto->explain) != 0)
            hl_test_fail ("the parser knows “%s” but explains it as “%s”", word, id);
        }
      /* hoplock-cli explain WORD agrees with the token. */
      text = hl_explain_word (word);
      if (strcmp (id, "with.other") != 0)
        {
          g_assert_nonnull (text);
          g_assert_nonnull (strstr (text, hl_explain_lookup (id)->text));
        }
    }
  /* RFC 3848 and 6531's 17, SMTPS, HTTP, HTTPS, IMAPS, local, mapi, QMQP */
  g_assert_cmpuint (known, >=, 24);
}

/* A field with @v in it, as the servers that write @v write it. */
static char *
verify_field (const HlExplainVerifyWord *v)
{
  if (strchr (v->word, ' ') == NULL)
    return g_strdup_printf ("from a.example (a.example [192.0.2.1]) by b.example "
                            "(8.17.1/8.17.1) with ESMTPS id 1 (version=TLSv1.3 "
                            "cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=%s)" DATE, v->word);
  if (g_str_has_suffix (v->word, "OK") || g_str_has_suffix (v->word, "verified"))
    return g_strdup_printf ("from a.example (a.example [192.0.2.1]) (using TLSv1.3 with "
                            "cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) (Client CN "
                            "\"a.example\", Issuer \"R3\" (%s)) by b.example (Postfix) with "
                            "ESMTPS id 1" DATE, v->word);
  return g_strdup_printf ("from a.example (a.example [192.0.2.1]) (using TLSv1.3 with "
                          "cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) (%s) by b.example "
                          "(Postfix) with ESMTPS id 1" DATE, v->word);
}

/* Every certificate-check word the explanations know, written the way its
 * servers write it, is read by the parser as the same value. */
static void
test_verify_words (void)
{
  for (guint i = 0; i < hl_explain_n_verify_words; i++)
    {
      const HlExplainVerifyWord *v = &hl_explain_verify_words[i];
      g_autofree char *raw = NULL;
      g_autoptr(HlReceived) hop = NULL;
      g_autofree char *text = NULL;
      const char *id;

      raw = verify_field (v);
      hop = parse_checked (raw, -1, v->word);
      if (hl_received_get_tls_verify (hop) != v->verify)
        {
          hl_test_fail ("“%s”: the parser reads %s, the explanation says %s", v->word,
                        hl_verify_to_string (hl_received_get_tls_verify (hop)),
                        hl_verify_to_string (v->verify));
          continue;
        }
      id = NULL;
      {
        guint n;
        const HlToken *tokens = hl_received_get_tokens (hop, &n);

        for (guint k = 0; k < n; k++)
          if (tokens[k].kind == HL_TOKEN_TLS_VERIFY)
            id = tokens[k].explain;
      }
      g_assert_nonnull (id);
      g_assert_true (hl_explain_lookup (id) == hl_explain_lookup_in ("verify",
                                                                      hl_verify_to_string (v->verify)));
      text = hl_explain_word (v->word);
      g_assert_nonnull (text);
      g_assert_nonnull (strstr (text, hl_explain_lookup (id)->text));
    }
}

/* ---------------------------------------------------------------------------
 * The corpus
 * ------------------------------------------------------------------------- */

/* json-glib hands out strings NUL-terminated; "\u0000" becomes "\u0001", which
 * the parser turns into a space just as it does a NUL. */
static char *
unescape_nul (const char *line)
{
  GString *s = g_string_new (NULL);

  for (const char *p = line; *p; p++)
    {
      if (p[0] == '\\' && p[1] == '\\')
        {
          g_string_append (s, "\\\\");
          p++;
        }
      else if (g_str_has_prefix (p, "\\u0000"))
        {
          g_string_append (s, "\\u0001");
          p += 5;
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  guint fields;
  guint ciphers;
  guint mapped;
  GHashTable *unmapped;   /* cipher name → count */
} CorpusCount;

static void
read_corpus_file (const char  *path,
                  CorpusCount *count)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      hl_test_fail ("%s: %s", path, error->message);
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *line = NULL;
      g_autofree char *name = NULL;
      JsonObject *obj;
      const char *raw;
      g_autoptr(HlReceived) hop = NULL;
      const char *cipher;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      line = unescape_nul (lines[i]);
      if (!json_parser_load_from_data (parser, line, -1, &error))
        {
          hl_test_fail ("%s:%u: %s", path, i + 1, error->message);
          g_clear_error (&error);
          continue;
        }
      obj = json_node_get_object (json_parser_get_root (parser));
      if (!json_object_has_member (obj, "raw"))
        continue;
      raw = json_object_get_string_member (obj, "raw");
      name = g_strdup_printf ("%s:%u", path, i + 1);
      hop = parse_checked (raw, -1, name);
      count->fields++;

      /* The whole lesson of the hop can be put together. */
      {
        g_autofree char *summary = hl_explain_hop_summary (hop);
        g_autofree char *you = hl_explain_for_you (hop);
        g_autofree char *admin = hl_explain_for_admin (hop);

        g_assert_true (summary != NULL && *summary != '\0');
        g_assert_true (you != NULL && *you != '\0');
        g_assert_true (admin != NULL && *admin != '\0');
        g_assert_null (strstr (summary, "(null)"));
        g_assert_null (strstr (you, "(null)"));
        g_assert_null (strstr (admin, "(null)"));
      }

      cipher = hl_received_get_tls_cipher (hop);
      if (cipher != NULL)
        {
          count->ciphers++;
          if (hl_cipher_lookup (cipher) != NULL)
            count->mapped++;
          else
            g_hash_table_insert (count->unmapped, g_strdup (cipher),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count->unmapped, cipher)) + 1));
        }
    }
}

static void
read_corpus (gboolean report)
{
  g_autofree char *dir = hl_test_source_path ("tests", "corpus", NULL);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  CorpusCount count = { 0, 0, 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  const char *entry;
  GHashTableIter iter;
  gpointer key, value;

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      char *a = g_build_filename (dir, entry, "headers.jsonl", NULL);
      char *b = g_build_filename (dir, entry, "eml", "received.jsonl", NULL);

      if (g_file_test (a, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, a);
      else
        g_free (a);
      if (g_file_test (b, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, b);
      else
        g_free (b);
    }
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    read_corpus_file (files->pdata[i], &count);

  g_assert_cmpuint (count.fields, >, 0);
  if (!report)
    {
      g_hash_table_unref (count.unmapped);
      return;
    }
  g_test_message ("%u corpus fields from %u files: tokens in order, apart and inside the raw "
                  "text, every one explained", count.fields, files->len);
  g_test_message ("cipher names in the corpus: %u of %u (%.1f %%) map to a table entry",
                  count.mapped, count.ciphers,
                  count.ciphers ? 100.0 * count.mapped / count.ciphers : 0.0);
  g_hash_table_iter_init (&iter, count.unmapped);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_test_message ("  not in the table: %s (%u)", (const char *) key, GPOINTER_TO_UINT (value));
  g_hash_table_unref (count.unmapped);
}

static void
test_corpus (void)
{
  read_corpus (TRUE);
}

/* Every id the parser is said to hand out came up on some token: the list holds
 * no ids the parser has stopped using. */
static void
test_parser_ids_used (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) words = protocol_words ();

  /* The same fields the other cases parse, parsed here again, so that the case
   * depends on no other and can run alone. */
  seen_ids = seen;
  for (guint i = 0; i < G_N_ELEMENTS (dialects); i++)
    hl_received_unref (parse_checked (dialects[i].raw, -1, dialects[i].name));
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *raw = protocol_field (words->pdata[i]);

      hl_received_unref (parse_checked (raw, -1, words->pdata[i]));
    }
  for (guint i = 0; i < hl_explain_n_verify_words; i++)
    {
      g_autofree char *raw = verify_field (&hl_explain_verify_words[i]);

      hl_received_unref (parse_checked (raw, -1, hl_explain_verify_words[i].word));
    }
  read_corpus (FALSE);
  seen_ids = NULL;

  g_assert_cmpuint (g_hash_table_size (seen), >, 0);
  for (guint i = 0; i < hl_explain_n_parser_ids; i++)
    if (!g_hash_table_contains (seen, hl_explain_parser_ids[i]))
      hl_test_fail ("“%s” is in hl_explain_parser_ids[] but no field gave it",
                    hl_explain_parser_ids[i]);
}

/* ---------------------------------------------------------------------------
 * The built-in example, and words
 * ------------------------------------------------------------------------- */

static void
test_example (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
  g_autofree char *report = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *cipher = NULL;
  HlReceived *hop;
  static const char *const must[] = {
    "Ephemeral Diffie-Hellman", "forward secrecy", "RSA certificate", "Triple-DES",
    "64-bit block", "Sweet32", "SHA-1",
    /* the version ambiguity */
    "“TLSv1/SSLv3” is what older OpenSSL printed for the family a cipher suite belongs to",
    "SSL 3.0 or TLS 1.0",
    /* verify=OK: the receiver checking the sender's client certificate */
    "Certificate check “OK”",
    "The sending server presented a certificate of its own (a client certificate), and the "
    "receiving server checked it and found it valid",
    "Whether the sending server checked the receiving server’s certificate is not recorded",
    /* the caveats */
    "“Nothing recorded” is not “no TLS”", "below the first field your provider wrote",
    /* the administrator */
    "MTA-STS", "DANE", "confSERVER_SSL_OPTIONS", "smtpd_tls_protocols",
  };

  g_assert_cmpuint (hl_route_get_n_hops (route), ==, 1);
  hop = hl_route_get_hop (route, 0);

  summary = hl_explain_hop_summary (hop);
  g_assert_nonnull (strstr (summary, "TLSv1/SSLv3"));
  g_assert_nonnull (strstr (summary, hl_explain_lookup ("verify.verified")->text));
  cipher = hl_explain_cipher (hl_received_get_cipher_suite (hop));
  g_assert_nonnull (strstr (cipher, "Key exchange: Ephemeral Diffie-Hellman (DHE)"));
  g_assert_nonnull (strstr (cipher, "Authentication: RSA certificate"));
  g_assert_nonnull (strstr (cipher, "Cipher: Triple-DES, 168-bit key"));
  g_assert_nonnull (strstr (cipher, "Integrity: HMAC with SHA-1"));
  g_assert_nonnull (strstr (cipher, "Forward secrecy: Yes"));

  report = hl_route_to_text (route, HL_TEXT_EXPLAIN);
  /* Compare with the lines joined, as wrapping put breaks anywhere. */
  {
    g_auto(GStrv) words = g_strsplit_set (report, " \n", -1);
    GString *s = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_string_append_printf (s, "%s%s", s->len ? " " : "", words[i]);
    plain = g_string_free (s, FALSE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (must); i++)
    if (strstr (plain, must[i]) == NULL)
      hl_test_fail ("the explained example does not say “%s”:\n%s", must[i], report);

  /* Without the flag, no explanation. */
  {
    g_autofree char *short_report = hl_route_to_text (route, HL_TEXT_PLAIN);

    g_assert_null (strstr (short_report, "What happened"));
    g_assert_nonnull (strstr (report, "What happened"));
  }

  /* No line of the explanations is wider than the report's width, unless it is
   * one word too long to break. */
  {
    g_auto(GStrv) lines = g_strsplit (report, "\n", -1);
    gboolean in_explanation = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        const char *p = lines[i];

        if (strstr (p, "What happened") != NULL)
          in_explanation = TRUE;
        while (*p == ' ')
          p++;
        if (in_explanation && g_utf8_strlen (lines[i], -1) > 80 && strchr (p, ' ') != NULL)
          hl_test_fail ("line too long: “%s”", lines[i]);
      }
  }
}

static void
test_words (void)
{
  static const struct
  {
    const char *word;
    const char *says;   /* NULL: unknown */
  } cases[] = {
    { "EDH-RSA-DES-CBC3-SHA", "Standard name: TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA" },
    { "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", "Triple-DES" },
    { "dhe_rsa_3des_ede_cbc_sha1", "Triple-DES" },
    { "ECDHE-RSA-AES256-GCM-SHA384", "Rated strong" },
    { "TLS13_AES_256_GCM_SHA384", "Not in the name (TLS 1.3)" },
    { "AEAD-AES256-GCM-SHA384", "TLS 1.3" },
    { "RC4-MD5", "Rated insecure" },
    { "TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256", "Hoplock’s table does not list this name" },
    { "TLSv1.2", "protocol version: TLS 1.2" },
    { "TLS1_3", "protocol version: TLS 1.3" },
    { "SSLv3", "POODLE" },
    { "TLSv1/SSLv3", "SSL 3.0 or TLS 1.0" },
    { "OK", "as Sendmail writes it" },
    { "YES", "as OpenSMTPD writes it" },
    { "verified OK", "as Postfix writes it" },
    { "No client certificate requested", "No certificate asked of the sending server" },
    { "DANE_FAIL", "not verified" },
    { "esmtps", "protocol name after “with”: ESMTPS" },
    { "UTF8SMTPSA", "international" },
    { "LMTP", "mailbox store" },
    { "local-esmtp", "on the receiving machine itself" },
    { "Microsoft SMTP Server", "Exchange" },
    { "from", "keyword of the Received field" },
    { "envelope-from", "keyword of the Received field" },
    { "encrypted", "state of a hop: Encrypted" },
    { "weak", "rating: Weak" },
    { "partly-encrypted", "verdict over a message" },
    { "verify.not-requested", "explanation" },
    { "reason.cipher.3des", "Sweet32" },
    { "  ESMTPS  ", "ESMTPS" },
    { "dane", "RFC 7672" },
    { "xyzzy", NULL },
    { "", NULL },
    { "with.other", "Other protocol name" },
    { "other", NULL },
    { "AES", NULL },
    { "TLSv9", NULL },
    { "\033[31mESMTPS", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hl_explain_word (cases[i].word);

      if (cases[i].says == NULL)
        {
          if (text != NULL)
            hl_test_fail ("“%s” should be unknown, but gives:\n%s", cases[i].word, text);
          continue;
        }
      if (text == NULL)
        {
          hl_test_fail ("“%s” is not explained", cases[i].word);
          continue;
        }
      if (strstr (text, cases[i].says) == NULL)
        hl_test_fail ("“%s” does not say “%s”:\n%s", cases[i].word, cases[i].says, text);
      g_assert_null (strstr (text, "(null)"));
      g_assert_null (strchr (text, '\033'));
    }
}

static void
test_wrap (void)
{
  g_autofree char *a = hl_explain_wrap ("one two three four five six seven eight nine ten", 20, 2, 3);
  g_autofree char *b = hl_explain_wrap ("Title\nalpha beta gamma delta epsilon zeta\n\n"
                                        "a single paragraph that is long enough to wrap", 24, 0, 2);
  g_autofree char *c = hl_explain_wrap ("bad \033[31m\tescape\u202e", 80, 0, 0);

  /* A single-line paragraph does not hang. */
  g_assert_cmpstr (a, ==, "  one two three four\n  five six seven\n  eight nine ten\n");
  /* The lines of a list hang. */
  g_assert_cmpstr (b, ==, "Title\nalpha beta gamma delta\n  epsilon zeta\n\n"
                          "a single paragraph that\nis long enough to wrap\n");
  g_assert_null (strchr (c, '\033'));
  g_assert_null (strchr (c, '\t'));
  g_assert_null (strstr (c, "\u202e"));
}

/* hoplock-cli explain: exit 0 when explained, 2 when unknown, 1 on usage. */
static void
test_cli (void)
{
  static const struct
  {
    const char *args[4];
    int status;
    const char *out;
    const char *err;
  } runs[] = {
    { { "explain", "ECDHE-RSA-AES128-GCM-SHA256", NULL }, 0, "cipher suite", NULL },
    { { "explain", "verified", "OK", NULL }, 0, "as Postfix writes it", NULL },
    { { "explain", "--help", NULL }, 0, "WORD", NULL },
    { { "explain", "xyzzy\033[2J", NULL }, 2, NULL, "Hoplock doesn’t know" },
    { { "explain", NULL }, 1, NULL, "No word given" },
    { { "explain", "--bogus", NULL }, 1, NULL, NULL },
  };

  if (!g_file_test (hl_test_cli_path (), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("hoplock-cli is not built");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_auto(HlTestRun) r = { 0 };

      if (!hl_test_run_cliv (&r, NULL, NULL, runs[i].args))
        return;
      if (r.status != runs[i].status)
        hl_test_fail ("hoplock-cli %s: exit %d, not %d\n%s%s",
                      runs[i].args[1] ? runs[i].args[1] : "", r.status, runs[i].status,
                      r.out, r.err);
      if (runs[i].out != NULL)
        g_assert_nonnull (strstr (r.out, runs[i].out));
      if (runs[i].err != NULL)
        g_assert_nonnull (strstr (r.err, runs[i].err));
      g_assert_null (strchr (r.out, '\033'));
      g_assert_null (strchr (r.err, '\033'));
    }
}

/* ---------------------------------------------------------------------------
 * Every paragraph starts as a sentence does
 * ------------------------------------------------------------------------- */

/* Explanations that start with a name written in lower case: the name stays as
 * its owners write it. */
static const char *const lower_case_names[] = {
  "qmail ", "smtpd_tls_", "smtp_tls_",
};

static gboolean
starts_as_sentence (const char *paragraph,
                    HlReceived *hop)
{
  gunichar c = g_utf8_get_char (paragraph);

  if (g_unichar_isupper (c) || g_unichar_isdigit (c) || c == 0x201C /* “ */ || c == '"')
    return TRUE;
  /* a host name, as the field writes it */
  if (hop != NULL)
    {
      const char *names[] = { hl_received_get_by_host (hop), hl_received_get_from_host (hop) };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (names[i] != NULL && g_str_has_prefix (paragraph, names[i]))
          return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (lower_case_names); i++)
    if (g_str_has_prefix (paragraph, lower_case_names[i]))
      return TRUE;
  return FALSE;
}

static void
check_paragraphs (const char *what,
                  const char *text,
                  HlReceived *hop)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (!starts_as_sentence (paragraphs[i], hop))
      hl_test_fail ("%s: paragraph %u starts in lower case: “%s”", what, i, paragraphs[i]);
}

static const char *const paragraph_fields[] = {
  /* no "by": the receiving server is not named */
  "from mail.example.org (mail.example.org [192.0.2.1]) with ESMTPS id 4Xz; "
  "Tue, 3 Jan 2023 10:00:00 +0000",
  "from [192.0.2.7] with SMTP; Tue, 3 Jan 2023 10:00:00 +0000",
  "by localhost with LMTP; Tue, 3 Jan 2023 10:00:00 +0000",
  "from a.example (a.example [192.0.2.1]) by b.example (Postfix) with ESMTPS id X "
  "(version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); "
  "Tue, 3 Jan 2023 10:00:00 +0000",
  "from a.example by b.example with SMTP; Tue, 3 Jan 2023 10:00:00 +0000",
};

static void
test_paragraph_starts (void)
{
  for (guint i = 0; i < hl_explain_n_texts; i++)
    check_paragraphs (hl_explain_texts[i].id, hl_explain_texts[i].text, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paragraph_fields); i++)
    {
      g_autoptr(HlReceived) hop = hl_received_parse (paragraph_fields[i], -1);
      g_autofree char *summary = NULL;
      g_autofree char *for_you = NULL;
      g_autofree char *for_admin = NULL;

      g_assert_nonnull (hop);
      summary = hl_explain_hop_summary (hop);
      for_you = hl_explain_for_you (hop);
      for_admin = hl_explain_for_admin (hop);
      check_paragraphs ("summary", summary, hop);
      check_paragraphs ("for you", for_you, hop);
      check_paragraphs ("for the administrator", for_admin, hop);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its case; the next cases still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/explain/texts", test_texts);
  g_test_add_func ("/explain/token-kinds", test_token_kinds);
  g_test_add_func ("/explain/vocabularies", test_vocabularies);
  g_test_add_func ("/explain/labels", test_labels);
  g_test_add_func ("/explain/rating-reasons", test_rating_reasons);
  g_test_add_func ("/explain/cipher-parts", test_cipher_parts);
  g_test_add_func ("/explain/parser-ids", test_parser_ids);
  g_test_add_func ("/explain/dialects", test_dialects);
  g_test_add_func ("/explain/protocols", test_protocols);
  g_test_add_func ("/explain/verify-words", test_verify_words);
  g_test_add_func ("/explain/corpus", test_corpus);
  g_test_add_func ("/explain/parser-ids-used", test_parser_ids_used);
  g_test_add_func ("/explain/example", test_example);
  g_test_add_func ("/explain/words", test_words);
  g_test_add_func ("/explain/wrap", test_wrap);
  g_test_add_func ("/explain/paragraph-starts", test_paragraph_starts);
  g_test_add_func ("/explain/cli", test_cli);

  return g_test_run ();
}
