/* hl-date.c: the dates servers write after the last ';' of a Received field
 *
 * Reads RFC 5322 dates and the common breakage: no comma, no weekday, full weekday
 * names, two-digit years, zone names, no zone, fractional seconds, month first
 * ("Apr 21 2018"), ISO dates ("2018-04-22 02:54:17.028704749 +0000 UTC"), and
 * numeric US dates with AM/PM ("4/20/2018 11:01:16 PM -0400").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/hl-received-private.h"
#include "core/hl-lexer-private.h"

#define MAX_ITEMS 24

typedef enum { ITEM_NUM, ITEM_TIME, ITEM_NUMDATE, ITEM_ZONE, ITEM_WORD } ItemType;

typedef struct
{
  ItemType type;
  gsize end;
  int v[4];        /* NUM: value; TIME: h, m, s; NUMDATE: a, b, c; ZONE: minutes */
  int digits[3];   /* NUM/NUMDATE: digits of each part */
  char sep;        /* NUMDATE: the separator */
  guint32 key;     /* WORD: its first four letters, lower case, packed */
  guint word_len;  /* WORD: its length */
} Item;

#define KEY(a, b, c, d) ((guint32) (a) << 24 | (guint32) (b) << 16 | (guint32) (c) << 8 | (guint32) (d))

/* Zone names as servers write them, packed like Item.key. */
static const struct { guint32 key; int minutes; } zones[] = {
  { KEY ('u', 't', 0, 0), 0 }, { KEY ('u', 't', 'c', 0), 0 }, { KEY ('g', 'm', 't', 0), 0 },
  { KEY ('z', 0, 0, 0), 0 }, { KEY ('w', 'e', 't', 0), 0 }, { KEY ('w', 'e', 's', 't'), 60 },
  { KEY ('b', 's', 't', 0), 60 }, { KEY ('c', 'e', 't', 0), 60 }, { KEY ('m', 'e', 't', 0), 60 },
  { KEY ('c', 'e', 's', 't'), 120 }, { KEY ('m', 'e', 's', 't'), 120 },
  { KEY ('e', 'e', 't', 0), 120 }, { KEY ('e', 'e', 's', 't'), 180 },
  { KEY ('m', 's', 'k', 0), 180 }, { KEY ('i', 's', 't', 0), 330 }, { KEY ('w', 'i', 'b', 0), 420 },
  { KEY ('h', 'k', 't', 0), 480 }, { KEY ('s', 'g', 't', 0), 480 },
  { KEY ('a', 'w', 's', 't'), 480 }, { KEY ('j', 's', 't', 0), 540 }, { KEY ('k', 's', 't', 0), 540 },
  { KEY ('a', 'e', 's', 't'), 600 }, { KEY ('a', 'e', 'd', 't'), 660 },
  { KEY ('n', 'z', 's', 't'), 720 }, { KEY ('n', 'z', 'd', 't'), 780 },
  { KEY ('e', 's', 't', 0), -300 }, { KEY ('e', 'd', 't', 0), -240 }, { KEY ('c', 's', 't', 0), -360 },
  { KEY ('c', 'd', 't', 0), -300 }, { KEY ('m', 's', 't', 0), -420 }, { KEY ('m', 'd', 't', 0), -360 },
  { KEY ('p', 's', 't', 0), -480 }, { KEY ('p', 'd', 't', 0), -420 },
  { KEY ('a', 'k', 's', 't'), -540 }, { KEY ('a', 'k', 'd', 't'), -480 },
  { KEY ('h', 's', 't', 0), -600 }, { KEY ('a', 's', 't', 0), -240 }, { KEY ('a', 'd', 't', 0), -180 },
  { KEY ('n', 's', 't', 0), -210 }, { KEY ('n', 'd', 't', 0), -150 },
};

/* The first three letters of each month, packed like Item.key without the fourth. */
static const guint32 months[12] = {
  KEY ('j', 'a', 'n', 0), KEY ('f', 'e', 'b', 0), KEY ('m', 'a', 'r', 0), KEY ('a', 'p', 'r', 0),
  KEY ('m', 'a', 'y', 0), KEY ('j', 'u', 'n', 0), KEY ('j', 'u', 'l', 0), KEY ('a', 'u', 'g', 0),
  KEY ('s', 'e', 'p', 0), KEY ('o', 'c', 't', 0), KEY ('n', 'o', 'v', 0), KEY ('d', 'e', 'c', 0),
};

