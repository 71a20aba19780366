/* hl-test-route.h: loading the messages the tests read into routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from hl-test.h because it needs libhoplock: a test program that only
 * runs hoplock-cli does not link the library.
 */
#pragma once

#include "hoplock.h"
#include "hl-test.h"

G_BEGIN_DECLS

HlRoute *hl_test_load_route  (const char *first_element,
                              ...) G_GNUC_NULL_TERMINATED;
HlRoute *hl_test_load_sample (const char *name);

G_END_DECLS
