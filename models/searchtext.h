// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>
#include <QStringView>

namespace C360
{
struct Citizen;

namespace SearchText
{
// Lower case without accents or punctuation: "Désirée Vande Velde-Çelik" → "desiree vande velde celik".
QString fold(QStringView text);
// The words the citizen search index holds for a citizen: folded names, plus the family name
// written as one word so that "vandenbossche" finds "Van den Bossche".
QString citizenNames(const Citizen &citizen);
// Digits of a phone number in international form: "0470 12 34 56", "+32 470 12.34.56" and
// "0032470123456" all become "32470123456". A national number (leading 0) gets countryCode.
QString normalizePhone(QStringView phone, QStringView countryCode = u"32");
// Lower-cased and trimmed; e-mail local parts are case-sensitive in theory, never in practice.
QString normalizeEmail(QStringView email);
} // namespace SearchText

} // namespace C360
