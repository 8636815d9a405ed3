// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The audit log's keyed hash chain: entries chain up, and any edit, removal or forgery is located.

#include "audit/auditrepository.h"
#include "store/database.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace C360;
using Problem = AuditRepository::Verification::Problem;

Q_DECLARE_METATYPE(AuditRepository::Verification::Problem)

namespace
{
const QByteArray key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

AuditEntry opened(qint64 citizen, const QString &actor = QStringLiteral("clerk.jansen"))
{
    AuditEntry e;
    e.actor = actor;
    e.role = Role::CounterClerk;
    e.workstation = QStringLiteral("LOKET-03");
    e.action = AuditAction::ProfileOpened;
    e.subjectCitizenId = citizen;
    e.purposeCode = QStringLiteral("counter_visit");
    e.purposeText = QStringLiteral("Aanvraag identiteitskaart");
    e.outcome = AuditOutcome::Success;
    return e;
}

} // namespace

class TestAuditRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // On PostgreSQL the verification reads the log by binary COPY (as on SQLite by the C API): a
    // fall back to the driver's rows, or a driver whose handle is not libpq's, fails the test.
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("verifying through the driver|driver's handle"))); }

    void appendChainsEntries()
    {
        Test::TempStore store;
        AuditRepository audit(store.open(), key);
        auto first = audit.append(opened(11));
        QVERIFY(first);
        QCOMPARE(first->sequence, qint64(1));
        QCOMPARE(first->previousHash, AuditRepository::genesisHash());
        QCOMPARE(first->time, store.clock().now());
        QCOMPARE(first->hash.size(), 32);
        store.clock().advance(1500);
        auto second = audit.append(opened(12));
        QVERIFY(second);
        QCOMPARE(second->sequence, qint64(2));
        QCOMPARE(second->previousHash, first->hash);
        QCOMPARE(second->hash, AuditRepository::computeHash(key, *second));
        QVERIFY(second->hash != AuditRepository::computeHash(QByteArrayLiteral("another key"), *second));
        QCOMPARE(audit.count().value(), qint64(2));
    }

    void entriesReadBackAsWritten()
    {
        Test::TempStore store;
        AuditRepository audit(store.open(), key);
        QList<AuditEntry> written;
        for (int i = 0; i < 5; ++i) {
            AuditEntry e = opened(100 + i);
            e.details = QStringLiteral("{\"n\":%1}").arg(i);
            written.append(audit.append(e).value());
            store.clock().advance(10);
        }
        QCOMPARE(audit.entries(1, 100).value(), written);
        QCOMPARE(audit.entries(4, 1).value(), QList<AuditEntry>{written.at(3)});
    }

    void intactChainVerifies()
    {
        Test::TempStore store;
        AuditRepository audit(store.open(), key);
        auto empty = audit.verify();
        QVERIFY(empty && empty->intact());
        QCOMPARE(empty->checkedThrough, qint64(0));
        for (int i = 0; i < 20; ++i) {
            QVERIFY(audit.append(opened(i)));
        }
        auto v = audit.verify();
        QVERIFY(v);
        QVERIFY(v->intact());
        QCOMPARE(v->checkedThrough, qint64(20));
    }

    void tamperingIsLocated_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<AuditRepository::Verification::Problem>("problem");
        QTest::addColumn<qint64>("firstBad");
        QTest::newRow("purpose edited") << QStringLiteral("UPDATE audit_log SET purpose_text = 'nothing to see' WHERE sequence = 4") << Problem::Changed
                                        << qint64(4);
        QTest::newRow("actor edited") << QStringLiteral("UPDATE audit_log SET actor = 'someone.else' WHERE sequence = 7") << Problem::Changed << qint64(7);
        QTest::newRow("time edited") << QStringLiteral("UPDATE audit_log SET occurred_at = '2020-01-01T00:00:00.000Z' WHERE sequence = 2") << Problem::Changed
                                     << qint64(2);
        QTest::newRow("entry removed") << QStringLiteral("DELETE FROM audit_log WHERE sequence = 5") << Problem::Missing << qint64(5);
        QTest::newRow("removed and renumbered")
            << QStringLiteral("DELETE FROM audit_log WHERE sequence = 5; UPDATE audit_log SET sequence = sequence - 1 WHERE sequence > 5") << Problem::Changed
            << qint64(5);
        QTest::newRow("forged entry appended")
            << QStringLiteral("INSERT INTO audit_log (sequence, occurred_at, actor, role, workstation, action, outcome, previous_hash, hash) "
                              "SELECT 9, occurred_at, actor, role, workstation, action, outcome, hash, hash FROM audit_log WHERE sequence = 8")
            << Problem::Changed << qint64(9);
        // Another type with the same text: no witness needed to find it. (SQLite only: a PostgreSQL
        // column holds values of its own type, so that no such entry can be stored there.)
        if (!Test::TempStore::onServer()) {
            QTest::newRow("subject made a real") << QStringLiteral("UPDATE audit_log SET subject_citizen_id = subject_citizen_id + 0.5 WHERE sequence = 6")
                                                 << Problem::Changed << qint64(6);
            QTest::newRow("actor made a blob") << QStringLiteral("UPDATE audit_log SET actor = CAST(actor AS BLOB) WHERE sequence = 3") << Problem::Changed
                                               << qint64(3);
        }
        QTest::newRow("hash chain relinked") << QStringLiteral(
                                                    "UPDATE audit_log SET previous_hash = (SELECT hash FROM audit_log WHERE sequence = 1) WHERE sequence = 3")
                                             << Problem::Changed << qint64(3);
    }

    void tamperingIsLocated()
    {
        QFETCH(QString, tamper);
        QFETCH(AuditRepository::Verification::Problem, problem);
        QFETCH(qint64, firstBad);
        Test::TempStore store;
        Database &db = store.open();
        AuditRepository audit(db, key);
        for (int i = 1; i <= 8; ++i) {
            QVERIFY(audit.append(opened(i)));
            store.clock().advance(1000);
        }
        // Someone with write access to the file (or the owner's role) lifts the append-only guard.
        QVERIFY(Test::tamperWithAuditLog(db, tamper.split(QLatin1String("; "))));
        auto v = audit.verify();
        QVERIFY(v);
        QVERIFY(!v->intact());
        QCOMPARE(v->problem, problem);
        QCOMPARE(v->firstBad, firstBad);
        QCOMPARE(v->checkedThrough, firstBad - 1);
        // In two halves at once (entries 1–4 here, 5–8 on a connection of its own): the same answer.
        auto halves = audit.verify(2);
        QVERIFY(halves);
        QCOMPARE(halves->problem, problem);
        QCOMPARE(halves->firstBad, firstBad);
        QCOMPARE(halves->checkedThrough, firstBad - 1);
    }

    void anIntactLogVerifiesInHalves()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditRepository audit(db, key);
        for (int i = 1; i <= 9; ++i) {
            QVERIFY(audit.append(opened(i)));
        }
        const auto v = audit.verify(2);
        QVERIFY(v);
        QVERIFY(v->intact());
        QCOMPARE(v->checkedThrough, qint64(9));
    }

    // The verification hashes the stored bytes of each row; they must be the bytes the entry was
    // hashed from when it was appended: separators, text beyond ASCII, no subject, long details.
    void verificationMatchesTheAppendedBytes()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditRepository audit(db, key);
        AuditEntry odd = opened(0);
        odd.actor = QStringLiteral("jan") + QChar(0x1f) + QStringLiteral("peeters");
        odd.workstation = QStringLiteral("loket-ü");
        odd.purposeCode = QStringLiteral("counter_visit");
        odd.purposeText = QStringLiteral("Aanvraag «identiteitskaart» – 𝄞") + QChar(0x1f);
        odd.details = QStringLiteral("{\"note\":\"") + QString(5000, QLatin1Char('x')) + QStringLiteral("é\"}");
        QVERIFY(audit.append(odd));
        QVERIFY(audit.append(opened(2)));
        auto v = audit.verify();
        QVERIFY(v);
        QVERIFY(v->intact());
        QCOMPARE(v->checkedThrough, qint64(2));
        const AuditEntry stored = audit.entries(1, 1)->first();
        QCOMPARE(stored.hash, AuditRepository::computeHash(key, stored));
        // One byte of the long details changed is found.
        QVERIFY(Test::tamperWithAuditLog(db, {QStringLiteral("UPDATE audit_log SET details = replace(details, 'é', 'e') WHERE sequence = 1")}));
        v = audit.verify();
        QVERIFY(v && !v->intact());
        QCOMPARE(v->problem, AuditRepository::Verification::Problem::Changed);
        QCOMPARE(v->firstBad, qint64(1));
    }

    // A damaged page met in the middle of the verification (read through SQLite's C API, in one
    // pass or in two halves) is the classified store error, not a verdict on the chain.
    void aDamagedPageIsAStoreError_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<qint64>("parallelFrom");
        QTest::newRow("one pass, early") << 0.35 << qint64(200000);
        QTest::newRow("one pass, late") << 0.8 << qint64(200000);
        QTest::newRow("first half") << 0.35 << qint64(2);
        QTest::newRow("second half") << 0.8 << qint64(2);
    }

    void aDamagedPageIsAStoreError()
    {
        if (Test::TempStore::onServer()) {
            QSKIP("Damages a page of the SQLite file; a server keeps its files to itself and checks its pages.");
        }
        QFETCH(double, from);
        QFETCH(qint64, parallelFrom);
        Test::TempStore store;
        {
            AuditRepository audit(store.open(), key);
            QList<AuditEntry> entries;
            for (int i = 1; i <= 300; ++i) {
                AuditEntry e = opened(i);
                e.details = QStringLiteral("{\"note\":\"%1\"}").arg(QString(3000, QLatin1Char('a' + i % 26)));
                entries.append(e);
            }
            QVERIFY(audit.appendAll(entries));
            QVERIFY(audit.verify(parallelFrom)->intact());
        }
        store.close(); // the last connection: the WAL goes into the file
        // The audit rows fill most of the file, one a page, in the order they were appended.
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        constexpr qint64 page = 4096;
        const qint64 pages = file.size() / page;
        QVERIFY2(pages > 300, qPrintable(QString::number(pages)));
        QVERIFY(file.seek(qint64(pages * from) * page));
        QCOMPARE(file.write(QByteArray(10 * page, '\xa5')), 10 * page);
        file.close();

        AuditRepository audit(store.open(), key);
        const auto v = audit.verify(parallelFrom);
        QVERIFY(!v);
        QCOMPARE(v.error().code, StoreError::Code::Corrupt);
        QCOMPARE(v.error().path, store.path());
        QVERIFY(!v.error().message().isEmpty());
    }

    void wrongKeyFailsAtTheFirstEntry()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditRepository audit(db, key);
        QVERIFY(audit.append(opened(1)));
        AuditRepository other(db, QByteArrayLiteral("not the key"));
        auto v = other.verify();
        QVERIFY(v && !v->intact());
        QCOMPARE(v->firstBad, qint64(1));
    }

    void storeRefusesEdits()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditRepository audit(db, key);
        QVERIFY(audit.append(opened(1)));
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET actor = 'x'")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
        if (db.isServer()) {
            QVERIFY(!q.exec(QStringLiteral("TRUNCATE audit_log")));
        }
        QCOMPARE(audit.count().value_or(0), qint64(1));
        QVERIFY(audit.verify()->intact());
    }

    void canonicalBytesCoverEveryField()
    {
        const AuditEntry base = [] {
            AuditEntry e = opened(42);
            e.sequence = 3;
            e.time = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
            e.previousHash = QByteArray(32, 'p');
            return e;
        }();
        const QByteArray bytes = AuditRepository::canonicalBytes(base);
        QList<AuditEntry> variants;
        auto vary = [&](auto change) {
            AuditEntry e = base;
            change(e);
            variants.append(e);
        };
        vary([](AuditEntry &e) {
            e.sequence = 4;
        });
        vary([](AuditEntry &e) {
            e.time = e.time.addMSecs(1);
        });
        vary([](AuditEntry &e) {
            e.actor += QLatin1Char('x');
        });
        vary([](AuditEntry &e) {
            e.role = Role::Supervisor;
        });
        vary([](AuditEntry &e) {
            e.workstation += QLatin1Char('x');
        });
        vary([](AuditEntry &e) {
            e.action = AuditAction::Export;
        });
        vary([](AuditEntry &e) {
            e.subjectCitizenId = 43;
        });
        vary([](AuditEntry &e) {
            e.purposeCode += QLatin1Char('x');
        });
        vary([](AuditEntry &e) {
            e.purposeText += QLatin1Char('x');
        });
        vary([](AuditEntry &e) {
            e.outcome = AuditOutcome::Denied;
        });
        vary([](AuditEntry &e) {
            e.details = QStringLiteral("{\"x\":1}");
        });
        vary([](AuditEntry &e) {
            e.previousHash[0] = 'q';
        });
        for (const AuditEntry &v : variants) {
            QVERIFY(AuditRepository::canonicalBytes(v) != bytes);
        }
        // A separator smuggled into a field cannot shift the fields after it.
        AuditEntry a = base;
        a.actor = QStringLiteral("ab");
        a.workstation = QStringLiteral("c");
        AuditEntry b = base;
        b.actor = QStringLiteral("a");
        b.workstation = QStringLiteral("b") + QChar(0x1f) + QStringLiteral("c");
        QVERIFY(AuditRepository::canonicalBytes(a) != AuditRepository::canonicalBytes(b));
    }
};

QTEST_GUILESS_MAIN(TestAuditRepository)
#include "tst_auditrepository.moc"
