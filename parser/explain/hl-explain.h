/* hl-explain.h: plain-language explanations of what a Received field says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hl-received.h"
#include "core/hl-route.h"

G_BEGIN_DECLS

/**
 * HlExplanation:
 * @id: the explanation id, as in #HlToken's `explain` (e.g. `"verify.verified"`)
 * @title: a short, translated title (e.g. "Certificate verified")
 * @text: a translated explanation of a few sentences, plain text (no markup)
 *
 * Static storage; never freed. Translated with the locale in effect when the first
 * explanation is looked up.
 *
 * Ids, besides those tokens carry (`clause.from`, `with.esmtps`, `verify.verified`,
 * `marker.iis`, …): `token.<kind>` for hl_token_kind_to_string(), `state.<state>`,
 * `evidence.<evidence>`, `kind.<kind>`, `verdict.<verdict>`, `verify.<verify>` and
 * `verify.none`, `rating.<rating>` and `rating.none`, `reason.<id>` for every
 * #HlRatingReason id (`reason.cipher.3des`), `version.ssl2` … `version.tls13` and
 * `version.unknown` (hl_explain_version_id()), the parts of a cipher suite as
 * #HlCipherSuite names them, lower case with `_` written `-` (`cipher.kx.ecdhe`,
 * `cipher.auth.rsa`, `cipher.enc.3des`, `cipher.mode.ccm-8`, `cipher.mac.sha1`,
 * `cipher.fs.yes`, `cipher.fs.no`), and `admin.<enable|record|harden|require>.<postfix|
 * sendmail|exim|exchange>`, `admin.submission`, `admin.mta-sts-dane` for settings.
 */
typedef struct
{
  const char *id;
  const char *title;
  const char *text;
} HlExplanation;

/* Every id any token, state, kind, verdict, evidence, verify value, rating reason
 * or protocol can carry has an explanation; NULL only for ids Hoplock never uses. */
HL_AVAILABLE_IN_ALL
const HlExplanation *hl_explain_lookup      (const char          *id);

/* The whole lesson of one hop, each a few sentences of plain text. */
HL_AVAILABLE_IN_ALL
char                *hl_explain_hop_summary (HlReceived          *hop);   /* what happened on this hop */
HL_AVAILABLE_IN_ALL
char                *hl_explain_for_you     (HlReceived          *hop);   /* what this means for you */
HL_AVAILABLE_IN_ALL
char                *hl_explain_for_admin   (HlReceived          *hop);   /* what an administrator can do */
HL_AVAILABLE_IN_ALL
char                *hl_explain_cipher      (const HlCipherSuite *suite); /* the cipher taken apart, one part a line */

/* What the trace cannot prove, for any message; translated, static. */
HL_AVAILABLE_IN_ALL
const char          *hl_explain_caveats     (void);

/* `hoplock-cli explain WORD`: a cipher name, TLS version, verify value or with keyword.
 * Returns NULL if the word means nothing to Hoplock. */
HL_AVAILABLE_IN_ALL
char                *hl_explain_word        (const char          *word);

/* The explanation of `PREFIX.NAME` (e.g. "state" and hl_tls_state_to_string()),
 * without building the id. A NULL @name stands for the vocabulary's "none"
 * (hl_verify_to_string() and hl_rating_to_string() give NULL for it). */
HL_AVAILABLE_IN_ALL
const HlExplanation *hl_explain_lookup_in   (const char          *prefix,
                                             const char          *name);

/* The explanation id of a protocol version: "version.tls12", … "version.unknown". */
HL_AVAILABLE_IN_ALL
const char          *hl_explain_version_id  (HlTlsVersion         version);

/* The hop's rating and each of its reasons explained, one a paragraph; NULL if the
 * hop has no rating. */
HL_AVAILABLE_IN_ALL
char                *hl_explain_rating      (HlReceived          *hop);

/* @text (an explanation: paragraphs separated by blank lines, lines by "\n") made
 * terminal-safe and wrapped to @width columns, every line indented by @indent
 * spaces and the continuation of a line in a list (a paragraph of several lines)
 * by @indent + @hang. */
HL_AVAILABLE_IN_ALL
char                *hl_explain_wrap        (const char          *text,
                                             guint                width,
                                             guint                indent,
                                             guint                hang);

G_END_DECLS
