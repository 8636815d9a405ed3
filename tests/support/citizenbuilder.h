// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "citizen.h"

namespace C360::Test
{

// Builds citizens for tests: CitizenBuilder().withName(u"Marie", u"Van den Bossche").build().
class CitizenBuilder
{
public:
    CitizenBuilder();

    CitizenBuilder &withName(const QString &given, const QString &family);
    CitizenBuilder &bornOn(const QDate &date);
    // A valid national register number for the birth date and serial (check digits computed).
    CitizenBuilder &withNationalNumber(int serial = 33);
    CitizenBuilder &withIdentifier(IdentifierType type, const QString &digits);
    CitizenBuilder &livingAt(const QString &street, const QString &number, const QString &postcode, const QString &municipality);
    CitizenBuilder &withEmail(const QString &email, const QDate &verifiedOn = {});
    CitizenBuilder &withPhone(const QString &phone, const QDate &verifiedOn = {});
    CitizenBuilder &withConsent(ConsentTopic topic, bool granted, const QDate &on);
    CitizenBuilder &prefers(const QString &topic, Channel channel);
    CitizenBuilder &speaks(const QString &language);
    CitizenBuilder &fromSource(const QString &system, const QString &id);
    Citizen build() const { return m_citizen; }

    // 11 digits of a valid register number (births from 2000 get the "2" prefix in the check).
    static QString nationalNumberFor(const QDate &birth, int serial, int monthOffset = 0);

private:
    Citizen m_citizen;
};

} // namespace C360::Test
