/* hl-audit.h: what a whole mailbox says, per sending domain (hoplock-audit/1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "core/hl-route.h"

G_BEGIN_DECLS

#define HL_AUDIT_SCHEMA         "hoplock-audit/1"
#define HL_AUDIT_MESSAGE_SCHEMA "hoplock-audit-message/1"

/* The most sample message ids kept per domain, and unreadable messages listed
 * (all are counted). */
#define HL_AUDIT_MAX_SAMPLES    3
#define HL_AUDIT_MAX_UNREADABLE 1000

/* The formats a summary can be written in (each message's line is JSON). Only grows. */
typedef enum
{
  HL_AUDIT_FORMAT_TEXT,
  HL_AUDIT_FORMAT_JSON,
  HL_AUDIT_FORMAT_CSV,
  HL_AUDIT_FORMAT_HTML,
  HL_AUDIT_FORMAT_MARKDOWN,
  HL_AUDIT_N_FORMATS
} HlAuditFormat;

typedef enum
{
  HL_AUDIT_GROUP_BY_FROM,    /* the registrable domain of the From address */
  HL_AUDIT_GROUP_BY_RELAY,   /* that of the server that handed the mail to the recipient's side */
} HlAuditGroupBy;

/**
 * HlAuditRecord:
 *
 * What the audit keeps of one message. Every string is borrowed, and may be
 * %NULL where the message does not say; states, ratings and verdicts are the
 * library's words for them (hl_tls_state_to_string() and the like).
 */
typedef struct
{
  const char  *source;             /* the mailbox's name */
  const char  *location;           /* "offset 1234", a file name, "uid 17" */
  const char  *message_id;
  gint64       date;               /* seconds since 1970 (UTC), or G_MININT64: none */
  const char  *from_domain;
  const char  *relay_domain;
  const char  *verdict;            /* hl_verdict_to_string() */
  const char  *protection;         /* strong, acceptable, weak, insecure, none, unknown */
  const char  *incoming_state;     /* the boundary hop's: encrypted, unencrypted, unknown, local */
  const char  *incoming_version;   /* "TLS 1.3", or NULL */
  const char  *incoming_cipher;
  const char  *incoming_rating;    /* hl_rating_to_string(), or NULL */
  const char  *incoming_verify;    /* hl_verify_to_string(), or NULL */
  const char **hops;               /* the state of every hop, oldest first, NULL-terminated */
} HlAuditRecord;

typedef struct _HlAudit HlAudit;

HL_AVAILABLE_IN_ALL
HlAudit  *hl_audit_new              (HlAuditGroupBy        group_by);
HL_AVAILABLE_IN_ALL
void      hl_audit_free             (HlAudit              *self);
HL_AVAILABLE_IN_ALL
HlAuditGroupBy hl_audit_get_group_by (HlAudit             *self);

HL_AVAILABLE_IN_ALL
void      hl_audit_add_source       (HlAudit              *self,
                                     const char           *name,
                                     const char           *kind,
                                     guint64               messages,
                                     guint64               bytes);
HL_AVAILABLE_IN_ALL
void      hl_audit_add_record       (HlAudit              *self,
                                     const HlAuditRecord  *record);
HL_AVAILABLE_IN_ALL
void      hl_audit_add_unreadable   (HlAudit              *self,
                                     const char           *source,
                                     const char           *location,
                                     const char           *error);
HL_AVAILABLE_IN_ALL
void      hl_audit_add_route        (HlAudit              *self,
                                     HlRoute              *route,
                                     const char           *source,
                                     const char           *location,
                                     const char *const    *own,
                                     GString              *line);
HL_AVAILABLE_IN_ALL
gboolean  hl_audit_add_headers      (HlAudit              *self,
                                     const char           *headers,
                                     gsize                 length,
                                     const char           *source,
                                     const char           *location,
                                     const char *const    *own,
                                     GString              *line,
                                     GError              **error);
/* Marks the audit as covering only part of its sources (interrupted). */
HL_AVAILABLE_IN_ALL
void      hl_audit_set_partial      (HlAudit              *self,
                                     gboolean              partial);
HL_AVAILABLE_IN_ALL
gboolean  hl_audit_get_partial      (HlAudit              *self);

HL_AVAILABLE_IN_ALL
guint64   hl_audit_get_n_messages   (HlAudit              *self);
HL_AVAILABLE_IN_ALL
guint     hl_audit_get_n_domains    (HlAudit              *self);

/* Adds an earlier audit, read from its JSON (hoplock-audit/1), to this one:
 * counts add, first and last seen take the earlier and later, samples keep the
 * first by date. The group_by of both must be the same. */
HL_AVAILABLE_IN_ALL
gboolean  hl_audit_merge_json       (HlAudit              *self,
                                     JsonNode             *audit,
                                     GError              **error);

/* The summary as hoplock-audit/1: domains by messages (most first), then name. */
HL_AVAILABLE_IN_ALL
JsonNode *hl_audit_to_json          (HlAudit              *self);

/* @audit: the JSON hl_audit_to_json() writes, or a merged one */
HL_AVAILABLE_IN_ALL
GBytes   *hl_audit_render           (JsonNode             *audit,
                                     HlAuditFormat         format,
                                     GError              **error);
HL_AVAILABLE_IN_ALL
gboolean  hl_audit_format_from_string (const char          *name,
                                       HlAuditFormat       *format);
HL_AVAILABLE_IN_ALL
const char *hl_audit_format_to_string (HlAuditFormat        format);

/* One message as a line of JSON (hoplock-audit-message/1), with its "\n". */
HL_AVAILABLE_IN_ALL
void      hl_audit_record_append_json (const HlAuditRecord *record,
                                       GString             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlAudit, hl_audit_free)

G_END_DECLS
