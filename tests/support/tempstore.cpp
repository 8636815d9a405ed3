// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "tempstore.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace C360::Test
{

namespace
{
// Runs sql in the server's maintenance database on a connection of its own.
bool onMaintenance(const QString &sql)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("c360-test-maintenance-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        const StoreLocation server = StoreLocation::parse(TempStore::serverUri());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setDatabaseName(server.databaseName());
        db.setUserName(server.userName());
        db.setConnectOptions(QStringLiteral("host=%1;port=%2").arg(server.host(), server.port()));
        ok = db.open();
        if (ok) {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            }
        } else {
            qWarning("cannot reach the test server: %s", qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

bool TempStore::onServer()
{
    return qEnvironmentVariable("C360_TEST_ENGINE") == QLatin1String("postgresql");
}

QString TempStore::serverUri()
{
    static const QString uri = [] {
        QFile file(qEnvironmentVariable("C360_TEST_POSTGRES_DIR") + QLatin1String("/uri"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
    }();
    return uri;
}

TempStore::TempStore(const QDateTime &start)
    : m_clock(start)
{
    if (!onServer()) {
        m_name = m_dir.filePath(QStringLiteral("store.sqlite"));
        return;
    }
    if (serverUri().isEmpty()) {
        qFatal("C360_TEST_ENGINE=postgresql, but no test server: run the test through ctest (fixture \"postgres\")");
    }
    static QAtomicInteger<int> counter;
    m_serverDatabase = QStringLiteral("c360_t%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    if (!onMaintenance(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'").arg(m_serverDatabase))) {
        qFatal("cannot create the test database");
    }
    QString uri = serverUri();
    uri.truncate(uri.lastIndexOf(QLatin1Char('/')) + 1);
    m_name = uri + m_serverDatabase;
}

TempStore::~TempStore()
{
    m_db.reset();
    if (!m_serverDatabase.isEmpty()) {
        onMaintenance(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_serverDatabase));
    }
}

Database &TempStore::open()
{
    auto db = Database::open(path(), Database::OpenMode::Create, m_clock);
    if (!db) {
        QTest::qFail(qPrintable(QStringLiteral("cannot open the test store: ") + db.error().message()), __FILE__, __LINE__);
        qFatal("test store unavailable");
    }
    m_db = std::move(db).value();
    return *m_db;
}

} // namespace C360::Test
