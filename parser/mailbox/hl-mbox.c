/* hl-mbox.c: the messages of an mbox, header blocks only
 *
 * An mbox is messages one after the other, each starting with a line "From "
 * (mboxo, mboxrd and their kin differ only in how they quote such a line inside a
 * body, which this reader never looks into). Content-Length is not trusted: mail
 * programs that wrote it disagree about what it counts.
 *
 * A message starts at a "From " line that is the first line of the stream, follows
 * a blank line, or ends a header block that had no blank line (a message of
 * headers only). A body line "From " that follows a non-blank line is body text.
 * Lines may end in LF or CRLF.
 *
 * The scanner reads the stream in chunks into one buffer, copies each message's
 * header block (up to HL_MAX_HEADER_BLOCK) and skips its body with memmem(), so
 * memory stays the same whatever the size of the mailbox or of one message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memmem() */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-types.h"
#include "mailbox/hl-mbox-private.h"

#define DEFAULT_READ_SIZE (256 * 1024)
#define LOOKBEHIND 2   /* bytes kept before the scan position: the end of a blank line */

struct _HlMboxScanner
{
  GInputStream *stream;
  char         *buf;
  gsize         cap;
  gsize         len;        /* valid bytes in buf */
  gsize         pos;        /* first byte not yet consumed */
  guint64       base;       /* offset in the stream of buf[0] */
  gsize         read_size;
  gboolean      eof;
  gboolean      started;    /* the first "From " line has been found */
  GByteArray   *block;      /* the From line, then the header block, of the last message */
};

HlMboxScanner *
hl_mbox_scanner_new (GInputStream *stream)
{
  HlMboxScanner *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (HlMboxScanner, 1);
  self->stream = g_object_ref (stream);
  self->read_size = DEFAULT_READ_SIZE;
  self->cap = DEFAULT_READ_SIZE + LOOKBEHIND + 8;
  self->buf = g_malloc (self->cap);
  self->block = g_byte_array_new ();
  return self;
}

void
hl_mbox_scanner_free (HlMboxScanner *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_free (self->buf);
  g_byte_array_unref (self->block);
  g_free (self);
}

void
hl_mbox_scanner_set_read_size (HlMboxScanner *self,
                               gsize          read_size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (read_size > 0);

  self->read_size = MIN (read_size, DEFAULT_READ_SIZE);
}

guint64
hl_mbox_scanner_get_bytes_read (HlMboxScanner *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->base + self->len;
}

/* Moves buf[keep..len) to the front and reads more after it. Returns the bytes
 * read, 0 at the end of the stream, -1 on an error. pos moves with the bytes. */
static gssize
fill (HlMboxScanner *self,
      gsize          keep,
      GCancellable  *cancellable,
      GError       **error)
{
  gssize n;
  gsize room;

  if (self->eof)
    return 0;

  g_assert (keep <= self->pos && keep <= self->len);
  memmove (self->buf, self->buf + keep, self->len - keep);
  self->len -= keep;
  self->pos -= keep;
  self->base += keep;

  room = MIN (self->cap - self->len, self->read_size);
  if (room == 0)
    return 0;

  n = g_input_stream_read (self->stream, self->buf + self->len, room, cancellable, error);
  if (n < 0)
    return -1;
  if (n == 0)
    self->eof = TRUE;
  self->len += n;
  return n;
}

/* Makes at least @want bytes from pos available, or as many as the stream has. */
static gboolean
want_bytes (HlMboxScanner *self,
            gsize          want,
            GCancellable  *cancellable,
            GError       **error)
{
  while (self->len - self->pos < want && !self->eof)
    {
      gsize keep = self->pos > LOOKBEHIND ? self->pos - LOOKBEHIND : 0;

      if (fill (self, keep, cancellable, error) < 0)
        return FALSE;
    }
  return TRUE;
}

/* The line, or the part of a very long one, at pos: up to and including its "\n",
 * or as much as the buffer holds. *length 0 only at the end of the stream. */
static gboolean
peek_line (HlMboxScanner  *self,
           const char    **line,
           gsize          *length,
           gboolean       *whole,
           GCancellable   *cancellable,
           GError        **error)
{
  const char *nl;
  gsize searched = 0;

  for (;;)
    {
      nl = memchr (self->buf + self->pos + searched, '\n', self->len - self->pos - searched);
      if (nl != NULL || self->eof || self->len - self->pos >= DEFAULT_READ_SIZE)
        break;
      searched = self->len - self->pos;
      if (fill (self, self->pos > LOOKBEHIND ? self->pos - LOOKBEHIND : 0, cancellable, error) < 0)
        return FALSE;
    }

  *line = self->buf + self->pos;
  if (nl != NULL)
    {
      *length = nl + 1 - *line;
      *whole = TRUE;
    }
  else
    {
      *length = self->len - self->pos;
      *whole = self->eof;
    }
  return TRUE;
}

static gboolean
is_blank_line (const char *line,
               gsize       length)
{
  return (length == 1 && line[0] == '\n') || (length == 2 && line[0] == '\r' && line[1] == '\n');
}

static gboolean
is_from_line (const char *line,
              gsize       length)
{
  return length >= 5 && memcmp (line, "From ", 5) == 0;
}

/* Whether the "\n" at buf[i] ends a blank line (the line before it is empty). */
static gboolean
ends_blank_line (HlMboxScanner *self,
                 gsize          i)
{
  if (i >= 1 && self->buf[i - 1] == '\n')
    return TRUE;
  return i >= 2 && self->buf[i - 1] == '\r' && self->buf[i - 2] == '\n';
}

