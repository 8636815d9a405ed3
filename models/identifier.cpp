// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "identifier.h"

#include "bsn.h"
#include "nationalnumber.h"

namespace C360
{

Expected<Identifier, IdentifierError> Identifier::parse(IdentifierType type, QStringView value)
{
    switch (type) {
    case IdentifierType::BelgianNationalNumber:
    case IdentifierType::BelgianBisNumber: {
        const auto number = NationalNumber::parse(value);
        if (!number) {
            return unexpected(number.error());
        }
        const IdentifierType actual = number->kind() == NationalNumber::Kind::Bis ? IdentifierType::BelgianBisNumber : IdentifierType::BelgianNationalNumber;
        if (actual != type) {
            return unexpected(IdentifierError::UnknownType);
        }
        return Identifier{type, number->digits()};
    }
    case IdentifierType::DutchBsn: {
        const auto bsn = Bsn::parse(value);
        if (!bsn) {
            return unexpected(bsn.error());
        }
        return Identifier{type, bsn->digits()};
    }
    }
    return unexpected(IdentifierError::UnknownType);
}

Expected<Identifier, IdentifierError> Identifier::detect(QStringView value)
{
    if (value.trimmed().isEmpty()) {
        return unexpected(IdentifierError::Empty);
    }
    const std::optional<QString> digits = Detail::digitsOnly(value);
    if (!digits) {
        return unexpected(IdentifierError::InvalidCharacters);
    }
    if (digits->size() == 11) {
        const auto number = NationalNumber::parse(*digits);
        if (!number) {
            return unexpected(number.error());
        }
        return Identifier{number->kind() == NationalNumber::Kind::Bis ? IdentifierType::BelgianBisNumber : IdentifierType::BelgianNationalNumber,
                          number->digits()};
    }
    if (digits->size() == 8 || digits->size() == 9) {
        return parse(IdentifierType::DutchBsn, *digits);
    }
    return unexpected(IdentifierError::WrongLength);
}

QString Identifier::formatted() const
{
    if (type == IdentifierType::DutchBsn) {
        const auto bsn = Bsn::parse(value);
        return bsn ? bsn->formatted() : value;
    }
    const auto number = NationalNumber::parse(value);
    return number ? number->formatted() : value;
}

QString Identifier::masked() const
{
    if (type == IdentifierType::DutchBsn) {
        const auto bsn = Bsn::parse(value);
        return bsn ? bsn->masked() : QString(value.size(), QChar(0x2022));
    }
    const auto number = NationalNumber::parse(value);
    return number ? number->masked() : QString(value.size(), QChar(0x2022));
}

} // namespace C360
