// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

namespace C360
{

// Why a secret could not be read, kept or removed. The detail is English, for the log, and names
// the key, never the secret.
struct SecretError
{
    enum class Kind {
        Missing, // nothing is stored under the key
        Unavailable, // there is no keychain in this session
        Denied, // the keychain or the file system refused access
        Failed, // anything else: the keychain failed, the file could not be written
    };
    Kind kind = Kind::Failed;
    QString key;
    QString detail;
};

// Where back-end secrets (API keys, tokens) live: the OS keychain in the application, memory in
// tests and for secrets given on a command line. Never the database, never the settings file.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // The secret, or why it cannot be had (English, for the log; never the secret itself).
    virtual Expected<QString, SecretError> read(const QString &key) = 0;
    virtual Expected<void, SecretError> write(const QString &key, const QString &secret) = 0;
    virtual Expected<void, SecretError> remove(const QString &key) = 0;

    // Where citizen360-admin looks for the secret key before the keychain: C360_SECRET_<KEY>, the
    // key in upper case with every other character than a letter or digit as "_".
    static QString environmentVariable(const QString &key);
    // The keychain's service under which the secrets are kept.
    static QString keychainService() { return QStringLiteral("citizen360"); }

    // The secrets of the person at this desk: the OS keychain where the session has one, otherwise
    // files of their own (personalFolder(), 0700, each file 0600) — a desk or a server without a
    // keychain. Never beside a store.
    static std::unique_ptr<SecretStore> personal();
    static QString personalFolder();
    // What personal() chose, for a log line or a status report: "keychain" or "files".
    virtual QString kind() const = 0;
};

class MemorySecretStore final : public SecretStore
{
public:
    Expected<QString, SecretError> read(const QString &key) override;
    Expected<void, SecretError> write(const QString &key, const QString &secret) override;
    Expected<void, SecretError> remove(const QString &key) override;
    QString kind() const override { return QStringLiteral("memory"); }

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

// The OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential Store).
// Blocks the calling thread until the keychain answers: call it off the UI thread.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("citizen360"));
    Expected<QString, SecretError> read(const QString &key) override;
    Expected<void, SecretError> write(const QString &key, const QString &secret) override;
    Expected<void, SecretError> remove(const QString &key) override;
    QString kind() const override { return QStringLiteral("keychain"); }
    // Whether this session has a keychain at all (a Secret Service, the macOS Keychain, the
    // Windows Credential Store) and not only entries missing from it.
    bool isAvailable();

private:
    QString m_service;
};

// Secrets in files of their own in folder (0700), one per key (0600), for a desk without a keychain.
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(const QString &folder);
    Expected<QString, SecretError> read(const QString &key) override;
    Expected<void, SecretError> write(const QString &key, const QString &secret) override;
    Expected<void, SecretError> remove(const QString &key) override;
    QString kind() const override { return QStringLiteral("files"); }

private:
    QString fileFor(const QString &key) const;
    QString m_folder;
};

} // namespace C360
