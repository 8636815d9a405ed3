// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "citizenbuilder.h"
#include "repositorytest.h"
#include "store/citizenrepository.h"
#include "store/requestrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace C360;
using Test::rowCount;
using Test::why;

namespace
{
QDateTime day(int d, int hour = 9)
{
    return QDateTime(QDate(2026, 2, d), QTime(hour, 30, 0, 500), Qt::UTC);
}
} // namespace

class TestRequestRepository : public Test::RepositoryTest<RequestRepository>
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void defaultsForCreatedAndExpiry();
    void updateChangesOnlyTheHandlingFields();
    void updateOnAnOlderVersionIsRefused();
    void upsertBySourceCountsTheBackEndsChanges();
    void missingRequestIsNoSuchRecord();
    void addSupplement();
    void invalidLinkRollsBack_data();
    void invalidLinkRollsBack();
    void forCitizenNewestFirstWithSupplementsAndLinks();
    void upsertBySourceMergesSupplementsAndReplacesLinks();
    void expiredBefore();
    void purgeLeavesARecordWithoutPersonalData();
    void failedPurgeKeepsTheRequest();
    void deletingCitizenDeletesRequestsAndSupplements();

private:
    Request makeRequest(const QDateTime &created) const;
};

void TestRequestRepository::init()
{
    openStoreWithLinkTargets();
    QVERIFY(m_citizen && m_report && m_entry);
}

void TestRequestRepository::cleanup()
{
    closeStore();
}

Request TestRequestRepository::makeRequest(const QDateTime &created) const
{
    Request r;
    r.source = {QStringLiteral("local"), QString()};
    r.citizenId = m_citizen;
    r.question = QStringLiteral("Mag ik een container op de straat zetten?");
    r.assignee = {AssigneeKind::Team, QStringLiteral("Mobiliteit")};
    r.created = created;
    r.deadline = created.addDays(5);
    r.expires = Request::expiryFor(created);
    return r;
}

void TestRequestRepository::roundTrip_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("open, team, no supplements") << 0;
    QTest::newRow("answered by a person, supplements and links") << 1;
    QTest::newRow("from a back end, no citizen, no deadline") << 2;
}

void TestRequestRepository::roundTrip()
{
    QFETCH(int, variant);
    Request request = makeRequest(day(2));
    if (variant == 1) {
        request.status = RequestStatus::Answered;
        request.answer = QStringLiteral("Ja, met een signalisatievergunning.");
        request.assignee = {AssigneeKind::Person, QStringLiteral("loket.els")};
        request.supplements = {{0, QStringLiteral("loket.els"), day(3), QStringLiteral("Burger belde terug.")},
                               {0, QStringLiteral("kcc.agent1"), day(4), QStringLiteral("Vergunning aangevraagd.")}};
        request.links = {{ItemKind::CatalogueEntry, m_entry}, {ItemKind::Report, m_report}};
    } else if (variant == 2) {
        request.source = {QStringLiteral("openklant"), QStringLiteral("taak-9")};
        request.citizenId = 0;
        request.deadline = QDateTime();
        request.status = RequestStatus::Closed;
    }

    auto id = m_repository->insert(request);
    QVERIFY2(id, why(id).constData());
    auto found = m_repository->find(*id);
    QVERIFY2(found, why(found).constData());
    QVERIFY(found->has_value());
    request.id = *id;
    QCOMPARE(found->value().supplements.size(), request.supplements.size());
    for (qsizetype i = 0; i < request.supplements.size(); ++i) {
        QVERIFY(found->value().supplements.at(i).id > 0);
        request.supplements[i].id = found->value().supplements.at(i).id;
    }
    request.version = 1; // as made, changed by nobody yet
    QCOMPARE(found->value(), request);
    QCOMPARE(m_repository->count().value_or(-1), 1);
    QVERIFY(!m_repository->find(*id + 1)->has_value());
}

