/* hl-labels.c: the words and numbers the widgets show for a hop
 *
 * Everything returned is plain text for gtk_label_set_text() and accessible
 * names, never Pango markup: host names and other parts of a header are
 * whatever the sender wanted them to be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-labels.h"
#include "hl-lock.h"

/* The style class that colours a rating (style.css). */
const char *
hl_label_rating_style (HlRating rating)
{
  switch (rating)
    {
    case HL_RATING_STRONG:
      return "success";
    case HL_RATING_ACCEPTABLE:
      return "accent";
    case HL_RATING_WEAK:
      return "warning";
    case HL_RATING_INSECURE:
      return "error";
    case HL_RATING_NONE:
    default:
      return "dim";
    }
}

const char *
hl_label_verify_style (HlVerify verify)
{
  switch (verify)
    {
    case HL_VERIFY_VERIFIED:
      return "success";
    case HL_VERIFY_FAILED:
    case HL_VERIFY_ERROR:
      return "warning";
    case HL_VERIFY_NONE:
    case HL_VERIFY_NO_CERTIFICATE:
    case HL_VERIFY_NOT_REQUESTED:
    case HL_VERIFY_NO_TLS:
    case HL_VERIFY_UNKNOWN:
    default:
      return "dim";
    }
}

/* Which rule decided the state, as "Decided by …" */
const char *
hl_label_evidence (HlEvidence evidence)
{
  switch (evidence)
    {
    case HL_EVIDENCE_TLS_CLAUSE:
      return _("The TLS details the server wrote");
    case HL_EVIDENCE_PROTOCOL:
      return _("The protocol name");
    case HL_EVIDENCE_VENDOR_MARKER:
      return _("The server’s own encryption marker");
    case HL_EVIDENCE_LOOPBACK:
      return _("A client on the same machine");
    case HL_EVIDENCE_LOCAL_PROTOCOL:
      return _("A local protocol");
    case HL_EVIDENCE_LOCAL_PROGRAM:
      return _("A program on the same machine");
    case HL_EVIDENCE_DIALECT:
      return _("The server always records TLS, and recorded none");
    case HL_EVIDENCE_NONE:
    default:
      return _("Nothing was recorded");
    }
}

static const struct
{
  const char *label;
  const char *category;
} token_kinds[HL_TOKEN_N_KINDS] = {
  [HL_TOKEN_KEYWORD] = { N_("Keyword"), "keyword" },
  [HL_TOKEN_HELO] = { N_("Name the client gave"), "host" },
  [HL_TOKEN_RDNS] = { N_("Name looked up for the client"), "host" },
  [HL_TOKEN_IP] = { N_("Client address"), "address" },
  [HL_TOKEN_PORT] = { N_("Client port"), "address" },
  [HL_TOKEN_BY_HOST] = { N_("Receiving server"), "host" },
  [HL_TOKEN_SOFTWARE] = { N_("Server software"), "id" },
  [HL_TOKEN_PROTOCOL] = { N_("Protocol"), "protocol" },
  [HL_TOKEN_VIA] = { N_("Link"), "protocol" },
  [HL_TOKEN_ID] = { N_("Queue ID"), "id" },
  [HL_TOKEN_FOR] = { N_("Recipient"), "id" },
  [HL_TOKEN_ENVELOPE_FROM] = { N_("Envelope sender"), "id" },
  [HL_TOKEN_COMMENT] = { N_("Comment"), "comment" },
  [HL_TOKEN_TLS_VERSION] = { N_("TLS version"), "tls" },
  [HL_TOKEN_TLS_CIPHER] = { N_("Cipher"), "tls" },
  [HL_TOKEN_TLS_BITS] = { N_("Key size"), "tls" },
  [HL_TOKEN_TLS_VERIFY] = { N_("Certificate check"), "verify" },
  [HL_TOKEN_TLS_KEY_EXCHANGE] = { N_("Key exchange"), "tls" },
  [HL_TOKEN_TLS_SIGNATURE] = { N_("Server signature"), "tls" },
  [HL_TOKEN_CLIENT_CERT] = { N_("Client certificate"), "verify" },
  [HL_TOKEN_AUTH] = { N_("Authentication"), "marker" },
  [HL_TOKEN_VENDOR_MARKER] = { N_("Encryption marker"), "marker" },
  [HL_TOKEN_LOCAL_MARKER] = { N_("Local delivery marker"), "marker" },
  [HL_TOKEN_DATE] = { N_("Date"), "date" },
};

