// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The case timeline: four kinds merged newest first, supplements as children of their request,
// batches fetched on demand, and the filter by kind, status, period and text; every model under
// QAbstractItemModelTester.

#include "timelinefiltermodel.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
QDateTime at(int day, int hour = 10)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), Qt::UTC);
}

CaseFile sampleCase()
{
    CaseFile file;
    file.citizen.id = 7;
    Report open;
    open.id = 1;
    open.citizenId = 7;
    open.serviceName = u"Wegdek"_s;
    open.description = u"Put in de straat\nBij nummer 12"_s;
    open.requested = at(1);
    Report possible;
    possible.id = 2;
    possible.description = u"Zwerfvuil aan het station"_s;
    possible.status = ReportStatus::Closed;
    possible.requested = at(5);
    possible.candidates = {{7, MatchBasis::Email, CandidateState::Possible}};
    file.reports = {open, possible};
    ContactMoment call;
    call.id = 3;
    call.channel = Channel::Phone;
    call.subject = u"Afvalkalender"_s;
    call.text = u"Vraag naar de ophaling van grofvuil"_s;
    call.time = at(3);
    file.contacts = {call};
    Request request;
    request.id = 4;
    request.question = u"Bewonerskaart aanvragen"_s;
    request.created = at(4);
    request.deadline = at(18);
    request.expires = at(4).addDays(30);
    request.supplements = {{11, u"an"_s, at(6), u"Nummerplaat 1-ABC-123"_s}, {10, u"an"_s, at(5), u"Tweede wagen"_s}};
    file.requests = {request};
    LinkedCatalogueEntry entry;
    entry.entry.id = 5;
    entry.entry.name = {{u"nl"_s, u"Parkeerkaart"_s}, {u"fr"_s, u"Carte de stationnement"_s}};
    entry.linked = at(2);
    file.catalogue = {entry};
    return file;
}

QList<qint64> topIds(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.append(model.index(row, 0).data(TimelineModel::ItemIdRole).toLongLong());
    }
    return ids;
}
} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergesNewestFirst()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHeaderTitles({u"When"_s, u"What"_s, u"Title"_s, u"Status"_s});
        model.setKindNames({{ItemKind::Report, u"Report"_s}, {ItemKind::Request, u"Request"_s}});
        model.setStatusNames({{u"open"_s, u"Open"_s}});
        model.setCase(sampleCase(), u"fr"_s);
        QCOMPARE(topIds(model), (QList<qint64>{2, 4, 3, 5, 1}));
        QCOMPARE(model.index(4, TimelineModel::TitleColumn).data().toString(), u"Wegdek: Put in de straat"_s);
        QCOMPARE(model.index(4, TimelineModel::KindColumn).data().toString(), u"Report"_s);
        QCOMPARE(model.index(4, TimelineModel::StatusColumn).data().toString(), u"Open"_s);
        QCOMPARE(model.index(3, TimelineModel::TitleColumn).data().toString(), u"Carte de stationnement"_s);
        QVERIFY(model.index(0, 0).data(TimelineModel::PossibleMatchRole).toBool());
        QVERIFY(!model.index(4, 0).data(TimelineModel::PossibleMatchRole).toBool());
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"Title"_s);
        // The request's supplements, oldest first.
        const QModelIndex request = model.index(1, 0);
        QCOMPARE(model.rowCount(request), 2);
        QCOMPARE(model.index(0, TimelineModel::TitleColumn, request).data().toString(), u"Tweede wagen"_s);
        QVERIFY(model.index(0, 0, request).data(TimelineModel::SupplementRole).toBool());
        QCOMPARE(model.parent(model.index(1, 0, request)), request);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.rowOf(ItemKind::ContactMoment, 3), 2);
        QCOMPARE(model.index(1, 0).data(TimelineModel::DeadlineRole).toDateTime(), at(18));
    }

    // A long case comes in batches.
    void fetchesInBatches()
    {
        CaseFile file;
        for (int i = 0; i < TimelineModel::BatchSize * 2 + 17; ++i) {
            ContactMoment c;
            c.id = i + 1;
            c.subject = u"Contact %1"_s.arg(i);
            c.time = at(1).addSecs(i * 60);
            file.contacts.append(c);
        }
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(file);
        QCOMPARE(model.rowCount(), TimelineModel::BatchSize);
        QVERIFY(model.canFetchMore({}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        model.fetchMore({});
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), TimelineModel::BatchSize * 2 + 17);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(0, 0).data(TimelineModel::ItemIdRole).toLongLong(), TimelineModel::BatchSize * 2 + 17);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filters_data()
    {
        QTest::addColumn<QList<int>>("kinds");
        QTest::addColumn<int>("status");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("expected");
        const QDate none;
        QTest::newRow("everything") << QList<int>{} << 0 << none << none << QString() << QList<qint64>{2, 4, 3, 5, 1};
        QTest::newRow("reports") << QList<int>{int(ItemKind::Report)} << 0 << none << none << QString() << QList<qint64>{2, 1};
        QTest::newRow("contacts and requests") << QList<int>{int(ItemKind::ContactMoment), int(ItemKind::Request)} << 0 << none << none << QString()
                                               << QList<qint64>{4, 3};
        QTest::newRow("open") << QList<int>{} << int(TimelineFilterModel::Status::Open) << none << none << QString() << QList<qint64>{4, 1};
        QTest::newRow("closed") << QList<int>{} << int(TimelineFilterModel::Status::Closed) << none << none << QString() << QList<qint64>{2};
        QTest::newRow("period") << QList<int>{} << 0 << QDate(2026, 3, 2) << QDate(2026, 3, 4) << QString() << QList<qint64>{4, 3, 5};
        QTest::newRow("text, accents and case") << QList<int>{} << 0 << none << none << u"GRÖFVUIL"_s << QList<qint64>{3};
        QTest::newRow("text in a supplement") << QList<int>{} << 0 << none << none << u"nummerplaat"_s << QList<qint64>{4};
        QTest::newRow("two words") << QList<int>{} << 0 << none << none << u"put straat"_s << QList<qint64>{1};
        QTest::newRow("nothing") << QList<int>{} << 0 << none << none << u"xyz"_s << QList<qint64>{};
    }

    void filters()
    {
        QFETCH(QList<int>, kinds);
        QFETCH(int, status);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, text);
        QFETCH(QList<qint64>, expected);
        TimelineModel model;
        TimelineFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(sampleCase());
        QSet<ItemKind> kindSet;
        for (int k : kinds) {
            kindSet.insert(ItemKind(k));
        }
        filter.setKinds(kindSet);
        filter.setStatus(TimelineFilterModel::Status(status));
        filter.setPeriod(from, to);
        filter.setText(text);
        QCOMPARE(topIds(filter), expected);
        QCOMPARE(filter.isFiltering(), !kinds.isEmpty() || status != 0 || from.isValid() || !text.isEmpty());
        if (expected.contains(4)) {
            // The request keeps all its supplements.
            const int row = int(expected.indexOf(4));
            QCOMPARE(filter.rowCount(filter.index(row, 0)), 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
