/* bench-messages.c: realistic messages for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bench-messages.h"

static const char * const day_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const int zones[] = { 0, 0, 60, 120, -300, -240, -420, -480, 330, 540, 600 };
static const char * const domains[] = {
  "example.com", "example.net", "example.org", "mail.example", "corp.example.com",
  "lists.example.org", "isp.example.net", "university.example.edu", "shop.example",
  "bank.example.co.uk", "newsletter.example.de",
};
static const char * const host_prefixes[] = {
  "mx", "mail", "smtp", "relay", "out", "mta", "in", "edge", "gw", "mailout", "filter",
};
static const char * const given_names[] = {
  "Alice", "Bob", "Carol", "Dmitri", "Eve", "Farid", "Grace", "Hiro", "Ines", "Jonas",
};
static const char * const family_names[] = {
  "Martin", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Weber",
};
static const char * const words[] = {
  "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be",
  "by", "on", "not", "he", "this", "are", "or", "his", "at", "which", "but", "have",
  "report", "meeting", "quarterly", "invoice", "attached", "please", "review", "thanks",
  "schedule", "update", "server", "release", "customer", "order", "shipment", "project",
  "deadline", "draft", "numbers", "budget", "team", "weekend", "tomorrow", "question",
  "regards", "changes", "version", "document", "minutes", "follow", "up", "agenda",
};

static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
static const char upper_hex[] = "0123456789ABCDEF";
static const char lower_alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
static const char base64_chars[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

#define PICK(r, array) ((array)[g_rand_int_range ((r), 0, G_N_ELEMENTS (array))])


static void
append_random (GString    *out,
               GRand      *rand,
               const char *alphabet,
               guint       n)
{
  gsize size = strlen (alphabet);

  for (guint i = 0; i < n; i++)
    g_string_append_c (out, alphabet[g_rand_int_range (rand, 0, size)]);
}

static void
append_date (GString *out,
             gint64   unix_time,
             int      zone,
             gboolean with_weekday)
{
  GDateTime *dt = g_date_time_new_from_unix_utc (unix_time + zone * 60);
  int off = ABS (zone);

  if (with_weekday)
    g_string_append_printf (out, "%s, ", day_names[g_date_time_get_day_of_week (dt) - 1]);
  g_string_append_printf (out, "%d %s %d %02d:%02d:%02d %c%02d%02d",
                          g_date_time_get_day_of_month (dt),
                          month_names[g_date_time_get_month (dt) - 1],
                          g_date_time_get_year (dt),
                          g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt),
                          g_date_time_get_second (dt),
                          zone < 0 ? '-' : '+', off / 60, off % 60);
  g_date_time_unref (dt);
}

static void
random_host (GRand *rand,
             char  *buf,
             gsize  size)
{
  g_snprintf (buf, size, "%s%d.%s", PICK (rand, host_prefixes),
              g_rand_int_range (rand, 1, 40), PICK (rand, domains));
}

static void
random_ip (GRand *rand,
           char  *buf,
           gsize  size)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      g_snprintf (buf, size, "2001:db8:%x:%x::%x", g_rand_int_range (rand, 0, 0xffff),
                  g_rand_int_range (rand, 0, 0xffff), g_rand_int_range (rand, 1, 0xffff));
      break;
    case 1:
      g_snprintf (buf, size, "10.%d.%d.%d", g_rand_int_range (rand, 0, 256),
                  g_rand_int_range (rand, 0, 256), g_rand_int_range (rand, 1, 255));
      break;
    default:
      g_snprintf (buf, size, "%d.%d.%d.%d", PICK (rand, ((const int[]) { 192, 198, 203, 209, 40 })),
                  g_rand_int_range (rand, 0, 256), g_rand_int_range (rand, 0, 256),
                  g_rand_int_range (rand, 1, 255));
      break;
    }
}

static void
random_address (GRand *rand,
                char  *buf,
                gsize  size)
{
  g_snprintf (buf, size, "%s.%s%d@%s",
              PICK (rand, given_names), PICK (rand, family_names),
              g_rand_int_range (rand, 1, 100), PICK (rand, domains));
  for (char *p = buf; *p != '\0' && *p != '@'; p++)
    *p = g_ascii_tolower (*p);
}

/* Microsoft's own names: AM6PR04MB5432.eurprd04.prod.outlook.com */
static void
append_outlook_host (GString *out,
                     GRand   *rand)
{
  static const char * const regions[] = { "AM6", "DB8", "VI1", "PA4", "BY5", "CH2", "SN6" };

  g_string_append_printf (out, "%sPR%02dMB%04d.%s%02d.prod.outlook.com", PICK (rand, regions),
                          g_rand_int_range (rand, 1, 20), g_rand_int_range (rand, 1000, 9999),
                          PICK (rand, ((const char * const[]) { "eurprd", "namprd", "apcprd" })),
                          g_rand_int_range (rand, 1, 20));
}

