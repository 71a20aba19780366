/* hl-report-pdf.c: the report as a PDF, drawn with Cairo and Pango
 *
 * A4 (or US Letter with HL_REPORT_LETTER), portrait. Per message, from a new page:
 * the title, the message's identity, the verdict with a big lock, a table of hops
 * with a drawn lock and its label in each row (the table's head is repeated on
 * every page it runs onto), then each hop's explanations and its field as
 * written. Any text runs onto as many pages as it needs, line by line.
 *
 * Text from a header is set with pango_layout_set_text(), never as markup, so
 * nothing in it is interpreted. The locks are the same drawings as the HTML
 * report's SVG (hl-report-model.c), replayed on Cairo.
 *
 * This file is libhoplock-pdf-1, so that a program that only parses does not load
 * Cairo and Pango: hl_report_pdf_register() plugs the writer into libhoplock-1's
 * table of formats. The report model (hl-report-model.c, which uses only
 * libhoplock-1's public API) is built into both libraries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "report/hl-report-model-private.h"
#include "report/pdf/hl-report-pdf.h"

#define MM (72.0 / 25.4)

#define COLOR_TEXT   0x1f1f24
#define COLOR_MUTED  0x5c5c66
#define COLOR_LINE   0xc9c9d1
#define COLOR_HEAD   0xececf1
#define COLOR_PAPER  0xffffff

#define FONT_SANS "Sans"
#define FONT_MONO "Monospace"
/* The narrow columns of the table of hops: a condensed face where there is one. */
#define FONT_CELL "Sans Condensed"

typedef struct
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  double page_w, page_h;
  double left, right, top, bottom;    /* the printable area */
  double y;                           /* where the next thing goes */
  guint page;
  GHashTable *layouts;                /* make_layout()'s: key → PangoLayout */
} Pdf;

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* Pango takes time quadratic in the length of a word it has to break inside:
 * a header's 60 000-character host name would take seconds. A ZERO WIDTH SPACE
 * (invisible) every WORD_MAX characters of a longer word gives it places to break. */
#define WORD_MAX 64

static char *
breakable (const char *text)
{
  GString *out = NULL;
  guint run = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      run = g_unichar_isspace (c) || c == 0x200b ? 0 : run + 1;
      if (run > WORD_MAX)
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append (out, "\u200b");
          run = 1;
        }
      if (out != NULL)
        g_string_append_unichar (out, c);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static PangoLayout *
new_layout (Pdf        *pdf,
            const char *text,
            const char *font,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A host name cut at the end of a line gets no hyphen that is not in it. */
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Text, never markup. */
  {
    g_autofree char *broken = text ? breakable (text) : NULL;

    pango_layout_set_text (layout, broken ? broken : text ? text : "", -1);
  }
  return layout;
}

/* A layout of @text, shared with every earlier one of the same text, font and
 * width: shaping is nearly all the time a PDF takes, and the explanations of
 * one message repeat many paragraphs. Do not change what it shows. (transfer full) */
static PangoLayout *
make_layout (Pdf        *pdf,
             const char *text,
             const char *font,
             double      size,
             gboolean    bold,
             double      width)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%g\x1f%d\x1f%g\x1f%s", font, size, bold, width,
                                          text ? text : "");
  PangoLayout *layout = g_hash_table_lookup (pdf->layouts, key);

  if (layout == NULL)
    {
      layout = new_layout (pdf, text, font, size, bold, width);
      g_hash_table_insert (pdf->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree char *text = g_strdup_printf (_("%s · page %u"), hl_report_title (), pdf->page);
  g_autoptr(PangoLayout) layout = new_layout (pdf, text, FONT_SANS, 8, FALSE,
                                              pdf->right - pdf->left);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_color (pdf->cr, COLOR_MUTED);
  cairo_move_to (pdf->cr, pdf->left, pdf->bottom + 6 * MM);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = pdf->top;
  draw_footer (pdf);
}

/* Starts a new page unless @height fits below the current position. */
static gboolean
ensure_space (Pdf    *pdf,
              double  height)
{
  if (pdf->y + height <= pdf->bottom || pdf->y <= pdf->top)
    return FALSE;
  new_page (pdf);
  return TRUE;
}

/* Draws @layout at @x, line by line, running onto new pages as needed. */
static void
flow_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             guint32      color)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = pdf->y;   /* where the layout's top is, on this page */
  double end = pdf->y;

  do
    {
      PangoRectangle logical;
      double line_top, line_bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_bottom = line_top + (double) logical.height / PANGO_SCALE;
      if (origin + line_bottom > pdf->bottom && origin + line_top > pdf->top)
        {
          new_page (pdf);
          origin = pdf->top - line_top;
        }
      set_color (pdf->cr, color);
      cairo_move_to (pdf->cr, x + (double) logical.x / PANGO_SCALE,
                     origin + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
      end = origin + line_bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pdf->y = end;
}

static void
paragraph (Pdf        *pdf,
           const char *text,
           const char *font,
           double      size,
           gboolean    bold,
           double      indent,
           guint32     color,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, font, size, bold,
                                               pdf->right - pdf->left - indent);

  flow_layout (pdf, layout, pdf->left + indent, color);
  pdf->y += space_after;
}

