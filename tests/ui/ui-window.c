/* ui-window.c: the desktop app's window, driven the way a user drives it
 *
 * Runs under a private X server (tests/ui/run-under-xvfb.sh) with
 * GTK_A11Y=test, so that accessible names can be read back. Every case opens a
 * message through one of the app's paths (the example, a file, drag and drop,
 * the clipboard, the paste dialog) and checks what the window shows: the
 * number of hop rows, each row's accessible name, the tokens and explanations
 * of the selected hop, the error pages. It also writes the screenshots a user
 * would see to screenshots/ in the build folder.
 *
 * Files of the source tree are found through G_TEST_SRCDIR, the screenshots
 * folder through G_TEST_BUILDDIR (tests/ui/meson.build sets both to the top
 * folders); a case whose files are not there is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hoplock-pdf.h"
#include "hl-application.h"
#include "hl-export.h"
#include "hl-hop-detail.h"
#include "hl-hop-row.h"
#include "hl-lock.h"
#include "hl-paste-dialog.h"
#include "hl-window.h"
#include "hl-window-private.h"

#include "hl-test.h"

static HlApplication *app;
static char *tmpdir;

/* Helpers */

/* Whether a file or folder of the source tree a case reads is absent; if so
 * the case is skipped and should return. */
static gboolean
missing (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  g_test_skip_printf ("%s is not there", path);
  return TRUE;
}

/* Runs the main loop for @ms milliseconds. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Runs the main loop until @cond holds; fails the case after 20 s. */
#define WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 _deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(cond)) \
      { \
        if (g_get_monotonic_time () > _deadline) \
          g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                               "timed out waiting for " #cond); \
        if (!g_main_context_iteration (NULL, FALSE)) \
          g_usleep (2000); \
      } \
  } G_STMT_END

static HlWindow *
new_window (int width,
            int height)
{
  HlWindow *window = hl_window_new (GTK_APPLICATION (app), NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  settle (50);
  return window;
}

static void
close_window (HlWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  settle (20);
}

static gpointer
template_child (HlWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), HL_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static void
open_and_wait (HlWindow   *window,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hl_window_open_file (window, file);
  WAIT_UNTIL (!hl_window_get_busy (window));
  settle (30);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* What a hop's state is called in its row's accessible name; written out here
 * rather than taken from the app, so that a change to the wording is noticed. */
static const char *
expected_state (HlReceived *hop)
{
  switch (hl_received_get_tls_state (hop))
    {
    case HL_TLS_STATE_ENCRYPTED:
      return hl_received_get_tls_verify (hop) == HL_VERIFY_VERIFIED
             ? "encrypted, certificate verified" : "encrypted";
    case HL_TLS_STATE_UNENCRYPTED:
      return "not encrypted";
    case HL_TLS_STATE_LOCAL:
      return "local, never left the machine";
    case HL_TLS_STATE_UNKNOWN:
    default:
      return "encryption not recorded";
    }
}

static HlProtection
expected_shape (HlReceived *hop)
{
  switch (hl_received_get_tls_state (hop))
    {
    case HL_TLS_STATE_ENCRYPTED:
      return hl_received_get_tls_verify (hop) == HL_VERIFY_VERIFIED
             ? HL_PROTECTION_VERIFIED : HL_PROTECTION_ENCRYPTED;
    case HL_TLS_STATE_UNENCRYPTED:
      return HL_PROTECTION_UNENCRYPTED;
    case HL_TLS_STATE_LOCAL:
      return HL_PROTECTION_LOCAL;
    case HL_TLS_STATE_UNKNOWN:
    default:
      return HL_PROTECTION_UNKNOWN;
    }
}

static char *
expected_row_label (HlReceived *hop,
                    guint       n_hops)
{
  const char *names[] = { hl_received_get_from_rdns (hop), hl_received_get_from_helo (hop),
                          hl_received_get_from_name (hop) };
  const char *from = hl_received_get_from_ip (hop);
  const char *by = hl_received_get_by_host (hop);

  /* The name the address resolved to, else the one it gave, else the name after
   * from, else the address; a name that is an address literal gives way to it. */
  for (int i = G_N_ELEMENTS (names) - 1; i >= 0; i--)
    if (names[i] != NULL && (names[i][0] != '[' || hl_received_get_from_ip (hop) == NULL))
      from = names[i];
  return g_strdup_printf ("Hop %u of %u, %s, from %s to %s",
                          hl_received_get_index (hop), n_hops, expected_state (hop),
                          from != NULL ? from : "an unnamed host",
                          by != NULL ? by : "an unnamed host");
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The file chooser GtkFileChooserNative shows when there is no portal */
static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

/* Checks that the window lists @route's hops, one row each, named by state. */
static void
assert_rows_match_route (HlWindow *window)
{
  HlRoute *route = hl_window_get_route (window);
  GtkListBox *list = template_child (window, "hop_list");
  guint n_hops;

  g_assert_nonnull (route);
  n_hops = hl_route_get_n_hops (route);
  g_assert_cmpuint (n_hops, >, 0);
  g_assert_cmpuint (count_rows (list), ==, n_hops);

  for (guint i = 0; i < n_hops; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      HlReceived *hop = hl_route_get_hop (route, i);
      g_autofree char *label = expected_row_label (hop, n_hops);
      HlLock *lock;

      g_assert_true (HL_IS_HOP_ROW (row));
      g_assert_true (hl_hop_row_get_hop (HL_HOP_ROW (row)) == hop);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, label);

      lock = HL_LOCK (find_descendant (GTK_WIDGET (row), HL_TYPE_LOCK));
      g_assert_nonnull (lock);
      g_assert_cmpint (hl_lock_get_protection (lock), ==, expected_shape (hop));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (lock),
                                               hl_protection_get_style_class (expected_shape (hop))));
    }
}

static void wait_for_frame (GtkWidget *widget);

/* The first hop shown is explained at once, its field in full: a text view
 * filled while hidden once stayed one line high. */
static void
assert_raw_field_whole (HlWindow *window)
{
  HlHopDetail *detail = template_child (window, "detail");
  GtkWidget *view = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "raw_view");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  int min, nat;

  g_assert_nonnull (hl_hop_detail_get_hop (detail));
  settle (300);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &min, &nat, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (view), >, 24 + 14);
  g_assert_cmpint (gtk_widget_get_height (view), ==, nat);
  g_assert_cmpint (gtk_widget_get_height (view), ==, (int) gtk_adjustment_get_upper (adjustment));
}

/* The example and the samples */

