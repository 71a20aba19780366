/* hl-hop-detail.c: the lesson of one hop
 *
 * The hop's Received field in a text view, every recognised token highlighted
 * by what it is about, and below it the same tokens as chips (grouped toggle
 * buttons, wrapping like words): the keyboard's way through the field, with Tab
 * and the arrow keys. Clicking a token in the text, or a chip, or moving to a
 * chip, shows its explanation. Then what happened on the hop, the facts of the
 * connection, the cipher taken apart, the rating and its reasons, what the hop
 * means for the reader and for an administrator, and the oddities the parser
 * noticed.
 *
 * The field is the sender's text: it goes into a GtkTextBuffer (never markup),
 * made valid UTF-8, with control and bidirectional-override characters shown as
 * U+FFFD so that nothing in it can reorder or hide what is displayed. Tokens
 * carry byte offsets into the raw field; a table maps them to characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hl-hop-detail.h"
#include "hl-wrapping.h"
#include "hl-lock.h"
#include "hl-wrap-box.h"

struct _HlHopDetail
{
  GtkWidget parent_instance;

  HlReceived *hop;
  guint n_hops;
  guint *char_of_byte;    /* raw byte offset → character offset, length + 1 entries */
  gsize raw_length;
  int selected;           /* token index, -1 for none */
  guint resize_idle;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  HlLock *lock;
  GtkLabel *title_label;
  GtkLabel *state_label;
  GtkLabel *hosts_label;
  GtkWidget *summary_section;
  GtkLabel *summary_label;
  GtkTextView *raw_view;
  HlWrapBox *token_box;
  GtkWidget *explanation_card;
  GtkLabel *token_title_label;
  GtkLabel *token_kind_label;
  GtkLabel *token_text_label;
  GtkGrid *facts_grid;
  GtkWidget *cipher_section;
  GtkLabel *cipher_label;
  GtkWidget *rating_section;
  GtkLabel *rating_chip;
  GtkLabel *rating_text_label;
  GtkBox *reasons_box;
  GtkWidget *for_you_section;
  GtkLabel *for_you_label;
  GtkWidget *admin_section;
  GtkLabel *admin_label;
  GtkWidget *warnings_section;
  GtkBox *warnings_box;
  GtkLabel *caveats_label;
};

G_DEFINE_FINAL_TYPE (HlHopDetail, hl_hop_detail, GTK_TYPE_WIDGET)

/* Token colours by category; translucent so that they read on light and dark
 * backgrounds alike. Listed from the weakest to the strongest priority: a
 * comment's colour gives way to the TLS tokens inside it. */
static const struct
{
  const char *category;
  const char *background;
} token_colors[] = {
  { "comment", "rgba(128,128,128,0.16)" },
  { "keyword", "rgba(145,65,172,0.22)" },
  { "id", "rgba(152,106,68,0.22)" },
  { "date", "rgba(152,106,68,0.22)" },
  { "host", "rgba(53,132,228,0.24)" },
  { "address", "rgba(33,144,164,0.26)" },
  { "protocol", "rgba(255,120,0,0.24)" },
  { "marker", "rgba(255,120,0,0.24)" },
  { "verify", "rgba(246,211,45,0.36)" },
  { "tls", "rgba(46,194,126,0.30)" },
};

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Pango breaks a line inside a word in time that grows with the square of the
 * word's length: a field of one 64 KiB word would keep the window from showing.
 * The text shown gets a zero-width space after this many characters without a
 * space, longer than any value Hoplock keeps (HL_MAX_VALUE_LENGTH), so that
 * nothing a person copies from a real field has one. */
#define WORD_MAX 256

static const HlToken *
get_tokens (HlHopDetail *self,
            guint       *n_tokens)
{
  *n_tokens = 0;
  if (self->hop == NULL)
    return NULL;
  return hl_received_get_tokens (self->hop, n_tokens);
}

/* Whether a token's span lies inside the raw field: offsets come from the
 * parser, but nothing is trusted to index an array unchecked. */
static gboolean
token_in_bounds (HlHopDetail   *self,
                 const HlToken *token)
{
  return token->offset <= self->raw_length
         && token->length <= self->raw_length - token->offset;
}

