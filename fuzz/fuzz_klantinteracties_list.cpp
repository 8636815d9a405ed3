// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Klantinteracties list pages (partijen, klantcontacten, internetaken, …) as any server may send
// them: the envelope, then every record checked, hashed and read as each kind it may be, and
// mapped to the local model (the path every page of a crawl takes).

#include "fuzzing.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const auto page = KlantinteractiesParser::page(Fuzz::bytes(data, size));
    if (!page) {
        Fuzz::consume(page.error());
        return 0;
    }
    for (const QJsonObject &record : page->records) {
        Fuzz::consume(KlantinteractiesParser::recordId(record));
        Fuzz::consume(KlantinteractiesParser::checkRecord(record, page->invalidUtf8));
        Fuzz::consume(KlantinteractiesParser::contentHash(record, {QStringLiteral("betrokkenen")}));
        if (const auto party = KlantinteractiesParser::party(record)) {
            Fuzz::consume(KlantinteractiesMapper::citizen(*party, QStringLiteral("openklant")));
        }
        if (const auto contact = KlantinteractiesParser::contact(record)) {
            Fuzz::consume(KlantinteractiesMapper::contactMoment(*contact, QStringLiteral("openklant"), 1));
            Fuzz::consume(KlantinteractiesMapper::partyOf(*contact));
        }
        if (const auto task = KlantinteractiesParser::task(record)) {
            Fuzz::consume(KlantinteractiesMapper::request(*task, QStringLiteral("openklant"), 1, {}));
        }
        if (const auto actor = KlantinteractiesParser::actor(record)) {
            Fuzz::consume(KlantinteractiesMapper::assignee(*actor));
        }
    }
    return 0;
}
