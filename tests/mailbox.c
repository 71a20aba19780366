/* mailbox.c: reading mailboxes: the mbox scanner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hoplock.h"
#include "mailbox/hl-mbox-private.h"

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
  g_assert_true (g_str_has_suffix (g_strndup (m.headers, m.headers_length), "\nX-After: 1\n"));
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
  return g_test_run ();
}
