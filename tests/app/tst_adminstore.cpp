// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// citizen360-admin's init and status through its command line: a store made only with its
// administrator and private to its owner, older schemas migrated, the counts status prints, and
// bad, read-only and full stores refused and left as they were.

#include "adminclitesting.h"
#include "citizenbuilder.h"
#include "common/clock.h"
#include "processrunner.h"
#include "staffaccess.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>

using namespace C360;
using Test::ProcessResult;
using Test::ProcessRunner;
using namespace C360::Test::AdminCli;

namespace
{
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}
} // namespace

class TestAdminStore : public AdminCliTest
{
    Q_OBJECT

    // init with the administrator "beheer", whose password comes on standard input.
    ProcessResult initWithAdmin(const QString &path, ProcessRunner runner) const
    {
        runner.setInput(QByteArray(Test::StaffPassword) + '\n');
        return runner.run(admin(), {QStringLiteral("init"), QStringLiteral("--database"), path, QStringLiteral("--admin"), QStringLiteral("beheer")});
    }
    ProcessResult initWithAdmin(const QString &path) const { return initWithAdmin(path, ProcessRunner(m_home.path())); }

private Q_SLOTS:
    void initCreatesThenReportsUpToDate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        // No store without its administrator: nothing is made without --admin.
        ProcessResult r = run({QStringLiteral("init"), QStringLiteral("--database"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--admin")), qPrintable(describe(r)));
        QVERIFY(!QFile::exists(path));
        // A password the policy refuses: nothing is left either.
        ProcessRunner shortPassword(m_home.path());
        shortPassword.setInput("kort\n");
        r = shortPassword.run(admin(), {QStringLiteral("init"), QStringLiteral("--database"), path, QStringLiteral("--admin"), QStringLiteral("beheer")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(path));

        r = initWithAdmin(path);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QJsonObject json = lastJsonLine(r.out);
        QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), Migrations::latestVersion());
        QCOMPARE(json.value(QStringLiteral("previous_schema_version")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("administrator")).toString(), QStringLiteral("beheer"));
        QVERIFY(r.err.contains(QStringLiteral("Created the store")));
        QVERIFY(QFile::exists(path));
        // The store, with every citizen's data and the password hashes, is its owner's only.
        for (const QString &file : QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
            if (QFile::exists(file)) {
                QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                         QFileDevice::Permissions());
            }
        }
        // The administrator signs in with that password.
        const QString credentials = Test::writeCredentials(m_home.path(), QStringLiteral("beheer"));
        r = runAs(credentials, {QStringLiteral("users"), QStringLiteral("--database"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("\"administrator\"")), qPrintable(r.out));
        // A second administrator cannot be made by init.
        ProcessRunner again(m_home.path());
        again.setInput("een lang genoeg wachtwoord\n");
        r = again.run(admin(), {QStringLiteral("init"), QStringLiteral("--database"), path, QStringLiteral("--admin"), QStringLiteral("mallory")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("already has staff accounts")), qPrintable(describe(r)));

        r = run({QStringLiteral("init"), QStringLiteral("--database"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        json = lastJsonLine(r.out);
        QCOMPARE(json.value(QStringLiteral("previous_schema_version")).toInt(), Migrations::latestVersion());
        QVERIFY(r.err.contains(QStringLiteral("up to date")));
    }

    void initMigratesAnOlderStore_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Migrations::latestVersion(); ++v) {
            QTest::addRow("from schema %d", v) << v;
        }
    }

    void initMigratesAnOlderStore()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            ManualClock clock(QDateTime::currentDateTimeUtc());
            auto db = Database::open(path, Database::OpenMode::Create, clock, from);
            QVERIFY(db);
        }
        const ProcessResult r = initWithAdmin(path);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonObject json = lastJsonLine(r.out);
        QCOMPARE(json.value(QStringLiteral("previous_schema_version")).toInt(), from);
        QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), Migrations::latestVersion());
    }

    void statusPrintsCounts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        {
            ManualClock clock(QDateTime::currentDateTimeUtc());
            auto db = Database::open(path, Database::OpenMode::Create, clock);
            QVERIFY(db);
            CitizenRepository citizens(**db);
            for (int i = 0; i < 4; ++i) {
                QVERIFY(citizens.insert(Test::CitizenBuilder().build()));
            }
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO reports (status) VALUES ('open'), ('open'), ('closed')")));
        }
        const ProcessResult r = run({QStringLiteral("status"), QStringLiteral("--database"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1); // one line of JSON
        const QJsonObject json = lastJsonLine(r.out);
        QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), Migrations::latestVersion());
        QCOMPARE(json.value(QStringLiteral("citizens")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("reports")).toInt(), 3);
        for (const QString &key : {QStringLiteral("contact_moments"),
                                   QStringLiteral("requests"),
                                   QStringLiteral("cases"),
                                   QStringLiteral("catalogue_entries"),
                                   QStringLiteral("audit_entries")}) {
            QVERIFY2(json.contains(key), qPrintable(key));
            QCOMPARE(json.value(key).toInt(-1), 0);
        }
    }

    void badStoresAreRefusedUntouched_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        for (const QString &command : {QStringLiteral("init"), QStringLiteral("status")}) {
            QTest::addRow("%s, text file", qPrintable(command)) << command << QStringLiteral("text") << QStringLiteral("not an SQLite file");
            QTest::addRow("%s, folder", qPrintable(command)) << command << QStringLiteral("folder") << QStringLiteral("is not a file");
            QTest::addRow("%s, other program's database", qPrintable(command)) << command << QStringLiteral("foreign") << QStringLiteral("another program");
            QTest::addRow("%s, newer schema", qPrintable(command)) << command << QStringLiteral("newer") << QStringLiteral("newer version");
            QTest::addRow("%s, missing folder", qPrintable(command))
                << command << QStringLiteral("nofolder")
                << (command == QLatin1String("init") ? QStringLiteral("folder does not exist") : QStringLiteral("does not exist"));
        }
        QTest::newRow("status, missing file") << QStringLiteral("status") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("status, empty file") << QStringLiteral("status") << QStringLiteral("empty") << QStringLiteral("is empty");
    }

    void badStoresAreRefusedUntouched()
    {
        QFETCH(QString, command);
        QFETCH(QString, kind);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("store.sqlite"));
        if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Rijksregisternummer;Naam\n");
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("foreign")) {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery(other).exec(QStringLiteral("CREATE TABLE t (x)"));
            other.close();
            other = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        } else if (kind == QLatin1String("newer")) {
            ManualClock clock(QDateTime::currentDateTimeUtc());
            auto db = Database::open(path, Database::OpenMode::Create, clock);
            QVERIFY(db);
            QSqlQuery((*db)->connection()).exec(QStringLiteral("INSERT INTO schema_migrations VALUES (99, 'future', 'x')"));
        } else if (kind == QLatin1String("nofolder")) {
            path = dir.filePath(QStringLiteral("no/such/folder/store.sqlite"));
        } else if (kind == QLatin1String("empty")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const QByteArray before = fileHash(path);
        const bool existed = QFileInfo::exists(path);

        const ProcessResult r = command == QLatin1String("init") ? initWithAdmin(path) : run({command, QStringLiteral("--database"), path});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(says), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(path), qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.crashed);
        QCOMPARE(QFileInfo::exists(path), existed);
        QCOMPARE(fileHash(path), before);
    }

    // Permissions only bind an unprivileged user: as root the tool runs as nobody.
    void readOnlyStore()
    {
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
        const QString folder = dir.filePath(QStringLiteral("archive"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/store.sqlite");
        QCOMPARE(initWithAdmin(path).exitCode, 0);
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        auto restore = qScopeGuard([&] {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        });
        const QByteArray before = fileHash(path);

        QTemporaryDir home;
        QFile::setPermissions(home.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
        ProcessRunner runner(home.path());
        runner.setDropPrivileges(true);

        ProcessResult r = runner.run(admin(), {QStringLiteral("init"), QStringLiteral("--database"), path});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("read-only")) && r.err.contains(path), qPrintable(describe(r)));

        // Reading a read-only store works: an auditor's archived copy.
        r = runner.run(admin(), {QStringLiteral("status"), QStringLiteral("--database"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(lastJsonLine(r.out).value(QStringLiteral("schema_version")).toInt(), Migrations::latestVersion());
        QCOMPARE(fileHash(path), before);
    }

    // A full disk: a small tmpfs when root may mount one, else a file size limit on the process.
    // What the failed run leaves behind does not stop a later run once there is room again.
    void fullDisk()
    {
        QTemporaryDir dir;
        QByteArray mountPoint;
        bool mounted = false;
        if (ProcessRunner::isRoot()) {
            mountPoint = QFile::encodeName(dir.path());
            mounted = ::mount("c360-test", mountPoint.constData(), "tmpfs", 0, "size=1m") == 0;
        }
        auto unmount = qScopeGuard([&] {
            if (mounted) {
                ::umount2(mountPoint.constData(), MNT_DETACH);
            }
        });
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        const QString filler = dir.filePath(QStringLiteral("filler"));
        ProcessRunner runner(m_home.path());
        if (mounted) {
            QFile f(filler);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (f.write(block) == block.size() && f.flush()) { }
            f.close();
            QVERIFY(QFile::resize(filler, QFileInfo(filler).size() - 16 * 1024));
        } else {
            runner.setFileSizeLimit(16 * 1024);
        }
        ProcessResult r = initWithAdmin(path, runner);
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY(!r.crashed);
        QVERIFY2(r.err.contains(path), qPrintable(describe(r)));
        if (mounted) {
            QVERIFY2(r.err.contains(QStringLiteral("disk is full")), qPrintable(describe(r)));
        }
        QVERIFY(r.out.isEmpty());
        // No empty or half-made store left behind for a later start to take for one.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
            QVERIFY2(!QFile::exists(path + suffix), qPrintable(path + suffix));
        }

        QFile::remove(filler);
        r = initWithAdmin(path);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = run({QStringLiteral("status"), QStringLiteral("--database"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(lastJsonLine(r.out).value(QStringLiteral("schema_version")).toInt(), Migrations::latestVersion());
    }
};

QTEST_GUILESS_MAIN(TestAdminStore)
#include "tst_adminstore.moc"
