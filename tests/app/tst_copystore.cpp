// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// citizen360-admin copy-store through the command line: a workstation's SQLite store into a
// PostgreSQL database on the tests' server and back into a new file, every row and the audit chain
// intact (verify-audit on each); a copy that fails leaves the target without a row; a target that
// holds data, a password in an address and a clerk are refused.

#include "adminclitesting.h"
#include "audit/auditservice.h"
#include "citizenbuilder.h"
#include "common/clock.h"
#include "processrunner.h"
#include "staffaccess.h"
#include "store/citizenrepository.h"
#include "store/contactmomentrepository.h"
#include "store/database.h"
#include "store/requestrepository.h"
#include "store/storecopy.h"
#include "store/storeidentity.h"
#include "store/storelocation.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;
using Test::ProcessResult;
using Test::ProcessRunner;

using Test::AdminCli::describe;
using Test::AdminCli::lastJsonLine;

namespace
{
// An empty database on the tests' server, dropped at the end.
class ServerDatabase
{
public:
    explicit ServerDatabase(const QString &name)
        : m_name(name)
    {
        m_ok = Test::runOnStore(Test::TempStore::serverUri(), {u"CREATE DATABASE %1"_s.arg(name)});
    }
    ~ServerDatabase() { Test::runOnStore(Test::TempStore::serverUri(), {u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_name)}); }
    bool ok() const { return m_ok; }
    QString uri() const
    {
        QString uri = Test::TempStore::serverUri();
        return uri.left(uri.lastIndexOf(QLatin1Char('/')) + 1) + m_name;
    }

private:
    QString m_name;
    bool m_ok = false;
};

const QDateTime made(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
} // namespace

class TestCopyStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_credentials;

    ProcessResult run(const QStringList &args, const QString &credentials = {}) const
    {
        ProcessRunner runner(m_home.path());
        runner.setEnvironment(u"C360_CREDENTIALS"_s, credentials.isEmpty() ? m_credentials : credentials);
        return runner.run(ProcessRunner::binary(u"citizen360-admin"_s), args, 120000);
    }

    // A store with its administrator, citizens with contacts, requests, links and an audit log.
    QString makeStore(const QTemporaryDir &dir, QString *clerkCredentials = nullptr)
    {
        const QString path = dir.filePath(u"desk.sqlite"_s);
        ManualClock clock(made);
        auto db = Database::open(path, Database::OpenMode::Create, clock);
        if (!db) {
            return {};
        }
        m_credentials = Test::addAccount(**db, m_home.path(), u"beheer"_s, Role::Administrator);
        const QString clerk = Test::addAccount(**db, m_home.path(), u"an.balie"_s, Role::CounterClerk);
        if (m_credentials.isEmpty() || clerk.isEmpty()) {
            return {};
        }
        if (clerkCredentials) {
            *clerkCredentials = clerk;
        }
        AuditService audit(**db, Test::auditKeyFor(**db, m_home.path()));
        const StaffMember staff{u"an.balie"_s, Role::CounterClerk, u"balie-1"_s};
        for (int i = 0; i < 12; ++i) {
            const Citizen citizen = Test::CitizenBuilder()
                                        .withName(u"Lotte %1"_s.arg(i), i % 2 ? u"Claes"_s : u"Van den Bossche"_s)
                                        .bornOn(QDate(1970 + i, 4, 2))
                                        .withNationalNumber(40 + i)
                                        .build();
            const qint64 id = CitizenRepository(**db).insert(citizen).value_or(0);
            Request r;
            r.citizenId = id;
            r.question = u"Vraag over de afvalkalender (%1)"_s.arg(i);
            r.created = made.addDays(i);
            const qint64 request = RequestRepository(**db).insert(r).value_or(0);
            ContactMoment contact;
            contact.citizenId = id;
            contact.channel = Channel::Counter;
            contact.subject = u"Bezoek %1"_s.arg(i);
            contact.outcome = ContactOutcome::Answered;
            contact.staffMember = u"an.balie"_s;
            contact.time = made.addDays(i);
            contact.links.append(ItemLink{ItemKind::Request, request});
            if (id == 0 || request == 0 || !ContactMomentRepository(**db).insert(contact)) {
                return {};
            }
            if (!audit.record(staff, AuditAction::ProfileOpened, id, Purpose{u"counter_visit"_s, u"Bezoek %1"_s.arg(i)})) {
                return {};
            }
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!Test::TempStore::serverUri().isEmpty(), "no test server: run through ctest (fixture postgres)"); }

    // SQLite → PostgreSQL → SQLite: the same content, the same identity, an intact chain.
    void roundTripKeepsEverything()
    {
        QTemporaryDir dir;
        const QString desk = makeStore(dir);
        QVERIFY(!desk.isEmpty());
        ServerDatabase shared(u"c360_copy_%1"_s.arg(QCoreApplication::applicationPid()));
        QVERIFY(shared.ok());

        ProcessResult r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, shared.uri()});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonObject copied = lastJsonLine(r.out);
        QCOMPARE(copied.value(u"rows"_s).toObject().value(u"citizens"_s).toInt(), 12);
        QCOMPARE(copied.value(u"rows"_s).toObject().value(u"contact_moment_links"_s).toInt(), 12);
        QVERIFY(copied.value(u"audit_intact_through"_s).toInt() > 12);
        QCOMPARE(copied.value(u"to"_s).toString(), shared.uri());

        // The shared store verifies with the same key, and holds what the desk held.
        r = run({u"verify-audit"_s, u"--database"_s, shared.uri()});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.startsWith(u"intact through entry "_s), qPrintable(r.out));
        QCOMPARE(Test::contentDigests(shared.uri()), Test::contentDigests(desk));
        {
            ManualClock clock(made);
            auto source = Database::open(desk, Database::OpenMode::ReadOnly, clock);
            auto target = Database::open(shared.uri(), Database::OpenMode::ReadOnly, clock);
            QVERIFY(source && target);
            QCOMPARE(StoreIdentity::id(**target).value_or(QString()), StoreIdentity::id(**source).value_or(QString()));
            // The copy was audited in the source before it, so the copy holds the entry too.
            QCOMPARE(Test::scalar(**target, u"SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND purpose_code = 'store_copy'"_s), 1);
            // The search finds the copied names on the server's own index.
            QCOMPARE(CitizenRepository(**target).searchNames(u"van den bos"_s, 50).value_or(QList<qint64>()).size(), 6);
            // New rows go on after the copied ids.
            ManualClock writeClock(made);
            auto writer = Database::open(shared.uri(), Database::OpenMode::ReadWrite, writeClock);
            QVERIFY(writer);
            const qint64 added = CitizenRepository(**writer).insert(Test::CitizenBuilder().withNationalNumber(99).build()).value_or(0);
            QVERIFY(added > Test::scalar(**source, u"SELECT MAX(id) FROM citizens"_s));
        }

        // And back into a new file.
        const QString back = dir.filePath(u"back.sqlite"_s);
        r = run({u"copy-store"_s, u"--from"_s, shared.uri(), u"--to"_s, back});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = run({u"verify-audit"_s, u"--database"_s, back});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(Test::contentDigests(back).value(u"requests"_s), Test::contentDigests(desk).value(u"requests"_s));
        QCOMPARE(Test::contentDigests(back).value(u"contact_moment_links"_s), Test::contentDigests(desk).value(u"contact_moment_links"_s));
    }

    // The target refuses a row near the end (a trigger stands in for a full disk or a killed
    // copy): nothing of the copy stays, and the same copy into it works once it accepts rows.
    void aFailedCopyLeavesTheTargetWithoutARow()
    {
        QTemporaryDir dir;
        const QString desk = makeStore(dir);
        QVERIFY(!desk.isEmpty());
        ServerDatabase shared(u"c360_copyfail_%1"_s.arg(QCoreApplication::applicationPid()));
        QVERIFY(shared.ok());
        {
            ManualClock clock(made);
            auto target = Database::open(shared.uri(), Database::OpenMode::Create, clock);
            QVERIFY(target);
            QVERIFY(Test::refuseInserts(**target, u"sync_state"_s));
        }
        // sync_state needs a row to be refused.
        {
            ManualClock clock(made);
            auto source = Database::open(desk, Database::OpenMode::ReadWrite, clock);
            QVERIFY(source);
            QVERIFY(Test::runOnStore(desk, {u"INSERT INTO sync_state (source, resource) VALUES ('openklant', 'partijen')"_s}));
        }
        ProcessResult r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, shared.uri()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"Nothing was copied"_s), qPrintable(r.err));
        {
            ManualClock clock(made);
            auto target = Database::open(shared.uri(), Database::OpenMode::ReadOnly, clock);
            QVERIFY(target);
            QCOMPARE(StoreCopy::holdsRows(**target).value_or(true), false);
            QCOMPARE(Test::scalar(**target, u"SELECT COUNT(*) FROM citizens"_s), 0);
        }
        QVERIFY(Test::runOnStore(shared.uri(), {u"DROP TRIGGER c360_test_refuse_sync_state ON sync_state"_s}));
        r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, shared.uri()});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }

    // The application on a shared store: a desk's store copied to the server opens there (the
    // window rendered before anyone signs in); an address with a password is refused before any
    // window, and says why.
    void theApplicationOpensASharedStore()
    {
        QTemporaryDir dir;
        const QString desk = makeStore(dir);
        QVERIFY(!desk.isEmpty());
        ServerDatabase shared(u"c360_app_%1"_s.arg(QCoreApplication::applicationPid()));
        QVERIFY(shared.ok());
        ProcessResult r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, shared.uri()});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));

        const QString shots = dir.filePath(u"shots"_s);
        ProcessRunner runner(m_home.path());
        r = runner.run(ProcessRunner::binary(u"citizen360"_s), {u"--database"_s, shared.uri(), u"--screenshot"_s, shots}, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(QFileInfo(shots + u"/main.png"_s).size() > 0);

        const QString withPassword = shared.uri().replace(u"c360@"_s, u"c360:Geheim123@"_s);
        r = runner.run(ProcessRunner::binary(u"citizen360"_s), {u"--database"_s, withPassword, u"--screenshot"_s, shots}, 120000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"password"_s) && !r.err.contains(u"Geheim123"_s), qPrintable(r.err));
    }

    void whatIsRefused()
    {
        QTemporaryDir dir;
        QString clerk;
        const QString desk = makeStore(dir, &clerk);
        QVERIFY(!desk.isEmpty());
        // Into a store that holds data.
        QTemporaryDir other;
        const QString full = makeStore(other);
        QVERIFY(!full.isEmpty());
        ProcessResult r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, full});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"already holds data"_s), qPrintable(r.err));
        // Into itself.
        r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, desk});
        QCOMPARE(r.exitCode, 2);
        // A password in the address never gets used, nor repeated.
        r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, u"postgresql://c360:Geheim123@127.0.0.1/x"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.contains(u"Geheim123"_s));
        QVERIFY2(r.err.contains(u"password"_s), qPrintable(r.err));
        // A counter clerk may not copy the store.
        const QString target = dir.filePath(u"clerk.sqlite"_s);
        r = run({u"copy-store"_s, u"--from"_s, desk, u"--to"_s, target}, clerk);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(target));
        // Both ends must be named.
        r = run({u"copy-store"_s, u"--from"_s, desk});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCopyStore)
#include "tst_copystore.moc"
