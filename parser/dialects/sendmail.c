/* sendmail.c: Sendmail
 *
 * "from HELO (RDNS [IP]) by HOST (8.17.1/8.17.1) with ESMTPS id …
 * (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT)": the core
 * reads the key=value pairs (others write some of them); all four are the sign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hl-dialect-private.h"

extern const HlDialect hl_dialect_sendmail;

/* "8.12.9/8.12.9", "8.14.7/8.14.7/Submit": the version of sendmail and of its
 * configuration; "/Submit" is the submission program on the machine itself. */
static gboolean
is_version (HlReceived *self,
            HlSpan      w)
{
  const char *s = self->raw;
  gsize slash = 0, dots = 0;

  if (w.len == 0 || !g_ascii_isdigit (s[w.off]))
    return FALSE;
  for (gsize i = 0; i < w.len; i++)
    {
      char c = s[w.off + i];

      if (c == '/')
        slash++;
      else if (c == '.')
        dots++;
      else if (!g_ascii_isalnum (c) && c != '-' && c != '+')
        return FALSE;
    }
  if (slash < 1 || dots < 2)
    return FALSE;
  if (hl_memcasemem (s + w.off, w.len, "/Submit") != NULL)
    self->local_marker = TRUE;
  return TRUE;
}

static const HlSoftware software[] = {
  { HL_WORD ("Sendmail"), NULL, 0 },
  { NULL, 0, is_version, .in_with = 1 },
  { NULL }
};

/* "with sendmail": the submission program */
static const HlWordText local_with[] = {
  { HL_WORD ("sendmail") }, { NULL }
};

const HlDialect hl_dialect_sendmail = {
  .id = "sendmail",
  .name = N_("Sendmail"),
  .software = software,
  .local_with = local_with,
  .tls_pair_keys = (const char *const[]) { "bits=", "verify=", NULL },
};
