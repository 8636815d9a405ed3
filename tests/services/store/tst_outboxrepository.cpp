// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/outboxrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QTest>
#include <QUuid>

using namespace C360;
using Test::why;

namespace
{
OutboxEntry makeEntry(qint64 entityId)
{
    OutboxEntry e;
    e.source = QStringLiteral("openklant");
    e.resource = QStringLiteral("klantcontacten");
    e.operation = QStringLiteral("create");
    e.entityKind = ItemKind::ContactMoment;
    e.entityId = entityId;
    e.payload = R"({"kanaal":"telefoon"})";
    return e;
}

QList<qint64> idsOf(const QList<OutboxEntry> &entries)
{
    QList<qint64> ids;
    for (const OutboxEntry &e : entries) {
        ids.append(e.id);
    }
    return ids;
}
} // namespace

class TestOutboxRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enqueueRoundTrip();
    void enqueueKeepsAGivenKeyOnce();
    void dueOldestFirst();
    void lifecycle();
    void refusedTransitions_data();
    void refusedTransitions();
    void stepsKeepTheirRemoteId();
    void requeueSending();
    void countsAndOutstanding();

private:
    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<OutboxRepository> m_outbox;
};

void TestOutboxRepository::init()
{
    m_store = std::make_unique<Test::TempStore>();
    m_outbox = std::make_unique<OutboxRepository>(m_store->open());
}

void TestOutboxRepository::cleanup()
{
    m_outbox.reset();
    m_store.reset();
}

void TestOutboxRepository::enqueueRoundTrip()
{
    OutboxEntry entry = makeEntry(7);
    // What a caller leaves in an entry it queues does not survive: it starts pending.
    entry.state = OutboxState::Done;
    entry.attempts = 3;
    entry.remoteId = QStringLiteral("stale");
    auto queued = m_outbox->enqueue(entry);
    QVERIFY2(queued, why(queued).constData());
    QVERIFY(queued->id > 0);
    QVERIFY(!QUuid::fromString(queued->idempotencyKey).isNull());
    QCOMPARE(queued->created, m_store->clock().now());
    QCOMPARE(queued->state, OutboxState::Pending);
    QCOMPARE(queued->attempts, 0);
    QVERIFY(queued->remoteId.isEmpty());
    QCOMPARE(queued->payload, entry.payload);

    auto found = m_outbox->find(queued->id);
    QVERIFY2(found, why(found).constData());
    QCOMPARE(found->value(), *queued);
    QVERIFY(!m_outbox->find(queued->id + 1)->has_value());

    // Each entry gets its own key.
    QVERIFY(m_outbox->enqueue(makeEntry(8))->idempotencyKey != queued->idempotencyKey);
}

void TestOutboxRepository::enqueueKeepsAGivenKeyOnce()
{
    OutboxEntry entry = makeEntry(7);
    entry.idempotencyKey = QStringLiteral("contact-7-create");
    QCOMPARE(m_outbox->enqueue(entry).value_or(OutboxEntry()).idempotencyKey, entry.idempotencyKey);
    auto twice = m_outbox->enqueue(entry);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, StoreError::Code::Constraint);
    QCOMPARE(m_outbox->count(OutboxState::Pending).value_or(-1), 1);
}

void TestOutboxRepository::dueOldestFirst()
{
    ManualClock &clock = m_store->clock();
    const QDateTime start = clock.now();
    const qint64 first = m_outbox->enqueue(makeEntry(1)).value_or(OutboxEntry()).id;
    clock.advance(1000);
    OutboxEntry deferred = makeEntry(2);
    deferred.nextAttempt = start.addSecs(3600);
    const qint64 later = m_outbox->enqueue(deferred).value_or(OutboxEntry()).id;
    clock.advance(1000);
    const qint64 third = m_outbox->enqueue(makeEntry(3)).value_or(OutboxEntry()).id;
    QVERIFY(first && later && third);

    auto due = m_outbox->due(clock.now(), 10);
    QVERIFY2(due, why(due).constData());
    QCOMPARE(idsOf(*due), (QList<qint64>{first, third}));
    QCOMPARE(idsOf(m_outbox->due(clock.now(), 1).value_or(QList<OutboxEntry>())), QList<qint64>{first});
    QCOMPARE(idsOf(m_outbox->due(start.addSecs(3600).addMSecs(-1), 10).value_or(QList<OutboxEntry>())), (QList<qint64>{first, third}));
    QCOMPARE(idsOf(m_outbox->due(start.addSecs(3600), 10).value_or(QList<OutboxEntry>())), (QList<qint64>{first, later, third}));
}

