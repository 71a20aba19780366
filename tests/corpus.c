/* corpus.c: how often Hoplock agrees with other mail parsers' test cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: corpus [GTEST-OPTIONS] [CORPUS-DIR]
 * Without a directory, $G_TEST_SRCDIR/tests/corpus is read (see tests/corpus/README.md).
 *
 * Three kinds of case:
 *
 * /corpus/<source>/<field>: every Received field of <source>/headers.jsonl is parsed
 *   with hl_received_parse() and compared with what <source>/normalized.jsonl asserts
 *   for one field. A (source, field) fails when fewer than 97 % of the asserted cases
 *   agree, not counting the disagreements listed in disagreements.tsv; it also fails
 *   when a listed disagreement no longer disagrees, or now disagrees with other values
 *   than the list says, so the list cannot go stale.
 * /corpus/eml/<source>/<file>: every message of <source>/eml/index.tsv is read with
 *   hl_route_new_from_file(); the number of hops must equal the index, and each hop's
 *   text must be the field <source>/eml/received.jsonl lists for it.
 * /corpus/mha/<chain>: the two whole chains of mha/chains.jsonl: hop order and total
 *   transit time.
 *
 * /corpus/files (run first) fails when a file of the corpus, or a line of one, could not
 * be read; the cases that line would have made are missing then.
 * /corpus/table prints the agreement table, as TAP comments and on stderr, and fails
 * unless the whole table is at 100 %: every case agrees or is listed in
 * disagreements.tsv, every listed disagreement happens as listed, and everything
 * the sources assert is counted (see test_table());
 * /corpus/disagreements-listed checks that every line of disagreements.tsv names an
 * asserted case and field and gives a reason.
 *
 * How values are compared:
 * - from_host, from_rdns, by_host: host names, compared without regard to letter
 *   case, with one pair of surrounding [brackets] and then one trailing dot removed
 *   from both sides ("[192.0.2.66]" = "192.0.2.66", "mx.Example.org." = "mx.example.org").
 *   from_host is hl_received_get_from_name(): the word after "from", as written.
 * - from_ip: compared as addresses (GInetAddress), so "2a02:898:31:0:48:…" equals
 *   "2a02:898:31::48:…"; a value that is not an address is compared as text.
 * - protocol: hl_received_get_with(), exactly as written.
 * - tls: true means hl_received_get_tls_state() is encrypted; false or null, that it
 *   is not.
 * - tls_version: the source's value is read with hl_tls_version_parse() and the two
 *   versions are compared; a version must have been recorded at all.
 * - cipher: exactly as written. bits: hl_received_get_tls_bits().
 * - verify: the value as written (any case) or Hoplock's vocabulary word.
 * - authenticated: hl_received_get_authenticated(); null means false.
 * - null asserts absence: Hoplock's value must be NULL (or -1, or false).
 */
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hoplock.h"
#include "hl-test.h"

#define MIN_AGREEMENT 97   /* per cent of asserted cases, not counting kept ones */

static const char *const sources[] = {
  "mailauth", "mha", "rspamd", "spamscope-mail-parser",
};

static const char *const eml_sources[] = {
  "mailauth", "mikel-mail", "rspamd", "spamscope-mail-parser",
};

typedef enum
{
  FIELD_FROM_HOST,
  FIELD_FROM_RDNS,
  FIELD_FROM_IP,
  FIELD_BY_HOST,
  FIELD_PROTOCOL,
  FIELD_TLS,
  FIELD_TLS_VERSION,
  FIELD_CIPHER,
  FIELD_BITS,
  FIELD_VERIFY,
  FIELD_AUTHENTICATED,
  N_FIELDS
} Field;

static const char *const field_names[N_FIELDS] = {
  "from_host", "from_rdns", "from_ip", "by_host", "protocol", "tls", "tls_version",
  "cipher", "bits", "verify", "authenticated",
};

/* One line of disagreements.tsv. */
typedef struct
{
  char *id;
  char *field;
  char *ours;
  char *theirs;
  char *reason;
  guint line;
  gboolean seen;
} Known;

/* One line of headers.jsonl with its normalized.jsonl line. */
typedef struct
{
  char *id;
  HlReceived *hop;
  JsonObject *expect;   /* owned by the node */
  JsonNode *node;
} HeaderCase;

typedef struct
{
  const char *source;
  Field field;
  guint asserted;
  guint agree;
  guint kept;
  GPtrArray *unexpected;   /* char *: disagreements not in the list */
  GPtrArray *kept_lines;   /* char *: disagreements the list keeps */
  GPtrArray *stale;        /* char *: listed entries that are out of date */
} Tally;

static char *corpus_dir;
static GHashTable *known;        /* "id\tfield" → Known */
static GPtrArray *known_list;    /* Known, in file order */
static GPtrArray *tallies;       /* Tally */
static GPtrArray *keep_alive;    /* the cases and what they point into, never freed */
static GPtrArray *problems;      /* char *: what could not be read; /corpus/files fails */
static GHashTable *uncounted;    /* "source: key" → cases: asserted keys no Field reads */

/* Setting the cases up runs before any case does, so what goes wrong there is
 * kept and reported by /corpus/files (or by the case it concerns) instead of
 * stopping the program. */
static void G_GNUC_PRINTF (1, 2)
problem (const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Files ------------------------------------------------------------------- */

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    problem ("%s", error->message);
  return text;
}

