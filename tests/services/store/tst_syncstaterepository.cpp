// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/syncstaterepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCryptographicHash>
#include <QTest>

using namespace C360;
using Test::why;

namespace
{
const QString openklant = QStringLiteral("openklant");
const QString partijen = QStringLiteral("partijen");

SyncRecord makeRecord(const QString &sourceId, const QByteArray &content, qint64 localId)
{
    return {openklant, partijen, sourceId, QCryptographicHash::hash(content, QCryptographicHash::Sha256), localId, QDateTime()};
}
} // namespace

class TestSyncStateRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void stateIsFreshWhenAbsent();
    void stateRoundTrip_data();
    void stateRoundTrip();
    void statesAreKeptPerSourceAndResource();
    void recordRoundTrip();
    void saveRecordReplaces();
    void deletionDetection();
    void removeRecord();
    void recordsInReadsAPageAtOnce();

private:
    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<SyncStateRepository> m_sync;
};

void TestSyncStateRepository::init()
{
    m_store = std::make_unique<Test::TempStore>();
    m_sync = std::make_unique<SyncStateRepository>(m_store->open());
}

void TestSyncStateRepository::cleanup()
{
    m_sync.reset();
    m_store.reset();
}

void TestSyncStateRepository::stateIsFreshWhenAbsent()
{
    auto state = m_sync->state(QStringLiteral("open311"), QStringLiteral("requests"));
    QVERIFY2(state, why(state).constData());
    SyncState expected;
    expected.source = QStringLiteral("open311");
    expected.resource = QStringLiteral("requests");
    QCOMPARE(*state, expected);
}

void TestSyncStateRepository::stateRoundTrip_data()
{
    QTest::addColumn<SyncState>("state");
    const QDateTime success(QDate(2026, 3, 1), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("after a success") << SyncState{QStringLiteral("open311"),
                                                  QStringLiteral("requests"),
                                                  QStringLiteral("2026-03-01T23:59:59Z"),
                                                  QStringLiteral("W/\"abc\""),
                                                  success,
                                                  QDateTime(),
                                                  QString(),
                                                  1234};
    QTest::newRow("after an error") << SyncState{QStringLiteral("ipdc"),
                                                 QStringLiteral("ldes"),
                                                 QStringLiteral("https://ipdc.example/ldes?page=17"),
                                                 QString(),
                                                 success,
                                                 success.addSecs(3600),
                                                 QStringLiteral("timeout;30"),
                                                 0};
}

void TestSyncStateRepository::stateRoundTrip()
{
    QFETCH(SyncState, state);
    auto saved = m_sync->saveState(state);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(m_sync->state(state.source, state.resource).value_or(SyncState()), state);

    // Saving again replaces it.
    state.cursor = QStringLiteral("next");
    state.recordCount += 10;
    state.lastError.clear();
    state.lastErrorAt = QDateTime();
    QVERIFY(m_sync->saveState(state));
    QCOMPARE(m_sync->state(state.source, state.resource).value_or(SyncState()), state);
}

void TestSyncStateRepository::statesAreKeptPerSourceAndResource()
{
    const SyncState a{openklant, partijen, QStringLiteral("page-3"), {}, {}, {}, {}, 1};
    const SyncState b{openklant, QStringLiteral("klantcontacten"), QStringLiteral("page-9"), {}, {}, {}, {}, 2};
    const SyncState c{QStringLiteral("openklant-test"), partijen, QStringLiteral("page-1"), {}, {}, {}, {}, 3};
    for (const SyncState &s : {a, b, c}) {
        QVERIFY(m_sync->saveState(s));
    }
    QCOMPARE(m_sync->state(a.source, a.resource).value_or(SyncState()), a);
    QCOMPARE(m_sync->state(b.source, b.resource).value_or(SyncState()), b);
    QCOMPARE(m_sync->state(c.source, c.resource).value_or(SyncState()), c);
    // All of them, by source then resource.
    QCOMPARE(m_sync->states().value(), (QList<SyncState>{b, a, c}));
}

void TestSyncStateRepository::recordRoundTrip()
{
    SyncRecord record = makeRecord(QStringLiteral("c8e1f0e2"), "{\"naam\":\"x\"}", 42);
    record.lastSeen = QDateTime(QDate(2026, 3, 1), QTime(10, 0, 0, 1), Qt::UTC);
    auto saved = m_sync->saveRecord(record);
    QVERIFY2(saved, why(saved).constData());
    auto found = m_sync->record(openklant, partijen, record.sourceId);
    QVERIFY2(found, why(found).constData());
    QVERIFY(found->has_value());
    QCOMPARE(found->value(), record);

    QVERIFY(!m_sync->record(openklant, QStringLiteral("klantcontacten"), record.sourceId)->has_value());
    QVERIFY(!m_sync->record(openklant, partijen, QStringLiteral("other"))->has_value());

    // Without a time it is seen now; an empty hash is a hash too.
    SyncRecord unseen = makeRecord(QStringLiteral("d"), {}, 0);
    unseen.contentHash = QByteArray();
    QVERIFY(m_sync->saveRecord(unseen));
    const SyncRecord stored = m_sync->record(openklant, partijen, QStringLiteral("d"))->value();
    QCOMPARE(stored.lastSeen, m_store->clock().now());
    QVERIFY(stored.contentHash.isEmpty());
}

void TestSyncStateRepository::saveRecordReplaces()
{
    QVERIFY(m_sync->saveRecord(makeRecord(QStringLiteral("a"), "v1", 1)));
    m_store->clock().advance(1000);
    const SyncRecord changed = makeRecord(QStringLiteral("a"), "v2", 7);
    QVERIFY(m_sync->saveRecord(changed));
    const QList<SyncRecord> all = m_sync->records(openklant, partijen).value_or(QList<SyncRecord>());
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().contentHash, changed.contentHash);
    QCOMPARE(all.first().localId, 7);
    QCOMPARE(all.first().lastSeen, m_store->clock().now());
}