static void
test_example (void)
{
  HlWindow *window = new_window (1000, 760);
  GtkListBox *list = template_child (window, "hop_list");

  g_assert_cmpstr (hl_window_get_page (window), ==, "welcome");
  g_assert_true (hl_window_is_empty (window));
  g_assert_true (gtk_widget_is_sensitive (template_child (window, "open_button")));
  /* Nothing to export yet: no file chooser */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  settle (50);
  g_assert_null (find_file_chooser ());

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  settle (30);

  g_assert_cmpstr (hl_window_get_page (window), ==, "route");
  g_assert_cmpuint (hl_route_get_n_hops (hl_window_get_route (window)), ==, 1);
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_list_box_get_row_at_index (list, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Hop 1 of 1, encrypted, certificate verified, "
                                       "from mail.uexport.com to mail.lint.com");
  assert_rows_match_route (window);
  assert_raw_field_whole (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "The built-in example — Hoplock");

  /* Now Export Report… asks where to save. GTK's own file chooser dialog
   * leaks (tree paths, cloud-provider proxies, a GIO module's start-up), which
   * is not ours to fix: the sanitizer build leaves this part out. */
#ifndef __SANITIZE_ADDRESS__
  {
    GtkWidget *chooser;
    g_autofree char *name = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
    WAIT_UNTIL ((chooser = find_file_chooser ()) != NULL);
    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
    name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_assert_cmpstr (name, ==, "example-report.json");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    settle (50);
    g_assert_null (find_file_chooser ());
  }
#endif

  /* The summary: a verdict, the library's sentence, the weakest hop */
  {
    GtkWidget *summary = template_child (window, "summary");
    GtkLabel *verdict = GTK_LABEL (gtk_widget_get_template_child (summary, g_type_from_name ("HlSummary"), "verdict_label"));
    GtkLabel *sentence = GTK_LABEL (gtk_widget_get_template_child (summary, g_type_from_name ("HlSummary"), "sentence_label"));
    GtkLabel *weakest = GTK_LABEL (gtk_widget_get_template_child (summary, g_type_from_name ("HlSummary"), "weakest_label"));
    g_autofree char *expected = hl_route_dup_sentence (hl_window_get_route (window));

    g_assert_cmpstr (gtk_label_get_text (verdict), ==, hl_verdict_get_label (HL_VERDICT_ALL_ENCRYPTED));
    g_assert_cmpstr (gtk_label_get_text (sentence), ==, expected);
    g_assert_cmpstr (gtk_label_get_text (weakest), ==,
                     "Hop 1, mail.uexport.com → mail.lint.com: encrypted, certificate verified, rated Weak");
  }
  close_window (window);
}

typedef struct
{
  const char *file;
  guint n_hops;
  const char *states;   /* one letter a hop, oldest first: V E N L U */
} SampleCase;

static const SampleCase sample_cases[] = {
  { "example.eml", 1, "V" },
  { "all-encrypted.eml", 3, "EEE" },
  { "one-clear-hop.eml", 3, "LNE" },
  { "local-hops.eml", 2, "LL" },
};

static void
test_sample (gconstpointer data)
{
  const SampleCase *c = data;
  g_autofree char *path = hl_test_sample_path (c->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window;
  HlRoute *route;

  if (missing (path))
    return;
  window = new_window (1000, 760);
  /* While the file is read, an empty page: not the first-run page, and no
   * spinner unless it takes long enough to be noticed. */
  hl_window_open_file (window, file);
  g_assert_true (hl_window_get_busy (window));
  g_assert_cmpstr (hl_window_get_page (window), ==, "loading");
  g_assert_false (gtk_widget_get_visible (template_child (window, "loading_box")));
  WAIT_UNTIL (!hl_window_get_busy (window));
  settle (30);
  g_assert_cmpstr (hl_window_get_page (window), ==, "route");
  g_assert_cmpstr (hl_route_get_source_name (hl_window_get_route (window)), ==, c->file);
  route = hl_window_get_route (window);
  g_assert_cmpuint (hl_route_get_n_hops (route), ==, c->n_hops);
  g_assert_cmpuint (strlen (c->states), ==, c->n_hops);
  for (guint i = 0; i < c->n_hops; i++)
    {
      static const char letters[] = "VENLU";
      HlProtection shape = expected_shape (hl_route_get_hop (route, i));

      g_assert_cmpint (c->states[i], ==, letters[shape]);
    }
  assert_rows_match_route (window);
  assert_raw_field_whole (window);
  close_window (window);
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b,
                  gpointer      counts)
{
  guint ca = g_array_index ((GArray *) counts, guint, *(const guint *) a);
  guint cb = g_array_index ((GArray *) counts, guint, *(const guint *) b);

  return ca != cb ? (ca < cb ? 1 : -1) : (int) *(const guint *) a - (int) *(const guint *) b;
}

/* A file from the command line or "Open With": the application makes the
 * window, shows it and reads the message at the same time. */
static void
test_open_from_application (void)
{
  g_autofree char *path = hl_test_sample_path ("all-encrypted.eml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GList *before = NULL;
  HlWindow *window = NULL;

  if (missing (path))
    return;
  before = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HL_IS_WINDOW (l->data) && g_list_find (before, l->data) == NULL)
      window = l->data;
  g_list_free (before);
  g_assert_nonnull (window);

  WAIT_UNTIL (!hl_window_get_busy (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (hl_window_get_page (window), ==, "route");

  /* Whole within a few frames, with nothing else happening in between (the
   * view once had no height at all until the window was resized). */
  {
    HlHopDetail *detail = template_child (window, "detail");
    GtkWidget *view = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "raw_view");

    for (guint i = 0; i < 4; i++)
      wait_for_frame (GTK_WIDGET (window));
    g_assert_cmpint (gtk_widget_get_height (view), ==,
                     (int) gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))));
    g_assert_cmpint (gtk_widget_get_height (view), >, 24 + 14);
  }
  assert_raw_field_whole (window);
  assert_rows_match_route (window);
  close_window (window);
}

/* The multi-hop messages of the corpus with the most hops (the corpus test's
 * index.tsv files: file name, number of Received fields). */
static void
test_corpus (void)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "tests", "corpus", NULL);
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GArray) sorted_counts = NULL;
  const char *name;
  HlWindow *window;
  guint checked = 0;

  if (dir == NULL)
    {
      g_test_skip ("tests/corpus is not there");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *index = g_build_filename (corpus, name, "eml", "index.tsv", NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (index, &contents, NULL, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
          guint n;

          if (g_strv_length (fields) != 2 || (n = atoi (fields[1])) < 4)
            continue;
          g_ptr_array_add (files, g_build_filename (corpus, name, "eml", fields[0], NULL));
          g_array_append_val (counts, n);
        }
    }
  if (files->len == 0)
    {
      g_test_skip ("the corpus has no message of four hops or more");
      return;
    }

  /* The longest journeys first */
  {
    g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < files->len; i++)
      g_array_append_val (order, i);
    g_array_sort_with_data (order, compare_by_count, counts);
    sorted = g_ptr_array_new ();
    for (guint i = 0; i < order->len; i++)
      g_ptr_array_add (sorted, g_ptr_array_index (files, g_array_index (order, guint, i)));
    sorted_counts = g_array_new (FALSE, FALSE, sizeof (guint));
    for (guint i = 0; i < order->len; i++)
      g_array_append_val (sorted_counts, g_array_index (counts, guint, g_array_index (order, guint, i)));
  }

  window = new_window (1000, 760);
  for (guint i = 0; i < sorted->len && checked < 12; i++, checked++)
    {
      const char *path = g_ptr_array_index (sorted, i);

      g_test_message ("%s: %u Received fields", path, g_array_index (sorted_counts, guint, i));
      open_and_wait (window, path);
      g_assert_cmpstr (hl_window_get_page (window), ==, "route");
      g_assert_cmpuint (hl_route_get_n_hops (hl_window_get_route (window)), ==,
                        g_array_index (sorted_counts, guint, i));
      assert_rows_match_route (window);
    }
  close_window (window);
}

/* The lesson of a hop */

static GtkToggleButton *
token_button (GtkWidget *box,
              int        index)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "hl-token-index")) == index)
      return GTK_TOGGLE_BUTTON (child);
  return NULL;
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