/* json-glib hands strings out NUL-terminated, so a "\u0000" in a field would cut it
 * short. The corpus has such fields (rspamd's "\0 in received must be filtered"):
 * this reads one string member of a JSON Lines object into bytes, NULs and all. */
static const char *
skip_ws (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  return p;
}

/* Decodes the string literal at @p (at its opening quote) into @out, or just skips
 * it when @out is NULL. Returns the position after the closing quote, or NULL. */
static const char *
json_string (const char *p,
             GString    *out)
{
  if (*p != '"')
    return NULL;
  for (p++; *p != '"'; p++)
    {
      gunichar c;

      if (*p == '\0')
        return NULL;
      if (*p != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case '"': case '\\': case '/':
          c = *p;
          break;
        case 'b':
          c = '\b';
          break;
        case 'f':
          c = '\f';
          break;
        case 'n':
          c = '\n';
          break;
        case 'r':
          c = '\r';
          break;
        case 't':
          c = '\t';
          break;
        case 'u':
          {
            char hex[5] = { 0 };

            for (guint i = 0; i < 4; i++)
              if (!g_ascii_isxdigit (hex[i] = p[1 + i]))
                return NULL;
            c = (gunichar) g_ascii_strtoull (hex, NULL, 16);
            p += 4;
            if (c >= 0xD800 && c < 0xDC00 && p[1] == '\\' && p[2] == 'u')
              {
                gunichar lo;

                for (guint i = 0; i < 4; i++)
                  if (!g_ascii_isxdigit (hex[i] = p[3 + i]))
                    return NULL;
                lo = (gunichar) g_ascii_strtoull (hex, NULL, 16);
                if (lo >= 0xDC00 && lo < 0xE000)
                  {
                    c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                  }
              }
          }
          break;
        default:
          return NULL;
        }
      if (out == NULL)
        continue;
      if (c == 0)
        g_string_append_len (out, "", 1);
      else
        g_string_append_unichar (out, c);
    }
  return p + 1;
}

/* Skips one JSON value of any kind. */
static const char *
json_skip (const char *p)
{
  int depth = 0;

  p = skip_ws (p);
  do
    {
      if (*p == '"')
        {
          if ((p = json_string (p, NULL)) == NULL)
            return NULL;
          continue;
        }
      if (*p == '{' || *p == '[')
        depth++;
      else if (*p == '}' || *p == ']')
        {
          if (depth == 0)
            return p;
          depth--;
        }
      else if (*p == ',' && depth == 0)
        return p;
      else if (*p == '\0')
        return NULL;
      p++;
    }
  while (depth > 0 || (*p != ',' && *p != '}' && *p != ']' && *p != '\0'));
  return p;
}

/* The bytes of string member @member of the object on @line, or NULL. */
static GBytes *
json_member_bytes (const char *line,
                   const char *member)
{
  const char *p = skip_ws (line);

  if (*p++ != '{')
    return NULL;
  for (;;)
    {
      g_autoptr(GString) key = g_string_new (NULL);

      p = skip_ws (p);
      if ((p = json_string (p, key)) == NULL)
        return NULL;
      p = skip_ws (p);
      if (*p++ != ':')
        return NULL;
      p = skip_ws (p);
      if (strcmp (key->str, member) == 0)
        {
          GString *value = g_string_new (NULL);

          if (json_string (p, value) == NULL)
            {
              g_string_free (value, TRUE);
              return NULL;
            }
          return g_string_free_to_bytes (value);
        }
      if ((p = json_skip (p)) == NULL)
        return NULL;
      p = skip_ws (p);
      if (*p++ != ',')
        return NULL;
    }
}

typedef struct
{
  JsonNode *node;
  GBytes *raw;      /* the "raw" member, NUL bytes kept; NULL if none */
} Line;

static void
line_free (Line *l)
{
  json_node_unref (l->node);
  g_clear_pointer (&l->raw, g_bytes_unref);
  g_free (l);
}

static JsonObject *
line_object (GPtrArray *lines,
             guint      i)
{
  return json_node_get_object (((Line *) g_ptr_array_index (lines, i))->node);
}

static GBytes *
line_raw (GPtrArray *lines,
          guint      i)
{
  return ((Line *) g_ptr_array_index (lines, i))->raw;
}

/* Each non-empty line of a JSON Lines file as an object, in order; a line that
 * cannot be read is left out, as a problem. */
static GPtrArray *
read_jsonl (const char *path)
{
  g_autofree char *text = read_text (path);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;
      Line *l;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, &error))
        {
          problem ("%s:%u: %s", path, i + 1, error->message);
          continue;
        }
      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          problem ("%s:%u: not an object", path, i + 1);
          continue;
        }
      l = g_new0 (Line, 1);
      l->node = json_node_copy (root);
      if (json_object_has_member (json_node_get_object (root), "raw"))
        {
          l->raw = json_member_bytes (lines[i], "raw");
          if (l->raw == NULL)
            {
              problem ("%s:%u: cannot read the raw member", path, i + 1);
              line_free (l);
              continue;
            }
        }
      g_ptr_array_add (out, l);
    }
  return out;
}

