/* hl-dialect-private.h: what one MTA family writes, as data
 *
 * Every file in parser/dialects/ ends in one `const HlDialect hl_dialect_<file>`:
 * the family's id (the JSON "mta" field), its name, its with words, comment
 * recognisers, markers, software names and clause words. The walker in
 * hl-clauses.c and the recognisers in hl-comments.c read them all through the
 * table hl_dialects[], which the build generates from the folder's file names
 * (tools/gen-dialects.py). Nothing in core/ names a dialect.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hl-comments-private.h"

G_BEGIN_DECLS

typedef struct _HlDialect HlDialect;

/* The first letter (lower case) a comment may start with, for HlCommentRule.first. */
#define HL_FIRST(c) (1u << ((c) - 'a'))

/* When a comment recogniser runs among those of every dialect, lowest first;
 * the first that recognises a comment wins. Formats look alike across dialects
 * ("TLS:x" is an Exim tuple before it is Courier's "TLS: …"), so the more exact
 * reading goes first. The core's own recognisers sit at the named steps. */
enum {
  HL_ORDER_TLS_PAIRS = 10,      /* core: "version=… cipher=… bits=… verify=…" */
  HL_ORDER_USING = 20,          /* core: "using TLSv1.3 with cipher …" */
  HL_ORDER_TUPLE = 30,          /* "TLSv1.3:TLS_AES_256_GCM_SHA384:256" */
  HL_ORDER_VERSION = 40,        /* a TLS version alone: "TLS1.3" */
  HL_ORDER_TLS_PREFIX = 50,     /* "TLS: …" */
  HL_ORDER_CIPHER_WORD = 60,    /* "AES128-GCM-SHA256 encrypted" */
  HL_ORDER_CLIENT_CERT = 70,    /* the client certificate */
  HL_ORDER_MARKERS = 80,        /* core: every dialect's HlMarker rows */
  HL_ORDER_PROGRAM = 90,        /* a local program's own words */
  HL_ORDER_AUTH = 100,          /* core: "Authenticated sender: …" */
  HL_ORDER_ENVELOPE = 110,      /* core: "envelope-from …" */
  HL_ORDER_LOCAL_SENDER = 120,  /* core: "(from user@localhost)" */
  HL_ORDER_SOFTWARE = 130,      /* core: every dialect's HlSoftware rows */
};

/* A word and its length, for lists: { HL_WORD ("SMTP") }. */
typedef struct
{
  const char *word;
  gsize len;
} HlWordText;

/* A comment recogniser of a dialect (NULL recognise ends a list). */
typedef struct
{
  HlRecogniser recognise;
  guint32 first;      /* HL_FIRST ('t') | …: letters its comments start with; 0 any */
  guint order;        /* HL_ORDER_* */
} HlCommentRule;

/* A comment whose whole text (or start) is a dialect's sign (NULL text ends a list). */
typedef struct
{
  const char *text;
  const char *explain;     /* the token's explanation id */
  const char *software;    /* the server's software this sign implies, or NULL */
  guint local : 1;         /* a sign of a local hop, not of TLS */
  guint prefix : 1;        /* the comment starts with the text */
} HlMarker;

/* The receiving server's software in a comment after by (NULL name and matches
 * end a list). A name matches at the comment's start, followed by no letter or
 * digit, and names the dialect over any other sign; matches() is a test of its
 * own, for software written without its name, and names it only if nothing has. */
typedef struct
{
  const char *name;
  gsize len;
  gboolean (*matches) (HlReceived *self,
                       HlSpan      comment);
  guint in_with : 1;       /* may stand after the with clause too */
} HlSoftware;

/* Where the clause walker hands a word to a dialect. */
typedef enum
{
  HL_AT_WITH_VALUE,   /* the with clause's value; the hook may widen it over the next words */
  HL_AT_WITH_AGAIN,   /* a second with value: "with ESMTP with STARTTLS" */
  HL_AT_WITH_REST,    /* what follows the first '/' of a with value: "ESMTP/TLS/…" */
  HL_AT_WORD,         /* a word that is no keyword and no value */
} HlWordPlace;

/* What a clause word's hook sees and may change. */
typedef struct
{
  HlReceived *self;
  const HlLex *toks;
  guint index;             /* the word's token */
  guint end;               /* tokens before the date */
  HlClause clause;
  HlSpan value;            /* the word; HL_AT_WITH_VALUE: the value, which the hook may widen */
  guint consumed;          /* out: tokens read after the word */
  gboolean want_cipher;    /* out: the next word is a cipher name */
} HlWordContext;

typedef gboolean (*HlWordHook) (HlWordContext *ctx);

/* Widens ctx->value over the atoms after it that are one of @words (ended by a
 * NULL word), case-insensitively; returns the set (1 << index) of those it took. */
guint32 hl_word_context_widen (HlWordContext    *ctx,
                               const HlWordText *words);

