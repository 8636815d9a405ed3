// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Klantinteracties single records (a GET of one partij, klantcontact, internetaak, actor, digitaal
// adres or betrokkene, and the answers to POST and PATCH) as any server may send them.

#include "fuzzing.h"
#include "sync/klantinteracties/klantinteractiesmapper.h"
#include "sync/klantinteracties/klantinteractiesparser.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const QJsonObject record = QJsonDocument::fromJson(Fuzz::bytes(data, size)).object();
    Fuzz::consume(KlantinteractiesParser::checkRecord(record, false));
    if (const auto party = KlantinteractiesParser::party(record)) {
        Fuzz::consume(KlantinteractiesMapper::citizen(*party, QStringLiteral("openklant")));
    }
    if (const auto contact = KlantinteractiesParser::contact(record)) {
        Fuzz::consume(KlantinteractiesMapper::contactMoment(*contact, QStringLiteral("openklant"), 1));
    }
    if (const auto task = KlantinteractiesParser::task(record)) {
        Fuzz::consume(KlantinteractiesMapper::request(*task, QStringLiteral("openklant"), 1, {}));
    }
    Fuzz::consume(KlantinteractiesParser::actor(record));
    Fuzz::consume(KlantinteractiesParser::digitalAddress(record));
    Fuzz::consume(KlantinteractiesParser::involved(record));
    return 0;
}
