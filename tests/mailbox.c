/* mailbox.c: reading mailboxes: the mbox scanner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hoplock.h"
#include "mailbox/hl-mailbox.h"
#include "mailbox/hl-mbox-private.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

/* What one message of a case must be. */
typedef struct
{
  const char *from_line;
  const char *headers;
  gboolean    complete;
} Msg;

typedef struct
{
  const char *name;
  const char *mbox;
  gboolean    crlf;       /* also run with every "\n" turned into "\r\n" */
  Msg         msgs[5];
} MboxCase;

static const MboxCase mbox_cases[] = {
  { "three", "From a@x Mon Jan  1 00:00:00 2024\nReceived: from a by b\nSubject: s\n\nbody\n\n"
             "From b@x Tue Jan  2 00:00:00 2024\nX: 1\n\nbody\n\n"
             "From c@x Wed Jan  3 00:00:00 2024\nX: 2\n\n", TRUE,
    { { "From a@x Mon Jan  1 00:00:00 2024", "Received: from a by b\nSubject: s\n", TRUE },
      { "From b@x Tue Jan  2 00:00:00 2024", "X: 1\n", TRUE },
      { "From c@x Wed Jan  3 00:00:00 2024", "X: 2\n", TRUE } } },
  /* mboxrd/mboxo quoting, and a "From " line inside a paragraph, are body text */
  { "quoted", "From a\nX: 1\n\n>From me\nsaid\nFrom here on\n\n>>From x\n\nFrom b\nX: 2\n\nz\n", TRUE,
    { { "From a", "X: 1\n", TRUE },
      { "From b", "X: 2\n", TRUE } } },
  /* folded fields stay folded, as written */
  { "folded", "From a\nReceived: from a\n\tby b\n  with ESMTPS; d\n\n", TRUE,
    { { "From a", "Received: from a\n\tby b\n  with ESMTPS; d\n", TRUE } } },
  /* a message of headers only, then the next */
  { "headers-only", "From a\nX: 1\nFrom b\nX: 2\n\nbody", TRUE,
    { { "From a", "X: 1\n", TRUE },
      { "From b", "X: 2\n", TRUE } } },
  /* the stream ends inside a header block */
  { "truncated", "From a\nX: 1\n\nbody\n\nFrom b\nReceived: from a by", TRUE,
    { { "From a", "X: 1\n", TRUE },
      { "From b", "Received: from a by", FALSE } } },
  { "empty-body", "From a\nX: 1\n\nFrom b\n\n", TRUE,
    { { "From a", "X: 1\n", TRUE },
      { "From b", "", TRUE } } },
  { "leading-blank-lines", "\n\nFrom a\nX: 1\n", TRUE,
    { { "From a", "X: 1\n", FALSE } } },
  { "no-newline", "From a", FALSE,
    { { "From a", "", FALSE } } },
  /* Content-Length is not believed */
  { "content-length", "From a\nContent-Length: 1000\n\nx\n\nFrom b\nX: 2\n", TRUE,
    { { "From a", "Content-Length: 1000\n", TRUE },
      { "From b", "X: 2\n", FALSE } } },
  { "empty", "", FALSE, { { NULL } } },
  { "only-blank-lines", "\n\n", FALSE, { { NULL } } },
};

