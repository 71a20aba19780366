/* hl-clauses.c: walk the tokens of a Received field clause by clause
 *
 * RFC 5321 gives an order (from, by, via, with, id, for, then "; date"), real
 * servers do not keep it: clauses come in any order, repeat or are missing, words
 * follow values, and the date may have no ';'. The walker reads keywords
 * case-insensitively, takes the first value of each clause, hands comments to the
 * recognisers, and decides afterwards what the from clause's names mean, because
 * that depends on the dialect (Postfix "from HELO (RDNS [IP])", Exim
 * "from RDNS ([IP] helo=HELO)", qmail "from RDNS (HELO name) (IP)").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-dialect-private.h"

/* Explanation ids of the with keywords, so each protocol explains itself. */
static const char *
protocol_explain (const char *word)
{
  const HlProtocol *p;

  if (word == NULL)   /* not kept: the arena of values was used up */
    return "with.other";
  p = hl_protocol_lookup (word, strlen (word));

  if (p != NULL)
    return p->explain;
  return "with.other";
}

typedef struct _Keyword Keyword;

typedef struct
{
  HlReceived *self;
  const HlLex *toks;
  guint n;
  guint end;               /* tokens before the date */
  HlClause clause;
  const Keyword *keyword;  /* the clause's keyword, whose row reads its value */
  gboolean want_value;
  gboolean want_cipher;    /* a dialect said the next word is the cipher ("tls CIPHER") */
  HlSpan from_value;
  HlSpan bare_literal;
  HlTcpInfo tcp;
  gboolean have_tcp;
  gboolean date_done;
  guint32 seen;            /* clauses that had a keyword */
  guint last_tcp;          /* token index of the server's own TCP information, or G_MAXUINT */
  gboolean by_done;        /* the by clause had its value, even one that was refused */
  /* TCP information read while looking for the last one, kept so comment()
   * need not read it again */
  guint n_tcp;
  guint tcp_index[4];
  HlTcpInfo tcp_cache[4];
  /* per token: 1 + its index in keywords[], or 0 */
  guint8 keyword_of[HL_MAX_TOKENS];
} Walk;

static HlSpan
lex_span (const HlLex *t)
{
  HlSpan s = { t->off, t->len };

  return s;
}

/* The inside of <…>, […] or "…". */
static HlSpan
unwrap (const HlLex *t)
{
  HlSpan s = { t->off, t->len };

  if ((t->type == HL_LEX_ANGLE || t->type == HL_LEX_QUOTED) && s.len >= 2)
    {
      s.off++;
      s.len -= 2;
    }
  return s;
}

static gboolean
is_literal_ip (HlReceived *self,
               HlSpan      w,
               char       *out,
               gsize       out_size)
{
  const char *s = self->raw + w.off;

  if (w.len < 3 || s[0] != '[' || s[w.len - 1] != ']')
    return FALSE;
  return hl_ip_normalize (s + 1, w.len - 2, out, out_size, NULL);
}

static void
set_date (Walk       *w,
          gsize       start,
          gboolean    after_semicolon)
{
  HlReceived *self = w->self;
  const char *s = self->raw;
  gsize len = self->raw_len;
  gint64 t;
  int off;
  gsize consumed = 0;
  guint flags = 0;

  while (start < len && hl_is_space (s[start]))
    start++;
  if (start >= len)
    {
      hl_received_add_warning (self, "no-date", len, 0,
                               N_("The field has no date, so its time and delay are unknown."));
      return;
    }

  if (!hl_date_parse (s + start, len - start, &t, &off, &consumed, &flags))
    {
      if (flags & HL_DATE_FLAG_OUT_OF_RANGE)
        hl_received_add_warning (self, "date-out-of-range", start, len - start,
                                 N_("The date has a year, day, time or zone that cannot be right."));
      else if (after_semicolon)
        hl_received_add_warning (self, "bad-date", start, len - start,
                                 N_("The date after the last “;” could not be read."));
      return;
    }

  self->has_date = TRUE;
  self->date_unix = t;
  self->date_offset = off;
  w->date_done = TRUE;
  hl_received_add_token (self, start, consumed, HL_TOKEN_DATE, "date");

  if (!after_semicolon)
    hl_received_add_warning (self, "date-no-semicolon", start, consumed,
                             N_("The date is not set off with “;” as the standard asks."));
  if (flags & HL_DATE_FLAG_NO_ZONE)
    hl_received_add_warning (self, "date-no-zone", start, consumed,
                             N_("The date has no time zone; UTC was assumed."));
  if (flags & HL_DATE_FLAG_TWO_DIGIT_YEAR)
    hl_received_add_warning (self, "date-two-digit-year", start, consumed,
                             N_("The date has a two-digit year."));
}

