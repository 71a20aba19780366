/* audit.c: adding up a mailbox, merging audits, one line a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hoplock.h"

/* Midnight UTC of a day, in seconds since 1970 */

static const char *const enc_enc[] = { "encrypted", "encrypted", NULL };
static const char *const clear[] = { "local", "unencrypted", NULL };
static const char *const none[] = { NULL };

static const HlAuditRecord records[] = {
  { "inbox", "offset 0", "<1@a>", G_GINT64_CONSTANT (1714694400) /* 2024-05-03 */, "a.example", "mx.a.example", "all-encrypted",
    "strong", "encrypted", "TLS 1.3", "TLS_AES_256_GCM_SHA384", "strong", "not-requested", (const char **) enc_enc },
  { "inbox", "offset 900", "<2@a>", G_GINT64_CONSTANT (1714521600) /* 2024-05-01 */, "a.example", "mx.a.example", "all-encrypted",
    "weak", "encrypted", NULL, "DES-CBC3-SHA", "weak", "verified", (const char **) enc_enc },
  { "inbox", "offset 1800", "<3@a>", G_GINT64_CONSTANT (1717891200) /* 2024-06-09 */, "a.example", "relay.c.example", "partly-encrypted",
    "acceptable", "encrypted", "TLS 1.2", "ECDHE-RSA-AES256-SHA384", "acceptable", NULL, (const char **) enc_enc },
  { "inbox", "offset 2700", "<4@a>", G_GINT64_CONSTANT (1714435200) /* 2024-04-30 */, "a.example", "mx.a.example", "all-encrypted",
    "strong", "encrypted", "TLS 1.3", "TLS_AES_256_GCM_SHA384", "strong", NULL, (const char **) enc_enc },
  { "inbox", "offset 3600", "<1@b>", G_GINT64_CONSTANT (1717286400) /* 2024-06-02 */, "b.example", "b.example", "not-encrypted",
    "none", "unencrypted", NULL, NULL, NULL, NULL, (const char **) clear },
  { "inbox", "offset 4500", NULL, G_MININT64, "b.example", NULL, "unknown",
    "unknown", "unknown", NULL, NULL, NULL, NULL, (const char **) none },
  { "sent", "cur/1:2,S", "<5@x>", G_GINT64_CONSTANT (1703980800) /* 2023-12-31 */, NULL, NULL, "no-hops",
    "none", "local", NULL, NULL, NULL, NULL, (const char **) none },
  { "sent", "cur/2:2,", "<\"odd\"\\id\n@x>", G_GINT64_CONSTANT (1705276800) /* 2024-01-15 */, "c.example", "c.example", "all-encrypted",
    "insecure", "encrypted", "TLS 1.0", "RC4-MD5", "insecure", "failed", (const char **) enc_enc },
};

static char *
audit_json (HlAudit *audit)
{
  g_autoptr(JsonNode) node = hl_audit_to_json (audit);

  return json_to_string (node, TRUE);
}

/* The same without its list of sources */
static char *
audit_json_without_sources (HlAudit *audit)
{
  g_autoptr(JsonNode) node = hl_audit_to_json (audit);

  json_object_remove_member (json_node_get_object (node), "sources");
  return json_to_string (node, TRUE);
}

static HlAudit *
audit_of (guint          from,
          guint          to,
          HlAuditGroupBy group_by)
{
  HlAudit *audit = hl_audit_new (group_by);
  const char *last_source = NULL;
  guint n = 0;

  for (guint i = from; i < to; i++)
    {
      if (last_source != NULL && strcmp (last_source, records[i].source) != 0)
        {
          hl_audit_add_source (audit, last_source, "mbox", n, 1000 * n);
          n = 0;
        }
      last_source = records[i].source;
      hl_audit_add_record (audit, &records[i]);
      n++;
    }
  if (last_source != NULL)
    hl_audit_add_source (audit, last_source, "mbox", n, 1000 * n);
  return audit;
}

static guint64
uint_at (JsonNode   *root,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = json_path_query (path, root, &error);
  JsonArray *a;

  g_assert_no_error (error);
  a = json_node_get_array (found);
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  return json_array_get_int_element (a, 0);
}