void TestRequestRepository::defaultsForCreatedAndExpiry()
{
    Request request = makeRequest(QDateTime());
    request.expires = QDateTime();
    const qint64 id = m_repository->insert(request).value_or(0);
    QVERIFY(id);
    const Request stored = m_repository->find(id)->value();
    QCOMPARE(stored.created, m_store->clock().now());
    QCOMPARE(stored.expires, m_store->clock().now().addDays(Request::DefaultRetentionDays));

    // A given expiry (a configured retention) is kept.
    request.created = day(1);
    request.expires = day(1).addDays(90);
    const qint64 kept = m_repository->insert(request).value_or(0);
    QCOMPARE(m_repository->find(kept)->value().expires, day(1).addDays(90));
}

void TestRequestRepository::updateChangesOnlyTheHandlingFields()
{
    Request request = makeRequest(day(2));
    request.supplements = {{0, QStringLiteral("loket.els"), day(3), QStringLiteral("Eerste aanvulling.")}};
    const qint64 id = m_repository->insert(request).value_or(0);
    QVERIFY(id);
    Request expected = m_repository->find(id)->value();

    Request changed = expected;
    changed.status = RequestStatus::Answered;
    changed.answer = QStringLiteral("Toegestaan.");
    changed.assignee = {AssigneeKind::Person, QStringLiteral("mob.jan")};
    changed.deadline = QDateTime();
    changed.question = QStringLiteral("Wordt niet gewijzigd");
    changed.supplements.clear();
    changed.changedBy = QStringLiteral("not written: the caller names who");
    m_store->clock().advance(90 * 1000);
    auto updated = m_repository->update(changed, QStringLiteral("mob.jan"));
    QVERIFY2(updated, why(updated).constData());

    expected.status = changed.status;
    expected.answer = changed.answer;
    expected.assignee = changed.assignee;
    expected.deadline = QDateTime();
    expected.version = 2;
    expected.changedBy = QStringLiteral("mob.jan");
    expected.changedAt = m_store->clock().now();
    QCOMPARE(m_repository->find(id)->value(), expected);

    changed.id = id + 1;
    changed.version = 0;
    QVERIFY(!m_repository->update(changed, QStringLiteral("mob.jan")));
}

// A change made on a version someone else changed since is refused as Changed and writes
// nothing; one made on the stored version goes through.
void TestRequestRepository::updateOnAnOlderVersionIsRefused()
{
    const qint64 id = m_repository->insert(makeRequest(day(2))).value_or(0);
    QVERIFY(id);
    const Request seenByBoth = m_repository->find(id)->value();
    QCOMPARE(seenByBoth.version, 1);

    Request first = seenByBoth;
    first.answer = QStringLiteral("Ja, online.");
    first.status = RequestStatus::Answered;
    QVERIFY(m_repository->update(first, QStringLiteral("loket.els")));

    Request second = seenByBoth;
    second.assignee = {AssigneeKind::Team, QStringLiteral("Burgerzaken")};
    auto refused = m_repository->update(second, QStringLiteral("kcc.agent1"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, StoreError::Code::Changed);
    QVERIFY(!refused.error().message().isEmpty());
    QCOMPARE(m_store->db().transactionDepth(), 0);
    const Request now = m_repository->find(id)->value();
    QCOMPARE(now.version, 2);
    QCOMPARE(now.answer, first.answer);
    QCOMPARE(now.assignee, seenByBoth.assignee);
    QCOMPARE(now.changedBy, QStringLiteral("loket.els"));

    second.version = now.version;
    QVERIFY(m_repository->update(second, QStringLiteral("kcc.agent1")));
    QCOMPARE(m_repository->find(id)->value().version, 3);
}

// A synchronisation that brings another handling from the back end makes a new version (changed
// there: no staff member); one that brings the same handling changes no version.
void TestRequestRepository::upsertBySourceCountsTheBackEndsChanges()
{
    Request request = makeRequest(day(2));
    request.source = {QStringLiteral("openklant"), QStringLiteral("taak-3")};
    const qint64 id = m_repository->upsertBySource(request).value_or(0);
    QVERIFY(id);
    QCOMPARE(m_repository->find(id)->value().version, 1);

    QVERIFY(m_repository->upsertBySource(request)); // read again, unchanged
    QCOMPARE(m_repository->find(id)->value().version, 1);

    m_store->clock().advance(60 * 1000);
    request.status = RequestStatus::Closed;
    QCOMPARE(m_repository->upsertBySource(request).value_or(0), id);
    const Request stored = m_repository->find(id)->value();
    QCOMPARE(stored.version, 2);
    QCOMPARE(stored.changedBy, QString());
    QCOMPARE(stored.changedAt, m_store->clock().now());

    request.assignee = {AssigneeKind::Person, QStringLiteral("mob.jan")};
    QVERIFY(m_repository->upsertBySource(request));
    QCOMPARE(m_repository->find(id)->value().version, 3);
}

void TestRequestRepository::missingRequestIsNoSuchRecord()
{
    Request request = makeRequest(day(2));
    request.id = m_repository->insert(request).value_or(0) + 100;
    QVERIFY(request.id > 100);
    request.supplements = {{0, QStringLiteral("loket.els"), day(3), QStringLiteral("Aanvulling")}};
    auto updated = m_repository->update(request, QStringLiteral("loket.els"));
    QVERIFY(!updated);
    QCOMPARE(updated.error().code, StoreError::Code::NoSuchRecord);
    QCOMPARE(updated.error().detail, QStringLiteral("no request with id %1").arg(request.id));
    // Without a source id, the id decides: the row it names is gone.
    auto upserted = m_repository->upsertBySource(request);
    QVERIFY(!upserted);
    QCOMPARE(upserted.error().code, StoreError::Code::NoSuchRecord);
    auto purged = m_repository->purge(request.id, QStringLiteral("retention"));
    QVERIFY(!purged);
    QCOMPARE(purged.error().code, StoreError::Code::NoSuchRecord);
    QCOMPARE(m_repository->count().value_or(-1), 1);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("request_supplements")), 0);
    QVERIFY(m_repository->purgeRecords()->isEmpty());
    QCOMPARE(m_store->db().transactionDepth(), 0);
}

