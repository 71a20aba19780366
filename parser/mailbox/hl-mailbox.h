/* hl-mailbox.h: the messages of a local mailbox, header blocks only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hl-version-macros.h"

/* The most bytes of one message's header block that are read; the rest of a
 * longer one is skipped like a body, and the message says it was cut. Real
 * header blocks are a few KB. */
#define HL_MAX_HEADER_BLOCK (1024 * 1024)

G_BEGIN_DECLS

typedef enum
{
  HL_MAILBOX_MBOX,      /* one file of messages after "From " lines, or stdin */
  HL_MAILBOX_MAILDIR,   /* cur/ and new/ (and Maildir++ .Folder/ subfolders) */
  HL_MAILBOX_MH,        /* a folder of numbered files */
  HL_MAILBOX_FOLDER,    /* a folder of .eml files, and the mailboxes in it, recursively */
  HL_MAILBOX_FILE,      /* one message in a file of its own */
} HlMailboxKind;

typedef struct _HlMailbox HlMailbox;

typedef struct
{
  /* Where the message is: the byte offset of its "From " line in an mbox, else
   * its file's path relative to the mailbox (file is NULL in an mbox). */
  guint64     offset;
  const char *file;
  guint64     bytes;            /* size of the whole message */
  const char *headers;          /* its header block, borrowed until the next call */
  gsize       headers_length;
  guint       truncated : 1;    /* the header block was cut at HL_MAX_HEADER_BLOCK */
  guint       complete : 1;     /* FALSE: the data ended inside the header block */
  GError     *error;            /* set (and owned by the mailbox) when this message
                                 * could not be read; the next call goes on */
} HlMailboxMessage;

HL_AVAILABLE_IN_ALL
HlMailbox     *hl_mailbox_open          (const char        *path,
                                         GCancellable      *cancellable,
                                         GError           **error);
HL_AVAILABLE_IN_ALL
HlMailbox     *hl_mailbox_new_for_stream (GInputStream     *stream,
                                          const char       *name);
HL_AVAILABLE_IN_ALL
void           hl_mailbox_free          (HlMailbox         *self);
HL_AVAILABLE_IN_ALL
HlMailboxKind  hl_mailbox_get_kind      (HlMailbox         *self);
HL_AVAILABLE_IN_ALL
const char    *hl_mailbox_get_name      (HlMailbox         *self);
HL_AVAILABLE_IN_ALL
guint64        hl_mailbox_get_bytes_read (HlMailbox        *self);
HL_AVAILABLE_IN_ALL
gboolean       hl_mailbox_next          (HlMailbox         *self,
                                         HlMailboxMessage  *message,
                                         GCancellable      *cancellable,
                                         GError           **error);

HL_AVAILABLE_IN_ALL
const char    *hl_mailbox_kind_to_string (HlMailboxKind     kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlMailbox, hl_mailbox_free)

G_END_DECLS
