// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common/clock.h"
#include "store/database.h"

#include <QTemporaryDir>

#include <memory>

namespace C360::Test
{

// A real, empty store with a clock the test controls: an SQLite file in a fresh temporary folder,
// or, when the test runs on PostgreSQL (C360_TEST_ENGINE=postgresql, the *_pg tests), a fresh
// database on the tests' server (tests/postgres/test-server), dropped again at the end.
class TempStore
{
public:
    // 2026-03-02 09:00 UTC, a Monday: where the clock starts unless told otherwise. A test that
    // syncs from the reference back end gives it this day as its reference date, so that the
    // back end's history ends just before the store's "now", whatever the real date.
    static QDateTime defaultStart() { return QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC); }

    // Whether this test process runs its stores on the PostgreSQL test server.
    static bool onServer();
    // The test server's URI (its maintenance database); empty when there is none.
    static QString serverUri();

    explicit TempStore(const QDateTime &start = defaultStart());
    ~TempStore();
    TempStore(const TempStore &) = delete;
    TempStore &operator=(const TempStore &) = delete;

    // Opens (creating and migrating) the store; QVERIFY-style failure text on error.
    Database &open();
    void close() { m_db.reset(); }
    Database &db() { return *m_db; }
    bool isOpen() const { return m_db != nullptr; }
    ManualClock &clock() { return m_clock; }
    // The store's name for Database::open and --database: the file's path, or the database's URI.
    QString path() const { return m_name; }
    // A folder of the test's own (beside the file on SQLite) for exports, checkpoints, keys.
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    QString m_name;
    QString m_serverDatabase; // PostgreSQL: the database made for this store
    std::unique_ptr<Database> m_db;
};

} // namespace C360::Test
