/* hl-explain-private.h: the explanation texts and the ids the parser hands out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "explain/hl-explain.h"

G_BEGIN_DECLS

/* Every explanation, untranslated (marked with N_()); hl_explain_lookup()
 * translates them. Ids are unique. */
extern const HlExplanation hl_explain_texts[];
extern const guint hl_explain_n_texts;

/* Every explanation id the clause walker (hl-clauses.c) and the comment
 * recognisers (hl-comments.c) put on tokens. Those files build their ids in
 * static tables and code paths; this list is what tests/explain.c holds them
 * to: each id here must have a text, and each id a parsed field carries must
 * be here. A new id in the parser needs a row here and a text. */
extern const char *const hl_explain_parser_ids[];
extern const guint hl_explain_n_parser_ids;

/* A certificate-verification result as a server writes it. */
typedef struct
{
  const char *word;       /* as written, compared case-insensitively */
  HlVerify verify;
  const char *writers;    /* who writes it, for the explanation */
} HlExplainVerifyWord;

extern const HlExplainVerifyWord hl_explain_verify_words[];
extern const guint hl_explain_n_verify_words;

G_END_DECLS