static char *
to_crlf (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    {
      if (*s == '\n')
        g_string_append_c (out, '\r');
      g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

/* Scans @mbox reading @read_size bytes a call (0: the default) and checks the
 * messages against @c; @crlf: the case's text with CRLF line ends. */
static void
check_scan (const MboxCase *c,
            gboolean        crlf,
            gsize           read_size)
{
  g_autofree char *text = crlf ? to_crlf (c->mbox) : g_strdup (c->mbox);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  g_autoptr(HlMboxScanner) scanner = hl_mbox_scanner_new (stream);
  g_autoptr(GError) error = NULL;
  HlMboxMessage m;
  guint64 next_offset = 0;
  guint n = 0;

  if (read_size > 0)
    hl_mbox_scanner_set_read_size (scanner, read_size);

  while (hl_mbox_scanner_next (scanner, &m, NULL, &error))
    {
      const Msg *want = &c->msgs[n];
      g_autofree char *from_line = g_strndup (m.from_line, m.from_line_length);
      g_autofree char *headers = g_strndup (m.headers, m.headers_length);
      g_autofree char *want_headers = NULL;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (c->msgs));
      g_assert_nonnull (want->from_line);
      want_headers = crlf ? to_crlf (want->headers) : g_strdup (want->headers);
      g_assert_cmpstr (from_line, ==, want->from_line);
      g_assert_cmpstr (headers, ==, want_headers);
      g_assert_cmpint (m.complete, ==, want->complete);
      g_assert_false (m.truncated);
      /* messages follow each other without a gap, after any leading blank lines */
      g_assert_cmpuint (m.offset, >=, next_offset);
      if (n > 0)
        g_assert_cmpuint (m.offset, ==, next_offset);
      g_assert_cmpmem (text + m.offset, 5, "From ", 5);
      next_offset = m.offset + m.length;
      n++;
    }
  g_assert_no_error (error);
  g_assert_null (c->msgs[n].from_line);
  if (n > 0)
    g_assert_cmpuint (next_offset, ==, strlen (text));
  g_assert_cmpuint (hl_mbox_scanner_get_bytes_read (scanner), ==, strlen (text));
}

static void
test_mbox_case (gconstpointer data)
{
  const MboxCase *c = data;
  static const gsize read_sizes[] = { 0, 1, 2, 3, 5, 7, 64 };

  for (guint i = 0; i < G_N_ELEMENTS (read_sizes); i++)
    {
      check_scan (c, FALSE, read_sizes[i]);
      if (c->crlf)
        check_scan (c, TRUE, read_sizes[i]);
    }
}

static void
test_mbox_not_mbox (void)
{
  static const char *const inputs[] = {
    "Received: from a by b; x\n\nbody\n",
    "\nfrom a\n",
    "From: someone@example.org\n\n",
    ">From a\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (inputs[i], -1, NULL);
      g_autoptr(HlMboxScanner) scanner = hl_mbox_scanner_new (stream);
      g_autoptr(GError) error = NULL;
      HlMboxMessage m;

      g_assert_false (hl_mbox_scanner_next (scanner, &m, NULL, &error));
      g_assert_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE);
      g_assert_nonnull (strstr (error->message, "Offset "));
    }
}

/* A header line longer than the scanner's buffer, then a header block longer than
 * it keeps: cut, said so, and the next message still found. */
