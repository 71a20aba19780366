/* cli.c: hoplock-cli as a script would use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hl-test.h"

static gboolean as_nobody;

/* Permission checks do not apply to root: a read-only folder is only read-only to
 * somebody else, so those checks run the program as "nobody". */
static void
drop_privileges (gpointer data)
{
  if (as_nobody && getuid () == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (125);
    }
}

/* Runs hoplock-cli with @args (NULL-terminated) and @input on standard input. */
static void
run (HlTestRun  *r,
     const char *input,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (hl_test_run_cliv (r, input, drop_privileges, (const char *const *) argv->pdata));
}

static void
test_help_and_version (void)
{
  g_auto(HlTestRun) help = { 0 }, version = { 0 }, sub = { 0 }, none = { 0 }, bad = { 0 };

  run (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "report"));
  g_assert_nonnull (strstr (help.out, "received"));

  run (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "hoplock-cli " PACKAGE_VERSION));

  run (&sub, NULL, "report", "--help", NULL);
  g_assert_cmpint (sub.status, ==, 0);
  g_assert_nonnull (strstr (sub.out, "--format"));

  run (&none, NULL, NULL);
  g_assert_cmpint (none.status, ==, 1);

  run (&bad, NULL, "frobnicate", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "frobnicate"));
}

