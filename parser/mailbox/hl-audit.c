/* hl-audit.c: what a whole mailbox says, per sending domain (hoplock-audit/1)
 *
 * The audit adds up one HlAuditRecord a message. Memory grows with the number of
 * distinct domains (and months), never with the number of messages: each domain
 * keeps counters and at most HL_AUDIT_MAX_SAMPLES message ids.
 *
 * Audits merge: the JSON of audits of parts, added up with hl_audit_merge_json(),
 * gives the JSON of the audit of the whole, byte for byte. Everything is kept in
 * forms that add (counts), take the least or greatest (first and last seen, the
 * weakest rating) or keep the first few in a fixed order (samples, by date then
 * id), and the JSON is written in one fixed order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hl-org.h"
#include "core/hl-route-private.h"
#include "core/hl-types.h"
#include "tls/hl-rating.h"
#include "trust/hl-trust-private.h"
#include "mailbox/hl-audit-private.h"

#define NO_DATE G_MININT64

typedef struct
{
  char   *message_id;
  gint64  date;
} Sample;

typedef struct
{
  char       *domain;               /* "" when the message names none */
  guint64     messages;
  GHashTable *incoming;             /* state -> guint64 * */
  guint64     all_hops_encrypted;
  guint64     verified;
  GHashTable *tls_versions;
  GHashTable *ciphers;
  int         weakest;              /* index into hl_audit_ratings, or -1 */
  gint64      first_seen;
  gint64      last_seen;
  Sample      samples[HL_AUDIT_MAX_SAMPLES];
  guint       n_samples;
} Domain;

typedef struct
{
  char    *name;
  char    *kind;
  guint64  messages;
  guint64  bytes;
} Source;

typedef struct
{
  guint64 messages;
  guint64 incoming_encrypted;
} Month;

typedef struct
{
  char *source;
  char *location;
  char *error;
} Unreadable;

struct _HlAudit
{
  HlAuditGroupBy group_by;
  gboolean       partial;
  GArray        *sources;       /* of Source */
  guint64        messages;
  guint64        unreadable_count;
  guint64        no_hops;
  GHashTable    *verdicts;
  GHashTable    *incoming;
  GHashTable    *tls_versions;
  GHashTable    *ratings;
  GHashTable    *domains;       /* domain -> Domain */
  GHashTable    *months;        /* "2024-05" -> Month */
  GArray        *unreadable;    /* of Unreadable */
};

/* From worst to best: the weakest rating of a domain is the lowest index seen. */
const char *const hl_audit_ratings[HL_AUDIT_N_RATINGS] = { "insecure", "weak", "acceptable", "strong" };

/* The incoming states, always written, in this order. */
const char *const hl_audit_states[HL_AUDIT_N_STATES] = { "encrypted", "unencrypted", "unknown", "local" };

/* The index of @rating in hl_audit_ratings (worst first), or -1 */
int
hl_audit_rating_rank (const char *rating)
{
  for (guint i = 0; rating != NULL && i < HL_AUDIT_N_RATINGS; i++)
    if (strcmp (rating, hl_audit_ratings[i]) == 0)
      return i;
  return -1;
}

/* "12.5 %" of @part in @whole, or "–" of nothing */
char *
hl_audit_format_share (gint64 part,
                       gint64 whole)
{
  if (whole <= 0)
    return g_strdup ("–");
  /* TRANSLATORS: a share, e.g. "12.5 %"; keep the %.1f */
  return g_strdup_printf (_("%.1f %%"), 100.0 * part / whole);
}

static GHashTable *
counter_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
counter_add (GHashTable *counter,
             const char *key,
             guint64     n)
{
  guint64 *count;

  if (key == NULL || n == 0)
    return;
  count = g_hash_table_lookup (counter, key);
  if (count == NULL)
    {
      count = g_new0 (guint64, 1);
      g_hash_table_insert (counter, g_strdup (key), count);
    }
  *count += n;
}

static guint64
counter_get (GHashTable *counter,
             const char *key)
{
  guint64 *count = g_hash_table_lookup (counter, key);

  return count != NULL ? *count : 0;
}

static void
domain_free (gpointer data)
{
  Domain *d = data;

  g_free (d->domain);
  g_hash_table_unref (d->incoming);
  g_hash_table_unref (d->tls_versions);
  g_hash_table_unref (d->ciphers);
  for (guint i = 0; i < d->n_samples; i++)
    g_free (d->samples[i].message_id);
  g_free (d);
}

