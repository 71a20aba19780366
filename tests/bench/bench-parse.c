/* bench-parse.c: how fast Hoplock reads Received fields, next to GMime alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-parse [--quick] [--corpus DIR] [--messages N] [--repetitions N]
 *                    [--seconds S] [--seed N] [--only corpus|messages] [--dump N]
 *
 * 1. Corpus: every "raw" value of tests/corpus/<source>/headers.jsonl and
 *    tests/corpus/<source>/eml/received.jsonl, read with hl_received_parse() round
 *    after round for at least --seconds, then each value on its own to find the
 *    slow ones.
 * 2. Messages: --messages generated mbox-style messages (4 to 8 Received fields
 *    each, in the dialects of Postfix, Exim, Sendmail, Microsoft, Gmail and qmail,
 *    a few other fields and a body of some KB), the same for a given --seed. Each
 *    repetition times three passes, in rotating order:
 *      BASELINE  GMime alone: the header block parsed into a GMimeMessage and the
 *                raw value of every Received field walked;
 *      HOPLOCK   hl_route_new_from_data() on each message, which does the same
 *                and reads each field;
 *      FIELDS    hl_received_parse() alone on those raw values, to tell the
 *                field parser from the rest of HOPLOCK.
 *    The median repetition of each is reported.
 * 3. Peak resident memory, as getrusage() reports it.
 *
 * This is not a test: it exits 0 whatever the figures; the targets are printed
 * next to them as PASS or MISS. Exits 1 only on bad options.
 *
 * To profile one side: valgrind --tool=callgrind --toggle-collect=hl_route_new_from_data
 * (or baseline_one, or hl_received_parse) bench-parse --only messages --messages 400
 * --repetitions 1.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include <glib.h>
#include <gmime/gmime.h>
#include <json-glib/json-glib.h>

#include "hoplock.h"
#include "core/hl-route-private.h"   /* where the header block lies, inline */
#include "bench-messages.h"

#define TARGET_OVERHEAD_PERCENT  30.0
#define TARGET_NS_PER_VALUE      2000.0


/* Results go here so that no call can be optimised away. */
static volatile guint64 sink;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0.0;
  return usage.ru_maxrss / 1024.0;  /* kilobytes on Linux */
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Sorts @values in place and returns its median. */
static gint64
median (gint64 *values,
        guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (gint64), compare_gint64);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

static const char *
pass_or_miss (gboolean ok)
{
  return ok ? "PASS" : "MISS";
}

/* ---------------------------------------------------------------------------
 * 1. The corpus
 * ------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *values;  /* char *, the unfolded field values */
  GPtrArray *ids;     /* char *, the case ids, for naming slow values */
  gsize bytes;
  guint n_files;
} Corpus;

static void
corpus_clear (Corpus *corpus)
{
  g_clear_pointer (&corpus->values, g_ptr_array_unref);
  g_clear_pointer (&corpus->ids, g_ptr_array_unref);
}

static gboolean
corpus_load_jsonl (Corpus      *corpus,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonNode *root;
      JsonObject *object;
      const char *raw;

      if (lines[i][0] == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, error))
        {
          g_prefix_error (error, "%s:%u: ", path, i + 1);
          return FALSE;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        continue;
      object = json_node_get_object (root);
      raw = json_object_get_string_member_with_default (object, "raw", NULL);
      if (raw == NULL)
        continue;

      g_ptr_array_add (corpus->values, g_strdup (raw));
      g_ptr_array_add (corpus->ids,
                       g_strdup (json_object_get_string_member_with_default (object, "id", "?")));
      corpus->bytes += strlen (raw);
    }

  corpus->n_files++;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @dir is the source tree or the corpus folder itself. */
