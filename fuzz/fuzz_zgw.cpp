// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// ZGW list pages (zaken, statussen, rollen, zaaktypen, statustypen) as any case system may send
// them: the envelope, then every record checked, hashed and read as each kind it may be (the path
// every page of a crawl takes).

#include "fuzzing.h"
#include "sync/commongroundlist.h"
#include "sync/zgw/zgwparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const auto page = CommonGroundList::page(Fuzz::bytes(data, size));
    if (!page) {
        Fuzz::consume(page.error());
        return 0;
    }
    for (const QJsonObject &record : page->records) {
        Fuzz::consume(CommonGroundList::checkRecord(record, page->invalidUtf8));
        Fuzz::consume(CommonGroundList::contentHash(ZgwParser::ContentVersion, record, {QStringLiteral("status")}));
        Fuzz::consume(ZgwParser::uuidOfUrl(record.value(QStringLiteral("url")).toString()));
        Fuzz::consume(ZgwParser::days(record.value(QStringLiteral("doorlooptijd")).toString()));
        Fuzz::consume(ZgwParser::zaak(record));
        Fuzz::consume(ZgwParser::status(record));
        Fuzz::consume(ZgwParser::role(record));
        Fuzz::consume(ZgwParser::caseType(record));
        Fuzz::consume(ZgwParser::statusType(record));
    }
    return 0;
}