static void
assert_explains (HlHopDetail   *detail,
                 const HlToken *token)
{
  const HlExplanation *explanation = hl_explain_lookup (token->explain);
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "token_title_label"));
  GtkLabel *text = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "token_text_label"));

  g_assert_nonnull (explanation);
  g_assert_cmpstr (gtk_label_get_text (title), ==, explanation->title);
  g_assert_cmpstr (gtk_label_get_text (text), ==, explanation->text);
}

static void
test_detail_tokens (void)
{
  g_autofree char *path = hl_test_sample_path ("all-encrypted.eml");
  HlWindow *window;
  HlHopDetail *detail;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkWidget *token_box;
  GtkTextIter start, end, iter;
  g_autofree char *text = NULL;
  const HlToken *tokens;
  const char *raw;
  HlReceived *hop;
  guint n_tokens, n_children = 0;
  int cipher = -1, by_host = -1;
  GdkRectangle location;
  int wx, wy;

  if (missing (path))
    return;
  window = new_window (1000, 760);
  detail = template_child (window, "detail");
  open_and_wait (window, path);
  hl_window_select_hop (window, 1);
  settle (50);

  hop = hl_hop_detail_get_hop (detail);
  g_assert_nonnull (hop);
  g_assert_cmpuint (hl_received_get_index (hop), ==, 2);

  /* The raw field, as written (this one is ASCII with LF line ends) */
  view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "raw_view"));
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  raw = hl_received_get_raw (hop, NULL);
  g_assert_cmpstr (text, ==, raw);

  /* One chip per token, each token highlighted in the text */
  token_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "token_box"));
  tokens = hl_received_get_tokens (hop, &n_tokens);
  g_assert_cmpuint (n_tokens, >, 10);
  g_assert_cmpuint (hl_hop_detail_get_n_tokens (detail), ==, n_tokens);
  for (GtkWidget *c = gtk_widget_get_first_child (token_box); c; c = gtk_widget_get_next_sibling (c))
    {
      g_assert_true (GTK_IS_TOGGLE_BUTTON (c));
      g_assert_true (gtk_widget_get_focusable (c));
      n_children++;
    }
  g_assert_cmpuint (n_children, ==, n_tokens);

  for (guint i = 0; i < n_tokens; i++)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
      GSList *tags;
      gboolean tagged = FALSE;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, tokens[i].offset);
      tags = gtk_text_iter_get_tags (&iter);
      for (GSList *l = tags; l != NULL; l = l->next)
        {
          g_autofree char *tag_name = NULL;

          g_object_get (l->data, "name", &tag_name, NULL);
          if (tag_name != NULL && g_str_has_prefix (tag_name, "token-"))
            tagged = TRUE;
        }
      g_slist_free (tags);
      g_assert_true (tagged);
      g_assert_nonnull (gtk_text_tag_table_lookup (table, "token-tls"));

      if (tokens[i].kind == HL_TOKEN_TLS_CIPHER)
        cipher = i;
      if (tokens[i].kind == HL_TOKEN_BY_HOST)
        by_host = i;

      /* Every token of this field has an explanation. */
      g_assert_nonnull (tokens[i].explain);
      g_assert_nonnull (hl_explain_lookup (tokens[i].explain));
    }
  g_assert_cmpint (cipher, >=, 0);
  g_assert_cmpint (by_host, >=, 0);

  /* Nothing selected: an invitation to select */
  g_assert_cmpint (hl_hop_detail_get_selected_token (detail), ==, -1);

  /* Clicking a chip shows the explanation and highlights the token. */
  g_signal_emit_by_name (token_button (token_box, cipher), "clicked");
  g_assert_true (gtk_toggle_button_get_active (token_button (token_box, cipher)));
  g_assert_cmpint (hl_hop_detail_get_selected_token (detail), ==, cipher);
  assert_explains (detail, &tokens[cipher]);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, tokens[cipher].offset);
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "selected")));

  /* Moving to the next chip with the keyboard (the right arrow key moves the
   * focus) explains that one. */
  {
    gboolean handled = FALSE;
    GtkWidget *focus;
    int next;

    gtk_widget_grab_focus (GTK_WIDGET (token_button (token_box, cipher)));
    g_signal_emit_by_name (window, "move-focus", GTK_DIR_RIGHT, &handled);
    settle (20);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
    g_assert_true (focus != GTK_WIDGET (token_button (token_box, cipher)));
    next = hl_hop_detail_get_selected_token (detail);
    g_assert_cmpint (next, ==, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "hl-token-index")));
    g_assert_cmpint (next, !=, cipher);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));
    g_assert_false (gtk_toggle_button_get_active (token_button (token_box, cipher)));
    assert_explains (detail, &tokens[next]);
  }

  /* Clicking the receiving host's name in the text explains it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, tokens[by_host].offset + 1);
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &wx, &wy);
  g_signal_emit_by_name (find_click_gesture (GTK_WIDGET (view)), "released", 1, (double) wx, (double) wy);
  settle (20);
  g_assert_cmpint (hl_hop_detail_get_selected_token (detail), ==, by_host);
  assert_explains (detail, &tokens[by_host]);

  /* The lesson below: for you, for an administrator */
  {
    GtkLabel *for_you = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "for_you_label"));
    GtkLabel *admin = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "admin_label"));
    g_autofree char *you = hl_explain_for_you (hop);
    g_autofree char *adm = hl_explain_for_admin (hop);

    g_assert_cmpstr (gtk_label_get_text (for_you), ==, you);
    g_assert_cmpstr (gtk_label_get_text (admin), ==, adm);
  }
  close_window (window);
}

/* The example's weak cipher: the cipher taken apart, the rating and its reasons */
static void
test_detail_rating (void)
{
  HlWindow *window = new_window (1000, 760);
  HlHopDetail *detail = template_child (window, "detail");
  HlReceived *hop;
  GtkWidget *rating_section, *cipher_section;
  GtkLabel *chip, *cipher;
  GtkWidget *reasons;
  guint n_reasons = 0, n_blocks = 0;
  g_autofree char *cipher_text = NULL;

  hl_window_open_example (window);
  settle (30);
  hop = hl_hop_detail_get_hop (detail);
  g_assert_nonnull (hop);

  rating_section = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "rating_section"));
  chip = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "rating_chip"));
  reasons = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "reasons_box"));
  cipher_section = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "cipher_section"));
  cipher = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "cipher_label"));

  /* The heading says the state in the library's words, as the reports do. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "state_label"))),
                   ==, hl_protection_get_label (HL_PROTECTION_VERIFIED));

  g_assert_true (gtk_widget_get_visible (rating_section));
  g_assert_cmpstr (gtk_label_get_text (chip), ==, "Weak");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "warning"));
  hl_received_get_rating_reasons (hop, &n_reasons);
  for (GtkWidget *c = gtk_widget_get_first_child (reasons); c; c = gtk_widget_get_next_sibling (c))
    n_blocks++;
  g_assert_cmpuint (n_reasons, ==, 3);
  g_assert_cmpuint (n_blocks, ==, n_reasons);

  g_assert_true (gtk_widget_get_visible (cipher_section));
  cipher_text = hl_explain_cipher (hl_received_get_cipher_suite (hop));
  g_assert_cmpstr (gtk_label_get_text (cipher), ==, cipher_text);
  close_window (window);
}

/* Header text is the sender's: markup stays text, bidi overrides are defused. */
static void
test_hostile_text (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "hostile.eml", NULL);
  const char *message =
    "Received: from <b>bold</b> (x.example [192.0.2.9]) by mx.example\n"
    "  with ESMTP id <i>1</i>; Mon, 1 Jan 2024 10:00:00 +0000 (\xe2\x80\xae""evil)\n"
    "Subject: <span foreground=\"red\">hi</span> \xff\n"
    "\n";
  HlWindow *window = new_window (1000, 760);
  HlHopDetail *detail = template_child (window, "detail");
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  GtkWidget *summary;
  GtkLabel *subject;

  g_assert_true (g_file_set_contents (path, message, -1, NULL));
  open_and_wait (window, path);
  g_assert_cmpstr (hl_window_get_page (window), ==, "route");
  assert_rows_match_route (window);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (detail), HL_TYPE_HOP_DETAIL, "raw_view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "<b>bold</b>"));
  g_assert_null (strstr (text, "\xe2\x80\xae"));
  g_assert_nonnull (strstr (text, "\xef\xbf\xbd""evil"));

  summary = template_child (window, "summary");
  subject = GTK_LABEL (gtk_widget_get_template_child (summary, g_type_from_name ("HlSummary"), "subject_label"));
  g_assert_false (gtk_label_get_use_markup (subject));
  g_assert_nonnull (strstr (gtk_label_get_text (subject), "<span foreground=\"red\">hi</span>"));
  close_window (window);
}