/* A word of a clause that means something in one dialect (NULL hook ends a list).
 * The hook runs when the word (case-insensitively; NULL any) stands at @place in
 * @clause (HL_CLAUSE_NONE: any); it returns TRUE if it read the word. */
typedef struct
{
  HlWordPlace place;
  HlClause clause;
  const char *word;
  gsize len;
  HlWordHook hook;
} HlClauseWord;

struct _HlDialect
{
  /* The id in reports ("postfix"), or NULL for the words every server may write,
   * which name no dialect. */
  const char *id;
  /* The name a person reads ("Postfix"), marked for translation. */
  const char *name;

  /* Each list ends in a zeroed row; NULL for none. */
  const HlProtocol *protocols;          /* with words: explained, and read by the TLS rules */
  const HlCommentRule *comments;        /* comment recognisers */
  const HlMarker *markers;
  const HlSoftware *software;
  const HlClauseWord *words;            /* vendor words in clauses */
  /* with words that name a hand-off inside one machine: the word alone, or
   * followed by '-' ("local", "local-esmtp", "qmail-scanner-1.22") */
  const HlWordText *local_with;

  const char *const *with_prefixes;     /* with values that start so, case and all, are ours */
  const char *const *by_host_suffixes;  /* by hosts that end so are ours, if nothing else said */
  const char *const *tls_pair_keys;     /* a "version=…"/"cipher=…" comment with all of these keys */
  const char *using_cipher_prefix;      /* a cipher in "using … with cipher" that starts so */

  /* "from RDNS ([IP] helo=HELO)": the name after from is the one the server
   * looked up, and "helo=" or "port=" in the TCP information means this dialect. */
  guint from_rdns_first : 1;
  /* It always records TLS when used: a hop it wrote without TLS was in clear text. */
  guint records_tls : 1;
};

/* Every dialect, in the order of their file names; generated by the build. */
extern const HlDialect *const hl_dialects[];
extern const guint hl_n_dialects;

/* Sets the dialect that wrote @self, unless one is set already or @dialect names none. */
void              hl_set_dialect          (HlReceived      *self,
                                           const HlDialect *dialect);
/* The same, whatever was set before: the software's own name says most. */
void              hl_force_dialect        (HlReceived      *self,
                                           const HlDialect *dialect);

/* The rows of every dialect, flattened once, each with its dialect. */
typedef struct
{
  const void *row;             /* an HlMarker, HlSoftware or HlClauseWord */
  const HlDialect *dialect;
} HlDialectRow;

/* Letters a-z, then one bucket for anything else. */
#define HL_N_BUCKETS 27

static inline guint
hl_bucket_of (char c)
{
  c = hl_ascii_lower (c);
  return c >= 'a' && c <= 'z' ? (guint) (c - 'a') : HL_N_BUCKETS - 1;
}

typedef struct
{
  /* The comment recognisers (the core's and the dialects') that may read a
   * comment starting with each letter, in their order; NULL-ended lists. */
  const HlRecogniser *comments[HL_N_BUCKETS];
  const HlDialectRow *markers;
  guint n_markers;
  /* Software names by their first letter, and the tests of their own. */
  const HlDialectRow *software[HL_N_BUCKETS];
  guint n_software[HL_N_BUCKETS];
  const HlDialectRow *software_tests;
  guint n_software_tests;
  /* With words that match whole, the standard's first; then those that match
   * by their start. */
  const HlProtocol *protocols;
  guint n_protocols;
  const HlProtocol *protocol_prefixes;
  guint n_protocol_prefixes;
  const HlDialectRow *words[HL_AT_WORD + 1];
  guint n_words[HL_AT_WORD + 1];
  guint32 words_first[HL_AT_WORD + 1];   /* HL_FIRST () of the words at each place; 0: any */
  const HlWordText *local_with;
  guint n_local_with;
  /* Dialects with with_prefixes, by_host_suffixes, tls_pair_keys, using_cipher_prefix */
  const HlDialect *const *with_prefixed;
  guint n_with_prefixed;
  const HlDialect *const *by_host_suffixed;
  guint n_by_host_suffixed;
  const HlDialect *const *pair_keyed;
  guint n_pair_keyed;
  const HlDialect *const *cipher_prefixed;
  guint n_cipher_prefixed;
  const HlDialect *rdns_first;                /* the one with from_rdns_first */
} HlDialectTables;

/* The core's own comment recognisers (hl-comments.c), ended by a zeroed row. */
extern const HlCommentRule hl_core_comment_rules[];

extern const HlDialectTables *hl_dialect_tables_built;
const HlDialectTables *hl_dialect_tables_build (void);

/* The tables, built on first use. */
static inline const HlDialectTables *
hl_dialect_tables (void)
{
  const HlDialectTables *t = g_atomic_pointer_get (&hl_dialect_tables_built);

  return G_LIKELY (t != NULL) ? t : hl_dialect_tables_build ();
}

G_END_DECLS
