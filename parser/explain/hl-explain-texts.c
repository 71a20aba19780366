/* hl-explain-texts.c: what every part of a Received field means, in plain words
 *
 * One row per explanation id. The texts are read by people who do not read RFCs:
 * short, plain, no markup, and honest about what a header cannot prove. The ids:
 *
 *   clause.*, from.*, by.*, value.*, comment*, date    the clauses and their values
 *   with.<word>                                        protocol names after "with"
 *   tls.*                                              parts of the TLS record
 *   verify.<hl_verify_to_string()>, verify.none        certificate checks
 *   auth.authenticated, marker.*, local.*              logins, vendors' and local signs
 *   token.<hl_token_kind_to_string()>                  kinds of token
 *   state.*, evidence.*, kind.*, verdict.*             the vocabularies of hl-types.h
 *   rating.<hl_rating_to_string()>, rating.none        ratings
 *   reason.<HlRatingReason.id>                         why a hop was rated so
 *   version.<ssl2|ssl3|tls10|tls11|tls12|tls13|unknown> protocol versions
 *   cipher.kx.*, cipher.auth.*, cipher.enc.*,          the parts of a cipher suite:
 *   cipher.mode.*, cipher.mac.*, cipher.fs.yes|no      lower case, "_" written "-"
 *   admin.*                                            settings, per mail server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "explain/hl-explain-private.h"

#define T(id, title, text) { id, title, text }

const HlExplanation hl_explain_texts[] = {
  /* ---------------------------------------------------------------------
   * Clauses
   * ------------------------------------------------------------------- */
  /* TRANSLATORS: "from", "by", "with", "id", "for", "via" and "envelope-from"
   * are keywords of the Received field; keep them untranslated. */
  T ("clause.from", N_("from"),
     N_("Starts the part about the client: the computer that handed the message to this "
        "server. First comes the name the client announced for itself, which it can choose "
        "freely; then, usually in parentheses, what the receiving server found out on its "
        "own: the client’s IP address and the name that address has in DNS.")),
  T ("clause.by", N_("by"),
     N_("Starts the part about the receiving server: the server that accepted the message on "
        "this hop and wrote this field. Its software and version often follow in parentheses.")),
  T ("clause.via", N_("via"),
     N_("Names the kind of link the message came over when it was not an ordinary internet "
        "connection. Microsoft Exchange writes “via Frontend Transport” and similar for the "
        "steps between its own internal services.")),
  T ("clause.with", N_("with"),
     N_("Names the protocol the message came in with, such as SMTP, ESMTP or ESMTPS. In the "
        "standard names an S means the connection used TLS and an A means the client logged "
        "in. The receiving server chooses the word; not every server follows the standard.")),
  T ("clause.id", N_("id"),
     N_("Starts the receiving server’s own reference for the message (its queue ID).")),
  T ("clause.for", N_("for"),
     N_("Starts the recipient address this hop delivered to. It is often missing or empty: "
        "servers leave it out when there are several recipients, or for privacy.")),
  T ("clause.envelope-from", N_("envelope-from"),
     N_("Starts the envelope sender: the address the sending server gave in the SMTP “MAIL "
        "FROM” command, where bounces go.")),

  /* ---------------------------------------------------------------------
   * Values
   * ------------------------------------------------------------------- */
  T ("from.helo", N_("Name the client announced"),
     N_("The name the sending computer gave for itself in its HELO or EHLO greeting. The "
        "client can write anything here, so on its own it proves nothing.")),
  T ("from.rdns", N_("Name found in DNS"),
     N_("The host name the receiving server found for the client’s IP address in DNS (a "
        "reverse lookup). The receiving server looked it up itself, but whoever controls the "
        "address also controls what this lookup returns.")),
  T ("from.ip", N_("Client address"),
     N_("The IP address the connection came from, as the receiving server saw it. In a field "
        "written by a server you trust, this is the most reliable fact about the other end.")),
  T ("from.port", N_("Client port"),
     N_("The network port on the client’s side of the connection. The client’s system picks "
        "it; it is mainly useful for finding the connection in log files.")),
  T ("from.helo-key", N_("Greeting"),
     N_("Marks the name that follows as the one the client announced in its HELO or EHLO "
        "greeting.")),
  T ("by.host", N_("Receiving server"),
     N_("The name of the server that accepted the message on this hop and wrote this field.")),
  T ("by.software", N_("Server software"),
     N_("The mail software of the receiving server, sometimes with its version, as the server "
        "describes itself.")),
  T ("by.ip", N_("Receiving server’s address"),
     N_("The IP address of the receiving server. Microsoft Exchange writes its own address "
        "here.")),
  T ("value.id", N_("Queue ID"),
     N_("The receiving server’s own reference for the message. It means nothing to you, but "
        "the server’s administrator can find the message in the logs with it.")),
  T ("value.for", N_("Recipient"),
     N_("The address this hop delivered to, as given in the SMTP “RCPT TO” command. It can "
        "differ from the To line you see, for example for Bcc recipients and mailing lists.")),
  T ("value.via", N_("Link"),
     N_("The kind of link or internal service the message came through, as the receiving "
        "server names it.")),
  T ("value.envelope-from", N_("Envelope sender"),
     N_("The address given in the SMTP “MAIL FROM” command: where bounces go. It can differ "
        "from the From line you see.")),
  T ("comment", N_("Comment"),
     N_("Text in parentheses that Hoplock does not read any further. Servers put all kinds of "
        "details here; it did not change the result.")),
  T ("comment.untrusted", N_("Comment inside the client’s name"),
     N_("This text in parentheses stands inside the name the client announced, before the "
        "details the receiving server writes itself. A client can put anything there, "
        "including text that looks like TLS details or a false address, so Hoplock ignores "
        "it.")),
  T ("date", N_("Date"),
     N_("When the receiving server accepted the message, by its own clock and in its own time "
        "zone. Server clocks can be off, so a hop can seem to happen before the one before "
        "it.")),

  /* ---------------------------------------------------------------------
   * Protocol names after "with"
   * ------------------------------------------------------------------- */
  /* TRANSLATORS: the titles are protocol names; keep them untranslated. */
  T ("with.smtp", N_("SMTP"),
     N_("Plain SMTP, the original mail protocol, without its extensions. By the standard names "
        "(RFC 3848) this means no TLS, unless the field records TLS details elsewhere.")),
  T ("with.esmtp", N_("ESMTP"),
     N_("Extended SMTP, the usual protocol between mail servers. By the standard names (RFC "
        "3848) the missing S means no TLS and the missing A no login. Some servers, older "
        "Sendmail for one, write ESMTP even for encrypted connections and record the TLS "
        "details in a comment; Hoplock looks for those, and they win.")),
  T ("with.esmtpa", N_("ESMTPA"),
     N_("Extended SMTP after the client logged in (the A), without TLS (no S). This is how a "
        "mail program hands a message to its provider; without TLS, the message and possibly "
        "the login could be read on the way.")),
  T ("with.esmtps", N_("ESMTPS"),
     N_("Extended SMTP protected by TLS (the S): the client switched the connection to TLS "
        "with STARTTLS before sending the message. How well it was protected depends on the "
        "TLS version and cipher, which this word does not say.")),
  T ("with.esmtpsa", N_("ESMTPSA"),
     N_("Extended SMTP protected by TLS (the S), after the client logged in (the A). Typical "
        "when a mail program or web mail hands a message to its provider.")),
  T ("with.lmtp", N_("LMTP"),
     N_("The Local Mail Transfer Protocol, used for the last step into the mailbox store, "
        "usually between two programs of one provider. By the standard names, without TLS.")),
  T ("with.lmtpa", N_("LMTPA"),
     N_("LMTP, the protocol for the last step into the mailbox store, after the client logged "
        "in (the A), without TLS.")),
  T ("with.lmtps", N_("LMTPS"),
     N_("LMTP, the protocol for the last step into the mailbox store, protected by TLS (the "
        "S).")),
  T ("with.lmtpsa", N_("LMTPSA"),
     N_("LMTP, the protocol for the last step into the mailbox store, protected by TLS (the "
        "S), after the client logged in (the A).")),
  T ("with.utf8smtp", N_("UTF8SMTP"),
     N_("Extended SMTP with international (UTF-8) addresses (RFC 6531), without TLS and "
        "without login.")),
  T ("with.utf8smtpa", N_("UTF8SMTPA"),
     N_("Extended SMTP with international (UTF-8) addresses, after the client logged in (the "
        "A), without TLS.")),
  T ("with.utf8smtps", N_("UTF8SMTPS"),
     N_("Extended SMTP with international (UTF-8) addresses, protected by TLS (the S).")),
  T ("with.utf8smtpsa", N_("UTF8SMTPSA"),
     N_("Extended SMTP with international (UTF-8) addresses, protected by TLS (the S), after "
        "the client logged in (the A).")),
  T ("with.utf8lmtp", N_("UTF8LMTP"),
     N_("LMTP, the protocol for the last step into the mailbox store, with international "
        "(UTF-8) addresses, without TLS.")),
  T ("with.utf8lmtpa", N_("UTF8LMTPA"),
     N_("LMTP with international (UTF-8) addresses, after the client logged in (the A), "
        "without TLS.")),
  T ("with.utf8lmtps", N_("UTF8LMTPS"),
     N_("LMTP with international (UTF-8) addresses, protected by TLS (the S).")),
  T ("with.utf8lmtpsa", N_("UTF8LMTPSA"),
     N_("LMTP with international (UTF-8) addresses, protected by TLS (the S), after the "
        "client logged in (the A).")),
  T ("with.smtps", N_("SMTPS"),
     N_("SMTP on a connection that was encrypted with TLS from the first byte (implicit TLS, "
        "usually port 465), instead of being switched to TLS with STARTTLS.")),
  T ("with.http", N_("HTTP"),
     N_("The message was handed over through a web interface or a web API, by this word "
        "without HTTPS. Some web mail services write HTTP without recording whether the page "
        "itself used HTTPS, so this may understate the protection.")),
  T ("with.https", N_("HTTPS"),
     N_("The message was handed over through a web interface or a web API over HTTPS, that is "
        "HTTP protected by TLS.")),
  T ("with.imaps", N_("IMAPS"),
     N_("The message came in over IMAP, the mailbox protocol, on a connection protected by "
        "TLS.")),
  T ("with.local", N_("local"),
     N_("The message was handed over on the receiving machine itself, by a program running "
        "there, not over a network. Exim writes “local”, “local-esmtp”, “local-smtp” and "
        "similar for this.")),
  T ("with.mapi", N_("mapi"),
     N_("Microsoft Exchange writes “with mapi” when a message leaves a mailbox on its own "
        "servers: usually the step where a message written in Outlook or Outlook on the web "
        "enters Exchange’s mail flow. It does not record whether that step was encrypted.")),
  T ("with.microsoft", N_("Microsoft SMTP Server"),
     N_("The message came in over SMTP to Microsoft Exchange (Exchange Online or Exchange "
        "Server). Exchange writes TLS in parentheses after these words when it uses it, for "
        "example “(version=TLS1_2, cipher=…)” or, in older versions, “(TLS)”; when nothing "
        "follows, Hoplock counts the connection as not encrypted. “Microsoft SMTPSVC” is the "
        "SMTP service of Windows IIS, which writes “over TLS secured channel” when it used "
        "TLS.")),
  T ("with.qmqp", N_("QMQP"),
     N_("The Quick Mail Queuing Protocol, which qmail uses to pass messages to a central queue "
        "server, normally inside one organisation. It has no TLS of its own; whether the "
        "network between the servers was protected some other way is not recorded.")),
  T ("with.other", N_("Other protocol name"),
     N_("A protocol name that is not one of the standard ones (RFC 3848, RFC 6531). Servers "
        "may write their own words here; Hoplock does not know what this one means for "
        "encryption, so unless the field records TLS elsewhere, the hop counts as unknown.")),

  /* ---------------------------------------------------------------------
   * The TLS record
   * ------------------------------------------------------------------- */
  T ("tls.version", N_("TLS version"),
     N_("The version of TLS, or of its predecessor SSL, the connection used, as the receiving "
        "server wrote it. TLS 1.3 and 1.2 are current; TLS 1.0 and 1.1 were retired in 2021; "
        "SSL 2.0 and 3.0 are broken.")),
  T ("tls.version.ambiguous", N_("Version not recorded exactly"),
     N_("“TLSv1/SSLv3” is what older OpenSSL printed for the family a cipher suite belongs "
        "to, not for the protocol version the connection used. The connection used SSL 3.0 "
        "or TLS 1.0, and with later OpenSSL versions anything up to TLS 1.2; the field does "
        "not say which. Hoplock therefore leaves the version unknown, and because SSL 3.0 "
        "and TLS 1.0 cannot be ruled out, rates it as weak.")),
  T ("tls.cipher", N_("Cipher suite"),
     N_("The set of methods the two sides agreed on for this connection: how they agreed "
        "on secret keys (key exchange), how the server proved who it is (authentication), "
        "how the data was encrypted (cipher and mode), and how it was protected against "
        "changes (MAC). The name lists these parts; Hoplock takes them apart.")),
  T ("tls.bits", N_("Key bits"),
     N_("How many bits of key protect the data. Where two numbers are written, such as "
        "256/256, the first is how many secret bits were actually used and the second the key "
        "size the cipher works with. They differ for the old export ciphers, which used only "
        "40 or 56 secret bits on purpose, and for Triple-DES in newer OpenSSL, which reports "
        "112 of its 168 bits because a known shortcut (a meet-in-the-middle attack) reduces "
        "its strength to about 112 bits.")),
  T ("tls.key", N_("TLS detail"),
     N_("The name of a TLS detail the receiving server recorded: version, cipher, bits or "
        "verify.")),
  T ("tls.using", N_("using"),
     N_("Postfix and some other servers start their TLS details with “using”, followed by "
        "the version and the cipher suite.")),
  T ("tls.exim-tls", N_("tls"),
     N_("Exim 4.93 and later write the word “tls” before the cipher suite of the connection.")),
  T ("tls.key-exchange", N_("Key exchange group"),
     N_("The group the two servers used to agree on the secret keys of this connection, for "
        "example X25519 or secp384r1 (elliptic curves) or ffdhe2048. With TLS 1.3, and with "
        "ECDHE or DHE cipher suites, these keys are made fresh for the connection and thrown "
        "away afterwards, which gives forward secrecy.")),
  T ("tls.signature", N_("Signature"),
     N_("How the server (server-signature) or the client (client-signature) proved during the "
        "handshake that it holds the private key of its certificate: the kind of key, such as "
        "RSA-PSS or ECDSA, and its size. It does not say whether anyone checked the "
        "certificate itself.")),
  T ("tls.digest", N_("Signature hash"),
     N_("The hash function used in that signature, such as SHA256.")),
  T ("tls.client-cert", N_("Client certificate"),
     N_("The sending server presented a certificate of its own (a client certificate), and "
        "the receiving server recorded its name (CN) and issuer. Whether the receiving server "
        "could verify it follows in parentheses.")),

  /* ---------------------------------------------------------------------
   * Certificate checks. The Received field is written by the receiving
   * server; it can only record the check of the sending server's
   * (client) certificate.
   * ------------------------------------------------------------------- */
  T ("verify.verified", N_("Sending server’s certificate verified"),
     N_("The sending server presented a certificate of its own (a client certificate), and "
        "the receiving server checked it and found it valid. So this is the receiving "
        "server checking who connected to it. Whether the sending server checked the "
        "receiving server’s certificate is not recorded in the header at all. Written as "
        "“OK” or “TRUSTED” by Sendmail, “verified OK” by Postfix, “YES” by OpenSMTPD.")),
  T ("verify.failed", N_("Sending server’s certificate not verified"),
     N_("The sending server presented a certificate of its own (a client certificate), but "
        "the receiving server could not verify it, for example because it does not trust its "
        "issuer or the certificate is self-signed. The connection was still encrypted. Whether "
        "the sending server checked the receiving server’s certificate is not recorded. "
        "Written as “FAIL” or “DANE_FAIL” by Sendmail, “not verified” by Postfix, “FAIL” by "
        "OpenSMTPD.")),
  T ("verify.no-certificate", N_("No certificate from the sending server"),
     N_("The receiving server asked the sending server for a certificate of its own (a client "
        "certificate) and got none. That is common and harmless: mail servers rarely use "
        "client certificates, and the connection was still encrypted. Whether the sending "
        "server checked the receiving server’s certificate is not recorded. Written as “NO” by "
        "Sendmail and OpenSMTPD, “Client did not present a certificate” by Postfix.")),
  T ("verify.not-requested", N_("No certificate asked of the sending server"),
     N_("The receiving server did not ask the sending server for a certificate of its own (a "
        "client certificate). That is the normal case between mail servers and says nothing "
        "about eavesdropping: the connection was still encrypted. It is only about the "
        "sending server’s certificate; whether the sending server checked the receiving "
        "server’s certificate is not recorded in the header. Written as “NOT” by Sendmail, "
        "“No client certificate requested” by Postfix.")),
  T ("verify.no-tls", N_("No TLS for the check"),
     N_("Sendmail writes “NONE” when no STARTTLS took place, and “CLEAR” when it switched TLS "
        "off on purpose for a delivery in clear text. No certificate was checked.")),
  T ("verify.error", N_("Certificate check did not finish"),
     N_("Sendmail could not finish checking the sending server’s certificate: “TEMP” means a "
        "temporary error, “PROTOCOL” an SMTP protocol error, “CONFIG” an error in its TLS "
        "settings and “SOFTWARE” a failed TLS handshake. Whether the sending server checked "
        "the receiving server’s certificate is not recorded.")),
  T ("verify.unknown", N_("Unknown check result"),
     N_("The field records the result of a certificate check in a word Hoplock does not know. "
        "In a Received field, such a result is about the sending server’s certificate as "
        "checked by the receiving server.")),
  T ("verify.none", N_("Certificate check not recorded"),
     N_("The field says nothing about certificates; Exim, Microsoft Exchange and Gmail, among "
        "others, do not record it. No header ever records whether the sending server checked "
        "the receiving server’s certificate.")),

  /* ---------------------------------------------------------------------
   * Logins, vendors' signs of TLS, signs of a local hop
   * ------------------------------------------------------------------- */
  T ("auth.authenticated", N_("Logged in"),
     N_("The sender logged in to the receiving server (SMTP AUTH), with a password or similar. "
        "That is how a mail program or web mail hands a message to its own provider. Whether "
        "the login was protected depends on the TLS of this hop.")),
  T ("marker.starttls", N_("STARTTLS"),
     N_("Mimecast writes “with STARTTLS” when the connection was switched to TLS with the "
        "STARTTLS command.")),
  T ("marker.ironport", N_("IronPort TLS"),
     N_("Cisco’s mail gateway (IronPort) writes “ESMTP/TLS/” followed by the cipher suite when "
        "the connection used TLS.")),
  T ("marker.iis", N_("over TLS secured channel"),
     N_("The SMTP service of Microsoft IIS writes these words when the connection used TLS. It "
        "does not record the version or the cipher.")),
  T ("marker.microsoft-tls", N_("(TLS)"),
     N_("Older Microsoft Exchange servers write “(TLS)” when the connection used TLS, without "
        "the version or the cipher.")),
  T ("marker.google-transport-security", N_("Google Transport Security"),
     N_("Google writes this when the message moved between Google’s own servers over a "
        "connection protected by Google’s own transport encryption. It gives no TLS version "
        "or cipher.")),
  T ("marker.using-tls", N_("Using TLS"),
     N_("Mimecast (“Using TLS”) and some other servers (“TLS encrypted”) write this when the "
        "connection used TLS, without the version or the cipher.")),
  T ("marker.courier", N_("Courier TLS"),
     N_("Courier writes “TLS:” (or “SSL:”) followed by the version, the key bits and the "
        "cipher suite when the connection used TLS.")),
  T ("marker.qmail-tls", N_("encrypted"),
     N_("qmail with the TLS patch writes the cipher suite followed by “encrypted” when the "
        "connection used TLS.")),
  T ("local.userid", N_("From a local user"),
     N_("Postfix writes “from userid N” when a program on the same machine, run by the user "
        "with that number, handed the message in, for example a script or a web mail running "
        "on that server. This step did not cross a network.")),
  T ("local.pickup", N_("Postfix pickup"),
     N_("Postfix’s pickup service took the message from its local drop folder, where programs "
        "on the same machine put mail. This step did not cross a network.")),
  T ("local.qmail-invoked", N_("Handed to qmail locally"),
     N_("qmail writes “invoked by uid N” or “invoked by alias” when a program on the same "
        "machine handed the message to its queue. This step did not cross a network.")),
  T ("local.qmail-from-network", N_("qmail queue hand-off"),
     N_("qmail writes “invoked from network” when its SMTP service handed a message it had "
        "received to the queue on the same machine. The network connection itself is "
        "described in the field the SMTP service writes; this step did not leave the "
        "machine.")),
  T ("local.submit", N_("Local submission"),
     N_("Sendmail writes “(from user@host)” when a user or program on the same machine "
        "submitted the message with the sendmail command. This step did not cross a network.")),

  /* ---------------------------------------------------------------------
   * Kinds of token
   * ------------------------------------------------------------------- */
  T ("token.keyword", N_("Keyword"),
     N_("A word that starts a clause or names a detail, such as from, by, with, version= or "
        "cipher=.")),
  T ("token.helo", N_("Announced name"),
     N_("The name the client announced for itself; it can be anything.")),
  T ("token.rdns", N_("Name from DNS"),
     N_("The name the receiving server found for the client’s address in DNS.")),
  T ("token.ip", N_("IP address"),
     N_("An IP address: of the client, or of the receiving server.")),
  T ("token.port", N_("Port"), N_("The client’s network port.")),
  T ("token.by-host", N_("Receiving server"),
     N_("The name of the server that wrote this field.")),
  T ("token.software", N_("Software"),
     N_("The receiving server’s mail software, as it describes itself.")),
  T ("token.protocol", N_("Protocol"),
     N_("The protocol name after “with”, which can say whether TLS was used.")),
  T ("token.via", N_("Link"), N_("The kind of link after “via”.")),
  T ("token.id", N_("Queue ID"), N_("The receiving server’s reference for the message.")),
  T ("token.for", N_("Recipient"), N_("The address this hop delivered to.")),
  T ("token.envelope-from", N_("Envelope sender"), N_("The address bounces go to.")),
  T ("token.comment", N_("Comment"), N_("Text in parentheses.")),
  T ("token.tls-version", N_("TLS version"), N_("The protocol version of the connection.")),
  T ("token.tls-cipher", N_("Cipher suite"), N_("The cipher suite of the connection.")),
  T ("token.tls-bits", N_("Key bits"), N_("The size of the key that protected the data.")),
  T ("token.tls-verify", N_("Certificate check"),
     N_("The result of the receiving server’s check of the sending server’s certificate.")),
  T ("token.tls-key-exchange", N_("Key exchange"),
     N_("How the two servers agreed on the secret keys.")),
  T ("token.tls-signature", N_("Signature"),
     N_("How a side proved it holds its certificate’s key.")),
  T ("token.client-cert", N_("Client certificate"),
     N_("The certificate the sending server presented.")),
  T ("token.auth", N_("Login"), N_("A sign that the sender logged in.")),
  T ("token.vendor-marker", N_("Vendor’s sign of TLS"),
     N_("Words a particular mail server writes when the connection used TLS.")),
  T ("token.local-marker", N_("Sign of a local hop"),
     N_("Words that show the message was handed over on one machine.")),
  T ("token.date", N_("Date"), N_("When the receiving server accepted the message.")),

  /* ---------------------------------------------------------------------
   * TLS states of a hop
   * ------------------------------------------------------------------- */
  T ("state.encrypted", N_("Encrypted"),
     N_("The connection on this hop was protected by TLS. Someone listening on the network "
        "between the two servers could not read the message or change it unnoticed, as far "
        "as the TLS version and cipher hold up. Both servers could read it.")),
  T ("state.unencrypted", N_("Not encrypted"),
     N_("The connection on this hop was in clear text. Anyone who could watch the network "
        "between the two servers could read the message, with its attachments and addresses, "
        "and could have changed it.")),
  T ("state.local", N_("Local"),
     N_("The message was handed from one program to another on the same machine. It did not "
        "cross a network, so encryption does not matter here.")),
  T ("state.unknown", N_("Unknown"),
     N_("The field does not record whether this connection used TLS. That is not the same as "
        "no TLS: many servers simply do not write it down.")),

  /* ---------------------------------------------------------------------
   * Evidence: which rule decided the state
   * ------------------------------------------------------------------- */
  T ("evidence.none", N_("Nothing recorded"),
     N_("Nothing in the field says whether TLS was used: no TLS details, no standard protocol "
        "name, no vendor’s sign.")),
  T ("evidence.tls-clause", N_("TLS details recorded"),
     N_("The field records TLS details: a protocol version or a cipher suite. Servers write "
        "these only when the connection used TLS.")),
  T ("evidence.protocol", N_("Protocol name"),
     N_("The protocol name after “with” decided. By the standard names (RFC 3848), a name with "
        "an S, such as ESMTPS, means the connection used TLS, and a name without one, such as "
        "ESMTP, means it did not.")),
  T ("evidence.vendor-marker", N_("Vendor’s sign of TLS"),
     N_("Words a particular mail server writes when it used TLS, such as Microsoft’s “(TLS)” "
        "or Google’s “Google Transport Security”. They say TLS was used, often without the "
        "version or cipher.")),
  T ("evidence.loopback", N_("Loopback address"),
     N_("The client connected from the machine’s own loopback address (127.0.0.1, ::1 or "
        "localhost), so the connection never left the machine.")),
  T ("evidence.local-protocol", N_("Local protocol"),
     N_("The protocol name says the message was handed over on the machine itself, for "
        "example “local” or a Unix socket.")),
  T ("evidence.local-program", N_("Local program"),
     N_("The field names a program on the same machine as the source, such as Postfix’s "
        "“from userid” or qmail’s “invoked by”.")),
  T ("evidence.dialect", N_("Server that records TLS when it uses it"),
     N_("This kind of server (Microsoft Exchange) writes TLS details whenever it uses TLS and "
        "wrote none here, so Hoplock counts the connection as not encrypted.")),

  /* ---------------------------------------------------------------------
   * Kinds of hop
   * ------------------------------------------------------------------- */
  T ("kind.relay", N_("Server to server"),
     N_("One mail server passed the message to another, usually across the internet and "
        "between organisations.")),
  T ("kind.submission", N_("Submission"),
     N_("A mail program or web mail handed the message to its provider’s server after logging "
        "in. This is where the journey starts.")),
  T ("kind.internal", N_("Internal"),
     N_("A step inside one organisation or provider: between private network addresses or "
        "between servers of the same provider.")),
  T ("kind.local", N_("Local"),
     N_("A hand-off between programs on the same machine. Local hops are shown but not "
        "counted for the message.")),
  T ("kind.delivery", N_("Delivery"),
     N_("The last step: the message was put into the recipient’s mailbox store, with LMTP or "
        "a local delivery program.")),

  /* ---------------------------------------------------------------------
   * Verdicts over a message
   * ------------------------------------------------------------------- */
  T ("verdict.no-hops", N_("No network hops"),
     N_("The header records no step across a network, so there is nothing to say about "
        "encryption on the way. Drafts, sent copies and messages written on the same machine "
        "look like this.")),
  T ("verdict.all-encrypted", N_("All encrypted"),
     N_("Every network hop the header records was encrypted with TLS. That protects the "
        "message on the way between servers. It is not end-to-end encryption: every server "
        "along the way could read the message.")),
  T ("verdict.partly-encrypted", N_("Partly encrypted"),
     N_("Some hops were encrypted; others were not, or did not record it. A message is only as "
        "private as its weakest hop: anyone watching an unencrypted hop could read it there.")),
  T ("verdict.not-encrypted", N_("Not encrypted"),
     N_("No network hop recorded encryption, and at least one recorded clear text. The message "
        "crossed the network readable to anyone who could watch those connections.")),
  T ("verdict.unknown", N_("Unknown"),
     N_("No network hop recorded whether it used TLS. That is not the same as no TLS; the "
        "servers simply did not write it down.")),

  /* ---------------------------------------------------------------------
   * Ratings
   * ------------------------------------------------------------------- */
  T ("rating.none", N_("Not rated"),
     N_("No TLS version or cipher suite was recorded, so the protection cannot be rated.")),
  T ("rating.insecure", N_("Insecure"),
     N_("TLS was used, but with a protocol version or cipher that is broken: practical attacks "
        "are known. Treat the hop as offering little protection.")),
  T ("rating.weak", N_("Weak"),
     N_("The connection was encrypted, but with an outdated protocol version or cipher. That "
        "still keeps out casual eavesdroppers; the known attacks need a lot of effort or "
        "special conditions. It should be updated.")),
  T ("rating.acceptable", N_("Acceptable"),
     N_("The connection was encrypted with sound methods that fall short of today’s best "
        "practice (forward secrecy together with an authenticated cipher mode). No practical "
        "attack is known against up-to-date software.")),
  T ("rating.strong", N_("Strong"),
     N_("TLS 1.3, or TLS 1.2 with forward secrecy and an authenticated cipher mode. This is "
        "today’s best practice.")),

  /* ---------------------------------------------------------------------
   * Rating reasons: "reason." + the id hl_tls_rate() gives
   * ------------------------------------------------------------------- */
  T ("reason.version.sslv2", N_("SSL 2.0"),
     N_("SSL 2.0 is broken by design and has been forbidden since 2011 (RFC 6176).")),
  T ("reason.version.sslv3", N_("SSL 3.0"),
     N_("SSL 3.0 is broken (the POODLE attack) and has been forbidden since 2015 (RFC 7568).")),
  T ("reason.version.tls10", N_("TLS 1.0"),
     N_("TLS 1.0 is from 1999 and was retired in 2021 (RFC 8996). Its handshake relies on MD5 "
        "and SHA-1, and it is open to attacks such as BEAST on its CBC ciphers.")),
  T ("reason.version.tls11", N_("TLS 1.1"),
     N_("TLS 1.1 is from 2006 and was retired in 2021 together with TLS 1.0 (RFC 8996). Its "
        "handshake relies on MD5 and SHA-1, and it cannot use the modern authenticated "
        "ciphers.")),
  T ("reason.version.ambiguous", N_("Version not recorded exactly"),
     N_("The field names the cipher’s family (“TLSv1/SSLv3”), not the version used: anything "
        "from SSL 3.0 to TLS 1.2 is possible. Because SSL 3.0 and TLS 1.0 cannot be ruled "
        "out, Hoplock rates the hop as weak.")),
  T ("reason.cipher.null", N_("No encryption"),
     N_("A NULL cipher suite: the data was protected against changes but not encrypted at "
        "all. Anyone watching the network could read it.")),
  T ("reason.cipher.export", N_("Export-grade"),
     N_("An export suite from the 1990s, weakened on purpose to 40 or 56 bits of key for US "
        "export rules. Such keys can be broken quickly (the FREAK and Logjam attacks).")),
  T ("reason.cipher.anon", N_("Anonymous"),
     N_("An anonymous suite: the server did not prove who it is at all, so anyone able to "
        "intercept the connection could pretend to be it and read everything.")),
  T ("reason.cipher.rc4", N_("RC4"),
     N_("The RC4 cipher has biases that let an attacker recover data sent many times over; "
        "it has been forbidden in TLS since 2015 (RFC 7465).")),
  T ("reason.cipher.des", N_("Single DES"),
     N_("Single DES has a 56-bit key that can be found by trying every key; it was removed "
        "from TLS (RFC 5469).")),
  T ("reason.cipher.3des", N_("Triple-DES"),
     N_("Triple-DES encrypts in 64-bit blocks. After some tens of gigabytes on one "
        "connection, blocks start to repeat, which the Sweet32 attack (2016) uses to recover "
        "data. A mail connection rarely carries that much, but the cipher is outdated; its "
        "168-bit key also gives only about 112 bits of strength.")),
  T ("reason.cipher.idea", N_("IDEA"),
     N_("IDEA encrypts in 64-bit blocks, like Triple-DES (see Sweet32), and was removed from "
        "TLS 1.2 (RFC 5469).")),
  T ("reason.cipher.rc2", N_("RC2"),
     N_("RC2 is an old cipher with 64-bit blocks; TLS only used it in the weakened export "
        "suites.")),
  T ("reason.cipher.md5", N_("MD5"),
     N_("The data was protected against changes with HMAC-MD5. MD5 is broken as a hash "
        "(RFC 6151); HMAC-MD5 has no practical attack, but it is obsolete.")),
  T ("reason.cipher.cbc", N_("CBC mode"),
     N_("The cipher runs in CBC mode with a separate MAC. That construction has been the "
        "target of several attacks (Lucky Thirteen and other padding attacks); current "
        "software defends against them, but the authenticated modes (GCM, "
        "ChaCha20-Poly1305) avoid the problem by design.")),
  T ("reason.cipher.unknown", N_("Cipher not recorded"),
     N_("The field records TLS 1.2 but no cipher suite Hoplock knows. TLS 1.2 can be used with "
        "good or with poor ciphers, so Hoplock cannot rate it better than acceptable.")),
  T ("reason.kx.static-rsa-cbc", N_("RSA key exchange with CBC"),
     N_("The secret keys were sent encrypted with the server’s RSA key (RSA key transport), "
        "so there is no forward secrecy: whoever gets that key later can decrypt recorded "
        "traffic. RSA key transport has also been hit again and again by Bleichenbacher-style "
        "attacks (ROBOT), and CBC mode adds padding attacks.")),
  T ("reason.kx.static-cbc", N_("Fixed key exchange with CBC"),
     N_("The secret keys came from a fixed (static) Diffie-Hellman or pre-shared key rather "
        "than fresh keys for each connection, so there is no forward secrecy, and the cipher "
        "runs in CBC mode.")),
  T ("reason.kx.no-forward-secrecy", N_("No forward secrecy"),
     N_("The secret keys depend on a long-term key (the server’s RSA key, a static "
        "Diffie-Hellman key or a pre-shared key) rather than fresh keys for each connection. "
        "Whoever obtains that key later, by theft or by legal order, can decrypt recorded "
        "traffic of this connection.")),

  /* ---------------------------------------------------------------------
   * Protocol versions
   * ------------------------------------------------------------------- */
  T ("version.ssl2", N_("SSL 2.0"),
     N_("From 1995. Broken by design and forbidden since 2011 (RFC 6176).")),
  T ("version.ssl3", N_("SSL 3.0"),
     N_("From 1996. Broken by the POODLE attack and forbidden since 2015 (RFC 7568).")),
  T ("version.tls10", N_("TLS 1.0"),
     N_("From 1999. Retired in 2021 (RFC 8996): weak, though still far better than no "
        "encryption.")),
  T ("version.tls11", N_("TLS 1.1"),
     N_("From 2006. Retired in 2021 (RFC 8996): weak, though still far better than no "
        "encryption.")),
  T ("version.tls12", N_("TLS 1.2"),
     N_("From 2008 and still current. It is as good as the cipher suite used with it: strong "
        "with forward secrecy and an authenticated cipher, such as ECDHE with AES-GCM.")),
  T ("version.tls13", N_("TLS 1.3"),
     N_("From 2018 (RFC 8446), the current version. It only offers modern ciphers, and every "
        "full handshake makes fresh keys that are thrown away afterwards (forward "
        "secrecy).")),
  T ("version.unknown", N_("Version unknown"),
     N_("The field does not record the TLS version, or records it in a way Hoplock does not "
        "know.")),

  /* ---------------------------------------------------------------------
   * The parts of a cipher suite
   * ------------------------------------------------------------------- */
  T ("cipher.kx.rsa", N_("RSA key transport"),
     N_("The client made up the secret and sent it encrypted with the server’s RSA key. No "
        "forward secrecy: whoever gets the server’s private key later can decrypt recorded "
        "connections.")),
  T ("cipher.kx.dhe", N_("Ephemeral Diffie-Hellman (DHE)"),
     N_("Both sides made fresh Diffie-Hellman keys for this connection only and agreed on a "
        "secret without ever sending it. The keys are thrown away afterwards, which gives "
        "forward secrecy: not even the server’s private key can decrypt a recorded "
        "connection later. Older OpenSSL names call it EDH. Its strength depends on the size "
        "of the group; 2048 bits or more is expected today.")),
  T ("cipher.kx.ecdhe", N_("Ephemeral elliptic-curve Diffie-Hellman (ECDHE)"),
     N_("Like ephemeral Diffie-Hellman, but on an elliptic curve such as X25519 or P-256: "
        "fresh keys for each connection, thrown away afterwards, which gives forward secrecy. "
        "The usual key exchange today.")),
  T ("cipher.kx.dh", N_("Static Diffie-Hellman"),
     N_("Diffie-Hellman with a fixed key from the server’s certificate. No forward secrecy. "
        "Rarely used.")),
  T ("cipher.kx.ecdh", N_("Static elliptic-curve Diffie-Hellman"),
     N_("Elliptic-curve Diffie-Hellman with a fixed key from the server’s certificate. No "
        "forward secrecy. Rarely used.")),
  T ("cipher.kx.dh-anon", N_("Anonymous Diffie-Hellman"),
     N_("Fresh Diffie-Hellman keys, but no certificate: the server does not prove who it is, "
        "so anyone able to intercept the connection could pretend to be it.")),
  T ("cipher.kx.ecdh-anon", N_("Anonymous elliptic-curve Diffie-Hellman"),
     N_("Fresh elliptic-curve Diffie-Hellman keys, but no certificate: the server does not "
        "prove who it is, so anyone able to intercept the connection could pretend to be "
        "it.")),
  T ("cipher.kx.psk", N_("Pre-shared key"),
     N_("Both sides use a secret key set up in advance instead of certificates. No forward "
        "secrecy: whoever learns that key can decrypt recorded traffic. Rare in mail.")),
  T ("cipher.kx.dhe-psk", N_("Pre-shared key with DHE"),
     N_("A secret key set up in advance, combined with fresh Diffie-Hellman keys for each "
        "connection, which gives forward secrecy. Rare in mail.")),
  T ("cipher.kx.ecdhe-psk", N_("Pre-shared key with ECDHE"),
     N_("A secret key set up in advance, combined with fresh elliptic-curve Diffie-Hellman "
        "keys for each connection, which gives forward secrecy. Rare in mail.")),
  T ("cipher.kx.rsa-psk", N_("Pre-shared key with RSA"),
     N_("A secret key set up in advance, combined with RSA key transport. No forward secrecy. "
        "Rare in mail.")),
  T ("cipher.kx.srp", N_("SRP"),
     N_("Secure Remote Password: both sides prove they know a password without sending it, "
        "and make fresh keys for the connection. Rare in mail.")),
  T ("cipher.kx.gost", N_("GOST"),
     N_("Key agreement by the Russian GOST standards. Rare in mail.")),
  T ("cipher.kx.krb5", N_("Kerberos"),
     N_("The keys came from a Kerberos ticket, as in some old company networks. No "
        "certificates. Obsolete.")),
  T ("cipher.kx.any", N_("Not in the name (TLS 1.3)"),
     N_("TLS 1.3 agrees on the key exchange separately from the suite, and for a full "
        "handshake always uses fresh (EC)DHE keys, which gives forward secrecy. Some servers "
        "record the group, such as X25519, separately.")),
  T ("cipher.auth.rsa", N_("RSA certificate"),
     N_("The server proved who it is with an RSA key and its certificate.")),
  T ("cipher.auth.dss", N_("DSA certificate"),
     N_("The server proved who it is with a DSA (DSS) key and its certificate. DSA is "
        "outdated; TLS 1.3 dropped it.")),
  T ("cipher.auth.ecdsa", N_("ECDSA certificate"),
     N_("The server proved who it is with an elliptic-curve (ECDSA) key and its certificate.")),
  T ("cipher.auth.psk", N_("Pre-shared key"),
     N_("No certificate: both sides proved they know a secret key set up in advance.")),
  T ("cipher.auth.srp", N_("Password (SRP)"),
     N_("No certificate: both sides proved they know a password.")),
  T ("cipher.auth.gost", N_("GOST signature"),
     N_("The server proved who it is with a key by the Russian GOST standards.")),
  T ("cipher.auth.krb5", N_("Kerberos"),
     N_("No certificate: a Kerberos ticket vouched for both sides.")),
  T ("cipher.auth.anon", N_("None (anonymous)"),
     N_("The server did not prove who it is. Anyone able to intercept the connection could "
        "pretend to be the server.")),
  T ("cipher.auth.any", N_("Not in the name (TLS 1.3)"),
     N_("TLS 1.3 suites do not name how the server proves who it is; that is agreed "
        "separately (an RSA-PSS, ECDSA or EdDSA signature with its certificate’s key).")),
  T ("cipher.enc.aes", N_("AES"),
     N_("The Advanced Encryption Standard, the most used and best studied cipher today. Both "
        "128-bit and 256-bit keys are secure.")),
  T ("cipher.enc.camellia", N_("Camellia"),
     N_("A Japanese cipher of about the same strength as AES; sound, but rarely used.")),
  T ("cipher.enc.aria", N_("ARIA"),
     N_("A Korean cipher of about the same strength as AES; sound, but rarely used.")),
  T ("cipher.enc.chacha20", N_("ChaCha20"),
     N_("A modern stream cipher with a 256-bit key, used together with the Poly1305 "
        "authenticator. Secure, and fast on devices without AES hardware.")),
  T ("cipher.enc.3des", N_("Triple-DES"),
     N_("The old DES cipher applied three times, with a 168-bit key that gives only about "
        "112 bits of strength. Its 64-bit block is too small today: after some tens of "
        "gigabytes on one connection, blocks repeat, which the Sweet32 attack uses. "
        "Outdated.")),
  T ("cipher.enc.des", N_("DES"),
     N_("The Data Encryption Standard from the 1970s, with a 56-bit key that can be found by "
        "trying every key. Broken.")),
  T ("cipher.enc.rc4", N_("RC4"),
     N_("A stream cipher with known biases, forbidden in TLS since 2015 (RFC 7465). Broken.")),
  T ("cipher.enc.rc2", N_("RC2"),
     N_("An old cipher with 64-bit blocks; TLS only used it in weakened export suites. "
        "Broken in that use.")),
  T ("cipher.enc.idea", N_("IDEA"),
     N_("A 1990s cipher with 64-bit blocks, removed from TLS 1.2. Outdated.")),
  T ("cipher.enc.seed", N_("SEED"),
     N_("A Korean cipher with 128-bit keys and blocks; not broken, but rarely used.")),
  T ("cipher.enc.gost28147", N_("GOST 28147-89"),
     N_("The Soviet and Russian standard cipher (Magma), with 64-bit blocks. Rare in mail.")),
  T ("cipher.enc.null", N_("No encryption"),
     N_("NULL: the data was not encrypted at all, only protected against changes. Anyone "
        "watching the network could read it.")),
  T ("cipher.mode.cbc", N_("CBC mode"),
     N_("Cipher block chaining, with a separate MAC against changes. It works, but it has "
        "been the root of several attacks (BEAST, Lucky Thirteen, padding attacks); modern "
        "suites use an authenticated mode instead.")),
  T ("cipher.mode.gcm", N_("GCM"),
     N_("Galois/Counter Mode, an authenticated mode (AEAD): encryption and protection against "
        "changes in one step. Today’s standard.")),
  T ("cipher.mode.ccm", N_("CCM"),
     N_("Counter with CBC-MAC, an authenticated mode (AEAD): encryption and protection "
        "against changes in one step. Sound; mostly used by small devices.")),
  T ("cipher.mode.ccm-8", N_("CCM with a short tag"),
     N_("CCM with its check value cut to 8 bytes, meant for small devices. Sound, with a "
        "smaller margin.")),
  T ("cipher.mode.poly1305", N_("Poly1305"),
     N_("The authenticator that goes with ChaCha20, making an authenticated mode (AEAD): "
        "encryption and protection against changes in one step.")),
  T ("cipher.mode.cnt", N_("Counter mode (GOST)"),
     N_("The counter mode of the GOST cipher, with a separate GOST MAC.")),
  T ("cipher.mode.stream", N_("Stream cipher"),
     N_("RC4 is a stream cipher, so it has no block mode.")),
  T ("cipher.mode.none", N_("None"),
     N_("There is no encryption mode, because nothing is encrypted.")),
  T ("cipher.mac.sha1", N_("HMAC with SHA-1"),
     N_("The data was protected against changes with HMAC over SHA-1. SHA-1 is broken for "
        "signatures, but HMAC with SHA-1 is still considered safe for this; it is old, and "
        "modern suites use an authenticated mode instead.")),
  T ("cipher.mac.sha256", N_("HMAC with SHA-256"),
     N_("The data was protected against changes with HMAC over SHA-256. Secure.")),
  T ("cipher.mac.sha384", N_("HMAC with SHA-384"),
     N_("The data was protected against changes with HMAC over SHA-384. Secure.")),
  T ("cipher.mac.sha512", N_("HMAC with SHA-512"),
     N_("The data was protected against changes with HMAC over SHA-512. Secure.")),
  T ("cipher.mac.md5", N_("HMAC with MD5"),
     N_("The data was protected against changes with HMAC over MD5. MD5 is broken as a hash; "
        "HMAC-MD5 has no practical attack, but it is obsolete.")),
  T ("cipher.mac.gost28147-imit", N_("GOST 28147-89 MAC"),
     N_("The GOST cipher’s own check value against changes.")),
  T ("cipher.mac.aead", N_("Built into the mode (AEAD)"),
     N_("The authenticated mode protects the data against changes itself; there is no "
        "separate MAC. The hash in the suite’s name, such as SHA256, is used to derive keys, "
        "not as a MAC.")),
  T ("cipher.fs.yes", N_("Forward secrecy"),
     N_("Yes. The keys of this connection were made fresh and thrown away afterwards. Someone "
        "who recorded the traffic cannot decrypt it later, not even with the server’s private "
        "key.")),
  T ("cipher.fs.no", N_("No forward secrecy"),
     N_("No. The keys depend on a long-term key; whoever gets that key later can decrypt "
        "recorded traffic.")),

  /* ---------------------------------------------------------------------
   * What an administrator can do. Setting names are not translated.
   * ------------------------------------------------------------------- */
  /* TRANSLATORS: the admin.* texts quote configuration settings (smtpd_tls_security_level,
   * confSERVER_CERT, hosts_require_tls, Set-ReceiveConnector …); keep those untranslated. */
  T ("admin.enable.postfix", N_("Postfix"),
     N_("For mail it receives: smtpd_tls_security_level = may, with smtpd_tls_chain_files (or "
        "smtpd_tls_cert_file and smtpd_tls_key_file) naming the certificate. For mail it "
        "sends: smtp_tls_security_level = may.")),
  T ("admin.enable.sendmail", N_("Sendmail"),
     N_("Build it with STARTTLS support and set confSERVER_CERT, confSERVER_KEY, "
        "confCLIENT_CERT, confCLIENT_KEY and confCACERT_PATH in sendmail.mc; it then offers "
        "and uses STARTTLS in both directions.")),
  T ("admin.enable.exim", N_("Exim"),
     N_("Set tls_certificate and tls_privatekey, and keep tls_advertise_hosts = * (the "
        "default since Exim 4.92). The smtp transport already uses TLS when the other side "
        "offers it (hosts_try_tls = *).")),
  T ("admin.enable.exchange", N_("Microsoft Exchange"),
     N_("On Exchange Server, assign a certificate to the SMTP service "
        "(Enable-ExchangeCertificate -Services SMTP); receive connectors then offer TLS, and "
        "send connectors use it when offered. Exchange Online offers and uses TLS by "
        "default.")),
  T ("admin.record.postfix", N_("Postfix"),
     N_("smtpd_tls_received_header = yes writes the version, the cipher and the client "
        "certificate check into the Received field; it is off by default.")),
  T ("admin.record.sendmail", N_("Sendmail"),
     N_("The standard Received field records version, cipher, bits and verify; check that a "
        "custom confRECEIVED_HEADER has not removed them.")),
  T ("admin.record.exim", N_("Exim"),
     N_("The default received_header_text records the TLS version and cipher; a customised "
        "one should keep $tls_in_ver and $tls_in_cipher_std (Exim 4.93 and later) or "
        "$tls_in_cipher.")),
  T ("admin.record.exchange", N_("Microsoft Exchange"),
     N_("Exchange writes TLS into its Received fields by itself; there is nothing to set.")),
  T ("admin.harden.postfix", N_("Postfix"),
     N_("The versions and ciphers are set with smtpd_tls_protocols and smtp_tls_protocols "
        "(for example >=TLSv1.2 in Postfix 3.6 and later) and smtpd_tls_ciphers and "
        "smtp_tls_ciphers; with a current OpenSSL the defaults already prefer TLS 1.3 and "
        "1.2.")),
  T ("admin.harden.sendmail", N_("Sendmail"),
     N_("The versions are set with confSERVER_SSL_OPTIONS and confCLIENT_SSL_OPTIONS (for "
        "example +SSL_OP_NO_SSLv3 +SSL_OP_NO_TLSv1 +SSL_OP_NO_TLSv1_1) and the ciphers with "
        "confCIPHER_LIST. Built with an OpenSSL older than 1.0.1, no setting gives TLS 1.2 "
        "or 1.3; only an update helps there.")),
  T ("admin.harden.exim", N_("Exim"),
     N_("The ciphers and versions are set with tls_require_ciphers (a GnuTLS priority string "
        "or an OpenSSL cipher list), for sending also on the smtp transport, and, with "
        "OpenSSL, openssl_options (for example +no_tlsv1 +no_tlsv1_1).")),
  T ("admin.harden.exchange", N_("Microsoft Exchange"),
     N_("Windows sets the versions and ciphers through Schannel; Microsoft’s TLS guidance for "
        "Exchange Server describes how to turn off TLS 1.0 and 1.1.")),
  T ("admin.require.postfix", N_("Postfix"),
     N_("smtp_tls_security_level = dane (with a DNSSEC-validating resolver and "
        "smtp_dns_support_level = dnssec) uses DANE wherever the receiver publishes it; "
        "smtp_tls_policy_maps can require TLS (encrypt, secure) for chosen domains; MTA-STS "
        "needs a helper such as postfix-mta-sts-resolver. smtpd_tls_security_level = encrypt "
        "requires TLS for mail received, but a public MX must not require it (RFC 3207).")),
  T ("admin.require.sendmail", N_("Sendmail"),
     N_("Access map entries such as “TLS_Srv:example.net ENCR:128” (sending) and "
        "“TLS_Clt:host.example.net ENCR:128” (receiving) require encryption for those peers; "
        "Sendmail 8.16 and later can check DANE records when built with DANE support.")),
  T ("admin.require.exim", N_("Exim"),
     N_("On the smtp transport, hosts_require_tls requires TLS for chosen hosts, and "
        "hosts_try_dane or hosts_require_dane, with dnssec_request_domains on the dnslookup "
        "router, use DANE. For mail received, an ACL statement such as “deny !encrypted = *” "
        "for chosen hosts requires TLS. MTA-STS needs an external lookup.")),
  T ("admin.require.exchange", N_("Microsoft Exchange"),
     N_("On Exchange Server, RequireTLS on a send or receive connector (Set-SendConnector or "
        "Set-ReceiveConnector -RequireTLS $true), with TlsAuthLevel and TlsDomain to check "
        "the certificate. In Exchange Online, a connector that always uses TLS (TlsSettings); "
        "Exchange Online also honours the MTA-STS and DANE policies of the domains it sends "
        "to.")),
  T ("admin.submission", N_("Mail programs"),
     N_("Let mail programs submit only over TLS: port 465 with TLS from the start, or port "
        "587 with STARTTLS required (RFC 8314), and refuse logins without TLS. Postfix: "
        "smtpd_tls_auth_only = yes. Sendmail: the p flag in confAUTH_OPTIONS. Exim: offer "
        "authentication only after TLS (auth_advertise_hosts with a condition on "
        "$tls_in_cipher). Exchange: keep BasicAuthRequireTLS on the client receive "
        "connector.")),
  T ("admin.mta-sts-dane", N_("MTA-STS and DANE"),
     N_("Encryption between mail servers is opportunistic: if TLS fails or someone on the path "
        "strips it, the sender falls back to clear text without telling anyone. A domain can "
        "ask senders to insist on TLS with a valid certificate for its mail servers: with "
        "MTA-STS (RFC 8461; for example.org, a TXT record at _mta-sts.example.org and a "
        "policy at https://mta-sts.example.org/.well-known/mta-sts.txt with “mode: enforce”) "
        "and, where its DNS is signed with DNSSEC, with DANE (RFC 7672: TLSA records for each "
        "MX host). TLS reporting (RFC 8460, a TXT record at _smtp._tls.example.org) tells the "
        "domain when deliveries fail. Only senders that support them follow these "
        "policies.")),
};