static const char *
object_string (JsonObject *o,
               const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static void
known_free (Known *k)
{
  g_free (k->id);
  g_free (k->field);
  g_free (k->ours);
  g_free (k->theirs);
  g_free (k->reason);
  g_free (k);
}

/* disagreements.tsv: a header line, then id, field, ours, theirs, reason; '#' starts
 * a comment line. */
static void
load_known (const char *path)
{
  g_autofree char *text = read_text (path);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gboolean header = TRUE;

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known_list = g_ptr_array_new_with_free_func ((GDestroyNotify) known_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *key = NULL;
      Known *k;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (header)
        {
          header = FALSE;
          continue;
        }
      cols = g_strsplit (lines[i], "\t", 5);
      if (g_strv_length (cols) != 5)
        {
          problem ("%s:%u: expected 5 tab-separated columns", path, i + 1);
          continue;
        }
      k = g_new0 (Known, 1);
      k->id = g_strdup (cols[0]);
      k->field = g_strdup (cols[1]);
      k->ours = g_strdup (cols[2]);
      k->theirs = g_strdup (cols[3]);
      k->reason = g_strdup (cols[4]);
      k->line = i + 1;
      key = g_strdup_printf ("%s\t%s", k->id, k->field);
      if (g_hash_table_contains (known, key))
        {
          problem ("%s:%u: %s %s is listed twice", path, i + 1, k->id, k->field);
          known_free (k);
          continue;
        }
      g_hash_table_insert (known, g_steal_pointer (&key), k);
      g_ptr_array_add (known_list, k);
    }
}

/* Comparing --------------------------------------------------------------- */

/* Lower case, without one pair of surrounding brackets, then one trailing dot. */
static char *
host_key (const char *s)
{
  gsize len = strlen (s);

  if (len >= 2 && s[0] == '[' && s[len - 1] == ']')
    {
      s++;
      len -= 2;
    }
  if (len >= 1 && s[len - 1] == '.')
    len--;
  return g_ascii_strdown (s, len);
}

static gboolean
same_host (const char *a,
           const char *b)
{
  g_autofree char *ka = host_key (a);
  g_autofree char *kb = host_key (b);

  return strcmp (ka, kb) == 0;
}

static gboolean
same_ip (const char *a,
         const char *b)
{
  g_autoptr(GInetAddress) ia = g_inet_address_new_from_string (a);
  g_autoptr(GInetAddress) ib = g_inet_address_new_from_string (b);

  if (ia != NULL && ib != NULL)
    return g_inet_address_equal (ia, ib);
  return g_ascii_strcasecmp (a, b) == 0;
}

/* The source's value as text for messages and for the list: JSON scalars as
 * written, null as "null". */
static char *
their_text (JsonNode *n)
{
  if (JSON_NODE_HOLDS_NULL (n))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_VALUE (n))
    {
      GType t = json_node_get_value_type (n);

      if (t == G_TYPE_STRING)
        return g_strdup (json_node_get_string (n));
      if (t == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (n) ? "true" : "false");
      if (t == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
    }
  return json_to_string (n, FALSE);
}

static const char *
our_string (HlReceived *hop,
            Field       field)
{
  switch (field)
    {
    case FIELD_FROM_HOST:
      return hl_received_get_from_name (hop);
    case FIELD_FROM_RDNS:
      return hl_received_get_from_rdns (hop);
    case FIELD_FROM_IP:
      return hl_received_get_from_ip (hop);
    case FIELD_BY_HOST:
      return hl_received_get_by_host (hop);
    case FIELD_PROTOCOL:
      return hl_received_get_with (hop);
    case FIELD_CIPHER:
      return hl_received_get_tls_cipher (hop);
    default:
      g_assert_not_reached ();
    }
}

/* Hoplock's value as text, in the form disagreements.tsv uses. */
static char *
our_text (HlReceived *hop,
          Field       field)
{
  switch (field)
    {
    case FIELD_TLS:
      return g_strdup (hl_received_get_tls_state (hop) == HL_TLS_STATE_ENCRYPTED ? "true" : "false");
    case FIELD_TLS_VERSION:
      {
        const char *raw = hl_received_get_tls_version_raw (hop);
        const char *v = hl_tls_version_to_string (hl_received_get_tls_version (hop));

        if (raw == NULL)
          return g_strdup ("null");
        return g_strdup_printf ("%s (%s)", v ? v : "unknown", raw);
      }
    case FIELD_BITS:
      if (hl_received_get_tls_bits (hop) < 0)
        return g_strdup ("null");
      return g_strdup_printf ("%d", hl_received_get_tls_bits (hop));
    case FIELD_VERIFY:
      {
        const char *raw = hl_received_get_tls_verify_raw (hop);
        const char *v = hl_verify_to_string (hl_received_get_tls_verify (hop));

        if (raw == NULL && v == NULL)
          return g_strdup ("null");
        return g_strdup_printf ("%s (%s)", v ? v : "none", raw ? raw : "");
      }
    case FIELD_AUTHENTICATED:
      return g_strdup (hl_received_get_authenticated (hop) ? "true" : "false");
    default:
      {
        const char *s = our_string (hop, field);

        return g_strdup (s ? s : "null");
      }
    }
}

static gboolean
agrees (HlReceived *hop,
        Field       field,
        JsonNode   *theirs)
{
  gboolean is_null = JSON_NODE_HOLDS_NULL (theirs);
  const char *ts = NULL;

  if (!is_null && JSON_NODE_HOLDS_VALUE (theirs)
      && json_node_get_value_type (theirs) == G_TYPE_STRING)
    ts = json_node_get_string (theirs);

  switch (field)
    {
    case FIELD_FROM_HOST:
    case FIELD_FROM_RDNS:
    case FIELD_BY_HOST:
    case FIELD_FROM_IP:
    case FIELD_PROTOCOL:
    case FIELD_CIPHER:
      {
        const char *ours = our_string (hop, field);

        if (is_null || ours == NULL)
          return is_null && ours == NULL;
        if (ts == NULL)
          return FALSE;
        if (field == FIELD_FROM_IP)
          return same_ip (ours, ts);
        if (field == FIELD_PROTOCOL || field == FIELD_CIPHER)
          return strcmp (ours, ts) == 0;
        return same_host (ours, ts);
      }

    case FIELD_TLS:
      {
        gboolean ours = hl_received_get_tls_state (hop) == HL_TLS_STATE_ENCRYPTED;

        if (is_null)
          return !ours;
        return JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_BOOLEAN
               && json_node_get_boolean (theirs) == ours;
      }

    case FIELD_TLS_VERSION:
      {
        const char *raw = hl_received_get_tls_version_raw (hop);
        gboolean amb_ours = hl_received_get_tls_version_ambiguous (hop);
        gboolean amb_theirs = FALSE;
        HlTlsVersion v;

        if (is_null || raw == NULL)
          return is_null && raw == NULL;
        if (ts == NULL)
          return FALSE;
        v = hl_tls_version_parse (ts, (gsize) -1, &amb_theirs);
        if (v == HL_TLS_VERSION_UNKNOWN && !amb_theirs)
          return g_ascii_strcasecmp (raw, ts) == 0;   /* a word neither side knows */
        return v == hl_received_get_tls_version (hop) && amb_theirs == amb_ours;
      }

    case FIELD_BITS:
      {
        int ours = hl_received_get_tls_bits (hop);

        if (is_null)
          return ours < 0;
        return JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_INT64
               && json_node_get_int (theirs) == ours;
      }

    case FIELD_VERIFY:
      {
        const char *raw = hl_received_get_tls_verify_raw (hop);
        HlVerify verify = hl_received_get_tls_verify (hop);
        const char *word = hl_verify_to_string (verify);

        if (is_null)
          return raw == NULL && verify == HL_VERIFY_NONE;
        if (ts == NULL)
          return FALSE;
        return (raw != NULL && g_ascii_strcasecmp (raw, ts) == 0)
               || (word != NULL && strcmp (word, ts) == 0);
      }

    case FIELD_AUTHENTICATED:
      {
        gboolean ours = hl_received_get_authenticated (hop);

        if (is_null)
          return !ours;
        return JSON_NODE_HOLDS_VALUE (theirs) && json_node_get_value_type (theirs) == G_TYPE_BOOLEAN
               && json_node_get_boolean (theirs) == ours;
      }

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Counting ---------------------------------------------------------------- */

/* A key of normalized.jsonl that no Field reads would be asserted by the source
 * and counted nowhere; /corpus/table fails on it. */
static void
note_uncounted (const char *source,
                const char *key)
{
  g_autofree char *name = NULL;
  guint n;

  if (strcmp (key, "id") == 0)
    return;
  for (guint f = 0; f < N_FIELDS; f++)
    if (strcmp (key, field_names[f]) == 0)
      return;
  name = g_strdup_printf ("%s: %s", source, key);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (uncounted, name));
  g_hash_table_insert (uncounted, g_steal_pointer (&name), GUINT_TO_POINTER (n + 1));
}

static GPtrArray *
load_header_cases (const char *source)
{
  g_autofree char *hpath = g_build_filename (corpus_dir, source, "headers.jsonl", NULL);
  g_autofree char *npath = g_build_filename (corpus_dir, source, "normalized.jsonl", NULL);
  g_autoptr(GPtrArray) headers = read_jsonl (hpath);
  g_autoptr(GPtrArray) norm = read_jsonl (npath);
  g_autoptr(GHashTable) raw_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *cases = g_ptr_array_new ();

  for (guint i = 0; i < headers->len; i++)
    {
      const char *id = object_string (line_object (headers, i), "id");
      GBytes *raw = line_raw (headers, i);

      if (id == NULL || raw == NULL)
        {
          problem ("%s:%u: no id or raw", hpath, i + 1);
          continue;
        }
      g_hash_table_insert (raw_by_id, (gpointer) id, raw);
    }

  for (guint i = 0; i < norm->len; i++)
    {
      JsonObject *o = line_object (norm, i);
      const char *id = object_string (o, "id");
      GBytes *raw = id ? g_hash_table_lookup (raw_by_id, id) : NULL;
      HeaderCase *c;
      GList *members;
      gsize len;
      const char *data;

      if (raw == NULL)
        {
          problem ("%s:%u: %s is not in headers.jsonl", npath, i + 1, id ? id : "(no id)");
          continue;
        }
      members = json_object_get_members (o);
      for (GList *l = members; l != NULL; l = l->next)
        note_uncounted (source, l->data);
      g_list_free (members);

      data = g_bytes_get_data (raw, &len);
      c = g_new0 (HeaderCase, 1);
      c->id = g_strdup (id);
      c->hop = hl_received_parse (data, len);
      c->node = json_node_ref (((Line *) g_ptr_array_index (norm, i))->node);
      c->expect = o;
      g_ptr_array_add (cases, c);
    }

  return cases;
}

static Tally *
count (const char *source,
       GPtrArray  *cases,
       Field       field)
{
  Tally *t = g_new0 (Tally, 1);

  t->source = source;
  t->field = field;
  t->unexpected = g_ptr_array_new_with_free_func (g_free);
  t->kept_lines = g_ptr_array_new_with_free_func (g_free);
  t->stale = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < cases->len; i++)
    {
      HeaderCase *c = g_ptr_array_index (cases, i);
      JsonNode *theirs = json_object_get_member (c->expect, field_names[field]);
      g_autofree char *key = NULL;
      g_autofree char *ours_s = NULL;
      g_autofree char *theirs_s = NULL;
      gboolean ok;
      Known *k;

      if (theirs == NULL)
        continue;
      t->asserted++;
      ok = agrees (c->hop, field, theirs);
      ours_s = our_text (c->hop, field);
      theirs_s = their_text (theirs);
      key = g_strdup_printf ("%s\t%s", c->id, field_names[field]);
      k = g_hash_table_lookup (known, key);

      if (k != NULL)
        {
          k->seen = TRUE;
          if (ok)
            g_ptr_array_add (t->stale,
                             g_strdup_printf ("disagreements.tsv:%u: %s %s now agrees (%s); "
                                              "remove the line",
                                              k->line, c->id, field_names[field], ours_s));
          else if (strcmp (k->ours, ours_s) != 0 || strcmp (k->theirs, theirs_s) != 0)
            g_ptr_array_add (t->stale,
                             g_strdup_printf ("disagreements.tsv:%u: %s %s now disagrees as "
                                              "ours=%s theirs=%s, not as listed (%s / %s)",
                                              k->line, c->id, field_names[field], ours_s,
                                              theirs_s, k->ours, k->theirs));
          else
            {
              t->kept++;
              g_ptr_array_add (t->kept_lines,
                               g_strdup_printf ("%s\t%s\tours=%s\ttheirs=%s", c->id,
                                                field_names[field], ours_s, theirs_s));
            }
          if (ok)
            t->agree++;
        }
      else if (ok)
        t->agree++;
      else
        {
          gsize len;
          const char *raw = hl_received_get_raw (c->hop, &len);

          g_ptr_array_add (t->unexpected,
                           g_strdup_printf ("%s\t%s\tours=%s\ttheirs=%s\traw=%s", c->id,
                                            field_names[field], ours_s, theirs_s, raw));
        }
    }

  return t;
}

static void
tally_free (Tally *t)
{
  g_ptr_array_unref (t->unexpected);
  g_ptr_array_unref (t->kept_lines);
  g_ptr_array_unref (t->stale);
  g_free (t);
}

static gboolean
tally_passes (const Tally *t)
{
  guint counted = t->asserted - t->kept;

  return t->stale->len == 0 && (counted == 0 || t->agree * 100 >= MIN_AGREEMENT * counted);
}

/* Header-field cases ------------------------------------------------------ */

/* The table and the disagreements go to stdout as TAP comments and, since meson keeps
 * those only in its log, to stderr as well, where `meson test -v` shows them. */
static void G_GNUC_PRINTF (1, 2)
table_line (const char *format,
            ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s", line);
  g_printerr ("# %s\n", line);
}

/* The whole table: every case that disagreements.tsv does not list agrees (100 %,
 * where a row alone fails only below MIN_AGREEMENT), every listed disagreement is
 * one of the kept ones, and everything the sources assert is counted: each source
 * has rows, no key of normalized.jsonl goes unread and no folder of the corpus with
 * a normalized.jsonl is left out of sources[]. */
static void
test_table (void)
{
  guint asserted = 0, agree = 0, kept = 0, unexpected = 0, stale = 0, bad = 0;
  g_autoptr(GDir) dir = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *entry;

  table_line ("%-22s %-14s %8s %6s %5s %10s %6s  %s", "source", "field", "asserted", "agree",
              "kept", "agreement", "raw", "result");
  for (guint i = 0; i < tallies->len; i++)
    {
      const Tally *t = g_ptr_array_index (tallies, i);
      guint counted = t->asserted - t->kept;

      table_line ("%-22s %-14s %8u %6u %5u %9.1f%% %5.1f%%  %s", t->source,
                  field_names[t->field], t->asserted, t->agree, t->kept,
                  counted ? 100.0 * t->agree / counted : 100.0,
                  100.0 * t->agree / t->asserted, tally_passes (t) ? "ok" : "FAIL");
      asserted += t->asserted;
      agree += t->agree;
      kept += t->kept;
      unexpected += t->unexpected->len;
      stale += t->stale->len;
    }
  table_line ("%-22s %-14s %8u %6u %5u %9.1f%% %5.1f%%", "all", "", asserted, agree, kept,
              asserted > kept ? 100.0 * agree / (asserted - kept) : 100.0,
              asserted ? 100.0 * agree / asserted : 100.0);
  table_line ("agreement = agree / (asserted - kept); raw = agree / asserted; "
              "a row fails below %d %% or with a stale line in disagreements.tsv, "
              "the table below 100 %%", MIN_AGREEMENT);

  if (unexpected > 0)
    {
      g_test_message ("%u case(s) disagree and are not in disagreements.tsv (see the rows)",
                      unexpected);
      bad++;
    }
  if (stale > 0)
    {
      g_test_message ("%u line(s) of disagreements.tsv no longer disagree as listed", stale);
      bad++;
    }
  if (kept != known_list->len)
    {
      g_test_message ("disagreements.tsv lists %u disagreement(s), %u of them happen as listed",
                      known_list->len, kept);
      bad++;
    }
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < tallies->len && !found; i++)
        found = strcmp (((const Tally *) g_ptr_array_index (tallies, i))->source, sources[s]) == 0;
      if (!found)
        {
          g_test_message ("%s: no case counted", sources[s]);
          bad++;
        }
    }
  g_hash_table_iter_init (&iter, uncounted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("%s: asserted by %u case(s), read by no field of the table",
                      (const char *) key, GPOINTER_TO_UINT (value));
      bad++;
    }
  dir = g_dir_open (corpus_dir, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *norm = g_build_filename (corpus_dir, entry, "normalized.jsonl", NULL);
      gboolean listed = FALSE;

      for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
        listed |= strcmp (sources[s], entry) == 0;
      if (!listed && g_file_test (norm, G_FILE_TEST_IS_REGULAR))
        {
          g_test_message ("%s has a normalized.jsonl but is not in sources[]", entry);
          bad++;
        }
    }

  if (bad > 0)
    hl_test_fail ("%u problem(s) with the table as a whole; %u of %u counted cases agree",
                  bad, agree, asserted - kept);
}