static int
read_digits (const char *s, gsize len, gsize *i, int max_digits, int *n_digits)
{
  int v = 0, n = 0;

  while (*i < len && g_ascii_isdigit (s[*i]))
    {
      if (n < max_digits)
        v = v * 10 + (s[*i] - '0');
      n++;
      (*i)++;
    }
  *n_digits = n;
  return v;
}

/* Skips a comment with a bounded depth; returns FALSE if it does not close. */
static gboolean
skip_comment (const char *s, gsize len, gsize *i)
{
  int depth = 0;

  for (; *i < len; (*i)++)
    {
      if (s[*i] == '\\' && *i + 1 < len)
        (*i)++;
      else if (s[*i] == '(')
        depth++;
      else if (s[*i] == ')' && --depth == 0)
        {
          (*i)++;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
lex_items (const char *s, gsize len, Item *items)
{
  guint n = 0;
  gsize i = 0;

  while (i < len && n < MAX_ITEMS)
    {
      char c = s[i];
      Item *it = &items[n];

      memset (it, 0, sizeof *it);

      if (c == '(')
        {
          if (!skip_comment (s, len, &i))
            break;
          continue;
        }

      if (g_ascii_isdigit (c))
        {
          int nd;
          int v = read_digits (s, len, &i, 9, &nd);

          if (i + 1 < len && s[i] == ':' && g_ascii_isdigit (s[i + 1]) && nd <= 2)
            {
              it->type = ITEM_TIME;
              it->v[0] = v;
              i++;
              it->v[1] = read_digits (s, len, &i, 2, &nd);
              if (i + 1 < len && s[i] == ':' && g_ascii_isdigit (s[i + 1]))
                {
                  i++;
                  it->v[2] = read_digits (s, len, &i, 2, &nd);
                }
              /* Fractional seconds are rounded to the nearest second. */
              if (i + 1 < len && (s[i] == '.' || s[i] == ',') && g_ascii_isdigit (s[i + 1]))
                {
                  i++;
                  it->v[3] = s[i] >= '5';
                  read_digits (s, len, &i, 0, &nd);
                }
            }
          else if (i + 1 < len && (s[i] == '-' || s[i] == '/' || s[i] == '.')
                   && g_ascii_isdigit (s[i + 1]))
            {
              char sep = s[i];

              it->type = ITEM_NUMDATE;
              it->sep = sep;
              it->v[0] = v;
              it->digits[0] = nd;
              i++;
              it->v[1] = read_digits (s, len, &i, 9, &it->digits[1]);
              if (i + 1 < len && s[i] == sep && g_ascii_isdigit (s[i + 1]))
                {
                  i++;
                  it->v[2] = read_digits (s, len, &i, 9, &it->digits[2]);
                }
              else
                it->digits[2] = 0;
            }
          else
            {
              it->type = ITEM_NUM;
              it->v[0] = v;
              it->digits[0] = nd;
            }
          it->end = i;
          n++;
          continue;
        }

      if ((c == '+' || c == '-') && i + 1 < len && g_ascii_isdigit (s[i + 1]))
        {
          int nd;
          gsize j = i + 1;
          int v = read_digits (s, len, &j, 9, &nd);

          if (nd == 4)
            {
              int hh = v / 100, mm = v % 100;

              it->type = ITEM_ZONE;
              it->v[0] = (hh <= 23 && mm <= 59) ? (c == '-' ? -1 : 1) * (hh * 60 + mm) : G_MAXINT;
              it->end = j;
              i = j;
              n++;
              continue;
            }
          i = j;
          continue;
        }

      if (g_ascii_isalpha (c))
        {
          gsize k = 0;

          it->type = ITEM_WORD;
          while (i < len && g_ascii_isalpha (s[i]))
            {
              if (k < 4)
                it->key |= (guint32) (guchar) hl_ascii_lower (s[i]) << (24 - 8 * k);
              k++;
              i++;
            }
          it->word_len = k;
          it->end = i;
          n++;
          continue;
        }

      i++;
    }

  return n;
}

static int
month_from_word (const Item *it)
{
  if (it->word_len < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    if ((it->key & 0xffffff00u) == months[m])
      return m + 1;
  return 0;
}

static gboolean
zone_from_word (const Item *it,
                int        *minutes)
{
  if (it->word_len > 4)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (it->key == zones[i].key)
      {
        *minutes = zones[i].minutes;
        return TRUE;
      }
  return FALSE;
}

static gboolean
word_is (const Item *it,
         guint32     key,
         guint       len)
{
  return it->word_len == len && it->key == key;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static int
days_in_month (int y, int m)
{
  static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dim[m - 1];
}

gboolean
hl_date_parse (const char *text,
               gsize       len,
               gint64     *unix_time,
               int        *offset_minutes,
               gsize      *consumed,
               guint      *flags)
{
  Item items[MAX_ITEMS];
  guint n = lex_items (text, len, items);
  int year = -1, month = 0, day = 0, hour = -1, min = 0, sec = 0, round_up = 0;
  int zone = G_MININT, pm = -1;
  int year_digits = 0;
  gboolean month_first = FALSE, have_date = FALSE;
  gsize end = 0;
  guint f = 0;

  for (guint i = 0; i < n; i++)
    {
      Item *it = &items[i];
      int m, z;

      switch (it->type)
        {
        case ITEM_WORD:
          if (month == 0 && (m = month_from_word (it)) != 0)
            {
              month = m;
              if (day == 0)
                month_first = TRUE;
              end = it->end;
            }
          else if (hour >= 0 && (word_is (it, KEY ('p', 'm', 0, 0), 2) || word_is (it, KEY ('a', 'm', 0, 0), 2)))
            {
              pm = (it->key >> 24) == 'p';
              end = it->end;
            }
          else if (hour >= 0 && zone == G_MININT && zone_from_word (it, &z))
            {
              zone = z;
              f |= HL_DATE_FLAG_LENIENT;
              end = it->end;
            }
          break;

        case ITEM_NUM:
          if (have_date)
            break;
          if (it->digits[0] <= 2 && day == 0 && (month == 0 || month_first))
            day = it->v[0];
          else if (year < 0 && (it->digits[0] == 4 || (it->digits[0] == 2 && day != 0)))
            {
              year = it->v[0];
              year_digits = it->digits[0];
            }
          else if (year < 0 && it->digits[0] > 4)
            {
              year = G_MAXINT;
              year_digits = 4;
            }
          else
            break;
          end = it->end;
          if (day != 0 && month != 0 && year >= 0)
            have_date = TRUE;
          break;

        case ITEM_NUMDATE:
          if (have_date || it->digits[2] == 0)
            break;
          f |= HL_DATE_FLAG_LENIENT;
          if (it->digits[0] == 4)
            {
              year = it->v[0], month = it->v[1], day = it->v[2];
              year_digits = 4;
            }
          else if (it->sep == '.')
            {
              day = it->v[0], month = it->v[1], year = it->v[2];
              year_digits = it->digits[2];
            }
          else
            {
              month = it->v[0], day = it->v[1], year = it->v[2];
              year_digits = it->digits[2];
            }
          have_date = TRUE;
          end = it->end;
          break;

        case ITEM_TIME:
          if (hour < 0)
            {
              hour = it->v[0], min = it->v[1], sec = it->v[2];
              round_up = it->v[3];
              end = it->end;
            }
          break;

        case ITEM_ZONE:
          if (zone == G_MININT && hour >= 0)
            {
              zone = it->v[0];
              end = it->end;
            }
          break;

        default:
          break;
        }
    }

  if (year < 0 || month == 0 || day == 0)
    return FALSE;

  if (year_digits == 2)
    {
      year += year < 50 ? 2000 : 1900;
      f |= HL_DATE_FLAG_TWO_DIGIT_YEAR;
    }
  else if (year_digits == 3)
    year += 1900;   /* RFC 5322 obs-year */

  if (hour < 0)
    {
      hour = 0;
      f |= HL_DATE_FLAG_LENIENT;
    }
  if (pm == 1 && hour < 12)
    hour += 12;
  else if (pm == 0 && hour == 12)
    hour = 0;

  if (zone == G_MININT)
    {
      zone = 0;
      f |= HL_DATE_FLAG_NO_ZONE;
    }

  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1
      || day > days_in_month (year, month) || hour > 23 || min > 59 || sec > 60
      || zone == G_MAXINT)
    {
      if (flags != NULL)
        *flags = f | HL_DATE_FLAG_OUT_OF_RANGE;
      return FALSE;
    }

  if (unix_time != NULL)
    *unix_time = days_from_civil (year, month, day) * 86400
                 + hour * 3600 + min * 60 + sec + round_up - (gint64) zone * 60;
  if (offset_minutes != NULL)
    *offset_minutes = zone;
  if (consumed != NULL)
    *consumed = end;
  if (flags != NULL)
    *flags = f;
  return TRUE;
}

char *
hl_date_format_iso (gint64   unix_time,
                    int      offset_minutes,
                    gboolean utc_z)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  if (utc_z)
    return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  tz = g_time_zone_new_offset (offset_minutes * 60);
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return NULL;
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}
