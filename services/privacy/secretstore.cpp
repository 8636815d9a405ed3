// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "privacy/secretstore.h"

#include "common/privatefile.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>

#include <qt6keychain/keychain.h>

namespace C360
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

Expected<QString, SecretError> MemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend()) {
        return unexpected(SecretError{SecretError::Kind::Missing, key, QStringLiteral("no secret stored under \"%1\"").arg(key)});
    }
    return *it;
}

Expected<void, SecretError> MemorySecretStore::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
    return {};
}

Expected<void, SecretError> MemorySecretStore::remove(const QString &key)
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
QKeychain::Error runJob(Job &job, QString *errorText, SecretError::Kind *kind = nullptr)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    // QtKeychain's own text is often just "Unknown error": say which of its errors it was.
    SecretError::Kind which = SecretError::Kind::Failed;
    switch (job.error()) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        which = SecretError::Kind::Missing;
        *errorText = QStringLiteral("there is no such entry");
        break;
    case QKeychain::NoBackendAvailable:
        which = SecretError::Kind::Unavailable;
        *errorText = QStringLiteral("no keychain is available on this system (no Secret Service, Keychain or Credential Store)");
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        which = SecretError::Kind::Denied;
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
    if (kind) {
        *kind = which;
    }
    return job.error();
}
} // namespace

bool KeychainSecretStore::isAvailable()
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(QStringLiteral("availability-probe"));
    QString error;
    const QKeychain::Error result = runJob(job, &error);
    return result == QKeychain::NoError || result == QKeychain::EntryNotFound;
}

Expected<QString, SecretError> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    QString error;
    SecretError::Kind kind = SecretError::Kind::Failed;
    if (runJob(job, &error, &kind) != QKeychain::NoError) {
        return unexpected(SecretError{kind, key, QStringLiteral("the keychain has no secret \"%1\": %2").arg(key, error)});
    }
    return job.textData();
}

Expected<void, SecretError> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setTextData(secret);
    QString error;
    SecretError::Kind kind = SecretError::Kind::Failed;
    if (runJob(job, &error, &kind) != QKeychain::NoError) {
        return unexpected(SecretError{kind, key, QStringLiteral("the keychain did not store \"%1\": %2").arg(key, error)});
    }
    return {};
}

Expected<void, SecretError> KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    QString error;
    SecretError::Kind kind = SecretError::Kind::Failed;
    if (runJob(job, &error, &kind) != QKeychain::NoError) {
        return unexpected(SecretError{kind, key, QStringLiteral("the keychain did not remove \"%1\": %2").arg(key, error)});
    }
    return {};
}

QString SecretStore::personalFolder()
{
    // Shared by the application and citizen360-admin, whose own data folders differ by name.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/citizen360/secrets");
}

std::unique_ptr<SecretStore> SecretStore::personal()
{
    auto keychain = std::make_unique<KeychainSecretStore>(keychainService());
    if (keychain->isAvailable()) {
        return keychain;
    }
    return std::make_unique<FileSecretStore>(personalFolder());
}

FileSecretStore::FileSecretStore(const QString &folder)
    : m_folder(folder)
{
}

QString FileSecretStore::fileFor(const QString &key) const
{
    QString name = key;
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-')) {
            c = QLatin1Char('_');
        }
    }
    return m_folder + QLatin1Char('/') + name;
}

Expected<QString, SecretError> FileSecretStore::read(const QString &key)
{
    QFile file(fileFor(key));
    if (!file.exists()) {
        return unexpected(SecretError{SecretError::Kind::Missing, key, QStringLiteral("no secret stored under \"%1\"").arg(key)});
    }
    if (!file.open(QIODevice::ReadOnly)) {
        const SecretError::Kind kind = file.error() == QFileDevice::PermissionsError ? SecretError::Kind::Denied : SecretError::Kind::Failed;
        return unexpected(SecretError{kind, key, QStringLiteral("the secret \"%1\" cannot be read: %2").arg(key, file.errorString())});
    }
    return QString::fromUtf8(file.readAll().trimmed());
}

Expected<void, SecretError> FileSecretStore::write(const QString &key, const QString &secret)
{
    if (auto made = makePrivateFolder(m_folder); !made) {
        return unexpected(SecretError{SecretError::Kind::Failed, key, made.error()});
    }
    if (auto written = writePrivateFile(fileFor(key), secret.toUtf8() + '\n'); !written) {
        return unexpected(SecretError{SecretError::Kind::Failed, key, written.error()});
    }
    return {};
}

Expected<void, SecretError> FileSecretStore::remove(const QString &key)
{
    const QString path = fileFor(key);
    if (QFile::exists(path) && !QFile::remove(path)) {
        return unexpected(SecretError{SecretError::Kind::Failed, key, QStringLiteral("the secret \"%1\" cannot be removed").arg(key)});
    }
    return {};
}

} // namespace C360
