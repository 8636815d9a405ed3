// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common/clock.h"

namespace C360
{

SystemClock &SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

} // namespace C360
