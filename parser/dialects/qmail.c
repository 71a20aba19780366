/* qmail.c: qmail
 *
 * "from RDNS (HELO name) (IP) by HOST with ESMTPS (AES128-GCM-SHA256 encrypted)"
 * (qmail-tls), and the hand-off inside the machine, "(qmail 123 invoked by uid 89)".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_qmail;

/* qmail-tls: "AES128-GCM-SHA256 encrypted" */
static gboolean
recognise_cipher_encrypted (HlReceived *self,
                            gsize       off,
                            gsize       len,
                            HlClause    clause)
{
  const char *s = self->raw;
  gsize i = off, end = off + len;
  HlSpan cipher, word;

  if (len < 11 || !hl_span_equal (s + off + len - 9, 9, "encrypted"))
    return FALSE;
  if (!hl_next_word (s, &i, end, &cipher) || !hl_next_word (s, &i, end, &word)
      || !hl_span_is (s, word, "encrypted") || i < end)
    return FALSE;
  hl_record_cipher (self, cipher);
  hl_received_add_token (self, word.off, word.len, HL_TOKEN_VENDOR_MARKER, "marker.qmail-tls");
  self->vendor_marker = TRUE;
  hl_set_dialect (self, &hl_dialect_qmail);
  return TRUE;
}

/* "qmail 10876 invoked from network", "qmail 123 invoked by uid 89" */
static gboolean
recognise_invoked (HlReceived *self,
                   gsize       off,
                   gsize       len,
                   HlClause    clause)
{
  const char *s = self->raw;
  HlSpan all = { off, len };

  if (!hl_span_has_prefix (s, all, "qmail ") || hl_memcasemem (s + off, len, "invoked") == NULL)
    return FALSE;
  /* qmail-queue was started on the receiving machine itself: by a local user
   * ("invoked by uid 89", "by alias") or by qmail-smtpd ("invoked from network"),
   * whose own field records the network hop. Either way this field is a hand-off
   * inside one machine. */
  hl_set_dialect (self, &hl_dialect_qmail);
  self->local_marker = TRUE;
  hl_received_add_token (self, off, len, HL_TOKEN_LOCAL_MARKER,
                         hl_memcasemem (s + off, len, "invoked from network") != NULL
                         ? "local.qmail-from-network" : "local.qmail-invoked");
  return TRUE;
}

static const HlCommentRule comments[] = {
  { recognise_cipher_encrypted, 0, HL_ORDER_CIPHER_WORD },
  { recognise_invoked, HL_FIRST ('q'), HL_ORDER_PROGRAM },
  { NULL }
};

static const HlProtocol protocols[] = {
  { HL_WORD ("QMQP"), "with.qmqp", 0, 0, 0, 0 },
  { NULL }
};

static const HlSoftware software[] = {
  { HL_WORD ("qmail"), NULL, 0 },
  { NULL }
};

/* "with qmail-scanner-1.22": the virus scanner handing the message back */
static const HlWordText local_with[] = {
  { HL_WORD ("qmail-scanner") }, { NULL }
};

const HlDialect hl_dialect_qmail = {
  .id = "qmail",
  .name = N_("qmail"),
  .protocols = protocols,
  .comments = comments,
  .software = software,
  .local_with = local_with,
};