void TestOutboxRepository::lifecycle()
{
    ManualClock &clock = m_store->clock();
    const OutboxEntry queued = m_outbox->enqueue(makeEntry(1)).value_or(OutboxEntry());
    QVERIFY(queued.id);

    // First attempt fails with a transport error: retried in 20 s.
    QVERIFY(m_outbox->markSending(queued.id));
    QCOMPARE(m_outbox->find(queued.id)->value().state, OutboxState::Sending);
    QVERIFY(m_outbox->due(clock.now(), 10)->isEmpty());
    const QDateTime retry = clock.now().addSecs(20);
    auto failed = m_outbox->markFailed(queued.id, QStringLiteral("timeout"), retry);
    QVERIFY2(failed, why(failed).constData());
    OutboxEntry stored = m_outbox->find(queued.id)->value();
    QCOMPARE(stored.state, OutboxState::Failed);
    QCOMPARE(stored.attempts, 1);
    QCOMPARE(stored.lastError, QStringLiteral("timeout"));
    QCOMPARE(stored.nextAttempt, retry);
    QVERIFY(m_outbox->due(clock.now(), 10)->isEmpty());
    clock.advance(19999);
    QVERIFY(m_outbox->due(clock.now(), 10)->isEmpty());
    clock.advance(1);
    QCOMPARE(idsOf(m_outbox->due(clock.now(), 10).value_or(QList<OutboxEntry>())), QList<qint64>{queued.id});

    // Second attempt fails too, then the third lands.
    QVERIFY(m_outbox->markSending(queued.id));
    QVERIFY(m_outbox->markFailed(queued.id, QStringLiteral("http;503"), clock.now().addSecs(40)));
    QCOMPARE(m_outbox->find(queued.id)->value().attempts, 2);
    clock.advance(40000);
    QVERIFY(m_outbox->markSending(queued.id));
    const QDateTime sentAt = clock.now();
    auto done = m_outbox->markDone(queued.id, QStringLiteral("kc-123"), sentAt);
    QVERIFY2(done, why(done).constData());
    stored = m_outbox->find(queued.id)->value();
    QCOMPARE(stored.state, OutboxState::Done);
    QCOMPARE(stored.remoteId, QStringLiteral("kc-123"));
    QCOMPARE(stored.sent, sentAt);
    QCOMPARE(stored.attempts, 2);
    QVERIFY(stored.lastError.isEmpty());
    QVERIFY(!stored.nextAttempt.isValid());
    QCOMPARE(stored.idempotencyKey, queued.idempotencyKey);
    QVERIFY(m_outbox->due(clock.now().addDays(1), 10)->isEmpty());

    // Another entry is refused by the back end: never due again.
    const qint64 refused = m_outbox->enqueue(makeEntry(2)).value_or(OutboxEntry()).id;
    QVERIFY(m_outbox->markSending(refused));
    QVERIFY(m_outbox->markRejected(refused, QStringLiteral("http;400")));
    stored = m_outbox->find(refused)->value();
    QCOMPARE(stored.state, OutboxState::Rejected);
    QCOMPARE(stored.lastError, QStringLiteral("http;400"));
    QVERIFY(m_outbox->due(clock.now().addDays(1), 10)->isEmpty());
    QVERIFY(m_outbox->outstanding()->isEmpty());
}

void TestOutboxRepository::refusedTransitions_data()
{
    QTest::addColumn<QList<OutboxState>>("path"); // how the entry gets to its state
    QTest::addColumn<QString>("change");

    const QList<OutboxState> pending;
    const QList<OutboxState> sending = {OutboxState::Sending};
    const QList<OutboxState> done = {OutboxState::Sending, OutboxState::Done};
    const QList<OutboxState> rejected = {OutboxState::Sending, OutboxState::Rejected};
    const QList<OutboxState> failed = {OutboxState::Sending, OutboxState::Failed};
    QTest::newRow("done while pending") << pending << QStringLiteral("done");
    QTest::newRow("failed while pending") << pending << QStringLiteral("failed");
    QTest::newRow("rejected while failed") << failed << QStringLiteral("rejected");
    QTest::newRow("claimed twice") << sending << QStringLiteral("sending");
    QTest::newRow("done twice") << done << QStringLiteral("done");
    QTest::newRow("sent again after done") << done << QStringLiteral("sending");
    QTest::newRow("sent again after rejection") << rejected << QStringLiteral("sending");
    QTest::newRow("step while pending") << pending << QStringLiteral("step");
    QTest::newRow("step after done") << done << QStringLiteral("step");
    QTest::newRow("missing entry") << QList<OutboxState>{} << QStringLiteral("missing");
}

void TestOutboxRepository::refusedTransitions()
{
    QFETCH(QList<OutboxState>, path);
    QFETCH(QString, change);
    const qint64 id = m_outbox->enqueue(makeEntry(1)).value_or(OutboxEntry()).id;
    QVERIFY(id);
    const QDateTime later = m_store->clock().now().addSecs(60);
    for (OutboxState step : std::as_const(path)) {
        switch (step) {
        case OutboxState::Sending:
            QVERIFY(m_outbox->markSending(id));
            break;
        case OutboxState::Done:
            QVERIFY(m_outbox->markDone(id, QStringLiteral("r"), later));
            break;
        case OutboxState::Failed:
            QVERIFY(m_outbox->markFailed(id, QStringLiteral("e"), later));
            break;
        case OutboxState::Rejected:
            QVERIFY(m_outbox->markRejected(id, QStringLiteral("e")));
            break;
        case OutboxState::Pending:
            break;
        }
    }
    const OutboxEntry before = m_outbox->find(id)->value();

    Expected<void, StoreError> result;
    if (change == QLatin1String("sending")) {
        result = m_outbox->markSending(id);
    } else if (change == QLatin1String("done")) {
        result = m_outbox->markDone(id, QStringLiteral("other"), later.addSecs(1));
    } else if (change == QLatin1String("failed")) {
        result = m_outbox->markFailed(id, QStringLiteral("other"), later.addSecs(1));
    } else if (change == QLatin1String("rejected")) {
        result = m_outbox->markRejected(id, QStringLiteral("other"));
    } else if (change == QLatin1String("step")) {
        result = m_outbox->markStep(id, QStringLiteral("other"));
    } else {
        result = m_outbox->markSending(id + 1);
    }
    QVERIFY(!result);
    // A missing entry may have been removed meanwhile; a refused change of state is a bug.
    QCOMPARE(result.error().code, change == QLatin1String("missing") ? StoreError::Code::NoSuchRecord : StoreError::Code::Query);
    QCOMPARE(m_outbox->find(id)->value(), before);
}

