/* hl-route.c: a message's Received chain, oldest hop first
 *
 * GMime reads the header block (only the header block: the body says nothing
 * about the route, and a 30 MB attachment should cost nothing), unfolds and
 * decodes it. The Received fields, newest first in the message, become hops
 * numbered from the oldest; the summary counts the network hops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>
#include <string.h>

#include "core/hl-received-private.h"
#include "core/hl-route-private.h"
#include "core/hl-route.h"

struct _HlRoute
{
  gatomicrefcount ref_count;

  char *source_name;
  gsize source_bytes;

  char *subject;
  char *message_id;
  /* Formatted on first use: turning addresses into text (IDN included) costs more
   * than reading all the Received fields. */
  InternetAddressList *from_list;
  InternetAddressList *to_list;
  GDateTime *date_time;
  char *from;
  char *to;
  char *date;

  GPtrArray *hops;    /* HlReceived, oldest first */
  GArray *warnings;   /* HlWarning */

  HlVerdict verdict;
  guint counts[4];    /* per HlTlsState, network hops only */
  guint n_network;
  guint weakest;      /* 1-based, 0 if none */
  gboolean has_transit;
  gint64 transit;
};

G_DEFINE_BOXED_TYPE (HlRoute, hl_route, hl_route_ref, hl_route_unref)

static void
ensure_gmime (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_mime_init ();
      g_once_init_leave (&once, 1);
    }
}

static void
route_warning (HlRoute    *self,
               const char *code,
               const char *message)
{
  HlWarning w = { code, 0, 0, g_dgettext (GETTEXT_PACKAGE, message) };

  g_array_append_val (self->warnings, w);
}