static void
source_clear (gpointer data)
{
  Source *s = data;

  g_free (s->name);
  g_free (s->kind);
}

static void
unreadable_clear (gpointer data)
{
  Unreadable *u = data;

  g_free (u->source);
  g_free (u->location);
  g_free (u->error);
}

/**
 * hl_audit_new:
 *
 * Returns: (transfer full): an empty audit
 */
HlAudit *
hl_audit_new (HlAuditGroupBy group_by)
{
  HlAudit *self = g_new0 (HlAudit, 1);

  self->group_by = group_by;
  self->sources = g_array_new (FALSE, TRUE, sizeof (Source));
  g_array_set_clear_func (self->sources, source_clear);
  self->verdicts = counter_new ();
  self->incoming = counter_new ();
  self->tls_versions = counter_new ();
  self->ratings = counter_new ();
  self->domains = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, domain_free);
  self->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unreadable = g_array_new (FALSE, TRUE, sizeof (Unreadable));
  g_array_set_clear_func (self->unreadable, unreadable_clear);
  return self;
}

void
hl_audit_free (HlAudit *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->sources);
  g_hash_table_unref (self->verdicts);
  g_hash_table_unref (self->incoming);
  g_hash_table_unref (self->tls_versions);
  g_hash_table_unref (self->ratings);
  g_hash_table_unref (self->domains);
  g_hash_table_unref (self->months);
  g_array_unref (self->unreadable);
  g_free (self);
}

HlAuditGroupBy
hl_audit_get_group_by (HlAudit *self)
{
  g_return_val_if_fail (self != NULL, HL_AUDIT_GROUP_BY_FROM);
  return self->group_by;
}

void
hl_audit_set_partial (HlAudit  *self,
                      gboolean  partial)
{
  g_return_if_fail (self != NULL);
  self->partial = partial;
}

gboolean
hl_audit_get_partial (HlAudit *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->partial;
}

guint64
hl_audit_get_n_messages (HlAudit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->messages;
}

guint
hl_audit_get_n_domains (HlAudit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->domains);
}

void
hl_audit_add_source (HlAudit    *self,
                     const char *name,
                     const char *kind,
                     guint64     messages,
                     guint64     bytes)
{
  Source s = { g_strdup (name), g_strdup (kind), messages, bytes };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->sources, s);
}

void
hl_audit_add_unreadable (HlAudit    *self,
                         const char *source,
                         const char *location,
                         const char *error)
{
  Unreadable u = { g_strdup (source), g_strdup (location), g_strdup (error) };

  g_return_if_fail (self != NULL);
  self->unreadable_count++;
  if (self->unreadable->len < HL_AUDIT_MAX_UNREADABLE)
    g_array_append_val (self->unreadable, u);
  else
    unreadable_clear (&u);
}

static Domain *
get_domain (HlAudit    *self,
            const char *name)
{
  Domain *d = g_hash_table_lookup (self->domains, name != NULL ? name : "");

  if (d == NULL)
    {
      d = g_new0 (Domain, 1);
      d->domain = g_strdup (name != NULL ? name : "");
      d->incoming = counter_new ();
      d->tls_versions = counter_new ();
      d->ciphers = counter_new ();
      d->weakest = -1;
      d->first_seen = NO_DATE;
      d->last_seen = NO_DATE;
      g_hash_table_insert (self->domains, d->domain, d);
    }
  return d;
}

/* Samples in order: by date (undated last), then id. */
static int
compare_samples (const Sample *a,
                 const Sample *b)
{
  gint64 da = a->date == NO_DATE ? G_MAXINT64 : a->date;
  gint64 db = b->date == NO_DATE ? G_MAXINT64 : b->date;

  if (da != db)
    return da < db ? -1 : 1;
  return strcmp (a->message_id, b->message_id);
}

static void
add_sample (Domain     *d,
            const char *message_id,
            gint64      date)
{
  Sample s = { (char *) message_id, date };
  guint i;

  if (message_id == NULL || *message_id == '\0')
    return;
  for (i = 0; i < d->n_samples; i++)
    {
      int c = compare_samples (&s, &d->samples[i]);

      if (c == 0)
        return;
      if (c < 0)
        break;
    }
  if (i >= HL_AUDIT_MAX_SAMPLES)
    return;
  if (d->n_samples == HL_AUDIT_MAX_SAMPLES)
    g_free (d->samples[--d->n_samples].message_id);
  memmove (&d->samples[i + 1], &d->samples[i], (d->n_samples - i) * sizeof (Sample));
  d->samples[i].message_id = g_strdup (message_id);
  d->samples[i].date = date;
  d->n_samples++;
}

