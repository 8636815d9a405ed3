// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/database.h"
#include "store/storeerror.h"

#include <memory>

class QWidget;

namespace C360
{
class Clock;
class SecretStore;

// Opens a store on a PostgreSQL server that asks for a password, as the application does before
// any window: with the password kept in the person's keychain (secrets) for that server and user,
// else asked for in a dialog (server and user named; the server's refusal said above the field
// when one was wrong), and kept in the keychain once it worked; as often as it is wrong. Never on
// a command line, never in a log. A store that does not ask (a file, peer or certificate
// authentication, PGPASSWORD, ~/.pgpass) comes back as it was opened.
class ServerPasswordPrompt
{
public:
    using Opened = Expected<std::unique_ptr<Database>, StoreError>;

    ServerPasswordPrompt(SecretStore &secrets, Clock &clock, QWidget *parent = nullptr);

    // name's store, given what opening it without a password (firstAttempt) gave. PasswordNeeded
    // when the person cancelled.
    Opened open(const QString &name, Opened firstAttempt);

    // The keychain's name for the password of the server and user of name.
    static QString secretName(const QString &name);

private:
    SecretStore &m_secrets;
    Clock &m_clock;
    QWidget *m_parent;
};

} // namespace C360