static void
test_field (gconstpointer data)
{
  const Tally *t = data;
  guint counted = t->asserted - t->kept;

  for (guint i = 0; i < t->kept_lines->len; i++)
    g_test_message ("kept on purpose: %s", (const char *) g_ptr_array_index (t->kept_lines, i));
  for (guint i = 0; i < t->unexpected->len; i++)
    table_line ("disagrees: %s", (const char *) g_ptr_array_index (t->unexpected, i));
  for (guint i = 0; i < t->stale->len; i++)
    table_line ("stale: %s", (const char *) g_ptr_array_index (t->stale, i));
  g_test_message ("%s %s: %u asserted, %u agree, %u kept on purpose", t->source,
                  field_names[t->field], t->asserted, t->agree, t->kept);

  if (t->stale->len > 0)
    {
      hl_test_fail ("%u line(s) of disagreements.tsv are out of date", t->stale->len);
      return;
    }
  if (counted > 0 && t->agree * 100 < MIN_AGREEMENT * counted)
    hl_test_fail ("%u of %u cases agree (%.1f %%), below %d %%", t->agree, counted,
                  100.0 * t->agree / counted, MIN_AGREEMENT);
}

/* Every listed disagreement must name a case and field that the corpus asserts, and
 * give a reason. */
static void
test_known_listed (void)
{
  guint bad = 0;

  for (guint i = 0; i < known_list->len; i++)
    {
      const Known *k = g_ptr_array_index (known_list, i);

      if (!k->seen)
        {
          g_test_message ("disagreements.tsv:%u: no source asserts %s for %s", k->line,
                          k->field, k->id);
          bad++;
        }
      if (strlen (k->reason) < 10)
        {
          g_test_message ("disagreements.tsv:%u: %s %s has no reason", k->line, k->id, k->field);
          bad++;
        }
    }
  if (bad > 0)
    hl_test_fail ("%u problem(s) in disagreements.tsv", bad);
}

