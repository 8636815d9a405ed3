// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QList>
#include <QString>

namespace C360
{
class Database;

// The store's schema history: forward-only steps, each one transaction, recorded in
// schema_migrations, each written for both engines. A new version is a new step at the end; released steps never change.
namespace Migrations
{
struct Step
{
    int version;
    const char *description;
    QList<const char *> sqlite;
    QList<const char *> postgresql; // the same step for PostgreSQL (SqlDialect's engine)
};

const QList<Step> &steps();
int latestVersion();

// The version recorded in the store (0 for a new, empty file). NotAStore for an SQLite file of
// another program.
Expected<int, StoreError> currentVersion(Database &db);
// Applies every step after the store's version up to target (default: the latest).
Expected<void, StoreError> migrate(Database &db, int target = -1);
} // namespace Migrations

} // namespace C360
