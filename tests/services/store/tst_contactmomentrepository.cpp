// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "citizenbuilder.h"
#include "repositorytest.h"
#include "store/citizenrepository.h"
#include "store/contactmomentrepository.h"
#include "store/requestrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSqlQuery>
#include <QTest>

using namespace C360;
using Test::rowCount;
using Test::why;

class TestContactMomentRepository : public Test::RepositoryTest<ContactMomentRepository>
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void invalidTimeBecomesNow();
    void badLinkRollsBackTheWholeInsert_data();
    void badLinkRollsBackTheWholeInsert();
    void linkRowsHoldExactlyOneTarget_data();
    void linkRowsHoldExactlyOneTarget();
    void upsertBySourceReplacesLinks();
    void updateOfAMissingContactIsNoSuchRecord();
    void forCitizenNewestFirstWithLinks();
    void deletingCitizenDeletesContactsAndLinks();
    void deletingLinkedItemDropsOnlyTheLink();

private:
    ContactMoment makeContact(const QDateTime &time) const;
    qint64 m_request = 0;
};

void TestContactMomentRepository::init()
{
    Database &db = openStoreWithLinkTargets();
    Request request;
    request.citizenId = m_citizen;
    request.question = QStringLiteral("Wanneer wordt de lamp hersteld?");
    m_request = RequestRepository(db).insert(request).value_or(0);
    QVERIFY(m_citizen && m_report && m_request && m_entry);
}

void TestContactMomentRepository::cleanup()
{
    closeStore();
}

ContactMoment TestContactMomentRepository::makeContact(const QDateTime &time) const
{
    ContactMoment c;
    c.citizenId = m_citizen;
    c.channel = Channel::Phone;
    c.subject = QStringLiteral("Straatlamp");
    c.text = QStringLiteral("Belde over de lamp in de Kerkstraat.");
    c.outcome = ContactOutcome::CallbackNeeded;
    c.staffMember = QStringLiteral("kcc.agent1");
    c.time = time;
    c.source = {QStringLiteral("local"), QString()};
    return c;
}

void TestContactMomentRepository::roundTrip_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("no links") << 0;
    QTest::newRow("one link of each kind") << 1;
    QTest::newRow("no citizen, from a back end") << 2;
}

void TestContactMomentRepository::roundTrip()
{
    QFETCH(int, variant);
    ContactMoment contact = makeContact(QDateTime(QDate(2026, 2, 27), QTime(14, 5, 7, 123), Qt::UTC));
    if (variant == 1) {
        contact.links = {{ItemKind::Request, m_request}, {ItemKind::Report, m_report}, {ItemKind::CatalogueEntry, m_entry}};
    } else if (variant == 2) {
        contact.citizenId = 0;
        contact.channel = Channel::Email;
        contact.outcome = ContactOutcome::Referred;
        contact.source = {QStringLiteral("openklant"), QStringLiteral("kc-42")};
        contact.subject.clear();
    }

    auto id = m_repository->insert(contact);
    QVERIFY2(id, why(id).constData());
    auto found = m_repository->find(*id);
    QVERIFY2(found, why(found).constData());
    QVERIFY(found->has_value());
    contact.id = *id;
    QCOMPARE(found->value(), contact);
    QCOMPARE(m_repository->count().value_or(-1), 1);
    QVERIFY(!m_repository->find(*id + 1)->has_value());
}

void TestContactMomentRepository::invalidTimeBecomesNow()
{
    auto id = m_repository->insert(makeContact(QDateTime()));
    QVERIFY2(id, why(id).constData());
    QCOMPARE(m_repository->find(*id)->value().time, m_store->clock().now());
}

void TestContactMomentRepository::badLinkRollsBackTheWholeInsert_data()
{
    QTest::addColumn<ItemLink>("badLink");
    QTest::addColumn<StoreError::Code>("code");
    QTest::newRow("id 0: the CHECK refuses a row without target") << ItemLink{ItemKind::Report, 0} << StoreError::Code::Constraint;
    QTest::newRow("missing report: foreign key") << ItemLink{ItemKind::Report, 999} << StoreError::Code::Constraint;
    QTest::newRow("missing request: foreign key") << ItemLink{ItemKind::Request, 999} << StoreError::Code::Constraint;
    QTest::newRow("missing entry: foreign key") << ItemLink{ItemKind::CatalogueEntry, 999} << StoreError::Code::Constraint;
    QTest::newRow("contact to contact") << ItemLink{ItemKind::ContactMoment, 1} << StoreError::Code::Query;
}

void TestContactMomentRepository::badLinkRollsBackTheWholeInsert()
{
    QFETCH(ItemLink, badLink);
    QFETCH(StoreError::Code, code);
    ContactMoment contact = makeContact(m_store->clock().now());
    // A good link first, so that something was written before the failure.
    contact.links = {{ItemKind::Report, m_report}, badLink};

    auto id = m_repository->insert(contact);
    QVERIFY(!id);
    QCOMPARE(id.error().code, code);
    QCOMPARE(m_repository->count().value_or(-1), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("contact_moment_links")), 0);
    QCOMPARE(m_store->db().transactionDepth(), 0);
}

void TestContactMomentRepository::linkRowsHoldExactlyOneTarget_data()
{
    QTest::addColumn<QString>("targets");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("none") << QStringLiteral("NULL, NULL, NULL") << false;
    QTest::newRow("report") << QStringLiteral("%1, NULL, NULL") << true;
    QTest::newRow("request") << QStringLiteral("NULL, %2, NULL") << true;
    QTest::newRow("entry") << QStringLiteral("NULL, NULL, %3") << true;
    QTest::newRow("report and request") << QStringLiteral("%1, %2, NULL") << false;
    QTest::newRow("all three") << QStringLiteral("%1, %2, %3") << false;
}