static void
get_span_iters (HlHopDetail *self,
                guint32      offset,
                guint32      length,
                GtkTextIter *start,
                GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->raw_view);

  gtk_text_buffer_get_iter_at_offset (buffer, start, self->char_of_byte[offset]);
  gtk_text_buffer_get_iter_at_offset (buffer, end, self->char_of_byte[offset + length]);
}

static void
show_explanation (HlHopDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->raw_view);
  GtkTextIter start, end;
  const HlToken *tokens;
  const HlToken *token;
  const HlExplanation *explanation;
  g_autofree char *excerpt = NULL;
  g_autofree char *kind = NULL;
  const char *raw;
  guint n_tokens;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "selected", &start, &end);

  tokens = get_tokens (self, &n_tokens);
  if (self->selected < 0 || (guint) self->selected >= n_tokens)
    {
      gtk_label_set_text (self->token_title_label, _("What Each Part Means"));
      gtk_label_set_text (self->token_kind_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->token_kind_label), FALSE);
      gtk_label_set_text (self->token_text_label,
                          n_tokens > 0
                          ? _("Select a highlighted part of the field to see what it means.")
                          : _("Hoplock recognised nothing in this field."));
      return;
    }

  token = &tokens[self->selected];
  raw = hl_received_get_raw (self->hop, NULL);
  excerpt = hl_text_make_excerpt (raw + token->offset, token->length, 80);
  /* TRANSLATORS: the kind of a part of the field and the part, "Cipher: AES128-SHA" */
  kind = g_strdup_printf (_("%s: %s"), hl_token_kind_get_label (token->kind), excerpt);
  gtk_label_set_text (self->token_kind_label, kind);
  gtk_widget_set_visible (GTK_WIDGET (self->token_kind_label), TRUE);

  explanation = token->explain != NULL ? hl_explain_lookup (token->explain) : NULL;
  if (explanation != NULL)
    {
      gtk_label_set_text (self->token_title_label, explanation->title);
      gtk_label_set_text (self->token_text_label, explanation->text);
    }
  else
    {
      gtk_label_set_text (self->token_title_label, hl_token_kind_get_label (token->kind));
      gtk_label_set_text (self->token_text_label,
                          _("Hoplock recognises this part of the field but has no explanation for it."));
    }

  get_span_iters (self, token->offset, token->length, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "selected", &start, &end);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->explanation_card),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->token_text_label),
                                  -1);
}

static void
on_token_toggled (GtkToggleButton *button,
                  HlHopDetail     *self)
{
  int index;

  if (!gtk_toggle_button_get_active (button))
    {
      /* Nothing is active any more (hl_hop_detail_select_token (-1)) */
      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hl-token-index")) == self->selected)
        {
          self->selected = -1;
          show_explanation (self);
        }
      return;
    }
  index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "hl-token-index"));
  if (index == self->selected)
    return;
  self->selected = index;
  show_explanation (self);
}

/* Moving to a token with the keyboard (Tab, the arrow keys) explains it too. */
static void
on_token_focus_enter (GtkEventControllerFocus *controller,
                      HlHopDetail             *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

/* The narrowest token containing the character at @char_offset, or -1. */
int
hl_hop_detail_token_at_offset (HlHopDetail *self,
                               guint        char_offset)
{
  const HlToken *tokens;
  guint n_tokens, best_len = G_MAXUINT;
  int best = -1;

  g_return_val_if_fail (HL_IS_HOP_DETAIL (self), -1);

  tokens = get_tokens (self, &n_tokens);
  for (guint i = 0; i < n_tokens; i++)
    {
      guint start, end;

      if (!token_in_bounds (self, &tokens[i]) || tokens[i].length == 0)
        continue;
      start = self->char_of_byte[tokens[i].offset];
      end = self->char_of_byte[tokens[i].offset + tokens[i].length];
      if (char_offset >= start && char_offset < end && end - start < best_len)
        {
          best = i;
          best_len = end - start;
        }
    }
  return best;
}

static void
on_raw_view_released (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      HlHopDetail     *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->raw_view);
  GtkTextIter iter;
  int bx, by, index;

  if (gtk_text_buffer_get_has_selection (buffer))
    return;   /* the user selected text to copy it */
  gtk_text_view_window_to_buffer_coords (self->raw_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->raw_view, &iter, bx, by))
    return;
  index = hl_hop_detail_token_at_offset (self, gtk_text_iter_get_offset (&iter));
  if (index >= 0)
    hl_hop_detail_select_token (self, index);
}