static void
test_audit_totals (void)
{
  g_autoptr(HlAudit) audit = audit_of (0, G_N_ELEMENTS (records), HL_AUDIT_GROUP_BY_FROM);
  g_autoptr(JsonNode) root = hl_audit_to_json (audit);
  JsonObject *o = json_node_get_object (root);
  JsonArray *domains = json_object_get_array_member (o, "domains");
  JsonArray *months = json_object_get_array_member (o, "months");
  guint64 sum = 0, sum_enc = 0, sum_months = 0;
  JsonObject *a;

  g_assert_cmpstr (json_object_get_string_member (o, "schema"), ==, "hoplock-audit/1");
  g_assert_cmpuint (uint_at (root, "$.totals.messages"), ==, G_N_ELEMENTS (records));
  g_assert_cmpuint (uint_at (root, "$.totals.no_hops"), ==, 1);
  g_assert_cmpuint (uint_at (root, "$.totals.incoming.encrypted"), ==, 5);
  g_assert_cmpuint (uint_at (root, "$.totals.incoming.unencrypted"), ==, 1);
  g_assert_cmpuint (uint_at (root, "$.totals.incoming.unknown"), ==, 1);
  g_assert_cmpuint (uint_at (root, "$.totals.incoming.local"), ==, 1);
  g_assert_cmpuint (uint_at (root, "$.totals.tls_versions['TLS 1.3']"), ==, 2);
  g_assert_cmpuint (uint_at (root, "$.totals.tls_versions.unknown"), ==, 1);
  g_assert_cmpuint (uint_at (root, "$.totals.ratings.insecure"), ==, 1);

  /* the totals are the sum over the domains */
  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      JsonObject *d = json_array_get_object_element (domains, i);

      sum += json_object_get_int_member (d, "messages");
      sum_enc += json_object_get_int_member (json_object_get_object_member (d, "incoming"), "encrypted");
    }
  g_assert_cmpuint (sum, ==, G_N_ELEMENTS (records));
  g_assert_cmpuint (sum_enc, ==, uint_at (root, "$.totals.incoming.encrypted"));

  /* most messages first; the messages without a From domain last */
  g_assert_cmpuint (json_array_get_length (domains), ==, 4);
  a = json_array_get_object_element (domains, 0);
  g_assert_cmpstr (json_object_get_string_member (a, "domain"), ==, "a.example");
  g_assert_cmpint (json_object_get_int_member (a, "messages"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (a, "all_hops_encrypted"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (a, "verified"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (a, "weakest_rating"), ==, "weak");
  g_assert_cmpstr (json_object_get_string_member (a, "first_seen"), ==, "2024-04-30T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (a, "last_seen"), ==, "2024-06-09T00:00:00Z");
  /* the first three by date */
  {
    JsonArray *s = json_object_get_array_member (a, "samples");

    g_assert_cmpuint (json_array_get_length (s), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (s, 0), "message_id"), ==, "<4@a>");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (s, 1), "message_id"), ==, "<2@a>");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (s, 2), "message_id"), ==, "<1@a>");
  }
  g_assert_true (json_object_get_null_member (json_array_get_object_element (domains, 3), "domain"));

  /* every dated message is in a month */
  for (guint i = 0; i < json_array_get_length (months); i++)
    sum_months += json_object_get_int_member (json_array_get_object_element (months, i), "messages");
  g_assert_cmpuint (sum_months, ==, G_N_ELEMENTS (records) - 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (months, 0), "month"), ==, "2023-12");
}

static void
test_audit_group_by_relay (void)
{
  g_autoptr(HlAudit) audit = audit_of (0, G_N_ELEMENTS (records), HL_AUDIT_GROUP_BY_RELAY);
  g_autoptr(JsonNode) root = hl_audit_to_json (audit);
  JsonArray *domains = json_object_get_array_member (json_node_get_object (root), "domains");

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "group_by"), ==, "relay");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (domains, 0), "domain"), ==, "mx.a.example");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (domains, 0), "messages"), ==, 3);
}

/* The audit of two halves, merged, is the audit of the whole, byte for byte,
 * wherever the halves are cut. */
