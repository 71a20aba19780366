/* hl-paste-dialog.h: a place to paste a message's headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HL_TYPE_PASTE_DIALOG (hl_paste_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HlPasteDialog, hl_paste_dialog, HL, PASTE_DIALOG, AdwWindow)

/**
 * HlPasteSubmit:
 * @text: the pasted text, valid UTF-8
 * @error: where to say why it was not shown
 *
 * Called when the user asks for the pasted text to be shown. Returns %TRUE if it
 * was (the dialog then closes), %FALSE with @error set to keep the dialog open
 * and say why.
 */
typedef gboolean (*HlPasteSubmit) (const char *text,
                                   gpointer    user_data,
                                   GError    **error);

HlPasteDialog *hl_paste_dialog_new      (GtkWindow     *parent,
                                         HlPasteSubmit  submit,
                                         gpointer       user_data);
void           hl_paste_dialog_set_text (HlPasteDialog *self,
                                         const char    *text);
char          *hl_paste_dialog_dup_text (HlPasteDialog *self);
gboolean       hl_paste_dialog_submit   (HlPasteDialog *self);

G_END_DECLS
