// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "citizenbuilder.h"

namespace C360::Test
{

CitizenBuilder::CitizenBuilder()
{
    m_citizen.givenNames = QStringLiteral("Jan");
    m_citizen.familyName = QStringLiteral("Peeters");
    m_citizen.birthDate = QDate(1985, 7, 30);
    m_citizen.address = {QStringLiteral("Kerkstraat"), QStringLiteral("12"), {}, QStringLiteral("2000"), QStringLiteral("Antwerpen"), QStringLiteral("BE")};
    m_citizen.preferredLanguage = QStringLiteral("nl");
}

QString CitizenBuilder::nationalNumberFor(const QDate &birth, int serial, int monthOffset)
{
    const QString nine = QStringLiteral("%1%2%3%4")
                             .arg(birth.year() % 100, 2, 10, QLatin1Char('0'))
                             .arg(birth.month() + monthOffset, 2, 10, QLatin1Char('0'))
                             .arg(birth.day(), 2, 10, QLatin1Char('0'))
                             .arg(serial, 3, 10, QLatin1Char('0'));
    qint64 n = nine.toLongLong();
    if (birth.year() >= 2000) {
        n += 2000000000LL;
    }
    return nine + QStringLiteral("%1").arg(97 - n % 97, 2, 10, QLatin1Char('0'));
}

CitizenBuilder &CitizenBuilder::withName(const QString &given, const QString &family)
{
    m_citizen.givenNames = given;
    m_citizen.familyName = family;
    return *this;
}

CitizenBuilder &CitizenBuilder::bornOn(const QDate &date)
{
    m_citizen.birthDate = date;
    return *this;
}

CitizenBuilder &CitizenBuilder::withNationalNumber(int serial)
{
    return withIdentifier(IdentifierType::BelgianNationalNumber, nationalNumberFor(m_citizen.birthDate, serial));
}

CitizenBuilder &CitizenBuilder::withIdentifier(IdentifierType type, const QString &digits)
{
    m_citizen.identifiers.append({type, digits});
    return *this;
}

CitizenBuilder &CitizenBuilder::livingAt(const QString &street, const QString &number, const QString &postcode, const QString &municipality)
{
    m_citizen.address.street = street;
    m_citizen.address.number = number;
    m_citizen.address.postcode = postcode;
    m_citizen.address.municipality = municipality;
    return *this;
}

CitizenBuilder &CitizenBuilder::withEmail(const QString &email, const QDate &verifiedOn)
{
    m_citizen.digitalAddresses.append({DigitalAddressKind::Email, email, verifiedOn});
    return *this;
}

CitizenBuilder &CitizenBuilder::withPhone(const QString &phone, const QDate &verifiedOn)
{
    m_citizen.digitalAddresses.append({DigitalAddressKind::Phone, phone, verifiedOn});
    return *this;
}

CitizenBuilder &CitizenBuilder::withConsent(ConsentTopic topic, bool granted, const QDate &on)
{
    m_citizen.consents.append({topic, granted, on});
    return *this;
}

CitizenBuilder &CitizenBuilder::prefers(const QString &topic, Channel channel)
{
    m_citizen.channelPreferences.append({topic, channel});
    return *this;
}

CitizenBuilder &CitizenBuilder::speaks(const QString &language)
{
    m_citizen.preferredLanguage = language;
    return *this;
}

CitizenBuilder &CitizenBuilder::fromSource(const QString &system, const QString &id)
{
    m_citizen.source = {system, id};
    return *this;
}

} // namespace C360::Test
