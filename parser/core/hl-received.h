/* hl-received.h: one parsed Received field, i.e. one hop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/hl-types.h"
#include "tls/hl-rating.h"
#include "tls/hl-cipher.h"

G_BEGIN_DECLS

/**
 * HlToken:
 * @offset: byte offset into the hop's raw text
 * @length: length in bytes
 * @kind: what the span is
 * @explain: the id of its explanation (see hl_explain_lookup()), static
 *
 * A recognised span of a Received field.
 */
typedef struct
{
  guint32 offset;
  guint32 length;
  HlTokenKind kind;
  const char *explain;
} HlToken;

/**
 * HlWarning:
 * @code: stable code, e.g. `"unbalanced-comment"`, static
 * @offset: byte offset into the raw text the warning is about
 * @length: length in bytes, may be 0
 * @message: a translated sentence, static
 */
typedef struct
{
  const char *code;
  guint32 offset;
  guint32 length;
  const char *message;
} HlWarning;

#define HL_TYPE_RECEIVED (hl_received_get_type ())

typedef struct _HlReceived HlReceived;

HL_AVAILABLE_IN_ALL
GType        hl_received_get_type          (void) G_GNUC_CONST;
HL_AVAILABLE_IN_ALL
HlReceived  *hl_received_parse             (const char *value,
                                            gssize      length);
HL_AVAILABLE_IN_ALL
HlReceived  *hl_received_ref               (HlReceived *self);
HL_AVAILABLE_IN_ALL
void         hl_received_unref             (HlReceived *self);

HL_AVAILABLE_IN_ALL
const char  *hl_received_get_raw           (HlReceived *self,
                                            gsize      *length);
HL_AVAILABLE_IN_ALL
guint        hl_received_get_index         (HlReceived *self);

HL_AVAILABLE_IN_ALL
const char  *hl_received_get_from_name     (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_from_host     (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_from_helo     (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_from_rdns     (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_from_ip       (HlReceived *self);
HL_AVAILABLE_IN_ALL
int          hl_received_get_from_port     (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_by_host       (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_by_software   (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_with          (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_via           (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_id            (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_for           (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_envelope_from (HlReceived *self);

HL_AVAILABLE_IN_ALL
gboolean     hl_received_get_date          (HlReceived *self,
                                            gint64     *unix_time,
                                            int        *offset_minutes);
HL_AVAILABLE_IN_ALL
char        *hl_received_dup_date_iso      (HlReceived *self,
                                            gboolean    utc);
HL_AVAILABLE_IN_ALL
gboolean     hl_received_get_delay         (HlReceived *self,
                                            gint64     *delay_s);

HL_AVAILABLE_IN_ALL
HlTlsState   hl_received_get_tls_state     (HlReceived *self);
HL_AVAILABLE_IN_ALL
HlEvidence   hl_received_get_tls_evidence  (HlReceived *self);
HL_AVAILABLE_IN_ALL
HlTlsVersion hl_received_get_tls_version   (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_tls_version_raw (HlReceived *self);
HL_AVAILABLE_IN_ALL
gboolean     hl_received_get_tls_version_ambiguous (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_tls_cipher    (HlReceived *self);
HL_AVAILABLE_IN_ALL
const HlCipherSuite *hl_received_get_cipher_suite (HlReceived *self);
HL_AVAILABLE_IN_ALL
int          hl_received_get_tls_bits      (HlReceived *self);
HL_AVAILABLE_IN_ALL
int          hl_received_get_tls_alg_bits  (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_tls_key_exchange (HlReceived *self);
HL_AVAILABLE_IN_ALL
HlVerify     hl_received_get_tls_verify    (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_tls_verify_raw (HlReceived *self);
HL_AVAILABLE_IN_ALL
HlRating     hl_received_get_rating        (HlReceived *self);
HL_AVAILABLE_IN_ALL
const HlRatingReason *hl_received_get_rating_reasons (HlReceived *self,
                                                      guint      *n_reasons);

HL_AVAILABLE_IN_ALL
gboolean     hl_received_get_authenticated (HlReceived *self);
HL_AVAILABLE_IN_ALL
HlHopKind    hl_received_get_kind          (HlReceived *self);
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_mta           (HlReceived *self);
/* The display name of the MTA family that wrote the field, translated, or NULL */
HL_AVAILABLE_IN_ALL
const char  *hl_received_get_mta_name      (HlReceived *self);

HL_AVAILABLE_IN_ALL
const HlToken   *hl_received_get_tokens    (HlReceived *self,
                                            guint      *n_tokens);
HL_AVAILABLE_IN_ALL
const HlWarning *hl_received_get_warnings  (HlReceived *self,
                                            guint      *n_warnings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlReceived, hl_received_unref)

G_END_DECLS
