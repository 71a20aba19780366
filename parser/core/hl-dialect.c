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

typedef struct
{
  const HlCommentRule *rule;
  guint32 first;
} Entry;

/* Appends every row of every dialect's list at @list_offset (rows of @row_size
 * bytes, ended by one whose pointers at @key_offset and @key2_offset are NULL). */
static GArray *
flatten (gsize list_offset,
         gsize row_size,
         gsize key_offset,
         gsize key2_offset)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (HlDialectRow));

  for (guint d = 0; d < hl_n_dialects; d++)
    {
      const char *list = G_STRUCT_MEMBER (const char *, hl_dialects[d], list_offset);

      for (; list != NULL; list += row_size)
        {
          HlDialectRow row = { list, hl_dialects[d] };

          if (G_STRUCT_MEMBER (gconstpointer, list, key_offset) == NULL
              && G_STRUCT_MEMBER (gconstpointer, list, key2_offset) == NULL)
            break;
          g_array_append_val (rows, row);
        }
    }
  return rows;
}

#define ROWS(array, n) ((n) = (array)->len, (gpointer) g_array_free ((array), FALSE))

/* The dialects whose member at @offset is set. */
static const HlDialect *const *
dialects_with (gsize  offset,
               guint *n)
{
  GPtrArray *with = g_ptr_array_new ();

  for (guint d = 0; d < hl_n_dialects; d++)
    if (G_STRUCT_MEMBER (gconstpointer, hl_dialects[d], offset) != NULL)
      g_ptr_array_add (with, (gpointer) hl_dialects[d]);
  *n = with->len;
  return (const HlDialect *const *) g_ptr_array_free (with, FALSE);
}

static void
build_comments (HlDialectTables *t)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
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
      /* The markers' recogniser is tried on comments that start as one does. */
      Entry e = { r, r->order == HL_ORDER_MARKERS ? marker_letters : r->first };

      g_array_append_val (entries, e);
    }
  for (guint d = 0; d < hl_n_dialects; d++)
    for (const HlCommentRule *r = hl_dialects[d]->comments; r != NULL && r->recognise != NULL; r++)
      {
        Entry e = { r, r->first };

        g_array_append_val (entries, e);
      }

  /* By order; a stable insertion sort keeps ties as above (the core's first,
   * then the dialects in the table's order). */
  for (guint i = 1; i < entries->len; i++)
    {
      Entry key = g_array_index (entries, Entry, i);
      guint j = i;

      while (j > 0 && g_array_index (entries, Entry, j - 1).rule->order > key.rule->order)
        {
          g_array_index (entries, Entry, j) = g_array_index (entries, Entry, j - 1);
          j--;
        }
      g_array_index (entries, Entry, j) = key;
    }

  /* One list per first letter; a comment that starts with anything else gets
   * the rules that take any comment. */
  for (guint b = 0; b < HL_N_BUCKETS; b++)
    {
      GArray *list = g_array_new (TRUE, TRUE, sizeof (HlRecogniser));

      for (guint i = 0; i < entries->len; i++)
        {
          const Entry *e = &g_array_index (entries, Entry, i);

          if (e->first == 0 || (b < HL_N_BUCKETS - 1 && (e->first & HL_FIRST ('a' + b)) != 0))
            g_array_append_val (list, e->rule->recognise);
        }
      t->comments[b] = (const HlRecogniser *) (gpointer) g_array_free (list, FALSE);
    }
  g_array_free (entries, TRUE);
}

static void
build_software (HlDialectTables *t)
{
  GArray *rows = flatten (G_STRUCT_OFFSET (HlDialect, software), sizeof (HlSoftware),
                          G_STRUCT_OFFSET (HlSoftware, name), G_STRUCT_OFFSET (HlSoftware, matches));
  GArray *tests = g_array_new (FALSE, FALSE, sizeof (HlDialectRow));

  for (guint b = 0; b < HL_N_BUCKETS; b++)
    {
      GArray *bucket = g_array_new (FALSE, FALSE, sizeof (HlDialectRow));

      for (guint i = 0; i < rows->len; i++)
        {
          const HlDialectRow *row = &g_array_index (rows, HlDialectRow, i);
          const HlSoftware *sw = row->row;

          if (sw->name != NULL && hl_bucket_of (sw->name[0]) == b)
            g_array_append_val (bucket, *row);
          else if (sw->name == NULL && b == 0)
            g_array_append_val (tests, *row);
        }
      t->software[b] = ROWS (bucket, t->n_software[b]);
    }
  t->software_tests = ROWS (tests, t->n_software_tests);
  g_array_free (rows, TRUE);
}

