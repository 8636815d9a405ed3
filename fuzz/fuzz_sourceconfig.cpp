// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The synchronisation configuration file an administrator writes (citizen360-admin sync --config,
// Sync/configuration in the settings): read, or refused with a reason.

#include "fuzzing.h"
#include "sync/sourceconfig.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const auto sources = SourceConfig::fromJson(Fuzz::bytes(data, size));
    if (sources) {
        for (const SourceConfig &s : *sources) {
            Fuzz::consume(s.hasResource(QStringLiteral("partijen")));
            Fuzz::consume(SourceConfig::resourcesOf(s.dialect));
        }
    } else {
        Fuzz::consume(sources.error());
    }
    return 0;
}
