/* hl-test-route.c: loading the messages the tests read into routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hl-test-route.h"

/**
 * hl_test_load_route:
 * @first_element: the first part of the message's path below the source tree
 * @...: more parts, then %NULL
 *
 * Reads a message of the source tree with hl_route_new_from_file(). A message
 * that cannot be read is a failed assertion that names the file: the case
 * fails, and with GTest's default fatal assertions the program stops there, as
 * at any failed g_assert_*() of the case that would follow.
 *
 * Returns: (transfer full) (nullable): its route; %NULL only when it could not
 *   be read and g_test_set_nonfatal_assertions() is in effect
 */
HlRoute *
hl_test_load_route (const char *first_element,
                    ...)
{
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  HlRoute *route;
  va_list args;

  va_start (args, first_element);
  rest = g_build_filename_valist (first_element, &args);
  va_end (args);
  path = hl_test_source_path (rest, NULL);
  file = g_file_new_for_path (path);
  route = hl_route_new_from_file (file, NULL, &error);
  g_prefix_error (&error, "%s: ", path);
  g_assert_no_error (error);
  g_assert_nonnull (route);
  return route;
}

/**
 * hl_test_load_sample:
 * @name: a file name in data/samples/
 *
 * Returns: (transfer full) (nullable): the sample's route, as
 *   hl_test_load_route() returns it
 */
HlRoute *
hl_test_load_sample (const char *name)
{
  return hl_test_load_route ("data", "samples", name, NULL);
}
