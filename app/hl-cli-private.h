/* hl-cli-private.h: the parts of hoplock-cli shared between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <hoplock.h>

G_BEGIN_DECLS

gboolean    hl_cli_format_is_known (const char  *format);
const char *hl_cli_format_list     (void);
gboolean    hl_cli_render          (const char  *format,
                                    HlRoute    **routes,
                                    guint        n_routes,
                                    HlTextFlags  flags,
                                    gboolean     json_lines,
                                    const char  *output,
                                    GError     **error);
gboolean    hl_cli_write_output    (const char  *path,
                                    const char  *data,
                                    gsize        len,
                                    GError     **error);
int         hl_cli_explain         (int          argc,
                                    char       **argv);

G_END_DECLS
