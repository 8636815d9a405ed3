// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// citizen360-admin's privacy commands through the command line: purge (with --as-of and
// --dry-run), retention, and verify-audit finding an audit row changed, removed or inserted with
// sqlite3-style edits (the triggers dropped first).

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "citizenbuilder.h"
#include "common/clock.h"
#include "privacy/auditkey.h"
#include "processrunner.h"
#include "staffaccess.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "store/requestrepository.h"
#include "store/storeidentity.h"
#include "storetesting.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;
using Test::ProcessResult;
using Test::ProcessRunner;

namespace
{
QJsonObject lastJsonLine(const QString &out)
{
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
}

QString describe(const ProcessResult &r)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(r.exitCode).arg(r.out, r.err);
}

const QDateTime made(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
} // namespace

class TestAdminPrivacy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_number; // the national number of the store's citizen
    QString m_credentials; // the administrator's, as C360_CREDENTIALS
    // citizen360-admin signed in as the store's administrator "beheer".
    ProcessResult run(const QStringList &args) const
    {
        ProcessRunner runner(m_home.path());
        runner.setEnvironment(u"C360_CREDENTIALS"_s, m_credentials);
        return runner.run(ProcessRunner::binary(u"citizen360-admin"_s), args);
    }

    // A store with its administrator "beheer", two requests (made 5 and 6 January) and five
    // audit entries of a clerk, keyed as the command line will find it (its secret store).
    QString makeStore(const QTemporaryDir &dir)
    {
        const QString path = dir.filePath(u"store.sqlite"_s);
        ManualClock clock(made);
        auto db = Database::open(path, Database::OpenMode::Create, clock);
        if (!db) {
            return {};
        }
        const Citizen lotte = Test::CitizenBuilder().withName(u"Lotte"_s, u"Claes"_s).bornOn(QDate(1979, 4, 2)).withNationalNumber(45).build();
        m_number = lotte.identifiers.first().formatted();
        const qint64 citizen = CitizenRepository(**db).insert(lotte).value_or(0);
        for (int day = 0; day < 2; ++day) {
            Request r;
            r.citizenId = citizen;
            r.question = u"Vraag %1"_s.arg(day);
            r.created = made.addDays(day);
            if (!RequestRepository(**db).insert(r)) {
                return {};
            }
        }
        m_credentials = Test::addAccount(**db, m_home.path(), u"beheer"_s, Role::Administrator);
        if (m_credentials.isEmpty()) {
            return {};
        }
        AuditService audit(**db, Test::auditKeyFor(**db, m_home.path()));
        const StaffMember clerk{u"an.balie"_s, Role::CounterClerk, u"balie-1"_s};
        for (int i = 0; i < 5; ++i) {
            if (!audit.record(clerk, AuditAction::ProfileOpened, citizen, Purpose{u"counter_visit"_s, u"Bezoek %1"_s.arg(i)})) {
                return {};
            }
        }
        return path;
    }

