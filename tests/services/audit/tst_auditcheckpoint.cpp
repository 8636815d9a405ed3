// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Checkpoints of the audit chain's head, kept outside the store: a log rewritten with the key (so
// that its chain verifies again) or cut short after a checkpoint is found; files the owner's only;
// other stores' lines and damaged lines.

#include "audit/auditcheckpoint.h"
#include "audit/auditquery.h"
#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "store/storeidentity.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;
using Problem = AuditRepository::Verification::Problem;

namespace
{
const QByteArray key(32, 'k');
const StaffMember clerk{u"an.peeters"_s, Role::CounterClerk, u"balie-1"_s};
const StaffMember supervisor{u"els.toezicht"_s, Role::Supervisor, u"toezicht-1"_s};

// Whoever holds the key empties the log and writes another history that verifies.
void rewriteWithTheKey(Database &db, int entries, const QString &purpose)
{
    QVERIFY(Test::tamperWithAuditLog(db, {u"DELETE FROM audit_log"_s}));
    AuditService audit(db, key);
    for (int i = 1; i <= entries; ++i) {
        QVERIFY(audit.record(clerk, AuditAction::ProfileOpened, i, Purpose{u"counter_visit"_s, purpose}));
    }
}
} // namespace

class TestAuditCheckpoint : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static void fill(AuditService &audit, int entries)
    {
        for (int i = 1; i <= entries; ++i) {
            QVERIFY(audit.record(clerk, AuditAction::ProfileOpened, i, Purpose{u"counter_visit"_s, u"Bezoek"_s}));
        }
    }

private Q_SLOTS:
    void headsAreWrittenAndReadBack()
    {
        Test::TempStore store;
        Database &db = store.open();
        const QString file = m_dir.filePath(u"witness/checkpoints.jsonl"_s);
        const auto empty = AuditCheckpoints::head(db, store.clock().now());
        QVERIFY(empty);
        QCOMPARE(empty->sequence, qint64(0));
        QCOMPARE(empty->storeId, StoreIdentity::id(db).value());
        AuditService audit(db, key);
        fill(audit, 8);
        const auto head = AuditCheckpoints::head(db, store.clock().now());
        QVERIFY(head);
        QCOMPARE(head->sequence, qint64(8));
        QCOMPARE(head->hash.size(), 32);
        QVERIFY(AuditCheckpoints::append(file, *empty));
        QVERIFY(AuditCheckpoints::append(file, *head));
        constexpr auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther;
        QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
        AuditCheckpoint foreign = *head;
        foreign.storeId = u"another-store"_s;
        QVERIFY(AuditCheckpoints::append(file, foreign));
        const auto read = AuditCheckpoints::read(file, head->storeId);
        QVERIFY(read);
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->last().sequence, qint64(8));
        QCOMPARE(read->last().hash, head->hash);
        QCOMPARE(read->last().at, head->at);
        const auto comparison = AuditCheckpoints::compare(db, *read);
        QVERIFY(comparison);
        QCOMPARE(comparison->problem, AuditCheckpoints::Comparison::Problem::None);
        QCOMPARE(comparison->compared, 2);
        // A missing file holds no checkpoint; a damaged line of this store is an error.
        QVERIFY(AuditCheckpoints::read(m_dir.filePath(u"none.jsonl"_s), head->storeId).value().isEmpty());
        QFile f(file);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"store\": \"" + head->storeId.toLatin1() + "\", \"sequence\": 1.5, \"hash\": \"zz\"}\n");
        f.close();
        const auto damaged = AuditCheckpoints::read(file, head->storeId);
        QVERIFY(!damaged);
        QVERIFY2(damaged.error().contains(u"Line 4"_s), qPrintable(damaged.error()));
    }

    void aRewriteOrACutAfterACheckpointIsFound_data()
    {
        QTest::addColumn<int>("entriesAfter");
        QTest::addColumn<int>("problem");
        QTest::newRow("rewritten, as long") << 8 << int(Problem::Rewritten);
        QTest::newRow("rewritten, longer") << 12 << int(Problem::Rewritten);
        QTest::newRow("cut short") << 5 << int(Problem::Truncated);
        QTest::newRow("emptied") << 0 << int(Problem::Truncated);
    }

    void aRewriteOrACutAfterACheckpointIsFound()
    {
        QFETCH(int, entriesAfter);
        QFETCH(int, problem);
        Test::TempStore store;
        Database &db = store.open();
        AuditService audit(db, key);
        fill(audit, 8);
        const QString file = m_dir.filePath(u"%1.jsonl"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-').remove(u',')));
        QVERIFY(AuditCheckpoints::append(file, AuditCheckpoints::head(db, store.clock().now()).value()));
        rewriteWithTheKey(db, entriesAfter, u"Iets anders"_s);
        // The chain alone says nothing is wrong: it was made again with the key.
        const auto chain = audit.verifyChain();
        QVERIFY(chain && chain->intact());

        AuditQueryService query(audit);
        query.setCheckpointFile(file);
        const auto v = query.verifyChain(supervisor);
        QVERIFY(v);
        QCOMPARE(int(v->problem), problem);
        QCOMPARE(v->checkpointSequence, qint64(8));
        const QString said = AuditQueryService::describe(*v);
        QVERIFY2(said.contains(problem == int(Problem::Rewritten) ? u"rewritten"_s : u"removed"_s), qPrintable(said));
        // The check itself is in the log, as failed.
        QCOMPARE(Test::rows(db, u"SELECT outcome FROM audit_log WHERE action = 'audit_verified'"_s), QStringList{u"failed"_s});
    }

    void anUntouchedLogMatchesItsCheckpoints()
    {
        Test::TempStore store;
        Database &db = store.open();
        AuditService audit(db, key);
        const QString file = m_dir.filePath(u"untouched.jsonl"_s);
        fill(audit, 3);
        QVERIFY(AuditCheckpoints::append(file, AuditCheckpoints::head(db, store.clock().now()).value()));
        fill(audit, 3);
        QVERIFY(AuditCheckpoints::append(file, AuditCheckpoints::head(db, store.clock().now()).value()));
        AuditQueryService query(audit);
        query.setCheckpointFile(file);
        const auto v = query.verifyChain(supervisor);
        QVERIFY(v);
        QVERIFY(v->intact());
        QCOMPARE(v->checkpointsCompared, 2);
        QVERIFY2(AuditQueryService::describe(*v).contains(u"matches its 2 checkpoints"_s), qPrintable(AuditQueryService::describe(*v)));
    }
};

QTEST_GUILESS_MAIN(TestAuditCheckpoint)
#include "tst_auditcheckpoint.moc"
