// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QJsonObject>

namespace C360
{
class Database;

// What a store holds, for `citizen360-admin status` and the about dialog: counts, no content.
struct StoreStatistics
{
    int schemaVersion = 0;
    qint64 citizens = 0;
    qint64 reports = 0;
    qint64 contactMoments = 0;
    qint64 requests = 0;
    qint64 cases = 0;
    qint64 catalogueEntries = 0;
    qint64 auditEntries = 0;

    static Expected<StoreStatistics, StoreError> collect(Database &db);
    // {"schema_version": 1, "citizens": 0, "reports": 0, "contact_moments": 0, "requests": 0, "cases": 0,
    //  "catalogue_entries": 0, "audit_entries": 0}
    QJsonObject toJson() const;
};

} // namespace C360