static void
see (Domain *d,
     gint64  date)
{
  if (date == NO_DATE)
    return;
  if (d->first_seen == NO_DATE || date < d->first_seen)
    d->first_seen = date;
  if (d->last_seen == NO_DATE || date > d->last_seen)
    d->last_seen = date;
}

static char *
month_of (gint64 date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (date);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m") : NULL;
}

static void
add_month (HlAudit    *self,
           const char *month,
           guint64     messages,
           guint64     incoming_encrypted)
{
  Month *m;

  if (month == NULL)
    return;
  m = g_hash_table_lookup (self->months, month);
  if (m == NULL)
    {
      m = g_new0 (Month, 1);
      g_hash_table_insert (self->months, g_strdup (month), m);
    }
  m->messages += messages;
  m->incoming_encrypted += incoming_encrypted;
}

void
hl_audit_add_record (HlAudit             *self,
                     const HlAuditRecord *r)
{
  const char *group;
  const char *state;
  gboolean encrypted;
  Domain *d;
  int rating;

  g_return_if_fail (self != NULL);
  g_return_if_fail (r != NULL);

  group = self->group_by == HL_AUDIT_GROUP_BY_RELAY ? r->relay_domain : r->from_domain;
  state = r->incoming_state != NULL ? r->incoming_state : "unknown";
  encrypted = strcmp (state, "encrypted") == 0;

  self->messages++;
  if (g_strcmp0 (r->verdict, "no-hops") == 0)
    self->no_hops++;
  counter_add (self->verdicts, r->verdict, 1);
  counter_add (self->incoming, state, 1);
  if (encrypted)
    {
      counter_add (self->tls_versions, r->incoming_version ? r->incoming_version : "unknown", 1);
      counter_add (self->ratings, r->incoming_rating ? r->incoming_rating : "unknown", 1);
    }

  d = get_domain (self, group);
  d->messages++;
  counter_add (d->incoming, state, 1);
  if (g_strcmp0 (r->verdict, "all-encrypted") == 0)
    d->all_hops_encrypted++;
  if (g_strcmp0 (r->incoming_verify, "verified") == 0)
    d->verified++;
  if (encrypted)
    {
      counter_add (d->tls_versions, r->incoming_version ? r->incoming_version : "unknown", 1);
      counter_add (d->ciphers, r->incoming_cipher, 1);
    }
  rating = hl_audit_rating_rank (r->protection);
  if (rating >= 0 && (d->weakest < 0 || rating < d->weakest))
    d->weakest = rating;
  if (r->date != NO_DATE)
    {
      g_autofree char *month = month_of (r->date);

      see (d, r->date);
      add_month (self, month, 1, encrypted);
    }
  add_sample (d, r->message_id, r->date);
}

/* The domain of an address: after its last @ ("a@b"@c.example) */
static const char *
address_domain (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL && at[1] != '\0' ? at + 1 : NULL;
}

/* The weakest rating of the encrypted hops between organisations: "strong" …
 * "insecure"; "none" when such hops were only sent in clear text; "unknown"
 * when none recorded either. */
static const char *
route_protection (HlRoute        *route,
                  const gboolean *inside)
{
  int weakest = -1;
  gboolean clear = FALSE, encrypted = FALSE;

  for (guint i = 0; i < hl_route_get_n_hops (route); i++)
    {
      HlReceived *hop = hl_route_get_hop (route, i);

      if (inside[i])
        continue;
      switch (hl_received_get_tls_state (hop))
        {
        case HL_TLS_STATE_ENCRYPTED:
          {
            int r = hl_audit_rating_rank (hl_rating_to_string (hl_received_get_rating (hop)));

            encrypted = TRUE;
            if (r >= 0 && (weakest < 0 || r < weakest))
              weakest = r;
          }
          break;
        case HL_TLS_STATE_UNENCRYPTED:
          clear = TRUE;
          break;
        default:
          break;
        }
    }
  if (weakest >= 0)
    return hl_audit_ratings[weakest];
  if (clear && !encrypted)
    return "none";
  return "unknown";
}

