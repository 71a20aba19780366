/* route.c: a message's hops, oldest first, and the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "hl-test-route.h"
#include "core/hl-route-private.h"

/* The built-in example, exactly as the report must show it. */
static void
test_example (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("example.eml");
  HlReceived *hop;
  g_autofree char *date = NULL;
  g_autofree char *sentence = NULL;

  g_assert_cmpuint (hl_route_get_n_hops (route), ==, 1);
  hop = hl_route_get_hop (route, 0);
  g_assert_cmpuint (hl_received_get_index (hop), ==, 1);
  g_assert_cmpstr (hl_received_get_from_helo (hop), ==, "mail.uexport.com");
  g_assert_cmpstr (hl_received_get_from_ip (hop), ==, "192.168.1.1");
  g_assert_cmpstr (hl_received_get_by_host (hop), ==, "mail.lint.com");
  g_assert_cmpstr (hl_received_get_with (hop), ==, "ESMTP");
  g_assert_cmpstr (hl_received_get_id (hop), ==, "h0UGn9P7001230");
  g_assert_cmpint (hl_received_get_tls_state (hop), ==, HL_TLS_STATE_ENCRYPTED);
  g_assert_cmpint (hl_received_get_tls_evidence (hop), ==, HL_EVIDENCE_TLS_CLAUSE);
  g_assert_cmpint (hl_received_get_tls_version (hop), ==, HL_TLS_VERSION_UNKNOWN);
  g_assert_true (hl_received_get_tls_version_ambiguous (hop));
  g_assert_cmpstr (hl_received_get_tls_version_raw (hop), ==, "TLSv1/SSLv3");
  g_assert_cmpstr (hl_received_get_tls_cipher (hop), ==, "EDH-RSA-DES-CBC3-SHA");
  g_assert_cmpint (hl_received_get_tls_bits (hop), ==, 168);
  g_assert_cmpint (hl_received_get_tls_verify (hop), ==, HL_VERIFY_VERIFIED);
  g_assert_cmpstr (hl_received_get_tls_verify_raw (hop), ==, "OK");
  g_assert_cmpstr (hl_received_get_mta (hop), ==, "sendmail");
  date = hl_received_dup_date_iso (hop, FALSE);
  g_assert_cmpstr (date, ==, "2005-07-17T15:39:10-05:00");

  g_assert_cmpint (hl_route_get_verdict (route), ==, HL_VERDICT_ALL_ENCRYPTED);
  /* Encrypted, but with Triple-DES and maybe SSL 3.0: the sentence says so. */
  sentence = hl_route_dup_sentence (route);
  g_assert_cmpstr (sentence, ==, "The one network hop was encrypted. Its protection was weak.");
  /* A private address between two companies' hosts is still a relay. */
  g_assert_cmpint (hl_received_get_kind (hop), ==, HL_HOP_KIND_RELAY);
  g_assert_cmpstr (hl_route_get_subject (route), ==, "Quotation for the July shipment");
  g_assert_cmpstr (hl_route_get_message_id (route), ==, "20050717203902.GA1230@mail.uexport.com");
}

typedef struct
{
  const char *file;
  guint hops;
  HlVerdict verdict;
  guint encrypted, unencrypted, unknown, local;
  guint weakest;
  gint64 transit;
  const char *sentence;
} SampleCase;

static const SampleCase samples[] = {
  { "all-encrypted.eml", 3, HL_VERDICT_ALL_ENCRYPTED, 3, 0, 0, 0, 1, 4,
    "All 3 network hops were encrypted." },
  { "one-clear-hop.eml", 3, HL_VERDICT_PARTLY_ENCRYPTED, 1, 1, 0, 1, 2, 3,
    "1 of 2 network hops was encrypted; hop 2 (app01.partner.example → relay.partner.example) was not." },
  { "local-hops.eml", 2, HL_VERDICT_NO_HOPS, 0, 0, 0, 2, 0, 1,
    "The message never left the machines it was written on; there is no network hop to judge." },
};