static char *
find_corpus_dir (const char *dir)
{
  g_autofree char *below = g_build_filename (dir, "tests", "corpus", NULL);

  if (g_file_test (below, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&below);
  return g_strdup (dir);
}

static gboolean
corpus_load (Corpus      *corpus,
             const char  *corpus_dir,
             GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  corpus->values = g_ptr_array_new_with_free_func (g_free);
  corpus->ids = g_ptr_array_new_with_free_func (g_free);

  dir = g_dir_open (corpus_dir, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (sources, g_strdup (name));
  g_ptr_array_sort (sources, compare_names);

  for (guint i = 0; i < sources->len; i++)
    {
      const char *source = g_ptr_array_index (sources, i);
      g_autofree char *headers = g_build_filename (corpus_dir, source, "headers.jsonl", NULL);
      g_autofree char *received = g_build_filename (corpus_dir, source, "eml",
                                                    "received.jsonl", NULL);

      if (g_file_test (headers, G_FILE_TEST_IS_REGULAR)
          && !corpus_load_jsonl (corpus, headers, error))
        return FALSE;
      if (g_file_test (received, G_FILE_TEST_IS_REGULAR)
          && !corpus_load_jsonl (corpus, received, error))
        return FALSE;
    }

  return TRUE;
}

static guint64
parse_one_value (const char *value,
                 gsize       length)
{
  HlReceived *hop = hl_received_parse (value, length);
  guint64 result = hl_received_get_tls_state (hop) + 1;

  hl_received_unref (hop);
  return result;
}

typedef struct
{
  guint rounds;
  guint64 n_values;
  gint64 total_ns;
  gint64 median_round_ns;
  /* Each value on its own, ns per parse. */
  gint64 value_median_ns;
  gint64 value_p99_ns;
  gint64 value_max_ns;
  guint slowest[3];
  gint64 slowest_ns[3];
} CorpusResult;

static int
compare_by_time_desc (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const gint64 *times = user_data;
  gint64 x = times[*(const guint *) a];
  gint64 y = times[*(const guint *) b];

  return (x < y) - (x > y);
}

static void
bench_corpus (const Corpus *corpus,
              double        min_seconds,
              guint         min_rounds,
              guint         batches,
              guint         batch_size,
              CorpusResult *result)
{
  guint n = corpus->values->len;
  g_autofree gsize *lengths = g_new (gsize, n);
  g_autoptr(GArray) rounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *per_value = g_new (gint64, n);
  g_autofree gint64 *sorted = NULL;
  g_autofree guint *order = NULL;
  gint64 start, min_ns = (gint64) (min_seconds * 1e9);
  guint64 acc = 0;

  memset (result, 0, sizeof *result);
  for (guint i = 0; i < n; i++)
    lengths[i] = strlen (g_ptr_array_index (corpus->values, i));

  /* Warm-up: one untimed round. */
  for (guint i = 0; i < n; i++)
    acc += parse_one_value (g_ptr_array_index (corpus->values, i), lengths[i]);

  start = now_ns ();
  do
    {
      gint64 t0 = now_ns (), elapsed;

      for (guint i = 0; i < n; i++)
        acc += parse_one_value (g_ptr_array_index (corpus->values, i), lengths[i]);
      elapsed = now_ns () - t0;
      g_array_append_val (rounds, elapsed);
      result->total_ns += elapsed;
    }
  while (rounds->len < min_rounds || now_ns () - start < min_ns);

  result->rounds = rounds->len;
  result->n_values = (guint64) n * rounds->len;
  result->median_round_ns = median ((gint64 *) (void *) rounds->data, rounds->len);

  /* Each value on its own, to find the slow ones: the best of a few short batches, so
   * that a batch the scheduler interrupted does not count. */
  for (guint i = 0; i < n; i++)
    {
      const char *value = g_ptr_array_index (corpus->values, i);

      per_value[i] = G_MAXINT64;
      for (guint b = 0; b < batches; b++)
        {
          gint64 t0 = now_ns ();

          for (guint k = 0; k < batch_size; k++)
            acc += parse_one_value (value, lengths[i]);
          per_value[i] = MIN (per_value[i], (now_ns () - t0) / batch_size);
        }
    }

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_by_time_desc, per_value);
  for (guint s = 0; s < MIN (n, G_N_ELEMENTS (result->slowest)); s++)
    {
      result->slowest[s] = order[s];
      result->slowest_ns[s] = per_value[order[s]];
    }

  sorted = g_memdup2 (per_value, n * sizeof (gint64));
  result->value_median_ns = median (sorted, n);
  result->value_p99_ns = sorted[MIN (n - 1, (guint) (n * 0.99))];
  result->value_max_ns = sorted[n - 1];

  sink += acc;
}

/* ---------------------------------------------------------------------------
 * 2. Generated messages
 * ------------------------------------------------------------------------- */


typedef struct
{
  GString *mbox;
  GArray *offsets;       /* gsize, message i is [offsets[i], offsets[i + 1] - 1) */
  guint n_messages;
  guint n_received;
  gsize header_bytes;
  GString *fields;       /* the Received values, trimmed, each followed by a NUL */
  GArray *field_offsets; /* gsize, as offsets */
  guint n_fields;
} Mailbox;

static void
mailbox_clear (Mailbox *box)
{
  if (box->mbox != NULL)
    g_string_free (box->mbox, TRUE);
  box->mbox = NULL;
  g_clear_pointer (&box->offsets, g_array_unref);
  if (box->fields != NULL)
    g_string_free (box->fields, TRUE);
  box->fields = NULL;
  g_clear_pointer (&box->field_offsets, g_array_unref);
}

static const char *
mailbox_get (const Mailbox *box,
             guint          i,
             gsize         *length)
{
  gsize start = g_array_index (box->offsets, gsize, i);
  gsize end = g_array_index (box->offsets, gsize, i + 1) - 1;  /* the separating newline */

  *length = end - start;
  return box->mbox->str + start;
}

static void
mailbox_generate (Mailbox *box,
                  guint    n_messages,
                  guint32  seed)
{
  BenchChain chain = { 0, };

  chain.rand = g_rand_new_with_seed (seed);
  box->mbox = g_string_sized_new ((gsize) n_messages * 6 * 1024);
  box->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n_messages + 1);
  box->n_messages = n_messages;
  box->n_received = 0;

  for (guint i = 0; i < n_messages; i++)
    {
      g_array_append_val (box->offsets, box->mbox->len);
      bench_append_message (box->mbox, &chain, &box->n_received, FALSE);
      g_string_append_c (box->mbox, '\n');
    }
  g_array_append_val (box->offsets, box->mbox->len);

  g_rand_free (chain.rand);
}

