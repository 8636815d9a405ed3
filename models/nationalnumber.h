// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "identifiererror.h"

#include <QDate>
#include <QString>

namespace C360
{

// A validated Belgian national register number (rijksregisternummer) or BIS number.
class NationalNumber
{
public:
    enum class Kind { Register, Bis };
    enum class Sex { Unknown, Male, Female };

    // Accepts 11 digits with or without separators ("85.07.30-033.28", "85073003328").
    static Expected<NationalNumber, IdentifierError> parse(QStringView input);
    static bool isValid(QStringView input) { return parse(input).has_value(); }

    // The 11 digits, as stored.
    QString digits() const { return m_digits; }
    // YY.MM.DD-SSS.CC, as printed on the identity card.
    QString formatted() const;
    // Shows only the check digits, for lists where the number must not be readable.
    QString masked() const;
    // The masked form around checkDigits, the two digits left visible (what a store that masks
    // the number itself gives).
    static QString maskedWith(QStringView checkDigits);

    Kind kind() const { return m_kind; }
    bool bornFrom2000() const { return m_bornFrom2000; }
    // The full birth date; invalid when the register records it as (partly) unknown.
    QDate birthDate() const;
    int birthYear() const;
    Sex sex() const;

    friend bool operator==(const NationalNumber &, const NationalNumber &) = default;

private:
    NationalNumber() = default;
    QString m_digits;
    Kind m_kind = Kind::Register;
    bool m_bornFrom2000 = false;
};

} // namespace C360
