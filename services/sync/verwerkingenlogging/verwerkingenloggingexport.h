// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "audit/auditexportsink.h"
#include "auditentry.h"
#include "expected.h"
#include "identifier.h"
#include "outboxentry.h"
#include "store/storeerror.h"

#include <QJsonObject>

#include <optional>

namespace C360
{
class Database;

// Exports the local access log to a VNG Verwerkingenlogging back end: each audit entry that
// processed one citizen's data becomes a verwerkingsactie, queued in the outbox and pushed by
// VerwerkingenloggingTarget. As the audit service's export sink, it queues each entry it wants for
// source in the entry's own transaction.
class VerwerkingenloggingExport final : public AuditExportSink
{
public:
    VerwerkingenloggingExport(Database &db, const QString &source)
        : m_db(db)
        , m_source(source)
    {
    }
    bool wants(const AuditEntry &entry) const override { return isExported(entry); }
    Expected<void, StoreError> take(const AuditEntry &entry) override;

    static constexpr const char *resource = "verwerkingsacties";

    // Queues entry for source in the caller's transaction (or its own). Nothing is queued
    // (nullopt) for an entry that processed no single citizen's data: no subject, an outcome other
    // than success, or a subject without a register number or BSN to name them by.
    static Expected<std::optional<OutboxEntry>, StoreError> enqueue(Database &db, const AuditEntry &entry, const QString &source);

    // Whether entry is one the export sends (its subject aside): successful actions on one
    // citizen, except searches and search results.
    static bool isExported(const AuditEntry &entry);
    // The verwerkingsactie (Bewerking API 0.9.0, POST /verwerkingsacties) for entry about the
    // person with subject. Only what the specification requires, and no free text: the action,
    // the purpose code, the time, "normaal" confidentiality, the system, and the processed person
    // (objecttype "persoon", soortObjectId and objectId: the subject's identifier, as the
    // specification requires). The staff member (gebruiker), the purpose text and the details stay
    // local. With storeId, gegevensbron witnesses the local audit chain at this entry:
    // "citizen360-audit:STORE:SEQUENCE:HASH" (the entry's hash covers every entry before it), so that
    // a local log rewritten later no longer matches what the municipality's log received.
    static QJsonObject verwerkingsactie(const AuditEntry &entry, const Identifier &subject, const QString &storeId = {});
    static QString chainWitness(const AuditEntry &entry, const QString &storeId);
    // soortObjectId for an identifier: "rijksregisternummer", "bisnummer" or "BSN".
    static QString identifierKind(IdentifierType type);

private:
    Database &m_db;
    QString m_source;
};

} // namespace C360
