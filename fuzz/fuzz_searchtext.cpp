// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// What staff type in the search field: recognised as a name, a national or enterprise number, a
// phone number, an e-mail address, a birth date or a postcode with a house number, and folded for
// the index.

#include "case/searchservice.h"
#include "fuzzing.h"
#include "searchtext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    Fuzz::consume(SearchService::classify(text));
    Fuzz::consume(SearchText::fold(text));
    Fuzz::consume(SearchText::normalizePhone(text));
    Fuzz::consume(SearchText::normalizeEmail(text));
    return 0;
}
