// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Opening the local store: pragmas, and every way a path can be wrong without losing a byte.

#include "citizenbuilder.h"
#include "common/clock.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/storeidentity.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace C360;
using Mode = Database::OpenMode;
using Code = StoreError::Code;

Q_DECLARE_METATYPE(Database::OpenMode)
Q_DECLARE_METATYPE(StoreError::Code)

namespace
{
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(content), content.size());
}

QVariant pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next()) {
        return {};
    }
    return q.value(0);
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsStoreWithPragmas()
    {
        Test::TempStore store;
        QVERIFY(!QFile::exists(store.path()));
        Database &db = store.open();
        QVERIFY(QFile::exists(store.path()));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")).toInt(), 1);
        QCOMPARE(pragma(db, QStringLiteral("synchronous")).toInt(), 2); // FULL: durable audit entries
        QVERIFY(pragma(db, QStringLiteral("busy_timeout")).toInt() >= 1000);
        QVERIFY(!db.isReadOnly());
    }

    // Every citizen's data and the password hashes: the owner's only, the WAL and shared-memory
    // files too; a store made looser elsewhere is narrowed when it is opened for writing.
    void filesAreTheOwnersOnly()
    {
        constexpr auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther;
        Test::TempStore store;
        Database &db = store.open();
        QVERIFY(CitizenRepository(db).insert(Test::CitizenBuilder().build()));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QVERIFY2(QFile::exists(store.path() + suffix), qPrintable(suffix));
            QCOMPARE(QFile::permissions(store.path() + suffix) & others, QFileDevice::Permissions());
        }
        store.close();
        QVERIFY(QFile::setPermissions(store.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        {
            auto reader = Database::open(store.path(), Mode::ReadOnly, store.clock());
            QVERIFY(reader);
        }
        QCOMPARE(QFile::permissions(store.path()) & others, QFileDevice::ReadGroup | QFileDevice::ReadOther); // a reader changes nothing
        store.open();
        QCOMPARE(QFile::permissions(store.path()) & others, QFileDevice::Permissions());
    }

    // The store's identity and kind: random per store, a training store marked as such, and
    // whether it holds anything (the first-run dialog is for an empty store only).
    void identityKindAndContents()
    {
        Test::TempStore one;
        Test::TempStore two;
        const QString id = StoreIdentity::id(one.open()).value();
        QCOMPARE(id.size(), 32);
        QVERIFY(id != StoreIdentity::id(two.open()).value());
        QCOMPARE(StoreIdentity::isTraining(one.open()).value(), false);
        QVERIFY(StoreIdentity::markAsTraining(one.open()));
        QCOMPARE(StoreIdentity::isTraining(one.open()).value(), true);
        QCOMPARE(StoreIdentity::holdsData(two.open()).value(), false);
        QVERIFY(CitizenRepository(two.open()).insert(Test::CitizenBuilder().build()));
        QCOMPARE(StoreIdentity::holdsData(two.open()).value(), true);
    }

    void reopensReadOnly()
    {
        Test::TempStore store;
        store.open();
        store.close();
        auto db = Database::open(store.path(), Mode::ReadOnly, store.clock());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message()));
        QVERIFY((*db)->isReadOnly());
        QSqlQuery q((*db)->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO store_settings (key, value) VALUES ('a', 'b')")));
        QCOMPARE((*db)->error(q).code, Code::ReadOnly);
    }

    void preparedStatementsAreReused()
    {
        Test::TempStore store;
        Database &db = store.open();
        const QString sql = QStringLiteral("SELECT COUNT(*) FROM citizens");
        auto first = db.prepared(sql);
        auto second = db.prepared(sql);
        QVERIFY(first && second);
        QCOMPARE(*first, *second);
        auto broken = db.prepared(QStringLiteral("SELECT nonsense FROM nowhere"));
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, Code::Query);
    }

    void refusesBadPaths_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content"); // empty: no file
        QTest::addColumn<bool>("isFolder");
        QTest::addColumn<Database::OpenMode>("mode");
        QTest::addColumn<StoreError::Code>("expected");

        const QByteArray text("name;street\nJan;Kerkstraat\n");
        QByteArray foreignHeader("SQLite format 3");
        foreignHeader.append('\0');
        QByteArray damaged = foreignHeader + QByteArray(4080, '\x5a');
        for (const auto &[modeName, mode] :
             {std::pair{"read-only", Mode::ReadOnly}, std::pair{"read-write", Mode::ReadWrite}, std::pair{"create", Mode::Create}}) {
            QTest::addRow("text file, %s", modeName) << QStringLiteral("export.csv") << text << false << mode << Code::NotADatabase;
            QTest::addRow("folder, %s", modeName) << QStringLiteral("folder") << QByteArray() << true << mode << Code::NotAFile;
            QTest::addRow("damaged, %s", modeName) << QStringLiteral("damaged.sqlite") << damaged << false << mode << Code::NotADatabase;
        }
        QTest::newRow("missing, read-only") << QStringLiteral("missing.sqlite") << QByteArray() << false << Mode::ReadOnly << Code::NotFound;
        QTest::newRow("missing, read-write") << QStringLiteral("missing.sqlite") << QByteArray() << false << Mode::ReadWrite << Code::NotFound;
        QTest::newRow("missing folder, create") << QStringLiteral("no/such/folder/store.sqlite") << QByteArray() << false << Mode::Create
                                                << Code::FolderNotFound;
    }

    void refusesBadPaths()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(bool, isFolder);
        QFETCH(Database::OpenMode, mode);
        QFETCH(StoreError::Code, expected);

        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        if (isFolder) {
            QVERIFY(QDir().mkpath(path));
        } else if (!content.isEmpty()) {
            writeFile(path, content);
        }
        const QByteArray before = fileHash(path);

        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto db = Database::open(path, mode, clock);
        QVERIFY(!db);
        QCOMPARE(db.error().code, expected);
        // The sentence a person reads names the file.
        QVERIFY2(db.error().message().contains(path), qPrintable(db.error().message()));
        // Nothing was written: the file is byte for byte what it was, and no journal appeared.
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        if (content.isEmpty() && !isFolder) {
            QVERIFY(!QFile::exists(path));
        }
    }

    void refusesForeignSqliteDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(Test::writeSqliteFile(path, {QStringLiteral("CREATE TABLE recipes (name TEXT)"), QStringLiteral("INSERT INTO recipes VALUES ('stoofvlees')")}));
        const QByteArray before = fileHash(path);
        ManualClock clock(QDateTime::currentDateTimeUtc());
        for (Mode mode : {Mode::ReadOnly, Mode::ReadWrite, Mode::Create}) {
            auto db = Database::open(path, mode, clock);
            QVERIFY(!db);
            QCOMPARE(db.error().code, Code::NotAStore);
            QVERIFY(db.error().message().contains(path));
        }
        QCOMPARE(fileHash(path), before);
    }

    void emptyFileIsInitialisedOnlyWhenWritable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
        writeFile(path, {});
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto readOnly = Database::open(path, Mode::ReadOnly, clock);
        QVERIFY(!readOnly);
        QCOMPARE(readOnly.error().code, Code::NotInitialised);
        QVERIFY(readOnly.error().message().contains(QStringLiteral("citizen360-admin init")));
        auto writable = Database::open(path, Mode::ReadWrite, clock);
        QVERIFY(writable);
        QCOMPARE((*writable)->schemaVersion(), Migrations::latestVersion());
    }

    void refusesNewerSchemaUntouched()
    {
        Test::TempStore store;
        {
            Database &db = store.open();
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (%1, 'from the future', "
                                          "'2030-01-01T00:00:00.000Z')")
                               .arg(Migrations::latestVersion() + 1)));
            store.close();
        }
        const QByteArray before = fileHash(store.path());
        for (Mode mode : {Mode::ReadOnly, Mode::ReadWrite, Mode::Create}) {
            auto db = Database::open(store.path(), mode, store.clock());
            QVERIFY(!db);
            QCOMPARE(db.error().code, Code::NewerSchema);
            QCOMPARE(db.error().schemaVersion, Migrations::latestVersion() + 1);
            QCOMPARE(db.error().supportedVersion, Migrations::latestVersion());
            const QString message = db.error().message();
            QVERIFY(message.contains(store.path()));
            QVERIFY(message.contains(QString::number(Migrations::latestVersion() + 1)));
            QVERIFY(message.contains(QStringLiteral("newer version")));
        }
        QCOMPARE(fileHash(store.path()), before);
    }

    // A real full disk: a small tmpfs. Committed data survives; the failed change leaves no trace.
    void diskFullLosesNothing()
    {
        if (::geteuid() != 0) {
            QSKIP("mounting a small tmpfs needs root; CI runs as root (see README, Tests)");
        }
        QTemporaryDir mountPoint;
        const QByteArray target = QFile::encodeName(mountPoint.path());
        if (::mount("c360-test", target.constData(), "tmpfs", 0, "size=4m") != 0) {
            QSKIP("this kernel refuses to mount tmpfs here (see README, Tests)");
        }
        auto unmount = qScopeGuard([&] {
            ::umount2(target.constData(), MNT_DETACH);
        });
        const QString path = mountPoint.filePath(QStringLiteral("store.sqlite"));
        const QString filler = mountPoint.filePath(QStringLiteral("filler"));
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));

        int committed = 0;
        StoreError failure;
        {
            auto db = Database::open(path, Mode::Create, clock);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message()));
            writeFile(filler, QByteArray(1024 * 1024, 'x'));
            CitizenRepository citizens(**db);
            for (int i = 0; i < 1000; ++i) {
                Citizen c =
                    Test::CitizenBuilder().withName(QStringLiteral("Jan"), QStringLiteral("Peeters %1 ").arg(i) + QString(20000, QLatin1Char('a'))).build();
                auto id = citizens.insert(c);
                if (!id) {
                    failure = id.error();
                    break;
                }
                ++committed;
            }
        }
        QVERIFY2(committed > 0, qPrintable(QStringLiteral("the disk was full before the first citizen: ") + failure.message()));
        QCOMPARE(failure.code, Code::DiskFull);
        QVERIFY(failure.message().contains(path));
        QVERIFY(failure.message().contains(QStringLiteral("disk is full")));

        // Free the space, reopen: every committed citizen is there, the failed one is not.
        QVERIFY(QFile::remove(filler));
        auto db = Database::open(path, Mode::ReadWrite, clock);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message()));
        CitizenRepository citizens(**db);
        auto count = citizens.count();
        QVERIFY(count);
        QCOMPARE(*count, qint64(committed));
        QSqlQuery check((*db)->connection());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
