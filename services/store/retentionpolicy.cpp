// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/retentionpolicy.h"

#include "request.h"
#include "store/statement.h"

namespace C360
{

const QString RetentionPolicy::settingKey = QStringLiteral("retention_days");

Expected<int, StoreError> RetentionPolicy::days(Database &db)
{
    Statement setting(db, QStringLiteral("SELECT value FROM store_settings WHERE key = ?"));
    if (auto r = setting.exec({settingKey}); !r) {
        return unexpected(std::move(r).error());
    }
    if (!setting.next()) {
        return Request::DefaultRetentionDays;
    }
    bool ok = false;
    const int days = setting.value(0).toString().toInt(&ok);
    return ok && days >= MinimumDays && days <= MaximumDays ? days : Request::DefaultRetentionDays;
}

} // namespace C360
