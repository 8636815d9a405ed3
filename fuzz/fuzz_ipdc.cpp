// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Pages of the Flemish IPDC product catalogue as an LDES feed (JSON-LD), as any server may send
// them: members read into catalogue entries, relations into the pages to read next.

#include "fuzzing.h"
#include "sync/ipdc/ipdcparser.h"

#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    static const IpdcParser parser(QStringLiteral("ipdc"));
    static const QUrl pageUrl(QStringLiteral("https://ipdc.example.be/doc/conceptsnapshot?pageNumber=3"));
    const auto page = parser.parsePage(Fuzz::bytes(data, size), pageUrl);
    Fuzz::consume(page);
    return 0;
}
