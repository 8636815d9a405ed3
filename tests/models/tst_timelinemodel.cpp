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

    void casesFromTheCaseSystem()
    {
        // A case is a row of its own kind, at the time of its latest status, showing that status
        // as the case system names it; open and closed ones filter as requests do.
        CaseFile file = sampleCase();
        Zaak running;
        running.id = 21;
        running.identification = u"ZAAK-2026-0000021"_s;
        running.typeName = u"Omgevingsvergunning"_s;
        running.description = u"Omgevingsvergunning: verbouwing woning"_s;
        running.started = QDate(2026, 2, 1);
        running.deadline = QDate(2026, 5, 17);
        running.statusName = u"Openbaar onderzoek"_s;
        running.statusSet = at(6, 8);
        running.statuses = {{u"Aanvraag ontvangen"_s, at(1), {}, false}, {u"Openbaar onderzoek"_s, at(6, 8), u"Affiche hangt uit"_s, false}};
        Zaak done;
        done.id = 22;
        done.typeName = u"Aanvraag reispas"_s;
        done.description = u"reispas volwassene"_s;
        done.started = QDate(2026, 1, 5);
        done.ended = QDate(2026, 1, 15);
        done.statusName = u"Afgehaald"_s;
        done.statusSet = QDateTime(QDate(2026, 1, 15), QTime(11, 0), Qt::UTC);
        file.zaken = {running, done};

        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStatusNames({{u"open"_s, u"Open"_s}, {u"closed"_s, u"Closed"_s}});
        model.setCase(file);
        const int row = model.rowOf(ItemKind::Case, 21);
        QVERIFY(row >= 0);
        const QModelIndex first = model.index(row, TimelineModel::TitleColumn);
        QCOMPARE(first.data().toString(), u"Omgevingsvergunning: verbouwing woning"_s); // not the type twice
        QCOMPARE(model.index(row, TimelineModel::StatusColumn).data().toString(), u"Openbaar onderzoek"_s);
        QCOMPARE(first.data(TimelineModel::TimeRole).toDateTime(), at(6, 8));
        QVERIFY(first.data(TimelineModel::OpenRole).toBool());
        QVERIFY(first.data(TimelineModel::DeadlineRole).toDateTime().isValid());
        QVERIFY(first.data(TimelineModel::TextRole).toString().contains(u"Affiche hangt uit"_s)); // the history is searchable
        const int closedRow = model.rowOf(ItemKind::Case, 22);
        QCOMPARE(model.index(closedRow, TimelineModel::TitleColumn).data().toString(), u"Aanvraag reispas: reispas volwassene"_s);
        QVERIFY(!model.index(closedRow, 0).data(TimelineModel::OpenRole).toBool());
        QVERIFY(closedRow > row); // newest first

        TimelineFilterModel filter;
        filter.setSourceModel(&model);
        filter.setKinds({ItemKind::Case});
        QCOMPARE(filter.rowCount(), 2);
        filter.setStatus(TimelineFilterModel::Status::Open);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(TimelineModel::ItemIdRole).toLongLong(), 21);
        filter.setStatus(TimelineFilterModel::Status::Closed);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(TimelineModel::ItemIdRole).toLongLong(), 22);
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
