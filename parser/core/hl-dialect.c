/* hl-dialect.c: the table of dialects, walked
 *
 * The dialects are data (parser/dialects/, one file each); this file flattens
 * their rows once into the tables the walker and the recognisers read, so that
 * reading a field costs what it did when the rows were written out here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

void
hl_set_dialect (HlReceived      *self,
                const HlDialect *dialect)
{
  if (self->dialect == NULL && dialect != NULL && dialect->id != NULL)
    {
      self->dialect = dialect;
      self->mta = dialect->id;
    }
}

void
hl_force_dialect (HlReceived      *self,
                  const HlDialect *dialect)
{
  if (dialect != NULL && dialect->id != NULL)
    {
      self->dialect = dialect;
      self->mta = dialect->id;
    }
}

/**
 * hl_received_get_mta_name:
 *
 * Returns: (nullable): the name of the mail server software whose way of
 *   writing the field was recognised, translated
 */
const char *
hl_received_get_mta_name (HlReceived *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->dialect == NULL)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, self->dialect->name);
}

/* The tables live in static storage: building them touches no heap, so a
 * program's allocations go as they would without them. Rows of one kind over
 * every dialect, at most: */
#define MAX_ROWS 256

typedef struct
{
  const HlCommentRule *rule;
  guint32 first;
} Entry;

static HlDialectTables tables;
static HlRecogniser comment_pool[HL_N_BUCKETS * (MAX_ROWS + 1)];
static HlDialectRow marker_pool[MAX_ROWS];
static HlDialectRow software_pool[MAX_ROWS];
static HlDialectRow software_test_pool[MAX_ROWS];
static HlProtocol protocol_pool[MAX_ROWS];
static HlProtocol protocol_prefix_pool[MAX_ROWS];
static HlDialectRow word_pool[MAX_ROWS];
static HlWordText local_with_pool[MAX_ROWS];
static const HlDialect *dialect_pool[4][MAX_ROWS];

static void
check_room (guint       n,
            const char *what)
{
  if (n >= MAX_ROWS)
    g_error ("More than %d %s in parser/dialects/; raise MAX_ROWS in hl-dialect.c", MAX_ROWS, what);
}

/* Writes every row of every dialect's list at @list_offset (rows of @row_size
 * bytes, ended by one whose pointers at @key_offset and @key2_offset are NULL)
 * to @out; returns how many. */
static guint
flatten (gsize         list_offset,
         gsize         row_size,
         gsize         key_offset,
         gsize         key2_offset,
         HlDialectRow *out,
         const char   *what)
{
  guint n = 0;

  for (guint d = 0; d < hl_n_dialects; d++)
    {
      const char *list = G_STRUCT_MEMBER (const char *, hl_dialects[d], list_offset);

      for (; list != NULL; list += row_size)
        {
          if (G_STRUCT_MEMBER (gconstpointer, list, key_offset) == NULL
              && G_STRUCT_MEMBER (gconstpointer, list, key2_offset) == NULL)
            break;
          check_room (n, what);
          out[n++] = (HlDialectRow) { list, hl_dialects[d] };
        }
    }
  return n;
}

/* The dialects whose member at @offset is set, into @out. */
static guint
dialects_with (gsize             offset,
               const HlDialect **out)
{
  guint n = 0;

  for (guint d = 0; d < hl_n_dialects; d++)
    if (G_STRUCT_MEMBER (gconstpointer, hl_dialects[d], offset) != NULL)
      {
        check_room (n, "dialects");
        out[n++] = hl_dialects[d];
      }
  return n;
}

static void
build_comments (HlDialectTables *t)
{
  Entry entries[MAX_ROWS];
  guint n = 0, used = 0;
  guint32 marker_letters = 0;

  for (guint i = 0; i < t->n_markers; i++)
    {
      guint b = hl_bucket_of (((const HlMarker *) t->markers[i].row)->text[0]);

      /* A marker that starts with no letter: try the markers on every comment. */
      marker_letters |= b < HL_N_BUCKETS - 1 ? HL_FIRST ('a' + b) : G_MAXUINT32;
    }
  if (marker_letters == G_MAXUINT32)
    marker_letters = 0;

  for (const HlCommentRule *r = hl_core_comment_rules; r->recognise != NULL; r++)
    {
      check_room (n, "comment recognisers");
      /* The markers' recogniser is tried on comments that start as one does. */
      entries[n++] = (Entry) { r, r->order == HL_ORDER_MARKERS ? marker_letters : r->first };
    }
  for (guint d = 0; d < hl_n_dialects; d++)
    for (const HlCommentRule *r = hl_dialects[d]->comments; r != NULL && r->recognise != NULL; r++)
      {
        check_room (n, "comment recognisers");
        entries[n++] = (Entry) { r, r->first };
      }

  /* By order; a stable insertion sort keeps ties as above (the core's first,
   * then the dialects in the table's order). */
  for (guint i = 1; i < n; i++)
    {
      Entry key = entries[i];
      guint j = i;

      while (j > 0 && entries[j - 1].rule->order > key.rule->order)
        {
          entries[j] = entries[j - 1];
          j--;
        }
      entries[j] = key;
    }

  /* One NULL-ended list per first letter; a comment that starts with anything
   * else gets the rules that take any comment. */
  for (guint b = 0; b < HL_N_BUCKETS; b++)
    {
      t->comments[b] = &comment_pool[used];
      for (guint i = 0; i < n; i++)
        if (entries[i].first == 0
            || (b < HL_N_BUCKETS - 1 && (entries[i].first & HL_FIRST ('a' + b)) != 0))
          comment_pool[used++] = entries[i].rule->recognise;
      comment_pool[used++] = NULL;
    }
}