/* Paragraphs; a paragraph of several lines is a list, one item a line. */
static void
explanation (Pdf        *pdf,
             const char *text,
             double      size)
{
  g_auto(GStrv) paragraphs = hl_report_paragraphs (text);
  const double hang = size * 1.1;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      if (lines[1] == NULL)
        {
          paragraph (pdf, lines[0], FONT_SANS, size, FALSE, 0, COLOR_TEXT, size * 0.5);
          continue;
        }
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autoptr(PangoLayout) layout = make_layout (pdf, g_strstrip (lines[j]), FONT_SANS, size,
                                                       FALSE, pdf->right - pdf->left - hang);
          g_autoptr(PangoLayout) bullet = make_layout (pdf, "•", FONT_SANS, size, FALSE, hang);
          PangoRectangle first;

          /* The bullet goes where the item's first line goes. */
          pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &first);
          ensure_space (pdf, (double) first.height / PANGO_SCALE);
          set_color (pdf->cr, COLOR_TEXT);
          cairo_move_to (pdf->cr, pdf->left + hang * 0.2, pdf->y);
          pango_cairo_show_layout (pdf->cr, bullet);
          flow_layout (pdf, layout, pdf->left + hang, COLOR_TEXT);
          pdf->y += size * 0.2;
        }
      pdf->y += size * 0.3;
    }
}

/* A heading stays with the next few lines. */
static void
heading (Pdf        *pdf,
         const char *text,
         double      size,
         double      keep_with_next)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, FONT_SANS, size, TRUE,
                                               pdf->right - pdf->left);

  ensure_space (pdf, layout_height (layout) + keep_with_next);
  flow_layout (pdf, layout, pdf->left, COLOR_TEXT);
  pdf->y += size * 0.35;
}

/* ---------------------------------------------------------------------------
 * Locks
 * ------------------------------------------------------------------------- */

static void
path_to_cairo (HlPathOp      op,
               const double *p,
               gpointer      user_data)
{
  cairo_t *cr = user_data;

  switch (op)
    {
    case HL_PATH_MOVE_TO: cairo_move_to (cr, p[0], p[1]); break;
    case HL_PATH_LINE_TO: cairo_line_to (cr, p[0], p[1]); break;
    case HL_PATH_CURVE_TO: cairo_curve_to (cr, p[0], p[1], p[2], p[3], p[4], p[5]); break;
    case HL_PATH_CLOSE: cairo_close_path (cr); break;
    default: break;
    }
}

static void
draw_lock (cairo_t *cr,
           HlProtection   lock,
           double   x,
           double   y,
           double   size,
           guint32  background)
{
  const HlLockShape *shape = hl_protection_get_lock_shape (lock);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 24.0, size / 24.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < HL_LOCK_MAX_LAYERS && shape->layers[i].d != NULL; i++)
    {
      const HlLockLayer *layer = &shape->layers[i];

      cairo_new_path (cr);
      hl_lock_path_walk (layer->d, path_to_cairo, cr);
      set_color (cr, layer->paint == HL_LOCK_PAINT_CUT ? background : shape->color);
      if (layer->paint == HL_LOCK_PAINT_FILL)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, layer->width);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* ---------------------------------------------------------------------------
 * The parts of a message
 * ------------------------------------------------------------------------- */

static void
draw_identity (Pdf             *pdf,
               HlReportMessage *m)
{
  const double label_w = 26 * MM;

  for (guint i = 0; i < m->identity->len; i++)
    {
      HlReportField *f = &g_array_index (m->identity, HlReportField, i);
      g_autoptr(PangoLayout) label = make_layout (pdf, f->label, FONT_SANS, 10, FALSE, label_w);
      g_autoptr(PangoLayout) value = make_layout (pdf, f->value, FONT_SANS, 10, FALSE,
                                                  pdf->right - pdf->left - label_w);
      double h = MAX (layout_height (label), layout_height (value));

      ensure_space (pdf, h);
      set_color (pdf->cr, COLOR_MUTED);
      cairo_move_to (pdf->cr, pdf->left, pdf->y);
      pango_cairo_show_layout (pdf->cr, label);
      set_color (pdf->cr, COLOR_TEXT);
      cairo_move_to (pdf->cr, pdf->left + label_w, pdf->y);
      pango_cairo_show_layout (pdf->cr, value);
      pdf->y += h + 1.5;
    }
  pdf->y += 4 * MM;
}