private Q_SLOTS:
    void purgeFromTheCommandLine()
    {
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        // 4 February 10:00: the first request's 30 days are over, the second's are not.
        const QString asOf = u"2026-02-04T10:00:00Z"_s;
        ProcessResult r = run({u"purge"_s, u"--database"_s, path, u"--as-of"_s, asOf, u"--dry-run"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QJsonObject json = lastJsonLine(r.out);
        QCOMPARE(json.value(u"purged"_s).toInt(), 1);
        QCOMPARE(json.value(u"dry_run"_s).toBool(), true);
        QCOMPARE(json.value(u"retention_days"_s).toInt(), 30);
        QCOMPARE(json.value(u"as_of"_s).toString(), u"2026-02-04T10:00:00.000Z"_s);
        QVERIFY2(r.err.contains(u"would be purged"_s), qPrintable(r.err));

        r = run({u"purge"_s, u"--database"_s, path, u"--as-of"_s, asOf});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(lastJsonLine(r.out).value(u"purged"_s).toInt(), 1);
        {
            ManualClock clock(made);
            auto db = Database::open(path, Database::OpenMode::ReadOnly, clock);
            QVERIFY(db);
            QCOMPARE(Test::rows(**db, u"SELECT question FROM requests"_s), QStringList{u"Vraag 1"_s});
            QCOMPARE(Test::scalar(**db, u"SELECT COUNT(*) FROM purge_records WHERE reason = 'retention'"_s), 1);
            // Both runs audited, as the administrator role under the operating system's user.
            const QStringList purges = Test::rows(**db, u"SELECT role, actor <> '', details FROM audit_log WHERE action = 'purge' ORDER BY sequence"_s);
            QCOMPARE(purges.size(), 2);
            QVERIFY2(purges.at(0).startsWith(u"administrator|1|"_s) && purges.at(0).contains(u"\"dry_run\":true"_s), qPrintable(purges.at(0)));
            QVERIFY2(purges.at(1).contains(u"\"dry_run\":false"_s), qPrintable(purges.at(1)));
        }

        r = run({u"purge"_s, u"--database"_s, path, u"--as-of"_s, u"gisteren"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"ISO 8601"_s), qPrintable(r.err));
    }

    void retentionPeriod()
    {
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        ProcessResult r = run({u"retention"_s, u"--database"_s, path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(lastJsonLine(r.out).value(u"retention_days"_s).toInt(), 30);
        r = run({u"retention"_s, u"--database"_s, path, u"--days"_s, u"60"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(lastJsonLine(r.out).value(u"retention_days"_s).toInt(), 60);
        QVERIFY2(r.err.contains(u"60 days"_s), qPrintable(r.err));
        // Now the first request is kept until 6 March.
        r = run({u"purge"_s, u"--database"_s, path, u"--as-of"_s, u"2026-03-06T09:59:59Z"_s});
        QCOMPARE(lastJsonLine(r.out).value(u"purged"_s).toInt(), 0);
        for (const QString &wrong : {u"0"_s, u"-5"_s, u"dertig"_s}) {
            r = run({u"retention"_s, u"--database"_s, path, u"--days"_s, wrong});
            QCOMPARE(r.exitCode, 2);
        }
        r = run({u"retention"_s, u"--database"_s, path, u"--days"_s, u"99999"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"between"_s), qPrintable(r.err));
        {
            ManualClock clock(made);
            auto db = Database::open(path, Database::OpenMode::ReadOnly, clock);
            QVERIFY(db);
            QCOMPARE(Test::scalar(**db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'change' AND details LIKE '%retention_days%'"_s), 1);
        }
    }

    void verifyAudit_data()
    {
        QTest::addColumn<QStringList>("edits");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("intact") << QStringList() << 0 << u"intact through entry 7"_s;
        QTest::newRow("changed") << QStringList{u"DROP TRIGGER audit_log_no_update"_s,
                                                u"UPDATE audit_log SET purpose_text = 'Iets anders' WHERE sequence = 3"_s}
                                 << 3 << u"entry 3 was changed or inserted (intact through entry 2)"_s;
        QTest::newRow("removed") << QStringList{u"DROP TRIGGER audit_log_no_delete"_s, u"DELETE FROM audit_log WHERE sequence = 4"_s} << 3
                                 << u"entry 4 was removed (intact through entry 3)"_s;
        // A row slipped in as entry 3, the later ones renumbered to make room.
        QTest::newRow("inserted") << QStringList{u"DROP TRIGGER audit_log_no_update"_s,
                                                 u"UPDATE audit_log SET sequence = sequence + 100 WHERE sequence >= 3"_s,
                                                 u"UPDATE audit_log SET sequence = sequence - 99 WHERE sequence >= 100"_s,
                                                 u"INSERT INTO audit_log (sequence, occurred_at, actor, role, workstation, action, subject_citizen_id, "
                                                 "purpose_code, purpose_text, outcome, details, previous_hash, hash) SELECT 3, occurred_at, actor, role, "
                                                 "workstation, action, subject_citizen_id, purpose_code, purpose_text, outcome, details, hash, hash "
                                                 "FROM audit_log WHERE sequence = 2"_s}
                                  << 3 << u"entry 3 was changed or inserted (intact through entry 2)"_s;
    }

    void verifyAudit()
    {
        QFETCH(QStringList, edits);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        if (!edits.isEmpty()) {
            QVERIFY(Test::writeSqliteFile(path, edits));
        }
        const ProcessResult r = run({u"verify-audit"_s, u"--database"_s, path});
        QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
        QCOMPARE(r.out.trimmed(), says);
        if (exitCode != 0) {
            QVERIFY2(r.err.contains(u"tampered"_s), qPrintable(r.err));
        }
        // The check itself is audited after what it checked.
        ManualClock clock(made);
        auto db = Database::open(path, Database::OpenMode::ReadOnly, clock);
        QVERIFY(db);
        QCOMPARE(Test::rows(**db, u"SELECT action, outcome FROM audit_log ORDER BY sequence DESC LIMIT 1"_s),
                 QStringList{exitCode == 0 ? u"audit_verified|success"_s : u"audit_verified|failed"_s});
    }

    // The GDPR export: a JSON file and a PDF, readable by the owner only, named without personal
    // data, audited with its purpose.
    void exportCitizen()
    {
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        QTemporaryDir out;
        ProcessResult r =
            run({u"export-citizen"_s, u"--database"_s, path, u"--citizen"_s, m_number, u"--purpose"_s, u"Verzoek van de burger"_s, u"--out"_s, out.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonObject written = lastJsonLine(r.out);
        const QString json = written.value(u"json"_s).toString();
        const QString pdf = written.value(u"pdf"_s).toString();
        for (const QString &file : {json, pdf}) {
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                     QFileDevice::Permissions());
            QVERIFY(!QFileInfo(file).fileName().contains(u"Claes"_s));
        }
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonObject data = QJsonDocument::fromJson(j.readAll()).object();
        QCOMPARE(data[u"citizen"_s][u"family_name"_s].toString(), u"Claes"_s);
        QCOMPARE(data[u"requests"_s].toArray().size(), 2);
        QCOMPARE(data[u"accesses"_s].toArray().last()[u"action"_s].toString(), u"export"_s);
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        const QByteArray bytes = p.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 2000);
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2); // no .part left
        {
            ManualClock clock(made);
            auto db = Database::open(path, Database::OpenMode::ReadOnly, clock);
            QVERIFY(db);
            QCOMPARE(Test::rows(**db, u"SELECT role, purpose_text FROM audit_log WHERE action = 'export'"_s),
                     QStringList{u"administrator|Verzoek van de burger"_s});
        }

        // Wrong input: a clear sentence, nothing written.
        QTemporaryDir empty;
        r = run({u"export-citizen"_s, u"--database"_s, path, u"--citizen"_s, u"79.04.02-045.00"_s, u"--purpose"_s, u"x"_s, u"--out"_s, empty.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.trimmed().isEmpty() && !r.err.contains(u"Claes"_s), qPrintable(r.err));
        r = run({u"export-citizen"_s, u"--database"_s, path, u"--citizen"_s, m_number, u"--out"_s, empty.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--purpose"_s), qPrintable(r.err));
        r = run({u"export-citizen"_s, u"--database"_s, path, u"--citizen"_s, m_number, u"--purpose"_s, u"x"_s, u"--out"_s, empty.filePath(u"nope"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"does not exist"_s), qPrintable(r.err));
        QVERIFY(QDir(empty.path()).entryList(QDir::Files).isEmpty());
    }

    void accessReport()
    {
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        const QString pdf = dir.filePath(u"report.pdf"_s);
        ProcessResult r = run({u"access-report"_s, u"--database"_s, path, u"--citizen"_s, m_number, u"--pdf"_s, pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out.count(u'\n'), 1);
        const QJsonObject report = lastJsonLine(r.out);
        QCOMPARE(report[u"document"_s].toString(), u"access_report"_s);
        const QJsonArray accesses = report[u"accesses"_s].toArray();
        QCOMPARE(accesses.size(), 6); // the five openings and this report
        QCOMPARE(accesses.first()[u"purpose"_s].toString(), u"Bezoek 0"_s);
        QCOMPARE(accesses.last()[u"action"_s].toString(), u"access_report"_s);
        QVERIFY(QFile::exists(pdf));
        QCOMPARE(QFile::permissions(pdf) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        r = run({u"access-report"_s, u"--database"_s, path, u"--citizen"_s, u"12345"_s});
        QCOMPARE(r.exitCode, 2);
        r = run({u"access-report"_s,
                 u"--database"_s,
                 path,
                 u"--citizen"_s,
                 Test::CitizenBuilder().bornOn(QDate(1990, 1, 1)).withNationalNumber(12).build().identifiers.first().value});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"Nobody"_s), qPrintable(r.err));
        r = run({u"access-report"_s, u"--database"_s, path});
        QCOMPARE(r.exitCode, 2);
    }

    // Accounts from the command line, made by a signed-in administrator: the password comes on
    // standard input and never shows in what is printed.
    void accounts()
    {
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        ProcessRunner runner(m_home.path());
        runner.setEnvironment(u"C360_CREDENTIALS"_s, m_credentials);
        const QString admin = ProcessRunner::binary(u"citizen360-admin"_s);
        runner.setInput("een ander lang wachtwoord\n");
        ProcessResult r = runner.run(
            admin, {u"add-user"_s, u"--database"_s, path, u"--username"_s, u"an.peeters"_s, u"--role"_s, u"counter_clerk"_s, u"--team"_s, u"Burgerzaken"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(lastJsonLine(r.out).value(u"role"_s).toString(), u"counter_clerk"_s);
        runner.setInput("kort\n");
        r = runner.run(admin, {u"add-user"_s, u"--database"_s, path, u"--username"_s, u"piet"_s, u"--role"_s, u"supervisor"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"characters"_s), qPrintable(r.err));
        r = runner.run(admin, {u"add-user"_s, u"--database"_s, path, u"--username"_s, u"piet"_s, u"--role"_s, u"baas"_s});
        QCOMPARE(r.exitCode, 2);
        r = run({u"users"_s, u"--database"_s, path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonArray users = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.at(0)[u"username"_s].toString(), u"an.peeters"_s);
        QCOMPARE(users.at(0)[u"team"_s].toString(), u"Burgerzaken"_s);
        QVERIFY(!r.out.contains(u"argon2"_s) && !r.out.contains(u"pbkdf2"_s) && !r.out.contains(u"wachtwoord"_s));
    }

    // The admin tool is nobody until someone signs in: no password, a wrong one, a file others can
    // read or $USER get nothing done; the actor is the account, with the OS user id beside it.
    void theAdminToolSignsIn()
    {
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        const QString admin = ProcessRunner::binary(u"citizen360-admin"_s);
        const QStringList addMallory{u"add-user"_s, u"--database"_s, path, u"--username"_s, u"mallory"_s, u"--role"_s, u"administrator"_s};
        ProcessRunner nobody(m_home.path());
        nobody.setEnvironment(u"USER"_s, u"boss"_s);
        nobody.setInput("een lang genoeg wachtwoord\n");
        ProcessResult r = nobody.run(admin, addMallory);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--user"_s) && r.err.contains(u"--credentials"_s), qPrintable(r.err));
        for (const QStringList &command : {QStringList{u"purge"_s},
                                           {u"retention"_s},
                                           {u"users"_s},
                                           {u"verify-audit"_s},
                                           {u"sync"_s, u"--backend"_s, u"http://127.0.0.1:1"_s},
                                           {u"export-citizen"_s, u"--citizen"_s, m_number, u"--purpose"_s, u"x"_s, u"--out"_s, dir.path()}}) {
            r = nobody.run(admin, command + QStringList{u"--database"_s, path});
            QVERIFY2(r.exitCode == 2 && r.err.contains(u"acts as a staff account"_s), qPrintable(command.join(u' ') + u' ' + describe(r)));
        }

        // --user with a wrong password: refused like any sign-in, and audited.
        ProcessRunner guessing(m_home.path());
        guessing.setEnvironment(u"USER"_s, u"boss"_s);
        guessing.setInput("geraden\neen lang genoeg wachtwoord\n");
        r = guessing.run(admin, addMallory + QStringList{u"--user"_s, u"beheer"_s});
        QCOMPARE(r.exitCode, 1);
        // The right password on the first line, the new account's on the second; $USER plays no part.
        guessing.setInput(QByteArray(Test::StaffPassword) + "\nnog een lang wachtwoord\n");
        r = guessing.run(admin, addMallory + QStringList{u"--user"_s, u"beheer"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));

        // A credentials file others can read is refused before anything is read from the store.
        const QString loose = Test::writeCredentials(m_home.path(), u"loose"_s);
        QVERIFY(QFile::setPermissions(loose, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        ProcessRunner careless(m_home.path());
        careless.setEnvironment(u"C360_CREDENTIALS"_s, loose);
        r = careless.run(admin, {u"users"_s, u"--database"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"chmod 600"_s), qPrintable(r.err));

        // A credentials file without its second line: said so, nothing done.
        const QString halfPath = m_home.filePath(u"half-credentials"_s);
        {
            QFile half(halfPath);
            QVERIFY(half.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
            half.write("beheer\n");
        }
        QVERIFY(QFile::setPermissions(halfPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        careless.setEnvironment(u"C360_CREDENTIALS"_s, halfPath);
        r = careless.run(admin, {u"users"_s, u"--database"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"needs two lines"_s), qPrintable(r.err));

        // A counter clerk's account may not manage accounts: refused, and the refusal audited.
        QString clerk;
        {
            ManualClock clock(made);
            auto db = Database::open(path, Database::OpenMode::ReadWrite, clock);
            QVERIFY(db);
            clerk = Test::addAccount(**db, m_home.path(), u"an.balie"_s, Role::CounterClerk);
        }
        QVERIFY(!clerk.isEmpty());
        ProcessRunner asClerk(m_home.path());
        asClerk.setInput("een lang genoeg wachtwoord\n");
        r = asClerk.run(admin, addMallory + QStringList{u"--credentials"_s, clerk});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"role does not allow"_s), qPrintable(r.err));

        ManualClock clock(made);
        auto db = Database::open(path, Database::OpenMode::ReadOnly, clock);
        QVERIFY(db);
        QCOMPARE(Test::rows(**db, u"SELECT username FROM staff_accounts WHERE role = 'administrator' ORDER BY username"_s),
                 (QStringList{u"beheer"_s, u"mallory"_s}));
        QCOMPARE(Test::scalar(**db, u"SELECT COUNT(*) FROM audit_log WHERE actor = 'boss'"_s), 0);
        QCOMPARE(Test::scalar(**db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND actor = 'beheer'"_s), 1);
        QCOMPARE(Test::scalar(**db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied' AND actor = 'an.balie'"_s), 1);
        const QStringList creation = Test::rows(**db, u"SELECT actor, workstation FROM audit_log WHERE action = 'change' AND details LIKE '%mallory%'"_s);
        QCOMPARE(creation.size(), 1);
        QVERIFY2(creation.first().startsWith(u"beheer|"_s) && creation.first().contains(u"OS uid"_s), qPrintable(creation.first()));
    }

    // Whoever holds the key can rewrite the log so that its chain verifies, or cut off its newest
    // entries; a checkpoint written by an earlier verify-audit finds both.
    void aCheckpointFindsARewriteOrACut_data()
    {
        QTest::addColumn<bool>("rewrite");
        QTest::addColumn<QString>("says");
        QTest::newRow("rewritten with the key") << true << u"(the log was rewritten)"_s;
        QTest::newRow("newest entries cut off") << false << u"(entries were removed)"_s;
    }

    void aCheckpointFindsARewriteOrACut()
    {
        QFETCH(bool, rewrite);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        const QString witness = dir.filePath(u"witness/store.checkpoints"_s);
        ProcessResult r = run({u"verify-audit"_s, u"--database"_s, path, u"--checkpoint"_s, witness});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out.trimmed(), u"intact through entry 7"_s);
        QVERIFY(QFile::exists(witness));
        QCOMPARE(QFile::permissions(witness) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        {
            ManualClock clock(made);
            auto db = Database::open(path, Database::OpenMode::ReadWrite, clock);
            QVERIFY(db);
            const QByteArray key = Test::auditKeyFor(**db, m_home.path());
            QVERIFY(!key.isEmpty());
            QVERIFY(Test::writeSqliteFile(path, {u"DROP TRIGGER audit_log_no_delete"_s}));
            if (rewrite) {
                // Everything read back, changed, and written again under the key.
                QList<AuditEntry> entries = AuditRepository(**db, key).entries(1, 1000).value();
                QVERIFY(Test::writeSqliteFile(path, {u"DELETE FROM audit_log"_s}));
                for (AuditEntry &e : entries) {
                    e.purposeText = u"Iets anders"_s;
                    QVERIFY(AuditRepository(**db, key).append(e));
                }
            } else {
                QVERIFY(Test::writeSqliteFile(path, {u"DELETE FROM audit_log WHERE sequence > 4"_s}));
            }
        }
        // The chain alone cannot tell.
        r = run({u"verify-audit"_s, u"--database"_s, path});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        r = run({u"verify-audit"_s, u"--database"_s, path, u"--checkpoint"_s, witness});
        QVERIFY2(r.exitCode == 3, qPrintable(describe(r)));
        QVERIFY2(r.out.trimmed().endsWith(says), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(u"tampered"_s), qPrintable(r.err));
    }

    // Without its key the log cannot be verified, and no new key is made for it.
    void verifyAuditWithoutItsKey()
    {
        QTemporaryDir dir;
        const QString path = makeStore(dir);
        QVERIFY(!path.isEmpty());
        QString storeId;
        {
            ManualClock clock(made);
            auto db = Database::open(path, Database::OpenMode::ReadOnly, clock);
            QVERIFY(db);
            storeId = StoreIdentity::id(**db).value();
        }
        const QString keyFile = Test::personalSecretsFolder(m_home.path()) + u"/"_s + AuditKey::secretName(storeId);
        QVERIFY(QFile::remove(keyFile));
        const ProcessResult r = run({u"verify-audit"_s, u"--database"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"no new key"_s), qPrintable(describe(r)));
        QVERIFY(!QFile::exists(keyFile));
    }
};

QTEST_GUILESS_MAIN(TestAdminPrivacy)
#include "tst_adminprivacy.moc"
