// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/auditservice.h"

#include "audit/auditrepository.h"
#include "common/logging.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeidentity.h"
#include "store/transaction.h"
#include "sync/verwerkingenlogging/auditexport.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <algorithm>

namespace c360
{

QString AuditKey::secretName(const QString &storeId)
{
    return QStringLiteral("audit-key-") + storeId;
}

QString AuditKey::legacyPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".auditkey");
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
    QByteArray key = legacy;
    if (key.isEmpty()) {
        Statement any(db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_log)"));
        if (auto r = any.exec({}); !r) {
            return unexpected(r.error().message());
        }
        if (any.next() && any.value(0).toBool()) {
            qCWarning(C360_STORE) << "the audit key of a store with audit entries is missing:" << kept.error();
            return unexpected(i18nc("@info %1 where secrets are kept (keychain, files)",
                                    "The audit key of this store is missing from this desk's %1 secret store. Its audit log has entries, so no new "
                                    "key is made: restore the key from the backup of the secret store, or ask the administrator.",
                                    secrets.kind()));
        }
        key = QByteArray(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / int(sizeof(quint32)));
    }
    if (auto written = secrets.write(name, QString::fromLatin1(key.toHex())); !written) {
        qCWarning(C360_STORE) << "cannot keep the audit key:" << written.error();
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

ServiceError ServiceError::denied(Operation operation)
{
    Q_UNUSED(operation)
    return {Kind::Denied, i18nc("@info", "Your role does not allow this. The attempt has been recorded in the audit log.")};
}

ServiceError ServiceError::noPurpose()
{
    return {Kind::NoPurpose, i18nc("@info", "Choose the purpose for which you open this profile.")};
}

ServiceError ServiceError::notFound()
{
    return {Kind::NotFound, i18nc("@info", "This citizen is no longer in the local store. Search again.")};
}

ServiceError ServiceError::invalid(const QString &message)
{
    return {Kind::Invalid, message};
}

ServiceError ServiceError::store(const StoreError &error)
{
    return {Kind::Store, error.message()};
}

AuditService::AuditService(Database &db, const QByteArray &key)
    : m_db(db)
    , m_key(key)
    , m_searchKey(QMessageAuthenticationCode::hash(QByteArrayLiteral("citizen360 search terms"), key, QCryptographicHash::Sha256))
{
}

AuditEntry AuditService::makeEntry(
    const StaffMember &staff, AuditAction action, qint64 citizenId, const Purpose &purpose, AuditOutcome outcome, const QJsonObject &details) const
{
    AuditEntry entry;
    entry.actor = staff.name;
    entry.role = staff.role;
    entry.workstation = staff.workstation;
    entry.action = action;
    entry.subjectCitizenId = citizenId;
    entry.purposeCode = purpose.code;
    entry.purposeText = purpose.text;
    entry.outcome = outcome;
    entry.details = details.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    return entry;
}

Expected<AuditEntry, StoreError>
AuditService::record(const StaffMember &staff, AuditAction action, qint64 citizenId, const Purpose &purpose, AuditOutcome outcome, const QJsonObject &details)
{
    const AuditEntry entry = makeEntry(staff, action, citizenId, purpose, outcome, details);
    if (m_exportSource.isEmpty() || !AuditExport::isExported(entry)) {
        return AuditRepository(m_db, m_key).append(entry);
    }
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    auto appended = AuditRepository(m_db, m_key).append(entry);
    if (!appended) {
        return appended;
    }
    if (auto queued = AuditExport::enqueue(m_db, *appended, m_exportSource); !queued) {
        return unexpected(std::move(queued).error());
    }
    if (auto r = transaction->commit(); !r) {
        return unexpected(std::move(r).error());
    }
    return appended;
}

Expected<void, StoreError>
AuditService::recordEach(const StaffMember &staff, AuditAction action, const QList<qint64> &citizenIds, const Purpose &purpose, const QJsonObject &details)
{
    if (citizenIds.isEmpty()) {
        return {};
    }
    QList<AuditEntry> entries;
    entries.reserve(citizenIds.size());
    const AuditEntry common = makeEntry(staff, action, 0, purpose, AuditOutcome::Success, details);
    for (qint64 id : citizenIds) {
        entries.append(common);
        entries.last().subjectCitizenId = id;
    }
    if (m_exportSource.isEmpty() || std::none_of(entries.cbegin(), entries.cend(), &AuditExport::isExported)) {
        // One chain read and one insert statement for all (a search shows up to 50 citizens).
        auto appended = AuditRepository(m_db, m_key).appendAll(std::move(entries));
        if (!appended) {
            return unexpected(std::move(appended).error());
        }
        return {};
    }
    auto transaction = Transaction::begin(m_db);
    if (!transaction) {
        return unexpected(std::move(transaction).error());
    }
    for (qint64 id : citizenIds) {
        if (auto r = record(staff, action, id, purpose, AuditOutcome::Success, details); !r) {
            return unexpected(std::move(r).error());
        }
    }
    return transaction->commit();
}

Expected<void, ServiceError> AuditService::permit(const StaffMember &staff, Operation operation, qint64 citizenId, const Purpose &purpose)
{
    if (staff.isValid() && AccessPolicy::allows(staff.role, operation)) {
        return {};
    }
    if (auto r =
            record(staff, AuditAction::AccessDenied, citizenId, purpose, AuditOutcome::Denied, QJsonObject{{QStringLiteral("operation"), toKey(operation)}});
        !r) {
        return unexpected(ServiceError::store(r.error()));
    }
    return unexpected(ServiceError::denied(operation));
}

Expected<AuditEntry, ServiceError>
AuditService::beforeReading(const StaffMember &staff, Operation operation, AuditAction action, qint64 citizenId, const Purpose &purpose)
{
    if (auto permitted = permit(staff, operation, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    if (purpose.isEmpty()) {
        return unexpected(ServiceError::noPurpose());
    }
    auto exists = selectId(m_db, QStringLiteral("SELECT id FROM citizens WHERE id = ?"), {citizenId});
    if (!exists) {
        return unexpected(ServiceError::store(exists.error()));
    }
    if (!*exists) {
        return unexpected(ServiceError::notFound());
    }
    auto entry = record(staff, action, citizenId, purpose);
    if (!entry) {
        return unexpected(ServiceError::store(entry.error()));
    }
    return *entry;
}

QString AuditService::keyedHash(const QString &text) const
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(text.toUtf8(), m_searchKey, QCryptographicHash::Sha256).toHex().left(32));
}

Expected<AuditRepository::Verification, StoreError> AuditService::verifyChain() const
{
    return AuditRepository(m_db, m_key).verify();
}

} // namespace c360
