/* hl-received.c: one Received field, read clause by clause
 *
 * The field is copied once and sanitised (control characters and invalid UTF-8
 * become single bytes, so offsets stay offsets). A cursor lexer over a character
 * class table splits it into atoms, comments, quoted strings, domain literals,
 * angle addresses and semicolons; the grammar walks those tokens clause by clause,
 * in any order, case-insensitively. Comments are handed to a table of small
 * recognisers (hl-comments.c and parser/dialects/), one per dialect detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-dialect-private.h"

G_DEFINE_BOXED_TYPE (HlReceived, hl_received, hl_received_ref, hl_received_unref)

/* ---------------------------------------------------------------------------
 * Arena and small helpers
 * ------------------------------------------------------------------------- */

const char *
hl_received_intern (HlReceived *self,
                    const char *s,
                    gsize       n)
{
  char *dst;

  if (s == NULL)
    return NULL;
  if (n > HL_MAX_VALUE_LENGTH)
    {
      /* No host name or address is this long: keep its start, on a character
       * boundary, and an ellipsis, so that nothing shows megabytes as a name. */
      gsize offset = s >= self->raw && s < self->raw + self->raw_len ? (gsize) (s - self->raw) : 0;
      gsize cut = HL_MAX_VALUE_LENGTH;

      while (cut > 0 && ((guchar) s[cut] & 0xc0) == 0x80)
        cut--;
      if (self->arena_used + cut + sizeof "…" > self->arena_len)
        return NULL;
      hl_received_add_warning (self, "value-too-long", offset, n,
                               N_("A value in the field is longer than any host name or address; "
                                  "only its start is shown."));
      dst = self->arena + self->arena_used;
      memcpy (dst, s, cut);
      memcpy (dst + cut, "…", sizeof "…");
      self->arena_used += cut + sizeof "…";
      return dst;
    }
  if (self->arena_used + n + 1 > self->arena_len)
    return NULL;
  dst = self->arena + self->arena_used;
  if (self->folds != NULL && s >= self->raw && s + n <= self->raw + self->raw_len)
    {
      /* A value that spans a folded line: the blanks around the line break are
       * one space, as in "Microsoft SMTP\r\n Server". Only the value changes;
       * the raw text and its offsets stay as written. */
      gsize base = s - self->raw, out = 0;

      for (gsize i = 0; i < n; )
        {
          gsize j = i;
          gboolean folded = FALSE;

          while (j < n && (s[j] == ' ' || s[j] == '\t'))
            {
              if (self->folds[(base + j) / 8] & (1u << ((base + j) % 8)))
                folded = TRUE;
              j++;
            }
          if (folded)
            {
              dst[out++] = ' ';
              i = j;
            }
          else if (j > i)
            {
              memcpy (dst + out, s + i, j - i);
              out += j - i;
              i = j;
            }
          else
            dst[out++] = s[i++];
        }
      dst[out] = '\0';
      self->arena_used += out + 1;
      return dst;
    }
  memcpy (dst, s, n);
  dst[n] = '\0';
  self->arena_used += n + 1;
  return dst;
}

const char *
hl_received_intern_span (HlReceived *self,
                         HlSpan      span)
{
  return hl_received_intern (self, self->raw + span.off, span.len);
}

void
hl_received_add_warning (HlReceived *self,
                         const char *code,
                         gsize       offset,
                         gsize       length,
                         const char *message)
{
  HlWarning w;

  /* One warning of a code is enough to tell a person about it, and keeps their
   * number bounded: a field of 64 KiB of "(" has one unbalanced-comment, not 65 536. */
  for (guint i = 0; i < self->warnings->len; i++)
    if (strcmp (g_array_index (self->warnings, HlWarning, i).code, code) == 0)
      return;

  w.code = code;
  w.offset = MIN (offset, self->raw_len);
  w.length = MIN (length, self->raw_len - w.offset);
  w.message = g_dgettext (GETTEXT_PACKAGE, message);
  g_array_append_val (self->warnings, w);
}