/* Every file of the corpus was read, and every line of it understood. */
static void
test_files (void)
{
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    hl_test_fail ("%u problem(s) reading the corpus, the first: %s", problems->len,
                  (const char *) g_ptr_array_index (problems, 0));
}

/* Messages ---------------------------------------------------------------- */

/* Runs of white space as one space, none at either end: received.jsonl unfolds a
 * field by dropping the line breaks, GMime does the same, and Hoplock turns the
 * control characters that are left into spaces. */
static char *
squeeze (const char *s,
         gsize       len)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (s[i]) || s[i] == '\0')
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, s[i]);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
squeeze_hop (HlReceived *hop)
{
  gsize len;
  const char *raw = hl_received_get_raw (hop, &len);

  return squeeze (raw, len);
}

static char *
squeeze_bytes (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return squeeze (data, len);
}

typedef struct
{
  const char *source;
  char *file;
  guint count;
  GPtrArray *fields;      /* Line * from received.jsonl, borrowed */
  char *problem;          /* what is wrong with the case itself, or NULL */
} EmlCase;

static void
test_eml (gconstpointer data)
{
  const EmlCase *c = data;
  g_autofree char *path = g_build_filename (corpus_dir, c->source, "eml", c->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;
  guint n;

  if (c->problem != NULL)
    {
      hl_test_fail ("%s", c->problem);
      return;
    }

  route = hl_route_new_from_file (file, NULL, &error);
  if (route == NULL)
    {
      hl_test_fail ("%s: %s", c->file, error ? error->message : "no route and no error");
      return;
    }

  n = hl_route_get_n_hops (route);
  if (n != c->count)
    {
      hl_test_fail ("%s: %u hops, but the message has %u Received fields", c->file, n,
                    c->count);
      return;
    }

  /* received.jsonl counts "hop" from the top of the message (0 is the newest field,
   * the one the last server wrote); Hoplock numbers hops from the oldest. */
  for (guint i = 0; i < c->fields->len; i++)
    {
      Line *l = g_ptr_array_index (c->fields, i);
      JsonObject *o = json_node_get_object (l->node);
      gint64 top = json_object_get_int_member (o, "hop");
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      HlReceived *hop;

      if (top < 0 || top >= n)
        {
          hl_test_fail ("%s: received.jsonl lists field %" G_GINT64_FORMAT
                        " from the top, of %u", c->file, top, n);
          continue;
        }
      hop = hl_route_get_hop (route, n - 1 - (guint) top);
      want = squeeze_bytes (l->raw);
      got = squeeze_hop (hop);
      if (strcmp (got, want) != 0)
        hl_test_fail ("%s: hop %u is not field %" G_GINT64_FORMAT " from the top (%s):\n"
                      "  hop:   %s\n  field: %s", c->file, n - (guint) top, top,
                      object_string (o, "id"), got, want);
    }
}

static void
add_eml_cases (const char *source)
{
  g_autofree char *index = g_build_filename (corpus_dir, source, "eml", "index.tsv", NULL);
  g_autofree char *rpath = g_build_filename (corpus_dir, source, "eml", "received.jsonl", NULL);
  g_autofree char *text = read_text (index);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *fields = read_jsonl (rpath);

  g_ptr_array_add (keep_alive, fields);

  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++)   /* line 0: "file\treceived" */
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *test_path = NULL;
      EmlCase *c;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      if (g_strv_length (cols) != 2)
        {
          problem ("%s:%u: expected file and count", index, i + 1);
          continue;
        }

      c = g_new0 (EmlCase, 1);
      c->source = source;
      c->file = g_strdup (cols[0]);
      c->count = (guint) g_ascii_strtoull (cols[1], NULL, 10);
      c->fields = g_ptr_array_new ();
      for (guint j = 0; j < fields->len; j++)
        if (g_strcmp0 (object_string (line_object (fields, j), "file"), c->file) == 0)
          g_ptr_array_add (c->fields, g_ptr_array_index (fields, j));
      if (c->fields->len != c->count)
        c->problem = g_strdup_printf ("%s: %s has %u fields in received.jsonl, not %u", rpath,
                                      c->file, c->fields->len, c->count);

      test_path = g_strdup_printf ("/corpus/eml/%s/%s", source, c->file);
      g_ptr_array_add (keep_alive, c);
      g_test_add_data_func (test_path, c, test_eml);
    }
}