/* Valid UTF-8 without control characters, or NULL. */
static char *
clean_text (const char *s)
{
  char *out, *p;

  if (s == NULL)
    return NULL;
  out = g_utf8_make_valid (s, -1);
  for (p = out; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
    else if ((guchar) p[0] == 0xc2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
      p[0] = p[1] = ' ';   /* a C1 control, U+0080 to U+009F */
  g_strstrip (out);
  if (*out == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

/* Header fields are cut to this many bytes before GMime reads them. Hoplock reads
 * HL_MAX_FIELD_LENGTH bytes of a Received value (a longer one still carries its
 * field-too-long warning); GMime would copy a longer field several times over, a
 * 200 MB field into 1 GB of memory, and in steps that take quadratic time where
 * realloc() copies (AddressSanitizer). */
#define MAX_HEADER_FIELD (HL_MAX_FIELD_LENGTH + 4096)

/* A copy of the header block with every field longer than MAX_HEADER_FIELD cut
 * to that length (its continuation lines dropped), or NULL if none is longer. */
static char *
cut_long_fields (const char *block,
                 gsize       len,
                 gsize      *out_len,
                 guint      *n_cut)
{
  const char *end = block + len, *field = block, *line = block;
  GString *out = NULL;

  *n_cut = 0;
  while (field < end)
    {
      const char *next, *nl;

      /* The field runs to the first line that does not start with a space or tab. */
      do
        {
          nl = memchr (line, '\n', end - line);
          line = nl ? nl + 1 : end;
        }
      while (line < end && (*line == ' ' || *line == '\t'));
      next = line;

      if ((gsize) (next - field) > MAX_HEADER_FIELD)
        {
          if (out == NULL)
            {
              out = g_string_sized_new (MIN (len, 16 * MAX_HEADER_FIELD));
              g_string_append_len (out, block, field - block);
            }
          g_string_append_len (out, field, MAX_HEADER_FIELD);
          g_string_append_c (out, '\n');
          (*n_cut)++;
        }
      else if (out != NULL)
        g_string_append_len (out, field, next - field);
      field = next;
    }

  if (out == NULL)
    return NULL;
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Does the block start like a header field, "Name:" with printable name chars? */
static gboolean
starts_with_field (const char *data,
                   gsize       len)
{
  gsize i;

  for (i = 0; i < len && i < 256; i++)
    {
      guchar c = data[i];

      if (c == ':')
        return i > 0;
      if (c <= 32 || c >= 127)
        return FALSE;
    }
  return FALSE;
}

static char *
format_date (GDateTime *dt)
{
  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static InternetAddressList *
keep_list (InternetAddressList *list)
{
  if (list == NULL || internet_address_list_length (list) == 0)
    return NULL;
  return g_object_ref (list);
}

/* Sets *@cache to @value unless another thread was first; returns the winner. */
static const char *
cache_string (char **cache,
              char  *value)
{
  if (value == NULL)
    return NULL;
  if (!g_atomic_pointer_compare_and_exchange (cache, NULL, value))
    g_free (value);
  return g_atomic_pointer_get (cache);
}

static char *
address_list (InternetAddressList *list)
{
  g_autofree char *s = NULL;

  if (list == NULL || internet_address_list_length (list) == 0)
    return NULL;
  s = internet_address_list_to_string (list, NULL, FALSE);
  return clean_text (s);
}

/* The registrable part of a host name, roughly: its last two labels, or three
 * when the second-level label is short ("mail.example.co.uk" → "example.co.uk"). */
static const char *
base_domain (const char *host)
{
  const char *dots[3] = { NULL, NULL, NULL };
  const char *p;

  if (host == NULL || host[0] == '[')
    return NULL;
  for (p = host; *p; p++)
    if (*p == '.')
      {
        dots[2] = dots[1];
        dots[1] = dots[0];
        dots[0] = p;
      }
  if (dots[1] == NULL)
    return NULL;
  if (dots[0] - dots[1] - 1 <= 3 && dots[2] != NULL)
    return dots[2] + 1;
  return dots[1] + 1;
}

/* 1 if both ends of @hop are named in one domain, 0 if in two, -1 if unknown. */
static int
same_provider (HlReceived *hop)
{
  const char *a = base_domain (hop->from_rdns ? hop->from_rdns : hop->from_helo);
  const char *b = base_domain (hop->by_host);

  if (a == NULL || b == NULL)
    return -1;
  return g_ascii_strcasecmp (a, b) == 0;
}

/* A score where lower is weaker: clear text, nothing recorded, then by rating. */
static int
hop_strength (HlReceived *hop)
{
  switch (hop->state)
    {
    case HL_TLS_STATE_UNENCRYPTED:
      return 0;
    case HL_TLS_STATE_UNKNOWN:
      return 1;
    case HL_TLS_STATE_ENCRYPTED:
      return hop->rating == HL_RATING_NONE ? 5 : 1 + (int) hop->rating;
    case HL_TLS_STATE_LOCAL:
    default:
      return 100;
    }
}

static void
summarise (HlRoute *self)
{
  guint enc, unenc, unknown, net;
  int weakest_score = G_MAXINT;
  gboolean first_date = FALSE;
  gint64 first = 0, last = 0, prev = 0;
  gboolean have_prev = FALSE;

  for (guint i = 0; i < self->hops->len; i++)
    {
      HlReceived *hop = g_ptr_array_index (self->hops, i);
      gint64 t;

      hop->index = i + 1;

      /* Internal: one provider's own hosts, or private addresses between hosts that
       * do not name two different domains. */
      if (hop->kind == HL_HOP_KIND_RELAY && same_provider (hop) == 1)
        hop->kind = HL_HOP_KIND_INTERNAL;
      else if (hop->kind == HL_HOP_KIND_INTERNAL && same_provider (hop) == 0)
        hop->kind = HL_HOP_KIND_RELAY;

      if (hl_received_get_date (hop, &t, NULL))
        {
          if (have_prev)
            {
              hop->has_delay = TRUE;
              hop->delay_s = t - prev;
              if (hop->delay_s < 0)
                hl_received_add_warning (hop, "negative-delay", 0, 0,
                                         N_("This hop is dated before the one before it; a clock was wrong or a field is forged."));
            }
          prev = t;
          have_prev = TRUE;
          if (!first_date)
            first = t;
          first_date = TRUE;
          last = t;
        }

      if (hop->state == HL_TLS_STATE_LOCAL)
        continue;
      self->counts[hop->state]++;
      self->n_network++;
      if (hop_strength (hop) < weakest_score)
        {
          weakest_score = hop_strength (hop);
          self->weakest = hop->index;
        }
    }
  self->counts[HL_TLS_STATE_LOCAL] = self->hops->len - self->n_network;

  if (first_date)
    {
      self->has_transit = TRUE;
      self->transit = last - first;
    }

  enc = self->counts[HL_TLS_STATE_ENCRYPTED];
  unenc = self->counts[HL_TLS_STATE_UNENCRYPTED];
  unknown = self->counts[HL_TLS_STATE_UNKNOWN];
  net = self->n_network;

  if (net == 0)
    self->verdict = HL_VERDICT_NO_HOPS;
  else if (enc == net)
    self->verdict = HL_VERDICT_ALL_ENCRYPTED;
  else if (enc == 0 && unenc > 0)
    self->verdict = HL_VERDICT_NOT_ENCRYPTED;
  else if (unknown == net)
    self->verdict = HL_VERDICT_UNKNOWN;
  else
    self->verdict = HL_VERDICT_PARTLY_ENCRYPTED;

  /* An all-encrypted message has no weakest link worth naming unless it is rated. */
  if (self->verdict == HL_VERDICT_NO_HOPS)
    self->weakest = 0;
}

static HlRoute *
set_too_large (GError **error)
{
  g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_TOO_LARGE,
               _("The message is larger than %u MB, more than Hoplock reads."),
               HL_MAX_MESSAGE_SIZE / (1024 * 1024));
  return NULL;
}

/* The header block of the message in @data (*@length bytes): after blank
 * lines before a pasted header block and an mbox "From " line, up to the blank
 * line that ends it. NULL with @error set for a message too large, empty, or
 * one that does not start with a header field. */
static const char *
header_block (const char  *data,
              gsize       *length,
              GError     **error)
{
  const char *start;
  gsize len = *length;

  if (len > HL_MAX_MESSAGE_SIZE)
    {
      set_too_large (error);
      return NULL;
    }
  start = hl_route_skip_preamble (data, &len);
  if (len == 0)
    {
      g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_EMPTY, _("The message is empty."));
      return NULL;
    }
  if (!starts_with_field (start, len))
    {
      g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE,
                   _("This is not an email message: it does not start with header fields."));
      return NULL;
    }
  ensure_gmime ();
  *length = hl_route_header_block_length (start, len);
  return start;
}

static HlRoute *
route_new (const char *source_name,
           gsize       length)
{
  HlRoute *self = g_new0 (HlRoute, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->source_name = g_strdup (source_name);
  self->source_bytes = length;
  self->hops = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_received_unref);
  self->warnings = g_array_new (FALSE, FALSE, sizeof (HlWarning));
  return self;
}

/* A hop from a Received field's raw value: without the space after the colon
 * and the line break and spaces at the end. */
static void
add_hop (HlRoute    *self,
         const char *raw,
         gsize       rl)
{
  while (rl > 0 && (*raw == ' ' || *raw == '\t'))
    raw++, rl--;
  while (rl > 0 && (raw[rl - 1] == '\n' || raw[rl - 1] == '\r' || raw[rl - 1] == ' '))
    rl--;
  g_ptr_array_add (self->hops, hl_received_parse (raw, rl));
}

/**
 * hl_route_new_from_data:
 * @data: (array length=length): a whole message, or just its header block
 * @length: its length
 * @source_name: (nullable): what to call it in reports, e.g. the file's name
 * @error: the error
 *
 * Reads a message's Received chain. The message may use CRLF or LF and may start
 * with an mbox "From " line. A message without Received fields is not an error:
 * its route has no hops.
 *
 * Returns: (transfer full) (nullable): the route, or %NULL with @error set in the
 *   %HL_PARSE_ERROR domain if the data is empty or not a message
 */
HlRoute *
hl_route_new_from_data (const char  *data,
                        gsize        length,
                        const char  *source_name,
                        GError     **error)
{
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *message;
  g_autoptr(GPtrArray) newest_first = NULL;
  GMimeHeaderList *headers;
  HlRoute *self;
  const char *start = data;
  gsize len = length, block, cut_len = 0;
  char *cut;
  guint n_cut;
  int n_headers, n_received = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  start = header_block (data, &len, error);
  if (start == NULL)
    return NULL;
  block = len;
  cut = cut_long_fields (start, block, &cut_len, &n_cut);
  stream = g_mime_stream_mem_new_with_buffer (cut ? cut : start, cut ? cut_len : block);
  g_clear_pointer (&cut, g_free);   /* the stream holds a copy */
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, NULL);
  g_object_unref (parser);
  g_object_unref (stream);
  if (message == NULL)
    {
      g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE,
                   _("This is not an email message: its header could not be read."));
      return NULL;
    }

  self = route_new (source_name, length);
  self->subject = clean_text (g_mime_message_get_subject (message));
  self->message_id = clean_text (g_mime_message_get_message_id (message));
  self->from_list = keep_list (g_mime_message_get_from (message));
  self->to_list = keep_list (g_mime_message_get_to (message));
  if (g_mime_message_get_date (message) != NULL)
    self->date_time = g_date_time_ref (g_mime_message_get_date (message));

  headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  n_headers = g_mime_header_list_get_count (headers);
  newest_first = g_ptr_array_new ();
  for (int i = 0; i < n_headers; i++)
    {
      GMimeHeader *h = g_mime_header_list_get_header_at (headers, i);

      if (g_ascii_strcasecmp (g_mime_header_get_name (h), "Received") != 0)
        continue;
      n_received++;
      if (newest_first->len < HL_MAX_HOPS)
        g_ptr_array_add (newest_first, h);
    }
  if (n_cut > 0)
    route_warning (self, "field-too-long",
                   N_("A header field is longer than Hoplock reads; only its start was read."));
  if (n_received > HL_MAX_HOPS)
    route_warning (self, "too-many-hops",
                   N_("The message has more Received fields than Hoplock reads; only the newest were read."));

  for (guint i = newest_first->len; i-- > 0;)
    {
      GMimeHeader *h = g_ptr_array_index (newest_first, i);
      const char *raw = g_mime_header_get_raw_value (h);

      if (raw != NULL)
        add_hop (self, raw, strlen (raw));
    }

  g_object_unref (message);

  if (n_received == 0)
    route_warning (self, "no-received",
                   N_("The message has no Received fields: it was never delivered, or they were removed."));

  summarise (self);
  return self;
}

/* One field of a header block: its name and its raw value, folded as written,
 * without the line break that ends it. */
typedef struct
{
  const char *name;
  gsize       name_len;
  const char *value;
  gsize       value_len;
} Field;

/* The field at *p in [*p, end), moving *p past it; FALSE at the end. A line
 * without a colon is skipped, as GMime skips it. */
static gboolean
next_field (const char **p,
            const char  *end,
            Field       *f)
{
  while (*p < end)
    {
      const char *start = *p, *line = *p, *nl, *colon, *stop, *nul;

      do
        {
          nl = memchr (line, '\n', end - line);
          line = nl ? nl + 1 : end;
        }
      while (line < end && (*line == ' ' || *line == '\t'));
      *p = line;

      stop = memchr (start, '\n', line - start);
      colon = memchr (start, ':', (stop ? stop : line) - start);
      if (colon == NULL || colon == start)
        continue;
      f->name = start;
      f->name_len = colon - start;
      while (f->name_len > 0 && (start[f->name_len - 1] == ' ' || start[f->name_len - 1] == '\t'))
        f->name_len--;
      f->value = colon + 1;
      f->value_len = line - f->value;
      while (f->value_len > 0 && (f->value[f->value_len - 1] == '\n' || f->value[f->value_len - 1] == '\r'))
        f->value_len--;
      /* GMime hands a value on as a C string: it ends at a NUL byte */
      nul = memchr (f->value, '\0', f->value_len);
      if (nul != NULL)
        f->value_len = nul - f->value;
      return TRUE;
    }
  return FALSE;
}

static gboolean
field_is (const Field *f,
          const char  *name)
{
  gsize n = strlen (name);

  return f->name_len == n && g_ascii_strncasecmp (f->name, name, n) == 0;
}

static void
add_addresses (InternetAddressList **list,
               const Field          *f)
{
  g_autofree char *text = g_strndup (f->value, f->value_len);
  InternetAddressList *more = internet_address_list_parse (NULL, text);

  if (more == NULL)
    return;
  if (*list == NULL)
    *list = more;
  else
    {
      internet_address_list_append (*list, more);
      g_object_unref (more);
    }
}

static char *
unfolded (const Field *f)
{
  g_autofree char *raw = g_strndup (f->value, f->value_len);

  return g_mime_utils_header_unfold (raw);
}

/**
 * hl_route_new_from_header_block: (skip)
 * @data: (array length=length): a header block, or a whole message
 *
 * Reads the route as hl_route_new_from_data() does, without building a
 * GMimeMessage: the fields are split here, GMime decodes only the five a route
 * shows (Subject, From, To, Date, Message-ID). For audits, where the header
 * blocks of thousands of messages are read for their Received fields alone.
 * tests/route.c checks that both give the same route over every test message.
 *
 * Returns: (transfer full) (nullable): the route, or %NULL with @error set
 */
HlRoute *
hl_route_new_from_header_block (const char  *data,
                                gsize        length,
                                const char  *source_name,
                                GError     **error)
{
  g_autoptr(GArray) newest_first = g_array_new (FALSE, FALSE, sizeof (Field));
  Field subject = { 0 }, date = { 0 }, message_id = { 0 };
  InternetAddressList *from = NULL, *to = NULL;
  const char *start, *p, *end;
  gsize len = length;
  guint n_received = 0, n_cut = 0;
  HlRoute *self;
  Field f;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  start = header_block (data, &len, error);
  if (start == NULL)
    return NULL;
  p = start;
  end = start + len;
  while (next_field (&p, end, &f))
    {
      if (f.value_len > MAX_HEADER_FIELD)
        {
          f.value_len = MAX_HEADER_FIELD - f.name_len - 1;
          n_cut++;
        }
      if (field_is (&f, "Received"))
        {
          n_received++;
          if (newest_first->len < HL_MAX_HOPS)
            g_array_append_val (newest_first, f);
        }
      else if (field_is (&f, "Subject"))
        subject = f;
      else if (field_is (&f, "From"))
        add_addresses (&from, &f);
      else if (field_is (&f, "To"))
        add_addresses (&to, &f);
      else if (field_is (&f, "Date"))
        date = f;
      else if (field_is (&f, "Message-ID"))
        message_id = f;
    }

  self = route_new (source_name, length);
  if (subject.name != NULL)
    {
      g_autofree char *text = unfolded (&subject);
      g_autofree char *decoded = g_mime_utils_header_decode_text (NULL, text);

      self->subject = clean_text (decoded);
    }
  if (message_id.name != NULL)
    {
      g_autofree char *text = unfolded (&message_id);
      /* 8-bit text in the locale's or Latin-1's charset, as GMime reads a header */
      g_autofree char *utf8 = g_mime_utils_decode_8bit (NULL, text, strlen (text));
      g_autofree char *decoded = g_mime_utils_decode_message_id (utf8);

      self->message_id = clean_text (decoded);
    }
  /* Repeated From and To fields add up, as GMime adds them up */
  self->from_list = keep_list (from);
  self->to_list = keep_list (to);
  g_clear_object (&from);
  g_clear_object (&to);
  if (date.name != NULL)
    {
      g_autofree char *text = unfolded (&date);

      self->date_time = g_mime_utils_header_decode_date (text);
    }

  if (n_cut > 0)
    route_warning (self, "field-too-long",
                   N_("A header field is longer than Hoplock reads; only its start was read."));
  if (n_received > HL_MAX_HOPS)
    route_warning (self, "too-many-hops",
                   N_("The message has more Received fields than Hoplock reads; only the newest were read."));
  for (guint i = newest_first->len; i-- > 0;)
    {
      const Field *r = &g_array_index (newest_first, Field, i);

      add_hop (self, r->value, r->value_len);
    }
  if (n_received == 0)
    route_warning (self, "no-received",
                   N_("The message has no Received fields: it was never delivered, or they were removed."));

  summarise (self);
  return self;
}

/**
 * hl_route_new_from_file:
 *
 * Reads @file and parses it with hl_route_new_from_data(). The file is only read.
 *
 * Returns: (transfer full) (nullable): the route
 */
HlRoute *
hl_route_new_from_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buf = NULL;
  g_autofree char *name = NULL;
  guint8 chunk[64 * 1024];
  gsize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Never more than HL_MAX_MESSAGE_SIZE in memory, whatever the file is: a file
   * of gigabytes, a device that never ends, a pipe. */
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > HL_MAX_MESSAGE_SIZE)
    return set_too_large (error);
  buf = g_byte_array_new ();
  do
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (in), chunk, sizeof chunk, &n, cancellable, error))
        return NULL;
      if (buf->len + n > HL_MAX_MESSAGE_SIZE)
        return set_too_large (error);
      g_byte_array_append (buf, chunk, n);
    }
  while (n == sizeof chunk);

  name = g_file_get_basename (file);
  return hl_route_new_from_data ((const char *) buf->data, buf->len, name, error);
}

