/* received.c: one Received field, its grammar and edge cases (dialects: tests/dialects/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hoplock.h"

#include "hl-test.h"
#include "core/hl-received-private.h"

/* In the tables, ANY means "not checked"; NULL means "must be absent". */
#define ANY ((const char *) 1)
#define ANY_INT G_MININT
#define ANY_ST ((HlTlsState) -1)
#define ANY_EV ((HlEvidence) -1)

typedef struct
{
  const char *name;
  const char *raw;
  const char *from_name;
  const char *helo;
  const char *rdns;
  const char *ip;
  int port;
  const char *by;
  const char *with;
  HlTlsState state;
  HlEvidence evidence;
  const char *version;      /* normalised, e.g. "TLS 1.3"; NULL = unknown */
  const char *version_raw;
  const char *cipher;
  int bits;
  int alg_bits;
  const char *verify;       /* vocabulary word */
  const char *verify_raw;
  const char *mta;
  gboolean authenticated;
  const char *date;         /* ISO 8601 with the original offset */
} Case;

static const Case cases[] = {
  /* DESIGN.md's example, read token by token below; each dialect's own cases are
   * in tests/dialects/. */
  { "sendmail-example",
    "from mail.uexport.com (mail.uexport.com[192.168.1.1]) by mail.lint.com(8.12.9/8.12.9) "
    "with ESMTP id h0UGn9P7001230 (version=TLSv1/SSLv3 cipher=EDH-RSA-DES-CBC3-SHA bits=168 "
    "verify=OK) for ; Sun 17 Jul 2005 15:39:10 -0500",
    "mail.uexport.com", "mail.uexport.com", "mail.uexport.com", "192.168.1.1", -1,
    "mail.lint.com", "ESMTP", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE,
    NULL, "TLSv1/SSLv3", "EDH-RSA-DES-CBC3-SHA", 168, -1, "verified", "OK", "sendmail", FALSE,
    "2005-07-17T15:39:10-05:00" },

  /* Addresses in every form real servers write. */
  { "ipv6-literal-zone",
    "from h (h [IPv6:fe80::1%eth0]) by mx.example with SMTP; Mon, 1 Jan 2024 00:00:00 +0000",
    ANY, ANY, ANY, "fe80::1", -1, ANY, ANY, HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL,
    NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  { "ipv6-uncompressed-normalised",
    "from h (h [2001:0db8:0000:0000:0000:0000:0000:0001]) by mx.example with SMTP; "
    "Mon, 1 Jan 2024 00:00:00 +0000",
    ANY, ANY, ANY, "2001:db8::1", -1, ANY, ANY, HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL,
    NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  { "ipv4-mapped-loopback",
    "from h (h [IPv6:::ffff:127.0.0.1]) by mx.example with ESMTP; Mon, 1 Jan 2024 00:00:00 +0000",
    ANY, ANY, ANY, "::ffff:127.0.0.1", -1, ANY, ANY, HL_TLS_STATE_LOCAL, HL_EVIDENCE_LOOPBACK,
    NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  { "unknown-bracket-ip",
    "from asx121.turbo-inline.com [7.165.23.113] by mx.reskind.net with QMQP; "
    "Fri, 08 Feb 2019 06:56:18 -0500",
    "asx121.turbo-inline.com", ANY, NULL, "7.165.23.113", -1, "mx.reskind.net", "QMQP",
    HL_TLS_STATE_UNKNOWN, HL_EVIDENCE_NONE, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  /* A HELO can carry comments; only what follows it is the server's. */
  { "forged-helo-last-tcp-info-wins",
    "from x (a [6.6.6.6]) (using TLS) (unknown [192.0.2.1]) by mx.example.com (Postfix) with "
    "ESMTP id ABC; Thu, 1 Jan 2026 00:00:00 +0000",
    "x", "x", NULL, "192.0.2.1", -1, "mx.example.com", "ESMTP", HL_TLS_STATE_UNENCRYPTED,
    HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, "postfix", FALSE, ANY },
  { "invalid-ip-literal",
    "from x ([999.0.0.1]) by mx.example.net with ESMTP id 1; Mon, 21 Sep 2026 10:00:00 +0000",
    "x", ANY, ANY, NULL, -1, "mx.example.net", "ESMTP", HL_TLS_STATE_UNENCRYPTED,
    HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },

  /* Clauses in any order and case, repeated, missing. */
  { "keywords-any-case",
    "From BN3NAM04HT205.eop-NAM04.prod.protection.outlook.com (2a01:111:e400:c418::34) By "
    "SN1PR16MB0494.namprd16.prod.outlook.com With HTTPS Via SN1PR15CA0024.NAMPRD15.PROD.OUTLOOK.COM;"
    " Sat, 21 Apr 2018 03:01:33 +0000",
    "BN3NAM04HT205.eop-NAM04.prod.protection.outlook.com", ANY, ANY, "2a01:111:e400:c418::34", -1,
    "SN1PR16MB0494.namprd16.prod.outlook.com", "HTTPS", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_PROTOCOL,
    NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  { "by-before-from",
    "by mx.example.net with ESMTPS from mail.example.org (mail.example.org [192.0.2.10]) id X; "
    "Mon, 21 Sep 2026 10:00:00 +0000",
    "mail.example.org", ANY, "mail.example.org", "192.0.2.10", -1, "mx.example.net", "ESMTPS",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    ANY },
  { "with-semicolon",
    "from 171-29.br (1-1-1-1.z.com.br [1.1.1.1]) by x.com.br (Postfix) with;ESMTP id 44QShF6xj4z1X "
    "for <hey@y.br>; Thu, 21 Mar 2019 23:45:46 -0300 : <g @yi.br>",
    "171-29.br", "171-29.br", "1-1-1-1.z.com.br", "1.1.1.1", -1, "x.com.br", "ESMTP",
    HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL,
    "postfix", FALSE, "2019-03-21T23:45:46-03:00" },
  { "no-clauses",
    "TotallyInvalidNotAReceivedHeader",
    NULL, NULL, NULL, NULL, -1, NULL, NULL, HL_TLS_STATE_UNKNOWN, HL_EVIDENCE_NONE, NULL, NULL,
    NULL, -1, -1, NULL, NULL, NULL, FALSE, NULL },
  { "empty",
    "",
    NULL, NULL, NULL, NULL, -1, NULL, NULL, HL_TLS_STATE_UNKNOWN, HL_EVIDENCE_NONE, NULL, NULL,
    NULL, -1, -1, NULL, NULL, NULL, FALSE, NULL },

  /* Dates as servers write them. */
  { "date-sendgrid",
    "by filter0652p1las1.sendgrid.net with SMTP id filter0652p1las1-5089-5ADBF958-25        "
    "2018-04-22 02:54:17.028704749 +0000 UTC",
    NULL, NULL, NULL, NULL, -1, "filter0652p1las1.sendgrid.net", "SMTP", HL_TLS_STATE_UNENCRYPTED,
    HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    "2018-04-22T02:54:17+00:00" },
  { "by-refused-then-free-text",
    "from [192.83.172.101] (HELLO 148.251.238.35) (148.251.238.35) by guovswzqkvry051@sohu.com "
    "with gg login by AOL 6.0 for Windows US sub 008 SMTP  ; Tue, 03 Jul 2018 09:01:47 -0300",
    "[192.83.172.101]", "148.251.238.35", NULL, "148.251.238.35", -1, NULL, "gg",
    HL_TLS_STATE_UNKNOWN, HL_EVIDENCE_NONE, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    "2018-07-03T09:01:47-03:00" },
  { "date-fractional-seconds",
    "from smtp.github.com (out-3.smtp.github.com [192.30.252.194])\tby ismtpd0021p1iad2.sendgrid.net"
    " (SG) with ESMTP id 1dCtTVbKTgGmrXSNolRfbg\tfor <sgriffin@outlook.com>; Sun, 22 Apr 2018 "
    "02:54:16.987 +0000 (UTC)",
    ANY, ANY, ANY, "192.30.252.194", -1, "ismtpd0021p1iad2.sendgrid.net", "ESMTP", ANY_ST, ANY_EV, NULL,
    NULL, NULL, -1, -1, NULL, NULL, "sendgrid", FALSE, "2018-04-22T02:54:17+00:00" },
  { "date-no-semicolon",
    "from smtp.github.com (out-8.smtp.github.com [192.30.252.199]) by "
    "ismtpd0003p1iad2.sendgrid.net (SG) with ESMTP id gDQRSEGgSqCsi9tFtF1Vtg Mon, 26 Mar 2018 "
    "13:35:36.102 +0000 (UTC)",
    ANY, ANY, ANY, ANY, -1, "ismtpd0003p1iad2.sendgrid.net", "ESMTP", ANY_ST, ANY_EV, NULL, NULL, NULL,
    -1, -1, NULL, NULL, ANY, FALSE, "2018-03-26T13:35:36+00:00" },
  { "date-two-digit-year",
    "by mx.example with SMTP; Mon, 1 Jan 24 10:00:00 +0100",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    "2024-01-01T10:00:00+01:00" },
  { "date-zone-name",
    "by mx.example with SMTP; Tue, 2 Jan 2024 10:00:00 PST",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    "2024-01-02T10:00:00-08:00" },
  { "date-month-first",
    "by mx.example with SMTP; Apr 21 2018 3:01:05 +0000",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    "2018-04-21T03:01:05+00:00" },
  { "date-us-pm",
    "by mx.example with SMTP; 4/20/2018 11:01:16 PM -0400 (EDT)",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    "2018-04-20T23:01:16-04:00" },
  { "date-full-weekday",
    "by mx.example with SMTP; Saturday, 21 Apr 2018 03:01:02 +0000",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    "2018-04-21T03:01:02+00:00" },
  { "date-absurd-year",
    "by mx.example with SMTP; Mon, 1 Jan 99999 10:00:00 +0000",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    NULL },
  { "date-absurd-offset",
    "by mx.example with SMTP; Mon, 1 Jan 2024 10:00:00 +9999",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    NULL },
  { "date-feb-30",
    "by mx.example with SMTP; Fri, 30 Feb 2024 10:00:00 +0000",
    ANY, ANY, ANY, ANY, -1, ANY, ANY, ANY_ST, ANY_EV, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE,
    NULL },
};

static const char *current_case;

static void
check_string (const char *what,
              const char *got,
              const char *want)
{
  if (want == ANY)
    return;
  if (g_strcmp0 (got, want) != 0)
    hl_test_fail ("%s: %s: got “%s”, want “%s”", current_case, what, got ? got : "(null)",
                  want ? want : "(null)");
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(HlReceived) hop = hl_received_parse (c->raw, -1);
  g_autofree char *date = hl_received_dup_date_iso (hop, FALSE);

  current_case = c->name;
  check_string ("from name", hl_received_get_from_name (hop), c->from_name);
  check_string ("helo", hl_received_get_from_helo (hop), c->helo);
  check_string ("rdns", hl_received_get_from_rdns (hop), c->rdns);
  check_string ("ip", hl_received_get_from_ip (hop), c->ip);
  if (c->port != ANY_INT)
    g_assert_cmpint (hl_received_get_from_port (hop), ==, c->port);
  check_string ("by", hl_received_get_by_host (hop), c->by);
  check_string ("with", hl_received_get_with (hop), c->with);
  if (c->state != ANY_ST)
    {
      g_assert_cmpstr (hl_tls_state_to_string (hl_received_get_tls_state (hop)), ==,
                       hl_tls_state_to_string (c->state));
      g_assert_cmpstr (hl_evidence_to_string (hl_received_get_tls_evidence (hop)), ==,
                       hl_evidence_to_string (c->evidence));
    }
  check_string ("version", hl_tls_version_to_string (hl_received_get_tls_version (hop)), c->version);
  check_string ("version_raw", hl_received_get_tls_version_raw (hop), c->version_raw);
  check_string ("cipher", hl_received_get_tls_cipher (hop), c->cipher);
  g_assert_cmpint (hl_received_get_tls_bits (hop), ==, c->bits);
  g_assert_cmpint (hl_received_get_tls_alg_bits (hop), ==, c->alg_bits);
  check_string ("verify", hl_verify_to_string (hl_received_get_tls_verify (hop)), c->verify);
  check_string ("verify_raw", hl_received_get_tls_verify_raw (hop), c->verify_raw);
  check_string ("mta", hl_received_get_mta (hop), c->mta);
  g_assert_cmpint (hl_received_get_authenticated (hop), ==, c->authenticated);
  check_string ("date", date, c->date);
}

/* Tokens are in order, never overlap and lie inside the raw text. */
static void
test_tokens_well_formed (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(HlReceived) hop = hl_received_parse (c->raw, -1);
  gsize len;
  guint n;
  const HlToken *t = hl_received_get_tokens (hop, &n);
  guint32 end = 0;

  hl_received_get_raw (hop, &len);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (t[i].offset, >=, end);
      g_assert_cmpuint (t[i].length, >, 0);
      g_assert_cmpuint (t[i].offset + t[i].length, <=, len);
      g_assert_nonnull (t[i].explain);
      end = t[i].offset + t[i].length;
    }
}

static void
test_example_tokens (void)
{
  g_autoptr(HlReceived) hop = hl_received_parse (cases[0].raw, -1);
  const char *raw = hl_received_get_raw (hop, NULL);
  guint n;
  const HlToken *t = hl_received_get_tokens (hop, &n);
  gboolean saw_cipher = FALSE, saw_verify = FALSE, saw_date = FALSE, saw_ip = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strndup (raw + t[i].offset, t[i].length);

      if (t[i].kind == HL_TOKEN_TLS_CIPHER)
        saw_cipher = g_str_equal (text, "EDH-RSA-DES-CBC3-SHA");
      else if (t[i].kind == HL_TOKEN_TLS_VERIFY)
        saw_verify = g_str_equal (text, "OK") && g_str_equal (t[i].explain, "verify.verified");
      else if (t[i].kind == HL_TOKEN_DATE)
        saw_date = g_str_equal (text, "Sun 17 Jul 2005 15:39:10 -0500");
      else if (t[i].kind == HL_TOKEN_IP)
        saw_ip = g_str_equal (text, "192.168.1.1");
    }
  g_assert_true (saw_cipher);
  g_assert_true (saw_verify);
  g_assert_true (saw_date);
  g_assert_true (saw_ip);
}

/* Garbage gives a partial hop with warnings that have offsets, never a failure. */
static void
test_warnings (void)
{
  static const struct { const char *raw; const char *code; gsize offset; } w[] = {
    { "from x (unclosed by mx.example with ESMTP; Mon, 1 Jan 2024 10:00:00 +0000",
      "unbalanced-comment", 7 },
    { "from x by mx.example with ESMTP id 1", "no-date", 36 },
    { "from x by mx.example with ESMTP; garbage", "bad-date", 33 },
    { "from x by mx.example with ESMTP; Mon, 1 Jan 2024 10:00:00", "date-no-zone", 33 },
    { "from x\x01 by mx.example with ESMTP; Mon, 1 Jan 2024 10:00:00 +0000", NULL, 0 },
    { "from x\xff by mx.example; Mon, 1 Jan 2024 10:00:00 +0000", "invalid-utf8", 6 },
    { "from x (a [6.6.6.6] (may be forged)) by mx.example; Mon, 1 Jan 2024 10:00:00 +0000",
      "rdns-may-be-forged", 20 },
    { "from x by mx.example with ESMTP from y; Mon, 1 Jan 2024 10:00:00 +0000",
      "repeated-clause", 32 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (w); i++)
    {
      g_autoptr(HlReceived) hop = hl_received_parse (w[i].raw, -1);
      guint n;
      const HlWarning *ws = hl_received_get_warnings (hop, &n);
      gboolean found = FALSE;

      if (w[i].code == NULL)
        {
          /* A control character is read as a space; no warning needed. */
          g_assert_cmpstr (hl_received_get_by_host (hop), ==, "mx.example");
          g_assert_null (strchr (hl_received_get_raw (hop, NULL), '\x01'));
          continue;
        }
      for (guint k = 0; k < n; k++)
        if (g_str_equal (ws[k].code, w[i].code))
          {
            found = TRUE;
            g_assert_cmpuint (ws[k].offset, ==, w[i].offset);
            g_assert_nonnull (ws[k].message);
          }
      if (!found)
        hl_test_fail ("no warning “%s” for: %s", w[i].code, w[i].raw);
    }
}

/* The name every part of Hoplock gives the sending host. */
static void
test_from_host (void)
{
  static const struct
  {
    const char *raw;
    const char *host;
  } cases[] = {
    /* Postfix: the name the address resolved to, not the HELO */
    { "from helo.example (rdns.example [192.0.2.1]) by mx.example.net", "rdns.example" },
    /* Postfix with an address that does not resolve: the HELO */
    { "from helo.example (unknown [192.0.2.1]) by mx.example.net", "helo.example" },
    /* Exim: the name after from is the resolved one */
    { "from rdns.example ([192.0.2.1] helo=helo.example) by mx.example.net", "rdns.example" },
    /* A bare address */
    { "from [192.0.2.1] by mx.example.net", "192.0.2.1" },
    /* No from at all */
    { "by mx.example.net with ESMTP id 1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HlReceived) hop = hl_received_parse (cases[i].raw, -1);

      g_test_message ("%s", cases[i].raw);
      g_assert_cmpstr (hl_received_get_from_host (hop), ==, cases[i].host);
    }
}

static void
test_nul_bytes (void)
{
  static const char raw[] = "from a\0b by mx.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000";
  g_autoptr(HlReceived) hop = hl_received_parse (raw, sizeof raw - 1);
  guint n;
  const HlWarning *w = hl_received_get_warnings (hop, &n);

  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (w[0].code, ==, "nul-byte");
  g_assert_cmpuint (w[0].offset, ==, 6);
  g_assert_cmpstr (hl_received_get_by_host (hop), ==, "mx.example");
  g_assert_cmpint (hl_received_get_tls_state (hop), ==, HL_TLS_STATE_ENCRYPTED);
}

/* C1 controls are control characters: U+009B is a terminal's CSI. Found by the
 * hostile-message corpus (tests/hostile/fixtures/terminal-escapes.eml). */
static void
test_c1_controls (void)
{
  static const char raw[] = "from a\xc2\x9b" "2J (b [192.0.2.1]) by mx\xc2\x85.example with ESMTPS; "
                             "Mon, 1 Jan 2024 10:00:00 +0000";
  g_autoptr(HlReceived) hop = hl_received_parse (raw, sizeof raw - 1);
  gsize len;
  const char *got = hl_received_get_raw (hop, &len);

  g_assert_cmpuint (len, ==, sizeof raw - 1);
  g_assert_null (strstr (got, "\xc2"));
  g_assert_true (g_str_has_prefix (got, "from a  2J (b [192.0.2.1]) by mx  .example with"));
  g_assert_cmpstr (hl_received_get_from_ip (hop), ==, "192.0.2.1");
}

/* Unfolding: the blanks around a line break in a value are one space there,
 * while the raw text keeps every byte where it was (its offsets are the
 * tokens' and warnings'). */
typedef struct
{
  const char *name;
  const char *raw;
  const char *with;
} FoldCase;

static const FoldCase fold_cases[] = {
  { "crlf-space", "from a.example (a.example [192.0.2.1]) by b.example with Microsoft SMTP\r\n"
                  " Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id\r\n"
                  " 15.20.1234.5; Mon, 1 Jan 2024 10:00:00 +0000", "Microsoft SMTP Server" },
  { "lf-tab", "from a.example by b.example with Microsoft SMTP\n\tServer id 15.20.1234.5;"
              " Mon, 1 Jan 2024 10:00:00 +0000", "Microsoft SMTP Server" },
  { "blanks-both-sides", "from a.example by b.example with Microsoft SMTP  \r\n   Server id 1;"
                         " Mon, 1 Jan 2024 10:00:00 +0000", "Microsoft SMTP Server" },
  /* written so, not folded: left alone */
  { "written-double", "from a.example by b.example with Microsoft SMTP  Server id 1;"
                      " Mon, 1 Jan 2024 10:00:00 +0000", "Microsoft SMTP  Server" },
};

static void
test_unfold (gconstpointer data)
{
  const FoldCase *c = data;
  g_autoptr(HlReceived) hop = hl_received_parse (c->raw, -1);
  gsize len;
  const char *raw = hl_received_get_raw (hop, &len);

  g_assert_cmpstr (hl_received_get_with (hop), ==, c->with);
  /* raw: one byte for one byte, line breaks as spaces, nothing collapsed */
  g_assert_cmpuint (len, ==, strlen (c->raw));
  for (gsize i = 0; i < len; i++)
    if (raw[i] != ((c->raw[i] == '\r' || c->raw[i] == '\n') ? ' ' : c->raw[i]))
      {
        hl_test_fail ("raw byte %" G_GSIZE_FORMAT " changed", i);
        break;
      }
  g_assert_cmpstr (hl_received_get_by_host (hop), ==, "b.example");
}

/* One warning a code, however often the oddity recurs. 6eaa30f lost this: a field
 * of 64 KiB of "(" carried 65 535 unbalanced-comment warnings (8 MB of JSON a hop). */
static void
test_one_warning_per_code (void)
{
  GString *raw = g_string_new ("from a ");
  g_autoptr(HlReceived) hop = NULL;
  const HlWarning *w;
  guint n;

  for (guint i = 0; i < 1000; i++)
    g_string_append (raw, "( [ < ");
  g_string_append (raw, "by b with ESMTPS");
  hop = hl_received_parse (raw->str, raw->len);
  g_string_free (raw, TRUE);

  w = hl_received_get_warnings (hop, &n);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpstr (w[i].code, !=, w[j].code);
  g_assert_cmpuint (n, <=, 4);
}

/* A via value that goes on word after word grows in place: copying it again for
 * every word took quadratic time and used up the arena of values, and the with
 * value read after it came back NULL and crashed protocol_explain(). Found by
 * fuzzing (tests/fuzz/regressions/received/crash-088f3bfb…). */
static void
test_long_via (void)
{
  GString *raw = g_string_new ("from a by mx.example via Frontend");
  g_autoptr(HlReceived) hop = NULL;
  g_autoptr(HlReceived) mixed = NULL;

  for (guint i = 0; i < 400; i++)   /* within HL_MAX_TOKENS */
    g_string_append (raw, " Transport");
  g_string_append (raw, " with ESMTPS id X; Mon, 1 Jan 2024 10:00:00 +0000");
  hop = hl_received_parse (raw->str, raw->len);
  g_assert_cmpstr (hl_received_get_with (hop), ==, "ESMTPS");
  /* 4 008 bytes of via, kept up to HL_MAX_VALUE_LENGTH */
  g_assert_cmpuint (strlen (hl_received_get_via (hop)), ==, HL_MAX_VALUE_LENGTH + strlen ("…"));
  g_assert_true (g_str_has_suffix (hl_received_get_via (hop), "…"));
  g_assert_true (g_str_has_prefix (hl_received_get_via (hop), "Frontend Transport Transport"));
  g_assert_cmpint (hl_received_get_tls_state (hop), ==, HL_TLS_STATE_ENCRYPTED);

  /* With values read in between, the arena may run out; what is not kept is NULL. */
  g_string_assign (raw, "from a by mx.example via x");
  for (guint i = 0; i < 200; i++)
    g_string_append (raw, " w (version=TLSv1.2)");
  g_string_append (raw, " with esmtps id X; Mon, 1 Jan 2024 10:00:00 +0000");
  mixed = hl_received_parse (raw->str, raw->len);
  g_assert_cmpstr (hl_received_get_by_host (mixed), ==, "mx.example");
  g_string_free (raw, TRUE);
}

static void
test_limits (void)
{
  GString *big = g_string_new ("from a by b with ESMTP ");
  g_autoptr(HlReceived) hop = NULL;
  g_autoptr(HlReceived) deep = NULL;
  g_autoptr(GString) nested = g_string_new ("from a ");
  guint n;
  const HlWarning *w;
  gboolean found = FALSE;

  /* A field longer than the limit is read up to it, with a warning. */
  while (big->len < HL_MAX_FIELD_LENGTH * 2)
    g_string_append (big, "(comment) ");
  hop = hl_received_parse (big->str, big->len);
  w = hl_received_get_warnings (hop, &n);
  for (guint i = 0; i < n; i++)
    found |= g_str_equal (w[i].code, "field-too-long") || g_str_equal (w[i].code, "too-many-tokens");
  g_assert_true (found);
  g_assert_cmpstr (hl_received_get_by_host (hop), ==, "b");
  g_string_free (big, TRUE);

  /* Deep nesting (within the field limit) is matched without recursion and reported. */
  for (guint i = 0; i < 50000; i++)
    g_string_append_c (nested, '(');
  g_string_append (nested, " by mx.example; Mon, 1 Jan 2024 10:00:00 +0000");
  deep = hl_received_parse (nested->str, nested->len);
  g_assert_cmpstr (hl_received_get_by_host (deep), ==, "mx.example");
  w = hl_received_get_warnings (deep, &n);
  found = FALSE;
  for (guint i = 0; i < n; i++)
    found |= g_str_equal (w[i].code, "unbalanced-comment");
  g_assert_true (found);
}

/* Values longer than any host name or address are cut on a character boundary,
 * marked, and warned about once; the raw field keeps them whole. (A via of many
 * words, grown in place, is in test_long_via.) */
static void
test_long_values (void)
{
  g_autoptr(GString) raw = g_string_new ("from ");
  g_autoptr(HlReceived) hop = NULL;
  const char *name;
  gsize raw_len;
  guint n, found = 0;
  const HlWarning *w;

  /* "é" is two bytes: a cut at an odd byte would split one. */
  for (guint i = 0; i < 300; i++)
    g_string_append (raw, "é");
  g_string_append (raw, " by mx.example.net with ESMTPS id ABC; Mon, 3 Mar 2025 10:00:00 +0000");
  hop = hl_received_parse (raw->str, raw->len);
  name = hl_received_get_from_name (hop);
  g_assert_nonnull (name);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, "…"));
  g_assert_cmpuint (strlen (name) - strlen ("…"), <=, HL_MAX_VALUE_LENGTH);
  g_assert_cmpuint (strlen (name) - strlen ("…"), >=, HL_MAX_VALUE_LENGTH - 1);
  g_assert_true (strncmp (name, raw->str + 5, strlen (name) - strlen ("…")) == 0);
  /* The rest of the field is read as usual, and the raw field is whole. */
  g_assert_cmpstr (hl_received_get_by_host (hop), ==, "mx.example.net");
  g_assert_cmpstr (hl_received_get_id (hop), ==, "ABC");
  hl_received_get_raw (hop, &raw_len);
  g_assert_cmpuint (raw_len, ==, raw->len);
  w = hl_received_get_warnings (hop, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (w[i].code, "value-too-long"))
      {
        found++;
        g_assert_cmpuint (w[i].offset, ==, 5);
        g_assert_cmpuint (w[i].length, ==, 600);
      }
  g_assert_cmpuint (found, ==, 1);
}

/* The one rule for showing header text, in its three forms. */
typedef struct
{
  const char *name;
  const char *in;
  gsize len;
  HlTextSafeFlags flags;
  const char *out;
} SafeTextCase;

static const SafeTextCase safe_text_cases[] = {
  { "plain", "mx.example", 10, HL_TEXT_SAFE_PLAIN, "mx.example" },
  { "tab-lf-one-line", "a\tb\nc", 5, HL_TEXT_SAFE_PLAIN, "a b c" },
  { "crlf-one-line", "a\r\nb", 4, HL_TEXT_SAFE_PLAIN, "a\xef\xbf\xbd b" },
  { "crlf-kept", "a\r\n\tb", 5, HL_TEXT_SAFE_KEEP_LINES, "a\n\tb" },
  { "escape", "a\033[31mb", 7, HL_TEXT_SAFE_PLAIN, "a\xef\xbf\xbd[31mb" },
  { "nul", "a\0b", 3, HL_TEXT_SAFE_KEEP_LINES, "a\xef\xbf\xbd""b" },
  { "bidi", "a\xe2\x80\xae""b", 5, HL_TEXT_SAFE_PLAIN, "a\xef\xbf\xbd""b" },
  { "c1", "a\xc2\x85""b", 4, HL_TEXT_SAFE_PLAIN, "a\xef\xbf\xbd""b" },
  { "invalid-per-byte", "a\xe2\x80""b", 4, HL_TEXT_SAFE_PLAIN, "a\xef\xbf\xbd\xef\xbf\xbd""b" },
  { "utf8-kept", "caf\xc3\xa9", 5, HL_TEXT_SAFE_PLAIN, "caf\xc3\xa9" },
};

static void
test_safe_text (gconstpointer data)
{
  const SafeTextCase *c = data;
  g_autofree guint *map = NULL;
  g_autofree char *full = hl_text_make_safe_full (c->in, c->len, c->flags, 0, &map);

  g_assert_cmpstr (full, ==, c->out);
  /* every byte maps into the text shown, in order, the end to its end */
  for (gsize i = 0; i < c->len; i++)
    g_assert_cmpuint (map[i], <=, map[i + 1]);
  g_assert_cmpuint (map[c->len], ==, g_utf8_strlen (full, -1));
  /* hl_text_make_safe() is the one-line form, up to a NUL */
  if (c->flags == HL_TEXT_SAFE_PLAIN && memchr (c->in, 0, c->len) == NULL)
    {
      g_autofree char *safe = hl_text_make_safe (c->in);

      g_assert_cmpstr (safe, ==, c->out);
    }
}

/* A long word gets a zero-width space every word_max characters; the map skips it. */
static void
test_safe_text_long_word (void)
{
  g_autofree guint *map = NULL;
  g_autofree char *text = hl_text_make_safe_full ("abcdefg h", 9, HL_TEXT_SAFE_KEEP_LINES, 3, &map);
  g_autofree char *excerpt = hl_text_make_excerpt ("a \r\n  b\033c", 9, 3);
  g_autofree char *cut = hl_text_make_excerpt ("abcdef", 6, 3);

  g_assert_cmpstr (text, ==, "abc\xe2\x80\x8b""def\xe2\x80\x8bg h");
  g_assert_cmpuint (map[3], ==, 4);
  g_assert_cmpuint (map[9], ==, 11);
  g_assert_cmpstr (excerpt, ==, "a \xef\xbf\xbd…");
  g_assert_cmpstr (cut, ==, "abc…");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its case; the next cases still run */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (safe_text_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/received/safe-text/%s", safe_text_cases[i].name);

      g_test_add_data_func (path, &safe_text_cases[i], test_safe_text);
    }
  g_test_add_func ("/received/safe-text/long-word", test_safe_text_long_word);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/received/dialect/%s", cases[i].name);
      g_autofree char *tpath = g_strdup_printf ("/received/tokens/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
      g_test_add_data_func (tpath, &cases[i], test_tokens_well_formed);
    }
  g_test_add_func ("/received/example-tokens", test_example_tokens);
  g_test_add_func ("/received/warnings", test_warnings);
  g_test_add_func ("/received/from-host", test_from_host);
  g_test_add_func ("/received/nul-bytes", test_nul_bytes);
  g_test_add_func ("/received/c1-controls", test_c1_controls);
  for (guint i = 0; i < G_N_ELEMENTS (fold_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/received/unfold/%s", fold_cases[i].name);

      g_test_add_data_func (path, &fold_cases[i], test_unfold);
    }
  g_test_add_func ("/received/one-warning-per-code", test_one_warning_per_code);
  g_test_add_func ("/received/long-via", test_long_via);
  g_test_add_func ("/received/limits", test_limits);
  g_test_add_func ("/received/long-values", test_long_values);

  return g_test_run ();
}