/**
 * hl_audit_add_route:
 * @route: one message
 * @source: the mailbox's name
 * @location: where the message is in it
 * @own: (nullable) (array zero-terminated=1): the recipient's own servers, as
 *   for hl_route_find_boundary()
 * @line: (nullable): where to append the message's line of JSON
 *
 * Adds what @route says to the audit.
 */
void
hl_audit_add_route (HlAudit           *self,
                    HlRoute           *route,
                    const char        *source,
                    const char        *location,
                    const char *const *own,
                    GString           *line)
{
  HlAuditRecord r = { 0 };
  guint n = hl_route_get_n_hops (route);
  g_autofree gboolean *inside = g_new (gboolean, n + 1);
  guint boundary = hl_trust_classify (route, own, inside);
  g_autofree const char **hops = g_new0 (const char *, n + 1);
  g_autofree char *from_domain = NULL;
  g_autofree char *relay_domain = NULL;
  const char *from_host_domain = address_domain (hl_route_peek_from_address (route));
  const char *date = hl_route_get_date (route);

  g_return_if_fail (self != NULL);
  g_return_if_fail (route != NULL);

  for (guint i = 0; i < n; i++)
    hops[i] = hl_tls_state_to_string (hl_received_get_tls_state (hl_route_get_hop (route, i)));

  r.source = source;
  r.location = location;
  r.message_id = hl_route_get_message_id (route);
  r.date = NO_DATE;
  if (date != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (date, NULL);

      if (dt != NULL)
        r.date = g_date_time_to_unix (dt);
    }
  from_domain = hl_registrable_domain (from_host_domain);
  r.from_domain = from_domain != NULL ? from_domain : from_host_domain;
  r.verdict = hl_verdict_to_string (hl_route_get_verdict (route));
  r.protection = route_protection (route, inside);
  r.hops = hops;
  if (boundary > 0)
    {
      HlReceived *hop = hl_route_get_hop (route, boundary - 1);
      const char *from = hl_received_get_from_rdns (hop);
      HlTlsVersion version = hl_received_get_tls_version (hop);

      if (from == NULL)
        from = hl_received_get_from_helo (hop);
      relay_domain = hl_registrable_domain (from);
      r.relay_domain = relay_domain;
      r.incoming_state = hl_tls_state_to_string (hl_received_get_tls_state (hop));
      r.incoming_version = version != HL_TLS_VERSION_UNKNOWN ? hl_tls_version_to_string (version) : NULL;
      r.incoming_cipher = hl_received_get_tls_cipher (hop);
      if (hl_received_get_rating (hop) != HL_RATING_NONE)
        r.incoming_rating = hl_rating_to_string (hl_received_get_rating (hop));
      if (hl_received_get_tls_verify (hop) != HL_VERIFY_NONE)
        r.incoming_verify = hl_verify_to_string (hl_received_get_tls_verify (hop));
    }
  else
    r.incoming_state = n > 0 ? "local" : "unknown";

  hl_audit_add_record (self, &r);
  if (line != NULL)
    hl_audit_record_append_json (&r, line);
}

/**
 * hl_audit_add_headers:
 * @headers: (array length=length): a message's header block (or the whole message)
 * @line: (nullable): where to append the message's line of JSON
 *
 * Adds one message to the audit, read from its header block without building a
 * GMimeMessage. A block that is not a message is counted as unreadable.
 *
 * Returns: %FALSE with @error set when @headers is not a message
 */
gboolean
hl_audit_add_headers (HlAudit           *self,
                      const char        *headers,
                      gsize              length,
                      const char        *source,
                      const char        *location,
                      const char *const *own,
                      GString           *line,
                      GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HlRoute) route = hl_route_new_from_header_block (headers, length, location, &local_error);

  g_return_val_if_fail (self != NULL, FALSE);

  if (route == NULL)
    {
      hl_audit_add_unreadable (self, source, location, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  hl_audit_add_route (self, route, source, location, own, line);
  return TRUE;
}

/* JSON */

static char *
format_date (gint64 date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NO_DATE)
    return NULL;
  dt = g_date_time_new_from_unix_utc (date);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static gint64
parse_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL)
    return NO_DATE;
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL ? g_date_time_to_unix (dt) : NO_DATE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of @table in byte order. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

static void
add_counter (JsonBuilder *b,
             const char  *name,
             GHashTable  *counter)
{
  g_autoptr(GPtrArray) keys = sorted_keys (counter);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      json_builder_set_member_name (b, key);
      json_builder_add_int_value (b, counter_get (counter, key));
    }
  json_builder_end_object (b);
}