/* Where the header starts in text copied from a web page: the text itself if
 * it starts with a header field, else the first line that is a Received
 * field (webmails put a table of their own above the original). */
static const char *
find_header_start (const char *text)
{
  const char *line = text;

  while (*line == '\n' || *line == '\r' || *line == ' ' || *line == '\t')
    line++;
  for (const char *p = line; *p; p++)
    {
      if (*p == ':')
        {
          if (p > line)
            return line;
          break;
        }
      if ((guchar) *p <= ' ' || (guchar) *p >= 127)
        break;
    }
  for (const char *p = text; p != NULL && *p; )
    {
      if (g_ascii_strncasecmp (p, "Received:", 9) == 0)
        return p;
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  return line;
}

/* Whether "Received:" starts at @p, as a field name: at the start of a line or
 * after white space. */
static gboolean
is_received_name (const char *text,
                  const char *p)
{
  return g_ascii_strncasecmp (p, "Received:", 9) == 0
         && (p == text || p[-1] == '\n' || p[-1] == ' ' || p[-1] == '\t');
}

/* Some web pages copy a header with its line breaks lost, so that one line
 * reads "Received: from a … +0000 Received: from b … +0000". A line that holds
 * several Received field names is broken before each; the white space before
 * a name becomes the line break. Returns %NULL when no line needs it. */
static char *
split_run_together (const char *text)
{
  GString *out = NULL;
  const char *line = text;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      guint n_names = 0;

      if (end == NULL)
        end = line + strlen (line);
      for (const char *p = line; p < end; p++)
        if (is_received_name (text, p))
          n_names++;
      if (n_names >= 2 && out == NULL)
        out = g_string_new_len (text, line - text);
      if (n_names >= 2)
        {
          const char *copied = line;

          for (const char *p = line; p < end; p++)
            if (p > line && is_received_name (text, p))
              {
                const char *blank = p;

                while (blank > copied && (blank[-1] == ' ' || blank[-1] == '\t'))
                  blank--;
                g_string_append_len (out, copied, blank - copied);
                g_string_append_c (out, '\n');
                copied = p;
              }
          g_string_append_len (out, copied, end - copied);
        }
      else if (out != NULL)
        g_string_append_len (out, line, end - line);
      if (*end == '\0')
        break;
      if (out != NULL)
        g_string_append_c (out, '\n');
      line = end + 1;
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/**
 * hl_route_new_from_text:
 * @text: (array length=length): text as a person pastes it
 * @length: its length in bytes, or -1 if @text is nul-terminated
 * @source_name: (nullable): what to call it in reports
 * @error: the error
 *
 * Reads the Received chain of pasted text: a whole message, its header block,
 * a header copied from a webmail page that puts lines of its own above it, or
 * the value of a single Received field ("from a by b with ESMTPS …"). Invalid
 * UTF-8 is replaced. A line that holds several Received field names, as some
 * web pages copy a header, is broken before each.
 *
 * Unlike hl_route_new_from_data(), text without Received fields is an error:
 * whoever pasted it meant to show a route.
 *
 * Returns: (transfer full) (nullable): the route, with at least one hop, or
 *   %NULL with @error set in the %HL_PARSE_ERROR domain;
 *   %HL_PARSE_ERROR_NO_RECEIVED if the text has no Received field
 */
HlRoute *
hl_route_new_from_text (const char  *text,
                        gssize       length,
                        const char  *source_name,
                        GError     **error)
{
  g_autoptr(HlRoute) route = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *prefixed = NULL;
  const char *start;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if ((gsize) length > HL_MAX_MESSAGE_SIZE)
    return set_too_large (error);

  valid = g_utf8_make_valid (text != NULL ? text : "", length);
  {
    char *split = split_run_together (valid);

    if (split != NULL)
      {
        g_free (valid);
        valid = split;
      }
  }
  start = find_header_start (valid);
  /* One Received value on its own */
  if (g_ascii_strncasecmp (start, "from ", 5) == 0 || g_ascii_strncasecmp (start, "by ", 3) == 0)
    start = prefixed = g_strconcat ("Received: ", start, NULL);

  route = hl_route_new_from_data (start, strlen (start), source_name, error);
  if (route == NULL)
    return NULL;
  if (route->hops->len == 0)
    {
      g_set_error_literal (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NO_RECEIVED,
                           _("The text has no Received fields. Copy the whole header of the message, as your mail program shows it under “Show original”."));
      return NULL;
    }
  return g_steal_pointer (&route);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  HlRoute *route = hl_route_new_from_file (G_FILE (task_data), cancellable, &error);

  if (route == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, route, (GDestroyNotify) hl_route_unref);
}

/**
 * hl_route_new_from_file_async:
 * @file: a message
 * @cancellable: (nullable): to stop reading
 * @callback: (scope async): called when the route is read
 * @user_data: (closure): for @callback
 *
 * Reads @file in a worker thread, as hl_route_new_from_file() does (a message
 * may carry megabytes of attachments), and calls @callback in the thread-default
 * main context of the caller. Call hl_route_new_from_file_finish() there.
 */
void
hl_route_new_from_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_route_new_from_file_async);
  g_task_set_name (task, "[hoplock] hl_route_new_from_file_async");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * hl_route_new_from_file_finish:
 * @result: what the callback was given
 * @error: the error; %G_IO_ERROR_CANCELLED if it was cancelled
 *
 * Returns: (transfer full) (nullable): the route, as hl_route_new_from_file()
 *   returns it
 */
HlRoute *
hl_route_new_from_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hl_route_new_from_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hl_route_ref:
 * Returns: (transfer full): @self
 */
HlRoute *
hl_route_ref (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hl_route_unref (HlRoute *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->hops);
      g_array_unref (self->warnings);
      g_free (self->source_name);
      g_clear_object (&self->from_list);
      g_clear_object (&self->to_list);
      g_clear_pointer (&self->date_time, g_date_time_unref);
      g_free (self->subject);
      g_free (self->from);
      g_free (self->to);
      g_free (self->date);
      g_free (self->message_id);
      g_free (self);
    }
}

