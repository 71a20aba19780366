/* hoplock.h: libhoplock, the Received-chain reader of Hoplock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define HOPLOCK_INSIDE

#include "hl-version-macros.h"
#include "hl-types.h"
#include "hl-cipher.h"
#include "hl-rating.h"
#include "hl-received.h"
#include "hl-route.h"
#include "hl-labels.h"
#include "hl-report.h"
#include "hl-explain.h"

#undef HOPLOCK_INSIDE