static void
add_incoming (JsonBuilder *b,
              GHashTable  *counter)
{
  json_builder_set_member_name (b, "incoming");
  json_builder_begin_object (b);
  for (guint i = 0; i < HL_AUDIT_N_STATES; i++)
    {
      json_builder_set_member_name (b, hl_audit_states[i]);
      json_builder_add_int_value (b, counter_get (counter, hl_audit_states[i]));
    }
  json_builder_end_object (b);
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* Domains by messages, most first, then by name; the unnamed one last. */
static int
compare_domains (gconstpointer a,
                 gconstpointer b)
{
  const Domain *x = *(const Domain *const *) a;
  const Domain *y = *(const Domain *const *) b;

  if (x->messages != y->messages)
    return x->messages > y->messages ? -1 : 1;
  if ((*x->domain == '\0') != (*y->domain == '\0'))
    return *x->domain == '\0' ? 1 : -1;
  return strcmp (x->domain, y->domain);
}

static void
add_domain (JsonBuilder *b,
            Domain      *d)
{
  g_autofree char *first = format_date (d->first_seen);
  g_autofree char *last = format_date (d->last_seen);

  json_builder_begin_object (b);
  add_string_or_null (b, "domain", *d->domain ? d->domain : NULL);
  json_builder_set_member_name (b, "messages");
  json_builder_add_int_value (b, d->messages);
  add_incoming (b, d->incoming);
  json_builder_set_member_name (b, "all_hops_encrypted");
  json_builder_add_int_value (b, d->all_hops_encrypted);
  json_builder_set_member_name (b, "verified");
  json_builder_add_int_value (b, d->verified);
  add_counter (b, "tls_versions", d->tls_versions);
  add_string_or_null (b, "weakest_rating", d->weakest >= 0 ? hl_audit_ratings[d->weakest] : NULL);
  add_counter (b, "ciphers", d->ciphers);
  add_string_or_null (b, "first_seen", first);
  add_string_or_null (b, "last_seen", last);
  json_builder_set_member_name (b, "samples");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->n_samples; i++)
    {
      g_autofree char *date = format_date (d->samples[i].date);

      json_builder_begin_object (b);
      add_string_or_null (b, "message_id", d->samples[i].message_id);
      add_string_or_null (b, "date", date);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/**
 * hl_audit_to_json:
 *
 * Returns: (transfer full): the summary, as hoplock-audit/1
 */
JsonNode *
hl_audit_to_json (HlAudit *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) domains = NULL;
  g_autoptr(GPtrArray) months = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "schema");
  json_builder_add_string_value (b, HL_AUDIT_SCHEMA);
  json_builder_set_member_name (b, "group_by");
  json_builder_add_string_value (b, self->group_by == HL_AUDIT_GROUP_BY_RELAY ? "relay" : "from");
  json_builder_set_member_name (b, "partial");
  json_builder_add_boolean_value (b, self->partial);

  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->sources->len; i++)
    {
      Source *s = &g_array_index (self->sources, Source, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "name", s->name);
      add_string_or_null (b, "kind", s->kind);
      json_builder_set_member_name (b, "messages");
      json_builder_add_int_value (b, s->messages);
      json_builder_set_member_name (b, "bytes");
      json_builder_add_int_value (b, s->bytes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "messages");
  json_builder_add_int_value (b, self->messages);
  json_builder_set_member_name (b, "unreadable");
  json_builder_add_int_value (b, self->unreadable_count);
  json_builder_set_member_name (b, "no_hops");
  json_builder_add_int_value (b, self->no_hops);
  add_counter (b, "verdicts", self->verdicts);
  add_incoming (b, self->incoming);
  add_counter (b, "tls_versions", self->tls_versions);
  add_counter (b, "ratings", self->ratings);
  json_builder_end_object (b);

  domains = g_ptr_array_sized_new (g_hash_table_size (self->domains));
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->domains);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (domains, value);
  }
  g_ptr_array_sort (domains, compare_domains);
  json_builder_set_member_name (b, "domains");
  json_builder_begin_array (b);
  for (guint i = 0; i < domains->len; i++)
    add_domain (b, g_ptr_array_index (domains, i));
  json_builder_end_array (b);

  months = sorted_keys (self->months);
  json_builder_set_member_name (b, "months");
  json_builder_begin_array (b);
  for (guint i = 0; i < months->len; i++)
    {
      const char *key = g_ptr_array_index (months, i);
      Month *m = g_hash_table_lookup (self->months, key);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "month");
      json_builder_add_string_value (b, key);
      json_builder_set_member_name (b, "messages");
      json_builder_add_int_value (b, m->messages);
      json_builder_set_member_name (b, "incoming_encrypted");
      json_builder_add_int_value (b, m->incoming_encrypted);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "unreadable");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->unreadable->len; i++)
    {
      Unreadable *u = &g_array_index (self->unreadable, Unreadable, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "source", u->source);
      add_string_or_null (b, "location", u->location);
      add_string_or_null (b, "error", u->error);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* Merging */

static gboolean
bad_audit (GError    **error,
           const char *what)
{
  g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE,
               _("This is not a Hoplock audit (%s): %s"), HL_AUDIT_SCHEMA, what);
  return FALSE;
}

