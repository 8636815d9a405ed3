// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "citizenbuilder.h"
#include "repositorytest.h"
#include "store/citizenrepository.h"
#include "store/contactdraftrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSqlQuery>
#include <QTest>

using namespace C360;
using Test::why;

namespace
{
const QString els = QStringLiteral("loket.els");
const QString agent = QStringLiteral("kcc.agent1");
} // namespace

class TestContactDraftRepository : public Test::RepositoryTest<ContactDraftRepository>
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void oneDraftPerStaffAndCitizen();
    void survivesClosingTheStore();
    void forStaffNewestFirst();
    void remove();
    void unreadablePayloadIsLeftOut();
    void deletingCitizenDeletesTheirDrafts();

private:
    ContactDraft makeDraft(const QString &staff, qint64 citizenId) const;
    qint64 m_jan = 0;
    qint64 m_an = 0;
};

void TestContactDraftRepository::init()
{
    Database &db = openStore();
    CitizenRepository citizens(db);
    m_jan = citizens.insert(Test::CitizenBuilder().build()).value_or(0);
    m_an = citizens.insert(Test::CitizenBuilder().withName(QStringLiteral("An"), QStringLiteral("Andere")).build()).value_or(0);
    QVERIFY(m_jan && m_an);
}

void TestContactDraftRepository::cleanup()
{
    closeStore();
}

ContactDraft TestContactDraftRepository::makeDraft(const QString &staff, qint64 citizenId) const
{
    ContactDraft d;
    d.staffMember = staff;
    d.citizenId = citizenId;
    d.contact.citizenId = citizenId;
    d.contact.channel = Channel::Counter;
    d.contact.subject = QStringLiteral("Verhuis");
    d.contact.text = QStringLiteral("Komt zijn adreswijziging doorgeven; \"nieuw\" adres: Kerkstraat 12 bus 3.\nTweede regel, é ü ß 😀.");
    d.contact.outcome = ContactOutcome::Referred;
    d.contact.staffMember = staff;
    return d;
}

void TestContactDraftRepository::roundTrip_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("for a citizen, with links and a time") << 0;
    QTest::newRow("no citizen yet (an unknown caller)") << 1;
    QTest::newRow("nothing typed yet") << 2;
}

void TestContactDraftRepository::roundTrip()
{
    QFETCH(int, variant);
    ContactDraft draft = makeDraft(agent, m_jan);
    if (variant == 0) {
        draft.contact.time = QDateTime(QDate(2026, 3, 2), QTime(8, 59, 1, 7), Qt::UTC);
        draft.contact.links = {{ItemKind::Report, 12}, {ItemKind::CatalogueEntry, 3}, {ItemKind::Request, 9007199254740}};
        draft.contact.source = {QStringLiteral("local"), QString()};
        draft.contact.channel = Channel::Chat;
        draft.contact.outcome = ContactOutcome::CallbackNeeded;
    } else if (variant == 1) {
        draft = makeDraft(agent, 0);
        draft.contact.channel = Channel::Phone;
    } else {
        draft.contact = ContactMoment();
    }
    m_store->clock().advance(1234);
    auto saved = m_repository->save(draft);
    QVERIFY2(saved, why(saved).constData());
    QVERIFY(saved->id > 0);
    QCOMPARE(saved->saved, m_store->clock().now());
    draft.id = saved->id;
    draft.saved = saved->saved;
    QCOMPARE(*saved, draft);

    auto loaded = m_repository->load(agent, draft.citizenId);
    QVERIFY2(loaded, why(loaded).constData());
    QVERIFY(loaded->has_value());
    QCOMPARE(loaded->value(), draft);
    QVERIFY(!m_repository->load(els, draft.citizenId)->has_value());
    QVERIFY(!m_repository->load(agent, m_an)->has_value());
}

void TestContactDraftRepository::oneDraftPerStaffAndCitizen()
{
    const qint64 first = m_repository->save(makeDraft(els, m_jan)).value_or(ContactDraft()).id;
    QVERIFY(first);
    m_store->clock().advance(5000);
    ContactDraft changed = makeDraft(els, m_jan);
    changed.contact.text = QStringLiteral("Aangevuld.");
    auto again = m_repository->save(changed);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(again->id, first);
    QCOMPARE(m_repository->load(els, m_jan)->value().contact.text, QStringLiteral("Aangevuld."));
    QCOMPARE(m_repository->load(els, m_jan)->value().saved, m_store->clock().now());

    // Other staff, other citizen, no citizen: separate drafts; the one without a citizen is
    // replaced as well, not added again.
    QVERIFY(m_repository->save(makeDraft(agent, m_jan)));
    QVERIFY(m_repository->save(makeDraft(els, m_an)));
    const qint64 anonymous = m_repository->save(makeDraft(els, 0)).value_or(ContactDraft()).id;
    QCOMPARE(m_repository->save(makeDraft(els, 0)).value_or(ContactDraft()).id, anonymous);
    QCOMPARE(m_repository->forStaff(els)->size(), 3);
    QCOMPARE(m_repository->forStaff(agent)->size(), 1);
}

