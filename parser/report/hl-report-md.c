/* hl-report-md.c: the report in Markdown, for a ticket or a pull request
 *
 * GitHub Flavored Markdown (CommonMark with tables), which GitHub, GitLab, Gitea,
 * Redmine and most ticket systems render: per message the identity, the verdict, a
 * table of hops, and under it each hop's explanations and its field as written
 * (in a code block).
 *
 * Text from a header goes through hl_report_append_markdown(): every character
 * that is markup somewhere (\ ` * _ [ ] < > | & ! # ~ $, the ":" of "://" and the
 * "." of "www.") gets a backslash, a line break becomes a space (so no cell can end its row or break
 * the table), and an "@" is followed by a WORD JOINER (U+2060), invisible, which
 * keeps GFM from turning an address into a mailto: link; backslashes cannot do
 * that, GFM links addresses after unescaping. No link, image, HTML or autolink can
 * come from a header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "report/hl-report-model-private.h"

#define WORD_JOINER "\xe2\x81\xa0"

/**
 * hl_report_append_markdown:
 * @text: (nullable): text from anywhere
 *
 * Appends @text as inline Markdown that renders literally, on one line.
 */
void
hl_report_append_markdown (GString    *out,
                           const char *text)
{
  const char *s = text ? text : "";

  for (const char *p = s; *p; p++)
    {
      char c = *p;

      switch (c)
        {
        case '\n':
        case '\r':
        case '\t':
          g_string_append_c (out, ' ');
          break;
        case '@':
          g_string_append (out, "@" WORD_JOINER);
          break;
        case '.':
          /* "www.example.com" is a link in GFM even without a scheme. */
          if (p - s >= 3 && g_ascii_strncasecmp (p - 3, "www", 3) == 0)
            g_string_append (out, "\\.");
          else
            g_string_append_c (out, c);
          break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '|': case '&': case '!': case '#': case '~': case '$':
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          break;
        case ':':
          /* "http://…", "ftp://…": a link in GFM even without <>. */
          if (p[1] == '/')
            g_string_append_c (out, '\\');
          g_string_append_c (out, c);
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }
}

/* Paragraphs; a paragraph of several lines is a list. */
static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_auto(GStrv) paragraphs = hl_report_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (lines[1] != NULL)
            g_string_append (out, "- ");
          hl_report_append_markdown (out, g_strstrip (lines[j]));
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
}

