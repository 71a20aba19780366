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

static int
compare_comment_entries (gconstpointer a,
                         gconstpointer b)
{
  const HlCommentEntry *ea = a, *eb = b;

  return (ea->rule->order > eb->rule->order) - (ea->rule->order < eb->rule->order);
}

/* Appends every row of every dialect's list at @offset (rows of @size bytes,
 * ended by one whose first pointer is NULL — or whose pointer at @key is). */
static HlDialectRow *
flatten (gsize  list_offset,
         gsize  row_size,
         gsize  key_offset,
         gsize  key2_offset,
         guint *n_out)
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
  *n_out = rows->len;
  return (HlDialectRow *) (gpointer) g_array_free (rows, FALSE);
}

const HlDialectTables *
hl_dialect_tables (void)
{
  static gsize once = 0;
  static HlDialectTables tables;

  if (g_once_init_enter (&once))
    {
      HlDialectTables *t = &tables;
      GArray *comments = g_array_new (FALSE, FALSE, sizeof (HlCommentEntry));
      GPtrArray *with_prefixed = g_ptr_array_new ();
      GPtrArray *by_host_suffixed = g_ptr_array_new ();
      guint n_words;
      HlDialectRow *words;

      t->markers = flatten (G_STRUCT_OFFSET (HlDialect, markers), sizeof (HlMarker),
                            G_STRUCT_OFFSET (HlMarker, text), G_STRUCT_OFFSET (HlMarker, text),
                            &t->n_markers);
      for (const HlCommentRule *r = hl_core_comment_rules; r->recognise != NULL; r++)
        {
          HlCommentEntry e = { r, NULL, r->first };

          /* The markers' recogniser is tried on comments that start as one does. */
          if (r->order == HL_ORDER_MARKERS)
            {
              e.first = 0;
              for (guint i = 0; i < t->n_markers; i++)
                {
                  char c = hl_ascii_lower (((const HlMarker *) t->markers[i].row)->text[0]);

                  if (c < 'a' || c > 'z')
                    {
                      e.first = 0;
                      break;
                    }
                  e.first |= HL_FIRST (c);
                }
            }
          g_array_append_val (comments, e);
        }
      for (guint d = 0; d < hl_n_dialects; d++)
        {
          const HlDialect *dialect = hl_dialects[d];

          for (const HlCommentRule *r = dialect->comments; r != NULL && r->recognise != NULL; r++)
            {
              HlCommentEntry e = { r, dialect, r->first };

              g_array_append_val (comments, e);
            }
          if (dialect->with_prefixes != NULL)
            g_ptr_array_add (with_prefixed, (gpointer) dialect);
          if (dialect->by_host_suffixes != NULL)
            g_ptr_array_add (by_host_suffixed, (gpointer) dialect);
          if (dialect->from_rdns_first && t->rdns_first == NULL)
            t->rdns_first = dialect;
        }
      /* g_array_sort is not stable; ties keep the order above (core first, then
       * the dialects in the table's order) through their index. */
      for (guint i = 1; i < comments->len; i++)
        {
          HlCommentEntry key = g_array_index (comments, HlCommentEntry, i);
          guint j = i;

          while (j > 0 && compare_comment_entries (&g_array_index (comments, HlCommentEntry, j - 1), &key) > 0)
            {
              g_array_index (comments, HlCommentEntry, j) = g_array_index (comments, HlCommentEntry, j - 1);
              j--;
            }
          g_array_index (comments, HlCommentEntry, j) = key;
        }
      t->n_comments = comments->len;
      t->comments = (HlCommentEntry *) (gpointer) g_array_free (comments, FALSE);

      t->software = flatten (G_STRUCT_OFFSET (HlDialect, software), sizeof (HlSoftware),
                             G_STRUCT_OFFSET (HlSoftware, name), G_STRUCT_OFFSET (HlSoftware, matches),
                             &t->n_software);
      {
        HlDialectRow *rows = flatten (G_STRUCT_OFFSET (HlDialect, protocols), sizeof (HlProtocol),
                                      G_STRUCT_OFFSET (HlProtocol, word),
                                      G_STRUCT_OFFSET (HlProtocol, word), &t->n_protocols);
        HlDialectRow *sorted = g_new (HlDialectRow, MAX (t->n_protocols, 1));
        guint n = 0;

        /* The standard words are the common ones: looked at first; words that
         * match by their start last, so that an exact word wins. */
        for (guint pass = 0; pass < 3; pass++)
          for (guint i = 0; i < t->n_protocols; i++)
            {
              const HlProtocol *p = rows[i].row;
              guint want = p->prefix ? 2 : rows[i].dialect->id == NULL ? 0 : 1;

              if (want == pass)
                sorted[n++] = rows[i];
            }
        g_free (rows);
        t->protocols = sorted;
      }

      /* The clause words, one table per place. */
      words = flatten (G_STRUCT_OFFSET (HlDialect, words), sizeof (HlClauseWord),
                       G_STRUCT_OFFSET (HlClauseWord, hook), G_STRUCT_OFFSET (HlClauseWord, hook),
                       &n_words);
      for (guint place = 0; place <= HL_AT_WORD; place++)
        {
          GArray *at = g_array_new (FALSE, FALSE, sizeof (HlDialectRow));

          for (guint i = 0; i < n_words; i++)
            if (((const HlClauseWord *) words[i].row)->place == place)
              g_array_append_val (at, words[i]);
          t->n_words[place] = at->len;
          t->words[place] = (HlDialectRow *) (gpointer) g_array_free (at, FALSE);
        }
      g_free (words);

      t->n_with_prefixed = with_prefixed->len;
      t->with_prefixed = (const HlDialect *const *) g_ptr_array_free (with_prefixed, FALSE);
      t->n_by_host_suffixed = by_host_suffixed->len;
      t->by_host_suffixed = (const HlDialect *const *) g_ptr_array_free (by_host_suffixed, FALSE);

      g_once_init_leave (&once, 1);
    }
  return &tables;
}