static void
append_outlook_ip (GString *out,
                   GRand   *rand)
{
  g_string_append_printf (out, "2603:10a6:%x:%x::%x", g_rand_int_range (rand, 1, 0xfff),
                          g_rand_int_range (rand, 1, 0xff), g_rand_int_range (rand, 1, 0xff));
}

/* Postfix --------------------------------------------------------------- */

static void
hop_postfix_esmtps (BenchChain *c,
                    guint  i)
{
  static const char * const tls[] = {
    "(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
    "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n",
    "(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)\n"
    "\t key-exchange X25519 server-signature ECDSA (P-256) server-digest SHA256)\n",
    "(using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))\n",
    "(using TLSv1 with cipher ECDHE-RSA-AES256-SHA (256/256 bits))\n",
  };

  g_string_append_printf (c->out, "from %s (%s [%s])\n\t%s", c->host[i], c->host[i], c->ip[i],
                          PICK (c->rand, tls));
  g_string_append (c->out, PICK (c->rand, ((const char * const[]) {
    "\t(No client certificate requested)\n",
    "\t(Client did not present a certificate)\n",
    "\t(Client CN \"relay.example.net\", Issuer \"R3\" (verified OK))\n",
  })));
  g_string_append_printf (c->out, "\tby %s (Postfix) with ESMTPS id ", c->host[i + 1]);
  append_random (c->out, c->rand, upper_hex, 10);
  g_string_append_printf (c->out, "\n\tfor <%s>; ", c->recipient);
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
  g_string_append (c->out, " (UTC)");
}

