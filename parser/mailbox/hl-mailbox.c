/* hl-mailbox.c: the messages of a local mailbox, header blocks only
 *
 * A mailbox is an mbox file (or stdin), a Maildir, an MH folder, a folder of .eml
 * files with any of these inside, or one message file. Everything is opened
 * read-only and nothing is renamed or written: a Maildir's flags stay as they
 * are, and no result depends on access times (files are opened with O_NOATIME
 * where the system allows it, so they do not even change).
 *
 * Folders are walked one directory at a time, its entries sorted by name (MH
 * messages by number), files before subfolders, so the order is the same on every
 * copy of a mailbox and memory holds only the names of the folders being walked.
 * Symbolic links to folders are never followed (a link can make a loop); a link
 * to a file is followed only when the file lies inside the mailbox.
 *
 * Of each message file only the header block is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* O_NOATIME */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "core/hl-types.h"
#include "mailbox/hl-mailbox.h"
#include "mailbox/hl-mbox-private.h"

#define READ_CHUNK (64 * 1024)

typedef struct
{
  char      *dir;       /* relative to the root; "" for the root */
  GPtrArray *files;     /* names of the messages in it, in order */
  GPtrArray *subdirs;   /* names of the folders to walk after them */
  guint      next_file;
  guint      next_subdir;
  gboolean   maildir;   /* dir is a Maildir: files come from cur/ and new/ */
} Frame;

struct _HlMailbox
{
  HlMailboxKind  kind;
  char          *name;
  char          *root;        /* the folder, resolved (folder kinds) */
  HlMboxScanner *mbox;
  GPtrArray     *stack;       /* of Frame */
  gboolean       single_done;
  GByteArray    *buf;
  char          *file;        /* the current message's file, relative */
  GError        *message_error;
  guint64        bytes_read;
};

static void
frame_free (gpointer data)
{
  Frame *f = data;

  g_free (f->dir);
  g_ptr_array_unref (f->files);
  g_ptr_array_unref (f->subdirs);
  g_free (f);
}

const char *
hl_mailbox_kind_to_string (HlMailboxKind kind)
{
  switch (kind)
    {
    case HL_MAILBOX_MBOX: return "mbox";
    case HL_MAILBOX_MAILDIR: return "maildir";
    case HL_MAILBOX_MH: return "mh";
    case HL_MAILBOX_FOLDER: return "folder";
    case HL_MAILBOX_FILE: return "file";
    default: return NULL;
    }
}

static gboolean
is_dir (const char *path)
{
  struct stat st;

  return lstat (path, &st) == 0 && S_ISDIR (st.st_mode);
}

static gboolean
is_maildir (const char *path)
{
  g_autofree char *cur = g_build_filename (path, "cur", NULL);
  g_autofree char *new = g_build_filename (path, "new", NULL);

  return is_dir (cur) && is_dir (new);
}

static gboolean
is_number (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (; *name; name++)
    if (!g_ascii_isdigit (*name))
      return FALSE;
  return TRUE;
}

static gboolean
is_eml (const char *name)
{
  gsize n = strlen (name);

  return n > 4 && g_ascii_strcasecmp (name + n - 4, ".eml") == 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char *const *) a;
  const char *y = *(const char *const *) b;

  /* MH messages by number, then everything by name */
  if (is_number (x) && is_number (y) && strlen (x) != strlen (y))
    return strlen (x) < strlen (y) ? -1 : 1;
  return strcmp (x, y);
}

