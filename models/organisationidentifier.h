// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "enumkeys.h"
#include "expected.h"
#include "identifiererror.h"

#include <QString>

namespace C360
{

// The numbers that identify a company or another organisation.
enum class OrganisationIdentifierType {
    BelgianEnterpriseNumber, // ondernemingsnummer of the Crossroads Bank for Enterprises (KBO/BCE)
    DutchKvkNumber, // Chamber of Commerce (Kamer van Koophandel) registration
    DutchRsin, // legal entities' and partnerships' information number
    DutchBranchNumber, // vestigingsnummer: one establishment of a KvK registration
};

C360_ENUM_KEYS(OrganisationIdentifierType,
               {OrganisationIdentifierType::BelgianEnterpriseNumber, "be_kbo"},
               {OrganisationIdentifierType::DutchKvkNumber, "nl_kvk"},
               {OrganisationIdentifierType::DutchRsin, "nl_rsin"},
               {OrganisationIdentifierType::DutchBranchNumber, "nl_vestiging"})

// An organisation's identifier: its type and its digits, validated. These registers are public,
// so an organisation's number is shown in full.
struct OrganisationIdentifier
{
    OrganisationIdentifierType type = OrganisationIdentifierType::BelgianEnterpriseNumber;
    QString value; // digits only

    // Validates value for type and normalises it to digits:
    // - an enterprise number has 10 digits, the first 0 or 1, the last two 97 − (the first eight
    //   mod 97); the 9 digits of a number written before 2005 are read with a leading 0, and the
    //   VAT form "BE 0123.456.749" is accepted;
    // - a KvK number has 8 digits, a branch number 12 (neither has check digits);
    // - an RSIN has 9 digits and passes the 11-check, as a BSN does.
    static Expected<OrganisationIdentifier, IdentifierError> parse(OrganisationIdentifierType type, QStringView value);
    // Recognises what a person typed: "BE" and 9 or 10 digits are an enterprise number, 8 digits a
    // KvK number, 12 a branch number, 9 without "BE" an RSIN when it passes the 11-check and an
    // enterprise number otherwise (both are 9-digit forms; the check digits decide).
    static Expected<OrganisationIdentifier, IdentifierError> detect(QStringView value);

    // 0123.456.749 for an enterprise number, the digits for the others.
    QString formatted() const;

    friend bool operator==(const OrganisationIdentifier &, const OrganisationIdentifier &) = default;
};

} // namespace C360