/* MHA's whole chains ------------------------------------------------------ */

/* MHA's computeDeltas() gives the total as the newest dated field minus the oldest
 * dated one, in milliseconds, printed as whole minutes and then whole seconds, each
 * rounded down (Received.computeTime()).
 *
 * mha-chain-1: Fri, 20 Apr 2018 17:51:19 -0400 (21:51:19 UTC) to
 *   Sat, 21 Apr 2018 03:01:33 +0000: 5 h 10 min 14 s, "310 minutes 14 seconds",
 *   18614 s.
 * mha-chain-2: Sun, 22 Apr 2018 02:54:16.987 +0000 to Sun, 22 Apr 2018 02:54:19 +0000:
 *   2.013 s, which MHA prints as "2 seconds" because it keeps the milliseconds.
 *   The message took two seconds and a bit, so in whole seconds the total is 2.
 *   Cutting the fraction off the first date (02:54:16) would make it 3, a second
 *   the message never spent; the fraction must be rounded (02:54:17), not dropped.
 *   (The middle field, SendGrid's "2018-04-22 02:54:17.028704749 +0000 UTC" with no
 *   ';', is neither the oldest nor the newest, so it does not change the total.)
 * The totals are written here rather than parsed from MHA's wording; if MHA's
 * expectation changes, the test stops and asks for the total to be worked out again. */
