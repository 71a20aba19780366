/* received.c: one Received field, every dialect and edge case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hoplock.h"
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
  { "sendmail-example",
    "from mail.uexport.com (mail.uexport.com[192.168.1.1]) by mail.lint.com(8.12.9/8.12.9) "
    "with ESMTP id h0UGn9P7001230 (version=TLSv1/SSLv3 cipher=EDH-RSA-DES-CBC3-SHA bits=168 "
    "verify=OK) for ; Sun 17 Jul 2005 15:39:10 -0500",
    "mail.uexport.com", "mail.uexport.com", "mail.uexport.com", "192.168.1.1", -1,
    "mail.lint.com", "ESMTP", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE,
    NULL, "TLSv1/SSLv3", "EDH-RSA-DES-CBC3-SHA", 168, -1, "verified", "OK", "sendmail", FALSE,
    "2005-07-17T15:39:10-05:00" },
  { "sendmail-tls13",
    "from mail.example.org (mail.example.org [192.0.2.10]) by mx.example.net (8.17.1/8.17.1) "
    "with ESMTPS id 48LA0000012345 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 "
    "verify=NOT) for <user@example.net>; Mon, 21 Sep 2026 10:00:00 GMT",
    "mail.example.org", "mail.example.org", "mail.example.org", "192.0.2.10", -1,
    "mx.example.net", "ESMTPS", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE,
    "TLS 1.3", "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, -1, "not-requested", "NOT", "sendmail",
    FALSE, "2026-09-21T10:00:00+00:00" },
  { "sendmail-may-be-forged",
    "from helo.example (rdns.example [192.0.2.10] (may be forged)) by mx.example.net "
    "(8.17.1/8.17.1) with ESMTP id 48LA0000012345 for <user@example.net>; "
    "Mon, 21 Sep 2026 10:00:00 GMT",
    "helo.example", "helo.example", "rdns.example", "192.0.2.10", -1, "mx.example.net", "ESMTP",
    HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL,
    "sendmail", FALSE, ANY },
  { "sendmail-user-at-rdns",
    "from helo.example (user@rdns.example [192.0.2.10]) by mx.example.net (8.17.1/8.17.1) "
    "with ESMTP id 48LA0000012345; Mon, 21 Sep 2026 10:00:00 GMT",
    "helo.example", "helo.example", "rdns.example", "192.0.2.10", -1, "mx.example.net", "ESMTP",
    HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL,
    "sendmail", FALSE, ANY },
  { "sendmail-submit-local",
    "(from asterisk@localhost)        by pbx.xxx.com (8.14.7/8.14.7/Submit) id 076Go4wD014562;"
    "        Thu, 6 Aug 2020 11:50:04 -0500",
    NULL, NULL, NULL, NULL, -1, "pbx.xxx.com", NULL, HL_TLS_STATE_LOCAL, HL_EVIDENCE_LOCAL_PROGRAM,
    NULL, NULL, NULL, -1, -1, NULL, NULL, "sendmail", FALSE, "2020-08-06T11:50:04-05:00" },
  { "postfix-tls13",
    "from mail.example.org (mail.example.org [192.0.2.10]) (using TLSv1.3 with cipher "
    "TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS "
    "(2048 bits) server-digest SHA256) (No client certificate requested) by mx.example.net "
    "(Postfix) with ESMTPS id 4XyzAbCdEf for <user@example.net>; Mon, 21 Sep 2026 10:00:00 "
    "+0000 (UTC)",
    "mail.example.org", "mail.example.org", "mail.example.org", "192.0.2.10", -1,
    "mx.example.net", "ESMTPS", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.3",
    "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, 256, "not-requested",
    "No client certificate requested", "postfix", FALSE, "2026-09-21T10:00:00+00:00" },
  { "postfix-unknown-ipv6-no-cert",
    "from server.chat-met-vreemden.nl (unknown [IPv6:2a01:7c8:aab6:26d:5054:ff:fed1:1da2])\t"
    "(using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))\t(Client did not "
    "present a certificate)\tby mx1.freebsd.org (Postfix) with ESMTPS id CF0171862\tfor "
    "<test@example.com>; Mon,  6 Jul 2015 09:01:20 +0000 (UTC)\t(envelope-from "
    "upwest201diana@outlook.com)",
    "server.chat-met-vreemden.nl", "server.chat-met-vreemden.nl", NULL,
    "2a01:7c8:aab6:26d:5054:ff:fed1:1da2", -1, "mx1.freebsd.org", "ESMTPS",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.2", "TLSv1.2",
    "ECDHE-RSA-AES256-GCM-SHA384", 256, 256, "no-certificate",
    "Client did not present a certificate", "postfix", FALSE, "2015-07-06T09:01:20+00:00" },
  { "postfix-client-cert-not-verified",
    "from mail.example.org (mail.example.org [192.0.2.10])\t(using TLSv1.3 with cipher "
    "TLS_AES_256_GCM_SHA384 (256/256 bits)\t key-exchange X25519 server-signature RSA-PSS "
    "(2048 bits) server-digest SHA256)\t(Client CN \"mail.example.org\", Issuer \"R3\" (not "
    "verified))\t(Authenticated sender: user@example.org)\tby mx.example.net (Postfix) with "
    "ESMTPSA id 4XyzAbCdEf\tfor <\"x;y\"@example.net>; Mon, 21 Sep 2026 10:00:00 +0000 (UTC)",
    "mail.example.org", ANY, "mail.example.org", "192.0.2.10", -1, "mx.example.net", "ESMTPSA",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.3", ANY, "TLS_AES_256_GCM_SHA384",
    256, 256, "failed", "not verified", "postfix", TRUE, "2026-09-21T10:00:00+00:00" },
  { "postfix-client-cert-verified",
    "from mx.example.net (mx.example.net [198.51.100.2]) (using TLSv1.2 with cipher "
    "ECDHE-ECDSA-AES128-GCM-SHA256 (128/128 bits)) (Client CN \"mx.example.net\", Issuer \"R3\" "
    "(verified OK)) by mx.example.org (Postfix) with ESMTPS id 1A2B3C; "
    "Tue, 2 Jan 2024 03:04:05 +0100 (CET)",
    ANY, ANY, ANY, "198.51.100.2", -1, "mx.example.org", "ESMTPS", HL_TLS_STATE_ENCRYPTED,
    HL_EVIDENCE_TLS_CLAUSE, "TLS 1.2", "TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256", 128, 128,
    "verified", "verified OK", "postfix", FALSE, "2024-01-02T03:04:05+01:00" },
  { "postfix-userid",
    "by example.com (Postfix, from userid 1001) id 1234ABCD; Thu, 21 Aug 2014 12:12:48 +0200 (CEST)",
    NULL, NULL, NULL, NULL, -1, "example.com", NULL, HL_TLS_STATE_LOCAL, HL_EVIDENCE_LOCAL_PROGRAM,
    NULL, NULL, NULL, -1, -1, NULL, NULL, "postfix", FALSE, "2014-08-21T12:12:48+02:00" },
  { "postfix-loopback",
    "from localhost (localhost [127.0.0.1]) by box.example.org (Postfix) with ESMTP id 3F2A1B; "
    "Mon, 3 Mar 2025 08:00:02 +0000 (UTC)",
    "localhost", "localhost", "localhost", "127.0.0.1", -1, "box.example.org", "ESMTP",
    HL_TLS_STATE_LOCAL, HL_EVIDENCE_LOOPBACK, NULL, NULL, NULL, -1, -1, NULL, NULL, "postfix",
    FALSE, ANY },
  { "stalwart",
    "from mail.example.org (mail.example.org [192.0.2.5]) (using TLSv1.3 with cipher "
    "TLS13_AES_256_GCM_SHA384) by mx.example.com (Stalwart SMTP) with ESMTPS id 1234; "
    "Mon, 1 Jan 2024 00:00:00 +0000",
    ANY, ANY, ANY, "192.0.2.5", -1, "mx.example.com", "ESMTPS", HL_TLS_STATE_ENCRYPTED,
    HL_EVIDENCE_TLS_CLAUSE, "TLS 1.3", "TLSv1.3", "TLS13_AES_256_GCM_SHA384", -1, -1, NULL, NULL,
    "stalwart", FALSE, ANY },
  { "exim-new",
    "from mail.example.org ([192.0.2.10])\tby mx.example.net with esmtps (TLS1.3) tls "
    "TLS_AES_256_GCM_SHA384\t(Exim 4.96)\t(envelope-from <a@example.org>)\tid 1abcDE-000001-AB\t"
    "for user@example.net;\tMon, 21 Sep 2026 10:00:00 +0000",
    "mail.example.org", "mail.example.org", "mail.example.org", "192.0.2.10", -1,
    "mx.example.net", "esmtps", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.3",
    "TLS1.3", "TLS_AES_256_GCM_SHA384", -1, -1, NULL, NULL, "exim", FALSE, ANY },
  { "exim-old-gnutls",
    "from mail.example.org ([192.0.2.10] helo=claimed.example) by mx.example.net with esmtps "
    "(TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256) (Exim 4.92) (envelope-from <a@example.org>) "
    "id 1abcDE-000001-AB; Mon, 21 Sep 2026 10:00:00 +0000",
    "mail.example.org", "claimed.example", "mail.example.org", "192.0.2.10", -1,
    "mx.example.net", "esmtps", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.2",
    "TLS1.2", "ECDHE_RSA_AES_256_GCM_SHA384", 256, -1, NULL, NULL, "exim", FALSE, ANY },
  { "exim-old-openssl-port",
    "from smtp.spodhuis.org ([2a02:898:31:0:48:4558:736d:7470]:38689 helo=mx.spodhuis.org) by "
    "hummus.csx.cam.ac.uk with esmtpsa (TLSv1.3:TLS_AES_256_GCM_SHA384:256) (Exim 4.91-pdpfix1+cc) "
    "(envelope-from <xxx@exim.org>) id 1fZ55k-0006CO-9M for exim-dev@exim.org; Sat, 30 Jun 2018 "
    "02:54:24 +0100",
    "smtp.spodhuis.org", "mx.spodhuis.org", "smtp.spodhuis.org", "2a02:898:31:0:48:4558:736d:7470",
    38689, "hummus.csx.cam.ac.uk", "esmtpsa", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE,
    "TLS 1.3", "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, -1, NULL, NULL, "exim", TRUE,
    "2018-06-30T02:54:24+01:00" },
  { "exim-literal-helo-is-not-the-client",
    "from [192.0.2.66] (port=40000 helo=[203.0.113.5])\tby mx.example.net with esmtp (Exim 4.96)"
    "\t(envelope-from <ceo@bank.example>)\tid 1abcDE-000001-AB; Mon, 21 Sep 2026 10:00:00 +0000",
    "[192.0.2.66]", "[203.0.113.5]", NULL, "192.0.2.66", 40000, "mx.example.net", "esmtp",
    HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, "exim",
    FALSE, ANY },
  /* Found by fuzzing: ports of up to six digits were taken as they were. */
  { "exim-port-out-of-range",
    "from submit.example.org ([203.0.113.77]:515194 helo=[192.168.1.20]) by mx.example.net with "
    "esmtpsa (TLS1.3) tls TLS_AES_128_GCM_SHA256 (Exim 4.96) id 1tXaBc-000123-4d; Tue, 14 Jan "
    "2025 10:12:03 +0100",
    "submit.example.org", "[192.168.1.20]", "submit.example.org", "203.0.113.77", -1,
    "mx.example.net", "esmtpsa", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.3",
    "TLS1.3", "TLS_AES_128_GCM_SHA256", -1, -1, NULL, NULL, "exim", TRUE,
    "2025-01-14T10:12:03+01:00" },
  { "exim-port-key-out-of-range",
    "from [192.0.2.66] (port=99999 helo=[203.0.113.5]) by mx.example.net with esmtp (Exim 4.96) "
    "id 1abcDE-000001-AB; Mon, 21 Sep 2026 10:00:00 +0000",
    "[192.0.2.66]", "[203.0.113.5]", NULL, "192.0.2.66", -1, "mx.example.net", "esmtp",
    HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, "exim",
    FALSE, "2026-09-21T10:00:00+00:00" },
  { "exim-local",
    "from auth-user by mail.example.com with local (Exim 4.96) id 1pXYZ0-000ABC-De for "
    "admin@example.com; Thu, 20 Jun 2024 09:30:00 +0100",
    "auth-user", ANY, ANY, NULL, -1, "mail.example.com", "local", HL_TLS_STATE_LOCAL,
    HL_EVIDENCE_LOCAL_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, "exim", FALSE, ANY },
  { "microsoft-tls12",
    "from DM6PR11MB1234.namprd11.prod.outlook.com (2603:10b6:5:1b0::12) by "
    "SA1PR11MB5678.namprd11.prod.outlook.com (2603:10b6:806:22e::5) with Microsoft SMTP Server "
    "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7000.1; "
    "Mon, 21 Sep 2026 10:00:00 +0000",
    "DM6PR11MB1234.namprd11.prod.outlook.com", "DM6PR11MB1234.namprd11.prod.outlook.com", NULL,
    "2603:10b6:5:1b0::12", -1, "SA1PR11MB5678.namprd11.prod.outlook.com", "Microsoft SMTP Server",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.2", "TLS1_2",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", -1, -1, NULL, NULL, "microsoft", FALSE, ANY },
  { "microsoft-no-tls",
    "from vmta6.response.nfcu.org (199.204.166.217) by BN3NAM04FT003.mail.protection.outlook.com "
    "(10.152.92.112) with Microsoft SMTP Server id 15.20.696.11 via Frontend Transport; "
    "Sat, 21 Apr 2018 03:01:32 +0000",
    "vmta6.response.nfcu.org", ANY, NULL, "199.204.166.217", -1,
    "BN3NAM04FT003.mail.protection.outlook.com", "Microsoft SMTP Server",
    HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_DIALECT, NULL, NULL, NULL, -1, -1, NULL, NULL,
    "microsoft", FALSE, "2018-04-21T03:01:32+00:00" },
  { "microsoft-old-tls-marker",
    "from EXCH01.corp.example.com (10.0.0.5) by EXCH02.corp.example.com (10.0.0.6) with Microsoft "
    "SMTP Server (TLS) id 14.3.408.0; Tue, 5 Mar 2013 10:11:12 +0100",
    ANY, ANY, NULL, "10.0.0.5", -1, "EXCH02.corp.example.com", "Microsoft SMTP Server",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_VENDOR_MARKER, NULL, NULL, NULL, -1, -1, NULL, NULL,
    "microsoft", FALSE, ANY },
  { "microsoft-mapi",
    "from AM0PR01MB1234.eurprd01.prod.exchangelabs.com ([fe80::1]) by "
    "AM0PR01MB1234.eurprd01.prod.exchangelabs.com ([fe80::1%12]) with mapi id 15.20.1234.000; "
    "Tue, 5 Mar 2019 10:11:12 +0000",
    ANY, ANY, ANY, "fe80::1", -1, "AM0PR01MB1234.eurprd01.prod.exchangelabs.com", "mapi",
    HL_TLS_STATE_UNKNOWN, HL_EVIDENCE_NONE, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  { "microsoft-https",
    "from BN3NAM04HT205.eop-NAM04.prod.protection.outlook.com (2a01:111:e400:c418::34) by "
    "SN1PR16MB0494.namprd16.prod.outlook.com with HTTPS via SN1PR15CA0024.NAMPRD15.PROD.OUTLOOK.COM;"
    " Sat, 21 Apr 2018 03:01:33 +0000",
    ANY, ANY, NULL, "2a01:111:e400:c418::34", -1, "SN1PR16MB0494.namprd16.prod.outlook.com",
    "HTTPS", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL,
    ANY, FALSE, ANY },
  { "microsoft-unparenthesised",
    "from DM3NAM03FT035            by CY4PR0601CA0051.outlook.office365.com            with "
    "Microsoft SMTP Server version=TLS1_2, cipher=TLS            id 15.20.1185.23            via "
    "Frontend Transport; Mon, 1 Oct 2018 09:49:21 +0000",
    "DM3NAM03FT035", ANY, NULL, NULL, -1, "CY4PR0601CA0051.outlook.office365.com",
    "Microsoft SMTP Server", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.2", "TLS1_2",
    "TLS", -1, -1, NULL, NULL, "microsoft", FALSE, ANY },
  { "gmail-esmtps",
    "from EUR04-DB3-obe.outbound.protection.outlook.com (mail-oln040092074029.outbound.protection"
    ".outlook.com. [40.92.74.29])        by mx.google.com with ESMTPS id v11si2241830edr.99.2020."
    "09.25.10.19.07        for <inboobswetrusts1@gmail.com>        (version=TLS1_2 cipher=ECDHE-"
    "ECDSA-AES128-GCM-SHA256 bits=128/128);        Fri, 25 Sep 2020 10:19:07 -0700 (PDT)",
    "EUR04-DB3-obe.outbound.protection.outlook.com", ANY,
    "mail-oln040092074029.outbound.protection.outlook.com", "40.92.74.29", -1, "mx.google.com",
    "ESMTPS", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, "TLS 1.2", "TLS1_2",
    "ECDHE-ECDSA-AES128-GCM-SHA256", 128, 128, NULL, NULL, "gmail", FALSE,
    "2020-09-25T10:19:07-07:00" },
  { "gmail-transport-security",
    "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])        by "
    "mx.google.com with SMTPS id a640c23a62f3a-a9a1234567sor1234567.66.2026.09.21.03.00.00        "
    "for <user@example.net>        (Google Transport Security);        Mon, 21 Sep 2026 03:00:00 "
    "-0700 (PDT)",
    ANY, ANY, "mail-sor-f41.google.com", "209.85.220.41", -1, "mx.google.com", "SMTPS",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, "gmail",
    FALSE, ANY },
  { "gmail-internal-smtp",
    "by 2002:a19:c1cd:0:0:0:0:0 with SMTP id r196csp1333505lff;        Fri, 25 Sep 2020 10:19:08 "
    "-0700 (PDT)",
    NULL, NULL, NULL, NULL, -1, "2002:a19:c1cd:0:0:0:0:0", "SMTP", HL_TLS_STATE_UNENCRYPTED,
    HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  { "opensmtpd",
    "from mail.example.org (mail.example.org [192.0.2.7]) by mx.example.com (OpenSMTPD) with "
    "ESMTPS id 96f08978 (TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO) for <u@example.com>; "
    "Tue, 2 Jan 2024 10:00:00 +0000 (UTC)",
    ANY, ANY, ANY, "192.0.2.7", -1, "mx.example.com", "ESMTPS", HL_TLS_STATE_ENCRYPTED,
    HL_EVIDENCE_TLS_CLAUSE, "TLS 1.3", "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, -1,
    "no-certificate", "NO", "opensmtpd", FALSE, ANY },
  { "ironport",
    "from mail.partner.example ([192.0.2.88]) by esa1.example.iphmx.com with ESMTP/TLS/"
    "ECDHE-RSA-AES256-GCM-SHA384; 12 Mar 2024 08:00:00 -0400",
    ANY, ANY, ANY, "192.0.2.88", -1, "esa1.example.iphmx.com", "ESMTP", HL_TLS_STATE_ENCRYPTED,
    HL_EVIDENCE_TLS_CLAUSE, NULL, NULL, "ECDHE-RSA-AES256-GCM-SHA384", -1, -1, NULL, NULL,
    "ironport", FALSE, "2024-03-12T08:00:00-04:00" },
  { "qmail-tls",
    "from mail.example.org (HELO mail.example.org) (192.0.2.9) by mx.example.com with ESMTPS "
    "(AES128-GCM-SHA256 encrypted); 5 Feb 2024 10:00:00 -0000",
    "mail.example.org", "mail.example.org", "mail.example.org", "192.0.2.9", -1, "mx.example.com",
    "ESMTPS", HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, NULL, NULL, "AES128-GCM-SHA256", -1,
    -1, NULL, NULL, "qmail", FALSE, ANY },
  { "qmail-unknown-helo",
    "from unknown (HELO mail.example.org) (192.0.2.10)  by mx.example.net with SMTP; "
    "21 Sep 2026 10:00:00 -0000",
    "unknown", "mail.example.org", NULL, "192.0.2.10", -1, "mx.example.net", "SMTP",
    HL_TLS_STATE_UNENCRYPTED, HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY,
    FALSE, "2026-09-21T10:00:00+00:00" },
  { "qmail-invoked-by-uid",
    "(qmail 12345 invoked by uid 89); 24 Aug 2014 16:13:38 -0000",
    NULL, NULL, NULL, NULL, -1, NULL, NULL, HL_TLS_STATE_LOCAL, HL_EVIDENCE_LOCAL_PROGRAM, NULL,
    NULL, NULL, -1, -1, NULL, NULL, "qmail", FALSE, ANY },
  { "qmail-invoked-from-network",
    "(qmail 10876 invoked from network); 24 Aug 2014 16:13:38 -0000",
    NULL, NULL, NULL, NULL, -1, NULL, NULL, HL_TLS_STATE_LOCAL, HL_EVIDENCE_LOCAL_PROGRAM, NULL, NULL,
    NULL, -1, -1, NULL, NULL, "qmail", FALSE, ANY },
  { "courier",
    "from mail.example.org (mail.example.org [192.0.2.11]) (TLS: TLSv1/SSLv3,168bits,DES-CBC3-SHA)"
    " by mx.example.com with esmtp; Wed, 10 Jan 2007 08:15:30 -0500",
    ANY, ANY, "mail.example.org", "192.0.2.11", -1, "mx.example.com", "esmtp",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, NULL, "TLSv1/SSLv3", "DES-CBC3-SHA", 168, -1,
    NULL, NULL, "courier", FALSE, ANY },
  { "mimecast",
    "from mail.partner.example (mail.partner.example [192.0.2.99]) by relay.mimecast.com with "
    "ESMTP with STARTTLS (version=TLSv1.2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id "
    "us-mta-1-abc; Tue, 02 Jan 2024 10:00:00 -0500",
    ANY, ANY, ANY, "192.0.2.99", -1, "relay.mimecast.com", "ESMTP", HL_TLS_STATE_ENCRYPTED,
    HL_EVIDENCE_TLS_CLAUSE, "TLS 1.2", "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", -1, -1,
    NULL, NULL, "mimecast", FALSE, ANY },
  { "mimecast-using-tls",
    "from mail.partner.example (mail.partner.example [192.0.2.99]) by relay.mimecast.com with "
    "ESMTP (Using TLS) id abc; Tue, 02 Jan 2024 10:00:00 -0500",
    ANY, ANY, ANY, ANY, -1, "relay.mimecast.com", "ESMTP", HL_TLS_STATE_ENCRYPTED,
    HL_EVIDENCE_VENDOR_MARKER, NULL, NULL, NULL, -1, -1, NULL, NULL, "mimecast", FALSE, ANY },
  { "iis-smtpsvc-tls",
    "from mail.example.org ([192.0.2.12]) by smtp.example.com over TLS secured channel with "
    "Microsoft SMTPSVC(7.5.7601.17514); Mon, 4 Feb 2013 11:22:33 +0100",
    ANY, ANY, ANY, "192.0.2.12", -1, "smtp.example.com", "Microsoft SMTPSVC",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_VENDOR_MARKER, NULL, NULL, NULL, -1, -1, NULL, NULL, "iis",
    FALSE, ANY },
  { "haraka-cipher-only",
    "from mail-oi1-f179.google.com (mail-oi1-f179.google.com [209.85.167.179])\tby zonemx.eu "
    "(Haraka/2.8.25) with ESMTPS id B3C0198B-A390-42E9-9DDC-C57D8D207298.1\tenvelope-from "
    "<andris.reinman@gmail.com>\t(cipher=TLS_AES_256_GCM_SHA384);\tFri, 06 Nov 2020 12:20:14 +0000",
    ANY, ANY, "mail-oi1-f179.google.com", "209.85.167.179", -1, "zonemx.eu", "ESMTPS",
    HL_TLS_STATE_ENCRYPTED, HL_EVIDENCE_TLS_CLAUSE, NULL, NULL, "TLS_AES_256_GCM_SHA384", -1, -1,
    NULL, NULL, "haraka", FALSE, "2020-11-06T12:20:14+00:00" },
  { "haraka-authenticated",
    "from aaa.cn ([1.1.1.1]) by localhost.localdomain (Haraka/2.8.18) with ESMTPA id "
    "349C9C2B-491A-4925-A687-3EF14038C344.1 envelope-from <huxin@xxx.com> (authenticated bits=0); "
    "Tue, 03 Jul 2018 14:18:13 +0200",
    "aaa.cn", ANY, ANY, "1.1.1.1", -1, "localhost.localdomain", "ESMTPA", HL_TLS_STATE_UNENCRYPTED,
    HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, "haraka", TRUE, ANY },
  { "qmail-scanner",
    "from fyouizjnp@swissonline.ch by churchill by uid 64011 with qmail-scanner-1.22 "
    "(clamdscan: 0.75-1. spamassassin: 2.63.  Clear:RC:0(222.47.112.31):. Processed in 1.0 secs); "
    "28 Mar 2005 01:14:54 -0000",
    ANY, ANY, ANY, ANY, -1, "churchill", "qmail-scanner-1.22", HL_TLS_STATE_LOCAL,
    HL_EVIDENCE_LOCAL_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, ANY, FALSE, ANY },
  { "lmtp-delivery",
    "from mx.example.net (mx.example.net [2001:db8:10::25]) by mailbox.example.net (Postfix) with "
    "LMTPS id 4Q2xYz1234 for <alice@example.net>; Tue, 14 Jan 2025 09:12:07 +0000 (UTC)",
    ANY, ANY, ANY, "2001:db8:10::25", -1, "mailbox.example.net", "LMTPS", HL_TLS_STATE_ENCRYPTED,
    HL_EVIDENCE_PROTOCOL, NULL, NULL, NULL, -1, -1, NULL, NULL, "postfix", FALSE, ANY },

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
    g_error ("%s: %s: got “%s”, want “%s”", current_case, what, got ? got : "(null)", want ? want : "(null)");
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
        g_error ("no warning “%s” for: %s", w[i].code, w[i].raw);
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
  g_test_add_func ("/received/one-warning-per-code", test_one_warning_per_code);
  g_test_add_func ("/received/long-via", test_long_via);
  g_test_add_func ("/received/limits", test_limits);
  g_test_add_func ("/received/long-values", test_long_values);

  return g_test_run ();
}