/* Whether @path, a link, names a regular file inside the mailbox. */
static gboolean
link_inside (HlMailbox  *self,
             const char *path)
{
  g_autofree char *target = realpath (path, NULL);
  struct stat st;
  gsize n = strlen (self->root);

  if (target == NULL || stat (target, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  return strncmp (target, self->root, n) == 0 && (target[n] == '/' || self->root[n - 1] == '/');
}

/* Lists the regular files (or links to files inside the mailbox) of root/@rel
 * that @want accepts into @files, and its folders into @subdirs. */
static void
list_dir (HlMailbox  *self,
          const char *rel,
          gboolean  (*want) (const char *name),
          GPtrArray  *files,
          GPtrArray  *subdirs)
{
  g_autofree char *path = g_build_filename (self->root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = g_build_filename (path, name, NULL);
      struct stat st;

      if (lstat (full, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (subdirs != NULL)
            g_ptr_array_add (subdirs, g_strdup (name));
        }
      else if (name[0] != '.' && want (name)
               && (S_ISREG (st.st_mode) || (S_ISLNK (st.st_mode) && link_inside (self, full))))
        g_ptr_array_add (files, g_strdup (name));
    }
  g_ptr_array_sort (files, compare_names);
  if (subdirs != NULL)
    g_ptr_array_sort (subdirs, compare_names);
}

static gboolean
any_name (const char *name)
{
  return TRUE;
}

static gboolean
message_name (const char *name)
{
  return is_number (name) || is_eml (name);
}

static void
push_frame (HlMailbox  *self,
            const char *rel)
{
  g_autofree char *path = g_build_filename (self->root, rel, NULL);
  Frame *f = g_new0 (Frame, 1);

  f->dir = g_strdup (rel);
  f->files = g_ptr_array_new_with_free_func (g_free);
  f->subdirs = g_ptr_array_new_with_free_func (g_free);
  f->maildir = is_maildir (path);

  if (f->maildir)
    {
      /* cur/ and new/, then the Maildir++ folders (".Sent", ".Archive.2024") */
      g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < 2; i++)
        {
          const char *sub = i == 0 ? "cur" : "new";
          g_autofree char *sub_rel = g_build_filename (rel, sub, NULL);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

          list_dir (self, sub_rel, any_name, names, NULL);
          for (guint j = 0; j < names->len; j++)
            g_ptr_array_add (f->files, g_build_filename (sub, g_ptr_array_index (names, j), NULL));
        }
      list_dir (self, rel, message_name, ignored, dirs);
      for (guint i = 0; i < dirs->len; i++)
        {
          const char *d = g_ptr_array_index (dirs, i);
          g_autofree char *d_path = g_build_filename (path, d, NULL);

          if (d[0] == '.' && strcmp (d, ".") != 0 && strcmp (d, "..") != 0 && is_maildir (d_path))
            g_ptr_array_add (f->subdirs, g_strdup (d));
        }
    }
  else
    {
      g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

      list_dir (self, rel, message_name, files, dirs);
      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (f->files, g_strdup (g_ptr_array_index (files, i)));
      for (guint i = 0; i < dirs->len; i++)
        {
          const char *d = g_ptr_array_index (dirs, i);

          if (d[0] != '.')
            g_ptr_array_add (f->subdirs, g_strdup (d));
        }
    }
  g_ptr_array_add (self->stack, f);
}

static HlMailbox *
mailbox_new (HlMailboxKind  kind,
             const char    *name)
{
  HlMailbox *self = g_new0 (HlMailbox, 1);

  self->kind = kind;
  self->name = g_strdup (name);
  self->buf = g_byte_array_new ();
  return self;
}

/**
 * hl_mailbox_new_for_stream:
 * @stream: an mbox, e.g. standard input
 * @name: what to call it ("-")
 *
 * Returns: (transfer full): the mailbox
 */
HlMailbox *
hl_mailbox_new_for_stream (GInputStream *stream,
                           const char   *name)
{
  HlMailbox *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = mailbox_new (HL_MAILBOX_MBOX, name);
  self->mbox = hl_mbox_scanner_new (stream);
  return self;
}

static int
open_read_only (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOATIME);

  /* O_NOATIME is for the file's owner (and root) only */
  if (fd < 0 && errno == EPERM)
    fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  return fd;
}

/**
 * hl_mailbox_open:
 * @path: an mbox file, a Maildir, an MH folder, a folder, or a message file
 *
 * Returns: (transfer full) (nullable): the mailbox, or %NULL with @error set
 *   when @path cannot be read or is an empty file
 */
HlMailbox *
hl_mailbox_open (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  struct stat st;
  HlMailbox *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (stat (path, &st) != 0)
    {
      int e = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (e),
                   _("Cannot read “%s”: %s"), path, g_strerror (e));
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_autofree char *root = realpath (path, NULL);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      gboolean numbered = FALSE, eml = FALSE;
      g_autofree char *seq = NULL;

      if (root == NULL)
        {
          int e = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (e),
                       _("Cannot read “%s”: %s"), path, g_strerror (e));
          return NULL;
        }
      self = mailbox_new (HL_MAILBOX_FOLDER, path);
      self->root = g_steal_pointer (&root);
      self->stack = g_ptr_array_new_with_free_func (frame_free);
      if (is_maildir (self->root))
        self->kind = HL_MAILBOX_MAILDIR;
      else
        {
          list_dir (self, "", message_name, files, NULL);
          for (guint i = 0; i < files->len; i++)
            {
              if (is_number (g_ptr_array_index (files, i)))
                numbered = TRUE;
              else
                eml = TRUE;
            }
          seq = g_build_filename (self->root, ".mh_sequences", NULL);
          if ((numbered && !eml) || g_file_test (seq, G_FILE_TEST_EXISTS))
            self->kind = HL_MAILBOX_MH;
        }
      push_frame (self, "");
      return self;
    }

  if (S_ISREG (st.st_mode) || S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode))
    {
      int fd = open_read_only (path);
      char head[5];
      gssize n;
      g_autoptr(GInputStream) stream = NULL;

      if (fd < 0)
        {
          int e = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (e),
                       _("Cannot read “%s”: %s"), path, g_strerror (e));
          return NULL;
        }
      stream = g_unix_input_stream_new (fd, TRUE);
      if (S_ISREG (st.st_mode))
        {
          n = pread (fd, head, sizeof head, 0);
          if (n == 0)
            {
              g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_EMPTY, _("“%s” is empty."), path);
              return NULL;
            }
          if (n == (gssize) sizeof head && memcmp (head, "From ", 5) != 0)
            {
              /* One message in a file of its own */
              g_autofree char *root = realpath (path, NULL);

              self = mailbox_new (HL_MAILBOX_FILE, path);
              self->root = g_path_get_dirname (root != NULL ? root : path);
              self->file = g_path_get_basename (path);
              return self;
            }
        }
      self = mailbox_new (HL_MAILBOX_MBOX, path);
      self->mbox = hl_mbox_scanner_new (stream);
      return self;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               _("“%s” is neither a mailbox nor a folder."), path);
  return NULL;
}