const char *
hl_label_token_kind (HlTokenKind kind)
{
  if ((guint) kind >= HL_TOKEN_N_KINDS || token_kinds[kind].label == NULL)
    return _("Part of the field");
  return _(token_kinds[kind].label);
}

/* Kinds share a colour by what they are about: hosts, addresses, TLS, … */
const char *
hl_label_token_category (HlTokenKind kind)
{
  if ((guint) kind >= HL_TOKEN_N_KINDS || token_kinds[kind].category == NULL)
    return "comment";
  return token_kinds[kind].category;
}

const char *
hl_label_hop_from (HlReceived *hop)
{
  const char *name = hl_received_get_from_host (hop);

  return name != NULL ? name : _("an unnamed host");
}

const char *
hl_label_hop_by (HlReceived *hop)
{
  const char *name = hl_received_get_by_host (hop);

  return name != NULL ? name : _("an unnamed host");
}

/* "TLS 1.3", or the version as written when it is ambiguous ("TLSv1/SSLv3"). */
char *
hl_label_hop_version (HlReceived *hop)
{
  HlTlsVersion version = hl_received_get_tls_version (hop);
  const char *raw = hl_received_get_tls_version_raw (hop);

  if (version != HL_TLS_VERSION_UNKNOWN)
    return g_strdup (hl_tls_version_to_string (version));
  if (raw != NULL)
    return g_strdup (raw);
  return NULL;
}

/* The hop's date in the time zone the server wrote it in. */
char *
hl_label_hop_time (HlReceived *hop)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  gint64 t;
  int offset;

  if (!hl_received_get_date (hop, &t, &offset))
    return NULL;
  utc = g_date_time_new_from_unix_utc (t);
  if (utc == NULL)
    return NULL;
  tz = g_time_zone_new_offset (offset * 60);
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return NULL;
  /* TRANSLATORS: a hop's date, see g_date_time_format(); e.g. "17 Jul 2005 15:39:10 -0500" */
  return g_date_time_format (local, _("%-d %b %Y %H:%M:%S %z"));
}

char *
hl_label_hop_delay (HlReceived *hop)
{
  g_autofree char *duration = NULL;
  gint64 delay;

  if (!hl_received_get_delay (hop, &delay))
    return NULL;
  if (delay < 0)
    {
      duration = hl_format_duration (-delay);
      /* TRANSLATORS: a hop dated before the one before it, e.g. "3 s earlier" */
      return g_strdup_printf (_("%s earlier"), duration);
    }
  duration = hl_format_duration (delay);
  /* TRANSLATORS: the time a hop took after the one before it, e.g. "+2 s" */
  return g_strdup_printf (_("+%s"), duration);
}

/* "Hop 2 of 5, not encrypted, from mx.a.example to relay.b.example" */
char *
hl_label_hop_accessible (HlReceived *hop,
                         guint       n_hops)
{
  /* TRANSLATORS: what a screen reader says for a hop: number, state, hosts */
  return g_strdup_printf (_("Hop %u of %u, %s, from %s to %s"),
                          hl_received_get_index (hop), n_hops,
                          hl_lock_shape_label (hl_lock_shape_for_hop (hop)),
                          hl_label_hop_from (hop), hl_label_hop_by (hop));
}

/* At most @max_chars characters of a span of a header, as valid UTF-8 on one
 * line, with an ellipsis when cut. */
char *
hl_label_excerpt (const char *text,
                  gsize       length,
                  guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || c == 0x7f)
        c = ' ';
      /* Collapse the whitespace of folded lines. */
      if (c == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        continue;
      g_string_append_unichar (out, c);
      n++;
    }
  return g_string_free (out, FALSE);
}

/* Header text wraps anywhere a line is full, host names included, and never
 * gets a hyphen that is not in it: "mail-x1.example" cut as "mail-x1.ex-" would
 * name another host. */
static void
no_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);

  attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

void
hl_label_set_wrapping (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  no_hyphens (label);
}

/* Every label under @root that wraps inside words (the templates' word-char
 * labels) stops adding hyphens. */
void
hl_label_fix_wrapping (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) && gtk_label_get_wrap (GTK_LABEL (root))
      && gtk_label_get_wrap_mode (GTK_LABEL (root)) == PANGO_WRAP_WORD_CHAR)
    no_hyphens (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hl_label_fix_wrapping (child);
}