/* BASELINE: what GMime alone costs to hand over every Received value. Not inlined,
 * so that a profiler can tell it apart (valgrind --toggle-collect=baseline_one). */
static G_GNUC_NO_INLINE guint
baseline_one (const char *data,
              gsize       length,
              guint64    *acc)
{
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *message;
  GMimeHeaderList *headers;
  const char *start;
  gsize len = length;
  int n_headers;
  guint n_received = 0;

  start = hl_route_skip_preamble (data, &len);
  stream = g_mime_stream_mem_new_with_buffer (start, hl_route_header_block_length (start, len));
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, NULL);
  g_object_unref (parser);
  g_object_unref (stream);
  if (message == NULL)
    return 0;

  headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  n_headers = g_mime_header_list_get_count (headers);
  for (int i = 0; i < n_headers; i++)
    {
      GMimeHeader *h = g_mime_header_list_get_header_at (headers, i);
      const char *raw;

      if (g_ascii_strcasecmp (g_mime_header_get_name (h), "Received") != 0)
        continue;
      raw = g_mime_header_get_raw_value (h);
      if (raw != NULL)
        *acc += strlen (raw);
      n_received++;
    }

  g_object_unref (message);
  return n_received;
}

/* HOPLOCK: the same message through the library. */
static G_GNUC_NO_INLINE guint
hoplock_one (const char *data,
             gsize       length,
             guint64    *acc,
             guint      *n_failed)
{
  HlRoute *route = hl_route_new_from_data (data, length, NULL, NULL);
  guint n_hops;

  if (route == NULL)
    {
      (*n_failed)++;
      return 0;
    }
  n_hops = hl_route_get_n_hops (route);
  *acc += hl_route_get_verdict (route) + n_hops;
  hl_route_unref (route);
  return n_hops;
}

