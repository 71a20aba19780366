/* hl-cli-private.h: the parts of hoplock-cli shared between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <hoplock.h>

G_BEGIN_DECLS

/* Exit statuses of every command */
enum
{
  HL_CLI_EXIT_OK = 0,
  HL_CLI_EXIT_USAGE = 1,
  HL_CLI_EXIT_INPUT = 2,
  HL_CLI_EXIT_INTERRUPTED = 130,
};

void        hl_cli_print_error     (const char  *format,
                                    ...) G_GNUC_PRINTF (1, 2);

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
int         hl_cli_audit           (int          argc,
                                    char       **argv);

G_END_DECLS