/* An atom that could start a date when no ';' announced one. */
static gboolean
starts_date (const char *s,
             gsize       len)
{
  static const char *const names[] = {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may",
    "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };

  if (len == 0)
    return FALSE;
  if (g_ascii_isdigit (s[0]))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (len >= 3 && g_ascii_strncasecmp (s, names[i], 3) == 0
        && (len == 3 || !g_ascii_isalpha (s[3]) || len > 4))
      return TRUE;
  return FALSE;
}

/* Widens ctx->value over the atoms after it that are one of @words,
 * case-insensitively: "Microsoft" → "Microsoft SMTP Server". */
guint32
hl_word_context_widen (HlWordContext    *ctx,
                       const HlWordText *words)
{
  const char *s = ctx->self->raw;
  guint i = ctx->index;
  guint32 taken = 0;

  while (i + 1 < ctx->end && ctx->toks[i + 1].type == HL_LEX_ATOM)
    {
      const HlLex *next = &ctx->toks[i + 1];
      guint k;

      for (k = 0; words[k].word != NULL; k++)
        if (hl_span_equal_n (s + next->off, next->len, words[k].word, words[k].len))
          break;
      if (words[k].word == NULL)
        break;
      taken |= 1u << k;
      i++;
      ctx->value.len = next->off + next->len - ctx->value.off;
      ctx->consumed++;
    }
  return taken;
}

/* Hands the word at token @index to the dialects that read it at @place;
 * returns TRUE, with what the hook made of it in @ctx, if one did. */
static gboolean
dialect_words (Walk          *w,
               HlWordPlace    place,
               guint          index,
               HlSpan         v,
               HlWordContext *ctx,
               const HlDialect **dialect)
{
  const HlDialectTables *tables = hl_dialect_tables ();
  const char *s = w->self->raw;
  guint32 first = tables->words_first[place];

  if (first != 0)
    {
      guint b = v.len > 0 ? hl_bucket_of (s[v.off]) : HL_N_BUCKETS - 1;

      if (b == HL_N_BUCKETS - 1 || (first & HL_FIRST ('a' + b)) == 0)
        return FALSE;
    }
  for (guint k = 0; k < tables->n_words[place]; k++)
    {
      const HlClauseWord *cw = tables->words[place][k].row;

      if (cw->clause != HL_CLAUSE_NONE && cw->clause != w->clause)
        continue;
      if (cw->word != NULL && !hl_span_equal_n (s + v.off, v.len, cw->word, cw->len))
        continue;
      *ctx = (HlWordContext) { w->self, w->toks, index, w->end, w->clause, v, 0, FALSE };
      if (cw->hook (ctx))
        {
          if (dialect != NULL)
            *dialect = tables->words[place][k].dialect;
          return TRUE;
        }
    }
  return FALSE;
}

static void
take_from (Walk        *w,
           const HlLex *t)
{
  HlReceived *self = w->self;

  if (self->from_name == NULL)
    {
      w->from_value = lex_span (t);
      self->from_name = hl_received_intern_span (self, w->from_value);
    }
}

static void
take_by (Walk        *w,
         const HlLex *t)
{
  HlReceived *self = w->self;
  const char *s = self->raw;
  HlSpan v = lex_span (t);

  /* "by x@example with gg login by AOL 6.0": only the first by names the host. */
  if (w->by_done)
    return;
  w->by_done = TRUE;
  if (memchr (s + v.off, '@', v.len) != NULL || t->type == HL_LEX_ANGLE)
    {
      hl_received_add_warning (self, "by-not-a-host", v.off, v.len,
                               N_("The by clause names something that is not a host."));
      return;
    }
  if (v.len > 1 && s[v.off + v.len - 1] == '.')
    v.len--;
  self->by_host = hl_received_intern_span (self, v);
  hl_received_add_token (self, v.off, v.len, HL_TOKEN_BY_HOST, "by.host");
}

/* Whether @s starts with @prefix, case and all. */
static inline gboolean
has_prefix (const char *s,
            const char *prefix)
{
  for (; *prefix != '\0'; s++, prefix++)
    if (*s != *prefix)
      return FALSE;
  return TRUE;
}

static void
take_with (Walk        *w,
           const HlLex *t)
{
  HlReceived *self = w->self;
  const char *s = self->raw;
  const HlDialectTables *tables;
  HlSpan v = lex_span (t);
  guint index = t - w->toks;
  const HlDialect *dialect = NULL;
  HlWordContext ctx;

  if (self->with != NULL)
    {
      /* A second value, a dialect's word: "with ESMTP with STARTTLS" */
      dialect_words (w, HL_AT_WITH_AGAIN, index, v, &ctx, NULL);
      return;
    }
  {
    const char *slash = memchr (s + v.off, '/', v.len);

    if (slash != NULL && t->type == HL_LEX_ATOM)
      {
        /* "ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384": the protocol, then what a
         * dialect writes after it */
        HlSpan proto = { v.off, slash - (s + v.off) };
        HlSpan rest = { proto.off + proto.len + 1, v.len - proto.len - 1 };

        self->with = hl_received_intern_span (self, proto);
        hl_received_add_token (self, proto.off, proto.len, HL_TOKEN_PROTOCOL,
                               protocol_explain (self->with));
        dialect_words (w, HL_AT_WITH_REST, index, rest, &ctx, NULL);
        return;
      }
  }
  /* A dialect's own value, perhaps of several words: "Microsoft SMTP Server" */
  if (dialect_words (w, HL_AT_WITH_VALUE, index, v, &ctx, &dialect))
    {
      v = ctx.value;
      if (dialect->records_tls)
        self->dialect_records_tls = TRUE;
    }
  self->with = hl_received_intern_span (self, v);
  hl_received_add_token (self, v.off, v.len, HL_TOKEN_PROTOCOL, protocol_explain (self->with));
  /* A dialect that writes its protocol names in a case of its own ("esmtps"). */
  if (self->with == NULL)
    return;
  tables = hl_dialect_tables ();
  for (guint d = 0; d < tables->n_with_prefixed; d++)
    for (const char *const *p = tables->with_prefixed[d]->with_prefixes; *p != NULL; p++)
      if (has_prefix (self->with, *p))
        {
          hl_set_dialect (self, tables->with_prefixed[d]);
          return;
        }
}

static void
take_id (Walk        *w,
         const HlLex *t)
{
  HlReceived *self = w->self;
  HlSpan v;

  if (self->id == NULL)
    {
      v = unwrap (t);
      self->id = hl_received_intern_span (self, v);
      hl_received_add_token (self, v.off, v.len, HL_TOKEN_ID, "value.id");
    }
}

static void
take_for (Walk        *w,
          const HlLex *t)
{
  HlReceived *self = w->self;

  if (self->for_ == NULL)
    {
      self->for_ = hl_received_intern_span (self, unwrap (t));
      hl_received_add_token (self, t->off, t->len, HL_TOKEN_FOR, "value.for");
    }
}

static void
take_via (Walk        *w,
          const HlLex *t)
{
  HlReceived *self = w->self;
  HlSpan v = lex_span (t);

  if (self->via == NULL)
    {
      self->via = hl_received_intern_span (self, v);
      hl_received_add_token (self, v.off, v.len, HL_TOKEN_VIA, "value.via");
    }
}

static void
take_envelope_from (Walk        *w,
                    const HlLex *t)
{
  HlReceived *self = w->self;

  if (self->envelope_from == NULL)
    {
      self->envelope_from = hl_received_intern_span (self, unwrap (t));
      hl_received_add_token (self, t->off, t->len, HL_TOKEN_ENVELOPE_FROM, "value.envelope-from");
    }
}

/* The clause keywords, case-insensitive, each with the handler of its value
 * (the first word after it); RFC 5321's and the envelope's. */
struct _Keyword
{
  const char *word;
  gsize len;
  HlClause clause;
  const char *explain;
  void (*take) (Walk        *w,
                const HlLex *t);
};

static const Keyword keywords[] = {
  { HL_WORD ("from"), HL_CLAUSE_FROM, "clause.from", take_from },
  { HL_WORD ("by"), HL_CLAUSE_BY, "clause.by", take_by },
  { HL_WORD ("via"), HL_CLAUSE_VIA, "clause.via", take_via },
  { HL_WORD ("with"), HL_CLAUSE_WITH, "clause.with", take_with },
  { HL_WORD ("id"), HL_CLAUSE_ID, "clause.id", take_id },
  { HL_WORD ("for"), HL_CLAUSE_FOR, "clause.for", take_for },
  { HL_WORD ("envelope-from"), HL_CLAUSE_ENVELOPE_FROM, "clause.envelope-from", take_envelope_from },
  { HL_WORD ("envelope-sender"), HL_CLAUSE_ENVELOPE_FROM, "clause.envelope-from", take_envelope_from },
};

static const Keyword *
find_keyword (const char *s,
              gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (hl_span_equal_n (s, len, keywords[i].word, keywords[i].len))
      return &keywords[i];
  return NULL;
}

static void
take_value (Walk        *w,
            const HlLex *t)
{
  w->want_value = FALSE;
  if (w->keyword != NULL)
    w->keyword->take (w, t);
}

/* Grows @old, the value of raw[@first, @first + @old_len), to raw[@first, @first + @len),
 * in place when it is the last value in the arena. Copying the whole value again
 * for every word ("via Frontend Transport …") took time quadratic in the field
 * and used the arena up, after which the values read later were lost. */
static const char *
grow_value (HlReceived *self,
            const char *old,
            gsize       old_len,
            gsize       first,
            gsize       len)
{
  char *end = self->arena + self->arena_used;

  if (old != NULL && old_len > HL_MAX_VALUE_LENGTH)
    return old;   /* already cut to the limit */
  if (old != NULL && len >= old_len && len <= HL_MAX_VALUE_LENGTH && old + old_len + 1 == end
      && self->arena_used + (len - old_len) <= self->arena_len)
    {
      memcpy (end - 1, self->raw + first + old_len, len - old_len);
      end[len - old_len - 1] = '\0';
      self->arena_used += len - old_len;
      return old;
    }
  return hl_received_intern (self, self->raw + first, len);
}

/* A word that is no keyword and no value: follow-on words, vendor phrases, a date
 * without ';'. Returns the number of extra tokens consumed. */
static guint
extra_atom (Walk        *w,
            guint        i)
{
  HlReceived *self = w->self;
  const char *s = self->raw;
  const HlLex *t = &w->toks[i];
  HlSpan v = lex_span (t);

  if (w->want_cipher)
    {
      w->want_cipher = FALSE;
      hl_record_cipher (self, v);
      return 0;
    }

  /* A dialect's words: "tls CIPHER", "over TLS secured channel" */
  {
    HlWordContext ctx;

    if (dialect_words (w, HL_AT_WORD, i, v, &ctx, NULL))
      {
        if (ctx.want_cipher)
          w->want_cipher = TRUE;
        return ctx.consumed;
      }
  }

  /* Microsoft without parentheses: "version=TLS1_2, cipher=TLS_…" */
  if (v.len > 7 && (g_ascii_strncasecmp (s + v.off, "version=", 8) == 0
                    || g_ascii_strncasecmp (s + v.off, "cipher=", 7) == 0))
    {
      hl_recognise_tls_pairs (self, v.off, v.len, w->clause);
      return 0;
    }

  switch (w->clause)
    {
    case HL_CLAUSE_BY:
      /* "by host.example Postfix with …": a name that follows the host */
      if (self->by_host != NULL && self->by_software == NULL && g_ascii_isalpha (s[v.off])
          && !starts_date (s + v.off, v.len))
        {
          self->by_software = hl_received_intern_span (self, v);
          hl_received_add_token (self, v.off, v.len, HL_TOKEN_SOFTWARE, "by.software");
          return 0;
        }
      break;

    case HL_CLAUSE_VIA:
      /* "via Frontend Transport" */
      if (self->via != NULL && g_ascii_isalpha (s[v.off]) && !starts_date (s + v.off, v.len))
        {
          gsize first = 0, old_len = 0;
          gboolean found = FALSE;

          for (guint k = 0; k < self->n_tokens; k++)
            {
              HlToken *tk = &self->tokens[k];

              if (tk->kind == HL_TOKEN_VIA)
                {
                  first = tk->offset;
                  old_len = tk->length;
                  tk->length = v.off + v.len - first;
                  found = TRUE;
                }
            }
          self->via = found ? grow_value (self, self->via, old_len, first, v.off + v.len - first)
                            : hl_received_intern (self, s + first, v.off + v.len - first);
          return 0;
        }
      break;

    default:
      break;
    }

  /* A date with no ';' before it. */
  if (!w->date_done && w->end == w->n && starts_date (s + v.off, v.len))
    {
      set_date (w, v.off, FALSE);
      if (w->date_done)
        return w->n - i;   /* the rest is the date */
    }

  return 0;
}

/* Finds the keywords, and the server's own TCP information.
 *
 * The server writes its TCP information after the name the client gave; comments in
 * the from clause before the last one may be part of a forged HELO, e.g.
 * "from x (a [6.6.6.6]) (using TLS) (unknown [192.0.2.1]) by …". */
static void
find_last_tcp_info (Walk *w)
{
  HlClause clause = HL_CLAUSE_NONE;
  HlTcpInfo info;

  w->last_tcp = G_MAXUINT;
  for (guint i = 0; i < w->end; i++)
    {
      const HlLex *t = &w->toks[i];
      const Keyword *kw;

      w->keyword_of[i] = 0;
      if (t->type == HL_LEX_ATOM && (kw = find_keyword (w->self->raw + t->off, t->len)) != NULL)
        {
          clause = kw->clause;
          w->keyword_of[i] = 1 + (kw - keywords);
        }
      else if (t->type == HL_LEX_COMMENT && clause == HL_CLAUSE_FROM
               && hl_recognise_tcp_info (w->self, t->off + 1, t->len - 2, clause, &info))
        {
          w->last_tcp = i;
          if (w->n_tcp < G_N_ELEMENTS (w->tcp_index))
            {
              w->tcp_index[w->n_tcp] = i;
              w->tcp_cache[w->n_tcp++] = info;
            }
        }
    }
}

/* Is the comment at token @index TCP information? Reads it from the cache. */
static gboolean
tcp_info_at (Walk      *w,
             guint      index,
             HlTcpInfo *info)
{
  const HlLex *t = &w->toks[index];

  for (guint k = 0; k < w->n_tcp; k++)
    if (w->tcp_index[k] == index)
      {
        *info = w->tcp_cache[k];
        return TRUE;
      }
  /* Not in the cache: none (the common case), or one of too many to keep. */
  if (w->n_tcp < G_N_ELEMENTS (w->tcp_index))
    return FALSE;
  return hl_recognise_tcp_info (w->self, t->off + 1, t->len - 2, HL_CLAUSE_FROM, info);
}

static void
comment (Walk        *w,
         const HlLex *t)
{
  HlReceived *self = w->self;
  gsize off = t->off + 1, len = t->len - 2;
  HlTcpInfo info;
  guint index = t - w->toks;

  if (w->clause == HL_CLAUSE_FROM && w->last_tcp != G_MAXUINT && index < w->last_tcp
      && !tcp_info_at (w, index, &info))
    {
      hl_received_add_warning (self, "helo-with-comments", t->off, t->len,
                               N_("The name the client gave contains comments; they are not trusted."));
      hl_received_add_token (self, t->off, t->len, HL_TOKEN_COMMENT, "comment.untrusted");
      return;
    }

  if (w->clause == HL_CLAUSE_FROM && tcp_info_at (w, index, &info))
    {
      /* What a later comment says wins: the server writes its own after whatever the
       * client said. qmail splits it over two comments: "(HELO name) (IP)". */
      if (!w->have_tcp)
        w->tcp = info;
      else
        {
          if (info.ip.len > 0)
            {
              w->tcp.ip = info.ip;
              memcpy (w->tcp.ip_text, info.ip_text, sizeof info.ip_text);
              w->tcp.port = info.port;
              w->tcp.port_span = info.port_span;
            }
          if (info.helo.len > 0)
            {
              w->tcp.helo = info.helo;
              w->tcp.helo_key = info.helo_key;
            }
          if (info.rdns.len > 0 || info.unknown)
            {
              w->tcp.rdns = info.rdns;
              w->tcp.unknown = info.unknown;
            }
          if (info.forged.len > 0)
            w->tcp.forged = info.forged;
          w->tcp.keyed |= info.keyed;
        }
      w->have_tcp = TRUE;
      return;
    }
  if (!hl_recognise_comment (self, off, len, w->clause))
    hl_received_add_token (self, t->off, t->len, HL_TOKEN_COMMENT, "comment");
}

static gboolean
exim_layout (Walk *w)
{
  HlReceived *self = w->self;

  if (w->tcp.keyed)
    return TRUE;
  if (w->tcp.rdns.len > 0 || w->tcp.unknown || w->tcp.helo_key.len > 0)
    return FALSE;
  /* "from host ([IP])" from a dialect known to write the looked-up name first */
  return self->dialect != NULL && self->dialect->from_rdns_first
         && self->raw[w->tcp.ip.off - 1] == '[';
}

/* Decides what the names of the from clause are, now that the dialect is known. */
static void
resolve_from (Walk *w)
{
  HlReceived *self = w->self;
  const char *s = self->raw;
  char ip[64];
  HlSpan fv = w->from_value;
  gboolean fv_literal = fv.len > 0 && is_literal_ip (self, fv, ip, sizeof ip);
  HlTcpInfo *tcp = &w->tcp;

  if (fv.len == 0 && !w->have_tcp)
    return;

  if (w->have_tcp && exim_layout (w))
    {
      if (fv.len > 0 && !fv_literal)
        {
          self->from_rdns = self->from_name;
          hl_received_add_token (self, fv.off, fv.len, HL_TOKEN_RDNS, "from.rdns");
        }
      else if (fv.len > 0)
        hl_received_add_token (self, fv.off, fv.len, HL_TOKEN_IP, "from.ip");
      if (tcp->helo.len > 0)
        self->from_helo = hl_received_intern_span (self, tcp->helo);
      else if (!fv_literal)
        self->from_helo = self->from_name;
      if (tcp->ip.len > 0)
        self->from_ip = hl_received_intern (self, tcp->ip_text, strlen (tcp->ip_text));
      else if (fv_literal)
        self->from_ip = hl_received_intern (self, ip, strlen (ip));
      hl_set_dialect (self, hl_dialect_tables ()->rdns_first);
    }
  else if (w->have_tcp && tcp->helo_key.len > 0)
    {
      /* qmail: "from RDNS (HELO name) (IP)" — but the HELO and the IP are often in
       * two comments; the IP comes from the last that had one. */
      if (fv_literal)
        hl_received_add_token (self, fv.off, fv.len, HL_TOKEN_IP, "from.ip");
      else if (fv.len > 0 && !hl_span_equal (s + fv.off, fv.len, "unknown"))
        {
          self->from_rdns = self->from_name;
          hl_received_add_token (self, fv.off, fv.len, HL_TOKEN_RDNS, "from.rdns");
        }
      self->from_helo = hl_received_intern_span (self, tcp->helo);
      if (tcp->ip.len > 0)
        self->from_ip = hl_received_intern (self, tcp->ip_text, strlen (tcp->ip_text));
      else if (fv_literal)
        self->from_ip = hl_received_intern (self, ip, strlen (ip));
    }
  else
    {
      /* Postfix, Sendmail, Microsoft and most others: "from HELO (RDNS [IP])". */
      if (fv.len > 0)
        {
          self->from_helo = self->from_name;
          hl_received_add_token (self, fv.off, fv.len, HL_TOKEN_HELO, "from.helo");
        }
      if (w->have_tcp && tcp->rdns.len > 0 && !tcp->unknown)
        {
          HlSpan r = tcp->rdns;
          const char *at = memchr (s + r.off, '@', r.len);

          if (at != NULL)
            {
              r.len -= at + 1 - (s + r.off);
              r.off = at + 1 - s;
            }
          if (r.len > 1 && s[r.off + r.len - 1] == '.')
            r.len--;
          self->from_rdns = hl_received_intern_span (self, r);
          hl_received_add_token (self, r.off, r.len, HL_TOKEN_RDNS, "from.rdns");
        }
      if (w->have_tcp && tcp->ip.len > 0)
        self->from_ip = hl_received_intern (self, tcp->ip_text, strlen (tcp->ip_text));
      else if (w->bare_literal.len > 0 && is_literal_ip (self, w->bare_literal, ip, sizeof ip))
        self->from_ip = hl_received_intern (self, ip, strlen (ip));
      else if (fv_literal)
        self->from_ip = hl_received_intern (self, ip, strlen (ip));
    }

  if (w->have_tcp)
    {
      if (tcp->ip.len > 0)
        hl_received_add_token (self, tcp->ip.off, tcp->ip.len, HL_TOKEN_IP, "from.ip");
      if (tcp->helo.len > 0)
        {
          if (tcp->helo_key.len > 0)
            hl_received_add_token (self, tcp->helo_key.off, tcp->helo_key.len, HL_TOKEN_KEYWORD,
                                   "from.helo-key");
          hl_received_add_token (self, tcp->helo.off, tcp->helo.len, HL_TOKEN_HELO, "from.helo");
        }
      if (tcp->port >= 0)
        {
          self->from_port = tcp->port;
          hl_received_add_token (self, tcp->port_span.off, tcp->port_span.len, HL_TOKEN_PORT,
                                 "from.port");
        }
      if (tcp->forged.len > 0)
        hl_received_add_warning (self, "rdns-may-be-forged", tcp->forged.off, tcp->forged.len,
                                 N_("The receiver noted that the client's name and address do not match."));
    }
  else if (w->bare_literal.len > 0)
    hl_received_add_token (self, w->bare_literal.off, w->bare_literal.len, HL_TOKEN_IP, "from.ip");
}

void
hl_received_read_clauses (HlReceived *self)
{
  HlLex toks[HL_MAX_TOKENS];
  Walk w = { 0 };
  guint i;

  w.self = self;
  w.toks = toks;
  w.n = hl_lex (self, toks, HL_MAX_TOKENS);
  w.end = w.n;
  for (i = w.n; i-- > 0;)
    if (toks[i].type == HL_LEX_SEMI)
      {
        w.end = i;
        break;
      }

  find_last_tcp_info (&w);

  for (i = 0; i < w.end; i++)
    {
      const HlLex *t = &toks[i];
      const Keyword *kw;

      switch (t->type)
        {
        case HL_LEX_ATOM:
          kw = w.keyword_of[i] ? &keywords[w.keyword_of[i] - 1] : NULL;
          if (kw != NULL && !(w.want_value && w.clause == HL_CLAUSE_FOR))
            {
              guint32 bit = 1u << kw->clause;

              if ((w.seen & bit) && kw->clause != HL_CLAUSE_WITH && kw->clause != HL_CLAUSE_BY)
                hl_received_add_warning (self, "repeated-clause", t->off, t->len,
                                         N_("A clause appears twice; the first is used."));
              w.seen |= bit;
              w.clause = kw->clause;
              w.keyword = kw;
              w.want_value = TRUE;
              w.want_cipher = FALSE;
              hl_received_add_token (self, t->off, t->len, HL_TOKEN_KEYWORD, kw->explain);
              break;
            }
          if (w.want_value)
            {
              take_value (&w, t);
              /* Skip the words "Microsoft SMTP Server" was joined from. */
              if (w.clause == HL_CLAUSE_WITH && self->with != NULL && strchr (self->with, ' '))
                while (i + 1 < w.end && toks[i + 1].type == HL_LEX_ATOM
                       && toks[i + 1].off + toks[i + 1].len <= t->off + strlen (self->with))
                  i++;
            }
          else
            i += extra_atom (&w, i);
          break;

        case HL_LEX_LITERAL:
        case HL_LEX_ANGLE:
        case HL_LEX_QUOTED:
          if (w.want_value)
            take_value (&w, t);
          else if (w.clause == HL_CLAUSE_FROM && t->type == HL_LEX_LITERAL && w.bare_literal.len == 0)
            w.bare_literal = lex_span (t);
          break;

        case HL_LEX_COMMENT:
          comment (&w, t);
          break;

        case HL_LEX_SEMI:
          hl_received_add_warning (self, "stray-semicolon", t->off, 1,
                                   N_("A “;” stands before the end of the clauses."));
          break;

        case HL_LEX_STRAY:
        default:
          break;
        }
    }

  /* After the last ';': the date, and sometimes comments after it. */
  if (w.end < w.n)
    {
      set_date (&w, toks[w.end].off + 1, TRUE);
      for (i = w.end + 1; i < w.n; i++)
        if (toks[i].type == HL_LEX_COMMENT)
          comment (&w, &toks[i]);
    }
  else if (!w.date_done)
    hl_received_add_warning (self, "no-date", self->raw_len, 0,
                             N_("The field has no date, so its time and delay are unknown."));

  if (w.seen == 0 && self->raw_len > 0 && self->dialect == NULL && !self->local_marker
      && self->version_raw == NULL && self->cipher == NULL)
    hl_received_add_warning (self, "no-clauses", 0, self->raw_len,
                             N_("No from, by or with clause was found; this may not be a Received field."));

  resolve_from (&w);

  /* A provider's own servers, when nothing else told the dialect. */
  if (self->dialect == NULL && self->by_host != NULL)
    {
      const HlDialectTables *tables = hl_dialect_tables ();

      for (guint d = 0; d < tables->n_by_host_suffixed; d++)
        for (const char *const *p = tables->by_host_suffixed[d]->by_host_suffixes; *p != NULL; p++)
          if (g_str_has_suffix (self->by_host, *p))
            {
              hl_set_dialect (self, tables->by_host_suffixed[d]);
              return;
            }
    }
}