const guint hl_explain_n_texts = G_N_ELEMENTS (hl_explain_texts);

const char *const hl_explain_parser_ids[] = {
  /* hl-clauses.c: keywords[] */
  "clause.from", "clause.by", "clause.via", "clause.with", "clause.id", "clause.for",
  "clause.envelope-from",
  /* hl-clauses.c: values and the from clause */
  "from.helo", "from.rdns", "from.ip", "from.port", "from.helo-key", "by.host", "by.software",
  "value.id", "value.for", "value.via", "value.envelope-from", "comment", "comment.untrusted",
  "date",
  /* hl-clauses.c: protocol_explain() */
  "with.smtp", "with.esmtp", "with.esmtpa", "with.esmtps", "with.esmtpsa", "with.lmtp",
  "with.lmtpa", "with.lmtps", "with.lmtpsa", "with.utf8smtp", "with.utf8smtpa",
  "with.utf8smtps", "with.utf8smtpsa", "with.utf8lmtp", "with.utf8lmtpa", "with.utf8lmtps",
  "with.utf8lmtpsa", "with.smtps", "with.http", "with.https", "with.imaps", "with.local",
  "with.mapi", "with.microsoft", "with.qmqp", "with.other",
  /* hl-clauses.c and hl-comments.c: TLS */
  "tls.version", "tls.version.ambiguous", "tls.cipher", "tls.bits", "tls.key", "tls.using",
  "tls.exim-tls", "tls.key-exchange", "tls.signature", "tls.digest", "tls.client-cert",
  /* hl-comments.c: verify_words[] and recognise_client_cert() */
  "verify.verified", "verify.failed", "verify.no-certificate", "verify.not-requested",
  "verify.no-tls", "verify.error", "verify.unknown",
  /* hl-comments.c: the other recognisers */
  "auth.authenticated", "by.ip",
  "marker.starttls", "marker.ironport", "marker.iis", "marker.microsoft-tls",
  "marker.google-transport-security", "marker.using-tls", "marker.courier", "marker.qmail-tls",
  "local.userid", "local.pickup", "local.qmail-invoked", "local.qmail-from-network",
  "local.submit",
};

