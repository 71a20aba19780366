/* hl-comments-private.h: recognisers of what comments say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hl-lexer-private.h"

G_BEGIN_DECLS

/* The clause a token stands in. */
typedef enum
{
  HL_CLAUSE_NONE,
  HL_CLAUSE_FROM,
  HL_CLAUSE_BY,
  HL_CLAUSE_VIA,
  HL_CLAUSE_WITH,
  HL_CLAUSE_ID,
  HL_CLAUSE_FOR,
  HL_CLAUSE_ENVELOPE_FROM,
  HL_CLAUSE_DATE,
} HlClause;

/* Gets the span inside a comment's parentheses; returns TRUE if it recognised it. */
typedef gboolean (*HlRecogniser) (HlReceived *self,
                                  gsize       off,
                                  gsize       len,
                                  HlClause    clause);

typedef struct
{
  HlSpan ip;
  char ip_text[64];
  HlSpan rdns;
  HlSpan helo;
  HlSpan helo_key;
  HlSpan port_span;
  HlSpan forged;
  int port;
  guint unknown : 1;   /* "unknown": the receiver found no name */
  guint keyed : 1;     /* helo= or port=: the "from RDNS ([IP] helo=HELO)" layout */
} HlTcpInfo;

gboolean hl_recognise_comment  (HlReceived *self,
                                gsize       off,
                                gsize       len,
                                HlClause    clause);
gboolean hl_recognise_tcp_info (HlReceived *self,
                                gsize       off,
                                gsize       len,
                                HlClause    clause,
                                HlTcpInfo  *info);
gboolean hl_recognise_tls_pairs (HlReceived *self,
                                 gsize       off,
                                 gsize       len,
                                 HlClause    clause);

/* Shared by the recognisers of core/ and dialects/. */
gboolean hl_next_word              (const char *s,
                                    gsize      *i,
                                    gsize       end,
                                    HlSpan     *word);
gboolean hl_looks_like_tls_version (const char *s,
                                    HlSpan      w);
guint    hl_split_tls_tuple        (HlReceived *self,
                                    gsize       off,
                                    gsize       len,
                                    HlSpan      parts[4]);

void hl_record_version     (HlReceived *self,
                            HlSpan      w);
void hl_record_cipher      (HlReceived *self,
                            HlSpan      w);
void hl_record_bits        (HlReceived *self,
                            HlSpan      w);
void hl_record_verify_word (HlReceived *self,
                            HlSpan      w);
void hl_record_verify      (HlReceived *self,
                            HlVerify    verify,
                            HlSpan      w,
                            const char *explain);

static inline gboolean
hl_span_has_prefix (const char *s,
                    HlSpan      w,
                    const char *prefix)
{
  gsize n = __builtin_strlen (prefix);

  return w.len >= n && hl_span_equal (s + w.off, n, prefix);
}

static inline gboolean
hl_span_is (const char *s,
            HlSpan      w,
            const char *word)
{
  return hl_span_equal (s + w.off, w.len, word);
}

G_END_DECLS