static void
draw_verdict (Pdf             *pdf,
              HlReportMessage *m)
{
  const HlLockShape *shape = hl_protection_get_lock_shape (m->lock);
  const double pad = 4 * MM, lock = 16 * MM;
  double text_w = pdf->right - pdf->left - 3 * pad - lock;
  g_autoptr(PangoLayout) label = make_layout (pdf, hl_verdict_get_label (m->verdict), FONT_SANS,
                                              17, TRUE, text_w);
  g_autoptr(PangoLayout) sentence = make_layout (pdf, m->sentence, FONT_SANS, 12, FALSE, text_w);
  g_autoptr(PangoLayout) counts = make_layout (pdf, m->counts, FONT_SANS, 10, FALSE, text_w);
  double text_h = layout_height (label) + 2 + layout_height (sentence) + 2 + layout_height (counts);
  double h = MAX (lock, text_h) + 2 * pad;
  double x = pdf->left + 2 * pad + lock, y;

  ensure_space (pdf, h);
  rounded_rect (pdf->cr, pdf->left, pdf->y, pdf->right - pdf->left, h, 3 * MM);
  set_color (pdf->cr, shape->tint);
  cairo_fill_preserve (pdf->cr);
  set_color (pdf->cr, shape->color);
  cairo_set_line_width (pdf->cr, 0.8);
  cairo_stroke (pdf->cr);
  draw_lock (pdf->cr, m->lock, pdf->left + pad, pdf->y + (h - lock) / 2, lock, shape->tint);

  y = pdf->y + (h - text_h) / 2;
  set_color (pdf->cr, shape->color);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, label);
  y += layout_height (label) + 2;
  set_color (pdf->cr, COLOR_TEXT);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, sentence);
  y += layout_height (sentence) + 2;
  set_color (pdf->cr, COLOR_MUTED);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, counts);
  pdf->y += h + 6 * MM;
}

#define CELL_PAD 2.5
#define CELL_FONT 7.5
#define CELL_LOCK 11.0

static double
column_x (Pdf            *pdf,
          HlReportColumn  column)
{
  double x = pdf->left;

  for (HlReportColumn c = 0; c < column; c++)
    x += hl_report_column_width (c) * (pdf->right - pdf->left);
  return x;
}

static double
column_w (Pdf            *pdf,
          HlReportColumn  column)
{
  return hl_report_column_width (column) * (pdf->right - pdf->left);
}

static double
draw_table_head (Pdf *pdf)
{
  PangoLayout *layouts[HL_REPORT_N_COLUMNS];
  double h = 0;

  for (HlReportColumn c = 0; c < HL_REPORT_N_COLUMNS; c++)
    {
      layouts[c] = make_layout (pdf, hl_report_column_title (c), FONT_CELL, CELL_FONT, TRUE,
                                column_w (pdf, c) - 2 * CELL_PAD);
      h = MAX (h, layout_height (layouts[c]));
    }
  h += 2 * CELL_PAD;
  cairo_rectangle (pdf->cr, pdf->left, pdf->y, pdf->right - pdf->left, h);
  set_color (pdf->cr, COLOR_HEAD);
  cairo_fill (pdf->cr);
  set_color (pdf->cr, COLOR_TEXT);
  for (HlReportColumn c = 0; c < HL_REPORT_N_COLUMNS; c++)
    {
      cairo_move_to (pdf->cr, column_x (pdf, c) + CELL_PAD, pdf->y + CELL_PAD);
      pango_cairo_show_layout (pdf->cr, layouts[c]);
      g_object_unref (layouts[c]);
    }
  pdf->y += h;
  return h;
}

