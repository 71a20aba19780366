/* hl-mbox-private.h: the messages of an mbox, header blocks only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mailbox/hl-mailbox.h"

G_BEGIN_DECLS


typedef struct _HlMboxScanner HlMboxScanner;

typedef struct
{
  guint64     offset;          /* of the message's "From " line in the stream */
  guint64     length;          /* bytes from that line to the next message or the end */
  const char *from_line;       /* the "From " line without its line break; borrowed */
  gsize       from_line_length;
  const char *headers;         /* the header block, folded lines as written; borrowed
                                * until the next call */
  gsize       headers_length;
  guint       truncated : 1;   /* the header block was longer than HL_MAX_HEADER_BLOCK */
  guint       complete : 1;    /* FALSE: the stream ended inside the header block */
} HlMboxMessage;

HlMboxScanner *hl_mbox_scanner_new            (GInputStream   *stream);
void           hl_mbox_scanner_free           (HlMboxScanner  *self);
gboolean       hl_mbox_scanner_next           (HlMboxScanner  *self,
                                               HlMboxMessage  *message,
                                               GCancellable   *cancellable,
                                               GError        **error);
guint64        hl_mbox_scanner_get_bytes_read (HlMboxScanner  *self);

/* For tests and the fuzz target: read at most @read_size bytes a call. */
void           hl_mbox_scanner_set_read_size  (HlMboxScanner  *self,
                                               gsize           read_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlMboxScanner, hl_mbox_scanner_free)

G_END_DECLS