/* Skips a body from pos, which starts a line after a blank one, to the next
 * message's "From " line or the end of the stream. */
static gboolean
skip_body (HlMboxScanner  *self,
           GCancellable   *cancellable,
           GError        **error)
{
  if (!want_bytes (self, 5, cancellable, error))
    return FALSE;
  if (is_from_line (self->buf + self->pos, self->len - self->pos))
    return TRUE;

  for (;;)
    {
      const char *hit = NULL;
      gsize from = self->pos;

      while (from < self->len)
        {
          hit = memmem (self->buf + from, self->len - from, "\nFrom ", 6);
          if (hit == NULL || ends_blank_line (self, hit - self->buf))
            break;
          from = hit - self->buf + 1;
          hit = NULL;
        }
      if (hit != NULL)
        {
          self->pos = hit + 1 - self->buf;
          return TRUE;
        }
      if (self->eof)
        {
          self->pos = self->len;
          return TRUE;
        }
      /* Keep what could be the start of "\nFrom " and the blank line before it. */
      self->pos = self->len > 5 ? MAX (self->pos, self->len - 5) : self->pos;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (fill (self, self->pos > LOOKBEHIND ? self->pos - LOOKBEHIND : 0, cancellable, error) < 0)
        return FALSE;
    }
}

/* Appends a line of the header block, keeping at most HL_MAX_HEADER_BLOCK bytes. */
static void
keep_header_bytes (HlMboxScanner *self,
                   HlMboxMessage *message,
                   gsize          from_line_length,
                   const char    *bytes,
                   gsize          length)
{
  gsize have = self->block->len - from_line_length;

  if (have >= HL_MAX_HEADER_BLOCK)
    {
      message->truncated = TRUE;
      return;
    }
  if (length > HL_MAX_HEADER_BLOCK - have)
    {
      length = HL_MAX_HEADER_BLOCK - have;
      message->truncated = TRUE;
    }
  g_byte_array_append (self->block, (const guint8 *) bytes, length);
}

/**
 * hl_mbox_scanner_next:
 * @message: (out caller-allocates): the next message; its pointers stay valid
 *   until the next call
 *
 * Returns: TRUE with the next message, FALSE at the end of the stream (@error not
 *   set) or on an error: a stream that does not start with a "From " line is not
 *   an mbox (%HL_PARSE_ERROR_NOT_A_MESSAGE), a read that fails (%HL_PARSE_ERROR_READ
 *   or the stream's own error), or @cancellable.
 */
gboolean
hl_mbox_scanner_next (HlMboxScanner  *self,
                      HlMboxMessage  *message,
                      GCancellable   *cancellable,
                      GError        **error)
{
  const char *line;
  gsize length;
  gboolean whole;
  gboolean line_start = TRUE;
  gsize from_line_length = 0;
  guint64 offset;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  memset (message, 0, sizeof *message);
  g_byte_array_set_size (self->block, 0);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!self->started)
    {
      /* Blank lines before the first message are tolerated, nothing else. */
      for (;;)
        {
          if (!peek_line (self, &line, &length, &whole, cancellable, error))
            return FALSE;
          if (length == 0 || !is_blank_line (line, length))
            break;
          self->pos += length;
        }
      if (length == 0)
        return FALSE;
      if (!want_bytes (self, 5, cancellable, error))
        return FALSE;
      if (!is_from_line (self->buf + self->pos, self->len - self->pos))
        {
          g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE,
                       _("Offset %llu: not an mbox: it does not start with a “From ” line"),
                       (unsigned long long) (self->base + self->pos));
          return FALSE;
        }
      self->started = TRUE;
    }

  if (!peek_line (self, &line, &length, &whole, cancellable, error))
    return FALSE;
  if (length == 0)
    return FALSE;

  offset = self->base + self->pos;
  message->offset = offset;
  message->complete = FALSE;

  /* The "From " line, kept up to the size of a header block. */
  for (;;)
    {
      gsize keep = MIN (length, HL_MAX_HEADER_BLOCK - MIN (self->block->len, HL_MAX_HEADER_BLOCK));

      g_byte_array_append (self->block, (const guint8 *) line, keep);
      self->pos += length;
      if (whole)
        break;
      if (!peek_line (self, &line, &length, &whole, cancellable, error))
        return FALSE;
      if (length == 0)
        break;
    }
  while (self->block->len > 0
         && (self->block->data[self->block->len - 1] == '\n'
             || self->block->data[self->block->len - 1] == '\r'))
    g_byte_array_set_size (self->block, self->block->len - 1);
  from_line_length = self->block->len;

  /* The header block, up to a blank line, the next "From " line or the end. */
  for (;;)
    {
      if (!peek_line (self, &line, &length, &whole, cancellable, error))
        return FALSE;
      if (length == 0)
        break;
      if (line_start && is_blank_line (line, length))
        {
          self->pos += length;
          message->complete = TRUE;
          if (!skip_body (self, cancellable, error))
            return FALSE;
          break;
        }
      if (line_start && length < 5 && !whole)
        {
          /* Too short to tell a "From " line yet: only at the end of the stream. */
          if (!want_bytes (self, 5, cancellable, error))
            return FALSE;
          continue;
        }
      if (line_start && is_from_line (line, length))
        {
          message->complete = TRUE;
          break;
        }
      keep_header_bytes (self, message, from_line_length, line, length);
      self->pos += length;
      line_start = whole;
    }

  message->length = self->base + self->pos - offset;
  message->from_line = (const char *) self->block->data;
  message->from_line_length = from_line_length;
  message->headers = (const char *) self->block->data + from_line_length;
  message->headers_length = self->block->len - from_line_length;
  return TRUE;
}
