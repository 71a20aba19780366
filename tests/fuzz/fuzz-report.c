/* fuzz-report.c: a report writer, for a message made of the input
 *
 * Built once per format, with HL_FUZZ_FORMAT set to its HlReportFormat, so every
 * writer gets a fuzzer of its own. The first input byte chooses the flags (bit 0
 * colour, bit 1 explanations, bit 3 US Letter pages) and whether the report
 * covers the message once or twice (bit 2); the rest is the message. The report
 * targets share one corpus.
 *
 * Besides not crashing, a writer must keep what the design promises: terminal
 * text without control characters but the line break (and, with colour, whole
 * SGR sequences); JSON that parses; text formats in valid UTF-8; HTML without a
 * script, frame or image element; a PDF that starts like one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"
#include "report/pdf/hl-report-pdf.h"

#ifndef HL_FUZZ_FORMAT
#error "Build with -DHL_FUZZ_FORMAT=<HlReportFormat>"
#endif

G_STATIC_ASSERT (HL_FUZZ_FORMAT >= 0 && HL_FUZZ_FORMAT < HL_REPORT_N_FORMATS);

static const HlReportFormat format = HL_FUZZ_FORMAT;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_common ();
  hl_report_pdf_register ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HlRoute) route = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlRoute *routes[2];
  HlTextFlags flags = HL_TEXT_PLAIN;
  guint n_routes = 1;
  const char *name, *mime, *out;
  gsize len;

  /* A format being added may be in the enum before its writer is in the table. */
  if (size < 1 || hl_report_format_to_string (format) == NULL)
    return 0;
  if (data[0] & 1)
    flags |= HL_TEXT_COLOR;
  if (data[0] & 2)
    flags |= HL_TEXT_EXPLAIN;
  if (data[0] & 4)
    n_routes = 2;
  if (data[0] & 8)
    flags |= HL_REPORT_LETTER;

  route = hl_route_new_from_data ((const char *) data + 1, size - 1, "fuzz.eml", NULL);
  if (route == NULL)
    return 0;
  routes[0] = routes[1] = route;

  bytes = hl_report_render (routes, n_routes, format, flags, &error);
  /* A writer may refuse with an error, never without one. */
  FUZZ_CHECK ((bytes == NULL) == (error != NULL));
  if (bytes == NULL)
    return 0;

  out = g_bytes_get_data (bytes, &len);
  FUZZ_CHECK (len == 0 || out != NULL);
  name = hl_report_format_to_string (format);
  mime = hl_report_format_mime_type (format);
  FUZZ_CHECK (name != NULL && mime != NULL);

  if (format == HL_REPORT_FORMAT_TEXT)
    fuzz_check_terminal_text (out, len, (flags & HL_TEXT_COLOR) != 0);

  if (g_str_has_prefix (mime, "text/") || strstr (mime, "json") != NULL)
    FUZZ_CHECK (g_utf8_validate (out, len, NULL));

  /* No script or other active markup gets into a page from a header: the page has
   * none of its own, so any would be the sender's. */
  if (strcmp (name, "html") == 0)
    {
      g_autofree char *lower = g_ascii_strdown (out, len);

      FUZZ_CHECK (strstr (lower, "<script") == NULL);
      FUZZ_CHECK (strstr (lower, "<iframe") == NULL);
      FUZZ_CHECK (strstr (lower, "<img") == NULL);
    }
  if (strcmp (name, "pdf") == 0)
    FUZZ_CHECK (len > 5 && memcmp (out, "%PDF-", 5) == 0);

  if (format == HL_REPORT_FORMAT_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      FUZZ_CHECK (json_parser_load_from_data (parser, out, len, NULL));
    }
  else if (format == HL_REPORT_FORMAT_JSON_LINES)
    {
      const char *p = out, *end = out + len;

      while (p < end)
        {
          const char *nl = memchr (p, '\n', end - p);
          g_autoptr(JsonParser) parser = json_parser_new ();

          FUZZ_CHECK (nl != NULL);
          FUZZ_CHECK (json_parser_load_from_data (parser, p, nl - p, NULL));
          p = nl + 1;
        }
    }

  return 0;
}