static void
test_mbox_long (void)
{
  GString *text = g_string_new ("From a\nX-Long: ");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(HlMboxScanner) scanner = NULL;
  g_autoptr(GError) error = NULL;
  HlMboxMessage m;
  gsize len;
  char *data;

  for (guint i = 0; i < 300 * 1024; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "\nX-After: 1\n\nbody\n\nFrom b\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "X-Field-%u: %0100u\n", i, i);
  g_string_append (text, "\nbody\n\nFrom c\nX: 3\n");
  len = text->len;
  data = g_string_free (text, FALSE);
  stream = g_memory_input_stream_new_from_data (data, len, g_free);
  scanner = hl_mbox_scanner_new (stream);

  g_assert_true (hl_mbox_scanner_next (scanner, &m, NULL, &error));
  g_assert_cmpuint (m.headers_length, ==, strlen ("X-Long: ") + 300 * 1024 + 1 + strlen ("X-After: 1\n"));
  g_assert_cmpmem (m.headers + m.headers_length - 12, 12, "\nX-After: 1\n", 12);
  g_assert_false (m.truncated);
  g_assert_true (m.complete);

  g_assert_true (hl_mbox_scanner_next (scanner, &m, NULL, &error));
  g_assert_cmpmem (m.from_line, m.from_line_length, "From b", 6);
  g_assert_cmpuint (m.headers_length, ==, HL_MAX_HEADER_BLOCK);
  g_assert_true (m.truncated);

  g_assert_true (hl_mbox_scanner_next (scanner, &m, NULL, &error));
  g_assert_cmpmem (m.from_line, m.from_line_length, "From c", 6);
  g_assert_cmpmem (m.headers, m.headers_length, "X: 3\n", 5);
  g_assert_false (hl_mbox_scanner_next (scanner, &m, NULL, &error));
  g_assert_no_error (error);
}

static void
test_mbox_cancel (void)
{
  const char *text = "From a\nX: 1\n\nFrom b\nX: 2\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_autoptr(HlMboxScanner) scanner = hl_mbox_scanner_new (stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  HlMboxMessage m;

  g_assert_true (hl_mbox_scanner_next (scanner, &m, cancellable, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (hl_mbox_scanner_next (scanner, &m, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}


/* The same three messages laid out as every kind of mailbox. */
static const char *const three_messages[] = {
  "Message-ID: <1@x>\nReceived: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n",
  "Message-ID: <2@x>\nReceived: from c by d with SMTP; Tue, 2 Jan 2024 00:00:00 +0000\n",
  "Message-ID: <3@x>\nSubject: three\n",
};

static void
write_file (const char *dir,
            const char *name,
            const char *headers)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *text = g_strconcat (headers, "\nbody of ", name, "\n", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0755);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Walks @path and returns "file|headers|complete" per message, one a line. */
static char *
walk (const char    *path,
      HlMailboxKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlMailbox) mailbox = hl_mailbox_open (path, NULL, &error);
  GString *out = g_string_new (NULL);
  HlMailboxMessage m;

  g_assert_no_error (error);
  g_assert_cmpstr (hl_mailbox_kind_to_string (hl_mailbox_get_kind (mailbox)), ==,
                   hl_mailbox_kind_to_string (kind));
  while (hl_mailbox_next (mailbox, &m, NULL, &error))
    {
      if (m.error != NULL)
        g_string_append_printf (out, "%s|error %s\n", m.file, g_quark_to_string (m.error->domain));
      else
        g_string_append_printf (out, "%s|%.*s|%d\n", m.file ? m.file : "(mbox)",
                                (int) m.headers_length, m.headers, m.complete);
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static void
make_dirs (const char *dir,
           const char *rel)
{
  g_autofree char *path = g_build_filename (dir, rel, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hoplock-mailbox-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", path);

  g_assert_cmpint (system (cmd), ==, 0);
}

/* Names, sizes, modification times and files' access times under @path. */
static void
list_tree (const char *path,
           const char *rel,
           GPtrArray  *lines)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = g_build_filename (path, name, NULL);
      g_autofree char *r = g_build_filename (rel, name, NULL);
      struct stat st;

      g_assert_cmpint (lstat (full, &st), ==, 0);
      /* A folder's access time changes whenever it is listed, this function's
       * own listing included; a file's must not. */
      g_ptr_array_add (lines, g_strdup_printf ("%s %lld %lld.%09ld %lld.%09ld", r, (long long) st.st_size,
                                               (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                               S_ISDIR (st.st_mode) ? 0LL : (long long) st.st_atim.tv_sec,
                                               S_ISDIR (st.st_mode) ? 0L : st.st_atim.tv_nsec));
      if (S_ISDIR (st.st_mode))
        list_tree (full, r, lines);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char *
listing (const char *path)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  list_tree (path, "", lines);
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_mailbox_maildir (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *before = NULL, *after = NULL, *got = NULL;

  write_file (dir, "cur/1700000001.M1.host:2,S", three_messages[0]);
  write_file (dir, "new/1700000002.M2.host", three_messages[1]);
  write_file (dir, ".Sent/cur/1700000003.M3.host:2,RS", three_messages[2]);
  make_dirs (dir, "tmp");
  make_dirs (dir, ".Sent/new");
  write_file (dir, ".Sent/tmp/ignored", "X: tmp/ is never read\n");

  before = listing (dir);
  got = walk (dir, HL_MAILBOX_MAILDIR);
  after = listing (dir);
  g_assert_cmpstr (got, ==,
                   "cur/1700000001.M1.host:2,S|Message-ID: <1@x>\nReceived: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n|1\n"
                   "new/1700000002.M2.host|Message-ID: <2@x>\nReceived: from c by d with SMTP; Tue, 2 Jan 2024 00:00:00 +0000\n|1\n"
                   ".Sent/cur/1700000003.M3.host:2,RS|Message-ID: <3@x>\nSubject: three\n|1\n");
  /* nothing renamed, written or touched */
  g_assert_cmpstr (before, ==, after);
  remove_tree (dir);
}

static void
test_mailbox_mh (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *got = NULL;

  /* numbered, sorted by number (10 after 9) */
  write_file (dir, "9", three_messages[0]);
  write_file (dir, "10", three_messages[1]);
  write_file (dir, ".mh_sequences", "unseen: 10\n");
  write_file (dir, "sub/1", three_messages[2]);
  got = walk (dir, HL_MAILBOX_MH);
  g_assert_cmpstr (got, ==,
                   "9|Message-ID: <1@x>\nReceived: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n|1\n"
                   "10|Message-ID: <2@x>\nReceived: from c by d with SMTP; Tue, 2 Jan 2024 00:00:00 +0000\n|1\n"
                   "sub/1|Message-ID: <3@x>\nSubject: three\n|1\n");
  remove_tree (dir);
}

static void
test_mailbox_folder (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *outside = make_tmpdir ();
  g_autofree char *got = NULL;
  g_autofree char *link_loop = g_build_filename (dir, "a", "loop", NULL);
  g_autofree char *link_out = g_build_filename (dir, "a", "outside.eml", NULL);
  g_autofree char *link_in = g_build_filename (dir, "a", "inside.eml", NULL);
  g_autofree char *crlf = NULL;
  g_autofree char *secret = g_build_filename (outside, "secret.eml", NULL);
  g_autofree char *c_eml = g_build_filename (dir, "c.eml", NULL);

  write_file (dir, "a/one.EML", three_messages[0]);
  write_file (dir, "a/notes.txt", "X: not a message file\n");
  write_file (dir, "b/maildir/cur/x:2,", three_messages[1]);
  make_dirs (dir, "b/maildir/new");
  write_file (outside, "secret.eml", "X: outside\n");
  /* a link to a folder (a loop) is not followed, nor one to a file outside */
  g_assert_cmpint (symlink ("..", link_loop), ==, 0);
  g_assert_cmpint (symlink (secret, link_out), ==, 0);
  g_assert_cmpint (symlink ("one.EML", link_in), ==, 0);
  crlf = g_strdup ("From x@y Mon Jan  1 00:00:00 2024\r\nMessage-ID: <3@x>\r\nSubject: three\r\n\r\nbody\r\n");
  g_assert_true (g_file_set_contents (c_eml, crlf, -1, NULL));

  got = walk (dir, HL_MAILBOX_FOLDER);
  g_assert_cmpstr (got, ==,
                   "c.eml|Message-ID: <3@x>\r\nSubject: three\r\n|1\n"
                   "a/inside.eml|Message-ID: <1@x>\nReceived: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n|1\n"
                   "a/one.EML|Message-ID: <1@x>\nReceived: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n|1\n"
                   "b/maildir/cur/x:2,|Message-ID: <2@x>\nReceived: from c by d with SMTP; Tue, 2 Jan 2024 00:00:00 +0000\n|1\n");
  remove_tree (dir);
  remove_tree (outside);
}

static void
test_mailbox_edge (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *empty_dir = g_build_filename (dir, "empty", NULL);
  g_autofree char *empty_file = g_build_filename (dir, "empty.mbox", NULL);
  g_autofree char *zeros = g_build_filename (dir, "zeros.eml", NULL);
  g_autofree char *gone = g_build_filename (dir, "m", "2.eml", NULL);
  g_autofree char *m_dir = g_build_filename (dir, "m", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlMailbox) mailbox = NULL;
  g_autofree char *got = NULL;
  HlMailboxMessage m;
  int fd;

  /* an empty folder: no messages, no error */
  g_mkdir_with_parents (empty_dir, 0755);
  got = walk (empty_dir, HL_MAILBOX_FOLDER);
  g_assert_cmpstr (got, ==, "");

  /* an empty file: an error that says so */
  g_assert_true (g_file_set_contents (empty_file, "", 0, NULL));
  mailbox = hl_mailbox_open (empty_file, NULL, &error);
  g_assert_null (mailbox);
  g_assert_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_EMPTY);
  g_clear_error (&error);

  /* a missing path */
  mailbox = hl_mailbox_open ("/nonexistent/hoplock", NULL, &error);
  g_assert_null (mailbox);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a 1 GB sparse file of zeros: one message file whose header block never
   * ends; only the most a header block may have is read */
  fd = open (zeros, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (1) << 30), ==, 0);
  close (fd);
  mailbox = hl_mailbox_open (zeros, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hl_mailbox_get_kind (mailbox), ==, HL_MAILBOX_FILE);
  g_assert_true (hl_mailbox_next (mailbox, &m, NULL, &error));
  g_assert_null (m.error);
  g_assert_true (m.truncated);
  g_assert_false (m.complete);
  g_assert_cmpuint (m.headers_length, ==, HL_MAX_HEADER_BLOCK);
  g_assert_cmpuint (m.bytes, ==, G_GUINT64_CONSTANT (1) << 30);
  g_assert_cmpuint (hl_mailbox_get_bytes_read (mailbox), <=, 2 * HL_MAX_HEADER_BLOCK);
  g_assert_false (hl_mailbox_next (mailbox, &m, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&mailbox, hl_mailbox_free);

  /* the same as an mbox would be no mbox */
  /* a file that goes away during the audit: counted with its error, the walk goes on */
  write_file (dir, "m/1.eml", three_messages[0]);
  write_file (dir, "m/2.eml", three_messages[1]);
  write_file (dir, "m/3.eml", three_messages[2]);
  mailbox = hl_mailbox_open (m_dir, NULL, &error);
  g_assert_true (hl_mailbox_next (mailbox, &m, NULL, &error));
  g_assert_cmpstr (m.file, ==, "1.eml");
  g_assert_cmpint (g_unlink (gone), ==, 0);
  g_assert_true (hl_mailbox_next (mailbox, &m, NULL, &error));
  g_assert_cmpstr (m.file, ==, "2.eml");
  g_assert_error (m.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (hl_mailbox_next (mailbox, &m, NULL, &error));
  g_assert_cmpstr (m.file, ==, "3.eml");
  g_assert_null (m.error);
  g_assert_false (hl_mailbox_next (mailbox, &m, NULL, &error));
  g_assert_no_error (error);

  remove_tree (dir);
}

/* An mbox file of the same messages gives the same header blocks. */
static void
test_mailbox_mbox_file (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "inbox", NULL);
  GString *text = g_string_new (NULL);
  g_autofree char *got = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (three_messages); i++)
    g_string_append_printf (text, "From x@y Mon Jan  1 00:00:00 2024\n%s\n>From a quoted line\n\n",
                            three_messages[i]);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  got = walk (path, HL_MAILBOX_MBOX);
  g_assert_cmpstr (got, ==,
                   "(mbox)|Message-ID: <1@x>\nReceived: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n|1\n"
                   "(mbox)|Message-ID: <2@x>\nReceived: from c by d with SMTP; Tue, 2 Jan 2024 00:00:00 +0000\n|1\n"
                   "(mbox)|Message-ID: <3@x>\nSubject: three\n|1\n");
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (mbox_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mailbox/mbox/%s", mbox_cases[i].name);
      g_test_add_data_func (path, &mbox_cases[i], test_mbox_case);
    }
  g_test_add_func ("/mailbox/mbox/not-an-mbox", test_mbox_not_mbox);
  g_test_add_func ("/mailbox/mbox/long", test_mbox_long);
  g_test_add_func ("/mailbox/mbox/cancel", test_mbox_cancel);
  g_test_add_func ("/mailbox/maildir", test_mailbox_maildir);
  g_test_add_func ("/mailbox/mh", test_mailbox_mh);
  g_test_add_func ("/mailbox/folder", test_mailbox_folder);
  g_test_add_func ("/mailbox/mbox-file", test_mailbox_mbox_file);
  g_test_add_func ("/mailbox/edge", test_mailbox_edge);
  return g_test_run ();
}