void TestRequestRepository::addSupplement()
{
    const qint64 id = m_repository->insert(makeRequest(day(2))).value_or(0);
    QVERIFY(id);
    const Supplement later{0, QStringLiteral("kcc.agent1"), day(6), QStringLiteral("Later")};
    const Supplement earlier{0, QStringLiteral("loket.els"), day(4), QStringLiteral("Eerder")};
    auto laterId = m_repository->addSupplement(id, later);
    auto earlierId = m_repository->addSupplement(id, earlier);
    QVERIFY2(laterId, why(laterId).constData());
    QVERIFY2(earlierId, why(earlierId).constData());
    QVERIFY(*laterId != *earlierId);

    const QList<Supplement> expected = {{*earlierId, earlier.author, earlier.time, earlier.text}, {*laterId, later.author, later.time, later.text}};
    QCOMPARE(m_repository->find(id)->value().supplements, expected);

    // Without a time it is now; to a missing request it is refused.
    auto now = m_repository->addSupplement(id, {0, QStringLiteral("x"), QDateTime(), QStringLiteral("Nu")});
    QVERIFY(now);
    QCOMPARE(m_repository->find(id)->value().supplements.last().time, m_store->clock().now());
    auto orphan = m_repository->addSupplement(id + 1, later);
    QVERIFY(!orphan);
    QCOMPARE(orphan.error().code, StoreError::Code::Constraint);
}

void TestRequestRepository::invalidLinkRollsBack_data()
{
    QTest::addColumn<ItemLink>("link");
    QTest::newRow("to a contact moment") << ItemLink{ItemKind::ContactMoment, 1};
    QTest::newRow("to a request") << ItemLink{ItemKind::Request, 1};
    QTest::newRow("to a missing report") << ItemLink{ItemKind::Report, 999};
    QTest::newRow("id 0") << ItemLink{ItemKind::CatalogueEntry, 0};
}

void TestRequestRepository::invalidLinkRollsBack()
{
    QFETCH(ItemLink, link);
    Request request = makeRequest(day(2));
    request.supplements = {{0, QStringLiteral("loket.els"), day(3), QStringLiteral("Aanvulling")}};
    request.links = {{ItemKind::Report, m_report}, link};
    QVERIFY(!m_repository->insert(request));
    QCOMPARE(m_repository->count().value_or(-1), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("request_supplements")), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("request_links")), 0);
}

