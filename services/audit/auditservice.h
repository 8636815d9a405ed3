// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/accesspolicy.h"
#include "audit/auditexportsink.h"
#include "audit/auditrepository.h"
#include "auditentry.h"
#include "casefile.h"
#include "common/serviceerror.h"
#include "expected.h"
#include "store/storeerror.h"

#include <QJsonObject>
#include <QList>

namespace C360
{
class Database;

// Writes audit entries for the services. Every entry is durable when the call returns (the main
// connection commits with synchronous=FULL), so that no profile data leaves a service before its
// entry is on disk.
class AuditService
{
public:
    AuditService(Database &db, const QByteArray &key);

    // Also hand each entry the sink wants to it, in the entry's own transaction (for instance so
    // that a municipality with many workstations has one processing log). Not owned; null: none.
    void setExportSink(AuditExportSink *sink) { m_exportSink = sink; }

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
    // Whether the store writes the entries itself (a staff member's own role on a shared store,
    // no key here): see AuditRepository::writesThroughServer.
    bool writesThroughServer() const;

private:
    AuditEntry
    makeEntry(const StaffMember &staff, AuditAction action, qint64 citizenId, const Purpose &purpose, AuditOutcome outcome, const QJsonObject &details) const;
    Database &m_db;
    QByteArray m_key;
    QByteArray m_searchKey;
    AuditExportSink *m_exportSink = nullptr;
};

} // namespace C360