/* FIELDS: hl_received_parse() alone on the values hl_route_new_from_data() hands it. */
static void
mailbox_extract_fields (Mailbox *box)
{
  box->fields = g_string_new (NULL);
  box->field_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint m = 0; m < box->n_messages; m++)
    {
      GMimeStream *stream;
      GMimeParser *parser;
      GMimeMessage *message;
      GMimeHeaderList *headers;
      gsize len;
      const char *start = hl_route_skip_preamble (mailbox_get (box, m, &len), &len);
      gsize block;
      int n_headers;

      block = hl_route_header_block_length (start, len);
      stream = g_mime_stream_mem_new_with_buffer (start, block);
      parser = g_mime_parser_new_with_stream (stream);
      g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
      message = g_mime_parser_construct_message (parser, NULL);
      g_object_unref (parser);
      g_object_unref (stream);
      if (message == NULL)
        continue;

      headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
      n_headers = g_mime_header_list_get_count (headers);
      for (int i = 0; i < n_headers; i++)
        {
          GMimeHeader *h = g_mime_header_list_get_header_at (headers, i);
          const char *raw;
          gsize rl;

          if (g_ascii_strcasecmp (g_mime_header_get_name (h), "Received") != 0)
            continue;
          raw = g_mime_header_get_raw_value (h);
          if (raw == NULL)
            continue;
          /* Trimmed as hl_route_new_from_data() trims it. */
          while (*raw == ' ' || *raw == '\t')
            raw++;
          rl = strlen (raw);
          while (rl > 0 && (raw[rl - 1] == '\n' || raw[rl - 1] == '\r' || raw[rl - 1] == ' '))
            rl--;
          g_array_append_val (box->field_offsets, box->fields->len);
          g_string_append_len (box->fields, raw, rl);
          g_string_append_c (box->fields, '\0');
        }
      g_object_unref (message);
    }
  g_array_append_val (box->field_offsets, box->fields->len);
  box->n_fields = box->field_offsets->len - 1;
}

typedef enum
{
  PASS_BASELINE,
  PASS_HOPLOCK,
  PASS_FIELDS,
  N_PASSES
} PassKind;

static const char * const pass_names[N_PASSES] = { "BASELINE", "HOPLOCK", "FIELDS" };

typedef struct
{
  gint64 median_ns;
  gint64 min_ns;
  gint64 max_ns;
  guint n_received;
  guint n_failed;
} PassResult;

static gint64
run_pass (const Mailbox *box,
          PassKind       kind,
          guint          n_messages,
          PassResult    *result)
{
  guint64 acc = 0;
  gint64 t0 = now_ns ();

  result->n_received = 0;
  result->n_failed = 0;
  if (kind == PASS_FIELDS)
    {
      for (guint i = 0; i < box->n_fields; i++)
        {
          gsize start = g_array_index (box->field_offsets, gsize, i);
          gsize end = g_array_index (box->field_offsets, gsize, i + 1) - 1;

          acc += parse_one_value (box->fields->str + start, end - start);
        }
      result->n_received = box->n_fields;
    }
  else
    {
      for (guint i = 0; i < n_messages; i++)
        {
          gsize length;
          const char *data = mailbox_get (box, i, &length);

          if (kind == PASS_HOPLOCK)
            result->n_received += hoplock_one (data, length, &acc, &result->n_failed);
          else
            result->n_received += baseline_one (data, length, &acc);
        }
    }
  sink += acc;
  return now_ns () - t0;
}

static void
bench_messages (const Mailbox *box,
                guint          repetitions,
                PassResult     results[N_PASSES],
                double        *ratio_min,
                double        *ratio_max)
{
  g_autofree gint64 *times = g_new (gint64, (gsize) N_PASSES * repetitions);
  PassResult scratch;

  memset (results, 0, N_PASSES * sizeof (PassResult));
  *ratio_min = G_MAXDOUBLE;
  *ratio_max = 0.0;

  /* Warm-up: GMime's and GLib's one-time set-up, the allocator's pools. */
  run_pass (box, PASS_BASELINE, MIN (box->n_messages, 500), &scratch);
  run_pass (box, PASS_HOPLOCK, MIN (box->n_messages, 500), &scratch);

  /* Rotate the order so that no kind always runs first or last. */
  for (guint r = 0; r < repetitions; r++)
    {
      gint64 *row = times + (gsize) r * N_PASSES;
      double ratio;

      for (guint k = 0; k < N_PASSES; k++)
        {
          PassKind kind = (r + k) % N_PASSES;

          row[kind] = run_pass (box, kind, box->n_messages, &results[kind]);
        }
      ratio = (double) row[PASS_HOPLOCK] / (double) row[PASS_BASELINE];
      *ratio_min = MIN (*ratio_min, ratio);
      *ratio_max = MAX (*ratio_max, ratio);
    }

  for (guint k = 0; k < N_PASSES; k++)
    {
      g_autofree gint64 *column = g_new (gint64, repetitions);

      for (guint r = 0; r < repetitions; r++)
        column[r] = times[(gsize) r * N_PASSES + k];
      /* median() sorts, so the first and last are the fastest and the slowest. */
      results[k].median_ns = median (column, repetitions);
      results[k].min_ns = column[0];
      results[k].max_ns = column[repetitions - 1];
    }
}

