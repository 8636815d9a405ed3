// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"

#include <QDateTime>
#include <QList>

namespace C360
{

enum class ContactOutcome { Answered, Referred, CallbackNeeded };
C360_ENUM_KEYS(ContactOutcome,
               {ContactOutcome::Answered, "answered"},
               {ContactOutcome::Referred, "referred"},
               {ContactOutcome::CallbackNeeded, "callback_needed"})

// One contact between a citizen and the municipality: a counter visit, a call, a mail, a chat.
struct ContactMoment
{
    qint64 id = 0;
    SourceRef source;
    qint64 citizenId = 0;
    Channel channel = Channel::Counter;
    QString subject;
    QString text;
    ContactOutcome outcome = ContactOutcome::Answered;
    QString staffMember;
    QDateTime time; // UTC
    QList<ItemLink> links;

    friend bool operator==(const ContactMoment &, const ContactMoment &) = default;
};

// A contact moment still being typed; kept in the store so that a crash or a closed window
// loses nothing.
struct ContactDraft
{
    qint64 id = 0;
    QString staffMember;
    qint64 citizenId = 0;
    ContactMoment contact;
    QDateTime saved; // UTC

    friend bool operator==(const ContactDraft &, const ContactDraft &) = default;
};

} // namespace C360