const char *
hl_route_get_source_name (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source_name;
}

gsize
hl_route_get_source_bytes (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->source_bytes;
}

const char *
hl_route_get_subject (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subject;
}

const char *
hl_route_get_from (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->from == NULL && self->from_list != NULL)
    return cache_string (&self->from, address_list (self->from_list));
  return self->from;
}

const char *
hl_route_get_to (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->to == NULL && self->to_list != NULL)
    return cache_string (&self->to, address_list (self->to_list));
  return self->to;
}

/* The address of the first mailbox in From, as written ("user@example.org"),
 * without formatting the list: for audits, which want its domain alone. */
const char *
hl_route_peek_from_address (HlRoute *self)
{
  for (int i = 0; self->from_list != NULL && i < internet_address_list_length (self->from_list); i++)
    {
      InternetAddress *a = internet_address_list_get_address (self->from_list, i);

      if (INTERNET_ADDRESS_IS_MAILBOX (a))
        return internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (a));
    }
  return NULL;
}

/**
 * hl_route_get_date:
 *
 * Returns: (nullable): the message's Date field in ISO 8601
 */
const char *
hl_route_get_date (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->date == NULL && self->date_time != NULL)
    return cache_string (&self->date, format_date (self->date_time));
  return self->date;
}

const char *
hl_route_get_message_id (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message_id;
}

