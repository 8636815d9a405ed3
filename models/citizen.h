// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"
#include "identifier.h"

#include <QDate>
#include <QDateTime>
#include <QList>

namespace C360
{

enum class DigitalAddressKind { Email, Phone };
C360_ENUM_KEYS(DigitalAddressKind, {DigitalAddressKind::Email, "email"}, {DigitalAddressKind::Phone, "phone"})

// An e-mail address or phone number of a citizen; verified ones may be used to match reports.
struct DigitalAddress
{
    DigitalAddressKind kind = DigitalAddressKind::Email;
    QString value;
    QDate verifiedOn; // invalid = not verified

    bool isVerified() const { return verifiedOn.isValid(); }
    friend bool operator==(const DigitalAddress &, const DigitalAddress &) = default;
};

// Which channel a citizen prefers for a topic ("waste", "taxes", "general", …).
struct ChannelPreference
{
    QString topic;
    Channel channel = Channel::Email;
    friend bool operator==(const ChannelPreference &, const ChannelPreference &) = default;
};

enum class ConsentTopic { DigitalCommunication, SatisfactionSurvey, Newsletter, DataSharing };
C360_ENUM_KEYS(ConsentTopic,
               {ConsentTopic::DigitalCommunication, "digital_communication"},
               {ConsentTopic::SatisfactionSurvey, "satisfaction_survey"},
               {ConsentTopic::Newsletter, "newsletter"},
               {ConsentTopic::DataSharing, "data_sharing"})

// A consent a citizen gave or refused, and when that was recorded.
struct Consent
{
    ConsentTopic topic = ConsentTopic::DigitalCommunication;
    bool granted = false;
    QDate recordedOn;
    friend bool operator==(const Consent &, const Consent &) = default;
};

// A person known to the municipality, as the front office sees them.
struct Citizen
{
    qint64 id = 0;
    QList<Identifier> identifiers;
    QString givenNames;
    QString familyName;
    QDate birthDate;
    Address address;
    QList<DigitalAddress> digitalAddresses;
    QString preferredLanguage; // BCP 47: nl, fr, de, en
    QList<ChannelPreference> channelPreferences;
    QList<Consent> consents;
    SourceRef source;
    QDateTime updated; // UTC

    // "Given Family", the way the person is addressed.
    QString displayName() const;
    // "Family, Given", the way lists are sorted.
    QString sortName() const;
    std::optional<Identifier> identifier(IdentifierType type) const;
    // The Belgian register or BIS number, else the BSN: the one a front office asks for.
    std::optional<Identifier> primaryIdentifier() const;
    std::optional<Consent> consent(ConsentTopic topic) const;

    friend bool operator==(const Citizen &, const Citizen &) = default;
};

} // namespace C360
