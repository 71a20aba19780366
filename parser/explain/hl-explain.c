/* hl-explain.c: a hop, a cipher suite or a word, explained in plain words
 *
 * The texts live in hl-explain-texts.c, one per id; this file looks them up and
 * puts together what a person reads about one hop: what happened, what it means
 * for them, what an administrator can do, and what a header cannot prove. Header
 * values are put in as they are (the parser has already turned control characters
 * into spaces); writers for terminals and HTML escape the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "explain/hl-explain-private.h"
#include "core/hl-text.h"

/* ---------------------------------------------------------------------------
 * Looking up
 * ------------------------------------------------------------------------- */

static GHashTable *
get_table (void)
{
  static gsize once = 0;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      HlExplanation *translated = g_new (HlExplanation, hl_explain_n_texts);
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < hl_explain_n_texts; i++)
        {
          translated[i].id = hl_explain_texts[i].id;
          translated[i].title = g_dgettext (GETTEXT_PACKAGE, hl_explain_texts[i].title);
          translated[i].text = g_dgettext (GETTEXT_PACKAGE, hl_explain_texts[i].text);
          g_hash_table_insert (t, (gpointer) translated[i].id, &translated[i]);
        }
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

/**
 * hl_explain_lookup:
 * @id: an explanation id, such as a token's `explain`
 *
 * Returns: (transfer none) (nullable): the explanation, or %NULL if Hoplock has
 *   none by that id
 */
const HlExplanation *
hl_explain_lookup (const char *id)
{
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (get_table (), id);
}

/**
 * hl_explain_lookup_in:
 * @prefix: the first part of the id, e.g. `"state"`
 * @name: (nullable): the rest, e.g. hl_tls_state_to_string()'s word; %NULL
 *   for `none`
 *
 * Returns: (transfer none) (nullable): the explanation of `PREFIX.NAME`
 */
const HlExplanation *
hl_explain_lookup_in (const char *prefix,
                      const char *name)
{
  char id[128];

  g_return_val_if_fail (prefix != NULL, NULL);

  if (g_snprintf (id, sizeof id, "%s.%s", prefix, name ? name : "none") >= (int) sizeof id)
    return NULL;
  return hl_explain_lookup (id);
}

/* The explanation of a cipher part: "cipher.mode" and "CCM_8" give cipher.mode.ccm-8. */
static const HlExplanation *
lookup_part (const char *prefix,
             const char *value)
{
  char name[64];
  gsize i;

  if (value == NULL)
    return NULL;
  for (i = 0; value[i] != '\0' && i + 1 < sizeof name; i++)
    name[i] = value[i] == '_' ? '-' : g_ascii_tolower (value[i]);
  if (value[i] != '\0')
    return NULL;
  name[i] = '\0';
  return hl_explain_lookup_in (prefix, name);
}

static const char *
text_of (const HlExplanation *e)
{
  return e != NULL ? e->text : "";
}

static const char *
title_of (const HlExplanation *e,
          const char          *fallback)
{
  return e != NULL ? e->title : fallback;
}

/**
 * hl_explain_version_id:
 * @version: a protocol version
 *
 * Returns: the explanation id of @version, e.g. `"version.tls12"`
 */
const char *
hl_explain_version_id (HlTlsVersion version)
{
  switch (version)
    {
    case HL_TLS_VERSION_SSL2: return "version.ssl2";
    case HL_TLS_VERSION_SSL3: return "version.ssl3";
    case HL_TLS_VERSION_TLS10: return "version.tls10";
    case HL_TLS_VERSION_TLS11: return "version.tls11";
    case HL_TLS_VERSION_TLS12: return "version.tls12";
    case HL_TLS_VERSION_TLS13: return "version.tls13";
    case HL_TLS_VERSION_UNKNOWN:
    default: return "version.unknown";
    }
}

/* ---------------------------------------------------------------------------
 * Small helpers for putting text together
 * ------------------------------------------------------------------------- */