static void
on_raw_view_motion (GtkEventControllerMotion *motion,
                    double                    x,
                    double                    y,
                    HlHopDetail              *self)
{
  GtkTextIter iter;
  int bx, by;
  gboolean on_token = FALSE;

  gtk_text_view_window_to_buffer_coords (self->raw_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->raw_view, &iter, bx, by))
    on_token = hl_hop_detail_token_at_offset (self, gtk_text_iter_get_offset (&iter)) >= 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->raw_view), on_token ? "pointer" : "text");
}

/* The text view works out the height of its text while it is being
 * allocated, and a resize it asks for then is lost: it stays as high as its
 * first line until something else resizes it. Its vertical adjustment says
 * how high the text is; when that is not the height it has, ask again, after
 * the layout is done. */
static gboolean
resize_raw_view (gpointer user_data)
{
  HlHopDetail *self = user_data;

  self->resize_idle = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->raw_view));
  return G_SOURCE_REMOVE;
}

static void
on_raw_view_adjustment_changed (GtkAdjustment *adjustment,
                                HlHopDetail   *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->raw_view));

  /* Also when it has no height yet: it may have been given none while empty. */
  if ((int) gtk_adjustment_get_upper (adjustment) != height && self->resize_idle == 0)
    self->resize_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_raw_view, self, NULL);
}

static void
add_fact (HlHopDetail *self,
          int         *row,
          const char  *caption,
          const char  *value)
{
  GtkWidget *caption_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;

  caption_label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_yalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "dim-label");

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  hl_label_set_wrapping (GTK_LABEL (value_label));
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_label, NULL,
                                  -1);

  gtk_grid_attach (self->facts_grid, caption_label, 0, *row, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

static void
update_facts (HlHopDetail *self)
{
  HlReceived *hop = self->hop;
  GtkWidget *child;
  g_autofree char *version = hl_received_dup_version_text (hop);
  g_autofree char *bits = NULL;
  g_autofree char *client = NULL;
  g_autofree char *time = hl_received_dup_time_label (hop);
  g_autofree char *delay = hl_received_dup_delay_label (hop);
  g_autofree char *when = NULL;
  g_autofree char *verify = NULL;
  g_autofree char *with = NULL;
  const HlCipherSuite *suite = hl_received_get_cipher_suite (hop);
  const char *cipher = hl_received_get_tls_cipher (hop);
  const char *ip = hl_received_get_from_ip (hop);
  int port = hl_received_get_from_port (hop);
  int n_bits = hl_received_get_tls_bits (hop);
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);

  add_fact (self, &row, _("Decided by"), hl_evidence_get_label (hl_received_get_tls_evidence (hop)));
  add_fact (self, &row, _("Kind of hop"), hl_hop_kind_get_label (hl_received_get_kind (hop)));

  if (hl_received_get_with (hop) != NULL && hl_received_get_authenticated (hop))
    /* TRANSLATORS: a protocol and that the client logged in, "ESMTPSA (authenticated)" */
    with = g_strdup_printf (_("%s (authenticated)"), hl_received_get_with (hop));
  add_fact (self, &row, _("Protocol"), with != NULL ? with : hl_received_get_with (hop));

  add_fact (self, &row, _("TLS version"), version);
  add_fact (self, &row, _("Cipher"), cipher);
  if (suite != NULL && suite->iana != NULL && g_strcmp0 (suite->iana, cipher) != 0)
    add_fact (self, &row, _("Standard name"), suite->iana);
  if (n_bits > 0)
    bits = g_strdup_printf (ngettext ("%d bit", "%d bits", n_bits), n_bits);
  add_fact (self, &row, _("Key size"), bits);
  add_fact (self, &row, _("Key exchange"), hl_received_get_tls_key_exchange (hop));

  if (hl_verify_get_label (hl_received_get_tls_verify (hop)) != NULL)
    {
      const char *raw = hl_received_get_tls_verify_raw (hop);

      if (raw != NULL)
        /* TRANSLATORS: a certificate check and how it was written, "Certificate verified (OK)" */
        verify = g_strdup_printf (_("%s (written as “%s”)"),
                                  hl_verify_get_label (hl_received_get_tls_verify (hop)), raw);
      else
        verify = g_strdup (hl_verify_get_label (hl_received_get_tls_verify (hop)));
    }
  add_fact (self, &row, _("Client certificate"), verify);

  add_fact (self, &row, _("Client said it was"), hl_received_get_from_helo (hop));
  add_fact (self, &row, _("Client looked up as"), hl_received_get_from_rdns (hop));
  if (ip != NULL && port > 0)
    /* TRANSLATORS: an IP address and a port */
    client = g_strdup_printf (_("%s, port %d"), ip, port);
  add_fact (self, &row, _("Client address"), client != NULL ? client : ip);
  add_fact (self, &row, _("Received by"), hl_received_get_by_host (hop));
  add_fact (self, &row, _("Server software"), hl_received_get_by_software (hop));
  add_fact (self, &row, _("Written by"), hl_received_get_mta (hop));
  add_fact (self, &row, _("Queue ID"), hl_received_get_id (hop));
  add_fact (self, &row, _("For"), hl_received_get_for (hop));
  add_fact (self, &row, _("Envelope sender"), hl_received_get_envelope_from (hop));
  if (time != NULL && delay != NULL)
    /* TRANSLATORS: a hop's date and the time since the hop before, "17 Jul 2005 15:39:10 -0500 (+2 s)" */
    when = g_strdup_printf (_("%s (%s)"), time, delay);
  add_fact (self, &row, _("Date"), when != NULL ? when : time);
}

