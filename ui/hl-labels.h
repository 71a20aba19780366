/* hl-labels.h: the words and numbers the widgets show for a hop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hoplock.h"

G_BEGIN_DECLS

const char *hl_label_rating_style     (HlRating     rating);
const char *hl_label_verify_style     (HlVerify     verify);
const char *hl_label_token_kind       (HlTokenKind  kind);
const char *hl_label_token_category   (HlTokenKind  kind);
const char *hl_label_evidence         (HlEvidence   evidence);

const char *hl_label_hop_from         (HlReceived  *hop);
const char *hl_label_hop_by           (HlReceived  *hop);
char       *hl_label_hop_version      (HlReceived  *hop);
char       *hl_label_hop_time         (HlReceived  *hop);
char       *hl_label_hop_delay        (HlReceived  *hop);
char       *hl_label_hop_accessible   (HlReceived  *hop,
                                       guint        n_hops);

char       *hl_label_excerpt          (const char  *text,
                                       gsize        length,
                                       guint        max_chars);

void        hl_label_set_wrapping     (GtkLabel    *label);
void        hl_label_fix_wrapping     (GtkWidget   *root);

G_END_DECLS