static void
hop_postfix_esmtp (BenchChain *c,
                   guint  i)
{
  g_string_append_printf (c->out, "from %s (%s [%s])\n\tby %s (Postfix) with ESMTP id ",
                          c->host[i], g_rand_boolean (c->rand) ? c->host[i] : "unknown",
                          c->ip[i], c->host[i + 1]);
  append_random (c->out, c->rand, upper_hex, 11);
  g_string_append_printf (c->out, "\n\tfor <%s>; ", c->recipient);
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

static void
hop_postfix_esmtpsa (BenchChain *c,
                     guint  i)
{
  g_string_append_printf (c->out,
                          "from [192.168.1.%d] (dynamic-%d.isp.example.net [%s])\n"
                          "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\n"
                          "\t(No client certificate requested)\n"
                          "\t(Authenticated sender: %s)\n"
                          "\tby %s (Postfix) with ESMTPSA id ",
                          g_rand_int_range (c->rand, 2, 250), g_rand_int_range (c->rand, 1, 9999),
                          c->ip[i], c->sender, c->host[i + 1]);
  append_random (c->out, c->rand, upper_hex, 10);
  g_string_append (c->out, ";\n\t");
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
  g_string_append (c->out, " (CET)");
}

static void
hop_postfix_local (BenchChain *c,
                   guint  i)
{
  g_string_append_printf (c->out, "by %s (Postfix, from userid %d)\n\tid ", c->host[i + 1],
                          g_rand_int_range (c->rand, 0, 2000));
  append_random (c->out, c->rand, upper_hex, 10);
  g_string_append (c->out, "; ");
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
  g_string_append (c->out, " (UTC)");
}

static void
hop_postfix_lmtp (BenchChain *c,
                  guint  i)
{
  g_string_append_printf (c->out,
                          "from %s (%s [%s])\n\tby mailbox%d.%s (Postfix) with LMTP id ",
                          c->host[i], c->host[i], c->ip[i], g_rand_int_range (c->rand, 1, 9),
                          PICK (c->rand, domains));
  append_random (c->out, c->rand, upper_hex, 12);
  g_string_append_printf (c->out, "\n\tfor <%s>; ", c->recipient);
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

/* Exim ------------------------------------------------------------------ */

static void
append_exim_id (BenchChain *c)
{
  append_random (c->out, c->rand, alnum, 6);
  g_string_append_c (c->out, '-');
  append_random (c->out, c->rand, alnum, 6);
  g_string_append_c (c->out, '-');
  append_random (c->out, c->rand, alnum, 2);
}

static void
hop_exim_tls13 (BenchChain *c,
                guint  i)
{
  g_string_append_printf (c->out,
                          "from %s ([%s] helo=%s)\n"
                          "\tby %s with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384\n"
                          "\t(Exim 4.96)\n"
                          "\t(envelope-from <%s>)\n"
                          "\tid ",
                          c->host[i], c->ip[i], c->host[i], c->host[i + 1], c->sender);
  append_exim_id (c);
  g_string_append_printf (c->out, "\n\tfor %s; ", c->recipient);
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

static void
hop_exim_tls12 (BenchChain *c,
                guint  i)
{
  g_string_append_printf (c->out,
                          "from [%s] (helo=%s)\n"
                          "\tby %s with esmtps (TLSv1.2:ECDHE-RSA-AES128-GCM-SHA256:128)\n"
                          "\t(Exim 4.92)\n"
                          "\t(envelope-from <%s>)\n"
                          "\tid ",
                          c->ip[i], c->host[i], c->host[i + 1], c->sender);
  append_exim_id (c);
  g_string_append (c->out, "; ");
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

static void
hop_exim_plain (BenchChain *c,
                guint  i)
{
  g_string_append_printf (c->out,
                          "from %s ([%s]:%d)\n"
                          "\tby %s with esmtp (Exim 4.94.2)\n"
                          "\t(envelope-from <%s>)\n"
                          "\tid ",
                          c->host[i], c->ip[i], g_rand_int_range (c->rand, 1024, 65535),
                          c->host[i + 1], c->sender);
  append_exim_id (c);
  g_string_append_printf (c->out, "\n\tfor %s; ", c->recipient);
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

static void
hop_exim_local (BenchChain *c,
                guint  i)
{
  g_string_append_printf (c->out, "from www-data by %s with local (Exim 4.96)\n"
                          "\t(envelope-from <%s>)\n\tid ", c->host[i + 1], c->sender);
  append_exim_id (c);
  g_string_append (c->out, "; ");
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

/* Sendmail -------------------------------------------------------------- */

static void
hop_sendmail_tls (BenchChain *c,
                  guint  i)
{
  g_string_append_printf (c->out,
                          "from %s (%s [%s])\n\tby %s (8.15.2/8.15.2) with ESMTPS id ",
                          c->host[i], c->host[i], c->ip[i], c->host[i + 1]);
  append_random (c->out, c->rand, alnum, 14);
  g_string_append (c->out, PICK (c->rand, ((const char * const[]) {
    "\n\t(version=TLSv1.2 cipher=ECDHE-RSA-AES256-GCM-SHA384 bits=256 verify=NOT)",
    "\n\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=OK)",
    "\n\t(version=TLSv1/SSLv3 cipher=DHE-RSA-AES256-SHA bits=256 verify=NO)",
  })));
  g_string_append_printf (c->out, "\n\tfor <%s>; ", c->recipient);
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
  g_string_append (c->out, " (GMT)");
}

static void
hop_sendmail_forged (BenchChain *c,
                     guint  i)
{
  g_string_append_printf (c->out,
                          "from %s (%s [%s] (may be forged))\n"
                          "\tby %s (8.14.4/8.14.4) with ESMTP id ",
                          c->host[i], c->host[i], c->ip[i], c->host[i + 1]);
  append_random (c->out, c->rand, alnum, 14);
  g_string_append_printf (c->out, "\n\tfor <%s>; ", c->recipient);
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

static void
hop_sendmail_submit (BenchChain *c,
                     guint  i)
{
  g_string_append_printf (c->out, "(from apache@localhost)\n\tby %s (8.15.2/8.15.2/Submit) id ",
                          c->host[i + 1]);
  append_random (c->out, c->rand, alnum, 14);
  g_string_append (c->out, ";\n\t");
  append_date (c->out, c->time[i], c->zone[i + 1], TRUE);
}

/* Microsoft ------------------------------------------------------------- */

static void
append_outlook_version (BenchChain *c)
{
  g_string_append (c->out, PICK (c->rand, ((const char * const[]) {
    " with\n Microsoft SMTP Server (version=TLS1_2,\n"
    " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id ",
    " with\n Microsoft SMTP Server (version=TLS1_2,\n"
    " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384_P384) id ",
    " with\n Microsoft SMTP Server (version=TLS1_3,\n"
    " cipher=TLS_AES_256_GCM_SHA384) id ",
  })));
  g_string_append_printf (c->out, "15.20.%d.%d", g_rand_int_range (c->rand, 6000, 8000),
                          g_rand_int_range (c->rand, 1, 40));
}

/* Microsoft folds its fields itself at 78 columns, even inside the date. */
static void
append_outlook_date (BenchChain *c,
                     guint  i)
{
  gsize line = 0;

  g_string_append (c->out, "; ");
  append_date (c->out, c->time[i], 0, TRUE);
  for (gsize p = 0; p < c->out->len; p++)
    if (c->out->str[p] == '\n')
      line = p + 1;
  if (c->out->len - line <= 78)
    return;
  for (gsize p = line + 78; p > line + 1; p--)
    if (c->out->str[p] == ' ')
      {
        g_string_insert_c (c->out, p, '\n');
        return;
      }
}

static void
hop_ms_smtp (BenchChain *c,
             guint  i)
{
  g_string_append (c->out, "from ");
  append_outlook_host (c->out, c->rand);
  g_string_append (c->out, " (");
  append_outlook_ip (c->out, c->rand);
  g_string_append (c->out, ") by\n ");
  append_outlook_host (c->out, c->rand);
  g_string_append (c->out, " (");
  append_outlook_ip (c->out, c->rand);
  g_string_append (c->out, ")");
  append_outlook_version (c);
  append_outlook_date (c, i);
}

static void
hop_ms_frontend (BenchChain *c,
                 guint  i)
{
  g_string_append_printf (c->out, "from %s (%s) by\n ", c->host[i], c->ip[i]);
  append_outlook_host (c->out, c->rand);
  g_string_append (c->out, " (");
  append_outlook_ip (c->out, c->rand);
  g_string_append (c->out, ")");
  append_outlook_version (c);
  g_string_append (c->out, " via Frontend\n Transport");
  append_outlook_date (c, i);
}

static void
hop_ms_https (BenchChain *c,
              guint  i)
{
  g_string_append (c->out, "from ");
  append_outlook_host (c->out, c->rand);
  g_string_append (c->out, "\n ([fe80::");
  append_random (c->out, c->rand, "0123456789abcdef", 4);
  g_string_append (c->out, ":");
  append_random (c->out, c->rand, "0123456789abcdef", 4);
  g_string_append (c->out, "]) by ");
  append_outlook_host (c->out, c->rand);
  g_string_append (c->out, g_rand_boolean (c->rand) ? "\n ([fe80::1%11]) with mapi id "
                                                    : " with HTTPS id ");
  g_string_append_printf (c->out, "15.20.%d.%d; ", g_rand_int_range (c->rand, 6000, 8000),
                          g_rand_int_range (c->rand, 1, 40));
  append_date (c->out, c->time[i], 0, TRUE);
}

/* Gmail ----------------------------------------------------------------- */

static void
append_gmail_id (BenchChain *c)
{
  append_random (c->out, c->rand, lower_alnum, 2);
  g_string_append_printf (c->out, "sor%d", g_rand_int_range (c->rand, 100000, 9999999));
  append_random (c->out, c->rand, "abcdefghijklmnopqrstuvwxyz", 3);
  g_string_append_printf (c->out, ".%d.2024.%02d.%02d", g_rand_int_range (c->rand, 1, 99),
                          g_rand_int_range (c->rand, 1, 13), g_rand_int_range (c->rand, 1, 29));
}

static void
hop_gmail_by_only (BenchChain *c,
                   guint  i)
{
  g_string_append_printf (c->out, "by 2002:a05:%x:%x:b0:%x:%x:%x with SMTP id ",
                          g_rand_int_range (c->rand, 0x6000, 0x7000),
                          g_rand_int_range (c->rand, 1, 0xffff),
                          g_rand_int_range (c->rand, 1, 0xfff),
                          g_rand_int_range (c->rand, 1, 0xfff),
                          g_rand_int_range (c->rand, 1, 0xffff));
  append_random (c->out, c->rand, lower_alnum, 2);
  g_string_append_printf (c->out, "csp%d", g_rand_int_range (c->rand, 100000, 9999999));
  append_random (c->out, c->rand, "abcdefghijklmnopqrstuvwxyz", 3);
  g_string_append (c->out, ";\n        ");
  append_date (c->out, c->time[i], -420, TRUE);
  g_string_append (c->out, " (PDT)");
}

static void
hop_gmail_mx (BenchChain *c,
              guint  i)
{
  g_string_append_printf (c->out, "from %s (%s. [%s])\n        by mx.google.com with ESMTPS id ",
                          c->host[i], c->host[i], c->ip[i]);
  append_gmail_id (c);
  g_string_append_printf (c->out, "\n        for <%s>\n        ", c->recipient);
  g_string_append (c->out, PICK (c->rand, ((const char * const[]) {
    "(version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);",
    "(version=TLS1_2 cipher=ECDHE-ECDSA-AES128-GCM-SHA256 bits=128/128);",
    "(Google Transport Security);",
  })));
  g_string_append (c->out, "\n        ");
  append_date (c->out, c->time[i], -420, TRUE);
  g_string_append (c->out, " (PDT)");
}

static void
hop_gmail_esmtpsa (BenchChain *c,
                   guint  i)
{
  g_string_append_printf (c->out,
                          "from [192.168.%d.%d] ([%s])\n"
                          "        by smtp.gmail.com with ESMTPSA id ",
                          g_rand_int_range (c->rand, 0, 255), g_rand_int_range (c->rand, 2, 250),
                          c->ip[i]);
  append_gmail_id (c);
  g_string_append_printf (c->out,
                          "\n        for <%s>\n"
                          "        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);"
                          "\n        ",
                          c->recipient);
  append_date (c->out, c->time[i], -420, TRUE);
  g_string_append (c->out, " (PDT)");
}

/* qmail ----------------------------------------------------------------- */

static void
hop_qmail_uid (BenchChain *c,
               guint  i)
{
  g_string_append_printf (c->out, "(qmail %d invoked by uid %d); ",
                          g_rand_int_range (c->rand, 1000, 99999),
                          g_rand_int_range (c->rand, 0, 1000));
  append_date (c->out, c->time[i], 0, FALSE);
}

static void
hop_qmail_network (BenchChain *c,
                   guint  i)
{
  g_string_append_printf (c->out, "(qmail %d invoked from network); ",
                          g_rand_int_range (c->rand, 1000, 99999));
  append_date (c->out, c->time[i], 0, FALSE);
}

static void
hop_qmail_helo (BenchChain *c,
                guint  i)
{
  g_string_append_printf (c->out, "from %s (HELO %s) (%s)\n  by %s with %s; ",
                          g_rand_boolean (c->rand) ? "unknown" : c->host[i], c->host[i], c->ip[i],
                          c->host[i + 1], g_rand_boolean (c->rand) ? "SMTP" : "ESMTPSA");
  append_date (c->out, c->time[i], 0, FALSE);
}

typedef enum
{
  WHERE_ANY,
  WHERE_OLDEST,  /* where a message starts: submission, local */
  WHERE_NEWEST,  /* where it ends: final delivery */
} Where;

typedef struct
{
  void (*write) (BenchChain *c, guint i);
  Where where;
} Dialect;

static const Dialect dialects[] = {
  { hop_postfix_esmtps, WHERE_ANY },
  { hop_postfix_esmtps, WHERE_ANY },
  { hop_postfix_esmtp, WHERE_ANY },
  { hop_postfix_esmtpsa, WHERE_OLDEST },
  { hop_postfix_local, WHERE_OLDEST },
  { hop_postfix_lmtp, WHERE_NEWEST },
  { hop_exim_tls13, WHERE_ANY },
  { hop_exim_tls12, WHERE_ANY },
  { hop_exim_plain, WHERE_ANY },
  { hop_exim_local, WHERE_OLDEST },
  { hop_sendmail_tls, WHERE_ANY },
  { hop_sendmail_forged, WHERE_ANY },
  { hop_sendmail_submit, WHERE_OLDEST },
  { hop_ms_smtp, WHERE_ANY },
  { hop_ms_smtp, WHERE_ANY },
  { hop_ms_frontend, WHERE_ANY },
  { hop_ms_https, WHERE_OLDEST },
  { hop_gmail_by_only, WHERE_NEWEST },
  { hop_gmail_mx, WHERE_ANY },
  { hop_gmail_mx, WHERE_NEWEST },
  { hop_gmail_esmtpsa, WHERE_OLDEST },
  { hop_qmail_uid, WHERE_OLDEST },
  { hop_qmail_network, WHERE_OLDEST },
  { hop_qmail_helo, WHERE_ANY },
};

static const Dialect *
pick_dialect (GRand *rand,
              Where  where)
{
  for (;;)
    {
      const Dialect *d = &dialects[g_rand_int_range (rand, 0, G_N_ELEMENTS (dialects))];

      if (d->where == WHERE_ANY || d->where == where)
        return d;
    }
}

static void
append_folded_base64 (GString *out,
                      GRand   *rand,
                      guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i % 72 == 0)
        g_string_append (out, "\n\t ");
      g_string_append_c (out, base64_chars[g_rand_int_range (rand, 0, 64)]);
    }
}

static void
append_words (GString *out,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, PICK (rand, words));
    }
}

/* One message, mbox "From " line first, appended to @mbox. */
void
bench_append_message (GString     *mbox,
                      BenchChain  *c,
                      guint       *n_received,
                      gboolean     attachments)
{
  GRand *rand = c->rand;
  char *hops[MAX_HOPS];
  gint64 t;
  gsize body_size, body_start;
  gboolean with_attachment;
  GDateTime *dt;
  char *ctime_date;
  const char *sender_domain;

  c->n_hops = g_rand_int_range (rand, MIN_HOPS, MAX_HOPS + 1);
  for (guint i = 0; i <= c->n_hops; i++)
    {
      random_host (rand, c->host[i], sizeof c->host[i]);
      random_ip (rand, c->ip[i], sizeof c->ip[i]);
      c->zone[i] = PICK (rand, zones);
    }
  random_address (rand, c->sender, sizeof c->sender);
  random_address (rand, c->recipient, sizeof c->recipient);
  sender_domain = strchr (c->sender, '@') + 1;

  /* 2023-11-14 plus up to three years; each hop a few seconds after the last. */
  t = G_GINT64_CONSTANT (1700000000) + g_rand_int_range (rand, 0, 3 * 365 * 86400);
  for (guint i = 0; i < c->n_hops; i++)
    {
      t += g_rand_int_range (rand, 0, 8) == 0 ? g_rand_int_range (rand, 60, 900)
                                              : g_rand_int_range (rand, 0, 5);
      c->time[i] = t;
    }

  for (guint i = 0; i < c->n_hops; i++)
    {
      Where where = i == 0 ? WHERE_OLDEST : i + 1 == c->n_hops ? WHERE_NEWEST : WHERE_ANY;

      c->out = g_string_new (NULL);
      pick_dialect (rand, where)->write (c, i);
      hops[i] = g_string_free (c->out, FALSE);
      c->out = NULL;
    }

  dt = g_date_time_new_from_unix_utc (c->time[c->n_hops - 1]);
  ctime_date = g_date_time_format (dt, "%a %b %e %H:%M:%S %Y");
  g_string_append_printf (mbox, "From %s %s\n", c->sender, ctime_date);
  g_free (ctime_date);
  g_date_time_unref (dt);

  g_string_append_printf (mbox, "Return-Path: <%s>\nDelivered-To: %s\n", c->sender, c->recipient);
  for (guint i = c->n_hops; i-- > 0;)
    {
      g_string_append_printf (mbox, "Received: %s\n", hops[i]);
      g_free (hops[i]);
    }
  *n_received += c->n_hops;

  g_string_append_printf (mbox,
                          "Authentication-Results: %s;\n"
                          "\tdkim=pass header.d=%s header.s=s1 header.b=",
                          c->host[c->n_hops], sender_domain);
  append_random (mbox, rand, alnum, 8);
  g_string_append_printf (mbox,
                          ";\n\tspf=pass (%s: domain of %s designates %s as permitted sender)"
                          " smtp.mailfrom=%s;\n"
                          "\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=%s\n",
                          c->host[c->n_hops], c->sender, c->ip[0], c->sender, sender_domain);
  g_string_append_printf (mbox,
                          "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=s1;\n"
                          "\tt=%" G_GINT64_FORMAT "; bh=",
                          sender_domain, c->time[0]);
  append_random (mbox, rand, base64_chars, 43);
  g_string_append (mbox, "=;\n"
                   "\th=From:To:Subject:Date:Message-ID:MIME-Version:Content-Type;\n"
                   "\tb=");
  append_folded_base64 (mbox, rand, 344);
  g_string_append_printf (mbox, "\nFrom: \"%s %s\" <%s>\nTo: <%s>\nSubject: ",
                          PICK (rand, given_names), PICK (rand, family_names), c->sender,
                          c->recipient);
  append_words (mbox, rand, g_rand_int_range (rand, 3, 10));
  g_string_append (mbox, "\nDate: ");
  append_date (mbox, c->time[0], c->zone[0], TRUE);
  g_string_append (mbox, "\nMessage-ID: <");
  append_random (mbox, rand, lower_alnum, 20);
  g_string_append_printf (mbox, "@%s>\n", c->host[0]);
  with_attachment = attachments && g_rand_boolean (rand);
  if (with_attachment)
    g_string_append (mbox,
                     "MIME-Version: 1.0\n"
                     "Content-Type: multipart/mixed; boundary=\"=-bench-boundary\"\n"
                     "\n"
                     "--=-bench-boundary\n"
                     "Content-Type: text/plain; charset=\"utf-8\"\n"
                     "Content-Transfer-Encoding: 8bit\n"
                     "\n");
  else
    g_string_append (mbox,
                     "MIME-Version: 1.0\n"
                     "Content-Type: text/plain; charset=\"utf-8\"\n"
                     "Content-Transfer-Encoding: 8bit\n"
                     "\n");

  /* A body of 1 to 6 KB, in lines of about 70 characters. */
  body_size = g_rand_int_range (rand, 1024, 6 * 1024);
  body_start = mbox->len;
  while (mbox->len - body_start < body_size)
    {
      append_words (mbox, rand, g_rand_int_range (rand, 6, 12));
      g_string_append (mbox, g_rand_int_range (rand, 0, 8) == 0 ? ".\n\n" : "\n");
    }

  if (with_attachment)
    {
      /* A document of 4 to 40 KB, base64 in lines of 76 characters */
      guint n = g_rand_int_range (rand, 4 * 1024, 40 * 1024) * 4 / 3;

      g_string_append (mbox,
                       "\n--=-bench-boundary\n"
                       "Content-Type: application/pdf; name=\"report.pdf\"\n"
                       "Content-Disposition: attachment; filename=\"report.pdf\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "\n");
      for (guint i = 0; i < n; i += 76)
        {
          append_random (mbox, rand, base64_chars, MIN (76, n - i));
          g_string_append_c (mbox, '\n');
        }
      g_string_append (mbox, "--=-bench-boundary--\n");
    }
}
