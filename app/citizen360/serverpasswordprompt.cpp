// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "serverpasswordprompt.h"

#include "common/logging.h"
#include "privacy/secretstore.h"
#include "store/storelocation.h"

#include <KLocalizedString>

#include <QInputDialog>
#include <QLineEdit>

namespace C360
{

namespace
{
bool wantsPassword(const ServerPasswordPrompt::Opened &result)
{
    return !result && (result.error().code == StoreError::Code::PasswordNeeded || result.error().code == StoreError::Code::AuthenticationFailed);
}
} // namespace

ServerPasswordPrompt::ServerPasswordPrompt(SecretStore &secrets, Clock &clock, QWidget *parent)
    : m_secrets(secrets)
    , m_clock(clock)
    , m_parent(parent)
{
}

QString ServerPasswordPrompt::secretName(const QString &name)
{
    return QStringLiteral("database-password:") + StoreLocation::parse(name).credentialKey();
}

ServerPasswordPrompt::Opened ServerPasswordPrompt::open(const QString &name, Opened opened)
{
    const StoreLocation location = StoreLocation::parse(name);
    if (!location.isServer() || !wantsPassword(opened)) {
        return opened;
    }
    const QString secret = secretName(name);
    if (auto kept = m_secrets.read(secret)) {
        Database::setServerPassword(location, *kept);
        opened = Database::open(name, Database::OpenMode::Create, m_clock);
        if (!wantsPassword(opened)) {
            return opened;
        }
    }
    const QString user = location.userName().isEmpty() ? qEnvironmentVariable("USER") : location.userName();
    while (wantsPassword(opened)) {
        QString label = i18nc("@label:textbox", "Password of %1 for the database %2:", user, location.displayName());
        if (opened.error().code == StoreError::Code::AuthenticationFailed) {
            label = opened.error().message() + QLatin1String("\n\n") + label;
        }
        bool ok = false;
        const QString password = QInputDialog::getText(m_parent, i18nc("@title:window", "Database Password"), label, QLineEdit::Password, QString(), &ok);
        if (!ok) {
            StoreError cancelled = opened.error();
            cancelled.code = StoreError::Code::PasswordNeeded;
            Database::setServerPassword(location, QString());
            return unexpected(cancelled);
        }
        Database::setServerPassword(location, password);
        opened = Database::open(name, Database::OpenMode::Create, m_clock);
        if (opened) {
            if (auto kept = m_secrets.write(secret, password); !kept) {
                qCWarning(C360_APP) << "cannot keep the database password in the keychain:" << kept.error().detail;
            }
        }
    }
    return opened;
}

} // namespace C360
