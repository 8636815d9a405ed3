// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/storestatistics.h"

#include "store/database.h"
#include "store/statement.h"

namespace C360
{

Expected<StoreStatistics, StoreError> StoreStatistics::collect(Database &db)
{
    StoreStatistics s;
    s.schemaVersion = db.schemaVersion();
    const std::pair<const char *, qint64 *> counts[] = {
        {"citizens", &s.citizens},
        {"reports", &s.reports},
        {"contact_moments", &s.contactMoments},
        {"requests", &s.requests},
        {"cases", &s.cases},
        {"catalogue_entries", &s.catalogueEntries},
        {"audit_log", &s.auditEntries},
    };
    for (const auto &[table, target] : counts) {
        auto count = selectCount(db, QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table));
        if (!count) {
            return unexpected(std::move(count).error());
        }
        *target = *count;
    }
    return s;
}

QJsonObject StoreStatistics::toJson() const
{
    return {
        {QStringLiteral("schema_version"), schemaVersion},
        {QStringLiteral("citizens"), citizens},
        {QStringLiteral("reports"), reports},
        {QStringLiteral("contact_moments"), contactMoments},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("cases"), cases},
        {QStringLiteral("catalogue_entries"), catalogueEntries},
        {QStringLiteral("audit_entries"), auditEntries},
    };
}

} // namespace C360
