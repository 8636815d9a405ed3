// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "organisationidentifier.h"

#include "bsn.h"

namespace C360
{

namespace
{
// "BE", "be" or "Be" before the digits of a VAT number; the rest, and whether it was there.
QStringView withoutCountry(QStringView input, bool *had)
{
    const QStringView trimmed = input.trimmed();
    *had = trimmed.size() >= 2 && trimmed.left(2).compare(u"BE", Qt::CaseInsensitive) == 0;
    return *had ? trimmed.mid(2) : trimmed;
}

Expected<QString, IdentifierError> digitsOf(QStringView input)
{
    if (input.trimmed().isEmpty()) {
        return unexpected(IdentifierError::Empty);
    }
    std::optional<QString> digits = Detail::digitsOnly(input);
    if (!digits) {
        return unexpected(IdentifierError::InvalidCharacters);
    }
    return *digits;
}

Expected<QString, IdentifierError> enterpriseNumber(QStringView input)
{
    bool country = false;
    auto digits = digitsOf(withoutCountry(input, &country));
    if (!digits) {
        return digits;
    }
    if (digits->size() == 9) {
        digits->prepend(QLatin1Char('0'));
    }
    if (digits->size() != 10) {
        return unexpected(IdentifierError::WrongLength);
    }
    // Numbers are given from 0200.000.000; 1 is the range opened after the zeros.
    if (digits->at(0) != QLatin1Char('0') && digits->at(0) != QLatin1Char('1')) {
        return unexpected(IdentifierError::InvalidSerial);
    }
    const qint64 base = QStringView(*digits).left(8).toLongLong();
    if (97 - base % 97 != QStringView(*digits).mid(8).toInt()) {
        return unexpected(IdentifierError::ChecksumMismatch);
    }
    return digits;
}

Expected<QString, IdentifierError> fixedLength(QStringView input, qsizetype length)
{
    auto digits = digitsOf(input);
    if (digits && digits->size() != length) {
        return unexpected(IdentifierError::WrongLength);
    }
    return digits;
}
} // namespace

Expected<OrganisationIdentifier, IdentifierError> OrganisationIdentifier::parse(OrganisationIdentifierType type, QStringView value)
{
    Expected<QString, IdentifierError> digits = unexpected(IdentifierError::UnknownType);
    switch (type) {
    case OrganisationIdentifierType::BelgianEnterpriseNumber:
        digits = enterpriseNumber(value);
        break;
    case OrganisationIdentifierType::DutchKvkNumber:
        digits = fixedLength(value, 8);
        break;
    case OrganisationIdentifierType::DutchBranchNumber:
        digits = fixedLength(value, 12);
        break;
    case OrganisationIdentifierType::DutchRsin:
        digits = fixedLength(value, 9);
        if (digits && !Bsn::passesElevenCheck(*digits)) {
            digits = unexpected(IdentifierError::ChecksumMismatch);
        }
        break;
    }
    if (!digits) {
        return unexpected(digits.error());
    }
    return OrganisationIdentifier{type, *digits};
}

Expected<OrganisationIdentifier, IdentifierError> OrganisationIdentifier::detect(QStringView value)
{
    bool country = false;
    const QStringView rest = withoutCountry(value, &country);
    if (country) {
        return parse(OrganisationIdentifierType::BelgianEnterpriseNumber, rest);
    }
    const auto digits = digitsOf(value);
    if (!digits) {
        return unexpected(digits.error());
    }
    switch (digits->size()) {
    case 8:
        return parse(OrganisationIdentifierType::DutchKvkNumber, *digits);
    case 9:
        if (Bsn::passesElevenCheck(*digits)) {
            return parse(OrganisationIdentifierType::DutchRsin, *digits);
        }
        return parse(OrganisationIdentifierType::BelgianEnterpriseNumber, *digits);
    case 10:
        return parse(OrganisationIdentifierType::BelgianEnterpriseNumber, *digits);
    case 12:
        return parse(OrganisationIdentifierType::DutchBranchNumber, *digits);
    default:
        return unexpected(IdentifierError::WrongLength);
    }
}

QString OrganisationIdentifier::formatted() const
{
    if (type == OrganisationIdentifierType::BelgianEnterpriseNumber && value.size() == 10) {
        const QStringView d(value);
        return d.left(4) + QLatin1Char('.') + d.mid(4, 3) + QLatin1Char('.') + d.mid(7, 3);
    }
    return value;
}

} // namespace C360