static void
test_sample (gconstpointer data)
{
  const SampleCase *c = data;
  g_autoptr(HlRoute) route = hl_test_load_sample (c->file);
  g_autofree char *sentence = NULL;
  gint64 transit = -1;

  g_assert_cmpuint (hl_route_get_n_hops (route), ==, c->hops);
  g_assert_cmpstr (hl_verdict_to_string (hl_route_get_verdict (route)), ==,
                   hl_verdict_to_string (c->verdict));
  g_assert_cmpuint (hl_route_count (route, HL_TLS_STATE_ENCRYPTED), ==, c->encrypted);
  g_assert_cmpuint (hl_route_count (route, HL_TLS_STATE_UNENCRYPTED), ==, c->unencrypted);
  g_assert_cmpuint (hl_route_count (route, HL_TLS_STATE_UNKNOWN), ==, c->unknown);
  g_assert_cmpuint (hl_route_count (route, HL_TLS_STATE_LOCAL), ==, c->local);
  g_assert_cmpuint (hl_route_get_weakest_hop (route), ==, c->weakest);
  g_assert_true (hl_route_get_transit (route, &transit));
  g_assert_cmpint (transit, ==, c->transit);
  sentence = hl_route_dup_sentence (route);
  g_assert_cmpstr (sentence, ==, c->sentence);

  for (guint i = 0; i < hl_route_get_n_hops (route); i++)
    g_assert_cmpuint (hl_received_get_index (hl_route_get_hop (route, i)), ==, i + 1);
}

/* Hops are oldest first; delays are against the previous hop, negative ones kept. */
static void
test_order_and_delays (void)
{
  static const char msg[] =
    "Received: by c.example with SMTP; Mon, 1 Jan 2024 10:00:05 +0000\n"
    "Received: by b.example with SMTP; Mon, 1 Jan 2024 11:00:10 +0100\n"
    "Received: by a.example with SMTP; Mon, 1 Jan 2024 10:00:30 +0000\n"
    "Subject: order\n\nbody\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = hl_route_new_from_data (msg, strlen (msg), "order", &error);
  gint64 d;
  guint n;
  const HlWarning *w;

  g_assert_no_error (error);
  g_assert_cmpuint (hl_route_get_n_hops (route), ==, 3);
  g_assert_cmpstr (hl_received_get_by_host (hl_route_get_hop (route, 0)), ==, "a.example");
  g_assert_cmpstr (hl_received_get_by_host (hl_route_get_hop (route, 2)), ==, "c.example");
  g_assert_false (hl_received_get_delay (hl_route_get_hop (route, 0), NULL));
  g_assert_true (hl_received_get_delay (hl_route_get_hop (route, 1), &d));
  g_assert_cmpint (d, ==, -20);
  g_assert_true (hl_received_get_delay (hl_route_get_hop (route, 2), &d));
  g_assert_cmpint (d, ==, -5);
  w = hl_received_get_warnings (hl_route_get_hop (route, 1), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (w[0].code, ==, "negative-delay");
}

/* CRLF or LF, a leading mbox From line, blank lines before a pasted header block,
 * a bare header block without a body: all read the same. */
static void
test_input_forms (void)
{
  static const char *const forms[] = {
    "Received: from a (a [192.0.2.1]) by b with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\r\n"
    "Subject: =?UTF-8?B?w4RwZmVs?=\r\n\r\nbody\r\n",
    "Received: from a (a [192.0.2.1]) by b with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
    "Subject: =?UTF-8?B?w4RwZmVs?=\n\nbody\n",
    "From someone@example Mon Jan  1 10:00:00 2024\n"
    "Received: from a (a [192.0.2.1]) by b with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
    "Subject: =?UTF-8?B?w4RwZmVs?=\n\nbody\n",
    "\n\n  Received: from a (a [192.0.2.1])\n\tby b with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
    "Subject: =?UTF-8?B?w4RwZmVs?=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlRoute) route = hl_route_new_from_data (forms[i], strlen (forms[i]), NULL, &error);
      HlReceived *hop;

      g_assert_no_error (error);
      g_assert_cmpuint (hl_route_get_n_hops (route), ==, 1);
      hop = hl_route_get_hop (route, 0);
      g_assert_cmpstr (hl_received_get_from_ip (hop), ==, "192.0.2.1");
      g_assert_cmpstr (hl_received_get_by_host (hop), ==, "b");
      g_assert_cmpint (hl_received_get_tls_state (hop), ==, HL_TLS_STATE_ENCRYPTED);
      g_assert_cmpstr (hl_route_get_subject (route), ==, "Äpfel");
    }
}

static void
test_errors (void)
{
  static const struct { const char *data; gsize len; int code; } bad[] = {
    { "", 0, HL_PARSE_ERROR_EMPTY },
    { "\n\n   \n", 6, HL_PARSE_ERROR_EMPTY },
    { "From nobody Mon Jan  1 10:00:00 2024\n", 37, HL_PARSE_ERROR_EMPTY },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, HL_PARSE_ERROR_NOT_A_MESSAGE },
    { "Just some text, not a message.\nSecond line.\n", 44, HL_PARSE_ERROR_NOT_A_MESSAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlRoute) route = hl_route_new_from_data (bad[i].data, bad[i].len, NULL, &error);

      g_assert_null (route);
      g_assert_error (error, HL_PARSE_ERROR, bad[i].code);
    }
}

