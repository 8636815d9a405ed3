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
    using namespace c360;
    const auto records = Open311Parser::parse(fuzz::bytes(data, size));
    if (!records) {
        fuzz::consume(records.error());
        return 0;
    }
    for (const Open311Record &record : *records) {
        fuzz::consume(Open311Mapper::recordId(record));
        fuzz::consume(Open311Mapper::changedAt(record, Timestamp::defaultZone()));
        const auto mapped = Open311Mapper::map(record, QStringLiteral("open311"), Timestamp::defaultZone());
        fuzz::consume(mapped);
    }
    return 0;
}