/* ---------------------------------------------------------------------------
 * Report
 * ------------------------------------------------------------------------- */

static void
print_rule (void)
{
  g_print ("  ---------------------------------------------------------------------------\n");
}

static void
report_corpus (const Corpus       *corpus,
               const CorpusResult *cres)
{
  double s = cres->total_ns / 1e9;
  double round_s = cres->median_round_ns / 1e9;
  guint n = corpus->values->len;

  g_print ("   %u values (%.1f KB, mean %.0f bytes) from %u files; %u rounds in %.2f s\n",
           n, corpus->bytes / 1e3, (double) corpus->bytes / n, corpus->n_files, cres->rounds, s);
  print_rule ();
  g_print ("  %-28s %14s %14s\n", "", "all rounds", "median round");
  print_rule ();
  g_print ("  %-28s %14.0f %14.0f\n", "values/s", cres->n_values / s, n / round_s);
  g_print ("  %-28s %14.1f %14.1f\n", "MB/s",
           (double) corpus->bytes * cres->rounds / s / 1e6, corpus->bytes / round_s / 1e6);
  g_print ("  %-28s %14.0f %14.0f\n", "ns per value",
           (double) cres->total_ns / cres->n_values, (double) cres->median_round_ns / n);
  print_rule ();
  g_print ("  each value alone (best batch): median %" G_GINT64_FORMAT " ns, p99 %"
           G_GINT64_FORMAT " ns, max %" G_GINT64_FORMAT " ns; the slowest:\n",
           cres->value_median_ns, cres->value_p99_ns, cres->value_max_ns);
  for (guint i = 0; i < G_N_ELEMENTS (cres->slowest); i++)
    g_print ("    %6" G_GINT64_FORMAT " ns  %-34s %4zu bytes\n", cres->slowest_ns[i],
             (const char *) g_ptr_array_index (corpus->ids, cres->slowest[i]),
             strlen (g_ptr_array_index (corpus->values, cres->slowest[i])));
}