void TestRequestRepository::forCitizenNewestFirstWithSupplementsAndLinks()
{
    const qint64 other =
        CitizenRepository(m_store->db()).insert(Test::CitizenBuilder().withName(QStringLiteral("An"), QStringLiteral("Andere")).build()).value_or(0);
    QVERIFY(other);
    Request oldest = makeRequest(day(1));
    oldest.supplements = {{0, QStringLiteral("a"), day(2), QStringLiteral("s1")}};
    Request newest = makeRequest(day(9));
    newest.supplements = {{0, QStringLiteral("b"), day(10), QStringLiteral("s2")}, {0, QStringLiteral("c"), day(11), QStringLiteral("s3")}};
    newest.links = {{ItemKind::Report, m_report}};
    Request middle = makeRequest(day(5));
    middle.links = {{ItemKind::CatalogueEntry, m_entry}};
    Request others = makeRequest(day(7));
    others.citizenId = other;
    others.supplements = {{0, QStringLiteral("d"), day(8), QStringLiteral("niet van jou")}};

    for (Request *r : {&oldest, &newest, &middle, &others}) {
        const qint64 id = m_repository->insert(*r).value_or(0);
        QVERIFY(id);
        *r = m_repository->find(id)->value();
    }
    auto requests = m_repository->forCitizen(m_citizen);
    QVERIFY2(requests, why(requests).constData());
    const QList<Request> expected = {newest, middle, oldest};
    QCOMPARE(*requests, expected);
    QCOMPARE(m_repository->forCitizen(other)->size(), 1);
}

void TestRequestRepository::upsertBySourceMergesSupplementsAndReplacesLinks()
{
    Request remote = makeRequest(day(2));
    remote.source = {QStringLiteral("openklant"), QStringLiteral("taak-1")};
    remote.supplements = {{0, QStringLiteral("backoffice"), day(3), QStringLiteral("Van de back end")}};
    remote.links = {{ItemKind::Report, m_report}};
    auto id = m_repository->upsertBySource(remote);
    QVERIFY2(id, why(id).constData());

    // Staff add a supplement here; the back end then sends the request again, with one more.
    QVERIFY(m_repository->addSupplement(*id, {0, QStringLiteral("loket.els"), day(4), QStringLiteral("Hier toegevoegd")}));
    remote.status = RequestStatus::Answered;
    remote.supplements.append({0, QStringLiteral("backoffice"), day(5), QStringLiteral("Nog een")});
    remote.links = {{ItemKind::CatalogueEntry, m_entry}};
    auto again = m_repository->upsertBySource(remote);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(*again, *id);
    QCOMPARE(m_repository->count().value_or(-1), 1);

    const Request stored = m_repository->find(*id)->value();
    QCOMPARE(stored.status, RequestStatus::Answered);
    QStringList texts;
    for (const Supplement &s : stored.supplements) {
        texts.append(s.text);
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("Van de back end"), QStringLiteral("Hier toegevoegd"), QStringLiteral("Nog een")}));
    const QList<ItemLink> links = {{ItemKind::CatalogueEntry, m_entry}};
    QCOMPARE(stored.links, links);
}

void TestRequestRepository::expiredBefore()
{
    Request a = makeRequest(day(1)); // expires 3 March 09:30:00.500
    Request b = makeRequest(day(3)); // expires 5 March
    Request c = makeRequest(day(2)); // expires 4 March
    QList<qint64> ids;
    for (const Request &r : {a, b, c}) {
        ids.append(m_repository->insert(r).value_or(0));
    }
    auto none = m_repository->expiredBefore(a.expires.addMSecs(-1));
    QVERIFY2(none, why(none).constData());
    QVERIFY(none->isEmpty());
    QCOMPARE(m_repository->expiredBefore(a.expires).value_or(QList<qint64>()), QList<qint64>{ids.at(0)});
    QCOMPARE(m_repository->expiredBefore(b.expires).value_or(QList<qint64>()), (QList<qint64>{ids.at(0), ids.at(2), ids.at(1)}));
    // The same instant in another time zone.
    QCOMPARE(m_repository->expiredBefore(c.expires.toOffsetFromUtc(3600)).value_or(QList<qint64>()), (QList<qint64>{ids.at(0), ids.at(2)}));
}

