// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The search result list and the purpose list, each under QAbstractItemModelTester.

#include "purposemodel.h"
#include "searchresultmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestSearchResultModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsNamesakesApart()
    {
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<SearchHit> hits = {{1, u"Peeters"_s, u"Jan"_s, 1962, u"Gent"_s, u"••.••.••-•••.57"_s},
                                       {2, u"Peeters"_s, u"Jan"_s, 1990, u"Brugge"_s, u"••.••.••-•••.12"_s},
                                       {3, u"Peeters"_s, QString(), 0, QString(), QString()}};
        QVERIFY(model.setHits(1, hits));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data().toString(), u"Peeters, Jan (1962, Gent)"_s);
        QCOMPARE(model.index(1).data().toString(), u"Peeters, Jan (1990, Brugge)"_s);
        QCOMPARE(model.index(2).data().toString(), u"Peeters"_s);
        QCOMPARE(model.index(1).data(SearchResultModel::CitizenIdRole).toLongLong(), 2);
        QCOMPARE(model.index(0).data(SearchResultModel::MaskedIdentifierRole).toString(), u"••.••.••-•••.57"_s);
        QCOMPARE(model.roleNames().value(SearchResultModel::BirthYearRole), QByteArray("birthYear"));
    }

    // The answer to an older keystroke that arrives late does not replace a newer one.
    void ignoresOvertakenSearches()
    {
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setHits(5, {{1, u"Claes"_s, u"Lotte"_s, 1979, u"Gent"_s, {}}}));
        QVERIFY(!model.setHits(4, {{2, u"Cl"_s, u"x"_s, 1970, u"Gent"_s, {}}, {3, u"Cl"_s, u"y"_s, 1971, u"Gent"_s, {}}}));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.generation(), 5u);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void purposesRememberTheLastUsed()
    {
        PurposeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<PurposeModel::Choice> choices;
        for (const QString &code : PurposeModel::defaultCodes()) {
            choices.append({code, code.toUpper()});
        }
        model.setChoices(choices);
        QCOMPARE(model.rowCount(), PurposeModel::defaultCodes().size());
        QCOMPARE(model.index(0).data().toString(), u"COUNTER_VISIT"_s);
        // The order is the configured one and stays so (it does not follow the last use).
        QCOMPARE(model.index(1).data(PurposeModel::CodeRole).toString(), u"phone_call"_s);
        QCOMPARE(model.rowOf(u"unknown"_s), -1);
        QCOMPARE(model.rowOf(u"other"_s), int(PurposeModel::defaultCodes().size()) - 1);
    }
};

QTEST_GUILESS_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"
