/* hl-version-macros.h: symbol visibility for libhoplock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined(HOPLOCK_INSIDE) && !defined(HOPLOCK_COMPILATION)
# error "Only <hoplock.h> can be included directly."
#endif

#define HL_AVAILABLE_IN_ALL __attribute__((visibility ("default"))) extern