static void
build_software (HlDialectTables *t)
{
  HlDialectRow rows[MAX_ROWS];
  guint n = flatten (G_STRUCT_OFFSET (HlDialect, software), sizeof (HlSoftware),
                     G_STRUCT_OFFSET (HlSoftware, name), G_STRUCT_OFFSET (HlSoftware, matches),
                     rows, "software rows");
  guint used = 0;

  /* The names, bucket after bucket in one pool; the tests apart. */
  for (guint b = 0; b < HL_N_BUCKETS; b++)
    {
      t->software[b] = &software_pool[used];
      for (guint i = 0; i < n; i++)
        {
          const HlSoftware *sw = rows[i].row;

          if (sw->name != NULL && hl_bucket_of (sw->name[0]) == b)
            software_pool[used++] = rows[i];
        }
      t->n_software[b] = &software_pool[used] - t->software[b];
    }
  for (guint i = 0; i < n; i++)
    if (((const HlSoftware *) rows[i].row)->name == NULL)
      software_test_pool[t->n_software_tests++] = rows[i];
  t->software_tests = software_test_pool;
}

static void
build_protocols (HlDialectTables *t)
{
  HlDialectRow rows[MAX_ROWS];
  guint n = flatten (G_STRUCT_OFFSET (HlDialect, protocols), sizeof (HlProtocol),
                     G_STRUCT_OFFSET (HlProtocol, word), G_STRUCT_OFFSET (HlProtocol, word),
                     rows, "with words");

  /* The standard words are the common ones: looked at first. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const HlProtocol *p = rows[i].row;

        if ((rows[i].dialect->id == NULL) != (pass == 0))
          continue;
        if (p->prefix)
          protocol_prefix_pool[t->n_protocol_prefixes++] = *p;
        else
          protocol_pool[t->n_protocols++] = *p;
      }
  t->protocols = protocol_pool;
  t->protocol_prefixes = protocol_prefix_pool;
}

static void
build_words (HlDialectTables *t)
{
  HlDialectRow rows[MAX_ROWS];
  guint n = flatten (G_STRUCT_OFFSET (HlDialect, words), sizeof (HlClauseWord),
                     G_STRUCT_OFFSET (HlClauseWord, hook), G_STRUCT_OFFSET (HlClauseWord, hook),
                     rows, "clause words");
  guint used = 0;

  /* One list per place, one after the other in one pool. */
  for (guint place = 0; place <= HL_AT_WORD; place++)
    {
      guint32 first = 0;

      t->words[place] = &word_pool[used];
      for (guint i = 0; i < n; i++)
        {
          const HlClauseWord *cw = rows[i].row;
          guint b;

          if (cw->place != place)
            continue;
          word_pool[used++] = rows[i];
          /* Which first letters are worth a look; a row for any word, or one
           * that starts with no letter, makes every word worth one. */
          b = cw->word != NULL && cw->len > 0 ? hl_bucket_of (cw->word[0]) : HL_N_BUCKETS - 1;
          first |= b < HL_N_BUCKETS - 1 ? HL_FIRST ('a' + b) : G_MAXUINT32;
        }
      t->words_first[place] = first == G_MAXUINT32 ? 0 : first;
      t->n_words[place] = &word_pool[used] - t->words[place];
    }
}

static void
build_local_with (HlDialectTables *t)
{
  HlDialectRow rows[MAX_ROWS];
  guint n = flatten (G_STRUCT_OFFSET (HlDialect, local_with), sizeof (HlWordText),
                     G_STRUCT_OFFSET (HlWordText, word), G_STRUCT_OFFSET (HlWordText, word),
                     rows, "local with words");

  for (guint i = 0; i < n; i++)
    local_with_pool[i] = *(const HlWordText *) rows[i].row;
  t->local_with = local_with_pool;
  t->n_local_with = n;
}

const HlDialectTables *hl_dialect_tables_built;

const HlDialectTables *
hl_dialect_tables_build (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      HlDialectTables *t = &tables;

      t->n_markers = flatten (G_STRUCT_OFFSET (HlDialect, markers), sizeof (HlMarker),
                              G_STRUCT_OFFSET (HlMarker, text), G_STRUCT_OFFSET (HlMarker, text),
                              marker_pool, "markers");
      t->markers = marker_pool;
      build_comments (t);
      build_software (t);
      build_protocols (t);
      build_words (t);
      build_local_with (t);

      t->n_with_prefixed = dialects_with (G_STRUCT_OFFSET (HlDialect, with_prefixes), dialect_pool[0]);
      t->with_prefixed = dialect_pool[0];
      t->n_by_host_suffixed = dialects_with (G_STRUCT_OFFSET (HlDialect, by_host_suffixes), dialect_pool[1]);
      t->by_host_suffixed = dialect_pool[1];
      t->n_pair_keyed = dialects_with (G_STRUCT_OFFSET (HlDialect, tls_pair_keys), dialect_pool[2]);
      t->pair_keyed = dialect_pool[2];
      t->n_cipher_prefixed = dialects_with (G_STRUCT_OFFSET (HlDialect, using_cipher_prefix),
                                            dialect_pool[3]);
      t->cipher_prefixed = dialect_pool[3];
      for (guint d = 0; d < hl_n_dialects && t->rdns_first == NULL; d++)
        if (hl_dialects[d]->from_rdns_first)
          t->rdns_first = hl_dialects[d];

      g_atomic_pointer_set (&hl_dialect_tables_built, t);
      g_once_init_leave (&once, 1);
    }
  return &tables;
}