/* Members of the audit's JSON: a count (0 when absent, not a whole number, or
 * below 0), a string and an object (NULL when absent or another type). */
gint64
hl_audit_json_int (JsonObject *o,
                   const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;
  gint64 v;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return 0;
  v = json_node_get_int (n);
  return MAX (v, 0);
}

const char *
hl_audit_json_string (JsonObject *o,
                      const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

JsonObject *
hl_audit_json_object (JsonObject *o,
                      const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static void
merge_counter (GHashTable *counter,
               JsonObject *o)
{
  g_autoptr(GList) names = o != NULL ? json_object_get_members (o) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    counter_add (counter, l->data, hl_audit_json_int (o, l->data));
}

static JsonObject *
array_object (JsonArray *a,
              guint      i)
{
  JsonNode *n = json_array_get_element (a, i);

  return JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

/**
 * hl_audit_merge_json:
 * @audit: the JSON of an earlier audit
 *
 * Returns: %FALSE with @error set when @audit is not a hoplock-audit/1 summary
 *   or was grouped another way; this audit is then unchanged
 */
gboolean
hl_audit_merge_json (HlAudit   *self,
                     JsonNode  *audit,
                     GError   **error)
{
  JsonObject *root, *totals;
  JsonArray *sources, *domains, *months, *unreadable;
  const char *group_by;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (audit != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (audit))
    return bad_audit (error, _("not a JSON object"));
  root = json_node_get_object (audit);
  if (g_strcmp0 (hl_audit_json_string (root, "schema"), HL_AUDIT_SCHEMA) != 0)
    return bad_audit (error, _("no “schema” of that name"));
  group_by = hl_audit_json_string (root, "group_by");
  if (g_strcmp0 (group_by, self->group_by == HL_AUDIT_GROUP_BY_RELAY ? "relay" : "from") != 0)
    {
      g_set_error (error, HL_PARSE_ERROR, HL_PARSE_ERROR_NOT_A_MESSAGE,
                   _("The audit is grouped by “%s”, not by “%s”: audits merge only when grouped alike."),
                   group_by != NULL ? group_by : "?",
                   self->group_by == HL_AUDIT_GROUP_BY_RELAY ? "relay" : "from");
      return FALSE;
    }
  totals = hl_audit_json_object (root, "totals");
  sources = member_array (root, "sources");
  domains = member_array (root, "domains");
  months = member_array (root, "months");
  unreadable = member_array (root, "unreadable");
  if (totals == NULL || sources == NULL || domains == NULL || months == NULL || unreadable == NULL)
    return bad_audit (error, _("“totals”, “sources”, “domains”, “months” or “unreadable” is missing"));

  {
    JsonNode *p = json_object_get_member (root, "partial");

    if (p != NULL && JSON_NODE_HOLDS_VALUE (p) && json_node_get_value_type (p) == G_TYPE_BOOLEAN
        && json_node_get_boolean (p))
      self->partial = TRUE;
  }

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *s = array_object (sources, i);

      hl_audit_add_source (self, hl_audit_json_string (s, "name"), hl_audit_json_string (s, "kind"),
                           hl_audit_json_int (s, "messages"), hl_audit_json_int (s, "bytes"));
    }

  self->messages += hl_audit_json_int (totals, "messages");
  self->no_hops += hl_audit_json_int (totals, "no_hops");
  merge_counter (self->verdicts, hl_audit_json_object (totals, "verdicts"));
  merge_counter (self->incoming, hl_audit_json_object (totals, "incoming"));
  merge_counter (self->tls_versions, hl_audit_json_object (totals, "tls_versions"));
  merge_counter (self->ratings, hl_audit_json_object (totals, "ratings"));

  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      JsonObject *o = array_object (domains, i);
      JsonArray *samples = member_array (o, "samples");
      Domain *d;
      int rating;

      if (o == NULL)
        continue;
      d = get_domain (self, hl_audit_json_string (o, "domain"));
      d->messages += hl_audit_json_int (o, "messages");
      merge_counter (d->incoming, hl_audit_json_object (o, "incoming"));
      d->all_hops_encrypted += hl_audit_json_int (o, "all_hops_encrypted");
      d->verified += hl_audit_json_int (o, "verified");
      merge_counter (d->tls_versions, hl_audit_json_object (o, "tls_versions"));
      merge_counter (d->ciphers, hl_audit_json_object (o, "ciphers"));
      rating = hl_audit_rating_rank (hl_audit_json_string (o, "weakest_rating"));
      if (rating >= 0 && (d->weakest < 0 || rating < d->weakest))
        d->weakest = rating;
      see (d, parse_date (hl_audit_json_string (o, "first_seen")));
      see (d, parse_date (hl_audit_json_string (o, "last_seen")));
      for (guint j = 0; samples != NULL && j < json_array_get_length (samples); j++)
        {
          JsonObject *s = array_object (samples, j);

          add_sample (d, hl_audit_json_string (s, "message_id"), parse_date (hl_audit_json_string (s, "date")));
        }
    }

  for (guint i = 0; i < json_array_get_length (months); i++)
    {
      JsonObject *m = array_object (months, i);

      add_month (self, hl_audit_json_string (m, "month"), hl_audit_json_int (m, "messages"),
                 hl_audit_json_int (m, "incoming_encrypted"));
    }

  for (guint i = 0; i < json_array_get_length (unreadable); i++)
    {
      JsonObject *u = array_object (unreadable, i);

      hl_audit_add_unreadable (self, hl_audit_json_string (u, "source"), hl_audit_json_string (u, "location"),
                               hl_audit_json_string (u, "error"));
    }
  /* Unreadable messages beyond the listed ones were counted too */
  self->unreadable_count += hl_audit_json_int (totals, "unreadable") - MIN (hl_audit_json_int (totals, "unreadable"),
                                                                      json_array_get_length (unreadable));
  return TRUE;
}

static const char *const format_names[] = { "text", "json", "csv", "html", "md" };

gboolean
hl_audit_format_from_string (const char    *name,
                             HlAuditFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0
        || (i == HL_AUDIT_FORMAT_MARKDOWN && g_ascii_strcasecmp (name, "markdown") == 0))
      {
        if (format != NULL)
          *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hl_audit_format_to_string (HlAuditFormat format)
{
  return format < G_N_ELEMENTS (format_names) ? format_names[format] : NULL;
}

/* One message, as a line of JSON */

static void
append_json_string (GString    *out,
                    const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_printf (out, ",\"%s\":", name);
  append_json_string (out, value);
}

/**
 * hl_audit_record_append_json:
 *
 * Appends @record as one line of JSON (hoplock-audit-message/1) to @out. Its
 * strings must be valid UTF-8 (the library's are).
 */
void
hl_audit_record_append_json (const HlAuditRecord *r,
                             GString             *out)
{
  g_autofree char *date = format_date (r->date);

  g_string_append (out, "{\"schema\":\"" HL_AUDIT_MESSAGE_SCHEMA "\"");
  append_member (out, "source", r->source);
  append_member (out, "location", r->location);
  append_member (out, "message_id", r->message_id);
  append_member (out, "date", date);
  append_member (out, "from_domain", r->from_domain);
  append_member (out, "relay_domain", r->relay_domain);
  append_member (out, "verdict", r->verdict);
  append_member (out, "protection", r->protection);
  g_string_append (out, ",\"incoming\":{\"state\":");
  append_json_string (out, r->incoming_state);
  append_member (out, "version", r->incoming_version);
  append_member (out, "cipher", r->incoming_cipher);
  append_member (out, "rating", r->incoming_rating);
  append_member (out, "verify", r->incoming_verify);
  g_string_append (out, "},\"hops\":[");
  for (guint i = 0; r->hops != NULL && r->hops[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, r->hops[i]);
    }
  g_string_append (out, "]}\n");
}