void TestContactMomentRepository::linkRowsHoldExactlyOneTarget()
{
    QFETCH(QString, targets);
    QFETCH(bool, accepted);
    const qint64 contact = m_repository->insert(makeContact(m_store->clock().now())).value_or(0);
    QVERIFY(contact);

    QSqlQuery query(m_store->db().connection());
    const QString sql = QStringLiteral("INSERT INTO contact_moment_links (contact_moment_id, report_id, request_id, entry_id) VALUES (%1, ").arg(contact) +
        targets.arg(m_report).arg(m_request).arg(m_entry) + QLatin1Char(')');
    QCOMPARE(query.exec(sql), accepted);
    QCOMPARE(m_repository->find(contact)->value().links.size(), accepted ? 1 : 0);
}

void TestContactMomentRepository::upsertBySourceReplacesLinks()
{
    ContactMoment contact = makeContact(QDateTime(QDate(2026, 2, 20), QTime(10, 0), Qt::UTC));
    contact.source = {QStringLiteral("openklant"), QStringLiteral("kc-7")};
    contact.links = {{ItemKind::Report, m_report}, {ItemKind::Request, m_request}};
    auto id = m_repository->upsertBySource(contact);
    QVERIFY2(id, why(id).constData());

    contact.text = QStringLiteral("Bijgewerkt in Open Klant.");
    contact.outcome = ContactOutcome::Answered;
    contact.links = {{ItemKind::CatalogueEntry, m_entry}};
    auto again = m_repository->upsertBySource(contact);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(*again, *id);
    QCOMPARE(m_repository->count().value_or(-1), 1);
    contact.id = *id;
    QCOMPARE(m_repository->find(*id)->value(), contact);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("contact_moment_links")), 1);

    // A failing update leaves the previous version whole.
    ContactMoment broken = contact;
    broken.text = QStringLiteral("Mag niet blijven staan.");
    broken.links = {{ItemKind::Report, 12345}};
    QVERIFY(!m_repository->upsertBySource(broken));
    QCOMPARE(m_repository->find(*id)->value(), contact);
}

void TestContactMomentRepository::updateOfAMissingContactIsNoSuchRecord()
{
    // Without a source id, upsertBySource updates the row with the contact's id.
    ContactMoment contact = makeContact(m_store->clock().now());
    contact.id = m_repository->insert(contact).value_or(0) + 100;
    QVERIFY(contact.id > 100);
    contact.links = {{ItemKind::Report, m_report}};
    auto id = m_repository->upsertBySource(contact);
    QVERIFY(!id);
    QCOMPARE(id.error().code, StoreError::Code::NoSuchRecord);
    QCOMPARE(id.error().detail, QStringLiteral("no contact moment with id %1").arg(contact.id));
    QCOMPARE(m_repository->count().value_or(-1), 1);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("contact_moment_links")), 0);
    QCOMPARE(m_store->db().transactionDepth(), 0);
}

void TestContactMomentRepository::forCitizenNewestFirstWithLinks()
{
    const qint64 other =
        CitizenRepository(m_store->db()).insert(Test::CitizenBuilder().withName(QStringLiteral("An"), QStringLiteral("Andere")).build()).value_or(0);
    QVERIFY(other);

    ContactMoment oldest = makeContact(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    oldest.links = {{ItemKind::Report, m_report}};
    ContactMoment middle = makeContact(QDateTime(QDate(2026, 1, 6), QTime(9, 0), Qt::UTC));
    ContactMoment newest = makeContact(QDateTime(QDate(2026, 1, 7), QTime(9, 0), Qt::UTC));
    newest.links = {{ItemKind::CatalogueEntry, m_entry}, {ItemKind::Request, m_request}};
    ContactMoment othersContact = makeContact(QDateTime(QDate(2026, 1, 8), QTime(9, 0), Qt::UTC));
    othersContact.citizenId = other;
    othersContact.links = {{ItemKind::Report, m_report}};

    for (ContactMoment *c : {&middle, &newest, &oldest, &othersContact}) {
        auto id = m_repository->insert(*c);
        QVERIFY2(id, why(id).constData());
        c->id = *id;
    }
    auto contacts = m_repository->forCitizen(m_citizen);
    QVERIFY2(contacts, why(contacts).constData());
    const QList<ContactMoment> expected = {newest, middle, oldest};
    QCOMPARE(*contacts, expected);
    QCOMPARE(m_repository->forCitizen(other)->size(), 1);
    QVERIFY(m_repository->forCitizen(other + 100)->isEmpty());
}

void TestContactMomentRepository::deletingCitizenDeletesContactsAndLinks()
{
    ContactMoment contact = makeContact(m_store->clock().now());
    contact.links = {{ItemKind::Report, m_report}};
    QVERIFY(m_repository->insert(contact));
    QVERIFY(CitizenRepository(m_store->db()).remove(m_citizen));
    QCOMPARE(m_repository->count().value_or(-1), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("contact_moment_links")), 0);
}

void TestContactMomentRepository::deletingLinkedItemDropsOnlyTheLink()
{
    ContactMoment contact = makeContact(m_store->clock().now());
    contact.links = {{ItemKind::Report, m_report}, {ItemKind::Request, m_request}};
    const qint64 id = m_repository->insert(contact).value_or(0);
    QVERIFY(id);

    auto purged = RequestRepository(m_store->db()).purge(m_request, QStringLiteral("retention"));
    QVERIFY2(purged, why(purged).constData());
    const QList<ItemLink> remaining = {{ItemKind::Report, m_report}};
    QCOMPARE(m_repository->find(id)->value().links, remaining);
}

QTEST_GUILESS_MAIN(TestContactMomentRepository)
#include "tst_contactmomentrepository.moc"