static void
test_no_received (void)
{
  static const char msg[] = "From: a@example\nSubject: draft\n\nnot sent yet\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = hl_route_new_from_data (msg, strlen (msg), NULL, &error);
  guint n;
  const HlWarning *w;

  g_assert_no_error (error);
  g_assert_cmpuint (hl_route_get_n_hops (route), ==, 0);
  g_assert_cmpint (hl_route_get_verdict (route), ==, HL_VERDICT_NO_HOPS);
  g_assert_false (hl_route_get_transit (route, NULL));
  w = hl_route_get_warnings (route, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (w[0].code, ==, "no-received");
}

/* The summary's header texts carry no control characters, C1 included. */
static void
test_control_characters (void)
{
  static const char msg[] = "Received: from a by b with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
                            "Subject: =?UTF-8?Q?a=C2=9B2Jb=1B[31mc?=\n"
                            "From: x\xc2\x9by <x@example.org>\n\nbody\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = hl_route_new_from_data (msg, strlen (msg), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hl_route_get_subject (route), ==, "a  2Jb [31mc");
  g_assert_null (strstr (hl_route_get_from (route), "\xc2"));
}

/* A header field of megabytes is cut before GMime copies it, and both the message
 * and the hop say a limit was hit. */
static void
test_long_field (void)
{
  GString *msg = g_string_new ("Received: from a.example by b.example with ESMTPS id X; "
                               "Mon, 1 Jan 2024 10:00:00 +0000\nReceived: from c.example ");
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;
  const HlWarning *w;
  guint n;
  gboolean route_warned = FALSE, hop_warned = FALSE;
  gsize raw_len;

  for (guint i = 0; i < 100000; i++)
    g_string_append (msg, "\n (a comment line that folds the field)");
  g_string_append (msg, "\nSubject: ");
  for (guint i = 0; i < 200000; i++)
    g_string_append (msg, "word ");
  g_string_append (msg, "\nFrom: a@example.org\n\nbody\n");

  route = hl_route_new_from_data (msg->str, msg->len, NULL, &error);
  g_string_free (msg, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_route_get_n_hops (route), ==, 2);
  w = hl_route_get_warnings (route, &n);
  for (guint i = 0; i < n; i++)
    route_warned |= g_str_equal (w[i].code, "field-too-long");
  g_assert_true (route_warned);

  hl_received_get_raw (hl_route_get_hop (route, 0), &raw_len);
  g_assert_cmpuint (raw_len, ==, HL_MAX_FIELD_LENGTH);
  w = hl_received_get_warnings (hl_route_get_hop (route, 0), &n);
  for (guint i = 0; i < n; i++)
    hop_warned |= g_str_equal (w[i].code, "field-too-long");
  g_assert_true (hop_warned);
  g_assert_cmpstr (hl_received_get_by_host (hl_route_get_hop (route, 1)), ==, "b.example");
  g_assert_cmpuint (strlen (hl_route_get_subject (route)), <, 2 * HL_MAX_FIELD_LENGTH);
  g_assert_cmpstr (hl_route_get_from (route), ==, "a@example.org");
}

/* A file over the size limit is refused before it is read into memory, and a
 * device that never ends is read only up to the limit. */
static void
test_file_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(HlRoute) route = NULL;
  int fd = g_file_open_tmp ("hoplock-big-XXXXXX.eml", &path, &error);

  g_assert_no_error (error);
  /* Sparse: no disk used, and reading it would take 256 MiB of memory. */
  g_assert_cmpint (ftruncate (fd, (off_t) HL_MAX_MESSAGE_SIZE + 1), ==, 0);
  close (fd);
  file = g_file_new_for_path (path);
  route = hl_route_new_from_file (file, NULL, &error);
  g_assert_null (route);
  g_assert_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* More fields than the limit: the newest are read, and the report says so. */
static void
test_many_hops (void)
{
  GString *msg = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;
  guint n;
  const HlWarning *w;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (msg, "Received: from h%u (h%u [192.0.2.%u]) by h%u with ESMTPS id %u;"
                            " Mon, 1 Jan 2024 10:00:00 +0000\n", i + 1, i + 1, i % 250 + 1, i, i);
  g_string_append (msg, "Subject: many\n\n");
  route = hl_route_new_from_data (msg->str, msg->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_route_get_n_hops (route), ==, HL_MAX_HOPS);
  /* The newest field (the top one) is the last hop. */
  g_assert_cmpstr (hl_received_get_by_host (hl_route_get_hop (route, HL_MAX_HOPS - 1)), ==, "h0");
  g_assert_cmpint (hl_route_get_verdict (route), ==, HL_VERDICT_ALL_ENCRYPTED);
  w = hl_route_get_warnings (route, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (w[0].code, ==, "too-many-hops");
  g_string_free (msg, TRUE);
}

/* A JSON report holds every key of the contract. */
static void
test_json_contract (void)
{
  g_autoptr(HlRoute) route = hl_test_load_sample ("one-clear-hop.eml");
  g_autoptr(JsonNode) node = hl_route_to_json (route);
  JsonObject *root = json_node_get_object (node);
  JsonObject *summary, *hop, *tls;
  static const char *const hop_keys[] = {
    "index", "raw", "from", "by", "with", "id", "for", "date", "date_utc", "delay_s", "tls",
    "authenticated", "kind", "mta", "tokens", "warnings",
  };
  static const char *const tls_keys[] = {
    "state", "evidence", "version", "version_raw", "cipher", "cipher_iana", "bits", "alg_bits",
    "key_exchange", "verify", "verify_raw", "rating", "rating_reasons",
  };

  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "hoplock-report/1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "source"), "name"),
                   ==, "one-clear-hop.eml");
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "hops"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (summary, "encrypted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "unencrypted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "local"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "unknown"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (summary, "verdict"), ==, "partly-encrypted");
  g_assert_cmpint (json_object_get_int_member (summary, "weakest_hop"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "transit_s"), ==, 3);
  g_assert_true (json_object_has_member (summary, "sentence"));
  g_assert_true (json_object_has_member (summary, "weakest_rating"));

  hop = json_array_get_object_element (json_object_get_array_member (root, "hops"), 2);
  for (guint i = 0; i < G_N_ELEMENTS (hop_keys); i++)
    g_assert_true (json_object_has_member (hop, hop_keys[i]));
  tls = json_object_get_object_member (hop, "tls");
  for (guint i = 0; i < G_N_ELEMENTS (tls_keys); i++)
    g_assert_true (json_object_has_member (tls, tls_keys[i]));
  g_assert_cmpstr (json_object_get_string_member (tls, "state"), ==, "encrypted");
  g_assert_cmpstr (json_object_get_string_member (tls, "evidence"), ==, "protocol");
  g_assert_true (json_object_get_null_member (tls, "cipher"));
  g_assert_cmpint (json_object_get_int_member (hop, "delay_s"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (hop, "index"), ==, 3);
}

/* Pasted text: what a person copies, and what the app gets back. */
typedef struct
{
  const char *name;
  const char *text;
  guint n_hops;       /* 0: an error */
  int code;           /* HL_PARSE_ERROR code when n_hops is 0 */
} TextCase;

static const TextCase text_cases[] = {
  { "header", "Received: from a.example by b.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
              "Subject: hi\n", 1, 0 },
  { "blank-lines-first", "\n\n  \nReceived: from a.example by b.example with ESMTP; "
                         "Mon, 1 Jan 2024 10:00:00 +0000\n", 1, 0 },
  { "webmail-table-above", "Original Message\nMessage ID\t<x@example>\nCreated at:\tMon\n\n"
                           "Received: from a.example by b.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
                           "Received: from c.example by a.example with ESMTP; Mon, 1 Jan 2024 09:59:00 +0000\n"
                           "Subject: hi\n", 2, 0 },
  { "one-value", "from a.example (a.example [192.0.2.1]) by b.example with ESMTPS id X; "
                 "Mon, 1 Jan 2024 10:00:00 +0000", 1, 0 },
  { "one-value-by", "by b.example with LMTP id Y; Mon, 1 Jan 2024 10:00:00 +0000", 1, 0 },
  { "invalid-utf8", "Received: from a\xff.example by b.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n", 1, 0 },
  /* copied from a web page that lost the line breaks */
  { "lost-line-breaks", "Received: from a.example by b.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000 "
                        "Received: from c.example by a.example with ESMTP; Mon, 1 Jan 2024 09:59:00 +0000 "
                        "Received: from d.example by c.example with SMTP; Mon, 1 Jan 2024 09:58:00 +0000", 3, 0 },
  { "lost-line-breaks-field-first", "Return-Path: <a@example.org> "
                                    "Received: from a.example by b.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000 "
                                    "Received: from c.example by a.example with ESMTP; Mon, 1 Jan 2024 09:59:00 +0000", 2, 0 },
  { "lost-line-breaks-lower-case", "received: from a.example by b.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\t"
                                   "RECEIVED: from c.example by a.example with ESMTP; Mon, 1 Jan 2024 09:59:00 +0000", 2, 0 },
  { "no-received", "From: a@example.org\nSubject: draft\n\nnot sent\n", 0, HL_PARSE_ERROR_NO_RECEIVED },
  { "empty", "  \n\n", 0, HL_PARSE_ERROR_EMPTY },
  { "not-a-message", "Just some words.\nAnd more.\n", 0, HL_PARSE_ERROR_NOT_A_MESSAGE },
};

static void
test_text (gconstpointer data)
{
  const TextCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = hl_route_new_from_text (c->text, -1, "Pasted", &error);

  if (c->n_hops == 0)
    {
      g_assert_null (route);
      g_assert_error (error, HL_PARSE_ERROR, c->code);
      return;
    }
  g_assert_no_error (error);
  if (route == NULL)
    return;
  g_assert_cmpuint (hl_route_get_n_hops (route), ==, c->n_hops);
  g_assert_cmpstr (hl_route_get_source_name (route), ==, "Pasted");
  g_assert_true (g_utf8_validate (hl_received_get_raw (hl_route_get_hop (route, 0), NULL), -1, NULL));
}

/* Text with a length is read only that far. */
static void
test_text_length (void)
{
  static const char text[] = "Received: from a.example by b.example with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
                             "Received: from c.example by a.example with ESMTP; Mon, 1 Jan 2024 09:59:00 +0000\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) first = hl_route_new_from_text (text, strchr (text, '\n') + 1 - text, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hl_route_get_n_hops (first), ==, 1);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (source);
  *out = g_object_ref (result);
}

/* Runs the loader and waits for its answer. */
static HlRoute *
load_async (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hl_route_new_from_file_async (file, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return hl_route_new_from_file_finish (result, error);
}

static char *
to_json (HlRoute *route)
{
  g_autoptr(JsonNode) node = hl_route_to_json (route);

  return json_to_string (node, TRUE);
}

/* The worker thread reads what the synchronous loader reads. */
static void
test_file_async (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = hl_test_sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) sync = hl_route_new_from_file (file, NULL, &error);
  g_autoptr(HlRoute) async = NULL;
  g_autofree char *sync_json = NULL;
  g_autofree char *async_json = NULL;

  g_assert_no_error (error);
  async = load_async (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (async);
  g_assert_true (async != sync);
  sync_json = to_json (sync);
  async_json = to_json (async);
  g_assert_cmpstr (async_json, ==, sync_json);
}

static void
test_file_async_cancelled (void)
{
  g_autofree char *path = hl_test_sample_path ("example.eml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = NULL;

  g_cancellable_cancel (cancellable);
  route = load_async (file, cancellable, &error);
  g_assert_null (route);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_file_async_missing (void)
{
  g_autofree char *path = hl_test_sample_path ("no-such-message.eml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlRoute) route = load_async (file, NULL, &error);

  g_assert_null (route);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The size limit holds in the worker thread too. */
static void
test_file_async_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(HlRoute) route = NULL;
  int fd = g_file_open_tmp ("hoplock-big-XXXXXX.eml", &path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) HL_MAX_MESSAGE_SIZE + 1), ==, 0);
  close (fd);
  file = g_file_new_for_path (path);
  route = load_async (file, NULL, &error);
  g_assert_null (route);
  g_assert_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_TOO_LARGE);
  g_unlink (path);
}

static void
collect_messages (const char *dir,
                  GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_messages (path, paths);
      else if (g_str_has_suffix (name, ".eml"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

/* The audit's reader, which splits the header block itself, gives the route
 * GMime's reading gives, for every message the tests have. */
static void
test_header_block (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *const dirs[][3] = {
    { "data", "samples", NULL }, { "tests", "corpus", NULL }, { "tests", "hostile", "fixtures" },
    { "tests", "report", NULL },
  };
  guint compared = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = hl_test_source_path (dirs[i][0], dirs[i][1], dirs[i][2], NULL);

      collect_messages (dir, paths);
    }
  g_assert_cmpuint (paths->len, >, 90);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *data = NULL;
      gsize len;
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(HlRoute) a = NULL;
      g_autoptr(HlRoute) b = NULL;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      a = hl_route_new_from_data (data, len, "m", &e1);
      b = hl_route_new_from_header_block (data, len, "m", &e2);
      if (a == NULL || b == NULL)
        {
          g_assert_null (a);
          g_assert_null (b);
          g_assert_cmpint (e1->code, ==, e2->code);
          continue;
        }
      {
        g_autoptr(JsonNode) ja = hl_route_to_json (a);
        g_autoptr(JsonNode) jb = hl_route_to_json (b);
        g_autofree char *sa = json_to_string (ja, TRUE);
        g_autofree char *sb = json_to_string (jb, TRUE);

        if (g_strcmp0 (sa, sb) != 0)
          hl_test_fail ("%s: the routes differ", path);
        g_assert_cmpstr (hl_route_get_from (a), ==, hl_route_get_from (b));
        g_assert_cmpstr (hl_route_get_to (a), ==, hl_route_get_to (b));
        compared++;
      }
    }
  g_test_message ("%u messages compared", compared);
  g_assert_cmpuint (compared, >, 90);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its case; the next cases still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/route/example", test_example);
  g_test_add_func ("/route/header-block", test_header_block);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/route/sample/%s", samples[i].file);

      g_test_add_data_func (path, &samples[i], test_sample);
    }
  g_test_add_func ("/route/order-and-delays", test_order_and_delays);
  g_test_add_func ("/route/input-forms", test_input_forms);
  g_test_add_func ("/route/errors", test_errors);
  g_test_add_func ("/route/no-received", test_no_received);
  g_test_add_func ("/route/control-characters", test_control_characters);
  g_test_add_func ("/route/long-field", test_long_field);
  g_test_add_func ("/route/file-too-large", test_file_too_large);
  g_test_add_func ("/route/many-hops", test_many_hops);
  g_test_add_func ("/route/json-contract", test_json_contract);
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/route/text/%s", text_cases[i].name);

      g_test_add_data_func (path, &text_cases[i], test_text);
    }
  g_test_add_func ("/route/text-length", test_text_length);
  {
    static const char *const async_samples[] = { "example.eml", "one-clear-hop.eml", "all-encrypted.eml" };

    for (guint i = 0; i < G_N_ELEMENTS (async_samples); i++)
      {
        g_autofree char *path = g_strdup_printf ("/route/file-async/%s", async_samples[i]);

        g_test_add_data_func (path, async_samples[i], test_file_async);
      }
  }
  g_test_add_func ("/route/file-async-cancelled", test_file_async_cancelled);
  g_test_add_func ("/route/file-async-missing", test_file_async_missing);
  g_test_add_func ("/route/file-async-too-large", test_file_async_too_large);

  return g_test_run ();
}
