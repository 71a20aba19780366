/* hl-application.h: the Hoplock desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HL_TYPE_APPLICATION (hl_application_get_type ())

G_DECLARE_FINAL_TYPE (HlApplication, hl_application, HL, APPLICATION, AdwApplication)

HlApplication *hl_application_new          (GApplicationFlags  extra_flags);
GSettings     *hl_application_get_settings (HlApplication     *self);

G_END_DECLS