static void
add_text_block (GtkBox     *box,
                const char *title,
                const char *text,
                const char *note)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  hl_label_set_wrapping (GTK_LABEL (label));
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (block), label);

  if (text != NULL)
    {
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      hl_label_set_wrapping (GTK_LABEL (label));
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (block), label);
    }
  if (note != NULL)
    {
      label = gtk_label_new (note);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      hl_label_set_wrapping (GTK_LABEL (label));
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (block), label);
    }
  gtk_box_append (box, block);
}

static void
update_rating (HlHopDetail *self)
{
  HlRating rating = hl_received_get_rating (self->hop);
  const HlRatingReason *reasons;
  const HlExplanation *explanation;
  g_autofree char *id = NULL;
  guint n_reasons = 0;

  clear_box (self->reasons_box);
  gtk_widget_set_visible (self->rating_section, rating != HL_RATING_NONE);
  if (rating == HL_RATING_NONE)
    return;

  for (guint i = 0; i < 5; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->rating_chip),
                                 hl_rating_get_style_class ((HlRating) i));
  gtk_widget_add_css_class (GTK_WIDGET (self->rating_chip), hl_rating_get_style_class (rating));
  gtk_label_set_text (self->rating_chip, hl_rating_get_label (rating));

  id = g_strdup_printf ("rating.%s", hl_rating_to_string (rating));
  explanation = hl_explain_lookup (id);
  gtk_label_set_text (self->rating_text_label, explanation != NULL ? explanation->text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rating_text_label), explanation != NULL);

  reasons = hl_received_get_rating_reasons (self->hop, &n_reasons);
  for (guint i = 0; i < n_reasons; i++)
    {
      const HlExplanation *why = hl_explain_lookup (reasons[i].id);
      g_autofree char *title = NULL;

      /* TRANSLATORS: a reason for a rating and what it alone rates, "Triple DES (Weak)" */
      title = g_strdup_printf (_("%s (%s)"), why != NULL ? why->title : reasons[i].id,
                               hl_rating_get_label (reasons[i].rating));
      add_text_block (self->reasons_box, title, why != NULL ? why->text : NULL, reasons[i].source);
    }
}

static void
update_warnings (HlHopDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->raw_view);
  const HlWarning *warnings;
  guint n_warnings = 0;

  clear_box (self->warnings_box);
  warnings = hl_received_get_warnings (self->hop, &n_warnings);
  for (guint i = 0; i < n_warnings; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (warnings[i].message);

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      hl_label_set_wrapping (GTK_LABEL (label));
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->warnings_box, row);

      if (warnings[i].length > 0
          && warnings[i].offset <= self->raw_length
          && warnings[i].length <= self->raw_length - warnings[i].offset)
        {
          GtkTextIter start, end;

          get_span_iters (self, warnings[i].offset, warnings[i].length, &start, &end);
          gtk_text_buffer_apply_tag_by_name (buffer, "warning", &start, &end);
        }
    }
  gtk_widget_set_visible (self->warnings_section, n_warnings > 0);
}