/* Errors */

typedef struct
{
  const char *name;
  const char *contents;   /* NULL: the file does not exist; "/": a folder */
  gsize length;
  const char *title;
} ErrorCase;

/* A string literal and its length, NULs included */
#define BYTES(s) s, sizeof s - 1

static const ErrorCase error_cases[] = {
  { "picture.png", BYTES ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0"), "Not an Email Message" },
  { "hostname", BYTES ("build-host\n"), "Not an Email Message" },
  { "empty.eml", BYTES (""), "Nothing to Read" },
  { "unsent.eml", BYTES ("From: a@example.org\nSubject: never sent\n\nHello\n"), "No Received Fields" },
  { "missing.eml", NULL, 0, "Could Not Read the File" },
  { "folder.eml", "/", 0, "Could Not Read the File" },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autofree char *path = g_build_filename (tmpdir, c->name, NULL);
  HlWindow *window = new_window (1000, 760);
  AdwStatusPage *page = template_child (window, "error_page");

  if (c->contents != NULL && strcmp (c->contents, "/") == 0)
    g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  else if (c->contents != NULL)
    g_assert_true (g_file_set_contents (path, c->contents, c->length, NULL));

  open_and_wait (window, path);
  g_assert_cmpstr (hl_window_get_page (window), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, c->title);
  {
    g_autofree char *title = g_strdup_printf ("%s — Hoplock", c->name);

    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  }
  g_assert_null (hl_window_get_route (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  settle (50);
  g_assert_null (find_file_chooser ());
  close_window (window);
}

/* A bad file while a message is shown: a toast, and the message stays. */
static void
test_error_keeps_route (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "not-a-message.txt", NULL);
  HlWindow *window = new_window (1000, 760);
  HlRoute *before;

  hl_window_open_example (window);
  before = hl_window_get_route (window);
  g_assert_true (g_file_set_contents (path, "just some words\n", -1, NULL));
  open_and_wait (window, path);
  g_assert_cmpstr (hl_window_get_page (window), ==, "route");
  g_assert_true (hl_window_get_route (window) == before);
  close_window (window);
}

/* Drag and drop, the clipboard, the paste dialog */

static GtkDropTarget *
find_drop_target (HlWindow *window)
{
  GtkWidget *overlay = template_child (window, "toast_overlay");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (overlay);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* A message with more hops than mail servers let a message pass lists its
 * newest ones at once and the older ones when asked, in order. */
static void
test_older_hops (void)
{
  const guint n = HL_REPORT_MAX_EXPLAINED_HOPS + 12;
  const guint hidden = n - HL_REPORT_MAX_EXPLAINED_HOPS;
  g_autofree char *path = g_build_filename (tmpdir, "loop.eml", NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *said_all = g_strdup_printf ("lists %u hops", n);
  g_autofree char *said_hidden = g_strdup_printf ("%u older hops are not", hidden);
  g_autofree char *example = hl_test_sample_path ("all-encrypted.eml");
  HlWindow *window;
  GtkListBox *list;
  GtkWidget *older;
  GtkListBoxRow *selected;
  const char *label;

  if (missing (example))
    return;
  window = new_window (1000, 760);
  list = template_child (window, "hop_list");
  older = template_child (window, "older_hops");

  for (guint i = n; i > 0; i--)
    g_string_append_printf (s, "Received: from hop%u.example.org ([192.0.2.%u]) by hop%u.example.org "
                               "with %s; Mon, 3 Mar 2025 10:%02u:%02u +0000\n",
                            i - 1, i % 250 + 1, i, i == 3 ? "SMTP" : "ESMTPS", i / 60, i % 60);
  g_string_append (s, "Subject: Loop\n\nbody\n");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  open_and_wait (window, path);

  g_assert_cmpuint (count_rows (list), ==, HL_REPORT_MAX_EXPLAINED_HOPS);
  g_assert_true (gtk_widget_get_visible (older));
  label = gtk_label_get_text (template_child (window, "older_hops_label"));
  g_assert_nonnull (strstr (label, said_all));
  g_assert_nonnull (strstr (label, said_hidden));
  g_assert_cmpuint (hl_received_get_index (hl_hop_row_get_hop (HL_HOP_ROW (gtk_list_box_get_row_at_index (list, 0)))),
                    ==, hidden + 1);
  /* The weakest hop (3) is not listed yet: a listed one is selected. */
  selected = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (selected);
  g_assert_cmpuint (hl_received_get_index (hl_hop_row_get_hop (HL_HOP_ROW (selected))), >, hidden);
  hl_window_select_hop (window, 2);
  g_assert_true (gtk_list_box_get_selected_row (list) == selected);

  gtk_widget_activate (template_child (window, "older_hops_button"));
  WAIT_UNTIL (!gtk_widget_get_visible (older));
  g_assert_cmpuint (count_rows (list), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (hl_received_get_index (hl_hop_row_get_hop (HL_HOP_ROW (gtk_list_box_get_row_at_index (list, i)))),
                      ==, i + 1);
  /* The selection stayed; now hop 3 can be chosen. */
  g_assert_true (gtk_list_box_get_selected_row (list) == selected);
  hl_window_select_hop (window, 2);
  selected = gtk_list_box_get_selected_row (list);
  g_assert_cmpuint (hl_received_get_index (hl_hop_row_get_hop (HL_HOP_ROW (selected))), ==, 3);
  g_assert_cmpint (hl_received_get_tls_state (hl_hop_row_get_hop (HL_HOP_ROW (selected))), ==,
                   HL_TLS_STATE_UNENCRYPTED);

  /* Another message: the list starts over, and says nothing of older hops. */
  open_and_wait (window, example);
  g_assert_cmpuint (count_rows (list), ==, 3);
  g_assert_false (gtk_widget_get_visible (older));
  close_window (window);
}

static void
test_drop_file (void)
{
  g_autofree char *path = hl_test_sample_path ("one-clear-hop.eml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window;
  GtkDropTarget *target;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GType *types;
  gsize n_types;

  if (missing (path))
    return;
  window = new_window (1000, 760);
  target = find_drop_target (window);
  g_assert_nonnull (target);
  types = (GType *) gtk_drop_target_get_gtypes (target, &n_types);
  g_assert_cmpuint (n_types, ==, 3);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  WAIT_UNTIL (!hl_window_get_busy (window));
  settle (20);
  g_assert_cmpstr (hl_window_get_page (window), ==, "route");
  g_assert_cmpstr (hl_route_get_source_name (hl_window_get_route (window)), ==, "one-clear-hop.eml");
  g_assert_true (g_file_equal (hl_window_get_file (window), file));
  assert_rows_match_route (window);
  close_window (window);
}

static void
test_drop_file_list (void)
{
  g_autofree char *path = hl_test_sample_path ("all-encrypted.eml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList *files;
  HlWindow *window;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  if (missing (path))
    return;
  files = g_slist_append (NULL, file);
  window = new_window (1000, 760);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_slist_free (files);
  g_signal_emit_by_name (find_drop_target (window), "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  WAIT_UNTIL (!hl_window_get_busy (window));
  g_assert_cmpstr (hl_route_get_source_name (hl_window_get_route (window)), ==, "all-encrypted.eml");
  g_assert_cmpuint (count_rows (template_child (window, "hop_list")), ==, 3);
  close_window (window);
}

static void
test_drop_text (void)
{
  g_autofree char *path = hl_test_sample_path ("one-clear-hop.eml");
  g_autofree char *contents = NULL;
  HlWindow *window;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  if (missing (path))
    return;
  window = new_window (1000, 760);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, contents);
  g_signal_emit_by_name (find_drop_target (window), "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  settle (20);
  g_assert_cmpstr (hl_window_get_page (window), ==, "route");
  g_assert_cmpuint (count_rows (template_child (window, "hop_list")), ==, 3);
  close_window (window);
}

typedef struct
{
  const char *name;
  const char *text;
  guint n_hops;         /* 0: the error page */
  const char *title;    /* of the error page */
} PasteCase;

static const PasteCase paste_cases[] = {
  { "headers",
    "Received: from relay.partner.example (relay.partner.example [192.0.2.44])\n"
    "\tby mx.example.com (Postfix) with ESMTPS id 7B1C2D3E4F\n"
    "\tfor <carol@example.com>; Wed, 5 Feb 2025 16:40:31 +0000 (UTC)\n"
    "Received: from app01.partner.example (app01.partner.example [10.20.0.15])\n"
    "\tby relay.partner.example (8.17.1/8.17.1) with ESMTP id 515GeTq1004242\n"
    "\tfor <carol@example.com>; Wed, 5 Feb 2025 17:40:29 +0100\n"
    "Subject: Invoice\n",
    2, NULL },
  /* What a webmail's "show original" page gives when copied whole */
  { "webmail-page",
    "Original Message\n"
    "Message ID\t<x@example.com>\n"
    "Created at:\tWed, Feb 5, 2025 at 5:40 PM\n"
    "SPF:\tPASS with IP 192.0.2.44\n"
    "Download Original\tCopy to clipboard\n"
    "Delivered-To: carol@example.com\n"
    "Received: by 2002:a05:6a10:1234 with SMTP id abc;\n"
    "        Wed, 5 Feb 2025 08:40:32 -0800 (PST)\n"
    "Received: from relay.partner.example (relay.partner.example [192.0.2.44])\n"
    "        by mx.google.com with ESMTPS id xyz\n"
    "        for <carol@example.com>; Wed, 5 Feb 2025 08:40:31 -0800 (PST)\n"
    "Subject: Invoice\n",
    2, NULL },
  /* One Received value on its own */
  { "one-value",
    "from a.example (a.example [192.0.2.1]) by b.example with ESMTPS id 1; Mon, 1 Jan 2024 00:00:00 +0000",
    1, NULL },
  { "words", "these are not headers", 0, "Not an Email Message" },
  { "no-received", "Subject: hello\nFrom: a@example.org\n", 0, "No Received Fields" },
};

static void
test_paste (gconstpointer data)
{
  const PasteCase *c = data;
  HlWindow *window = new_window (1000, 760);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), c->text);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL);
  WAIT_UNTIL (g_strcmp0 (hl_window_get_page (window), "welcome") != 0);
  settle (20);

  if (c->n_hops > 0)
    {
      g_assert_cmpstr (hl_window_get_page (window), ==, "route");
      g_assert_cmpuint (hl_route_get_n_hops (hl_window_get_route (window)), ==, c->n_hops);
      g_assert_null (hl_window_get_file (window));
      assert_rows_match_route (window);
    }
  else
    {
      g_assert_cmpstr (hl_window_get_page (window), ==, "error");
      g_assert_cmpstr (adw_status_page_get_title (template_child (window, "error_page")), ==, c->title);
    }
  close_window (window);
}

static HlPasteDialog *
find_paste_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (HL_IS_PASTE_DIALOG (toplevel))
        return HL_PASTE_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_paste_dialog (void)
{
  g_autofree char *path = hl_test_sample_path ("all-encrypted.eml");
  g_autofree char *contents = NULL;
  HlWindow *window;
  HlPasteDialog *dialog;
  GtkLabel *error_label;

  if (missing (path))
    return;
  window = new_window (1000, 760);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), contents);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-dialog", NULL);
  WAIT_UNTIL ((dialog = find_paste_dialog ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* Filled from the clipboard */
  {
    g_autofree char *text = NULL;

    WAIT_UNTIL ((g_free (text), text = hl_paste_dialog_dup_text (dialog), *text != '\0'));
    g_assert_cmpstr (text, ==, contents);
  }

  /* Text that is no message keeps the dialog open and says why. */
  error_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), HL_TYPE_PASTE_DIALOG, "error_label"));
  hl_paste_dialog_set_text (dialog, "hello there");
  g_assert_false (hl_paste_dialog_submit (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "");
  g_assert_cmpstr (hl_window_get_page (window), ==, "welcome");

  /* The real thing closes it and shows the journey. */
  hl_paste_dialog_set_text (dialog, contents);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (hl_paste_dialog_submit (dialog));
  settle (20);
  g_assert_null (find_paste_dialog ());
  g_assert_cmpstr (hl_window_get_page (window), ==, "route");
  g_assert_cmpuint (count_rows (template_child (window, "hop_list")), ==, 3);
  close_window (window);
}

/* Export, and the opened file is never changed */

static void
test_export (void)
{
  g_autofree char *sample = hl_test_sample_path ("one-clear-hop.eml");
  g_autofree char *copy = g_build_filename (tmpdir, "export-source.eml", NULL);
  g_autofree char *json_path = g_build_filename (tmpdir, "report.json", NULL);
  g_autofree char *text_path = g_build_filename (tmpdir, "report.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  HlWindow *window;
  GStatBuf st_before, st_after;
  JsonObject *root, *summary;
  gsize length;

  if (missing (sample))
    return;
  window = new_window (1000, 760);
  g_assert_true (g_file_get_contents (sample, &before, &length, NULL));
  g_assert_true (g_file_set_contents (copy, before, length, NULL));
  g_assert_cmpint (g_stat (copy, &st_before), ==, 0);

  open_and_wait (window, copy);

  hl_window_export (window, json_file, HL_REPORT_FORMAT_JSON);
  WAIT_UNTIL (g_file_test (json_path, G_FILE_TEST_EXISTS));
  settle (20);
  g_assert_true (json_parser_load_from_file (parser, json_path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "hoplock-report/1");
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "hops"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (summary, "verdict"), ==, "partly-encrypted");

  hl_window_export (window, text_file, HL_REPORT_FORMAT_TEXT);
  WAIT_UNTIL (g_file_test (text_path, G_FILE_TEST_EXISTS));
  settle (20);
  {
    g_autofree char *report = NULL;
    g_autofree char *sentence = hl_route_dup_sentence (hl_window_get_route (window));

    g_assert_true (g_file_get_contents (text_path, &report, NULL, NULL));
    g_assert_nonnull (strstr (report, sentence));
  }

  /* The message itself: same bytes, same time stamp */
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_stat (copy, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  g_assert_cmpint (st_after.st_size, ==, st_before.st_size);
  close_window (window);
}

/* The export dialog offers every format of the library's table. */
static void
test_export_formats (void)
{
  g_autoptr(GListStore) filters = NULL;
  GtkFileFilter *preferred = NULL;
  guint n_formats = 0;
  HlReportFormat format;

  filters = hl_export_filters_new (HL_REPORT_FORMAT_TEXT, &preferred);
  for (guint i = 0; i < HL_REPORT_N_FORMATS; i++)
    {
      g_autoptr(GtkFileFilter) filter = NULL;
      g_autofree char *pattern = NULL;

      if (hl_report_format_to_string (i) == NULL)
        continue;
      filter = g_list_model_get_item (G_LIST_MODEL (filters), n_formats++);
      g_assert_nonnull (filter);
      g_assert_true (g_str_has_prefix (gtk_file_filter_get_name (filter), hl_report_format_label (i)));
      pattern = g_strdup_printf ("(*.%s)", hl_report_format_extension (i));
      g_assert_true (g_str_has_suffix (gtk_file_filter_get_name (filter), pattern));
      g_assert_cmpint (hl_export_filter_get_format (filter), ==, i);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filters)), ==, n_formats);
  g_assert_cmpuint (n_formats, >=, 2);
  g_assert_nonnull (preferred);
  g_assert_cmpstr (gtk_file_filter_get_name (preferred), ==, "Plain text (*.txt)");

  g_assert_true (hl_export_format_for_name ("a.JSON", &format));
  g_assert_cmpint (format, ==, HL_REPORT_FORMAT_JSON);
  g_assert_true (hl_export_format_for_name ("report.txt", &format));
  g_assert_cmpint (format, ==, HL_REPORT_FORMAT_TEXT);
  g_assert_false (hl_export_format_for_name ("report", &format));
  g_assert_false (hl_export_format_for_name (".json", &format));

  /* The dialog itself (GTK's, which leaks: not in the sanitizer build) */
#ifndef __SANITIZE_ADDRESS__
  {
    HlWindow *window = new_window (1000, 760);
    GtkFileChooserNative *chooser;
    g_autoptr(GListModel) chooser_filters = NULL;

    hl_window_open_example (window);
    chooser = hl_export_chooser_new (GTK_WINDOW (window), hl_window_get_route (window), HL_REPORT_FORMAT_TEXT);
    chooser_filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
    g_assert_cmpuint (g_list_model_get_n_items (chooser_filters), ==, n_formats);
    g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser))), ==,
                     "Plain text (*.txt)");
    g_object_unref (chooser);
    close_window (window);
  }
