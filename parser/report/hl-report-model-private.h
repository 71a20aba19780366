/* hl-report-model-private.h: what every report writer shows, worked out once
 *
 * The writers (CSV, HTML, Markdown, PDF) only lay this model out and escape it for
 * their target. Every string here that came from a header has been through
 * hl_text_make_safe(): valid UTF-8, no control or bidirectional characters. None of
 * it is escaped for any target yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "explain/hl-explain.h"
#include "explain/hl-labels.h"
#include "explain/hl-lock-shape.h"
#include "report/hl-report-private.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------
 * The model of one message
 * ------------------------------------------------------------------------- */

/* A titled part of an explanation: the title is static, the text owned. */
typedef struct
{
  const char *title;
  char *text;
} HlReportSection;

typedef struct
{
  HlReceived *hop;          /* borrowed from the route */
  guint index;
  char index_text[16];
  HlProtection lock;
  char *from;               /* "helo (rdns) [ip]" as far as recorded, or NULL */
  char *by;                 /* the by host, or NULL */
  char *protocol;           /* the with keyword, or NULL */
  char *tls;                /* "TLS 1.3, TLS_AES_256_GCM_SHA384, 256 bits", or NULL */
  char *date;               /* hl_format_date(), or NULL */
  char *delay;              /* hl_format_duration(), or NULL */
  const char *verify;       /* translated, or NULL when not recorded */
  const char *rating;       /* translated, or NULL when nothing was rated */
  const char *kind;         /* translated */
  char *route;              /* "from → by", for headings */
  char *heading;            /* "Hop 2: from → by" */
  char *status;             /* "Encrypted · Relay · 2 s", under the heading */
  char *raw;                /* the whole field */
  GPtrArray *warnings;      /* char *, the hop's warnings */
  GArray *sections;         /* HlReportSection: the explanations */
} HlReportHop;

/* A row of label and value; the label is static and translated. */
typedef struct
{
  const char *label;
  char *value;
} HlReportField;

typedef struct
{
  HlRoute *route;           /* a reference */
  char *title;              /* the subject, or the source name */
  GArray *identity;         /* HlReportField: source, subject, from, to, date, message id */
  HlVerdict verdict;
  HlProtection lock;
  char *sentence;
  HlReportSection verdict_explained;   /* what the verdict means; text NULL if none */
  char *counts;             /* "1 encrypted, 0 not encrypted, 0 unknown, 0 local; 5 s in transit" */
  HlReportHop *hops;        /* the newest HL_REPORT_MAX_EXPLAINED_HOPS at most */
  guint n_hops;
  char *omitted;            /* says which hops are left out, or NULL if none is */
  GPtrArray *warnings;      /* char *, the message's own warnings */
} HlReportMessage;

HlReportMessage *hl_report_message_new  (HlRoute         *route);
void             hl_report_message_free (HlReportMessage *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlReportMessage, hl_report_message_free)

/* ---------------------------------------------------------------------------
 * The table of hops that HTML, Markdown and PDF show
 * ------------------------------------------------------------------------- */

typedef enum
{
  HL_REPORT_COLUMN_HOP,
  HL_REPORT_COLUMN_STATE,   /* the lock and its label */
  HL_REPORT_COLUMN_FROM,
  HL_REPORT_COLUMN_BY,
  HL_REPORT_COLUMN_PROTOCOL,
  HL_REPORT_COLUMN_TLS,
  HL_REPORT_COLUMN_VERIFY,
  HL_REPORT_COLUMN_RATING,
  HL_REPORT_COLUMN_DATE,
  HL_REPORT_N_COLUMNS
} HlReportColumn;

const char *hl_report_column_title (HlReportColumn  column);   /* translated */
double      hl_report_column_width (HlReportColumn  column);   /* share of the PDF table's width */
/* The cell's text (borrowed; "" for nothing recorded). */
const char *hl_report_hop_cell     (HlReportHop    *hop,
                                    HlReportColumn  column);

/* Section titles and fixed words every writer uses. */
const char *hl_report_title           (void);   /* "Hoplock report" */
char       *hl_report_subtitle        (guint n_messages);
const char *hl_report_caveats_title   (void);   /* "What the header cannot prove" */
const char *hl_report_caveats         (void);
char      **hl_report_paragraphs      (const char *text);
const char *hl_report_raw_title       (void);   /* "The field as written" */
const char *hl_report_table_caption   (void);   /* "The hops, from the sender to the recipient" */
const char *hl_report_warnings_title  (void);

/* ---------------------------------------------------------------------------
 * Escaping, one function per target
 * ------------------------------------------------------------------------- */

/* &, <, >, " and ' as entities; for text nodes and quoted attribute values. */
void   hl_report_append_html     (GString    *out,
                                  const char *text);
/* One RFC 4180 field: quoted when needed, formulas neutralised (see hl-report-csv.c). */
void   hl_report_append_csv      (GString    *out,
                                  const char *text);
/* Inline Markdown text safe in a table cell: no markup, no table break, no link. */
void   hl_report_append_markdown (GString    *out,
                                  const char *text);

/* The writers of hl-report.c's table. */
GBytes *hl_report_render_csv      (HlRoute *const *routes,
                                   guint           n_routes,
                                   HlTextFlags     flags,
                                   GError        **error);
GBytes *hl_report_render_html     (HlRoute *const *routes,
                                   guint           n_routes,
                                   HlTextFlags     flags,
                                   GError        **error);
GBytes *hl_report_render_markdown (HlRoute *const *routes,
                                   guint           n_routes,
                                   HlTextFlags     flags,
                                   GError        **error);

G_END_DECLS
