// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Date-times as back ends send them (with an offset, "Z", or none), read leniently.

#include "fuzzing.h"
#include "sync/timestamp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    const QDateTime t = Timestamp::parse(text, Timestamp::defaultZone());
    if (t.isValid() && t.timeSpec() != Qt::UTC) {
        __builtin_trap(); // what it gives is UTC, always
    }
    Fuzz::consume(t);
    return 0;
}