void TestSyncStateRepository::deletionDetection()
{
    // First full crawl sees a, b and c (and a record of another resource).
    for (const char *id : {"c", "a", "b"}) {
        QVERIFY(m_sync->saveRecord(makeRecord(QString::fromLatin1(id), id, 1)));
    }
    SyncRecord elsewhere = makeRecord(QStringLiteral("x"), "x", 1);
    elsewhere.resource = QStringLiteral("klantcontacten");
    QVERIFY(m_sync->saveRecord(elsewhere));

    // The second crawl starts an hour later and no longer sees b.
    m_store->clock().advance(3600 * 1000);
    const QDateTime crawlStart = m_store->clock().now();
    for (const char *id : {"a", "c"}) {
        m_store->clock().advance(10);
        QVERIFY(m_sync->saveRecord(makeRecord(QString::fromLatin1(id), id, 1)));
    }
    auto gone = m_sync->recordsNotSeenSince(openklant, partijen, crawlStart);
    QVERIFY2(gone, why(gone).constData());
    QCOMPARE(gone->size(), 1);
    QCOMPARE(gone->first().sourceId, QStringLiteral("b"));
    QCOMPARE(gone->first().lastSeen, crawlStart.addSecs(-3600));

    // Seen exactly at the start counts as seen.
    QVERIFY(m_sync->recordsNotSeenSince(openklant, partijen, crawlStart.addSecs(-3600))->isEmpty());
    QCOMPARE(m_sync->records(openklant, partijen)->size(), 3);
    QCOMPARE(m_sync->records(openklant, partijen)->first().sourceId, QStringLiteral("a"));
}

void TestSyncStateRepository::removeRecord()
{
    QVERIFY(m_sync->saveRecord(makeRecord(QStringLiteral("a"), "a", 1)));
    QVERIFY(m_sync->saveRecord(makeRecord(QStringLiteral("b"), "b", 2)));
    auto removed = m_sync->removeRecord(openklant, partijen, QStringLiteral("a"));
    QVERIFY2(removed, why(removed).constData());
    QVERIFY(!m_sync->record(openklant, partijen, QStringLiteral("a"))->has_value());
    QVERIFY(m_sync->record(openklant, partijen, QStringLiteral("b"))->has_value());
    QVERIFY(m_sync->removeRecord(openklant, partijen, QStringLiteral("never-there")));
}

void TestSyncStateRepository::recordsInReadsAPageAtOnce()
{
    // More ids than one chunk of the query, some unknown, one of another resource.
    QStringList ids;
    for (int i = 0; i < 250; ++i) {
        const QString id = QStringLiteral("r%1").arg(i);
        ids.append(id);
        if (i % 3 != 0) {
            QVERIFY(m_sync->saveRecord(makeRecord(id, id.toLatin1(), i)));
        }
    }
    SyncRecord elsewhere = makeRecord(QStringLiteral("r0"), "x", 1);
    elsewhere.resource = QStringLiteral("klantcontacten");
    QVERIFY(m_sync->saveRecord(elsewhere));

    auto found = m_sync->recordsIn(openklant, partijen, ids);
    QVERIFY2(found, why(found).constData());
    QCOMPARE(found->size(), 166); // 250 less every third (0, 3, …, 249)
    QVERIFY(!found->contains(QStringLiteral("r0")));
    QVERIFY(!found->contains(QStringLiteral("r249")));
    QCOMPARE(found->value(QStringLiteral("r248")).localId, 248);
    QCOMPARE(found->value(QStringLiteral("r248")).contentHash, m_sync->record(openklant, partijen, QStringLiteral("r248"))->value().contentHash);
    QVERIFY(m_sync->recordsIn(openklant, partijen, {})->isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncStateRepository)
#include "tst_syncstaterepository.moc"