void
hl_received_add_token (HlReceived  *self,
                       gsize        offset,
                       gsize        length,
                       HlTokenKind  kind,
                       const char  *explain)
{
  HlToken t;

  if (length == 0 || offset + length > self->raw_len)
    return;
  t.offset = offset;
  t.length = length;
  t.kind = kind;
  t.explain = explain;
  if (self->n_tokens == self->tokens_room)
    {
      self->tokens_room = MAX (32, self->tokens_room * 2);
      self->tokens = g_renew (HlToken, self->tokens, self->tokens_room);
    }
  self->tokens[self->n_tokens++] = t;
}

static int
compare_tokens (gconstpointer a,
                gconstpointer b)
{
  const HlToken *ta = a, *tb = b;

  if (ta->offset != tb->offset)
    return ta->offset < tb->offset ? -1 : 1;
  /* Longer first, so a containing token is kept over its parts. */
  if (ta->length != tb->length)
    return ta->length > tb->length ? -1 : 1;
  return 0;
}

/* Sorts the tokens and drops any that would overlap an earlier one. The parser
 * adds them almost in order, so an insertion sort does next to nothing. */
static void
finish_tokens (HlReceived *self)
{
  HlToken *t = self->tokens;
  guint n = self->n_tokens, out = 0;
  guint32 end = 0;

  for (guint i = 1; i < n; i++)
    {
      HlToken key = t[i];
      guint j = i;

      while (j > 0 && compare_tokens (&t[j - 1], &key) > 0)
        {
          t[j] = t[j - 1];
          j--;
        }
      t[j] = key;
    }

  for (guint i = 0; i < n; i++)
    {
      if (t[i].offset < end)
        continue;
      end = t[i].offset + t[i].length;
      t[out++] = t[i];
    }
  self->n_tokens = out;
}

/* Copies @value into an owned buffer: CR, LF and other control characters (C0,
 * DEL and C1) become spaces, NUL bytes become spaces, bytes that are not UTF-8 become '?'. One byte
 * for one byte, so every offset means the same in the copy. */
static void
sanitise (HlReceived *self,
          const char *value,
          gsize       len)
{
  gboolean saw_nul = FALSE, saw_bad = FALSE;
  gsize first_nul = 0, first_bad = 0;
  const char *p = value, *end = value + len;
  char *out;

  out = self->raw;
  self->raw_len = len;

  while (p < end)
    {
      guchar c;

      /* The common case: eight bytes of printable ASCII at once. A byte is below
       * 0x20 if subtracting 0x20 borrows into its top bit, and 0x7f or above if
       * adding 1 carries into it (or it is set already). */
      while (end - p >= 8)
        {
          guint64 x;

          memcpy (&x, p, 8);
          if ((((x - 0x2020202020202020ull) & ~x) | (x + 0x0101010101010101ull) | x)
              & 0x8080808080808080ull)
            break;
          memcpy (out, p, 8);
          out += 8;
          p += 8;
        }
      if (p == end)
        break;
      c = (guchar) *p;

      /* Then one byte at a time: printable ASCII, copied as it is. */
      if (c >= 0x20 && c < 0x7f)
        {
          *out++ = (char) c;
          p++;
          continue;
        }
      if (c < 0x80)
        {
          if (c == 0)
            {
              if (!saw_nul)
                first_nul = p - value;
              saw_nul = TRUE;
              *out++ = ' ';
            }
          else if (c < 0x20 || c == 0x7f)
            {
              if (c == '\r' || c == '\n')
                {
                  gsize at = out - self->raw;

                  if (self->folds == NULL)
                    self->folds = g_new0 (guint8, len / 8 + 1);
                  self->folds[at / 8] |= 1u << (at % 8);
                }
              *out++ = c == '\t' ? '\t' : ' ';
            }
          else
            *out++ = (char) c;
          p++;
        }
      else
        {
          gsize n = g_utf8_skip[c];

          /* One whole, valid character is copied; any other byte becomes '?'. */
          if (n <= (gsize) (end - p) && g_utf8_validate_len (p, n, NULL))
            {
              /* C1 controls, U+0080 to U+009F, are control characters too: two
               * spaces. U+009B alone starts a terminal escape sequence. */
              if (c == 0xc2 && (guchar) p[1] <= 0x9f)
                {
                  out[0] = out[1] = ' ';
                  out += 2;
                  p += 2;
                  continue;
                }
              memcpy (out, p, n);
              out += n;
              p += n;
              continue;
            }
          if (!saw_bad)
            first_bad = p - value;
          saw_bad = TRUE;
          *out++ = '?';
          p++;
        }
    }
  *out = '\0';

  if (saw_nul)
    hl_received_add_warning (self, "nul-byte", first_nul, 1,
                             N_("The field contains NUL bytes; they were read as spaces."));
  if (saw_bad)
    hl_received_add_warning (self, "invalid-utf8", first_bad, 1,
                             N_("The field contains bytes that are not UTF-8; they were read as “?”."));
}

