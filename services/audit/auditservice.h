// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/accesspolicy.h"
#include "audit/auditrepository.h"
#include "auditentry.h"
#include "casefile.h"
#include "expected.h"
#include "store/storeerror.h"

#include <QJsonObject>
#include <QList>

namespace c360
{
class Database;

class SecretStore;

// The key of the audit log's hash chain: 32 random bytes, kept outside the store and its folder in
// the person's secret store (the OS keychain; SecretStore::personal()) under the store's identity.
namespace AuditKey
{
// The name under which the key of the store with storeId is kept.
QString secretName(const QString &storeId);
// Where earlier versions kept the key: a file beside the store (PATH.auditkey).
QString legacyPathFor(const QString &databasePath);
// The key of db's audit log. A new one is made only while the log is empty; a key file of an
// earlier version beside the store is moved into secrets. A missing key for a log with entries is
// an error (translated), never a new key: that would let whoever holds it write a new history.
Expected<QByteArray, QString> load(Database &db, SecretStore &secrets);
} // namespace AuditKey

// Why a service call that touches a citizen did not go through; message is translated and says
// what to do.
struct ServiceError
{
    enum class Kind {
        Denied, // the role may not do this (audited)
        NoPurpose, // a profile needs a purpose
        NotFound,
        Invalid, // the input cannot be used (message says why)
        Store, // the local store refused
    };
    Kind kind = Kind::Store;
    QString message;

    static ServiceError denied(Operation operation);
    static ServiceError noPurpose();
    static ServiceError notFound();
    static ServiceError invalid(const QString &message);
    static ServiceError store(const StoreError &error);
};

// Writes audit entries for the services. Every entry is durable when the call returns (the main
// connection commits with synchronous=FULL), so that no profile data leaves a service before its
// entry is on disk.
class AuditService
{
public:
    AuditService(Database &db, const QByteArray &key);

    // Also queue each exported entry (auditexport.h) for the Verwerkingenlogging back end source,
    // in the entry's own transaction, so that a municipality with many workstations has one log.
    // Empty: no export.
    void setExportSource(const QString &source) { m_exportSource = source; }

    Expected<AuditEntry, StoreError> record(const StaffMember &staff,
                                            AuditAction action,
                                            qint64 citizenId,
                                            const Purpose &purpose,
                                            AuditOutcome outcome = AuditOutcome::Success,
                                            const QJsonObject &details = {});
    // One entry per citizen, in one transaction (one durable commit): each appearance in a list.
    Expected<void, StoreError>
    recordEach(const StaffMember &staff, AuditAction action, const QList<qint64> &citizenIds, const Purpose &purpose, const QJsonObject &details = {});
    // The role check every service call makes first: when staff's role may not do operation, an
    // access_denied entry is written and Denied returned.
    Expected<void, ServiceError> permit(const StaffMember &staff, Operation operation, qint64 citizenId = 0, const Purpose &purpose = {});
    // What every read of a citizen's profile does first: the role check (permit), a purpose
    // (NoPurpose), the citizen (NotFound, with no entry), then the entry for action, durably on
    // disk before the caller reads anything.
    Expected<AuditEntry, ServiceError>
    beforeReading(const StaffMember &staff, Operation operation, AuditAction action, qint64 citizenId, const Purpose &purpose);
    // A keyed hash (HMAC-SHA-256 under a key derived from the audit key, hex, 32 characters) of
    // text: what an audit entry holds instead of an identifier someone searched for, so that a
    // supervisor can match searches for the same number without the log holding it.
    QString keyedHash(const QString &text) const;

    // Checks the whole hash chain with this service's key (no role check: AuditQueryService's).
    Expected<AuditRepository::Verification, StoreError> verifyChain() const;

    Database &database() const { return m_db; }

private:
    AuditEntry
    makeEntry(const StaffMember &staff, AuditAction action, qint64 citizenId, const Purpose &purpose, AuditOutcome outcome, const QJsonObject &details) const;
    Database &m_db;
    QByteArray m_key;
    QByteArray m_searchKey;
    QString m_exportSource;
};

} // namespace c360