static void
build_protocols (HlDialectTables *t)
{
  GArray *rows = flatten (G_STRUCT_OFFSET (HlDialect, protocols), sizeof (HlProtocol),
                          G_STRUCT_OFFSET (HlProtocol, word), G_STRUCT_OFFSET (HlProtocol, word));
  GArray *whole = g_array_new (FALSE, FALSE, sizeof (HlProtocol));
  GArray *prefixes = g_array_new (FALSE, FALSE, sizeof (HlProtocol));

  /* The standard words are the common ones: looked at first. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rows->len; i++)
      {
        const HlDialectRow *row = &g_array_index (rows, HlDialectRow, i);
        const HlProtocol *p = row->row;

        if ((row->dialect->id == NULL) != (pass == 0))
          continue;
        g_array_append_val (p->prefix ? prefixes : whole, *p);
      }
  t->protocols = ROWS (whole, t->n_protocols);
  t->protocol_prefixes = ROWS (prefixes, t->n_protocol_prefixes);
  g_array_free (rows, TRUE);
}

const HlDialectTables *hl_dialect_tables_built;

const HlDialectTables *
hl_dialect_tables_build (void)
{
  static gsize once = 0;
  static HlDialectTables tables;

  if (g_once_init_enter (&once))
    {
      HlDialectTables *t = &tables;
      GArray *markers, *words;

      markers = flatten (G_STRUCT_OFFSET (HlDialect, markers), sizeof (HlMarker),
                         G_STRUCT_OFFSET (HlMarker, text), G_STRUCT_OFFSET (HlMarker, text));
      t->markers = ROWS (markers, t->n_markers);
      build_comments (t);
      build_software (t);
      build_protocols (t);
      {
        GArray *rows = flatten (G_STRUCT_OFFSET (HlDialect, local_with), sizeof (HlWordText),
                                G_STRUCT_OFFSET (HlWordText, word), G_STRUCT_OFFSET (HlWordText, word));
        GArray *local_with = g_array_new (FALSE, FALSE, sizeof (HlWordText));

        for (guint i = 0; i < rows->len; i++)
          g_array_append_val (local_with, *(const HlWordText *) g_array_index (rows, HlDialectRow, i).row);
        t->local_with = ROWS (local_with, t->n_local_with);
        g_array_free (rows, TRUE);
      }

      /* The clause words, one table per place. */
      words = flatten (G_STRUCT_OFFSET (HlDialect, words), sizeof (HlClauseWord),
                       G_STRUCT_OFFSET (HlClauseWord, hook), G_STRUCT_OFFSET (HlClauseWord, hook));
      for (guint place = 0; place <= HL_AT_WORD; place++)
        {
          GArray *at = g_array_new (FALSE, FALSE, sizeof (HlDialectRow));

          guint32 first = 0;

          for (guint i = 0; i < words->len; i++)
            {
              const HlClauseWord *cw = g_array_index (words, HlDialectRow, i).row;
              guint b;

              if (cw->place != place)
                continue;
              g_array_append_val (at, g_array_index (words, HlDialectRow, i));
              /* Which first letters are worth a look; a row for any word, or one
               * that starts with no letter, makes every word worth one. */
              b = cw->word != NULL && cw->len > 0 ? hl_bucket_of (cw->word[0]) : HL_N_BUCKETS - 1;
              first |= b < HL_N_BUCKETS - 1 ? HL_FIRST ('a' + b) : G_MAXUINT32;
            }
          t->words_first[place] = first == G_MAXUINT32 ? 0 : first;
          t->words[place] = ROWS (at, t->n_words[place]);
        }
      g_array_free (words, TRUE);

      t->with_prefixed = dialects_with (G_STRUCT_OFFSET (HlDialect, with_prefixes), &t->n_with_prefixed);
      t->by_host_suffixed = dialects_with (G_STRUCT_OFFSET (HlDialect, by_host_suffixes),
                                           &t->n_by_host_suffixed);
      t->pair_keyed = dialects_with (G_STRUCT_OFFSET (HlDialect, tls_pair_keys), &t->n_pair_keyed);
      t->cipher_prefixed = dialects_with (G_STRUCT_OFFSET (HlDialect, using_cipher_prefix),
                                          &t->n_cipher_prefixed);
      for (guint d = 0; d < hl_n_dialects && t->rdns_first == NULL; d++)
        if (hl_dialects[d]->from_rdns_first)
          t->rdns_first = hl_dialects[d];

      g_atomic_pointer_set (&hl_dialect_tables_built, t);
      g_once_init_leave (&once, 1);
    }
  return &tables;
}