/* ---------------------------------------------------------------------------
 * Decisions
 * ------------------------------------------------------------------------- */

/* The words the with clause carries, from every dialect (HlDialect.protocols):
 * RFC 3848 and RFC 6531's, HTTP, and vendors' own. Only rows with `decides`
 * count for the TLS rules (2 and 5); the others are explained only. */
const HlProtocol *
hl_protocol_lookup (const char *word,
                    gsize       len)
{
  const HlDialectTables *tables;

  if (word == NULL)
    return NULL;
  tables = hl_dialect_tables ();
  for (guint i = 0; i < tables->n_protocols; i++)
    if (hl_span_equal_n (word, len, tables->protocols[i].word, tables->protocols[i].len))
      return &tables->protocols[i];
  /* "local-esmtp", "Microsoft SMTP Server": words that a value starts with */
  for (guint i = 0; i < tables->n_protocol_prefixes; i++)
    {
      const HlProtocol *p = &tables->protocol_prefixes[i];

      if (len >= p->len && hl_span_equal_n (word, p->len, p->word, p->len))
        return p;
    }
  return NULL;
}

/* Is @word a with keyword the TLS rules read (RFC 3848 and HTTP/HTTPS)? */
gboolean
hl_protocol_is_known (const char *word)
{
  const HlProtocol *p = word ? hl_protocol_lookup (word, strlen (word)) : NULL;

  return p != NULL && p->decides;
}

static const HlProtocol *
find_protocol (const char *word)
{
  const HlProtocol *p = word ? hl_protocol_lookup (word, strlen (word)) : NULL;

  return p != NULL && p->decides ? p : NULL;
}

static gboolean
is_localhost_name (const char *name)
{
  return name != NULL
         && (g_ascii_strcasecmp (name, "localhost") == 0
             || g_ascii_strcasecmp (name, "localhost.localdomain") == 0
             || g_ascii_strcasecmp (name, "[127.0.0.1]") == 0
             || g_ascii_strcasecmp (name, "[IPv6:::1]") == 0);
}

/* with words that name a hand-off inside one machine (HlDialect.local_with). */
static gboolean
is_local_protocol (const char *with)
{
  const HlDialectTables *tables;
  gsize len;

  if (with == NULL)
    return FALSE;
  tables = hl_dialect_tables ();
  len = strlen (with);
  for (guint i = 0; i < tables->n_local_with; i++)
    {
      gsize n = tables->local_with[i].len;

      /* "local", "local-esmtp" (Exim), "qmail-scanner-1.22" */
      if (len >= n && (len == n || with[n] == '-') && hl_span_equal_n (with, n, tables->local_with[i].word, n))
        return TRUE;
    }
  return FALSE;
}

