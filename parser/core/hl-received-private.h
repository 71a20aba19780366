/* hl-received-private.h: the parsed hop, shared by the parser's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hl-received.h"

G_BEGIN_DECLS

#define HL_MAX_REASONS 8

struct _HlReceived
{
  gatomicrefcount ref_count;

  /* One owned, sanitised copy of the field (NUL-terminated), and one arena that
   * holds every extracted value NUL-terminated; the fields below point into it. */
  char *raw;
  gsize raw_len;
  char *arena;
  gsize arena_len;
  gsize arena_used;
  guint8 *folds;      /* (nullable): bit per byte of raw, set where a CR or LF was */

  guint index;

  const char *from_name;
  const char *from_helo;
  const char *from_rdns;
  const char *from_ip;
  int from_port;
  const char *by_host;
  const char *by_software;
  const char *with;
  const char *via;
  const char *id;
  const char *for_;
  const char *envelope_from;

  gint64 date_unix;
  int date_offset;        /* minutes east of UTC */
  gint64 delay_s;

  HlTlsState state;
  HlEvidence evidence;
  HlTlsVersion version;
  const char *version_raw;
  const char *cipher;
  const HlCipherSuite *suite;
  HlCipherSuite decomposed;   /* storage when suite is decomposed from the name */
  int bits;
  int alg_bits;
  const char *key_exchange;
  HlVerify verify;
  const char *verify_raw;
  HlRating rating;
  HlRatingReason reasons[HL_MAX_REASONS];
  guint n_reasons;

  HlHopKind kind;
  const struct _HlDialect *dialect;   /* the dialect that wrote the field, or NULL */
  const char *mta;                    /* its id, or NULL */

  HlToken *tokens;    /* n_tokens of them, room for tokens_room */
  guint n_tokens;
  guint tokens_room;
  GArray *warnings;   /* HlWarning */

  guint has_date : 1;
  guint has_delay : 1;
  guint version_ambiguous : 1;
  guint authenticated : 1;
  guint local_marker : 1;     /* a sign that the connection never left the host */
  guint vendor_marker : 1;    /* a vendor's sign that TLS was used */
  guint dialect_records_tls : 1;
};

typedef struct
{
  guint32 off;
  guint32 len;
} HlSpan;

const char *hl_received_intern      (HlReceived *self,
                                     const char *s,
                                     gsize       n);
const char *hl_received_intern_span (HlReceived *self,
                                     HlSpan      span);
void        hl_received_add_token   (HlReceived  *self,
                                     gsize        offset,
                                     gsize        length,
                                     HlTokenKind  kind,
                                     const char  *explain);
typedef struct
{
  const char *word;
  gsize len;
  const char *explain;
  guint decides : 1;        /* an RFC 3848 type or HTTP(S): rules 2 and 5 read it */
  guint encrypted : 1;
  guint authenticated : 1;
  guint delivery : 1;
  guint prefix : 1;         /* the with value starts with the word ("local-esmtp") */
} HlProtocol;

const HlProtocol *hl_protocol_lookup   (const char *word,
                                        gsize       len);
gboolean          hl_protocol_is_known (const char *word);

/* hl-clauses.c */
void        hl_received_read_clauses (HlReceived *self);

void hl_received_add_warning (HlReceived *self,
                              const char *code,
                              gsize       offset,
                              gsize       length,
                              const char *message);

/* hl-date.c */
gboolean hl_date_parse (const char *text,
                        gsize       len,
                        gint64     *unix_time,
                        int        *offset_minutes,
                        gsize      *consumed,
                        guint      *flags);

enum {
  HL_DATE_FLAG_NO_ZONE        = 1 << 0,
  HL_DATE_FLAG_TWO_DIGIT_YEAR = 1 << 1,
  HL_DATE_FLAG_LENIENT        = 1 << 2,
  HL_DATE_FLAG_OUT_OF_RANGE   = 1 << 3,
};

char *hl_date_format_iso (gint64   unix_time,
                          int      offset_minutes,
                          gboolean utc_z);

/* hl-ip.c */
gboolean hl_ip_normalize (const char *text,
                          gsize       len,
                          char       *out,
                          gsize       out_size,
                          gboolean   *is_v6);
gboolean hl_ip_is_loopback (const char *ip);
gboolean hl_ip_is_private (const char *ip);

G_END_DECLS