static void
draw_table (Pdf             *pdf,
            HlReportMessage *m)
{
  g_autoptr(PangoLayout) caption = make_layout (pdf, hl_report_table_caption (),
                                                FONT_SANS, 11, TRUE, pdf->right - pdf->left);

  ensure_space (pdf, layout_height (caption) + 40);
  flow_layout (pdf, caption, pdf->left, COLOR_TEXT);
  pdf->y += 4;
  draw_table_head (pdf);

  for (guint i = 0; i < m->n_hops; i++)
    {
      HlReportHop *hop = &m->hops[i];
      const HlLockShape *shape = hl_protection_get_lock_shape (hop->lock);
      PangoLayout *layouts[HL_REPORT_N_COLUMNS];
      double h = CELL_LOCK;

      for (HlReportColumn c = 0; c < HL_REPORT_N_COLUMNS; c++)
        {
          double w = column_w (pdf, c) - 2 * CELL_PAD;
          const char *text = hl_report_hop_cell (hop, c);

          if (c == HL_REPORT_COLUMN_STATE)
            w -= CELL_LOCK + 3;
          if (c == HL_REPORT_COLUMN_HOP)
            {
              layouts[c] = new_layout (pdf, text, FONT_CELL, CELL_FONT, FALSE, w);
              pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
            }
          else
            layouts[c] = make_layout (pdf, *text ? text : "—", FONT_CELL, CELL_FONT,
                                      c == HL_REPORT_COLUMN_STATE, w);
          h = MAX (h, layout_height (layouts[c]));
        }
      h += 2 * CELL_PAD;

      if (ensure_space (pdf, h))
        draw_table_head (pdf);

      for (HlReportColumn c = 0; c < HL_REPORT_N_COLUMNS; c++)
        {
          double x = column_x (pdf, c) + CELL_PAD;

          if (c == HL_REPORT_COLUMN_STATE)
            {
              draw_lock (pdf->cr, hop->lock, x, pdf->y + CELL_PAD - 0.5, CELL_LOCK, COLOR_PAPER);
              x += CELL_LOCK + 3;
              set_color (pdf->cr, shape->color);
            }
          else
            set_color (pdf->cr, *hl_report_hop_cell (hop, c) ? COLOR_TEXT : COLOR_MUTED);
          cairo_move_to (pdf->cr, x, pdf->y + CELL_PAD);
          pango_cairo_show_layout (pdf->cr, layouts[c]);
          g_object_unref (layouts[c]);
        }
      pdf->y += h;
      cairo_move_to (pdf->cr, pdf->left, pdf->y);
      cairo_line_to (pdf->cr, pdf->right, pdf->y);
      set_color (pdf->cr, COLOR_LINE);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_stroke (pdf->cr);
    }
  pdf->y += 6 * MM;
}

static void
draw_hop (Pdf         *pdf,
          HlReportHop *hop)
{
  const HlLockShape *shape = hl_protection_get_lock_shape (hop->lock);
  const double lock = 15;
  const char *title = hop->heading;
  g_autoptr(PangoLayout) head = make_layout (pdf, title, FONT_SANS, 13, TRUE,
                                             pdf->right - pdf->left - lock - 5);

  ensure_space (pdf, layout_height (head) + 40);
  draw_lock (pdf->cr, hop->lock, pdf->left, pdf->y + 0.8, lock, COLOR_PAPER);
  flow_layout (pdf, head, pdf->left + lock + 5, COLOR_TEXT);
  pdf->y += 1;
  paragraph (pdf, hop->status, FONT_SANS, 10, FALSE, lock + 5, shape->color, 6);

  for (guint i = 0; i < hop->sections->len; i++)
    {
      HlReportSection *s = &g_array_index (hop->sections, HlReportSection, i);
      g_autoptr(PangoLayout) t = make_layout (pdf, s->title, FONT_SANS, 10, TRUE, pdf->right - pdf->left);

      ensure_space (pdf, layout_height (t) + 24);
      flow_layout (pdf, t, pdf->left, COLOR_TEXT);
      pdf->y += 1;
      explanation (pdf, s->text, 10);
    }

  {
    g_autoptr(PangoLayout) t = make_layout (pdf, hl_report_raw_title (), FONT_SANS, 10, TRUE,
                                            pdf->right - pdf->left);

    ensure_space (pdf, layout_height (t) + 20);
    flow_layout (pdf, t, pdf->left, COLOR_TEXT);
    pdf->y += 1;
    paragraph (pdf, hop->raw, FONT_MONO, 8.5, FALSE, 0, COLOR_MUTED, 6);
  }

  if (hop->warnings->len > 0)
    {
      heading (pdf, hl_report_warnings_title (), 10, 12);
      for (guint i = 0; i < hop->warnings->len; i++)
        {
          g_autofree char *w = g_strdup_printf ("• %s", (char *) g_ptr_array_index (hop->warnings, i));

          paragraph (pdf, w, FONT_SANS, 10, FALSE, 0, COLOR_TEXT, 2);
        }
    }
  pdf->y += 5 * MM;
}