void TestContactDraftRepository::survivesClosingTheStore()
{
    ContactDraft draft = makeDraft(els, m_jan);
    draft.contact.links = {{ItemKind::Report, 4}};
    const ContactDraft saved = m_repository->save(draft).value_or(ContactDraft());
    QVERIFY(saved.id);

    // The window closed (or the program crashed) and the program starts again.
    m_repository.reset();
    m_store->close();
    m_repository = std::make_unique<ContactDraftRepository>(m_store->open());
    QCOMPARE(m_repository->load(els, m_jan).value_or(std::optional<ContactDraft>()), std::optional<ContactDraft>(saved));
}

void TestContactDraftRepository::forStaffNewestFirst()
{
    ManualClock &clock = m_store->clock();
    const ContactDraft older = m_repository->save(makeDraft(els, m_jan)).value_or(ContactDraft());
    clock.advance(1000);
    const ContactDraft newer = m_repository->save(makeDraft(els, 0)).value_or(ContactDraft());
    clock.advance(1000);
    QVERIFY(m_repository->save(makeDraft(agent, m_an)));
    auto drafts = m_repository->forStaff(els);
    QVERIFY2(drafts, why(drafts).constData());
    QCOMPARE(*drafts, (QList<ContactDraft>{newer, older}));

    // Saving the older one again brings it to the top.
    clock.advance(1000);
    QVERIFY(m_repository->save(makeDraft(els, m_jan)));
    QCOMPARE(m_repository->forStaff(els)->first().id, older.id);
    QVERIFY(m_repository->forStaff(QStringLiteral("nobody"))->isEmpty());
}

void TestContactDraftRepository::remove()
{
    const qint64 id = m_repository->save(makeDraft(els, m_jan)).value_or(ContactDraft()).id;
    QVERIFY(m_repository->save(makeDraft(els, m_an)));
    auto removed = m_repository->remove(id);
    QVERIFY2(removed, why(removed).constData());
    QVERIFY(!m_repository->load(els, m_jan)->has_value());
    QVERIFY(m_repository->load(els, m_an)->has_value());
    QVERIFY(m_repository->remove(id)); // already gone: nothing to do
}

void TestContactDraftRepository::unreadablePayloadIsLeftOut()
{
    const qint64 broken = m_repository->save(makeDraft(els, m_jan)).value_or(ContactDraft()).id;
    QVERIFY(m_repository->save(makeDraft(els, m_an)));
    QSqlQuery query(m_store->db().connection());
    query.prepare(QStringLiteral("UPDATE contact_drafts SET payload = ? WHERE id = ?"));
    query.addBindValue(QStringLiteral("{\"format\": 1, \"subject\": \"Verhu"));
    query.addBindValue(broken);
    QVERIFY(query.exec());

    const QByteArray warning = "contact draft " + QByteArray::number(broken) + " cannot be read; it is left out";
    QTest::ignoreMessage(QtWarningMsg, warning.constData());
    auto loaded = m_repository->load(els, m_jan);
    QVERIFY2(loaded, why(loaded).constData());
    QVERIFY(!loaded->has_value());
    QTest::ignoreMessage(QtWarningMsg, warning.constData());
    QCOMPARE(m_repository->forStaff(els)->size(), 1);

    // Saving over it replaces the unreadable draft.
    QVERIFY(m_repository->save(makeDraft(els, m_jan)));
    QVERIFY(m_repository->load(els, m_jan)->has_value());
}

void TestContactDraftRepository::deletingCitizenDeletesTheirDrafts()
{
    QVERIFY(m_repository->save(makeDraft(els, m_jan)));
    QVERIFY(m_repository->save(makeDraft(els, m_an)));
    QVERIFY(CitizenRepository(m_store->db()).remove(m_jan));
    QCOMPARE(m_repository->forStaff(els)->size(), 1);
    QCOMPARE(m_repository->forStaff(els)->first().citizenId, m_an);
}

QTEST_GUILESS_MAIN(TestContactDraftRepository)
#include "tst_contactdraftrepository.moc"
