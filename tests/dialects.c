/* dialects.c: every dialect's cases, read from tests/dialects/<mta>.txt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file per file of parser/dialects/, named the same. A case is a raw Received
 * value on a line of its own after "> ", then the fields it must give, one a line,
 * indented: "  key = value". A blank line ends a case; lines starting with '#'
 * are comments. In the raw value "\t" is a tab and "\\" a backslash. A value of
 * "null" means the field must be absent; keys are those of the JSON report
 * (from.ip, tls.state, mta, …, see keys[] below), and an unknown key fails the
 * case. Each case is a test of its own, /dialects/<mta>/<n>, numbered from 1.
 */
#include "config.h"

#include <string.h>

#include "hoplock.h"
#include "core/hl-dialect-private.h"

typedef struct
{
  char *file;     /* "postfix.txt" */
  guint line;     /* of the "> " line */
  char *raw;
  GPtrArray *keys;
  GPtrArray *values;    /* NULL for "null" */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->raw);
  g_ptr_array_unref (c->keys);
  g_ptr_array_unref (c->values);
  g_free (c);
}

/* Every case read, freed after the run. */
static GPtrArray *all_cases;

static char *
int_or_null (int v)
{
  return v < 0 ? NULL : g_strdup_printf ("%d", v);
}

static char *
dup_date (HlReceived *hop,
          gboolean    utc)
{
  return hl_received_dup_date_iso (hop, utc);
}

static char *
dup_warnings (HlReceived *hop)
{
  guint n;
  const HlWarning *w = hl_received_get_warnings (hop, &n);
  GString *s;

  if (n == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", w[i].code);
  return g_string_free (s, FALSE);
}

static char *
get (HlReceived *hop,
     const char *key,
     gboolean   *known)
{
  *known = TRUE;
#define STRING(k, getter) if (strcmp (key, k) == 0) return g_strdup (getter (hop))
  STRING ("from.name", hl_received_get_from_name);
  STRING ("from.helo", hl_received_get_from_helo);
  STRING ("from.rdns", hl_received_get_from_rdns);
  STRING ("from.ip", hl_received_get_from_ip);
  STRING ("from.host", hl_received_get_from_host);
  STRING ("by.host", hl_received_get_by_host);
  STRING ("by.software", hl_received_get_by_software);
  STRING ("with", hl_received_get_with);
  STRING ("via", hl_received_get_via);
  STRING ("id", hl_received_get_id);
  STRING ("for", hl_received_get_for);
  STRING ("envelope_from", hl_received_get_envelope_from);
  STRING ("tls.version_raw", hl_received_get_tls_version_raw);
  STRING ("tls.cipher", hl_received_get_tls_cipher);
  STRING ("tls.key_exchange", hl_received_get_tls_key_exchange);
  STRING ("tls.verify_raw", hl_received_get_tls_verify_raw);
  STRING ("mta", hl_received_get_mta);
  STRING ("mta_name", hl_received_get_mta_name);
#undef STRING
  if (strcmp (key, "from.port") == 0)
    return int_or_null (hl_received_get_from_port (hop));
  if (strcmp (key, "date") == 0)
    return dup_date (hop, FALSE);
  if (strcmp (key, "date_utc") == 0)
    return dup_date (hop, TRUE);
  if (strcmp (key, "tls.state") == 0)
    return g_strdup (hl_tls_state_to_string (hl_received_get_tls_state (hop)));
  if (strcmp (key, "tls.evidence") == 0)
    return g_strdup (hl_evidence_to_string (hl_received_get_tls_evidence (hop)));
  if (strcmp (key, "tls.version") == 0)
    return g_strdup (hl_tls_version_to_string (hl_received_get_tls_version (hop)));
  if (strcmp (key, "tls.bits") == 0)
    return int_or_null (hl_received_get_tls_bits (hop));
  if (strcmp (key, "tls.alg_bits") == 0)
    return int_or_null (hl_received_get_tls_alg_bits (hop));
  if (strcmp (key, "tls.verify") == 0)
    return g_strdup (hl_verify_to_string (hl_received_get_tls_verify (hop)));
  if (strcmp (key, "tls.rating") == 0)
    return g_strdup (hl_rating_to_string (hl_received_get_rating (hop)));
  if (strcmp (key, "authenticated") == 0)
    return g_strdup (hl_received_get_authenticated (hop) ? "true" : "false");
  if (strcmp (key, "kind") == 0)
    return g_strdup (hl_hop_kind_to_string (hl_received_get_kind (hop)));
  if (strcmp (key, "warnings") == 0)
    return dup_warnings (hop);
  *known = FALSE;
  return NULL;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(HlReceived) hop = hl_received_parse (c->raw, -1);
  guint n;
  const HlToken *t = hl_received_get_tokens (hop, &n);
  gsize len;
  guint32 end = 0;

  g_test_message ("%s:%u: %s", c->file, c->line, c->raw);
  for (guint i = 0; i < c->keys->len; i++)
    {
      const char *key = c->keys->pdata[i];
      gboolean known;
      g_autofree char *got = get (hop, key, &known);

      if (!known)
        {
          g_test_message ("%s:%u: unknown key “%s”", c->file, c->line, key);
          g_test_fail ();
          continue;
        }
      if (g_strcmp0 (got, c->values->pdata[i]) != 0)
        {
          g_test_message ("%s:%u: %s: got “%s”, want “%s”", c->file, c->line, key,
                          got ? got : "null", c->values->pdata[i] ? (char *) c->values->pdata[i] : "null");
          g_test_fail ();
        }
    }

  /* Tokens are in order, never overlap and lie inside the raw text. */
  hl_received_get_raw (hop, &len);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (t[i].offset, >=, end);
      g_assert_cmpuint (t[i].length, >, 0);
      g_assert_cmpuint (t[i].offset + t[i].length, <=, len);
      g_assert_nonnull (t[i].explain);
      end = t[i].offset + t[i].length;
    }
}