static void
report_messages (const Mailbox    *box,
                 const PassResult  results[N_PASSES],
                 double            ratio_min,
                 double            ratio_max)
{
  const PassResult *base = &results[PASS_BASELINE];
  const PassResult *hop = &results[PASS_HOPLOCK];
  const PassResult *fields = &results[PASS_FIELDS];
  double ratio = (double) hop->median_ns / base->median_ns;
  double n = box->n_messages;

  print_rule ();
  g_print ("  %-9s %11s %8s %9s %9s %11s %12s\n",
           "", "messages/s", "MB/s", "hdr MB/s", "us/msg", "ns/Received", "pass ms");
  print_rule ();
  for (PassKind k = PASS_BASELINE; k <= PASS_HOPLOCK; k++)
    {
      double s = results[k].median_ns / 1e9;

      g_print ("  %-9s %11.0f %8.1f %9.1f %9.2f %11.0f %6.0f-%-5.0f\n",
               pass_names[k], n / s, box->mbox->len / s / 1e6, box->header_bytes / s / 1e6,
               results[k].median_ns / 1e3 / n, (double) results[k].median_ns / box->n_received,
               results[k].min_ns / 1e6, results[k].max_ns / 1e6);
    }
  print_rule ();
  g_print ("  ratio HOPLOCK/BASELINE     %.3f (repetitions ranged %.3f-%.3f)\n",
           ratio, ratio_min, ratio_max);
  g_print ("  parser overhead            %+.1f %%\n", (ratio - 1.0) * 100.0);
  g_print ("  Received fields read       GMime %u, Hoplock %u, of %u generated%s\n",
           base->n_received, hop->n_received, box->n_received,
           hop->n_failed > 0 ? "; some messages were refused" : "");
  g_print ("\n  Where HOPLOCK's time goes, per message, by subtraction (FIELDS =\n"
           "  hl_received_parse() alone on the same %u raw values, folded, mean %.0f bytes:\n"
           "  %.0f ns each):\n",
           fields->n_received,
           (double) (box->fields->len - box->n_fields) / MAX (box->n_fields, 1),
           (double) fields->median_ns / MAX (fields->n_received, 1));
  g_print ("    GMime, as BASELINE                   %8.2f us  %5.1f %%\n",
           base->median_ns / 1e3 / n, 100.0 * base->median_ns / hop->median_ns);
  g_print ("    hl_received_parse() of each field    %8.2f us  %5.1f %%\n",
           fields->median_ns / 1e3 / n, 100.0 * fields->median_ns / hop->median_ns);
  g_print ("    the rest of hl_route_new_from_data() %8.2f us  %5.1f %%\n",
           (hop->median_ns - base->median_ns - fields->median_ns) / 1e3 / n,
           100.0 * (hop->median_ns - base->median_ns - fields->median_ns) / hop->median_ns);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus_arg = NULL;
  g_autofree char *corpus_dir = NULL;
  g_autofree char *only = NULL;
  gboolean quick = FALSE, do_corpus, do_messages, have_corpus = FALSE;
  int n_messages = -1, repetitions = -1, seed = 20240315, dump = 0;
  double seconds = -1.0;
  Corpus corpus = { 0, };
  CorpusResult cres = { 0, };
  Mailbox box = { 0, };
  PassResult results[N_PASSES];
  double ratio_min = 0, ratio_max = 0, overhead = 0, ns_per_value = 0;
  double rss_start, rss_corpus, rss_generated, rss_end;
  gint64 t0;
  const GOptionEntry entries[] = {
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick,
      "Small and short (under 2 s), a smoke check", NULL },
    { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus_arg,
      "Source tree or corpus folder (default: " BENCH_SOURCE_DIR ")", "DIR" },
    { "messages", 'm', 0, G_OPTION_ARG_INT, &n_messages,
      "Messages to generate (default: 20000, quick: 1000)", "N" },
    { "repetitions", 'r', 0, G_OPTION_ARG_INT, &repetitions,
      "Timed passes over the messages, median taken (default: 5, quick: 3)", "N" },
    { "seconds", 's', 0, G_OPTION_ARG_DOUBLE, &seconds,
      "Least time spent on the corpus (default: 2, quick: 0.25)", "S" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      "Seed of the message generator (default: 20240315)", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run one part, e.g. under a profiler", "corpus|messages" },
    { "dump", 0, 0, G_OPTION_ARG_INT, &dump,
      "Print the first N generated messages as an mbox and stop", "N" },
    { NULL }
  };

  /* The character set for messages; numbers stay in the C locale's format. */
  setlocale (LC_CTYPE, "");

  context = g_option_context_new ("- measure how fast Received fields are read");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-parse: %s\n", error->message);
      return 1;
    }
  if (n_messages < 0)
    n_messages = quick ? 1000 : 20000;
  if (repetitions < 0)
    repetitions = quick ? 3 : 5;
  if (seconds < 0)
    seconds = quick ? 0.25 : 2.0;
  if (n_messages < 1 || repetitions < 1)
    {
      g_printerr ("bench-parse: --messages and --repetitions must be at least 1\n");
      return 1;
    }
  if (only != NULL && g_strcmp0 (only, "corpus") != 0 && g_strcmp0 (only, "messages") != 0)
    {
      g_printerr ("bench-parse: --only takes corpus or messages\n");
      return 1;
    }
  do_corpus = only == NULL || g_str_equal (only, "corpus");
  do_messages = only == NULL || g_str_equal (only, "messages");

  if (dump > 0)
    {
      mailbox_generate (&box, dump, (guint32) seed);
      fwrite (box.mbox->str, 1, box.mbox->len, stdout);
      mailbox_clear (&box);
      return 0;
    }

  g_mime_init ();
  rss_start = peak_rss_mib ();

  g_print ("bench-parse: Hoplock %s, GLib %u.%u.%u, GMime %u.%u.%u, %s build, %s mode\n",
           PACKAGE_VERSION, glib_major_version, glib_minor_version, glib_micro_version,
           gmime_major_version, gmime_minor_version, gmime_micro_version,
#ifdef __OPTIMIZE__
           "optimised",
#else
           "UNOPTIMISED",
#endif
           quick ? "quick" : "full");

  /* 1. Corpus ------------------------------------------------------------ */
  corpus_dir = find_corpus_dir (corpus_arg != NULL ? corpus_arg : BENCH_SOURCE_DIR);
  if (do_corpus)
    {
      g_print ("\n1. Corpus: hl_received_parse() on every value in %s\n", corpus_dir);
      if (!corpus_load (&corpus, corpus_dir, &error))
        {
          g_print ("   skipped: %s\n", error->message);
          g_clear_error (&error);
        }
      else if (corpus.values->len == 0)
        {
          g_print ("   skipped: no values found\n");
        }
      else
        {
          have_corpus = TRUE;
          bench_corpus (&corpus, seconds, quick ? 3 : 10, quick ? 2 : 5, quick ? 3 : 10, &cres);
          ns_per_value = (double) cres.total_ns / cres.n_values;
          report_corpus (&corpus, &cres);
        }
    }
  rss_corpus = peak_rss_mib ();

  /* 2. Messages ---------------------------------------------------------- */
  if (do_messages)
    {
      t0 = now_ns ();
      mailbox_generate (&box, n_messages, (guint32) seed);
      for (guint i = 0; i < box.n_messages; i++)
        {
          gsize length;
          const char *data = hl_route_skip_preamble (mailbox_get (&box, i, &length), &length);

          box.header_bytes += hl_route_header_block_length (data, length);
        }
      mailbox_extract_fields (&box);
      g_print ("\n2. Messages: %u generated (seed %d) in %.2f s: %.1f MB, headers %.1f MB,"
               " %u Received fields\n"
               "   %d repetitions, order rotated, median of each\n",
               box.n_messages, seed, (now_ns () - t0) / 1e9, box.mbox->len / 1e6,
               box.header_bytes / 1e6, box.n_received, repetitions);
    }
  rss_generated = peak_rss_mib ();
  if (do_messages)
    {
      bench_messages (&box, repetitions, results, &ratio_min, &ratio_max);
      overhead = ((double) results[PASS_HOPLOCK].median_ns
                  / results[PASS_BASELINE].median_ns - 1.0) * 100.0;
      report_messages (&box, results, ratio_min, ratio_max);
    }

  /* 3. Memory ------------------------------------------------------------ */
  rss_end = peak_rss_mib ();
  g_print ("\n3. Peak RSS (getrusage ru_maxrss)\n");
  g_print ("   %.1f MiB at start", rss_start);
  if (have_corpus)
    g_print (", %.1f after the corpus", rss_corpus);
  if (do_messages)
    g_print (", %.1f with the messages in memory, %.1f at the end;\n"
             "   the parsing passes raised the peak by %.1f MiB",
             rss_generated, rss_end, rss_end - rss_generated);
  g_print ("\n");

  /* Targets -------------------------------------------------------------- */
  g_print ("\nTargets\n");
  if (do_messages)
    g_print ("  parser overhead <= %.0f %%             %+8.1f %%  %s\n",
             TARGET_OVERHEAD_PERCENT, overhead,
             pass_or_miss (overhead <= TARGET_OVERHEAD_PERCENT));
  if (have_corpus)
    g_print ("  one Received value < %.0f ns         %8.0f ns  %s  (corpus mean; p99 %"
             G_GINT64_FORMAT " ns)\n",
             TARGET_NS_PER_VALUE, ns_per_value, pass_or_miss (ns_per_value < TARGET_NS_PER_VALUE),
             cres.value_p99_ns);

  corpus_clear (&corpus);
  mailbox_clear (&box);
  return 0;
}
