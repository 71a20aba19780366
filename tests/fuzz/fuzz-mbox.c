/* fuzz-mbox.c: the mbox scanner, against a plain reading of the same rules
 *
 * The first byte sets how many bytes the scanner reads a call (1 to 64, or its
 * default), so message boundaries fall anywhere across its buffer; the rest is
 * the mbox. The scanner's messages are compared with a model that splits the
 * whole input into lines and applies the rules of hl-mbox.c one line at a time:
 * the same messages, offsets, lengths, From lines and header blocks, whatever
 * the read size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"

#include "mailbox/hl-mbox-private.h"

typedef struct
{
  gsize offset;
  gsize length;
  GString *from_line;
  GString *headers;
  gboolean complete;
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_string_free (e->from_line, TRUE);
  g_string_free (e->headers, TRUE);
  g_free (e);
}

static gboolean
blank (const char *line, gsize n)
{
  return (n == 1 && line[0] == '\n') || (n == 2 && line[0] == '\r' && line[1] == '\n');
}

static gboolean
from_line (const char *line, gsize n)
{
  return n >= 5 && memcmp (line, "From ", 5) == 0;
}

/* The model. Returns FALSE when the input is not an mbox. */
static gboolean
model (const char *data,
       gsize       size,
       GPtrArray  *out)
{
  gsize p = 0;
  enum { START, HEADERS, BODY } state = START;
  gboolean prev_blank = FALSE;
  Expected *cur = NULL;

  while (p < size)
    {
      const char *nl = memchr (data + p, '\n', size - p);
      gsize n = nl ? (gsize) (nl + 1 - (data + p)) : size - p;
      const char *line = data + p;
      gboolean starts = FALSE;

      if (state == START)
        {
          if (blank (line, n))
            {
              p += n;
              continue;
            }
          if (!from_line (line, n))
            return FALSE;
          starts = TRUE;
        }
      else if (state == HEADERS)
        {
          if (from_line (line, n))
            {
              cur->complete = TRUE;
              starts = TRUE;
            }
          else if (blank (line, n))
            {
              cur->complete = TRUE;
              state = BODY;
              prev_blank = TRUE;
            }
          else
            g_string_append_len (cur->headers, line, n);
        }
      else if (from_line (line, n) && prev_blank)
        starts = TRUE;
      else
        prev_blank = blank (line, n);

      if (starts)
        {
          gsize k = n;

          if (cur != NULL)
            cur->length = p - cur->offset;
          cur = g_new0 (Expected, 1);
          cur->offset = p;
          while (k > 0 && (line[k - 1] == '\n' || line[k - 1] == '\r'))
            k--;
          cur->from_line = g_string_new_len (line, k);
          cur->headers = g_string_new (NULL);
          g_ptr_array_add (out, cur);
          state = HEADERS;
        }
      p += n;
    }
  if (cur != NULL)
    cur->length = size - cur->offset;
  return TRUE;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_common ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (expected_free);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(HlMboxScanner) scanner = NULL;
  g_autoptr(GError) error = NULL;
  HlMboxMessage m;
  gboolean is_mbox;
  guint n = 0;

  if (size < 1)
    return 0;

  is_mbox = model ((const char *) data + 1, size - 1, expected);
  stream = g_memory_input_stream_new_from_data (data + 1, size - 1, NULL);
  scanner = hl_mbox_scanner_new (stream);
  if (data[0] % 65 != 0)
    hl_mbox_scanner_set_read_size (scanner, data[0] % 65);

  while (hl_mbox_scanner_next (scanner, &m, NULL, &error))
    {
      Expected *e;

      FUZZ_CHECK (is_mbox);
      FUZZ_CHECK (n < expected->len);
      e = g_ptr_array_index (expected, n++);
      FUZZ_CHECK (m.offset == e->offset);
      FUZZ_CHECK (m.length == e->length);
      FUZZ_CHECK (!m.truncated);
      FUZZ_CHECK (m.complete == e->complete);
      FUZZ_CHECK (m.from_line_length == e->from_line->len);
      FUZZ_CHECK (memcmp (m.from_line, e->from_line->str, m.from_line_length) == 0);
      FUZZ_CHECK (m.headers_length == e->headers->len);
      FUZZ_CHECK (memcmp (m.headers, e->headers->str, m.headers_length) == 0);
    }
  if (!is_mbox)
    FUZZ_CHECK (g_error_matches (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE));
  else
    FUZZ_CHECK (error == NULL && n == expected->len);
  FUZZ_CHECK (hl_mbox_scanner_get_bytes_read (scanner) <= size - 1);
  return 0;
}