void
hl_mailbox_free (HlMailbox *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->root);
  g_clear_pointer (&self->mbox, hl_mbox_scanner_free);
  g_clear_pointer (&self->stack, g_ptr_array_unref);
  g_byte_array_unref (self->buf);
  g_free (self->file);
  g_clear_error (&self->message_error);
  g_free (self);
}

HlMailboxKind
hl_mailbox_get_kind (HlMailbox *self)
{
  return self->kind;
}

const char *
hl_mailbox_get_name (HlMailbox *self)
{
  return self->name;
}

guint64
hl_mailbox_get_bytes_read (HlMailbox *self)
{
  if (self->mbox != NULL)
    return hl_mbox_scanner_get_bytes_read (self->mbox);
  return self->bytes_read;
}

/* The end of the header block in buf: after the blank line, or 0. */
static gsize
header_end (const guint8 *data,
            gsize         len,
            gsize         from)
{
  for (gsize i = from > 2 ? from - 2 : 0; i < len; i++)
    {
      if (data[i] != '\n')
        continue;
      if (i + 1 < len && data[i + 1] == '\n')
        return i + 2;
      if (i + 2 < len && data[i + 1] == '\r' && data[i + 2] == '\n')
        return i + 3;
    }
  return 0;
}

/* Reads the header block of root/@rel into buf. */
static void
read_file_headers (HlMailbox        *self,
                   const char       *rel,
                   HlMailboxMessage *message)
{
  g_autofree char *path = g_build_filename (self->root, rel, NULL);
  struct stat st;
  gsize end = 0, skip = 0;
  gboolean at_eof = FALSE;
  int fd;

  g_byte_array_set_size (self->buf, 0);
  fd = open_read_only (path);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int e = errno;

      g_set_error (&self->message_error, G_IO_ERROR, g_io_error_from_errno (e),
                   "%s", g_strerror (e));
      if (fd >= 0)
        close (fd);
      return;
    }
  message->bytes = st.st_size;

  while (self->buf->len < HL_MAX_HEADER_BLOCK + skip)
    {
      gsize old = self->buf->len;
      gssize n;

      g_byte_array_set_size (self->buf, old + READ_CHUNK);
      n = read (fd, self->buf->data + old, READ_CHUNK);
      if (n < 0 && errno == EINTR)
        {
          g_byte_array_set_size (self->buf, old);
          continue;
        }
      if (n < 0)
        {
          int e = errno;

          g_byte_array_set_size (self->buf, old);
          g_set_error (&self->message_error, G_IO_ERROR, g_io_error_from_errno (e),
                       "%s", g_strerror (e));
          close (fd);
          return;
        }
      g_byte_array_set_size (self->buf, old + n);
      self->bytes_read += n;
      /* A message file may start with an mbox "From " line */
      if (old == 0 && n >= 5 && memcmp (self->buf->data, "From ", 5) == 0)
        {
          const guint8 *nl = memchr (self->buf->data, '\n', n);

          skip = nl != NULL ? (gsize) (nl + 1 - self->buf->data) : (gsize) n;
        }
      end = header_end (self->buf->data, self->buf->len, MAX (old, skip));
      at_eof = n == 0;
      if (end > 0 || at_eof)
        break;
    }
  close (fd);

  message->complete = end > 0;
  if (end == 0)
    {
      end = self->buf->len;
      /* read up to the limit and neither the blank line nor the end was found */
      message->truncated = !at_eof;
    }
  else
    {
      /* without the blank line */
      end -= self->buf->data[end - 2] == '\r' ? 2 : 1;
    }
  if (end < skip)
    end = skip;
  if (end - skip > HL_MAX_HEADER_BLOCK)
    {
      end = skip + HL_MAX_HEADER_BLOCK;
      message->truncated = TRUE;
    }
  message->headers = (const char *) self->buf->data + skip;
  message->headers_length = end - skip;
}

