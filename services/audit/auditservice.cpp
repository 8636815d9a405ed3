// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "audit/auditservice.h"

#include "audit/auditrepository.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/transaction.h"

#include <KLocalizedString>

#include <QJsonDocument>

#include <QMessageAuthenticationCode>
#include <algorithm>

namespace C360
{

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
    if (!m_exportSink || !m_exportSink->wants(entry)) {
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
    if (auto queued = m_exportSink->take(*appended); !queued) {
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
    if (!m_exportSink || std::none_of(entries.cbegin(), entries.cend(), [this](const AuditEntry &e) {
            return m_exportSink->wants(e);
        })) {
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
        return unexpected(asServiceError(r.error()));
    }
    return unexpected(ServiceError::denied());
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
    if (writesThroughServer()) {
        // A staff member's own role sees no citizen before the store's c360_open_profile, which
        // writes the entry and grants the reading, or says there is no such citizen.
        auto entry = record(staff, action, citizenId, purpose);
        if (!entry) {
            return unexpected(entry.error().code == StoreError::Code::NoSuchRecord ? ServiceError::notFound() : asServiceError(entry.error()));
        }
        return *entry;
    }
    auto exists = selectId(m_db, QStringLiteral("SELECT id FROM citizens WHERE id = ?"), {citizenId});
    if (!exists) {
        return unexpected(asServiceError(exists.error()));
    }
    if (!*exists) {
        return unexpected(ServiceError::notFound());
    }
    auto entry = record(staff, action, citizenId, purpose);
    if (!entry) {
        return unexpected(asServiceError(entry.error()));
    }
    return *entry;
}

bool AuditService::writesThroughServer() const
{
    return AuditRepository(m_db, m_key).writesThroughServer();
}

QString AuditService::keyedHash(const QString &text) const
{
    if (writesThroughServer()) {
        // The same hash, by the server, which alone holds the key.
        Statement hash(m_db, QStringLiteral("SELECT c360_keyed_hash(?)"));
        if (!hash.exec({text}) || !hash.next()) {
            qCWarning(C360_AUDIT) << "the store did not hash the search terms";
            return QStringLiteral("unhashed");
        }
        return hash.value(0).toString();
    }
    return QString::fromLatin1(QMessageAuthenticationCode::hash(text.toUtf8(), m_searchKey, QCryptographicHash::Sha256).toHex().left(32));
}

Expected<AuditRepository::Verification, StoreError> AuditService::verifyChain() const
{
    return AuditRepository(m_db, m_key).verify();
}

} // namespace C360