static void
decide (HlReceived *self)
{
  const HlProtocol *proto = find_protocol (self->with);

  if (proto != NULL && proto->authenticated)
    self->authenticated = TRUE;

  /* Rule 1: a TLS clause with a version or a cipher. */
  if (self->version_raw != NULL || self->cipher != NULL)
    {
      self->state = HL_TLS_STATE_ENCRYPTED;
      self->evidence = HL_EVIDENCE_TLS_CLAUSE;
    }
  /* Rule 2: the with keyword has the S flag. */
  else if (proto != NULL && proto->encrypted)
    {
      self->state = HL_TLS_STATE_ENCRYPTED;
      self->evidence = HL_EVIDENCE_PROTOCOL;
    }
  /* Rule 3: a vendor's marker. */
  else if (self->vendor_marker)
    {
      self->state = HL_TLS_STATE_ENCRYPTED;
      self->evidence = HL_EVIDENCE_VENDOR_MARKER;
    }
  /* Rule 4: the connection never left the machine. */
  else if (self->from_ip != NULL ? hl_ip_is_loopback (self->from_ip)
                                 : is_localhost_name (self->from_name))
    {
      self->state = HL_TLS_STATE_LOCAL;
      self->evidence = HL_EVIDENCE_LOOPBACK;
    }
  else if (is_local_protocol (self->with))
    {
      self->state = HL_TLS_STATE_LOCAL;
      self->evidence = HL_EVIDENCE_LOCAL_PROTOCOL;
    }
  else if (self->local_marker)
    {
      self->state = HL_TLS_STATE_LOCAL;
      self->evidence = HL_EVIDENCE_LOCAL_PROGRAM;
    }
  /* Rule 5: a clear-text protocol, or a dialect that always records TLS. */
  else if (proto != NULL)
    {
      self->state = HL_TLS_STATE_UNENCRYPTED;
      self->evidence = HL_EVIDENCE_PROTOCOL;
    }
  else if (self->dialect_records_tls)
    {
      self->state = HL_TLS_STATE_UNENCRYPTED;
      self->evidence = HL_EVIDENCE_DIALECT;
    }
  /* Rule 6: nothing recorded. */
  else
    {
      self->state = HL_TLS_STATE_UNKNOWN;
      self->evidence = HL_EVIDENCE_NONE;
    }

  if (self->state == HL_TLS_STATE_ENCRYPTED && self->verify == HL_VERIFY_NO_TLS)
    hl_received_add_warning (self, "verify-contradicts", 0, 0,
                             N_("The certificate check says there was no TLS, yet the field records TLS details."));

  if (self->state == HL_TLS_STATE_ENCRYPTED)
    {
      if (self->cipher != NULL)
        {
          self->suite = hl_cipher_lookup (self->cipher);
          if (self->suite == NULL && hl_cipher_decompose (self->cipher, &self->decomposed))
            self->suite = &self->decomposed;
          if (self->suite == NULL)
            hl_received_add_warning (self, "unknown-cipher", 0, 0,
                                     N_("The cipher suite is not one Hoplock knows."));
        }
      self->rating = hl_tls_rate (self->version, self->version_ambiguous, self->suite,
                                  self->reasons, HL_MAX_REASONS, &self->n_reasons);
    }

  /* The kind of hop; the route refines it with what it knows of the neighbours. */
  if (self->state == HL_TLS_STATE_LOCAL)
    self->kind = HL_HOP_KIND_LOCAL;
  else if (proto != NULL && proto->delivery)
    self->kind = HL_HOP_KIND_DELIVERY;
  else if (self->authenticated)
    self->kind = HL_HOP_KIND_SUBMISSION;
  else if (self->from_ip != NULL && hl_ip_is_private (self->from_ip))
    self->kind = HL_HOP_KIND_INTERNAL;
  else
    self->kind = HL_HOP_KIND_RELAY;
}

/* ---------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

/**
 * hl_received_parse:
 * @value: the value of one Received field, without the field name; folded or not
 * @length: its length in bytes, or -1 if NUL-terminated
 *
 * Parses one Received field. Never fails: what cannot be read is reported as
 * warnings on the result, and fields longer than %HL_MAX_FIELD_LENGTH are read
 * up to the limit.
 *
 * Returns: (transfer full): the hop
 */