static void
update_tokens (HlHopDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->raw_view);
  const HlToken *tokens;
  const char *raw;
  guint n_tokens;
  GtkToggleButton *group = NULL;

  hl_wrap_box_remove_all (self->token_box);
  g_clear_pointer (&self->char_of_byte, g_free);
  self->raw_length = 0;
  self->selected = -1;

  if (self->hop == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }

  raw = hl_received_get_raw (self->hop, &self->raw_length);
  {
    /* The one rule for header text (hl-text.c), keeping its lines, and for each
     * byte offset of the field (0 to its length) the character shown for it. */
    g_autofree char *text = hl_text_make_safe_full (raw, self->raw_length,
                                                    HL_TEXT_SAFE_KEEP_LINES, WORD_MAX,
                                                    &self->char_of_byte);
    GtkTextIter start, end;

    gtk_text_buffer_set_text (buffer, text, -1);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_apply_tag_by_name (buffer, "whole", &start, &end);
  }

  tokens = get_tokens (self, &n_tokens);
  for (guint i = 0; i < n_tokens; i++)
    {
      const HlToken *token = &tokens[i];
      const char *category = hl_token_kind_get_category (token->kind);
      g_autofree char *tag = g_strconcat ("token-", category, NULL);
      g_autofree char *excerpt = NULL;
      g_autofree char *accessible = NULL;
      GtkTextIter start, end;
      GtkWidget *label, *button;
      GtkEventController *focus;

      if (!token_in_bounds (self, token) || token->length == 0)
        continue;

      get_span_iters (self, token->offset, token->length, &start, &end);
      gtk_text_buffer_apply_tag_by_name (buffer, tag, &start, &end);

      excerpt = hl_text_make_excerpt (raw + token->offset, token->length, 40);
      label = gtk_label_new (excerpt);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);

      button = gtk_toggle_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "token");
      gtk_widget_add_css_class (button, tag);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "hl-token-index", GINT_TO_POINTER (i));
      gtk_widget_set_tooltip_text (button, hl_token_kind_get_label (token->kind));
      accessible = g_strdup_printf (_("%s: %s"), hl_token_kind_get_label (token->kind), excerpt);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_token_toggled), self, 0);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "enter", G_CALLBACK (on_token_focus_enter), self, 0);
      gtk_widget_add_controller (button, focus);
      hl_wrap_box_append (self->token_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->token_box),
                          hl_wrap_box_get_n_children (self->token_box) > 0);
}

static void
set_text_or_hide (GtkLabel *label,
                  GtkWidget *section,
                  char      *text)    /* (transfer full) */
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (section != NULL ? section : GTK_WIDGET (label),
                          text != NULL && *text != '\0');
  g_free (text);
}

static void
hl_hop_detail_update (HlHopDetail *self)
{
  HlReceived *hop = self->hop;
  HlProtection protection;
  g_autofree char *title = NULL;
  g_autofree char *hosts = NULL;
  const HlCipherSuite *suite;

  update_tokens (self);

  if (hop == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  protection = hl_received_get_protection (hop);
  hl_lock_set_protection (self->lock, protection);

  title = hl_received_dup_position_label (hop, self->n_hops);
  gtk_label_set_text (self->title_label, title);

  for (HlProtection p = 0; p < HL_PROTECTION_N; p++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), hl_protection_get_style_class (p));
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), hl_protection_get_style_class (protection));
  gtk_label_set_text (self->state_label, hl_protection_get_label (protection));

  /* TRANSLATORS: "from mx.a.example to relay.b.example" */
  hosts = g_strdup_printf (_("from %s to %s"), hl_received_get_from_label (hop), hl_received_get_by_label (hop));
  gtk_label_set_text (self->hosts_label, hosts);

  set_text_or_hide (self->summary_label, self->summary_section, hl_explain_hop_summary (hop));

  update_facts (self);

  suite = hl_received_get_cipher_suite (hop);
  set_text_or_hide (self->cipher_label, self->cipher_section,
                    suite != NULL ? hl_explain_cipher (suite) : NULL);

  update_rating (self);
  set_text_or_hide (self->for_you_label, self->for_you_section, hl_explain_for_you (hop));
  set_text_or_hide (self->admin_label, self->admin_section, hl_explain_for_admin (hop));
  update_warnings (self);
  gtk_label_set_text (self->caveats_label, hl_explain_caveats ());

  show_explanation (self);

  gtk_stack_set_visible_child_name (self->stack, "hop");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
