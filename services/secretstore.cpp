// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "secretstore.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace c360
{

QString SecretStore::environmentVariable(const QString &key)
{
    QString variable = QStringLiteral("C360_SECRET_") + key.toUpper();
    for (QChar &c : variable) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128)) {
            c = QLatin1Char('_');
        }
    }
    return variable;
}

Expected<QString, QString> MemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend()) {
        return unexpected(QStringLiteral("no secret stored under \"%1\"").arg(key));
    }
    return *it;
}

Expected<void, QString> MemorySecretStore::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
    return {};
}

Expected<void, QString> MemorySecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.remove(key);
    return {};
}

KeychainSecretStore::KeychainSecretStore(const QString &service)
    : m_service(service)
{
}

namespace
{
// Runs a QtKeychain job to its end on this thread.
template<typename Job>
QKeychain::Error runJob(Job &job, QString *errorText)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    // QtKeychain's own text is often just "Unknown error": say which of its errors it was.
    switch (job.error()) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        *errorText = QStringLiteral("there is no such entry");
        break;
    case QKeychain::NoBackendAvailable:
        *errorText = QStringLiteral("no keychain is available on this system (no Secret Service, Keychain or Credential Store)");
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        *errorText = QStringLiteral("the keychain refused access");
        break;
    case QKeychain::NotImplemented:
        *errorText = QStringLiteral("the keychain cannot do this on this system");
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        *errorText = job.errorString() == QLatin1String("Unknown error")
            ? QStringLiteral("the keychain failed without saying why (is a Secret Service running in this session?)")
            : QStringLiteral("the keychain failed (%1)").arg(job.errorString());
        break;
    }
    return job.error();
}
} // namespace

Expected<QString, QString> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    QString error;
    if (runJob(job, &error) != QKeychain::NoError) {
        return unexpected(QStringLiteral("the keychain has no secret \"%1\": %2").arg(key, error));
    }
    return job.textData();
}

Expected<void, QString> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setTextData(secret);
    QString error;
    if (runJob(job, &error) != QKeychain::NoError) {
        return unexpected(QStringLiteral("the keychain did not store \"%1\": %2").arg(key, error));
    }
    return {};
}

Expected<void, QString> KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    QString error;
    if (runJob(job, &error) != QKeychain::NoError) {
        return unexpected(QStringLiteral("the keychain did not remove \"%1\": %2").arg(key, error));
    }
    return {};
}

} // namespace c360
