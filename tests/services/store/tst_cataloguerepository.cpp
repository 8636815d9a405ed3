// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "citizenbuilder.h"
#include "repositorytest.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSqlQuery>
#include <QTest>

using namespace C360;
using Test::rowCount;
using Test::why;

namespace
{
CatalogueEntry makeEntry(const QString &productId, const QString &nlName, const QString &frName)
{
    CatalogueEntry e;
    e.source = {QStringLiteral("ipdc"), QStringLiteral("https://ipdc.vlaanderen.be/id/instantie/") + productId};
    e.productId = productId;
    e.name = {{QStringLiteral("nl"), nlName}, {QStringLiteral("fr"), frName}};
    e.targetAudiences = {QStringLiteral("citizen")};
    e.lastModified = QDateTime(QDate(2025, 11, 3), QTime(8, 0), Qt::UTC);
    return e;
}
} // namespace

class TestCatalogueRepository : public Test::RepositoryTest<CatalogueRepository>
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void upsertReplacesTextsAndIndex();
    void findByProductIdPerSource();
    void search_data();
    void search();
    void searchLimit();
    void failedUpsertLeavesNothing();
    void failedUpdateKeepsThePreviousVersion();
    void linksToCitizen();
    void deletingCitizenOrEntryDropsLinks();

private:
    void addSearchEntries();
    QHash<QString, qint64> m_ids;
};

void TestCatalogueRepository::init()
{
    openStore();
    m_ids.clear();
}

void TestCatalogueRepository::cleanup()
{
    closeStore();
}

void TestCatalogueRepository::roundTrip_data()
{
    QTest::addColumn<CatalogueEntry>("entry");

    CatalogueEntry full = makeEntry(QStringLiteral("eid"), QStringLiteral("Elektronische identiteitskaart"), QStringLiteral("Carte d'identité électronique"));
    full.name.set(QStringLiteral("nl-BE-x-informal"), QStringLiteral("Je identiteitskaart"));
    full.name.set(QStringLiteral("de"), QStringLiteral("Elektronischer Personalausweis"));
    full.description = {{QStringLiteral("nl"), QStringLiteral("Iedere Belg vanaf 12 jaar heeft een eID.")},
                        {QStringLiteral("en"), QStringLiteral("Every Belgian over 12.")}};
    full.conditions = {{QStringLiteral("nl"), QStringLiteral("Ingeschreven in de gemeente.")}};
    full.procedure = {{QStringLiteral("nl"), QStringLiteral("Maak een afspraak aan het loket.")}};
    full.cost = {{QStringLiteral("nl"), QStringLiteral("€ 20,20")}};
    full.requiredDocuments = {{QStringLiteral("nl"), QStringLiteral("Oude kaart, pasfoto")}};
    full.keywords = {{QStringLiteral("nl"), QStringLiteral("eid,identiteit,kids-id")}, {QStringLiteral("fr"), QStringLiteral("eid,identité")}};
    full.targetAudiences = {QStringLiteral("citizen"), QStringLiteral("organisation")};
    full.themes = {QStringLiteral("burger_en_overheid"), QStringLiteral("identiteit")};
    QTest::newRow("every field, several languages") << full;

    CatalogueEntry minimal;
    minimal.source = {QStringLiteral("local"), QString()};
    minimal.productId = QStringLiteral("local-1");
    QTest::newRow("minimal") << minimal;
}

void TestCatalogueRepository::roundTrip()
{
    QFETCH(CatalogueEntry, entry);
    auto id = m_repository->upsertByProductId(entry);
    QVERIFY2(id, why(id).constData());
    auto found = m_repository->find(*id);
    QVERIFY2(found, why(found).constData());
    QVERIFY(found->has_value());
    entry.id = *id;
    QCOMPARE(found->value(), entry);
    QCOMPARE(m_repository->findByProductId(entry.source.system, entry.productId)->value(), entry);
    QCOMPARE(m_repository->count().value_or(-1), 1);
    QVERIFY(!m_repository->find(*id + 1)->has_value());
}

