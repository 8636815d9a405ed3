// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "privacy/auditkey.h"

#include "common/logging.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeidentity.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

namespace C360
{

QString AuditKey::secretName(const QString &storeId)
{
    return QStringLiteral("audit-key-") + storeId;
}

QString AuditKey::legacyPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".auditkey");
}

namespace
{
Expected<QByteArray, StoreError> storedKey(Database &db)
{
    Statement read(db, QStringLiteral("SELECT key FROM audit_chain_key WHERE id = 1"));
    if (auto r = read.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    return read.next() ? read.value(0).toByteArray() : QByteArray();
}

Expected<void, StoreError> storeKey(Database &db, const QByteArray &key)
{
    // Two workstations making the first key at once: the first one's stays, the other reads it.
    Statement write(db, QStringLiteral("INSERT INTO audit_chain_key (id, key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING"));
    return write.exec({key});
}

Expected<bool, StoreError> logHasEntries(Database &db)
{
    Statement any(db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_log)"));
    if (auto r = any.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    return any.next() && any.value(0).toBool();
}

// A shared store's key, in the store. One of a store copied from a desk (copy-store keeps it
// here, but an older copy may not have) comes from the secret store of whoever has it.
Expected<QByteArray, QString> loadShared(Database &db, SecretStore &secrets, const QString &storeId)
{
    auto stored = storedKey(db);
    if (!stored) {
        return unexpected(stored.error().message());
    }
    if (stored->size() == 32) {
        return *stored;
    }
    QByteArray key;
    if (auto kept = secrets.read(AuditKey::secretName(storeId))) {
        key = QByteArray::fromHex(kept->toLatin1().trimmed());
    }
    if (key.size() != 32) {
        auto entries = logHasEntries(db);
        if (!entries) {
            return unexpected(entries.error().message());
        }
        if (*entries) {
            return unexpected(i18nc("@info",
                                    "The audit key of this shared store is missing, and its audit log has entries, so no new key is made. Ask "
                                    "the administrator to restore it (citizen360-admin copy-store keeps it with the store)."));
        }
        key = QByteArray(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / int(sizeof(quint32)));
    }
    if (auto r = storeKey(db, key); !r) {
        return unexpected(r.error().message());
    }
    auto now = storedKey(db);
    if (!now) {
        return unexpected(now.error().message());
    }
    return *now;
}
} // namespace

Expected<void, QString> AuditKey::keep(Database &db, SecretStore &secrets, const QByteArray &key)
{
    if (db.isServer()) {
        if (auto r = storeKey(db, key); !r) {
            return unexpected(r.error().message());
        }
        return {};
    }
    auto storeId = StoreIdentity::id(db);
    if (!storeId || storeId->isEmpty()) {
        return unexpected(storeId ? QString() : storeId.error().message());
    }
    if (auto written = secrets.write(secretName(*storeId), QString::fromLatin1(key.toHex())); !written) {
        return unexpected(i18nc("@info", "The audit key of this store cannot be kept in this desk's %1 secret store.", secrets.kind()));
    }
    return {};
}

Expected<QByteArray, QString> AuditKey::load(Database &db, SecretStore &secrets)
{
    auto storeId = StoreIdentity::id(db);
    if (!storeId) {
        return unexpected(storeId.error().message());
    }
    if (storeId->isEmpty()) {
        return unexpected(
            i18nc("@info", "The store %1 is from an earlier version: migrate it first (citizen360-admin init).", QDir::toNativeSeparators(db.path())));
    }
    if (db.isServer()) {
        return loadShared(db, secrets, *storeId);
    }
    const QString name = secretName(*storeId);
    const auto decode = [](const QByteArray &hex) {
        const QByteArray key = QByteArray::fromHex(hex.trimmed());
        return key.size() == 32 ? key : QByteArray();
    };
    QByteArray legacy;
    const QString legacyPath = legacyPathFor(db.path());
    if (QFile file(legacyPath); file.exists()) {
        if (!file.open(QIODevice::ReadOnly) || (legacy = decode(file.readAll())).isEmpty()) {
            return unexpected(i18nc("@info", "The audit key %1 of an earlier version cannot be read or is damaged.", QDir::toNativeSeparators(legacyPath)));
        }
    }
    auto kept = secrets.read(name);
    if (kept) {
        const QByteArray key = decode(kept->toLatin1());
        if (key.isEmpty()) {
            return unexpected(
                i18nc("@info", "The audit key of this store in the %1 secret store is damaged: it must hold 64 hexadecimal digits.", secrets.kind()));
        }
        if (!legacy.isEmpty() && legacy == key) {
            QFile::remove(legacyPath); // moved before; its copy beside the store goes now
        }
        return key;
    }
    if (kept.error().kind != SecretError::Kind::Missing) {
        // A locked or refused keychain is not a missing key: making a new one would orphan the log.
        qCWarning(C360_STORE) << "cannot read the audit key:" << kept.error().detail;
        return unexpected(i18nc("@info %1 where secrets are kept (keychain, files)",
                                "The audit key of this store cannot be read from this desk's %1 secret store. Unlock the keychain, or "
                                "ask the administrator.",
                                secrets.kind()));
    }
    QByteArray key = legacy;
    if (key.isEmpty()) {
        Statement any(db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_log)"));
        if (auto r = any.exec({}); !r) {
            return unexpected(r.error().message());
        }
        if (any.next() && any.value(0).toBool()) {
            qCWarning(C360_STORE) << "the audit key of a store with audit entries is missing:" << kept.error().detail;
            return unexpected(i18nc("@info %1 where secrets are kept (keychain, files)",
                                    "The audit key of this store is missing from this desk's %1 secret store. Its audit log has entries, so no new "
                                    "key is made: restore the key from the backup of the secret store, or ask the administrator.",
                                    secrets.kind()));
        }
        key = QByteArray(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / int(sizeof(quint32)));
    }
    if (auto written = secrets.write(name, QString::fromLatin1(key.toHex())); !written) {
        qCWarning(C360_STORE) << "cannot keep the audit key:" << written.error().detail;
        return unexpected(i18nc("@info", "The audit key of this store cannot be kept in this desk's %1 secret store.", secrets.kind()));
    }
    if (!legacy.isEmpty()) {
        QFile::remove(legacyPath);
        qCInfo(C360_STORE) << "moved the audit key from beside the store into the" << secrets.kind() << "secret store";
    } else {
        qCInfo(C360_STORE) << "made a new audit key for an empty audit log, kept in the" << secrets.kind() << "secret store";
    }
    return key;
}

} // namespace C360