/* A code block whose fence is longer than any run of backticks in @text. */
static void
append_code_block (GString    *out,
                   const char *text)
{
  guint run = 0, longest = 0;

  for (const char *p = text; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (out, '`');
  g_string_append (out, "text\n");
  for (const char *p = text; *p; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (out, '`');
  g_string_append (out, "\n\n");
}

static void
append_state (GString *out,
              HlProtection  lock)
{
  const HlLockShape *shape = hl_protection_get_lock_shape (lock);

  g_string_append_printf (out, "%s ", shape->symbol);
  hl_report_append_markdown (out, hl_protection_get_label (lock));
}

static void
append_table (GString         *out,
              HlReportMessage *m)
{
  g_string_append (out, "|");
  for (HlReportColumn col = 0; col < HL_REPORT_N_COLUMNS; col++)
    {
      g_string_append_c (out, ' ');
      hl_report_append_markdown (out, hl_report_column_title (col));
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (HlReportColumn col = 0; col < HL_REPORT_N_COLUMNS; col++)
    g_string_append (out, col == HL_REPORT_COLUMN_HOP ? "---:|" : "---|");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < m->n_hops; i++)
    {
      g_string_append (out, "|");
      for (HlReportColumn col = 0; col < HL_REPORT_N_COLUMNS; col++)
        {
          const char *cell = hl_report_hop_cell (&m->hops[i], col);

          g_string_append_c (out, ' ');
          if (col == HL_REPORT_COLUMN_STATE)
            append_state (out, m->hops[i].lock);
          else if (*cell == '\0')
            g_string_append (out, "—");
          else
            hl_report_append_markdown (out, cell);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
append_hop (GString     *out,
            HlReportHop *hop)
{
  const char *heading = hop->heading;

  g_string_append (out, "### ");
  hl_report_append_markdown (out, heading);
  g_string_append (out, "\n\n");
  g_string_append_printf (out, "%s ", hl_protection_get_lock_shape (hop->lock)->symbol);
  hl_report_append_markdown (out, hop->status);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < hop->sections->len; i++)
    {
      HlReportSection *s = &g_array_index (hop->sections, HlReportSection, i);

      g_string_append (out, "**");
      hl_report_append_markdown (out, s->title);
      g_string_append (out, "**\n\n");
      append_paragraphs (out, s->text);
    }

  g_string_append (out, "**");
  hl_report_append_markdown (out, hl_report_raw_title ());
  g_string_append (out, "**\n\n");
  append_code_block (out, hop->raw);

  if (hop->warnings->len > 0)
    {
      g_string_append (out, "**");
      hl_report_append_markdown (out, hl_report_warnings_title ());
      g_string_append (out, "**\n\n");
      for (guint i = 0; i < hop->warnings->len; i++)
        {
          g_string_append (out, "- ");
          hl_report_append_markdown (out, g_ptr_array_index (hop->warnings, i));
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_message (GString *out,
                HlRoute *route)
{
  g_autoptr(HlReportMessage) m = hl_report_message_new (route);

  g_string_append (out, "## ");
  hl_report_append_markdown (out, m->title);
  g_string_append (out, "\n\n");
  for (guint i = 0; i < m->identity->len; i++)
    {
      HlReportField *f = &g_array_index (m->identity, HlReportField, i);

      g_string_append (out, "- **");
      hl_report_append_markdown (out, f->label);
      g_string_append (out, ":** ");
      hl_report_append_markdown (out, f->value);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "\n");

  g_string_append_printf (out, "%s **", hl_protection_get_lock_shape (m->lock)->symbol);
  hl_report_append_markdown (out, hl_verdict_get_label (m->verdict));
  g_string_append (out, "**: ");
  hl_report_append_markdown (out, m->sentence);
  g_string_append (out, "\n\n");
  hl_report_append_markdown (out, m->counts);
  g_string_append (out, "\n\n");
  if (m->verdict_explained.text != NULL)
    {
      g_string_append (out, "**");
      hl_report_append_markdown (out, m->verdict_explained.title);
      g_string_append (out, "**\n\n");
      append_paragraphs (out, m->verdict_explained.text);
    }
  for (guint i = 0; i < m->warnings->len; i++)
    {
      g_string_append (out, "- ");
      hl_report_append_markdown (out, g_ptr_array_index (m->warnings, i));
      g_string_append_c (out, '\n');
    }
  if (m->warnings->len > 0)
    g_string_append_c (out, '\n');

  if (m->omitted != NULL)
    {
      g_string_append (out, "**");
      hl_report_append_markdown (out, m->omitted);
      g_string_append (out, "**\n\n");
    }
  if (m->n_hops > 0)
    append_table (out, m);
  for (guint i = 0; i < m->n_hops; i++)
    append_hop (out, &m->hops[i]);
}

GBytes *
hl_report_render_markdown (HlRoute *const *routes,
                           guint           n_routes,
                           HlTextFlags     flags,
                           GError        **error)
{
  GString *out = g_string_new (NULL);
  const char *caveats = hl_report_caveats ();

  g_string_append (out, "# ");
  hl_report_append_markdown (out, hl_report_title ());
  g_string_append (out, "\n\n");
  for (guint i = 0; i < n_routes; i++)
    append_message (out, routes[i]);
  if (caveats != NULL)
    {
      g_string_append (out, "## ");
      hl_report_append_markdown (out, hl_report_caveats_title ());
      g_string_append (out, "\n\n");
      append_paragraphs (out, caveats);
    }
  return g_string_free_to_bytes (out);
}