static void
draw_message (Pdf     *pdf,
              guint    n_messages,
              HlRoute *route)
{
  g_autoptr(HlReportMessage) m = hl_report_message_new (route);
  g_autofree char *sub = hl_report_subtitle (n_messages);
  g_autofree char *here = NULL;
  int outline;

  new_page (pdf);
  here = g_strdup_printf ("page=%u", pdf->page);
  outline = cairo_pdf_surface_add_outline (pdf->surface, CAIRO_PDF_OUTLINE_ROOT, m->title, here, 0);
  paragraph (pdf, hl_report_title (), FONT_SANS, 24, TRUE, 0, COLOR_TEXT, 1);
  paragraph (pdf, sub, FONT_SANS, 10, FALSE, 0, COLOR_MUTED, 6 * MM);
  paragraph (pdf, m->title, FONT_SANS, 16, TRUE, 0, COLOR_TEXT, 3 * MM);
  draw_identity (pdf, m);
  draw_verdict (pdf, m);
  if (m->verdict_explained.text != NULL)
    {
      heading (pdf, m->verdict_explained.title, 11, 24);
      explanation (pdf, m->verdict_explained.text, 10);
      pdf->y += 3 * MM;
    }
  for (guint i = 0; i < m->warnings->len; i++)
    {
      g_autofree char *w = g_strdup_printf ("• %s", (char *) g_ptr_array_index (m->warnings, i));

      paragraph (pdf, w, FONT_SANS, 10, FALSE, 0, COLOR_TEXT, 2);
    }
  if (m->omitted != NULL)
    {
      pdf->y += 2 * MM;
      paragraph (pdf, m->omitted, FONT_SANS, 10, TRUE, 0, COLOR_TEXT, 3 * MM);
    }
  if (m->n_hops > 0)
    draw_table (pdf, m);
  for (guint i = 0; i < m->n_hops; i++)
    {
      const char *name = m->hops[i].heading;
      g_autofree char *link = NULL;

      /* The hop starts on this page or, if it does not fit here, on the next. */
      link = g_strdup_printf ("page=%u", pdf->page);
      draw_hop (pdf, &m->hops[i]);
      cairo_pdf_surface_add_outline (pdf->surface, outline, name, link, 0);
    }
}

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
hl_report_render_pdf (HlRoute *const *routes,
                      guint           n_routes,
                      HlTextFlags     flags,
                      GError        **error)
{
  GByteArray *bytes = g_byte_array_new ();
  PangoFontMap *font_map;
  Pdf pdf = { 0 };
  g_autofree char *creator = g_strdup_printf ("Hoplock %s", PACKAGE_VERSION);
  cairo_status_t status;

  if (flags & HL_REPORT_LETTER)
    {
      pdf.page_w = 8.5 * 72;
      pdf.page_h = 11 * 72;
    }
  else
    {
      pdf.page_w = 210 * MM;
      pdf.page_h = 297 * MM;
    }
  pdf.left = pdf.top = 16 * MM;
  pdf.right = pdf.page_w - 16 * MM;
  pdf.bottom = pdf.page_h - 18 * MM;

  pdf.surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, pdf.page_w, pdf.page_h);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, hl_report_title ());
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, creator);
  pdf.cr = cairo_create (pdf.surface);
  pdf.layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* A font map of our own: the default one is per thread and lives forever. */
  font_map = pango_cairo_font_map_new ();
  pdf.context = pango_font_map_create_context (font_map);
  pango_cairo_update_context (pdf.cr, pdf.context);
  /* PDF user space is in points: 1 pt of font size is 1 unit. */
  pango_cairo_context_set_resolution (pdf.context, 72);
  /* Print metrics: no hinting, positions not rounded to device pixels. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (pdf.context, options);
    cairo_font_options_destroy (options);
    pango_context_set_round_glyph_positions (pdf.context, FALSE);
  }

  for (guint i = 0; i < n_routes; i++)
    draw_message (&pdf, n_routes, routes[i]);
  if (n_routes == 0)
    new_page (&pdf);
  if (hl_report_caveats () != NULL)
    {
      heading (&pdf, hl_report_caveats_title (), 12, 30);
      explanation (&pdf, hl_report_caveats (), 10);
    }

  g_hash_table_unref (pdf.layouts);
  g_object_unref (pdf.context);
  g_object_unref (font_map);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the PDF report: %s"),
                   cairo_status_to_string (status));
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * hl_report_pdf_register:
 *
 * Plugs the PDF writer into libhoplock-1, so that hl_report_render() and
 * hl_report_write_file() write %HL_REPORT_FORMAT_PDF. Call it once at startup,
 * before using reports; calling it again does nothing.
 */
void
hl_report_pdf_register (void)
{
  hl_report_format_set_renderer (HL_REPORT_FORMAT_PDF, hl_report_render_pdf);
}
