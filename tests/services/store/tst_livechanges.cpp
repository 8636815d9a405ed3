// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// What a shared store announces (schema 10) and how LiveChanges hears it: a committed change of a
// contact, a request (with its new assignee) or a sync state, nothing of a change rolled back,
// nothing but ids and names of staff in the message; a payload that is not one is ignored; a lost
// listening connection is opened again and says that changes may have been missed. An SQLite store
// announces nothing.

#include "store/livechanges.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(C360::LiveChange)

class TestLiveChanges : public QObject
{
    Q_OBJECT

    static LiveChange changeAt(const QSignalSpy &spy, int i) { return spy.at(i).at(0).value<LiveChange>(); }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<LiveChange>(); }

    void aPayloadThatIsNoChangeIsIgnored_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::newRow("empty") << QString();
        QTest::newRow("not JSON") << u"{table: contact_moments"_s;
        QTest::newRow("a list") << u"[1, 2]"_s;
        QTest::newRow("no table") << u"{\"citizen\": 4}"_s;
    }
    void aPayloadThatIsNoChangeIsIgnored()
    {
        QFETCH(QString, payload);
        QVERIFY(!LiveChange::fromPayload(payload));
    }

    void aPayloadIsRead()
    {
        const auto change = LiveChange::fromPayload(
            u"{\"table\": \"requests\", \"citizen\": 7, \"request\": 12, \"assignee\": \"Balie\", \"assigned\": true, \"by\": \"an\"}"_s);
        QVERIFY(change);
        QCOMPARE(change->table, u"requests"_s);
        QCOMPARE(change->citizenId, 7);
        QCOMPARE(change->requestId, 12);
        QCOMPARE(change->assignee, u"Balie"_s);
        QVERIFY(change->newlyAssigned);
        QCOMPARE(change->by, u"an"_s);
    }

    void theStoreAnnouncesWhatWasCommitted()
    {
        if (!Test::TempStore::onServer()) {
            // A desk's own file: nothing announces, nothing listens.
            Test::TempStore store;
            store.open();
            LiveChanges live(store.path(), store.clock());
            QVERIFY(!live.isListening());
            return;
        }
        Test::TempStore store;
        store.open();
        QVERIFY(Test::runOnStore(
            store.path(), {u"INSERT INTO citizens (id, given_names, family_name, updated_at) VALUES (5, 'Lotte', 'Peeters', '2026-01-01T00:00:00.000Z')"_s}));
        LiveChanges live(store.path(), store.clock());
        QVERIFY(live.isListening());
        QSignalSpy heard(&live, &LiveChanges::changed);

        QVERIFY(Test::runOnStore(store.path(),
                                 {u"INSERT INTO contact_moments (id, citizen_id, channel, outcome, staff_member, subject, occurred_at) VALUES (1, 5, 'desk', "
                                  "'answered', 'an', 'Parkeerkaart', '2026-01-01T00:00:00.000Z')"_s}));
        QVERIFY(heard.wait(5000));
        LiveChange change = changeAt(heard, 0);
        QCOMPARE(change.table, u"contact_moments"_s);
        QCOMPARE(change.citizenId, 5);
        QCOMPARE(change.requestId, 0);

        heard.clear();
        QVERIFY(Test::runOnStore(store.path(),
                                 {u"INSERT INTO requests (id, citizen_id, question, status, created_at, expires_at, assignee_kind, assignee_name) VALUES "
                                  "(9, 5, 'Wanneer?', 'open', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'team', 'Balie')"_s}));
        QVERIFY(heard.wait(5000));
        change = changeAt(heard, 0);
        QCOMPARE(change.table, u"requests"_s);
        QCOMPARE(change.requestId, 9);
        QCOMPARE(change.assignee, u"Balie"_s);
        QVERIFY(change.newlyAssigned);
        // Answered, not reassigned: no new assignment.
        heard.clear();
        QVERIFY(Test::runOnStore(store.path(), {u"UPDATE requests SET status = 'answered' WHERE id = 9"_s}));
        QVERIFY(heard.wait(5000));
        QVERIFY(!changeAt(heard, 0).newlyAssigned);

        // A change rolled back is never announced; the next one is.
        heard.clear();
        QVERIFY(Test::runOnStore(store.path(), {u"BEGIN"_s, u"UPDATE requests SET assignee_name = 'an' WHERE id = 9"_s, u"ROLLBACK"_s}));
        QVERIFY(Test::runOnStore(store.path(),
                                 {u"INSERT INTO sync_state (source, resource, last_success_at) VALUES ('openklant', 'klantcontacten', "
                                  "'2026-01-01T00:00:00.000Z')"_s}));
        QVERIFY(heard.wait(5000));
        QCOMPARE(heard.size(), 1);
        change = changeAt(heard, 0);
        QCOMPARE(change.table, u"sync_state"_s);
        QCOMPARE(change.source, u"openklant"_s);
    }

    void aLostConnectionIsOpenedAgain()
    {
        if (!Test::TempStore::onServer()) {
            QSKIP("a shared store's connection: the _pg run");
        }
        Test::TempStore store;
        store.open();
        LiveChanges live(store.path(), store.clock());
        QVERIFY(live.isListening());
        live.setCheckInterval(std::chrono::milliseconds(200));
        QSignalSpy resynced(&live, &LiveChanges::resynced);
        QSignalSpy heard(&live, &LiveChanges::changed);
        // The server ends the listening session (a restart, a network cut, an administrator).
        QVERIFY(Test::runOnStore(store.path(),
                                 {u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                                  "AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')"_s}));
        QVERIFY(resynced.wait(10000));
        QVERIFY(live.isListening());
        QVERIFY(Test::runOnStore(store.path(),
                                 {u"INSERT INTO sync_state (source, resource, last_success_at) VALUES ('open311', 'requests', '2026-01-01T00:00:00.000Z')"_s}));
        QVERIFY(heard.wait(5000));
        QCOMPARE(changeAt(heard, 0).source, u"open311"_s);
    }
};

QTEST_GUILESS_MAIN(TestLiveChanges)
#include "tst_livechanges.moc"
