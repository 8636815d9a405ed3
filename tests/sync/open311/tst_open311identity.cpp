// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Who made an Open311 report: linked for certain by national number, proposed by verified e-mail
// or phone, never by anything unverified, in a real store.

#include "case/identitymatcher.h"
#include "citizenbuilder.h"
#include "store/citizenrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QTest>

using namespace C360;
using Test::CitizenBuilder;

class TestOpen311Identity : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempStore> m_store;
    qint64 m_marie = 0; // register number, verified e-mail, verified phone
    qint64 m_jan = 0; // BIS number, same verified e-mail as Marie (a household)
    qint64 m_lotte = 0; // unverified e-mail and phone only
    QString m_marieNumber;
    QString m_janNumber;

    qint64 insert(const Citizen &c)
    {
        CitizenRepository citizens(m_store->db());
        const auto id = citizens.insert(c);
        if (!id) {
            qWarning("%s", Test::why(id).constData());
            return 0;
        }
        return *id;
    }

    IdentityMatcher::Match match(const ReporterIdentity &reporter)
    {
        IdentityMatcher matcher(m_store->db());
        const auto m = matcher.match(reporter);
        if (!m) {
            qWarning("%s", Test::why(m).constData());
            return {};
        }
        return *m;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Test::TempStore>();
        m_store->open();
        const QDate verified(2025, 6, 1);
        m_marieNumber = CitizenBuilder::nationalNumberFor(QDate(1985, 7, 30), 33);
        m_janNumber = CitizenBuilder::nationalNumberFor(QDate(1990, 2, 3), 45, 40);
        m_marie = insert(CitizenBuilder()
                             .withName(QStringLiteral("Marie"), QStringLiteral("Peeters"))
                             .bornOn(QDate(1985, 7, 30))
                             .withIdentifier(IdentifierType::BelgianNationalNumber, m_marieNumber)
                             .withEmail(QStringLiteral("gezin.peeters@example.be"), verified)
                             .withPhone(QStringLiteral("+32 470 12 34 56"), verified)
                             .build());
        m_jan = insert(CitizenBuilder()
                           .withName(QStringLiteral("Jan"), QStringLiteral("Peeters"))
                           .bornOn(QDate(1990, 2, 3))
                           .withIdentifier(IdentifierType::BelgianBisNumber, m_janNumber)
                           .withEmail(QStringLiteral("Gezin.Peeters@example.be"), verified)
                           .build());
        m_lotte = insert(CitizenBuilder()
                             .withName(QStringLiteral("Lotte"), QStringLiteral("Maes"))
                             .withEmail(QStringLiteral("lotte@example.be"))
                             .withPhone(QStringLiteral("0499 11 22 33"))
                             .build());
        QVERIFY(m_marie && m_jan && m_lotte);
    }

    void nationalNumberLinksForCertain_data()
    {
        QTest::addColumn<QString>("nationalId");
        QTest::addColumn<int>("who"); // 0 Marie, 1 Jan
        QTest::newRow("register digits") << QString() << 0;
        QTest::newRow("register formatted") << QStringLiteral("formatted") << 0;
        QTest::newRow("bis") << QStringLiteral("bis") << 1;
    }
    void nationalNumberLinksForCertain()
    {
        QFETCH(QString, nationalId);
        QFETCH(int, who);
        ReporterIdentity r;
        r.nationalId = nationalId == QLatin1String("bis") ? m_janNumber : m_marieNumber;
        if (nationalId == QLatin1String("formatted")) {
            r.nationalId = Identifier{IdentifierType::BelgianNationalNumber, m_marieNumber}.formatted();
        }
        r.email = QStringLiteral("gezin.peeters@example.be"); // also Jan's: ignored once linked
        const auto m = match(r);
        QCOMPARE(m.citizenId, who == 0 ? m_marie : m_jan);
        QCOMPARE(m.basis, MatchBasis::NationalNumber);
        QVERIFY(m.candidates.isEmpty());
        QVERIFY(!m.invalidNationalId);
    }

    void verifiedEmailProposesEveryHolder()
    {
        ReporterIdentity r;
        r.email = QStringLiteral(" GEZIN.peeters@example.be");
        const auto m = match(r);
        QCOMPARE(m.citizenId, 0);
        QCOMPARE(m.basis, MatchBasis::None);
        QCOMPARE(m.candidates,
                 (QList<ReportCandidate>{{m_marie, MatchBasis::Email, CandidateState::Possible}, {m_jan, MatchBasis::Email, CandidateState::Possible}}));
    }

    void verifiedPhoneInAnyNotation()
    {
        for (const char *phone : {"0470/12.34.56", "+32470123456", "0032 470 12 34 56"}) {
            ReporterIdentity r;
            r.phone = QLatin1String(phone);
            const auto m = match(r);
            QCOMPARE(m.candidates, (QList<ReportCandidate>{{m_marie, MatchBasis::Phone, CandidateState::Possible}}));
        }
    }

    void emailAndPhoneOfTheSameCitizenGiveOneCandidate()
    {
        ReporterIdentity r;
        r.email = QStringLiteral("gezin.peeters@example.be");
        r.phone = QStringLiteral("0470 12 34 56");
        const auto m = match(r);
        QCOMPARE(m.candidates.size(), 2); // Marie (e-mail) and Jan (e-mail); Marie's phone adds nobody
        QCOMPARE(m.candidates.first().basis, MatchBasis::Email);
    }

    void unverifiedAddressesProveNothing()
    {
        ReporterIdentity r;
        r.email = QStringLiteral("lotte@example.be");
        r.phone = QStringLiteral("0499 11 22 33");
        const auto m = match(r);
        QCOMPARE(m.citizenId, 0);
        QVERIFY(m.candidates.isEmpty());
    }

    void unknownOrInvalidNationalNumberFallsBackToAddresses_data()
    {
        QTest::addColumn<QString>("nationalId");
        QTest::addColumn<bool>("malformed");
        QTest::addColumn<bool>("invalid");
        QTest::newRow("valid, unknown here") << CitizenBuilder::nationalNumberFor(QDate(1970, 1, 1), 11) << false << false;
        QTest::newRow("check digits wrong") << QString(CitizenBuilder::nationalNumberFor(QDate(1985, 7, 30), 33).left(9) + QStringLiteral("00")) << false
                                            << true;
        QTest::newRow("too short") << QStringLiteral("1234") << false << true;
        QTest::newRow("letters") << QStringLiteral("85.07.30-O33.28") << false << true;
        QTest::newRow("sent as a number") << QString() << true << true;
    }
    void unknownOrInvalidNationalNumberFallsBackToAddresses()
    {
        QFETCH(QString, nationalId);
        QFETCH(bool, malformed);
        QFETCH(bool, invalid);
        ReporterIdentity r;
        r.nationalId = nationalId;
        r.nationalIdMalformed = malformed;
        r.phone = QStringLiteral("+32 470 12 34 56");
        const auto m = match(r);
        QCOMPARE(m.invalidNationalId, invalid);
        QCOMPARE(m.citizenId, 0);
        QCOMPARE(m.candidates, (QList<ReportCandidate>{{m_marie, MatchBasis::Phone, CandidateState::Possible}}));
    }

    void sharedMailboxProposesNobody()
    {
        CitizenRepository citizens(m_store->db());
        for (int i = 0; i < IdentityMatcher::MaxCandidates; ++i) {
            QVERIFY(insert(CitizenBuilder()
                               .withName(QStringLiteral("Medewerker"), QString::number(i))
                               .withEmail(QStringLiteral("onthaal@example.be"), QDate(2025, 1, 1))
                               .build()));
        }
        ReporterIdentity r;
        r.email = QStringLiteral("onthaal@example.be");
        QCOMPARE(match(r).candidates.size(), IdentityMatcher::MaxCandidates);
        QVERIFY(insert(CitizenBuilder().withName(QStringLiteral("Nog"), QStringLiteral("Iemand")).withEmail(r.email, QDate(2025, 1, 1)).build()));
        QVERIFY(match(r).candidates.isEmpty());
    }

    void nothingUsableMatchesNobody()
    {
        ReporterIdentity r;
        QVERIFY(r.isEmpty());
        QCOMPARE(match(r).fingerprint(), IdentityMatcher::Match().fingerprint());
        r.email = QStringLiteral("not an address");
        r.phone = QStringLiteral("unknown");
        const auto m = match(r);
        QVERIFY(m.candidates.isEmpty());
        QCOMPARE(m.citizenId, 0);
    }

    void fingerprintFollowsTheMatch()
    {
        ReporterIdentity r;
        r.email = QStringLiteral("gezin.peeters@example.be");
        const QByteArray before = match(r).fingerprint();
        QCOMPARE(match(r).fingerprint(), before); // stable
        r.nationalId = m_marieNumber;
        QVERIFY(match(r).fingerprint() != before);
    }
};

QTEST_GUILESS_MAIN(TestOpen311Identity)
#include "tst_open311identity.moc"
