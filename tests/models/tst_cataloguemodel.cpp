// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The catalogue pane's list: names in the UI language with Dutch as fallback, the sections of a
// product, suggestions marked; under QAbstractItemModelTester.

#include "cataloguemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestCatalogueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languagesAndSections()
    {
        CatalogueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CatalogueEntry eid;
        eid.id = 1;
        eid.name = {{u"nl"_s, u"Elektronische identiteitskaart"_s}, {u"fr"_s, u"Carte d'identité électronique"_s}};
        eid.cost = {{u"nl"_s, u"€ 20"_s}};
        eid.requiredDocuments = {{u"nl"_s, u"Oude kaart, pasfoto"_s}, {u"fr"_s, u"Ancienne carte, photo"_s}};
        CatalogueEntry waste;
        waste.id = 2;
        waste.name = {{u"nl"_s, u"Grofvuil"_s}};
        model.setEntries({eid, waste}, {{2, u"About the open report “Afval”."_s}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), u"Elektronische identiteitskaart"_s);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLanguage(u"fr"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0).data().toString(), u"Carte d'identité électronique"_s);
        QCOMPARE(model.index(0).data(CatalogueModel::DocumentsRole).toString(), u"Ancienne carte, photo"_s);
        QCOMPARE(model.index(0).data(CatalogueModel::CostRole).toString(), u"€ 20"_s); // Dutch when there is no French
        QCOMPARE(model.index(1).data().toString(), u"Grofvuil"_s);
        QVERIFY(!model.index(0).data(CatalogueModel::SuggestedRole).toBool());
        QVERIFY(model.index(1).data(CatalogueModel::SuggestedRole).toBool());
        QCOMPARE(model.index(1).data(CatalogueModel::SuggestionReasonRole).toString(), u"About the open report “Afval”."_s);
        QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), u"About the open report “Afval”."_s);
        QVERIFY(model.index(0).data(CatalogueModel::SuggestionReasonRole).toString().isEmpty());
        QCOMPARE(model.index(1).data(CatalogueModel::EntryIdRole).toLongLong(), 2);
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCatalogueModel)
#include "tst_cataloguemodel.moc"