static const struct
{
  const char *id;
  const char *mha_says;
  gint64 transit;
} chain_transits[] = {
  { "mha-chain-1", "310 minutes 14 seconds", 18614 },
  { "mha-chain-2", "2 seconds", 2 },
};

typedef struct
{
  char *id;
  GPtrArray *raw_top_first;   /* const char * */
  GPtrArray *rows_by_hop;     /* const char *: the header id of hop 1, 2, … */
  GHashTable *raw_by_id;      /* id → GBytes, from mha/headers.jsonl */
  gint64 transit;
  char *problem;              /* what is wrong with the case itself, or NULL */
} ChainCase;

static void
test_chain (gconstpointer data)
{
  const ChainCase *c = data;
  g_autoptr(GString) msg = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;
  gint64 transit = 0;
  guint n;

  if (c->problem != NULL)
    {
      hl_test_fail ("%s", c->problem);
      return;
    }

  for (guint i = 0; i < c->raw_top_first->len; i++)
    g_string_append_printf (msg, "Received: %s\r\n",
                            (const char *) g_ptr_array_index (c->raw_top_first, i));
  g_string_append (msg, "From: <sender@example.org>\r\n"
                        "To: <recipient@example.net>\r\n"
                        "Subject: chain\r\n"
                        "\r\n"
                        "body\r\n");

  route = hl_route_new_from_data (msg->str, msg->len, c->id, &error);
  if (route == NULL)
    {
      hl_test_fail ("%s: %s", c->id, error ? error->message : "no route and no error");
      return;
    }
  n = hl_route_get_n_hops (route);
  if (n != c->rows_by_hop->len)
    {
      hl_test_fail ("%s: %u hops, not %u", c->id, n, c->rows_by_hop->len);
      return;
    }

  /* rows_by_hop: MHA's hop 1 is the bottom field, as Hoplock's. */
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (c->rows_by_hop, i);
      GBytes *want_bytes = g_hash_table_lookup (c->raw_by_id, id);
      HlReceived *hop = hl_route_get_hop (route, i);
      g_autofree char *want = NULL, *got = NULL;

      if (want_bytes == NULL)
        {
          hl_test_fail ("%s: %s is not in mha/headers.jsonl", c->id, id);
          continue;
        }
      want = squeeze_bytes (want_bytes);
      got = squeeze_hop (hop);
      if (hl_received_get_index (hop) != i + 1 || strcmp (got, want) != 0)
        hl_test_fail ("%s: hop %u (index %u) is not %s:\n  hop:   %s\n  %s: %s", c->id,
                      i + 1, hl_received_get_index (hop), id, got, id, want);
    }

  if (!hl_route_get_transit (route, &transit))
    hl_test_fail ("%s: no transit time", c->id);
  else if (transit != c->transit)
    hl_test_fail ("%s: transit %" G_GINT64_FORMAT " s, expected %" G_GINT64_FORMAT " s",
                  c->id, transit, c->transit);
}

