/* hl-explain.h: plain-language explanations of what a Received field says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-received.h"
#include "hl-route.h"

G_BEGIN_DECLS

/**
 * HlExplanation:
 * @id: the explanation id, as in #HlToken's `explain` (e.g. `"verify.verified"`)
 * @title: a short, translated title (e.g. "Certificate verified")
 * @text: a translated explanation of a few sentences, plain text (no markup)
 *
 * Static storage; never freed.
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

G_END_DECLS