// A step of a push in several steps keeps its remote id through a failure and a restart.
void TestOutboxRepository::stepsKeepTheirRemoteId()
{
    const qint64 id = m_outbox->enqueue(makeEntry(1)).value_or(OutboxEntry()).id;
    QVERIFY(m_outbox->markSending(id));
    QVERIFY(m_outbox->markStep(id, QStringLiteral("first")));
    OutboxEntry entry = m_outbox->find(id)->value();
    QCOMPARE(entry.state, OutboxState::Sending);
    QCOMPARE(entry.remoteId, QStringLiteral("first"));
    QCOMPARE(m_outbox->requeueSending().value_or(-1), 1);
    QVERIFY(m_outbox->markSending(id));
    QVERIFY(m_outbox->markFailed(id, QStringLiteral("e"), m_store->clock().now()));
    entry = m_outbox->find(id)->value();
    QCOMPARE(entry.state, OutboxState::Failed);
    QCOMPARE(entry.remoteId, QStringLiteral("first"));
    QVERIFY(m_outbox->markSending(id));
    QVERIFY(m_outbox->markDone(id, QStringLiteral("second"), m_store->clock().now()));
    QCOMPARE(m_outbox->find(id)->value().remoteId, QStringLiteral("second"));
}

void TestOutboxRepository::requeueSending()
{
    const qint64 a = m_outbox->enqueue(makeEntry(1)).value_or(OutboxEntry()).id;
    const qint64 b = m_outbox->enqueue(makeEntry(2)).value_or(OutboxEntry()).id;
    QVERIFY(m_outbox->markSending(a));
    QVERIFY(m_outbox->markSending(b));
    QVERIFY(m_outbox->markDone(b, QStringLiteral("r"), m_store->clock().now()));

    // The program stopped while a was being sent.
    QCOMPARE(m_outbox->requeueSending().value_or(-1), 1);
    QCOMPARE(m_outbox->find(a)->value().state, OutboxState::Pending);
    QCOMPARE(idsOf(m_outbox->due(m_store->clock().now(), 10).value_or(QList<OutboxEntry>())), QList<qint64>{a});
    QCOMPARE(m_outbox->requeueSending().value_or(-1), 0);
}

void TestOutboxRepository::countsAndOutstanding()
{
    // An empty outbox lists every state, with 0.
    const QMap<OutboxState, qint64> none = m_outbox->countByState().value_or(QMap<OutboxState, qint64>());
    QCOMPARE(none.size(), 5);
    QCOMPARE(none.value(OutboxState::Pending, -1), 0);
    QVERIFY(m_outbox->outstanding()->isEmpty());

    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(m_outbox->enqueue(makeEntry(i)).value_or(OutboxEntry()).id);
        m_store->clock().advance(1);
    }
    const QDateTime later = m_store->clock().now().addSecs(60);
    QVERIFY(m_outbox->markSending(ids[1]));
    QVERIFY(m_outbox->markSending(ids[2]));
    QVERIFY(m_outbox->markFailed(ids[2], QStringLiteral("e"), later));
    QVERIFY(m_outbox->markSending(ids[3]));
    QVERIFY(m_outbox->markDone(ids[3], QStringLiteral("r"), later));
    QVERIFY(m_outbox->markSending(ids[4]));
    QVERIFY(m_outbox->markRejected(ids[4], QStringLiteral("e")));

    auto counts = m_outbox->countByState();
    QVERIFY2(counts, why(counts).constData());
    const QMap<OutboxState, qint64> expected = {
        {OutboxState::Pending, 1},
        {OutboxState::Sending, 1},
        {OutboxState::Failed, 1},
        {OutboxState::Rejected, 1},
        {OutboxState::Done, 1},
    };
    QCOMPARE(*counts, expected);
    QCOMPARE(m_outbox->count(OutboxState::Failed).value_or(-1), 1);
    QCOMPARE(idsOf(m_outbox->outstanding().value_or(QList<OutboxEntry>())), (QList<qint64>{ids[0], ids[1], ids[2]}));
}

QTEST_GUILESS_MAIN(TestOutboxRepository)
#include "tst_outboxrepository.moc"