static void
paragraph (GString    *s,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

/* Starts a new paragraph (a blank line before all but the first). */
static void
paragraph (GString    *s,
           const char *format,
           ...)
{
  va_list args;

  if (s->len > 0)
    g_string_append (s, "\n\n");
  va_start (args, format);
  g_string_append_vprintf (s, format, args);
  va_end (args);
}

static char *
dup_client (HlReceived *hop)
{
  const char *name = hl_received_get_from_host (hop);

  return name != NULL ? g_strdup (name) : g_strdup (_("the sending computer"));
}

static char *
dup_server (HlReceived *hop)
{
  const char *name = hl_received_get_by_host (hop);

  return name != NULL ? g_strdup (name) : g_strdup (_("the receiving server"));
}

/* A with word without TLS by the standard names (ESMTP, not ESMTPS). */
static gboolean
protocol_says_clear (const char *with)
{
  static const char *const clear[] = {
    "SMTP", "ESMTP", "ESMTPA", "LMTP", "LMTPA", "UTF8SMTP", "UTF8SMTPA", "UTF8LMTP",
    "UTF8LMTPA",
  };

  if (with == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    if (g_ascii_strcasecmp (with, clear[i]) == 0)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------------
 * The cipher suite and the rating
 * ------------------------------------------------------------------------- */

static void
part_line (GString             *s,
           const char          *label,
           const char          *value,
           const HlExplanation *e)
{
  if (s->len > 0)
    g_string_append_c (s, '\n');
  if (e != NULL)
    /* TRANSLATORS: one part of a cipher suite: "Key exchange: Ephemeral
     * Diffie-Hellman (DHE). Both sides made fresh …" */
    g_string_append_printf (s, _("%s: %s. %s"), label, e->title, e->text);
  else
    g_string_append_printf (s, _("%s: %s."), label, value);
}

/**
 * hl_explain_cipher:
 * @suite: a cipher suite, from the table or decomposed
 *
 * Takes @suite apart: its names, the key exchange, the authentication, the
 * cipher and its key size, the mode, the integrity protection, forward secrecy
 * and the oldest protocol it works with. One part a line.
 *
 * Returns: (transfer full): the explanation
 */
char *
hl_explain_cipher (const HlCipherSuite *suite)
{
  GString *s;
  g_autofree char *enc = NULL;

  g_return_val_if_fail (suite != NULL, NULL);

  s = g_string_new (NULL);
  if (suite->decomposed)
    g_string_append (s, _("Hoplock’s table does not list this name; the parts below were "
                           "read from the name itself."));
  else if (suite->iana != NULL)
    {
      g_string_append_printf (s, _("Standard name: %s (0x%04X)"), suite->iana, suite->code);
      if (suite->openssl != NULL && suite->gnutls != NULL)
        g_string_append_printf (s, _("; OpenSSL: %s; GnuTLS: %s"), suite->openssl, suite->gnutls);
      else if (suite->openssl != NULL)
        g_string_append_printf (s, _("; OpenSSL: %s"), suite->openssl);
      else if (suite->gnutls != NULL)
        g_string_append_printf (s, _("; GnuTLS: %s"), suite->gnutls);
      g_string_append_c (s, '.');
    }

  part_line (s, _("Key exchange"), suite->kx, lookup_part ("cipher.kx", suite->kx));
  part_line (s, _("Authentication"), suite->auth, lookup_part ("cipher.auth", suite->auth));
  {
    const HlExplanation *e = lookup_part ("cipher.enc", suite->enc);
    const char *title = title_of (e, suite->enc);

    if (suite->enc_bits > 0)
      /* TRANSLATORS: a cipher and its key size: "Triple-DES, 168-bit key" */
      enc = g_strdup_printf (_("%s, %u-bit key"), title, (guint) suite->enc_bits);
    else
      enc = g_strdup (title);
    if (s->len > 0)
      g_string_append_c (s, '\n');
    g_string_append_printf (s, _("%s: %s. %s"), _("Cipher"), enc, text_of (e));
  }
  part_line (s, _("Mode"), suite->mode, lookup_part ("cipher.mode", suite->mode));
  if (suite->mac != NULL)
    part_line (s, _("Integrity"), suite->mac, lookup_part ("cipher.mac", suite->mac));
  g_string_append_printf (s, "\n%s: %s", _("Forward secrecy"),
                          text_of (hl_explain_lookup (suite->fs ? "cipher.fs.yes" : "cipher.fs.no")));
  if (suite->export_)
    g_string_append_printf (s, "\n%s: %s", _("Export-grade"),
                            text_of (hl_explain_lookup ("reason.cipher.export")));
  if (suite->min_protocol != NULL)
    g_string_append_printf (s, "\n%s: %s.", _("Oldest protocol it works with"),
                            suite->min_protocol);

  return g_string_free (s, FALSE);
}

static const char *
rating_word (HlRating rating)
{
  switch (rating)
    {
    case HL_RATING_INSECURE: return _("insecure");
    case HL_RATING_WEAK: return _("weak");
    case HL_RATING_ACCEPTABLE: return _("acceptable");
    case HL_RATING_STRONG: return _("strong");
    case HL_RATING_NONE:
    default: return _("not rated");
    }
}

static void
explain_reasons (GString              *s,
                 const HlRatingReason *reasons,
                 guint                 n_reasons)
{
  for (guint i = 0; i < n_reasons; i++)
    {
      const HlExplanation *e = hl_explain_lookup_in ("reason", reasons[i].id);

      if (e == NULL)
        paragraph (s, "%s", reasons[i].id);
      else
        paragraph (s, _("%s: %s"), e->title, e->text);
      if (reasons[i].source != NULL)
        /* TRANSLATORS: the standard or advisory behind a rating reason */
        g_string_append_printf (s, _(" Reference: %s."), reasons[i].source);
    }
}

/**
 * hl_explain_rating:
 * @hop: a hop
 *
 * Returns: (transfer full) (nullable): the rating and every reason for it, one a
 *   paragraph; %NULL if the hop is not rated
 */
char *
hl_explain_rating (HlReceived *hop)
{
  const HlRatingReason *reasons;
  guint n_reasons;
  HlRating rating;
  GString *s;

  g_return_val_if_fail (hop != NULL, NULL);

  rating = hl_received_get_rating (hop);
  if (rating == HL_RATING_NONE)
    return NULL;
  reasons = hl_received_get_rating_reasons (hop, &n_reasons);
  s = g_string_new (NULL);
  /* TRANSLATORS: "Rated weak: The connection was encrypted, but …" */
  paragraph (s, _("Rated %s: %s"), rating_word (rating),
             text_of (hl_explain_lookup_in ("rating", hl_rating_to_string (rating))));
  explain_reasons (s, reasons, n_reasons);
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------------------
 * One hop
 * ------------------------------------------------------------------------- */

/**
 * hl_explain_hop_summary:
 * @hop: a hop
 *
 * What happened on this hop: who handed the message to whom, whether and how
 * the connection was encrypted, and what the certificate check and the login
 * say. Paragraphs separated by blank lines.
 *
 * Returns: (transfer full): the explanation
 */
char *
hl_explain_hop_summary (HlReceived *hop)
{
  GString *s;
  g_autofree char *client = NULL;
  g_autofree char *server = NULL;
  const char *ip, *helo, *with, *software, *mta, *raw;
  HlTlsState state;
  HlEvidence evidence;
  const HlExplanation *e;

  g_return_val_if_fail (hop != NULL, NULL);

  s = g_string_new (NULL);
  client = dup_client (hop);
  server = dup_server (hop);
  ip = hl_received_get_from_ip (hop);
  helo = hl_received_get_from_helo (hop);
  with = hl_received_get_with (hop);
  software = hl_received_get_by_software (hop);
  mta = hl_received_get_mta_name (hop);
  state = hl_received_get_tls_state (hop);
  evidence = hl_received_get_tls_evidence (hop);

  /* Who handed the message to whom. Without a "by" the sentence starts with
   * words of ours, which start as a sentence does. */
  if (hl_received_get_by_host (hop) == NULL)
    {
      if (hl_received_get_from_host (hop) != NULL)
        /* TRANSLATORS: the receiving server is not named in the field */
        paragraph (s, _("The receiving server received the message from %s"), client);
      else
        paragraph (s, _("The receiving server received the message"));
    }
  else if (hl_received_get_from_host (hop) != NULL)
    /* TRANSLATORS: "mx.example.net received the message from mail.example.org" */
    paragraph (s, _("%s received the message from %s"), server, client);
  else
    paragraph (s, _("%s received the message"), server);
  if (ip != NULL && g_strcmp0 (ip, client) != 0)
    g_string_append_printf (s, _(" (address %s)"), ip);
  if (helo != NULL && g_strcmp0 (helo, client) != 0)
    /* TRANSLATORS: the name a client gave in its HELO greeting */
    g_string_append_printf (s, _(", which introduced itself as %s"), helo);
  if (with != NULL)
    g_string_append_printf (s, _(", with %s"), with);
  g_string_append_c (s, '.');
  if (software != NULL && mta != NULL)
    g_string_append_printf (s, _(" The receiving server describes its software as “%s”; the "
                                 "field is written the way %s writes it."), software, mta);
  else if (software != NULL)
    g_string_append_printf (s, _(" The receiving server describes its software as “%s”."),
                            software);
  else if (mta != NULL)
    g_string_append_printf (s, _(" The field is written the way %s writes it."), mta);
  e = hl_explain_lookup_in ("kind", hl_hop_kind_to_string (hl_received_get_kind (hop)));
  if (e != NULL)
    g_string_append_printf (s, _(" Kind of hop: %s. %s"), e->title, e->text);

  /* Whether it was encrypted, and why Hoplock thinks so: the with word's own
   * explanation where the with word decided or says something of its own. */
  {
    const HlExplanation *state_e = hl_explain_lookup_in ("state", hl_tls_state_to_string (state));
    const HlExplanation *with_e = NULL;
    guint n_tokens;
    const HlToken *tokens = hl_received_get_tokens (hop, &n_tokens);

    for (guint k = 0; k < n_tokens && with_e == NULL; k++)
      if (tokens[k].kind == HL_TOKEN_PROTOCOL)
        with_e = hl_explain_lookup (tokens[k].explain);

    if (evidence == HL_EVIDENCE_PROTOCOL && with_e != NULL && with != NULL)
      /* TRANSLATORS: "Not encrypted. The protocol name “ESMTP” decided: Extended SMTP, …" */
      paragraph (s, _("%s. The protocol name “%s” decided: %s"), title_of (state_e, ""), with,
                 with_e->text);
    else
      paragraph (s, "%s. %s", title_of (state_e, ""),
                 text_of (hl_explain_lookup_in ("evidence", hl_evidence_to_string (evidence))));
    if (state == HL_TLS_STATE_ENCRYPTED && evidence != HL_EVIDENCE_PROTOCOL
        && protocol_says_clear (with))
      g_string_append_printf (s, _(" The protocol is written “%s”, without the S that marks TLS, "
                                   "but some servers (older Sendmail, for one) write it so even "
                                   "for encrypted connections; the TLS details decide."), with);
    else if (state == HL_TLS_STATE_UNKNOWN && with_e != NULL)
      g_string_append_printf (s, " %s", with_e->text);
    if (state == HL_TLS_STATE_UNENCRYPTED && evidence == HL_EVIDENCE_PROTOCOL)
      g_string_append (s, _(" This field records no TLS details."));
  }

  /* The TLS details, one by one. */
  raw = hl_received_get_tls_version_raw (hop);
  if (raw != NULL)
    {
      HlTlsVersion version = hl_received_get_tls_version (hop);

      if (hl_received_get_tls_version_ambiguous (hop))
        e = hl_explain_lookup ("tls.version.ambiguous");
      else
        e = hl_explain_lookup (hl_explain_version_id (version));
      paragraph (s, _("Version “%s”: %s. %s"), raw, title_of (e, raw), text_of (e));
    }
  raw = hl_received_get_tls_cipher (hop);
  if (raw != NULL)
    {
      const HlCipherSuite *suite = hl_received_get_cipher_suite (hop);

      if (suite != NULL && !suite->decomposed && g_ascii_strcasecmp (raw, suite->iana) != 0)
        paragraph (s, _("Cipher suite “%s”, known by the standard name %s."), raw, suite->iana);
      else if (suite != NULL)
        paragraph (s, _("Cipher suite “%s”."), raw);
      else
        paragraph (s, _("Cipher suite “%s”, a name Hoplock does not know."), raw);
      g_string_append_printf (s, " %s", text_of (hl_explain_lookup ("tls.cipher")));
    }
  if (hl_received_get_tls_bits (hop) >= 0)
    {
      int bits = hl_received_get_tls_bits (hop);
      int alg_bits = hl_received_get_tls_alg_bits (hop);
      const HlCipherSuite *suite = hl_received_get_cipher_suite (hop);

      if (alg_bits >= 0)
        paragraph (s, _("Key bits %d of %d: %s"), bits, alg_bits,
                   text_of (hl_explain_lookup ("tls.bits")));
      else
        paragraph (s, _("Key bits %d: %s"), bits, text_of (hl_explain_lookup ("tls.bits")));
      if (suite != NULL && g_strcmp0 (suite->enc, "3DES") == 0 && bits == 168)
        g_string_append (s, _(" Here 168 is the full Triple-DES key; its real strength is "
                              "about 112 bits."));
    }
  if (hl_received_get_tls_key_exchange (hop) != NULL)
    paragraph (s, _("Key exchange group “%s”: %s"), hl_received_get_tls_key_exchange (hop),
               text_of (hl_explain_lookup ("tls.key-exchange")));

  /* The certificate check. */
  {
    HlVerify verify = hl_received_get_tls_verify (hop);
    const char *verify_raw = hl_received_get_tls_verify_raw (hop);

    e = hl_explain_lookup_in ("verify", hl_verify_to_string (verify));
    if (verify_raw != NULL)
      paragraph (s, _("Certificate check “%s”: %s. %s"), verify_raw, title_of (e, verify_raw),
                 text_of (e));
    else if (state == HL_TLS_STATE_ENCRYPTED)
      paragraph (s, "%s", text_of (e));
  }

  if (hl_received_get_authenticated (hop))
    paragraph (s, _("Login: %s"), text_of (hl_explain_lookup ("auth.authenticated")));

  return g_string_free (s, FALSE);
}

/**
 * hl_explain_for_you:
 * @hop: a hop
 *
 * Returns: (transfer full): what this hop means for the person who got the
 *   message, a few sentences
 */
char *
hl_explain_for_you (HlReceived *hop)
{
  GString *s;
  g_autofree char *client = NULL;
  g_autofree char *server = NULL;
  HlHopKind kind;

  g_return_val_if_fail (hop != NULL, NULL);

  s = g_string_new (NULL);
  client = dup_client (hop);
  server = dup_server (hop);
  kind = hl_received_get_kind (hop);

  switch (hl_received_get_tls_state (hop))
    {
    case HL_TLS_STATE_ENCRYPTED:
      switch (hl_received_get_rating (hop))
        {
        case HL_RATING_STRONG:
          paragraph (s, _("On this hop the message was well protected: someone watching the "
                          "network between %s and %s could neither read nor change it."),
                     client, server);
          break;
        case HL_RATING_ACCEPTABLE:
          paragraph (s, _("On this hop the message was protected with sound encryption, a "
                          "little short of today’s best practice. Someone watching the network "
                          "between %s and %s could not read or change it."), client, server);
          break;
        case HL_RATING_WEAK:
          paragraph (s, _("The message was encrypted on this hop, which keeps casual "
                          "eavesdroppers between %s and %s out. The methods are outdated, "
                          "though: the known attacks on them take a lot of effort or special "
                          "conditions, so for an everyday message the risk is small, but the "
                          "protection is less than current TLS gives."), client, server);
          break;
        case HL_RATING_INSECURE:
          paragraph (s, _("TLS was used on this hop, but with methods that are broken. Treat "
                          "it as if the message had crossed the network between %s and %s "
                          "without encryption."), client, server);
          break;
        case HL_RATING_NONE:
        default:
          paragraph (s, _("The message was encrypted on this hop between %s and %s. The field "
                          "does not say with which version or cipher, so how well cannot be "
                          "told."), client, server);
          break;
        }
      paragraph (s, _("Both servers could read the message: TLS protects it only on the way "
                      "between them. And the header does not say whether %s checked that it "
                      "was really talking to %s; without that check, someone able to intercept "
                      "the connection could have posed as %s."), client, server, server);
      break;

    case HL_TLS_STATE_UNENCRYPTED:
      paragraph (s, _("The message crossed the network between %s and %s in clear text. Anyone "
                      "who could watch that connection, for example on the same network or at "
                      "a provider along the way, could read it, with its attachments and "
                      "addresses, and could have changed it."), client, server);
      if (kind == HL_HOP_KIND_INTERNAL)
        g_string_append (s, _(" Both ends seem to be inside one organisation’s network, which "
                              "limits who could watch, but does not rule it out."));
      if (kind == HL_HOP_KIND_SUBMISSION || hl_received_get_authenticated (hop))
        g_string_append (s, _(" This is the step from the sender’s mail program to its "
                              "provider; if a password was sent on this connection, it may "
                              "have been readable too."));
      paragraph (s, _("Only end-to-end encryption (S/MIME or OpenPGP), if the sender used it, "
                      "would have protected the content on this hop."));
      break;

    case HL_TLS_STATE_LOCAL:
      paragraph (s, _("Nothing to worry about on this hop: the message was handed over on one "
                      "machine and did not cross a network."));
      break;

    case HL_TLS_STATE_UNKNOWN:
    default:
      paragraph (s, _("The header does not say whether this hop between %s and %s was "
                      "encrypted. It may well have been: many servers do not record it. From "
                      "the header alone you cannot tell."), client, server);
      break;
    }

  return g_string_free (s, FALSE);
}

typedef enum
{
  ADMIN_ENABLE,
  ADMIN_RECORD,
  ADMIN_HARDEN,
  ADMIN_REQUIRE,
} AdminTopic;

/* A list, one line per mail server, the one that wrote the field first; a
 * paragraph of its own. */
static void
admin_lines (GString    *s,
             AdminTopic  topic,
             const char *writer)
{
  static const char *const topics[] = { "enable", "record", "harden", "require" };
  static const char *const mtas[] = { "postfix", "sendmail", "exim", "exchange" };
  const char *first = NULL;
  gboolean started = FALSE;

  if (g_strcmp0 (writer, "postfix") == 0 || g_strcmp0 (writer, "sendmail") == 0
      || g_strcmp0 (writer, "exim") == 0)
    first = writer;
  else if (g_strcmp0 (writer, "microsoft") == 0 || g_strcmp0 (writer, "iis") == 0)
    first = "exchange";

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (mtas); i++)
      {
        char id[64];
        const HlExplanation *e;

        if ((pass == 0) != (g_strcmp0 (first, mtas[i]) == 0))
          continue;
        g_snprintf (id, sizeof id, "admin.%s.%s", topics[topic], mtas[i]);
        if ((e = hl_explain_lookup (id)) == NULL)
          continue;
        if (!started)
          paragraph (s, "%s: %s", e->title, e->text);
        else
          g_string_append_printf (s, "\n%s: %s", e->title, e->text);
        started = TRUE;
      }
}

/**
 * hl_explain_for_admin:
 * @hop: a hop
 *
 * What the administrator of either server can do about this hop: the Postfix,
 * Sendmail, Exim and Exchange settings that turn TLS on, record it in the
 * header or require it, and MTA-STS and DANE. Paragraphs separated by blank
 * lines, one line per mail server.
 *
 * Returns: (transfer full): the explanation
 */
char *
hl_explain_for_admin (HlReceived *hop)
{
  GString *s;
  g_autofree char *client = NULL;
  g_autofree char *server = NULL;
  const char *writer;
  HlTlsState state;
  HlRating rating;

  g_return_val_if_fail (hop != NULL, NULL);

  s = g_string_new (NULL);
  client = dup_client (hop);
  server = dup_server (hop);
  writer = hl_received_get_mta (hop);
  state = hl_received_get_tls_state (hop);
  rating = hl_received_get_rating (hop);

  if (state == HL_TLS_STATE_LOCAL)
    {
      paragraph (s, _("Nothing to do: this hop stayed on one machine."));
      return g_string_free (s, FALSE);
    }

  paragraph (s, _("This field was written by the receiving server, %s; the sending side was "
                  "%s."), server, client);

  if (state == HL_TLS_STATE_UNENCRYPTED)
    {
      g_string_append_printf (s, _(" To encrypt this hop, %s must offer STARTTLS and %s must "
                                   "use it. Every common mail server does both with a few "
                                   "settings; a certificate from a public authority (Let’s "
                                   "Encrypt, for example) also lets senders verify the "
                                   "server."), server, client);
      admin_lines (s, ADMIN_ENABLE, writer);
      if (hl_received_get_kind (hop) == HL_HOP_KIND_SUBMISSION
          || hl_received_get_authenticated (hop))
        paragraph (s, "%s", text_of (hl_explain_lookup ("admin.submission")));
    }
  else if (state == HL_TLS_STATE_UNKNOWN)
    {
      g_string_append_printf (s, _(" If %s is your server, have it write the TLS details into "
                                   "the Received field, so that people can see how your mail "
                                   "travelled:"), server);
      admin_lines (s, ADMIN_RECORD, writer);
      paragraph (s, _("And make sure it offers and uses TLS:"));
      admin_lines (s, ADMIN_ENABLE, writer);
    }
  else if (rating == HL_RATING_INSECURE || rating == HL_RATING_WEAK
           || rating == HL_RATING_ACCEPTABLE)
    {
      if (rating == HL_RATING_ACCEPTABLE)
        g_string_append (s, _(" This hop is soundly protected. To reach today’s best practice, "
                              "prefer TLS 1.3, and for TLS 1.2 suites with ECDHE and AES-GCM "
                              "or ChaCha20-Poly1305:"));
      else
        g_string_append (s, _(" Bring both servers up to date so that they agree on TLS 1.2 or "
                              "1.3 with modern ciphers (ECDHE with AES-GCM or "
                              "ChaCha20-Poly1305). Be careful when switching old versions off: "
                              "mail servers that cannot agree on any TLS fall back to clear "
                              "text, which is worse than old TLS. Require the minimum only "
                              "where you control both ends or know the other side is "
                              "current:"));
      admin_lines (s, ADMIN_HARDEN, writer);
    }
  else
    {
      if (rating == HL_RATING_NONE)
        {
          g_string_append (s, _(" Nothing is known to be wrong on this hop, but the field does "
                                "not say which version and cipher were used. To let people see "
                                "them, record them in the Received field:"));
          admin_lines (s, ADMIN_RECORD, writer);
          paragraph (s, "%s", _("What TLS between mail servers does not do by itself is insist "
                                "on it; to make sure mail cannot silently fall back to clear "
                                "text or be intercepted, require it where you can:"));
        }
      else
        g_string_append (s, _(" Nothing needs fixing on this hop. What TLS between mail servers "
                              "does not do by itself is insist on it; to make sure mail cannot "
                              "silently fall back to clear text or be intercepted, require it "
                              "where you can:"));
      admin_lines (s, ADMIN_REQUIRE, writer);
    }

  paragraph (s, "%s", text_of (hl_explain_lookup ("admin.mta-sts-dane")));
  return g_string_free (s, FALSE);
}

/**
 * hl_explain_caveats:
 *
 * Returns: what a trace of Received fields cannot prove, translated; static
 */
const char *
hl_explain_caveats (void)
{
  return _("Every server puts its own Received field on top of the ones already there. Only "
           "fields written by servers you trust, such as your own provider’s, can be believed. "
           "Everything below the first field your provider wrote came from servers it does not "
           "control, and a sender can make such fields up, TLS details included.\n\n"
           "“Nothing recorded” is not “no TLS”. Many servers do not write down whether they "
           "used TLS; Hoplock counts such hops as unknown, not as unencrypted.\n\n"
           "TLS protects each hop only on the way between two servers. Every server along the "
           "way handles the message in readable form; only end-to-end encryption (S/MIME or "
           "OpenPGP) protects it from the servers themselves.\n\n"
           "A header records at most whether the receiving server checked the sending "
           "server’s certificate. Whether the sending server checked the receiving server’s "
           "certificate, which is what keeps an impostor out, is never recorded. Without that "
           "check (MTA-STS or DANE make senders do it), someone able to intercept the "
           "connection could have read the message even though it was encrypted.\n\n"
           "The header shows the way this copy of the message took; copies to other "
           "recipients may have travelled differently.");
}

/* ---------------------------------------------------------------------------
 * One word
 * ------------------------------------------------------------------------- */

typedef struct
{
  GString *s;
  GHashTable *seen;    /* ids already explained */
  char *safe;          /* the word, terminal-safe */
} Word;

/* One meaning of the word: a heading line and the text. */
static void
meaning (Word                *w,
         const char          *what,
         const HlExplanation *e)
{
  if (e == NULL || !g_hash_table_add (w->seen, (gpointer) e->id))
    return;
  if (w->s->len > 0)
    g_string_append (w->s, "\n\n");
  /* TRANSLATORS: "“ESMTPS” — protocol name after “with”: ESMTPS" */
  g_string_append_printf (w->s, _("“%s” — %s: %s"), w->safe, what, e->title);
  g_string_append_printf (w->s, "\n%s", e->text);
}

static void
word_cipher (Word                *w,
             const HlCipherSuite *suite)
{
  HlRatingReason reasons[HL_RATING_MAX_REASONS];
  guint n_reasons = 0;
  HlRating rating;
  g_autofree char *parts = hl_explain_cipher (suite);

  if (w->s->len > 0)
    g_string_append (w->s, "\n\n");
  g_string_append_printf (w->s, _("“%s” — cipher suite"), w->safe);
  g_string_append_printf (w->s, "\n%s", parts);

  rating = hl_tls_rate (HL_TLS_VERSION_UNKNOWN, FALSE, suite, reasons, G_N_ELEMENTS (reasons),
                        &n_reasons);
  g_string_append (w->s, "\n\n");
  g_string_append_printf (w->s, _("Rated %s on its own (the protocol version is rated "
                                  "separately): %s"), rating_word (rating),
                          text_of (hl_explain_lookup_in ("rating", hl_rating_to_string (rating))));
  explain_reasons (w->s, reasons, n_reasons);
}

/* The with word's explanation id, as the clause walker gives it. */
static const HlExplanation *
lookup_protocol (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (g_str_has_prefix (lower, "local-"))
    return hl_explain_lookup ("with.local");
  if (g_str_has_prefix (lower, "microsoft"))
    return hl_explain_lookup ("with.microsoft");
  if (strcmp (lower, "other") == 0)
    return NULL;
  return hl_explain_lookup_in ("with", lower);
}

/**
 * hl_explain_word:
 * @word: what a person wants explained: a cipher-suite name in any spelling,
 *   a TLS version, a certificate-check value, a with keyword, a clause keyword,
 *   a word of Hoplock's vocabularies (`encrypted`, `weak`, …) or an explanation id
 *
 * Every meaning the word has is explained, each under a heading line, separated
 * by blank lines. The word itself is quoted terminal-safe.
 *
 * Returns: (transfer full) (nullable): the explanation, or %NULL if @word means
 *   nothing to Hoplock
 */
char *
hl_explain_word (const char *word)
{
  static const struct { const char *word; const char *id; } aliases[] = {
    { "envelope-sender", "clause.envelope-from" }, { "helo", "from.helo" },
    { "ehlo", "from.helo" }, { "using", "tls.using" }, { "version", "tls.version" },
    { "cipher", "tls.cipher" }, { "bits", "tls.bits" }, { "key-exchange", "tls.key-exchange" },
    { "server-signature", "tls.signature" }, { "client-signature", "tls.signature" },
    { "server-digest", "tls.digest" }, { "client-digest", "tls.digest" },
    { "starttls", "marker.starttls" }, { "mta-sts", "admin.mta-sts-dane" },
    { "dane", "admin.mta-sts-dane" }, { "forward-secrecy", "cipher.fs.yes" },
  };
  static const char *const clauses[] = {
    "from", "by", "via", "with", "id", "for", "envelope-from",
  };
  static const struct { const char *prefix; const char *what; } vocabularies[] = {
    { "state", N_("state of a hop") }, { "evidence", N_("evidence") },
    { "kind", N_("kind of hop") }, { "verdict", N_("verdict over a message") },
    { "rating", N_("rating") }, { "verify", N_("certificate check") },
  };
  Word w = { 0 };
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;
  HlTlsVersion version;
  gboolean ambiguous = FALSE;
  const HlCipherSuite *suite;
  HlCipherSuite decomposed;

  g_return_val_if_fail (word != NULL, NULL);

  trimmed = g_strstrip (g_strdup (word));
  if (*trimmed == '\0' || strlen (trimmed) > 256)
    return NULL;
  lower = g_ascii_strdown (trimmed, -1);
  w.s = g_string_new (NULL);
  w.seen = g_hash_table_new (g_str_hash, g_str_equal);
  w.safe = hl_text_make_safe (trimmed);

  /* An explanation id. */
  if (strchr (trimmed, '.') != NULL)
    meaning (&w, _("explanation"), hl_explain_lookup (trimmed));

  /* A clause keyword. */
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    if (strcmp (lower, clauses[i]) == 0)
      meaning (&w, _("keyword of the Received field"), hl_explain_lookup_in ("clause", lower));

  /* A protocol name after with. */
  meaning (&w, _("protocol name after “with”"), lookup_protocol (trimmed));

  /* A protocol version. */
  version = hl_tls_version_parse (trimmed, (gsize) -1, &ambiguous);
  if (version != HL_TLS_VERSION_UNKNOWN || ambiguous)
    {
      HlRatingReason reasons[HL_RATING_MAX_REASONS];
      guint n_reasons = 0;
      gsize before = w.s->len;

      meaning (&w, _("protocol version"),
               hl_explain_lookup (ambiguous ? "tls.version.ambiguous"
                                            : hl_explain_version_id (version)));
      hl_tls_rate (version, ambiguous, NULL, reasons, G_N_ELEMENTS (reasons), &n_reasons);
      if (w.s->len > before)
        explain_reasons (w.s, reasons, n_reasons);
    }

  /* A certificate check as servers write it. */
  for (guint i = 0; i < hl_explain_n_verify_words; i++)
    {
      const HlExplainVerifyWord *v = &hl_explain_verify_words[i];

      if (g_ascii_strcasecmp (trimmed, v->word) == 0)
        {
          /* TRANSLATORS: "certificate check, as Sendmail writes it" */
          g_autofree char *what = g_strdup_printf (_("certificate check, as %s writes it"),
                                                   v->writers);

          meaning (&w, what, hl_explain_lookup_in ("verify", hl_verify_to_string (v->verify)));
        }
    }

  /* A cipher suite: from the table, or read from its parts if it has any. */
  suite = hl_cipher_lookup (trimmed);
  if (suite == NULL && strpbrk (trimmed, "-_") != NULL && hl_cipher_decompose (trimmed, &decomposed))
    suite = &decomposed;
  if (suite != NULL)
    word_cipher (&w, suite);

  /* The words of Hoplock's vocabularies and a few more. */
  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    meaning (&w, g_dgettext (GETTEXT_PACKAGE, vocabularies[i].what),
             hl_explain_lookup_in (vocabularies[i].prefix, lower));
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (lower, aliases[i].word) == 0)
      meaning (&w, _("word in a Received field"), hl_explain_lookup (aliases[i].id));

  g_hash_table_unref (w.seen);
  g_free (w.safe);
  if (w.s->len == 0)
    {
      g_string_free (w.s, TRUE);
      return NULL;
    }
  return g_string_free (w.s, FALSE);
}

/* ---------------------------------------------------------------------------
 * Wrapping for terminals
 * ------------------------------------------------------------------------- */

static void
wrap_line (GString    *out,
           const char *line,
           guint       width,
           guint       indent,
           guint       hang)
{
  g_autofree char *safe = hl_text_make_safe (line);
  g_auto(GStrv) words = g_strsplit (safe, " ", -1);
  guint col = 0;
  gboolean first_line = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint n = g_utf8_strlen (words[i], -1);
      guint margin = first_line ? indent : indent + hang;

      if (n == 0)
        continue;
      if (col > margin && col + 1 + n > width)
        {
          g_string_append_c (out, '\n');
          first_line = FALSE;
          col = 0;
          margin = indent + hang;
        }
      if (col == 0)
        {
          for (guint k = 0; k < margin; k++)
            g_string_append_c (out, ' ');
          col = margin;
        }
      else
        {
          g_string_append_c (out, ' ');
          col++;
        }
      g_string_append (out, words[i]);
      col += n;
    }
  g_string_append_c (out, '\n');
}

/**
 * hl_explain_wrap:
 * @text: an explanation: paragraphs separated by blank lines, lines by "\n"
 * @width: the width to wrap to, in columns (at least 20 is used)
 * @indent: spaces before every line
 * @hang: further spaces before the continuation of a line in a list (a
 *   paragraph of several lines)
 *
 * Makes @text safe for a terminal (hl_text_make_safe()) and wraps it between
 * words. Words longer than the line are not broken.
 *
 * Returns: (transfer full): the wrapped text, each line ending in "\n"
 */
char *
hl_explain_wrap (const char *text,
                 guint       width,
                 guint       indent,
                 guint       hang)
{
  GString *out;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  width = MAX (width, 20);
  indent = MIN (indent, width / 2);
  hang = MIN (hang, width / 4);
  out = g_string_new (NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* A paragraph of several lines is a list: its lines hang. */
      gboolean list = (i > 0 && *lines[i - 1] != '\0')
                      || (lines[i + 1] != NULL && *lines[i + 1] != '\0');

      if (*lines[i] == '\0')
        g_string_append_c (out, '\n');
      else
        wrap_line (out, lines[i], width, indent, list ? hang : 0);
    }
  return g_string_free (out, FALSE);
}
