// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Open311 GeoReport v2 answers, JSON or XML, as any server may send them: parsed, and every record
// mapped to a report (the path every page of a requests sync takes).

#include "fuzzing.h"
#include "sync/open311/open311mapper.h"
#include "sync/open311/open311parser.h"
#include "sync/timestamp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const auto records = Open311Parser::parse(Fuzz::bytes(data, size));
    if (!records) {
        Fuzz::consume(records.error());
        return 0;
    }
    for (const Open311Record &record : *records) {
        Fuzz::consume(Open311Mapper::recordId(record));
        Fuzz::consume(Open311Mapper::changedAt(record, Timestamp::defaultZone()));
        const auto mapped = Open311Mapper::map(record, QStringLiteral("open311"), Timestamp::defaultZone());
        Fuzz::consume(mapped);
    }
    return 0;
}