hl_hop_detail_dispose (GObject *object)
{
  HlHopDetail *self = HL_HOP_DETAIL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->resize_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_HOP_DETAIL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->hop, hl_received_unref);

  G_OBJECT_CLASS (hl_hop_detail_parent_class)->dispose (object);
}

static void
hl_hop_detail_finalize (GObject *object)
{
  HlHopDetail *self = HL_HOP_DETAIL (object);

  g_free (self->char_of_byte);

  G_OBJECT_CLASS (hl_hop_detail_parent_class)->finalize (object);
}

static void
hl_hop_detail_class_init (HlHopDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_hop_detail_dispose;
  object_class->finalize = hl_hop_detail_finalize;

  g_type_ensure (HL_TYPE_LOCK);
  g_type_ensure (HL_TYPE_LOCK_PAINTABLE);
  g_type_ensure (HL_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hoplock/Hoplock/hl-hop-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, lock);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, hosts_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, summary_section);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, raw_view);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, token_box);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, explanation_card);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, token_title_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, token_kind_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, token_text_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, cipher_section);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, cipher_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, rating_section);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, rating_chip);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, rating_text_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, for_you_section);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, for_you_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, admin_section);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, admin_label);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, warnings_section);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, HlHopDetail, caveats_label);
}

static void
hl_hop_detail_init (HlHopDetail *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkAdjustment *adjustment;

  self->selected = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  hl_label_fix_wrapping (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->raw_view);
  for (guint i = 0; i < G_N_ELEMENTS (token_colors); i++)
    {
      g_autofree char *name = g_strconcat ("token-", token_colors[i].category, NULL);

      gtk_text_buffer_create_tag (buffer, name,
                                  "background", token_colors[i].background,
                                  NULL);
    }
  gtk_text_buffer_create_tag (buffer, "warning",
                              "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                              NULL);
  /* Lines break inside a word without adding a hyphen the field does not have. */
  gtk_text_buffer_create_tag (buffer, "whole", "insert-hyphens", FALSE, NULL);
  gtk_text_buffer_create_tag (buffer, "selected",
                              "background", "rgba(53,132,228,0.55)",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_raw_view_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->raw_view), GTK_EVENT_CONTROLLER (gesture));

  adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (self->raw_view), adjustment);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_raw_view_adjustment_changed), self, 0);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_raw_view_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->raw_view), controller);

  hl_hop_detail_update (self);
}

GtkWidget *
hl_hop_detail_new (void)
{
  return g_object_new (HL_TYPE_HOP_DETAIL, NULL);
}

HlReceived *
hl_hop_detail_get_hop (HlHopDetail *self)
{
  g_return_val_if_fail (HL_IS_HOP_DETAIL (self), NULL);
  return self->hop;
}

/**
 * hl_hop_detail_set_hop:
 * @hop: (nullable): the hop to explain
 * @n_hops: how many hops the message has
 */
void
hl_hop_detail_set_hop (HlHopDetail *self,
                       HlReceived  *hop,
                       guint        n_hops)
{
  g_return_if_fail (HL_IS_HOP_DETAIL (self));

  if (hop != NULL)
    hl_received_ref (hop);
  g_clear_pointer (&self->hop, hl_received_unref);
  self->hop = hop;
  self->n_hops = n_hops;
  hl_hop_detail_update (self);
}

guint
hl_hop_detail_get_n_tokens (HlHopDetail *self)
{
  guint n = 0;

  g_return_val_if_fail (HL_IS_HOP_DETAIL (self), 0);
  get_tokens (self, &n);
  return n;
}

int
hl_hop_detail_get_selected_token (HlHopDetail *self)
{
  g_return_val_if_fail (HL_IS_HOP_DETAIL (self), -1);
  return self->selected;
}

/* Selects the chip of token @index (an index into hl_received_get_tokens()),
 * which shows its explanation; -1 selects none. */
void
hl_hop_detail_select_token (HlHopDetail *self,
                            int          index)
{
  g_return_if_fail (HL_IS_HOP_DETAIL (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->token_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int i = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "hl-token-index"));

      if (index < 0 && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), FALSE);
      else if (index >= 0 && i == index)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
          return;
        }
    }
}