static void
test_report_json (void)
{
  g_autofree char *path = hl_test_sample_path ("example.eml");
  g_auto(HlTestRun) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *hop, *tls, *from;

  run (&r, NULL, "report", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  hop = json_array_get_object_element (json_object_get_array_member (root, "hops"), 0);
  from = json_object_get_object_member (hop, "from");
  tls = json_object_get_object_member (hop, "tls");
  g_assert_cmpstr (json_object_get_string_member (from, "helo"), ==, "mail.uexport.com");
  g_assert_cmpstr (json_object_get_string_member (from, "ip"), ==, "192.168.1.1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (hop, "by"), "host"),
                   ==, "mail.lint.com");
  g_assert_cmpstr (json_object_get_string_member (hop, "with"), ==, "ESMTP");
  g_assert_cmpstr (json_object_get_string_member (hop, "id"), ==, "h0UGn9P7001230");
  g_assert_cmpstr (json_object_get_string_member (tls, "state"), ==, "encrypted");
  g_assert_cmpstr (json_object_get_string_member (tls, "evidence"), ==, "tls-clause");
  g_assert_true (json_object_get_null_member (tls, "version"));
  g_assert_cmpstr (json_object_get_string_member (tls, "version_raw"), ==, "TLSv1/SSLv3");
  g_assert_cmpstr (json_object_get_string_member (tls, "cipher"), ==, "EDH-RSA-DES-CBC3-SHA");
  g_assert_cmpint (json_object_get_int_member (tls, "bits"), ==, 168);
  g_assert_cmpstr (json_object_get_string_member (tls, "verify"), ==, "verified");
  g_assert_cmpstr (json_object_get_string_member (tls, "verify_raw"), ==, "OK");
  g_assert_cmpstr (json_object_get_string_member (hop, "mta"), ==, "sendmail");
  g_assert_cmpstr (json_object_get_string_member (hop, "date"), ==, "2005-07-17T15:39:10-05:00");
}

static void
test_report_many (void)
{
  g_autofree char *a = hl_test_sample_path ("example.eml");
  g_autofree char *b = hl_test_sample_path ("one-clear-hop.eml");
  g_auto(HlTestRun) arr = { 0 }, lines = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) split = NULL;

  run (&arr, NULL, "report", "-f", "json", a, b, NULL);
  g_assert_cmpint (arr.status, ==, 0);
  json_parser_load_from_data (parser, arr.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 2);

  run (&lines, NULL, "report", "-f", "json", "--json-lines", a, b, NULL);
  g_assert_cmpint (lines.status, ==, 0);
  split = g_strsplit (g_strchomp (lines.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (split), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      json_parser_load_from_data (parser, split[i], -1, &error);
      g_assert_no_error (error);
    }
}

static void
test_report_errors (void)
{
  g_autofree char *good = hl_test_sample_path ("example.eml");
  g_autofree char *dir = g_dir_make_tmp ("hoplock-cli-XXXXXX", NULL);
  g_autofree char *notmail = g_build_filename (dir, "picture.png", NULL);
  g_auto(HlTestRun) missing = { 0 }, binary = { 0 }, mixed = { 0 }, format = { 0 }, folder = { 0 };
  g_auto(HlTestRun) endless = { 0 };

  g_assert_true (g_file_set_contents (notmail, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));

  run (&missing, NULL, "report", "/nonexistent/x.eml", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/x.eml"));

  run (&binary, NULL, "report", notmail, NULL);
  g_assert_cmpint (binary.status, ==, 2);
  g_assert_nonnull (strstr (binary.err, "not an email message"));

  /* One bad input does not stop the others from being reported. */
  run (&mixed, NULL, "report", "-f", "json", notmail, good, NULL);
  g_assert_cmpint (mixed.status, ==, 2);
  g_assert_nonnull (strstr (mixed.out, "hoplock-report/1"));

  run (&format, NULL, "report", "--format", "yaml", good, NULL);
  g_assert_cmpint (format.status, ==, 1);

  run (&folder, NULL, "report", dir, NULL);
  g_assert_cmpint (folder.status, ==, 2);

  /* A device that never ends is read only up to the size limit, then refused. */
  run (&endless, NULL, "report", "/dev/zero", NULL);
  g_assert_cmpint (endless.status, ==, 2);
  g_assert_nonnull (strstr (endless.err, "larger than"));

  g_unlink (notmail);
  g_rmdir (dir);
}

/* -o writes atomically; a folder that cannot be written leaves nothing behind. */
static void
test_output_file (void)
{
  g_autofree char *good = hl_test_sample_path ("example.eml");
  g_autofree char *dir = g_dir_make_tmp ("hoplock-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "report.json", NULL);
  g_autofree char *ro = g_build_filename (dir, "ro", NULL);
  g_autofree char *ro_out = g_build_filename (ro, "report.json", NULL);
  g_autofree char *contents = NULL;
  g_auto(HlTestRun) ok = { 0 }, fail = { 0 };
  g_autoptr(GDir) listing = NULL;

  run (&ok, NULL, "report", "-f", "json", "-o", out, good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"schema\" : \"hoplock-report/1\""));

  g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  as_nobody = TRUE;
  run (&fail, NULL, "report", "-f", "json", "-o", ro_out, good, NULL);
  as_nobody = FALSE;
  g_assert_cmpint (fail.status, ==, 2);
  g_assert_cmpstr (fail.out, ==, "");
  g_assert_nonnull (strstr (fail.err, "ro"));
  listing = g_dir_open (ro, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  g_unlink (out);
  g_rmdir (ro);
  g_rmdir (dir);
}

static void
test_received_stdin (void)
{
  static const char input[] =
    "from a (a [192.0.2.1]) by b (Postfix) with ESMTPS id 1; Mon, 1 Jan 2024 10:00:00 +0000\n"
    "\n"
    "Received: from c (c [192.0.2.2]) by d with SMTP id 2; Mon, 1 Jan 2024 10:00:01 +0000\r\n";
  g_auto(HlTestRun) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *states[] = { "encrypted", "unencrypted" };

  run (&r, input, "received", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (g_strchomp (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *hop;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      hop = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (hop, "tls"), "state"),
                       ==, states[i]);
    }
}

/* Nothing from a header reaches the terminal as a control sequence. */
static void
test_no_control_characters (void)
{
  static const char msg[] =
    "Received: from evil\x1b]0;owned\x07 (evil [192.0.2.1]) by mx\x1b[2J.example with ESMTP;"
    " Mon, 1 Jan 2024 10:00:00 +0000\n"
    "Subject: =?UTF-8?Q?hi=1B[31mred=C2=9B?=\n\nbody\n";
  g_auto(HlTestRun) text = { 0 }, recv = { 0 };

  run (&text, msg, "report", "-", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_null (strchr (text.out, '\x1b'));
  g_assert_null (strchr (text.out, '\x07'));
  g_assert_null (strstr (text.out, "\xc2\x9b"));
  g_assert_nonnull (strstr (text.out, "red"));

  run (&recv, "from a\x1b[31m by b; Mon, 1 Jan 2024 10:00:00 +0000\n", "received", "-f", "text", NULL);
  g_assert_cmpint (recv.status, ==, 0);
  g_assert_null (strchr (recv.out, '\x1b'));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its case; the next cases still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/report-json", test_report_json);
  g_test_add_func ("/cli/report-many", test_report_many);
  g_test_add_func ("/cli/report-errors", test_report_errors);
  g_test_add_func ("/cli/output-file", test_output_file);
  g_test_add_func ("/cli/received-stdin", test_received_stdin);
  g_test_add_func ("/cli/no-control-characters", test_no_control_characters);

  return g_test_run ();
}
