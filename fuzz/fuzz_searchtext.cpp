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
    using namespace c360;
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    fuzz::consume(SearchService::classify(text));
    fuzz::consume(SearchText::fold(text));
    fuzz::consume(SearchText::normalizePhone(text));
    fuzz::consume(SearchText::normalizeEmail(text));
    return 0;
}