static void
test_audit_merge (void)
{
  g_autoptr(HlAudit) whole = audit_of (0, G_N_ELEMENTS (records), HL_AUDIT_GROUP_BY_FROM);
  g_autofree char *want = audit_json (whole);
  g_autofree char *want_without_sources = audit_json_without_sources (whole);

  for (guint cut = 0; cut <= G_N_ELEMENTS (records); cut++)
    {
      g_autoptr(HlAudit) first = audit_of (0, cut, HL_AUDIT_GROUP_BY_FROM);
      g_autoptr(HlAudit) second = audit_of (cut, G_N_ELEMENTS (records), HL_AUDIT_GROUP_BY_FROM);
      g_autoptr(HlAudit) merged = hl_audit_new (HL_AUDIT_GROUP_BY_FROM);
      g_autoptr(JsonNode) a = hl_audit_to_json (first);
      g_autoptr(JsonNode) b = hl_audit_to_json (second);
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;

      g_assert_true (hl_audit_merge_json (merged, a, &error));
      g_assert_true (hl_audit_merge_json (merged, b, &error));
      g_assert_no_error (error);
      /* A source cut in two is listed twice, each half with its messages */
      if (cut == 0 || cut == 6 || cut == G_N_ELEMENTS (records))
        {
          got = audit_json (merged);
          g_assert_cmpstr (got, ==, want);
        }
      else
        {
          got = audit_json_without_sources (merged);
          g_assert_cmpstr (got, ==, want_without_sources);
        }
    }
}

static void
test_audit_merge_errors (void)
{
  static const char *const bad[] = {
    "[]",
    "{\"schema\": \"hoplock-report/1\"}",
    "{\"schema\": \"hoplock-audit/1\", \"group_by\": \"relay\", \"totals\": {}, \"sources\": [],"
    " \"domains\": [], \"months\": [], \"unreadable\": []}",
    "{\"schema\": \"hoplock-audit/1\", \"group_by\": \"from\", \"sources\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HlAudit) audit = audit_of (0, 3, HL_AUDIT_GROUP_BY_FROM);
      g_autofree char *before = audit_json (audit);
      g_autofree char *after = NULL;
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (hl_audit_merge_json (audit, node, &error));
      g_assert_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE);
      after = audit_json (audit);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Each message's line is JSON that reads back to the record. */
static void
test_audit_lines (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      const HlAuditRecord *r = &records[i];
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *o, *in;
      JsonArray *hops;
      guint n = 0;

      hl_audit_record_append_json (r, line);
      g_assert_true (g_str_has_suffix (line->str, "}\n"));
      g_assert_null (strchr (line->str, '\n') + 1 == line->str + line->len ? NULL : "a second line");
      g_assert_true (json_parser_load_from_data (parser, line->str, -1, &error));
      g_assert_no_error (error);
      o = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (o, "schema"), ==, "hoplock-audit-message/1");
      g_assert_cmpstr (json_object_get_string_member (o, "location"), ==, r->location);
      g_assert_cmpstr (json_object_get_string_member_with_default (o, "message_id", NULL), ==, r->message_id);
      g_assert_cmpstr (json_object_get_string_member_with_default (o, "from_domain", NULL), ==, r->from_domain);
      g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, r->verdict);
      in = json_object_get_object_member (o, "incoming");
      g_assert_cmpstr (json_object_get_string_member (in, "state"), ==, r->incoming_state);
      g_assert_cmpstr (json_object_get_string_member_with_default (in, "cipher", NULL), ==, r->incoming_cipher);
      hops = json_object_get_array_member (o, "hops");
      while (r->hops[n] != NULL)
        n++;
      g_assert_cmpuint (json_array_get_length (hops), ==, n);
      if (r->date == G_MININT64)
        g_assert_true (json_object_get_null_member (o, "date"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/totals", test_audit_totals);
  g_test_add_func ("/audit/group-by-relay", test_audit_group_by_relay);
  g_test_add_func ("/audit/merge", test_audit_merge);
  g_test_add_func ("/audit/merge-errors", test_audit_merge_errors);
  g_test_add_func ("/audit/lines", test_audit_lines);
  return g_test_run ();
}