void TestRequestRepository::purgeLeavesARecordWithoutPersonalData()
{
    Request request = makeRequest(day(1));
    request.supplements = {{0, QStringLiteral("loket.els"), day(2), QStringLiteral("Persoonlijke aanvulling")}};
    request.links = {{ItemKind::Report, m_report}};
    const qint64 id = m_repository->insert(request).value_or(0);
    const qint64 kept = m_repository->insert(makeRequest(day(20))).value_or(0);
    QVERIFY(id && kept);
    m_store->clock().set(request.expires.addSecs(60));

    auto record = m_repository->purge(id, QStringLiteral("retention"));
    QVERIFY2(record, why(record).constData());
    QVERIFY(record->id > 0);
    QCOMPARE(record->kind, ItemKind::Request);
    QCOMPARE(record->itemId, id);
    QCOMPARE(record->created, request.created);
    QCOMPARE(record->purged, m_store->clock().now());
    QCOMPARE(record->reason, QStringLiteral("retention"));

    QVERIFY(!m_repository->find(id)->has_value());
    QCOMPARE(m_repository->count().value_or(-1), 1);
    QCOMPARE(m_repository->find(kept)->value().question, request.question);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("request_supplements")), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("request_links")), 0);
    QCOMPARE(m_repository->purgeRecords().value_or(QList<PurgeRecord>()), QList<PurgeRecord>{*record});

    // Nothing of the person, the question or the staff in the record: only these columns, and
    // none of the texts.
    QSqlQuery query(m_store->db().connection());
    QVERIFY(query.exec(QStringLiteral("SELECT * FROM purge_records")));
    QVERIFY(query.next());
    QStringList columns;
    for (int i = 0; i < query.record().count(); ++i) {
        columns.append(query.record().fieldName(i));
        const QString value = query.value(i).toString();
        QVERIFY(!value.contains(QLatin1String("container")));
        QVERIFY(!value.contains(QLatin1String("loket.els")));
        QVERIFY(!value.contains(QLatin1String("Mobiliteit")));
    }
    QCOMPARE(columns,
             (QStringList{QStringLiteral("id"),
                          QStringLiteral("item_kind"),
                          QStringLiteral("item_id"),
                          QStringLiteral("created_at"),
                          QStringLiteral("purged_at"),
                          QStringLiteral("reason")}));

    // Purging what is gone fails and writes no record.
    QVERIFY(!m_repository->purge(id, QStringLiteral("retention")));
    QCOMPARE(m_repository->purgeRecords()->size(), 1);
}

void TestRequestRepository::failedPurgeKeepsTheRequest()
{
    Request request = makeRequest(day(1));
    request.supplements = {{0, QStringLiteral("loket.els"), day(2), QStringLiteral("Aanvulling")}};
    const qint64 id = m_repository->insert(request).value_or(0);
    QVERIFY(id);
    const Request before = m_repository->find(id)->value();

    // The purge record cannot be written: the deletion before it must be undone.
    QVERIFY(Test::refuseInserts(m_store->db(), QStringLiteral("purge_records")));
    QVERIFY(!m_repository->purge(id, QStringLiteral("retention")));
    QCOMPARE(m_repository->find(id)->value(), before);
    QVERIFY(m_repository->purgeRecords()->isEmpty());
    QCOMPARE(m_store->db().transactionDepth(), 0);
}

void TestRequestRepository::deletingCitizenDeletesRequestsAndSupplements()
{
    Request request = makeRequest(day(1));
    request.supplements = {{0, QStringLiteral("loket.els"), day(2), QStringLiteral("Aanvulling")}};
    request.links = {{ItemKind::CatalogueEntry, m_entry}};
    QVERIFY(m_repository->insert(request));
    QVERIFY(CitizenRepository(m_store->db()).remove(m_citizen));
    QCOMPARE(m_repository->count().value_or(-1), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("request_supplements")), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("request_links")), 0);
}

QTEST_GUILESS_MAIN(TestRequestRepository)
#include "tst_requestrepository.moc"