HlReceived *
hl_received_parse (const char *value,
                   gssize      length)
{
  HlReceived *self;
  gsize len;
  gboolean truncated = FALSE;

  g_return_val_if_fail (value != NULL || length == 0, NULL);

  len = length < 0 ? strlen (value) : (gsize) length;
  if (len > HL_MAX_FIELD_LENGTH)
    {
      len = HL_MAX_FIELD_LENGTH;
      truncated = TRUE;
    }

  /* One allocation holds the hop, its sanitised copy and the arena of values. */
  self = g_malloc (sizeof (HlReceived) + len + 1 + len * 2 + 256);
  memset (self, 0, sizeof (HlReceived));
  g_atomic_ref_count_init (&self->ref_count);
  self->warnings = g_array_new (FALSE, FALSE, sizeof (HlWarning));
  self->from_port = -1;
  self->bits = -1;
  self->alg_bits = -1;
  self->raw = (char *) (self + 1);
  self->arena = self->raw + len + 1;
  self->arena_len = len * 2 + 256;

  sanitise (self, value ? value : "", len);

  if (truncated)
    hl_received_add_warning (self, "field-too-long", HL_MAX_FIELD_LENGTH, 0,
                             N_("The field is longer than Hoplock reads; only its start was read."));

  hl_received_read_clauses (self);
  decide (self);
  finish_tokens (self);

  return self;
}

/**
 * hl_received_ref:
 * Returns: (transfer full): @self
 */
HlReceived *
hl_received_ref (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hl_received_unref (HlReceived *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->tokens);
      g_free (self->folds);
      g_clear_pointer (&self->warnings, g_array_unref);
      g_free (self);
    }
}

/**
 * hl_received_get_raw:
 * @length: (out) (optional): its length in bytes
 *
 * The field as it was read: unfolded (line breaks and other control characters are
 * spaces), NUL-terminated, valid UTF-8. Token and warning offsets count its bytes.
 *
 * Returns: (transfer none): the raw text
 */
const char *
hl_received_get_raw (HlReceived *self,
                     gsize      *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (length != NULL)
    *length = self->raw_len;
  return self->raw;
}

/**
 * hl_received_get_index:
 *
 * Returns: the hop's number in its route, 1 for the oldest; 0 outside a route
 */
guint
hl_received_get_index (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->index;
}

#define STRING_GETTER(name, field)                 \
  const char *                                     \
  hl_received_get_##name (HlReceived *self)        \
  {                                                \
    g_return_val_if_fail (self != NULL, NULL);     \
    return self->field;                            \
  }

/**
 * hl_received_get_from_host:
 *
 * The sending host as a person names it: the name its address resolved to when
 * the receiving server recorded one, else the name it gave for itself, else the
 * name after `from`, else its address (also in place of a name that is an address
 * literal). Every part of Hoplock names hops this way.
 *
 * Returns: (nullable): the name, or %NULL when the field names no sender
 */
const char *
hl_received_get_from_host (HlReceived *self)
{
  const char *names[3];

  g_return_val_if_fail (self != NULL, NULL);
  names[0] = self->from_rdns;
  names[1] = self->from_helo;
  names[2] = self->from_name;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    /* An address literal is shown as the address it holds. */
    if (names[i] != NULL && (names[i][0] != '[' || self->from_ip == NULL))
      return names[i];
  return self->from_ip;
}

STRING_GETTER (from_name, from_name)
STRING_GETTER (from_helo, from_helo)
STRING_GETTER (from_rdns, from_rdns)
STRING_GETTER (from_ip, from_ip)
STRING_GETTER (by_host, by_host)
STRING_GETTER (by_software, by_software)
STRING_GETTER (with, with)
STRING_GETTER (via, via)
STRING_GETTER (id, id)
STRING_GETTER (for, for_)
STRING_GETTER (envelope_from, envelope_from)
STRING_GETTER (tls_version_raw, version_raw)
STRING_GETTER (tls_cipher, cipher)
STRING_GETTER (tls_key_exchange, key_exchange)
STRING_GETTER (tls_verify_raw, verify_raw)
STRING_GETTER (mta, mta)

/**
 * hl_received_get_from_port:
 *
 * Returns: the client's port, or -1 if not recorded
 */
int
hl_received_get_from_port (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->from_port;
}

/**
 * hl_received_get_date:
 * @unix_time: (out) (optional): seconds since the epoch, UTC
 * @offset_minutes: (out) (optional): the zone offset the server wrote, minutes east
 *
 * Returns: %TRUE if the field has a date that could be read
 */