const guint hl_explain_n_parser_ids = G_N_ELEMENTS (hl_explain_parser_ids);

const HlExplainVerifyWord hl_explain_verify_words[] = {
  { "OK", HL_VERIFY_VERIFIED, "Sendmail" },
  { "TRUSTED", HL_VERIFY_VERIFIED, "Sendmail" },
  { "YES", HL_VERIFY_VERIFIED, "OpenSMTPD" },
  { "verified OK", HL_VERIFY_VERIFIED, "Postfix" },
  { "FAIL", HL_VERIFY_FAILED, "Sendmail, OpenSMTPD" },
  { "DANE_FAIL", HL_VERIFY_FAILED, "Sendmail" },
  { "not verified", HL_VERIFY_FAILED, "Postfix" },
  { "NO", HL_VERIFY_NO_CERTIFICATE, "Sendmail, OpenSMTPD" },
  { "Client did not present a certificate", HL_VERIFY_NO_CERTIFICATE, "Postfix" },
  { "NOT", HL_VERIFY_NOT_REQUESTED, "Sendmail" },
  { "No client certificate requested", HL_VERIFY_NOT_REQUESTED, "Postfix" },
  { "NONE", HL_VERIFY_NO_TLS, "Sendmail" },
  { "CLEAR", HL_VERIFY_NO_TLS, "Sendmail" },
  { "TEMP", HL_VERIFY_ERROR, "Sendmail" },
  { "PROTOCOL", HL_VERIFY_ERROR, "Sendmail" },
  { "CONFIG", HL_VERIFY_ERROR, "Sendmail" },
  { "SOFTWARE", HL_VERIFY_ERROR, "Sendmail" },
};

const guint hl_explain_n_verify_words = G_N_ELEMENTS (hl_explain_verify_words);
