// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "nationalnumber.h"

namespace C360
{

namespace Detail
{
std::optional<QString> digitsOnly(QStringView input)
{
    QString digits;
    digits.reserve(input.size());
    for (const QChar c : input) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            digits.append(c);
        } else if (c.isSpace() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('/')) {
            continue;
        } else {
            return std::nullopt;
        }
    }
    return digits;
}
} // namespace Detail

namespace
{
int field(const QString &digits, int from, int length)
{
    return QStringView(digits).mid(from, length).toInt();
}

// 97 − (n mod 97): the check of the register, over the 9 leading digits (with a 2 in front for
// births from 2000 on).
bool checksumMatches(qint64 nineDigits, int check, bool from2000)
{
    const qint64 n = from2000 ? 2000000000LL + nineDigits : nineDigits;
    return 97 - static_cast<int>(n % 97) == check;
}
} // namespace

Expected<NationalNumber, IdentifierError> NationalNumber::parse(QStringView input)
{
    if (input.trimmed().isEmpty()) {
        return unexpected(IdentifierError::Empty);
    }
    const std::optional<QString> digits = Detail::digitsOnly(input);
    if (!digits) {
        return unexpected(IdentifierError::InvalidCharacters);
    }
    if (digits->size() != 11) {
        return unexpected(IdentifierError::WrongLength);
    }

    const qint64 nine = QStringView(*digits).left(9).toLongLong();
    const int check = field(*digits, 9, 2);
    bool from2000 = false;
    if (checksumMatches(nine, check, false)) {
        from2000 = false;
    } else if (checksumMatches(nine, check, true)) {
        from2000 = true;
    } else {
        return unexpected(IdentifierError::ChecksumMismatch);
    }

    const int yy = field(*digits, 0, 2);
    int month = field(*digits, 2, 2);
    const int day = field(*digits, 4, 2);
    const int serial = field(*digits, 6, 3);

    Kind kind = Kind::Register;
    if (month >= 40) {
        kind = Kind::Bis;
        month -= 40;
    } else if (month >= 20) {
        kind = Kind::Bis;
        month -= 20;
    }
    // Month or day 00 means "not known to the register"; anything else must be a real date.
    if (month > 12 || day > 31) {
        return unexpected(IdentifierError::InvalidDate);
    }
    if (month > 0 && day > 0 && !QDate::isValid((from2000 ? 2000 : 1900) + yy, month, day)) {
        return unexpected(IdentifierError::InvalidDate);
    }
    if (serial == 0 || serial == 999) {
        return unexpected(IdentifierError::InvalidSerial);
    }

    NationalNumber result;
    result.m_digits = *digits;
    result.m_kind = kind;
    result.m_bornFrom2000 = from2000;
    return result;
}

QString NationalNumber::formatted() const
{
    const QStringView d(m_digits);
    return d.mid(0, 2) + QLatin1Char('.') + d.mid(2, 2) + QLatin1Char('.') + d.mid(4, 2) + QLatin1Char('-') + d.mid(6, 3) + QLatin1Char('.') + d.mid(9, 2);
}

QString NationalNumber::masked() const
{
    return maskedWith(QStringView(m_digits).mid(9, 2));
}

QString NationalNumber::maskedWith(QStringView checkDigits)
{
    return QStringLiteral("••.••.••-•••.") + checkDigits;
}

int NationalNumber::birthYear() const
{
    return (m_bornFrom2000 ? 2000 : 1900) + field(m_digits, 0, 2);
}

QDate NationalNumber::birthDate() const
{
    const int month = field(m_digits, 2, 2) % 20;
    const int day = field(m_digits, 4, 2);
    if (month == 0 || day == 0) {
        return {};
    }
    return QDate(birthYear(), month, day);
}

NationalNumber::Sex NationalNumber::sex() const
{
    // A BIS number with month + 20 records no sex; the register and BIS + 40 use the serial's parity.
    const int rawMonth = field(m_digits, 2, 2);
    if (m_kind == Kind::Bis && rawMonth < 40) {
        return Sex::Unknown;
    }
    return field(m_digits, 6, 3) % 2 == 1 ? Sex::Male : Sex::Female;
}

} // namespace C360