static void
add_chain_cases (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "mha", "chains.jsonl", NULL);
  g_autofree char *hpath = g_build_filename (corpus_dir, "mha", "headers.jsonl", NULL);
  GPtrArray *chains = read_jsonl (path);
  GPtrArray *headers = read_jsonl (hpath);
  GHashTable *raw_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_add (keep_alive, chains);
  g_ptr_array_add (keep_alive, headers);

  for (guint i = 0; i < headers->len; i++)
    g_hash_table_insert (raw_by_id, (gpointer) object_string (line_object (headers, i), "id"),
                         line_raw (headers, i));

  for (guint i = 0; i < chains->len; i++)
    {
      JsonObject *o = line_object (chains, i);
      JsonObject *expect = json_object_get_object_member (o, "expect");
      JsonObject *rows = json_object_get_object_member (expect, "rows_by_hop");
      JsonArray *raws = json_object_get_array_member (o, "raw_in_message_order");
      const char *deltas = object_string (expect, "computeDeltas");
      g_autofree char *test_path = NULL;
      ChainCase *c = g_new0 (ChainCase, 1);
      gboolean found = FALSE;

      c->id = g_strdup (object_string (o, "id"));
      c->raw_by_id = raw_by_id;
      c->raw_top_first = g_ptr_array_new ();
      for (guint j = 0; j < json_array_get_length (raws); j++)
        g_ptr_array_add (c->raw_top_first, (gpointer) json_array_get_string_element (raws, j));
      c->rows_by_hop = g_ptr_array_new ();
      for (guint hop = 1; hop <= json_object_get_size (rows); hop++)
        {
          g_autofree char *key = g_strdup_printf ("%u", hop);

          if (!json_object_has_member (rows, key))
            {
              c->problem = g_strdup_printf ("%s: %s has no row for hop %u", path, c->id, hop);
              break;
            }
          g_ptr_array_add (c->rows_by_hop, (gpointer) json_object_get_string_member (rows, key));
        }

      for (guint j = 0; j < G_N_ELEMENTS (chain_transits); j++)
        if (g_strcmp0 (chain_transits[j].id, c->id) == 0)
          {
            if (g_strcmp0 (chain_transits[j].mha_says, deltas) != 0 && c->problem == NULL)
              c->problem = g_strdup_printf ("%s: %s: MHA now says “%s”; work the total out "
                                            "again", path, c->id, deltas);
            c->transit = chain_transits[j].transit;
            found = TRUE;
          }
      if (!found && c->problem == NULL)
        c->problem = g_strdup_printf ("%s: %s is new; add its total transit to chain_transits",
                                      path, c->id);

      test_path = g_strdup_printf ("/corpus/mha/%s", c->id);
      g_ptr_array_add (keep_alive, c);
      g_test_add_data_func (test_path, c, test_chain);
    }
}

/* ------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *known_path = NULL;

  g_test_init (&argc, &argv, NULL);
  /* One wrong hop or field should not hide the rest of the table. */
  g_test_set_nonfatal_assertions ();

  if (argc > 1)
    corpus_dir = g_strdup (argv[1]);
  else
    corpus_dir = hl_test_source_path ("tests", "corpus", NULL);

  keep_alive = g_ptr_array_new ();
  tallies = g_ptr_array_new ();
  problems = g_ptr_array_new_with_free_func (g_free);
  uncounted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known_path = g_build_filename (corpus_dir, "disagreements.tsv", NULL);
  load_known (known_path);

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      GPtrArray *cases = load_header_cases (sources[s]);

      g_ptr_array_add (keep_alive, cases);
      for (guint f = 0; f < N_FIELDS; f++)
        {
          Tally *t = count (sources[s], cases, f);

          if (t->asserted == 0)
            {
              /* this source asserts nothing about the field */
              tally_free (t);
              continue;
            }
          g_ptr_array_add (tallies, t);
        }
    }

  g_test_add_func ("/corpus/files", test_files);
  g_test_add_func ("/corpus/table", test_table);
  g_test_add_func ("/corpus/disagreements-listed", test_known_listed);
  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *t = g_ptr_array_index (tallies, i);
      g_autofree char *path = g_strdup_printf ("/corpus/%s/%s", t->source, field_names[t->field]);

      g_test_add_data_func (path, t, test_field);
    }
  for (guint s = 0; s < G_N_ELEMENTS (eml_sources); s++)
    add_eml_cases (eml_sources[s]);
  add_chain_cases ();

  return g_test_run ();
}