#endif
}

/* The format chosen in the dialog decides what is written, whatever the
 * suggested name said; the name follows the format. */
static gboolean
report_has_format (const char     *path,
                   HlReportFormat  format)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  switch (format)
    {
    case HL_REPORT_FORMAT_PDF:
      return g_str_has_prefix (contents, "%PDF-");
    case HL_REPORT_FORMAT_JSON:
      {
        g_autoptr(JsonParser) parser = json_parser_new ();

        return json_parser_load_from_data (parser, contents, length, NULL)
               && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser));
      }
    case HL_REPORT_FORMAT_JSON_LINES:
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

        /* one object a line */
        return lines[0] != NULL && json_parser_load_from_data (parser, lines[0], -1, NULL)
               && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser));
      }
    case HL_REPORT_FORMAT_HTML:
      return g_str_has_prefix (contents, "<!DOCTYPE html");
    case HL_REPORT_FORMAT_CSV:
      return strchr (contents, '\n') != NULL && contents[0] != '{' && contents[0] != '<'
             && memchr (contents, ',', strchr (contents, '\n') - contents) != NULL;
    case HL_REPORT_FORMAT_MARKDOWN:
      return g_str_has_prefix (contents, "# ");
    case HL_REPORT_FORMAT_TEXT:
      return g_utf8_validate (contents, length, NULL) && contents[0] != '{'
             && contents[0] != '<' && !g_str_has_prefix (contents, "# ")
             && !g_str_has_prefix (contents, "%PDF-");
    default:
      return FALSE;
    }
}