static char *
unescape (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    {
      if (s[0] == '\\' && s[1] == 't')
        g_string_append_c (out, '\t'), s++;
      else if (s[0] == '\\' && s[1] == '\\')
        g_string_append_c (out, '\\'), s++;
      else
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

static void
fail_with_message (gconstpointer data)
{
  g_test_message ("%s", (const char *) data);
  g_test_fail ();
}

static void
bad_file (const char *file,
          guint       line,
          const char *what)
{
  /* A file that cannot be read is a failing test of its own, not a crash. */
  g_autofree char *path = g_strdup_printf ("/dialects/%.*s/unreadable-line-%u",
                                           (int) (strlen (file) - 4), file, line);
  g_autofree char *message = g_strdup_printf ("%s:%u: %s", file, line, what);

  g_test_add_data_func_full (path, g_steal_pointer (&message), fail_with_message, g_free);
}

/* Reads one file's cases and registers them. */
static void
add_file (const char *dir,
          const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mta = g_strndup (file, strlen (file) - 4);
  Case *c = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      bad_file (file, 0, error->message);
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];

      if (g_str_has_prefix (l, "> "))
        {
          g_autofree char *test = NULL;

          c = g_new0 (Case, 1);
          c->file = g_strdup (file);
          c->line = i + 1;
          c->raw = unescape (l + 2);
          c->keys = g_ptr_array_new_with_free_func (g_free);
          c->values = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (all_cases, c);
          test = g_strdup_printf ("/dialects/%s/%u", mta, ++n);
          g_test_add_data_func (test, c, test_case);
        }
      else if (l[0] == ' ' && c != NULL)
        {
          g_autofree char *line = g_strstrip (g_strdup (l));
          const char *eq = strstr (line, " = ");

          if (eq == NULL)
            {
              bad_file (file, i + 1, "not “key = value”");
              continue;
            }
          g_ptr_array_add (c->keys, g_strndup (line, eq - line));
          g_ptr_array_add (c->values, strcmp (eq + 3, "null") == 0 ? NULL : g_strdup (eq + 3));
        }
      else if (l[0] == '\0')
        c = NULL;
      else if (l[0] != '#')
        bad_file (file, i + 1, "a line that is no case, field or comment");
    }
  if (n == 0)
    bad_file (file, 0, "no cases");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every dialect the library has, has a file of cases named by its id. */
static void
test_every_dialect_has_cases (gconstpointer data)
{
  const char *dir = data;

  for (guint i = 0; i < hl_n_dialects; i++)
    {
      const char *id = hl_dialects[i]->id;
      g_autofree char *name = g_strconcat (id != NULL ? id : "standard", ".txt", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_test_message ("no cases for the dialect “%s”: %s", id, path);
          g_test_fail ();
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);

  all_cases = g_ptr_array_new_with_free_func (case_free);
  dir = g_test_build_filename (G_TEST_DIST, "dialects", NULL);
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);
  for (guint i = 0; i < files->len; i++)
    add_file (dir, files->pdata[i]);
  g_test_add_data_func ("/dialects/every-dialect-has-cases", dir, test_every_dialect_has_cases);

  /* A field that does not match fails its case, and the others still run. */
  g_test_set_nonfatal_assertions ();

  status = g_test_run ();
  g_ptr_array_unref (all_cases);
  return status;
}