gboolean
hl_received_get_date (HlReceived *self,
                      gint64     *unix_time,
                      int        *offset_minutes)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (!self->has_date)
    return FALSE;
  if (unix_time != NULL)
    *unix_time = self->date_unix;
  if (offset_minutes != NULL)
    *offset_minutes = self->date_offset;
  return TRUE;
}

/**
 * hl_received_dup_date_iso:
 * @utc: %TRUE for UTC (`…Z`), %FALSE for the offset the server wrote
 *
 * Returns: (transfer full) (nullable): the date in ISO 8601, or %NULL
 */
char *
hl_received_dup_date_iso (HlReceived *self,
                          gboolean    utc)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (!self->has_date)
    return NULL;
  return hl_date_format_iso (self->date_unix, utc ? 0 : self->date_offset, utc);
}

/**
 * hl_received_get_delay:
 * @delay_s: (out) (optional): seconds since the previous hop (may be negative)
 *
 * Returns: %TRUE if both this and the previous hop have dates
 */
gboolean
hl_received_get_delay (HlReceived *self,
                       gint64     *delay_s)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (!self->has_delay)
    return FALSE;
  if (delay_s != NULL)
    *delay_s = self->delay_s;
  return TRUE;
}

HlTlsState
hl_received_get_tls_state (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, HL_TLS_STATE_UNKNOWN);
  return self->state;
}

HlEvidence
hl_received_get_tls_evidence (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, HL_EVIDENCE_NONE);
  return self->evidence;
}

HlTlsVersion
hl_received_get_tls_version (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, HL_TLS_VERSION_UNKNOWN);
  return self->version;
}

gboolean
hl_received_get_tls_version_ambiguous (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->version_ambiguous;
}

/**
 * hl_received_get_cipher_suite:
 *
 * Returns: (transfer none) (nullable): the cipher suite, from the table or
 *   decomposed from the name (then `decomposed` is set); %NULL if unknown
 */
const HlCipherSuite *
hl_received_get_cipher_suite (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->suite;
}

/**
 * hl_received_get_tls_bits:
 *
 * Returns: the secret bits the server recorded, or -1
 */
int
hl_received_get_tls_bits (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->bits;
}

/**
 * hl_received_get_tls_alg_bits:
 *
 * Returns: the algorithm's key bits the server recorded, or -1
 */
int
hl_received_get_tls_alg_bits (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->alg_bits;
}

HlVerify
hl_received_get_tls_verify (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, HL_VERIFY_NONE);
  return self->verify;
}

HlRating
hl_received_get_rating (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, HL_RATING_NONE);
  return self->rating;
}

/**
 * hl_received_get_rating_reasons:
 * @n_reasons: (out): how many
 *
 * Returns: (transfer none) (array length=n_reasons): every reason of the rating
 */
const HlRatingReason *
hl_received_get_rating_reasons (HlReceived *self,
                                guint      *n_reasons)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_reasons != NULL, NULL);
  *n_reasons = self->n_reasons;
  return self->reasons;
}

gboolean
hl_received_get_authenticated (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->authenticated;
}

HlHopKind
hl_received_get_kind (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, HL_HOP_KIND_RELAY);
  return self->kind;
}

/**
 * hl_received_get_tokens:
 * @n_tokens: (out): how many
 *
 * Returns: (transfer none) (array length=n_tokens): the recognised spans of the raw
 *   text, in order, never overlapping
 */
const HlToken *
hl_received_get_tokens (HlReceived *self,
                        guint      *n_tokens)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_tokens != NULL, NULL);
  *n_tokens = self->n_tokens;
  return self->tokens;
}

/**
 * hl_received_get_warnings:
 * @n_warnings: (out): how many
 *
 * Returns: (transfer none) (array length=n_warnings): oddities found in the field
 */
const HlWarning *
hl_received_get_warnings (HlReceived *self,
                          guint      *n_warnings)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_warnings != NULL, NULL);
  *n_warnings = self->warnings->len;
  return (const HlWarning *) (gpointer) self->warnings->data;
}
