/* standard.c: the words every server may write
 *
 * RFC 3848 and RFC 6531's with types, HTTP(S) and IMAPS, "with local", and the
 * comments no one server owns. They name no dialect (the id is NULL); a field
 * written only in them is the standard's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_standard;

/* word, explanation, decides (rules 2 and 5 read it), encrypted, authenticated, delivery */
static const HlProtocol protocols[] = {
  { HL_WORD ("SMTP"), "with.smtp", 1, 0, 0, 0 },           { HL_WORD ("ESMTP"), "with.esmtp", 1, 0, 0, 0 },
  { HL_WORD ("ESMTPA"), "with.esmtpa", 1, 0, 1, 0 },       { HL_WORD ("ESMTPS"), "with.esmtps", 1, 1, 0, 0 },
  { HL_WORD ("ESMTPSA"), "with.esmtpsa", 1, 1, 1, 0 },     { HL_WORD ("LMTP"), "with.lmtp", 1, 0, 0, 1 },
  { HL_WORD ("LMTPA"), "with.lmtpa", 1, 0, 1, 1 },         { HL_WORD ("LMTPS"), "with.lmtps", 1, 1, 0, 1 },
  { HL_WORD ("LMTPSA"), "with.lmtpsa", 1, 1, 1, 1 },       { HL_WORD ("UTF8SMTP"), "with.utf8smtp", 1, 0, 0, 0 },
  { HL_WORD ("UTF8SMTPA"), "with.utf8smtpa", 1, 0, 1, 0 }, { HL_WORD ("UTF8SMTPS"), "with.utf8smtps", 1, 1, 0, 0 },
  { HL_WORD ("UTF8SMTPSA"), "with.utf8smtpsa", 1, 1, 1, 0 }, { HL_WORD ("UTF8LMTP"), "with.utf8lmtp", 1, 0, 0, 1 },
  { HL_WORD ("UTF8LMTPA"), "with.utf8lmtpa", 1, 0, 1, 1 }, { HL_WORD ("UTF8LMTPS"), "with.utf8lmtps", 1, 1, 0, 1 },
  { HL_WORD ("UTF8LMTPSA"), "with.utf8lmtpsa", 1, 1, 1, 1 }, { HL_WORD ("SMTPS"), "with.smtps", 1, 1, 0, 0 },
  { HL_WORD ("HTTP"), "with.http", 1, 0, 0, 0 },           { HL_WORD ("HTTPS"), "with.https", 1, 1, 0, 0 },
  { HL_WORD ("IMAPS"), "with.imaps", 1, 1, 0, 0 },
  { HL_WORD ("local"), "with.local", 0, 0, 0, 0 },
  { NULL }
};

static const HlMarker markers[] = {
  { "TLS encrypted", "marker.using-tls", NULL },
  /* "(from userid 1001)": a local user's program handed the message over */
  { "from userid", "local.userid", NULL, .local = 1, .prefix = 1 },
  { NULL }
};

/* "with local", "with unix", "with spool", "with pickup", "with procmail" */
static const HlWordText local_with[] = {
  { HL_WORD ("local") }, { HL_WORD ("unix") }, { HL_WORD ("spool") }, { HL_WORD ("pickup") },
  { HL_WORD ("procmail") }, { NULL }
};

const HlDialect hl_dialect_standard = {
  .id = NULL,
  .protocols = protocols,
  .markers = markers,
  .local_with = local_with,
};