void TestCatalogueRepository::upsertReplacesTextsAndIndex()
{
    CatalogueEntry entry = makeEntry(QStringLiteral("p1"), QStringLiteral("Huisvuilzakken"), QStringLiteral("Sacs poubelle"));
    entry.description = {{QStringLiteral("nl"), QStringLiteral("Verkrijgbaar in de supermarkt.")}};
    const qint64 id = m_repository->upsertByProductId(entry).value_or(0);
    QVERIFY(id);
    QCOMPARE(m_repository->search(QStringLiteral("supermarkt"), QStringLiteral("nl"), 10).value_or(QList<qint64>()), QList<qint64>{id});

    // The newer version has no description and no French name any more.
    entry.description = {};
    entry.name = {{QStringLiteral("nl"), QStringLiteral("Restafvalzakken")}};
    entry.themes = {QStringLiteral("afval")};
    entry.lastModified = entry.lastModified.addDays(30);
    auto again = m_repository->upsertByProductId(entry);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(*again, id);
    QCOMPARE(m_repository->count().value_or(-1), 1);
    entry.id = id;
    QCOMPARE(m_repository->find(id)->value(), entry);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("catalogue_texts")), 1);
    QVERIFY(m_repository->search(QStringLiteral("supermarkt"), QStringLiteral("nl"), 10)->isEmpty());
    QVERIFY(m_repository->search(QStringLiteral("poubelle"), QStringLiteral("fr"), 10)->isEmpty());
    QCOMPARE(m_repository->search(QStringLiteral("restafval"), QStringLiteral("nl"), 10).value_or(QList<qint64>()), QList<qint64>{id});
}

void TestCatalogueRepository::findByProductIdPerSource()
{
    CatalogueEntry ipdc = makeEntry(QStringLiteral("p1"), QStringLiteral("Rijbewijs"), QStringLiteral("Permis de conduire"));
    CatalogueEntry local = ipdc;
    local.source = {QString(), QString()};
    local.name = {{QStringLiteral("nl"), QStringLiteral("Rijbewijs (lokaal)")}};
    const qint64 ipdcId = m_repository->upsertByProductId(ipdc).value_or(0);
    const qint64 localId = m_repository->upsertByProductId(local).value_or(0);
    QVERIFY(ipdcId && localId && ipdcId != localId);
    QCOMPARE(m_repository->findByProductId(QStringLiteral("ipdc"), QStringLiteral("p1"))->value().id, ipdcId);
    QCOMPARE(m_repository->findByProductId(QString(), QStringLiteral("p1"))->value().id, localId);
    QCOMPARE(m_repository->findByProductId(QStringLiteral("local"), QStringLiteral("p1"))->value().id, localId);
    QVERIFY(!m_repository->findByProductId(QStringLiteral("ipdc"), QStringLiteral("p2"))->has_value());
}

void TestCatalogueRepository::addSearchEntries()
{
    CatalogueEntry eid = makeEntry(QStringLiteral("eid"), QStringLiteral("Identiteitskaart"), QStringLiteral("Carte d'identité"));
    eid.description = {{QStringLiteral("nl"), QStringLiteral("Aanvraag van een elektronische identiteitskaart.")}};
    CatalogueEntry licence = makeEntry(QStringLiteral("licence"), QStringLiteral("Rijbewijs"), QStringLiteral("Permis de conduire"));
    licence.description = {{QStringLiteral("nl"), QStringLiteral("Breng uw identiteitskaart mee.")}};
    CatalogueEntry parking =
        makeEntry(QStringLiteral("parking"), QStringLiteral("Parkeerkaart voor bewoners"), QStringLiteral("Carte de stationnement pour riverains"));
    CatalogueEntry environment =
        makeEntry(QStringLiteral("environment"), QStringLiteral("Omgevingsvergunning"), QStringLiteral("Autorisation environnementale"));
    environment.description = {{QStringLiteral("nl"), QStringLiteral("Vroeger: stedenbouwkundige vergunning en milieuvergunning (permis).")}};
    environment.keywords = {{QStringLiteral("nl-BE-x-informal"), QStringLiteral("bouwen,verbouwen")}};
    for (const CatalogueEntry &e : {eid, licence, parking, environment}) {
        auto id = m_repository->upsertByProductId(e);
        QVERIFY2(id, why(id).constData());
        m_ids.insert(e.productId, *id);
    }
}

