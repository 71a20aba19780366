/* bench-messages.h: realistic messages for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#define MIN_HOPS 4
#define MAX_HOPS 8

typedef struct
{
  GRand *rand;
  GString *out;   /* the hop being written */
  guint n_hops;
  /* Hop i goes from host[i] (ip[i]) to host[i + 1]; hop 0 is the oldest. */
  char host[MAX_HOPS + 1][80];
  char ip[MAX_HOPS + 1][48];
  gint64 time[MAX_HOPS];
  int zone[MAX_HOPS + 1];
  char sender[96];
  char recipient[96];
} BenchChain;

/* Appends one message, its mbox "From " line first, to @mbox: MIN_HOPS to
 * MAX_HOPS Received fields in the dialects of Postfix, Exim, Sendmail,
 * Microsoft, Gmail and qmail, authentication fields, a body of 1 to 6 KB and,
 * with @attachments, a base64 attachment of 4 to 40 KB in every other message. */
void bench_append_message (GString    *mbox,
                           BenchChain *c,
                           guint      *n_received,
                           gboolean    attachments);