/* The next message file of the walk, relative to the root, or NULL. */
static char *
next_file (HlMailbox *self)
{
  while (self->stack->len > 0)
    {
      Frame *f = g_ptr_array_index (self->stack, self->stack->len - 1);

      if (f->next_file < f->files->len)
        return g_build_filename (f->dir, g_ptr_array_index (f->files, f->next_file++), NULL);
      if (f->next_subdir < f->subdirs->len)
        {
          g_autofree char *rel = g_build_filename (f->dir, g_ptr_array_index (f->subdirs, f->next_subdir++), NULL);

          push_frame (self, rel);
          continue;
        }
      g_ptr_array_remove_index (self->stack, self->stack->len - 1);
    }
  return NULL;
}

/**
 * hl_mailbox_next:
 * @message: (out caller-allocates): the next message, valid until the next call
 *
 * Returns: TRUE with the next message, FALSE at the end (@error not set) or when
 *   the mailbox as a whole cannot be read further (@error set). A message that
 *   cannot be read is returned with its @error set, and the walk goes on.
 */
gboolean
hl_mailbox_next (HlMailbox         *self,
                 HlMailboxMessage  *message,
                 GCancellable      *cancellable,
                 GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  memset (message, 0, sizeof *message);
  g_clear_error (&self->message_error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->mbox != NULL)
    {
      HlMboxMessage m;

      if (!hl_mbox_scanner_next (self->mbox, &m, cancellable, error))
        return FALSE;
      message->offset = m.offset;
      message->bytes = m.length;
      message->headers = m.headers;
      message->headers_length = m.headers_length;
      message->truncated = m.truncated;
      message->complete = m.complete;
      return TRUE;
    }

  if (self->kind == HL_MAILBOX_FILE)
    {
      if (self->single_done)
        return FALSE;
      self->single_done = TRUE;
    }
  else
    {
      g_free (self->file);
      self->file = next_file (self);
      if (self->file == NULL)
        return FALSE;
    }

  message->file = self->file;
  read_file_headers (self, self->file, message);
  message->error = self->message_error;
  return TRUE;
}
