/* hoplock.h: libhoplock, the Received-chain reader of Hoplock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define HOPLOCK_INSIDE

#include "hl-version-macros.h"
#include "core/hl-types.h"
#include "tls/hl-cipher.h"
#include "tls/hl-rating.h"
#include "core/hl-org.h"
#include "core/hl-received.h"
#include "core/hl-route.h"
#include "core/hl-text.h"
#include "trust/hl-trust.h"
#include "explain/hl-labels.h"
#include "explain/hl-lock-shape.h"
#include "explain/hl-explain.h"
#include "report/hl-report.h"
#include "mailbox/hl-mailbox.h"
#include "mailbox/hl-audit.h"

#undef HOPLOCK_INSIDE
