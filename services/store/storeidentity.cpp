// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/storeidentity.h"

#include "store/statement.h"

#include <KLocalizedString>

#include <QDir>

namespace C360::StoreIdentity
{

namespace
{
Expected<QString, StoreError> setting(Database &db, const QString &key)
{
    Statement query(db, QStringLiteral("SELECT value FROM store_settings WHERE key = ?"));
    if (auto r = query.exec({key}); !r) {
        return unexpected(std::move(r).error());
    }
    return query.next() ? query.value(0).toString() : QString();
}

const QString KindKey = QStringLiteral("store_kind");
const QString Training = QStringLiteral("training");
} // namespace

Expected<QString, StoreError> id(Database &db)
{
    return setting(db, QStringLiteral("store_id"));
}

Expected<bool, StoreError> isTraining(Database &db)
{
    auto kind = setting(db, KindKey);
    if (!kind) {
        return unexpected(std::move(kind).error());
    }
    return *kind == Training;
}

Expected<void, StoreError> markAsTraining(Database &db)
{
    Statement mark(db, QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    return mark.exec({KindKey, Training});
}

Expected<bool, StoreError> holdsData(Database &db)
{
    Statement query(db,
                    QStringLiteral("SELECT EXISTS (SELECT 1 FROM citizens) OR EXISTS (SELECT 1 FROM catalogue_entries) OR EXISTS (SELECT 1 FROM audit_log) "
                                   "OR EXISTS (SELECT 1 FROM sync_state)"));
    if (auto r = query.exec({}); !r) {
        return unexpected(std::move(r).error());
    }
    return query.next() && query.value(0).toBool();
}

QString trainingStoreRefused(const QString &path)
{
    return i18nc("@info",
                 "%1 is a training store: its practice data and published passwords are no place for real work, so it is used by training "
                 "mode only (citizen360 --training).",
                 QDir::toNativeSeparators(path));
}

QString realStoreRefusedForTraining(const QString &path)
{
    return i18nc("@info",
                 "%1 is not a training store. Training mode uses a store of its own and never touches another: move this file away or start "
                 "without --training.",
                 QDir::toNativeSeparators(path));
}

} // namespace C360::StoreIdentity