static void
test_export_chosen_format (void)
{
  GSettings *settings = hl_application_get_settings (app);
  HlWindow *window;
  guint n_checked = 0;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed (GSETTINGS_SCHEMA_DIR)");
      return;
    }
  g_settings_set_string (settings, "export-format", "json");
  window = hl_window_new (GTK_APPLICATION (app), settings);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  hl_window_open_example (window);

  for (guint i = 0; i < HL_REPORT_N_FORMATS; i++)
    {
      g_autofree char *folder_path = g_build_filename (tmpdir, "chosen", hl_report_format_to_string (i), NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
      g_autoptr(GListModel) filters = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *path = NULL;
      g_autofree char *suffix = NULL;
      g_autofree char *remembered = NULL;
      GtkFileChooserNative *chooser;
      HlReportFormat format = HL_REPORT_N_FORMATS;
      int previous;

      if (hl_report_format_to_string (i) == NULL || hl_report_format_extension (i) == NULL)
        continue;
      g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);

      /* The dialog opens with the format used last and a name for it... */
      previous = n_checked == 0 ? HL_REPORT_FORMAT_JSON : (int) i - 1;
      chooser = hl_export_chooser_new (GTK_WINDOW (window), hl_window_get_route (window),
                                       (HlReportFormat) previous);
      {
        g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
        g_autofree char *want = g_strdup_printf ("-report.%s", hl_report_format_extension (previous));
        g_autoptr(GFile) target = NULL;

        g_assert_true (g_str_has_suffix (suggested, want));
        target = g_file_get_child (folder, suggested);
        /* ...and the user picks another filter, leaving the name as it was. */
        filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
        for (guint j = 0; j < g_list_model_get_n_items (filters); j++)
          {
            g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, j);

            if (hl_export_filter_get_format (filter) == (int) i)
              gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
          }
        hl_export_target_for (target, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)),
                              &file, &format);
      }
      g_object_unref (chooser);

      g_assert_cmpint (format, ==, i);
      basename = g_file_get_basename (file);
      suffix = g_strdup_printf ("-report.%s", hl_report_format_extension (i));
      g_assert_true (g_str_has_suffix (basename, suffix));

      g_clear_object (&window->export_toast);
      hl_window_export (window, file, format);
      path = g_file_get_path (file);
      WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
      settle (20);
      if (!report_has_format (path, i))
        g_test_fail_printf ("%s is not %s", path, hl_report_format_label (i));

      /* The toast says where it went and opens it. */
      WAIT_UNTIL (window->export_toast != NULL);
      {
        g_autofree char *uri = g_file_get_uri (file);
        const char *title = adw_toast_get_title (window->export_toast);

        g_assert_nonnull (strstr (title, basename));
        g_assert_nonnull (strstr (title, folder_path));
        g_assert_cmpstr (adw_toast_get_action_name (window->export_toast), ==, "win.show-report");
        g_assert_cmpstr (g_variant_get_string (adw_toast_get_action_target_value (window->export_toast), NULL),
                         ==, uri);
        g_assert_nonnull (adw_toast_get_button_label (window->export_toast));
      }
      remembered = g_settings_get_string (settings, "export-format");
      g_assert_cmpstr (remembered, ==, hl_report_format_to_string (i));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, HL_REPORT_N_FORMATS);
  close_window (window);
  g_settings_reset (settings, "export-format");
}

