// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "bsn.h"

namespace C360
{

Expected<Bsn, IdentifierError> Bsn::parse(QStringView input)
{
    if (input.trimmed().isEmpty()) {
        return unexpected(IdentifierError::Empty);
    }
    std::optional<QString> digits = Detail::digitsOnly(input);
    if (!digits) {
        return unexpected(IdentifierError::InvalidCharacters);
    }
    if (digits->size() == 8) {
        digits->prepend(QLatin1Char('0'));
    }
    if (digits->size() != 9) {
        return unexpected(IdentifierError::WrongLength);
    }
    if (!passesElevenCheck(*digits)) {
        return unexpected(IdentifierError::ChecksumMismatch);
    }
    Bsn result;
    result.m_digits = *digits;
    return result;
}

bool Bsn::passesElevenCheck(QStringView nineDigits)
{
    // 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11; a sum of 0 counts (100000009 passes),
    // only the all-zero number is refused.
    if (nineDigits.size() != 9 || nineDigits == u"000000000") {
        return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        sum += (9 - i) * nineDigits.at(i).digitValue();
    }
    sum -= nineDigits.at(8).digitValue();
    return sum % 11 == 0;
}

QString Bsn::formatted() const
{
    const QStringView d(m_digits);
    return d.mid(0, 4) + QLatin1Char('.') + d.mid(4, 2) + QLatin1Char('.') + d.mid(6, 3);
}

QString Bsn::masked() const
{
    return maskedWith(QStringView(m_digits).mid(6, 3));
}

QString Bsn::maskedWith(QStringView lastDigits)
{
    return QStringLiteral("••••.••.") + lastDigits;
}

} // namespace C360
