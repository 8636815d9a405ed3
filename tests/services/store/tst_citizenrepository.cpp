// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2

#include "citizenbuilder.h"
#include "store/citizenrepository.h"
#include "store/database.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QTest>

using namespace C360;
using Test::CitizenBuilder;
using Test::rowCount;

namespace
{
Citizen fullCitizen()
{
    Citizen c = CitizenBuilder()
                    .withName(QStringLiteral("Anne-Sophie"), QStringLiteral("Van den Bossche"))
                    .bornOn(QDate(2003, 2, 14))
                    .withNationalNumber(124)
                    .livingAt(QStringLiteral("Sint-Pietersnieuwstraat"), QStringLiteral("41"), QStringLiteral("9000"), QStringLiteral("Gent"))
                    .withEmail(QStringLiteral("Anne.VDB@example.be"), QDate(2025, 5, 1))
                    .withPhone(QStringLiteral("0470 12 34 56"))
                    .withConsent(ConsentTopic::DigitalCommunication, true, QDate(2025, 5, 1))
                    .withConsent(ConsentTopic::Newsletter, false, QDate(2025, 5, 1))
                    .prefers(QStringLiteral("waste"), Channel::App)
                    .speaks(QStringLiteral("nl"))
                    .fromSource(QStringLiteral("openklant"), QStringLiteral("2f6b1c9e"))
                    .build();
    c.address.box = QStringLiteral("3");
    c.updated = QDateTime(QDate(2026, 3, 1), QTime(12, 30, 15, 250), Qt::UTC);
    return c;
}
} // namespace

class TestCitizenRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertAndFindRoundTrip()
    {
        Test::TempStore store;
        CitizenRepository repo(store.open());
        const Citizen original = fullCitizen();
        auto id = repo.insert(original);
        QVERIFY(id);
        QVERIFY(*id > 0);
        auto found = repo.find(*id);
        QVERIFY(found && found->has_value());
        Citizen expected = original;
        expected.id = *id;
        QCOMPARE(**found, expected);
        auto missing = repo.find(*id + 100);
        QVERIFY(missing && !missing->has_value());
    }

    void updatedDefaultsToTheClock()
    {
        Test::TempStore store;
        CitizenRepository repo(store.open());
        Citizen c = CitizenBuilder().build();
        auto id = repo.insert(c);
        QVERIFY(id);
        QCOMPARE(repo.find(*id)->value().updated, store.clock().now());
    }

    void updateReplacesChildren()
    {
        Test::TempStore store;
        CitizenRepository repo(store.open());
        Citizen c = fullCitizen();
        c.id = repo.insert(c).value();
        c.familyName = QStringLiteral("De Smet");
        c.digitalAddresses = {{DigitalAddressKind::Phone, QStringLiteral("+32 9 123 45 67"), QDate(2026, 1, 1)}};
        c.consents.clear();
        c.channelPreferences.clear();
        QVERIFY(repo.update(c));
        QCOMPARE(repo.find(c.id)->value(), c);
        QCOMPARE(repo.searchNames(QStringLiteral("bossche"), 10).value(), QList<qint64>());
        QCOMPARE(repo.searchNames(QStringLiteral("smet"), 10).value(), QList<qint64>{c.id});

        Citizen ghost = c;
        ghost.id = c.id + 1000;
        auto failed = repo.update(ghost);
        QVERIFY(!failed);
    }

    void updateOfAMissingCitizenIsNoSuchRecord()
    {
        Test::TempStore store;
        Database &db = store.open();
        CitizenRepository repo(db);
        Citizen ghost = fullCitizen();
        ghost.id = repo.insert(CitizenBuilder().build()).value() + 1000;
        auto failed = repo.update(ghost);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, StoreError::Code::NoSuchRecord);
        QCOMPARE(failed.error().path, store.path());
        QCOMPARE(failed.error().detail, QStringLiteral("no citizen with id %1").arg(ghost.id));
        QCOMPARE(repo.count().value(), qint64(1));
        QCOMPARE(rowCount(db, QStringLiteral("digital_addresses")), 0);
        QCOMPARE(db.transactionDepth(), 0);
    }

    void upsertBySourceKeepsTheLocalId()
    {
        Test::TempStore store;
        CitizenRepository repo(store.open());
        Citizen c = fullCitizen();
        auto first = repo.upsertBySource(c);
        QVERIFY(first);
        c.givenNames = QStringLiteral("Anne");
        auto second = repo.upsertBySource(c);
        QVERIFY(second);
        QCOMPARE(*second, *first);
        QCOMPARE(repo.count().value(), qint64(1));
        QCOMPARE(repo.find(*first)->value().givenNames, QStringLiteral("Anne"));
        QCOMPARE(repo.findIdBySource(c.source).value(), std::optional<qint64>(*first));
    }

    void identifierBelongsToOneCitizenAndNothingIsHalfWritten()
    {
        Test::TempStore store;
        Database &db = store.open();
        CitizenRepository repo(db);
        const Citizen c = fullCitizen();
        QVERIFY(repo.insert(c));
        Citizen twin = CitizenBuilder().withName(QStringLiteral("Other"), QStringLiteral("Person")).build();
        twin.identifiers = c.identifiers;
        twin.digitalAddresses = {{DigitalAddressKind::Email, QStringLiteral("other@example.be"), {}}};
        auto refused = repo.insert(twin);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, StoreError::Code::Constraint);
        QCOMPARE(rowCount(db, QStringLiteral("citizens")), 1);
        QCOMPARE(rowCount(db, QStringLiteral("digital_addresses")), 2);
        QCOMPARE(repo.searchNames(QStringLiteral("other"), 10).value(), QList<qint64>());
    }

    void findsByIdentifier()
    {
        Test::TempStore store;
        CitizenRepository repo(store.open());
        const Citizen c = fullCitizen();
        const qint64 id = repo.insert(c).value();
        QCOMPARE(repo.findIdByIdentifier(c.identifiers.first()).value(), std::optional<qint64>(id));
        QCOMPARE(repo.findIdByIdentifier({IdentifierType::DutchBsn, QStringLiteral("111222333")}).value(), std::optional<qint64>());
    }

    void findsByDigitalAddress_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("verifiedOnly");
        QTest::addColumn<bool>("found");
        const int phone = int(DigitalAddressKind::Phone);
        const int email = int(DigitalAddressKind::Email);
        QTest::newRow("phone as stored") << phone << QStringLiteral("0470 12 34 56") << false << true;
        QTest::newRow("phone +32") << phone << QStringLiteral("+32 470 12.34.56") << false << true;
        QTest::newRow("phone 0032") << phone << QStringLiteral("0032470123456") << false << true;
        QTest::newRow("phone unverified, verified only") << phone << QStringLiteral("0470123456") << true << false;
        QTest::newRow("other phone") << phone << QStringLiteral("0470 12 34 57") << false << false;
        QTest::newRow("email other case") << email << QStringLiteral(" anne.vdb@EXAMPLE.be ") << true << true;
        QTest::newRow("other email") << email << QStringLiteral("anne@example.be") << false << false;
    }

    void findsByDigitalAddress()
    {
        QFETCH(int, kind);
        QFETCH(QString, typed);
        QFETCH(bool, verifiedOnly);
        QFETCH(bool, found);
        Test::TempStore store;
        CitizenRepository repo(store.open());
        const qint64 id = repo.insert(fullCitizen()).value();
        auto ids = repo.findIdsByDigitalAddress(DigitalAddressKind(kind), typed, verifiedOnly);
        QVERIFY(ids);
        QCOMPARE(*ids, found ? QList<qint64>{id} : QList<qint64>());
    }

    void searchesNames_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // family names, in id order
        QTest::newRow("prefix") << QStringLiteral("pee") << QStringList{QStringLiteral("Peeters"), QStringLiteral("Peeters")};
        QTest::newRow("given and family") << QStringLiteral("jan pee") << QStringList{QStringLiteral("Peeters")};
        QTest::newRow("family and given") << QStringLiteral("peeters jan") << QStringList{QStringLiteral("Peeters")};
        QTest::newRow("accent typed without") << QStringLiteral("celik") << QStringList{QStringLiteral("Çelik")};
        QTest::newRow("accent typed with") << QStringLiteral("Çel") << QStringList{QStringLiteral("Çelik")};
        QTest::newRow("case") << QStringLiteral("ELISE") << QStringList{QStringLiteral("Vande Velde")};
        QTest::newRow("particle as typed") << QStringLiteral("van den bos") << QStringList{QStringLiteral("Van den Bossche")};
        QTest::newRow("particle written together") << QStringLiteral("vandenbos") << QStringList{QStringLiteral("Van den Bossche")};
        QTest::newRow("vande velde together") << QStringLiteral("vandeve") << QStringList{QStringLiteral("Vande Velde")};
        QTest::newRow("apostrophe") << QStringLiteral("d'hondt") << QStringList{QStringLiteral("D'Hondt")};
        QTest::newRow("no match") << QStringLiteral("xyz") << QStringList();
        QTest::newRow("only punctuation") << QStringLiteral("\"*( NEAR") << QStringList();
        QTest::newRow("fts syntax is literal") << QStringLiteral("pee OR jan") << QStringList();
        QTest::newRow("empty") << QString() << QStringList();
    }

    void searchesNames()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        Test::TempStore store;
        CitizenRepository repo(store.open());
        const QList<std::pair<QString, QString>> people = {
            {QStringLiteral("Jan"), QStringLiteral("Peeters")},
            {QStringLiteral("Marie"), QStringLiteral("Peeters")},
            {QStringLiteral("Emre"), QStringLiteral("Çelik")},
            {QStringLiteral("Elise"), QStringLiteral("Vande Velde")},
            {QStringLiteral("Bart"), QStringLiteral("Van den Bossche")},
            {QStringLiteral("Griet"), QStringLiteral("D'Hondt")},
        };
        QHash<qint64, QString> families;
        for (const auto &[given, family] : people) {
            families.insert(repo.insert(CitizenBuilder().withName(given, family).build()).value(), family);
        }
        auto ids = repo.searchNames(query, 50);
        QVERIFY2(ids, qPrintable(ids ? QString() : ids.error().message()));
        QList<qint64> sorted = *ids;
        std::sort(sorted.begin(), sorted.end());
        QStringList found;
        for (qint64 id : sorted) {
            found.append(families.value(id));
        }
        QCOMPARE(found, expected);
    }

    void searchRespectsLimit()
    {
        Test::TempStore store;
        CitizenRepository repo(store.open());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(repo.insert(CitizenBuilder().withName(QStringLiteral("Jan"), QStringLiteral("Janssens")).build()));
        }
        QCOMPARE(repo.searchNames(QStringLiteral("jans"), 3).value().size(), 3);
    }

    void removeCascades()
    {
        Test::TempStore store;
        Database &db = store.open();
        CitizenRepository repo(db);
        const qint64 id = repo.insert(fullCitizen()).value();
        QVERIFY(repo.remove(id));
        QCOMPARE(repo.count().value(), qint64(0));
        for (const QString &table :
             {QStringLiteral("citizen_identifiers"), QStringLiteral("digital_addresses"), QStringLiteral("consents"), QStringLiteral("channel_preferences")}) {
            QCOMPARE(rowCount(db, table), 0);
        }
        QCOMPARE(repo.searchNames(QStringLiteral("bossche"), 10).value(), QList<qint64>());
    }

    void ftsQueryQuotesEveryWord()
    {
        QCOMPARE(CitizenRepository::ftsPrefixQuery(QStringLiteral("Van den  Bossché")), QStringLiteral("\"van\"* \"den\"* \"bossche\"*"));
        QCOMPARE(CitizenRepository::ftsPrefixQuery(QStringLiteral("\" OR * ^")), QStringLiteral("\"or\"*"));
        QCOMPARE(CitizenRepository::ftsPrefixQuery(QStringLiteral("  ")), QString());
    }
};

QTEST_GUILESS_MAIN(TestCitizenRepository)
#include "tst_citizenrepository.moc"