/* Narrow screens, shortcuts, settings */

static void
test_narrow (void)
{
  g_autofree char *path = hl_test_sample_path ("one-clear-hop.eml");
  HlWindow *window;
  AdwLeaflet *leaflet;
  GtkWidget *back;

  if (missing (path))
    return;
  window = new_window (360, 720);
  leaflet = template_child (window, "leaflet");
  back = template_child (window, "back_button");
  open_and_wait (window, path);
  settle (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  g_assert_false (gtk_widget_get_visible (back));

  hl_window_select_hop (window, 1);
  settle (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_get_visible (back));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  settle (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  g_assert_false (gtk_widget_get_visible (back));
  close_window (window);
}

/* The narrowest the window can be made with what it shows now. (A window made
 * narrow folds its panes; measuring keeps the tests off that slide.) */
static int
min_width (HlWindow *window)
{
  int min = 0;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Each malicious message of tests/hostile/fixtures opens on the route or an
 * error page; its weakest and newest hops can be looked at; the window can
 * still be made as narrow as a phone. */
static void
test_hostile_files (void)
{
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "tests", "hostile", "fixtures", NULL);
  g_autoptr(GDir) dir = NULL;
  HlWindow *window;
  const char *name;
  guint opened = 0, routes = 0;

  if (missing (fixtures))
    return;
  dir = g_dir_open (fixtures, 0, NULL);
  g_assert_nonnull (dir);
  window = new_window (1000, 760);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixtures, name, NULL);
      const char *page;

      g_test_message ("%s", name);
      open_and_wait (window, path);
      page = hl_window_get_page (window);
      g_assert_true (g_str_equal (page, "route") || g_str_equal (page, "error"));
      if (g_str_equal (page, "route"))
        {
          guint n = hl_route_get_n_hops (hl_window_get_route (window));

          g_assert_cmpuint (count_rows (template_child (window, "hop_list")), ==,
                            MIN (n, HL_REPORT_MAX_EXPLAINED_HOPS));
          /* The weakest hop is shown; the newest too. */
          g_assert_nonnull (gtk_list_box_get_selected_row (template_child (window, "hop_list")));
          g_assert_cmpint (min_width (window), <=, 400);
          hl_window_select_hop (window, n - 1);
          settle (20);
          routes++;
        }
      g_assert_cmpint (min_width (window), <=, 400);
      opened++;
    }
  g_assert_cmpuint (opened, >=, 10);
  g_assert_cmpuint (routes, >=, 5);
  close_window (window);
}

/* Every label that wraps inside words keeps from adding hyphens; returns how
 * many such labels there are under @root. */
static guint
check_no_hyphens (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_label_get_wrap (GTK_LABEL (root))
      && gtk_label_get_wrap_mode (GTK_LABEL (root)) == PANGO_WRAP_WORD_CHAR)
    {
      PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (root));
      g_autoptr(PangoAttrIterator) iter = NULL;
      PangoAttribute *attr;

      g_assert_nonnull (attrs);
      iter = pango_attr_list_get_iterator (attrs);
      attr = pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);
      g_assert_nonnull (attr);
      g_assert_false (((PangoAttrInt *) attr)->value);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_no_hyphens (child);
  return n;
}

/* A field of one 20 000-character word: it shows, the window can still be made
 * as narrow as a phone, and the word is broken only where nothing real is that
 * long. */
static void
test_long_word (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "long-word.eml", NULL);
  g_autoptr(GString) s = g_string_new ("Received: from ");
  HlWindow *window = new_window (1000, 760);
  GtkTextView *raw_view;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;
  guint run = 0, longest = 0, breaks = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_c (s, 'a' + i % 26);
  g_string_append (s, " by mx.example.net with ESMTPS; Mon, 3 Mar 2025 10:00:00 +0000\n"
                      "Subject: Long word\n\nbody\n");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  open_and_wait (window, path);
  hl_window_select_hop (window, 0);
  settle (400);

  g_assert_cmpuint (count_rows (template_child (window, "hop_list")), ==, 1);
  g_assert_cmpint (min_width (window), <=, 400);

  /* The raw field is all there, with a zero-width space after each 256 letters. */
  raw_view = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (template_child (window, "detail")),
                                             GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (raw_view);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (raw_view), &start, &end);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (raw_view), &start, &end, FALSE);
  for (const char *p = shown; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200b)
        {
          breaks++;
          run = 0;
        }
      else if (g_unichar_isspace (c))
        run = 0;
      else
        {
          run++;
          longest = MAX (longest, run);
        }
    }
  g_assert_cmpuint (longest, <=, 256);
  g_assert_cmpuint (breaks, ==, (20000 - 1) / 256);

  /* A line broken inside a name gets no hyphen the name does not have. */
  g_assert_cmpuint (check_no_hyphens (template_child (window, "summary"))
                    + check_no_hyphens (template_child (window, "hop_list"))
                    + check_no_hyphens (template_child (window, "detail")), >=, 10);
  {
    GtkTextTag *whole = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (raw_view)),
                                                   "whole");
    gboolean hyphens = TRUE;

    g_assert_nonnull (whole);
    g_assert_true (gtk_text_iter_has_tag (&start, whole));
    g_object_get (whole, "insert-hyphens", &hyphens, NULL);
    g_assert_false (hyphens);
  }
  close_window (window);
}

static void
test_shortcuts (void)
{
  static const struct { const char *action; const char *accel; } accels[] = {
    { "win.open", "<Control>o" },
    { "win.paste", "<Control>v" },
    { "win.paste-dialog", "<Shift><Control>v" },
    { "win.export", "<Control>e" },
    { "win.show-help-overlay", "<Control>question" },
    { "window.close", "<Control>w" },
    { "app.quit", "<Control>q" },
  };
  HlWindow *window = new_window (1000, 760);
  GtkMenuButton *menu = template_child (window, "menu_button");

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), accels[i].action);
      guint key, want_key;
      GdkModifierType mods, want_mods;

      g_assert_nonnull (set);
      g_assert_nonnull (set[0]);
      g_assert_true (gtk_accelerator_parse (set[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (accels[i].accel, &want_key, &want_mods));
      g_assert_cmpuint (key, ==, want_key);
      g_assert_cmpuint (mods, ==, want_mods);
    }
  g_assert_true (gtk_menu_button_get_primary (menu));   /* F10 */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  close_window (window);
}

static void
test_about (void)
{
  HlWindow *window = new_window (1000, 760);
  GListModel *toplevels;
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  settle (50);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = ADW_ABOUT_WINDOW (toplevel);
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Hoplock");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (GTK_WINDOW (about));
  close_window (window);
}