void TestCatalogueRepository::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("expected"); // product ids, in order

    QTest::newRow("name before description") << QStringLiteral("identiteitsk") << QStringLiteral("nl")
                                             << QStringList{QStringLiteral("eid"), QStringLiteral("licence")};
    QTest::newRow("accents and case ignored") << QStringLiteral("IDENTITÉ CART") << QStringLiteral("fr") << QStringList{QStringLiteral("eid")};
    QTest::newRow("a prefix of several words") << QStringLiteral("identite") << QStringLiteral("fr")
                                               << QStringList{QStringLiteral("eid"), QStringLiteral("licence")};
    QTest::newRow("every word a prefix") << QStringLiteral("park bew") << QStringLiteral("nl") << QStringList{QStringLiteral("parking")};
    QTest::newRow("words must match the same text") << QStringLiteral("rijbewijs permis") << QStringLiteral("nl") << QStringList{};
    QTest::newRow("language first: nl") << QStringLiteral("permis") << QStringLiteral("nl")
                                        << QStringList{QStringLiteral("environment"), QStringLiteral("licence")};
    QTest::newRow("language first: fr") << QStringLiteral("permis") << QStringLiteral("fr")
                                        << QStringList{QStringLiteral("licence"), QStringLiteral("environment")};
    QTest::newRow("base language of a variant") << QStringLiteral("permis") << QStringLiteral("fr-BE")
                                                << QStringList{QStringLiteral("licence"), QStringLiteral("environment")};
    QTest::newRow("variant of the base language") << QStringLiteral("verbouw") << QStringLiteral("nl") << QStringList{QStringLiteral("environment")};
    QTest::newRow("no match") << QStringLiteral("paspoort") << QStringLiteral("nl") << QStringList{};
    QTest::newRow("no words") << QStringLiteral(" -*\" ") << QStringLiteral("nl") << QStringList{};
    QTest::newRow("FTS syntax is not obeyed") << QStringLiteral("rijbewijs OR parkeerkaart") << QStringLiteral("nl") << QStringList{};
}

void TestCatalogueRepository::search()
{
    QFETCH(QString, text);
    QFETCH(QString, language);
    QFETCH(QStringList, expected);
    addSearchEntries();

    auto ids = m_repository->search(text, language, 10);
    QVERIFY2(ids, why(ids).constData());
    QList<qint64> expectedIds;
    for (const QString &productId : std::as_const(expected)) {
        expectedIds.append(m_ids.value(productId));
    }
    QCOMPARE(*ids, expectedIds);
}

void TestCatalogueRepository::searchLimit()
{
    addSearchEntries();
    QCOMPARE(m_repository->search(QStringLiteral("ca"), QStringLiteral("fr"), 10)->size(), 2);
    QCOMPARE(m_repository->search(QStringLiteral("ca"), QStringLiteral("fr"), 1)->size(), 1);
    QVERIFY(m_repository->search(QStringLiteral("ca"), QStringLiteral("fr"), 0)->isEmpty());
}

void TestCatalogueRepository::failedUpsertLeavesNothing()
{
    // A text that cannot be written, after the entry row and other texts were.
    QVERIFY(Test::refuseInserts(m_store->db(), QStringLiteral("catalogue_texts"), QStringLiteral("new.text = 'weigeren'")));
    CatalogueEntry entry = makeEntry(QStringLiteral("p1"), QStringLiteral("Huisvuil"), QStringLiteral("Déchets"));
    entry.procedure = {{QStringLiteral("nl"), QStringLiteral("weigeren")}};
    QVERIFY(!m_repository->upsertByProductId(entry));
    QCOMPARE(m_repository->count().value_or(-1), 0);
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("catalogue_texts")), 0);
    QVERIFY(m_repository->search(QStringLiteral("huisvuil"), QStringLiteral("nl"), 10)->isEmpty());
}

void TestCatalogueRepository::failedUpdateKeepsThePreviousVersion()
{
    CatalogueEntry entry = makeEntry(QStringLiteral("p1"), QStringLiteral("Huisvuil"), QStringLiteral("Déchets"));
    const qint64 id = m_repository->upsertByProductId(entry).value_or(0);
    QVERIFY(id);
    entry.id = id;

    QVERIFY(Test::refuseInserts(m_store->db(), QStringLiteral("catalogue_texts"), QStringLiteral("new.text = 'weigeren'")));
    CatalogueEntry changed = entry;
    changed.name = {{QStringLiteral("nl"), QStringLiteral("Restafval")}};
    changed.cost = {{QStringLiteral("nl"), QStringLiteral("weigeren")}};
    changed.themes = {QStringLiteral("afval")};
    QVERIFY(!m_repository->upsertByProductId(changed));
    QCOMPARE(m_repository->find(id)->value(), entry);
    QCOMPARE(m_repository->search(QStringLiteral("huisvuil"), QStringLiteral("nl"), 10).value_or(QList<qint64>()), QList<qint64>{id});
    QVERIFY(m_repository->search(QStringLiteral("restafval"), QStringLiteral("nl"), 10)->isEmpty());
}