guint
hl_route_get_n_hops (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->hops->len;
}

/**
 * hl_route_get_hop:
 * @index: 0 for the oldest hop
 *
 * Returns: (transfer none): the hop
 */
HlReceived *
hl_route_get_hop (HlRoute *self,
                  guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->hops->len, NULL);
  return g_ptr_array_index (self->hops, index);
}

HlVerdict
hl_route_get_verdict (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, HL_VERDICT_NO_HOPS);
  return self->verdict;
}

/**
 * hl_route_count:
 *
 * Returns: how many hops have @state; for all but %HL_TLS_STATE_LOCAL only
 *   network hops count
 */
guint
hl_route_count (HlRoute    *self,
                HlTlsState  state)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (state <= HL_TLS_STATE_LOCAL, 0);
  return self->counts[state];
}

guint
hl_route_get_n_network_hops (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_network;
}

/**
 * hl_route_get_weakest_hop:
 *
 * Returns: the 1-based number of the least protected network hop, or 0
 */
guint
hl_route_get_weakest_hop (HlRoute *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->weakest;
}

gboolean
hl_route_get_transit (HlRoute *self,
                      gint64  *seconds)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (seconds != NULL)
    *seconds = self->transit;
  return self->has_transit;
}

const HlWarning *
hl_route_get_warnings (HlRoute *self,
                       guint   *n_warnings)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_warnings != NULL, NULL);
  *n_warnings = self->warnings->len;
  return (const HlWarning *) (gpointer) self->warnings->data;
}
