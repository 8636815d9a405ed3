// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/catalogueservice.h"

#include "case/lifeevents.h"
#include "common/clock.h"
#include "store/cataloguerepository.h"
#include "store/database.h"
#include "store/servicetransaction.h"

#include <KLocalizedString>

#include <QRegularExpression>

#include <algorithm>

namespace C360
{

CatalogueService::CatalogueService(AuditService &audit)
    : m_audit(audit)
    , m_db(audit.database())
    , m_changes(audit, QString())
{
}

Expected<void, ServiceError> CatalogueService::linkCatalogue(const StaffMember &staff, const Purpose &purpose, qint64 citizenId, qint64 entryId)
{
    if (auto permitted = m_audit.permit(staff, Operation::LinkCatalogue, citizenId, purpose); !permitted) {
        return unexpected(permitted.error());
    }
    return inTransaction<void>(m_db, [&]() -> Expected<void, ServiceError> {
        if (auto r = CatalogueRepository(m_db).linkToCitizen(citizenId, entryId, staff.name); !r) {
            return unexpected(asServiceError(r.error()));
        }
        return m_changes.audited(staff, purpose, citizenId, QStringLiteral("catalogue_link"), entryId);
    });
}

Expected<QList<CatalogueEntry>, ServiceError> CatalogueService::searchCatalogue(const QString &text, const QString &language, int limit)
{
    CatalogueRepository catalogue(m_db);
    auto ids = catalogue.search(text, language, limit);
    if (!ids) {
        return unexpected(asServiceError(ids.error()));
    }
    auto entries = catalogue.findMany(*ids);
    if (!entries) {
        return unexpected(asServiceError(entries.error()));
    }
    return std::move(*entries);
}

Expected<QList<CatalogueSuggestion>, ServiceError> CatalogueService::suggestions(const CaseFile &file, const QString &language, int limit)
{
    // (query, how many of its best matches, reason), in the order they are offered.
    struct Query
    {
        QString text;
        int take;
        QString reason;
    };
    QList<Query> queries;
    for (const LifeEvent &event : lifeEvents(file.citizen.birthDate, m_db.clock().now().toLocalTime().date())) {
        queries.append({event.query, 1, event.reason});
    }
    for (const Report &r : file.reports) {
        if (r.isOpen() && r.citizenId == file.citizen.id && !r.serviceName.isEmpty()) {
            queries.append({r.serviceName, 2, i18nc("@info suggestion; %1 a report's category", "About the open report “%1”.", r.serviceName)});
        }
    }
    for (const Request &r : file.requests) {
        if (r.isOpen()) {
            // The longest words of the question say most about it.
            QStringList words = r.question.split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
            std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) {
                return a.size() > b.size();
            });
            if (!words.isEmpty() && words.first().size() >= 6) {
                const QString question = r.question.simplified();
                const QString shown = question.size() > 60 ? QString(question.left(59) + QChar(0x2026)) : question;
                queries.append({words.first(), 2, i18nc("@info suggestion; %1 the start of a request's question", "About the open request “%1”.", shown)});
            }
        }
    }
    QList<qint64> linked;
    for (const LinkedCatalogueEntry &l : file.catalogue) {
        linked.append(l.entry.id);
    }
    CatalogueRepository catalogue(m_db);
    QList<qint64> chosen;
    QHash<qint64, QString> reasons;
    for (const Query &query : std::as_const(queries)) {
        auto ids = catalogue.search(query.text, language, query.take);
        if (!ids) {
            return unexpected(asServiceError(ids.error()));
        }
        for (qint64 id : std::as_const(*ids)) {
            if (!linked.contains(id) && !chosen.contains(id) && chosen.size() < limit) {
                chosen.append(id);
                reasons.insert(id, query.reason);
            }
        }
    }
    auto entries = catalogue.findMany(chosen);
    if (!entries) {
        return unexpected(asServiceError(entries.error()));
    }
    QList<CatalogueSuggestion> result;
    for (const CatalogueEntry &e : std::as_const(*entries)) {
        result.append({e, reasons.value(e.id)});
    }
    return result;
}

} // namespace C360