void TestCatalogueRepository::linksToCitizen()
{
    addSearchEntries();
    CitizenRepository citizens(m_store->db());
    const qint64 jan = citizens.insert(Test::CitizenBuilder().build()).value_or(0);
    QVERIFY(jan);
    const QDateTime first = m_store->clock().now();

    auto linked = m_repository->linkToCitizen(jan, m_ids.value(QStringLiteral("licence")), QStringLiteral("loket.els"));
    QVERIFY2(linked, why(linked).constData());
    m_store->clock().advance(60 * 1000);
    QVERIFY(m_repository->linkToCitizen(jan, m_ids.value(QStringLiteral("eid")), QStringLiteral("kcc.agent1")));
    m_store->clock().advance(60 * 1000);
    // Linking again keeps the first link.
    QVERIFY(m_repository->linkToCitizen(jan, m_ids.value(QStringLiteral("licence")), QStringLiteral("kcc.agent2")));

    auto links = m_repository->linkedToCitizen(jan);
    QVERIFY2(links, why(links).constData());
    const QList<CatalogueRepository::CitizenLink> expected = {
        {m_repository->find(m_ids.value(QStringLiteral("eid")))->value(), first.addSecs(60), QStringLiteral("kcc.agent1")},
        {m_repository->find(m_ids.value(QStringLiteral("licence")))->value(), first, QStringLiteral("loket.els")},
    };
    QCOMPARE(*links, expected);
    QCOMPARE(links->first().entry.name.text(QStringLiteral("nl")), QStringLiteral("Identiteitskaart"));

    QVERIFY(m_repository->unlinkFromCitizen(jan, m_ids.value(QStringLiteral("eid"))));
    QCOMPARE(m_repository->linkedToCitizen(jan)->size(), 1);
    QVERIFY(m_repository->linkedToCitizen(jan + 1)->isEmpty());

    auto missing = m_repository->linkToCitizen(jan, 9999, QStringLiteral("loket.els"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, StoreError::Code::Constraint);
}

void TestCatalogueRepository::deletingCitizenOrEntryDropsLinks()
{
    addSearchEntries();
    CitizenRepository citizens(m_store->db());
    const qint64 jan = citizens.insert(Test::CitizenBuilder().build()).value_or(0);
    const qint64 an = citizens.insert(Test::CitizenBuilder().withName(QStringLiteral("An"), QStringLiteral("Andere")).build()).value_or(0);
    QVERIFY(jan && an);
    QVERIFY(m_repository->linkToCitizen(jan, m_ids.value(QStringLiteral("eid")), QStringLiteral("loket.els")));
    QVERIFY(m_repository->linkToCitizen(an, m_ids.value(QStringLiteral("eid")), QStringLiteral("loket.els")));
    QVERIFY(m_repository->linkToCitizen(an, m_ids.value(QStringLiteral("parking")), QStringLiteral("loket.els")));

    QVERIFY(citizens.remove(jan));
    QCOMPARE(rowCount(m_store->db(), QStringLiteral("citizen_catalogue_links")), 2);

    auto removed = m_repository->remove(m_ids.value(QStringLiteral("eid")));
    QVERIFY2(removed, why(removed).constData());
    QVERIFY(!m_repository->find(m_ids.value(QStringLiteral("eid")))->has_value());
    QCOMPARE(m_repository->linkedToCitizen(an)->size(), 1);
    // Its texts and their index entries go with it.
    QVERIFY(m_repository->search(QStringLiteral("identiteitskaart"), QStringLiteral("nl"), 10)->size() == 1);
    QCOMPARE(m_repository->count().value_or(-1), 3);
}

QTEST_GUILESS_MAIN(TestCatalogueRepository)
#include "tst_cataloguerepository.moc"
