// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common/clock.h"
#include "store/database.h"

#include <QTemporaryDir>

#include <memory>

namespace C360::Test
{

// A real SQLite store in a fresh temporary folder, with a clock the test controls.
class TempStore
{
public:
    // 2026-03-02 09:00 UTC, a Monday: where the clock starts unless told otherwise. A test that
    // syncs from the reference back end gives it this day as its reference date, so that the
    // back end's history ends just before the store's "now", whatever the real date.
    static QDateTime defaultStart() { return QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC); }

    explicit TempStore(const QDateTime &start = defaultStart());

    // Opens (creating and migrating) the store; QVERIFY-style failure text on error.
    Database &open();
    void close() { m_db.reset(); }
    Database &db() { return *m_db; }
    bool isOpen() const { return m_db != nullptr; }
    ManualClock &clock() { return m_clock; }
    QString path() const { return m_dir.filePath(QStringLiteral("store.sqlite")); }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Database> m_db;
};

} // namespace C360::Test