static void
test_window_size_kept (void)
{
  GSettings *settings = hl_application_get_settings (app);
  HlWindow *window;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed (GSETTINGS_SCHEMA_DIR)");
      return;
    }
  window = hl_window_new (GTK_APPLICATION (app), settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 812, 604);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  settle (50);
  gtk_window_close (GTK_WINDOW (window));
  settle (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 604);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = hl_window_new (GTK_APPLICATION (app), settings);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 812);
    g_assert_cmpint (height, ==, 604);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Screenshots */

/* The mean luminance (0–255) of a texture: a dark style must be dark. */
static double
mean_luminance (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  double sum = 0;

  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = data + y * stride + x * 4;   /* B G R A, premultiplied */

        sum += 0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2];
      }
  return sum / (width * height);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until a frame has been laid out and painted, so that nothing is left
 * half-allocated when the window is snapshot. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  WAIT_UNTIL (painted);
  g_signal_handler_disconnect (clock, id);
}

static GdkTexture *
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkPaintable *paintable;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;

  wait_for_frame (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
  gsk_render_node_unref (node);
  g_object_unref (paintable);
  return texture;
}

static void
show_for_screenshot (HlWindow   *window,
                     const char *sample,
                     guint       hop)
{
  if (sample == NULL)
    hl_window_open_example (window);
  else
    {
      g_autofree char *path = hl_test_sample_path (sample);

      open_and_wait (window, path);
    }
  hl_window_select_hop (window, hop);

  /* Explain the cipher if the hop has one, else the protocol */
  {
    HlHopDetail *detail = template_child (window, "detail");
    HlReceived *received = hl_hop_detail_get_hop (detail);
    const HlToken *tokens;
    guint n_tokens;
    int pick = -1;

    tokens = hl_received_get_tokens (received, &n_tokens);
    for (guint i = 0; i < n_tokens; i++)
      if (tokens[i].kind == HL_TOKEN_TLS_CIPHER
          || (pick < 0 && tokens[i].kind == HL_TOKEN_PROTOCOL))
        pick = i;
    hl_hop_detail_select_token (detail, pick);
  }
  settle (600);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  HlWindow *window;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(GdkTexture) narrow = NULL;
  g_autoptr(GdkTexture) narrow_detail = NULL;
  g_autoptr(GdkTexture) journey = NULL;
  g_autoptr(GdkTexture) journey_dark = NULL;
  g_autoptr(GdkTexture) welcome = NULL;
  g_autoptr(GdkTexture) error = NULL;
  g_autofree char *one_clear_hop = hl_test_sample_path ("one-clear-hop.eml");
  g_autofree char *all_encrypted = hl_test_sample_path ("all-encrypted.eml");

  if (missing (one_clear_hop) || missing (all_encrypted))
    return;
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* A first run, but for two messages opened before */
  {
    GtkRecentManager *recent = gtk_recent_manager_get_default ();
    const char *samples[] = { "all-encrypted.eml", "one-clear-hop.eml" };

    gtk_recent_manager_purge_items (recent, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        g_autofree char *path = hl_test_sample_path (samples[i]);
        g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
        GtkRecentData data = { NULL, NULL, (char *) "message/rfc822", (char *) "Hoplock", (char *) "hoplock %u", NULL, FALSE };

        g_assert_true (gtk_recent_manager_add_full (recent, uri, &data));
      }
    settle (200);
  }
  window = new_window (1000, 760);
  settle (300);
  welcome = screenshot (GTK_WIDGET (window), "welcome.png");
  show_for_screenshot (window, NULL, 0);
  light = screenshot (GTK_WIDGET (window), "example-light.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (600);
  dark = screenshot (GTK_WIDGET (window), "example-dark.png");
  show_for_screenshot (window, "one-clear-hop.eml", 1);
  journey_dark = screenshot (GTK_WIDGET (window), "journey-dark.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  settle (600);
  journey = screenshot (GTK_WIDGET (window), "journey-light.png");
  close_window (window);

  window = new_window (360, 760);
  show_for_screenshot (window, NULL, 0);
  adw_leaflet_set_visible_child_name (template_child (window, "leaflet"), "sidebar");
  settle (600);
  narrow = screenshot (GTK_WIDGET (window), "example-narrow.png");
  hl_window_select_hop (window, 0);
  settle (600);
  narrow_detail = screenshot (GTK_WIDGET (window), "example-narrow-detail.png");
  close_window (window);

  window = new_window (1000, 760);
  {
    g_autofree char *path = g_build_filename (tmpdir, "screenshot-not-a-message.png", NULL);

    g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n", 8, NULL));
    open_and_wait (window, path);
    settle (300);
    error = screenshot (GTK_WIDGET (window), "error.png");
  }
  close_window (window);

  g_assert_cmpint (gdk_texture_get_width (narrow), <=, 400);
  g_assert_cmpint (gdk_texture_get_width (light), >=, 900);
  g_test_message ("mean luminance: light %.0f, dark %.0f", mean_luminance (light), mean_luminance (dark));
  g_assert_cmpfloat (mean_luminance (light), >, 180);
  g_assert_cmpfloat (mean_luminance (dark), <, 90);
  g_assert_cmpfloat (mean_luminance (journey_dark), <, 90);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  adw_init ();
  g_set_application_name ("Hoplock");
  /* as app/hoplock.c does: PDF among the formats written */
  hl_report_pdf_register ();

  tmpdir = g_dir_make_tmp ("hoplock-ui-XXXXXX", &error);
  g_assert_no_error (error);

  app = hl_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Keep the application alive between cases, with no window open. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/ui/example", test_example);
  for (guint i = 0; i < G_N_ELEMENTS (sample_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ui/sample/%s", sample_cases[i].file);

      g_test_add_data_func (name, &sample_cases[i], test_sample);
    }
  g_test_add_func ("/ui/open-from-application", test_open_from_application);
  g_test_add_func ("/ui/corpus", test_corpus);
  g_test_add_func ("/ui/detail/tokens", test_detail_tokens);
  g_test_add_func ("/ui/detail/rating", test_detail_rating);
  g_test_add_func ("/ui/detail/hostile-text", test_hostile_text);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ui/error/%s", error_cases[i].name);

      g_test_add_data_func (name, &error_cases[i], test_error);
    }
  g_test_add_func ("/ui/error/keeps-route", test_error_keeps_route);
  g_test_add_func ("/ui/older-hops", test_older_hops);
  g_test_add_func ("/ui/drop/file", test_drop_file);
  g_test_add_func ("/ui/drop/file-list", test_drop_file_list);
  g_test_add_func ("/ui/drop/text", test_drop_text);
  for (guint i = 0; i < G_N_ELEMENTS (paste_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ui/paste/%s", paste_cases[i].name);

      g_test_add_data_func (name, &paste_cases[i], test_paste);
    }
  g_test_add_func ("/ui/paste/dialog", test_paste_dialog);
  g_test_add_func ("/ui/export/write", test_export);
  g_test_add_func ("/ui/export/formats", test_export_formats);
  g_test_add_func ("/ui/export/chosen-format", test_export_chosen_format);
  g_test_add_func ("/ui/narrow", test_narrow);
  g_test_add_func ("/ui/long-word", test_long_word);
  g_test_add_func ("/ui/hostile-files", test_hostile_files);
  g_test_add_func ("/ui/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/about", test_about);
  g_test_add_func ("/ui/window-size-kept", test_window_size_kept);
  g_test_add_func ("/ui/screenshots", test_screenshots);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmpdir);
    g_autoptr(GFileEnumerator) children =
      g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }
  g_free (tmpdir);
  return status;
}
