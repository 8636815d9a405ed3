// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Open311 GET requests: date windows, status and service_code filters, updated_after/updated_before
// and page/page_size, each against a brute-force filter over the data set; walking every page gives
// every report once; and a deep page of a 1,000,000-citizen municipality is right.

#include "open311testing.h"
#include "referencedate.h"

#include <QTest>

#include <functional>

using namespace C360::Ref;
using namespace C360::Ref::Testing;

namespace
{
constexpr qint64 Day = 86400;

QDateTime w3(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString idOf(quint64 index)
{
    return QString::number(index + 100000);
}

// The reports of [from, to) that pass, by their heads, in index order.
QStringList bruteForce(const DataSet &data, const std::function<bool(const ReportHead &)> &passes, quint64 from = 0, quint64 to = ~quint64(0))
{
    QStringList ids;
    for (quint64 i = from; i < std::min(to, data.reportCount()); ++i) {
        if (passes(data.reportHead(i))) {
            ids.append(idOf(i));
        }
    }
    return ids;
}

int serviceIndex(const DataSet &data, const QString &code)
{
    for (int i = 0; i < data.services().size(); ++i) {
        if (data.services().at(i).code == code) {
            return i;
        }
    }
    return -1;
}

// Every page of a query, page_size at a time, up to the first short page.
QStringList walk(Open311Server &server, const QString &query, int pageSize, int *pages = nullptr)
{
    QStringList ids;
    int page = 1;
    for (; page < 100000; ++page) {
        const Answer a = server.get(QStringLiteral("requests.json?%1&page_size=%2&page=%3").arg(query, QString::number(pageSize), QString::number(page)));
        if (a.status != 200) {
            qWarning() << query << a.status << a.body.left(300);
            return {};
        }
        const QStringList got = a.ids();
        ids += got;
        if (got.size() < pageSize) {
            break;
        }
    }
    if (pages) {
        *pages = page;
    }
    return ids;
}
} // namespace

class TestOpen311Paging : public QObject
{
    Q_OBJECT

    std::unique_ptr<Open311Server> m_large; // shared by the rows of windowsAndFilters

private Q_SLOTS:
    void cleanupTestCase() { m_large.reset(); }

    void updatedAfterWalksEveryReportOnce()
    {
        Open311Server s(11, 300, Profile::Flanders);
        int pages = 0;
        const QStringList ids = walk(s, QStringLiteral("updated_after=1970-01-01T00:00:00Z"), 97, &pages);
        QCOMPARE(quint64(ids.size()), s.data.reportCount());
        QCOMPARE(quint64(QSet<QString>(ids.cbegin(), ids.cend()).size()), s.data.reportCount());
        QVERIFY(pages > 10);
        quint64 total = 0;
        QStringList expected;
        for (const quint64 i : s.data.reportsUpdatedAfter(QDateTime::fromSecsSinceEpoch(0, Qt::UTC), 0, 100000, &total)) {
            expected.append(idOf(i));
        }
        QCOMPARE(ids, expected);

        // What changed since: the new reports and the changed ones, nothing else, in index order.
        const MutationResult changes = s.data.mutate(4, 6, 0, 0);
        QList<quint64> indices = changes.newReports + changes.changedReports;
        std::sort(indices.begin(), indices.end());
        indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
        expected.clear();
        for (const quint64 i : indices) {
            expected.append(idOf(i));
        }
        QCOMPARE(walk(s, QStringLiteral("updated_after=2026-11-01T00:00:00Z"), 3), expected);
        QCOMPARE(walk(s, QStringLiteral("updated_after=1970-01-01T00:00:00Z"), 500).size(), qsizetype(s.data.reportCount()));
    }

    void windowsAndFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("codes");
        const QDateTime reference = C360::Test::fixedReferenceTime();
        QTest::newRow("default: the last 90 days") << QString() << reference.addSecs(-90 * Day) << reference << QString() << QStringList();
        QTest::newRow("start and end") << QStringLiteral("start_date=2025-03-01T00:00:00Z&end_date=2025-05-15T12:00:00Z")
                                       << w3(QStringLiteral("2025-03-01T00:00:00Z")) << w3(QStringLiteral("2025-05-15T12:00:00Z")) << QString()
                                       << QStringList();
        QTest::newRow("offsets") << QStringLiteral("start_date=2025-03-01T00:00:00%2B02:00&end_date=2025-04-01T00:00:00-05:00")
                                 << w3(QStringLiteral("2025-03-01T00:00:00+02:00")) << w3(QStringLiteral("2025-04-01T00:00:00-05:00")) << QString()
                                 << QStringList();
        QTest::newRow("fractions") << QStringLiteral("start_date=2025-03-01T10:00:00.500Z&end_date=2025-04-01T00:00:00.250Z")
                                   << w3(QStringLiteral("2025-03-01T10:00:00.500Z")) << w3(QStringLiteral("2025-04-01T00:00:00.250Z")) << QString()
                                   << QStringList();
        QTest::newRow("start only") << QStringLiteral("start_date=2024-01-01T00:00:00Z") << w3(QStringLiteral("2024-01-01T00:00:00Z"))
                                    << w3(QStringLiteral("2024-01-01T00:00:00Z")).addSecs(90 * Day) << QString() << QStringList();
        QTest::newRow("end only") << QStringLiteral("end_date=2026-01-01T00:00:00Z") << w3(QStringLiteral("2026-01-01T00:00:00Z")).addSecs(-90 * Day)
                                  << w3(QStringLiteral("2026-01-01T00:00:00Z")) << QString() << QStringList();
        QTest::newRow("open") << QStringLiteral("status=open") << reference.addSecs(-90 * Day) << reference << QStringLiteral("open") << QStringList();
        QTest::newRow("closed") << QStringLiteral("status=closed&start_date=2019-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z")
                                << w3(QStringLiteral("2019-01-01T00:00:00Z")) << reference << QStringLiteral("closed") << QStringList();
        QTest::newRow("both statuses") << QStringLiteral("status=open,closed") << reference.addSecs(-90 * Day) << reference << QString() << QStringList();
        QTest::newRow("status declared twice") << QStringLiteral("status=closed&status=open") << reference.addSecs(-90 * Day) << reference << QString()
                                               << QStringList();
        const QStringList two{QStringLiteral("sluikstort"), QStringLiteral("straatverlichting")};
        QTest::newRow("service codes, whole span")
            << QStringLiteral("service_code=sluikstort,straatverlichting&start_date=2019-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z")
            << w3(QStringLiteral("2019-01-01T00:00:00Z")) << reference << QString() << two;
        QTest::newRow("service code declared twice")
            << QStringLiteral("service_code=straatverlichting&service_code=sluikstort&start_date=2019-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z")
            << w3(QStringLiteral("2019-01-01T00:00:00Z")) << reference << QString() << two;
        QTest::newRow("open of one service, whole span")
            << QStringLiteral("service_code=riolering&status=open&start_date=2019-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z")
            << w3(QStringLiteral("2019-01-01T00:00:00Z")) << reference << QStringLiteral("open") << QStringList{QStringLiteral("riolering")};
    }

    // A data set large enough for the report index to count whole blocks (4096 reports each).
    void windowsAndFilters()
    {
        QFETCH(QString, query);
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, end);
        QFETCH(QString, status);
        QFETCH(QStringList, codes);
        if (!m_large) {
            m_large = std::make_unique<Open311Server>(21, 20000, Profile::Flanders);
        }
        Open311Server &s = *m_large;
        QList<int> services;
        for (const QString &code : codes) {
            services.append(serviceIndex(s.data, code));
        }
        const QStringList expected = bruteForce(s.data, [&](const ReportHead &h) {
            return h.requested * 1000 >= start.toMSecsSinceEpoch() && h.requested * 1000 <= end.toMSecsSinceEpoch() &&
                (status.isEmpty() || (status == QLatin1String("closed")) == h.closed) && (services.isEmpty() || services.contains(h.service));
        });
        QVERIFY(expected.size() > 20);
        QCOMPARE(walk(s, query, 500), expected);
        // A page in the middle, on its own.
        const int page = int(expected.size() / 2 / 37) + 1;
        QCOMPARE(s.get(QStringLiteral("requests.json?%1&page_size=37&page=%2").arg(query, QString::number(page))).ids(), expected.mid((page - 1) * 37, 37));
        // Without page or page_size: the first 50 (Chicago's default page size).
        if (start.secsTo(end) <= 90 * Day) {
            QCOMPARE(s.get(QStringLiteral("requests.json?") + query).ids(), expected.mid(0, 50));
        }
    }

    void updatedWindows_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QDateTime>("before");
        QTest::addColumn<QString>("status");
        QTest::newRow("after, recent") << QStringLiteral("updated_after=2026-09-15T00:00:00Z") << w3(QStringLiteral("2026-09-15T00:00:00Z")) << QDateTime()
                                       << QString();
        QTest::newRow("after and before") << QStringLiteral("updated_after=2025-02-01T00:00:00Z&updated_before=2025-03-15T12:00:00%2B01:00")
                                          << w3(QStringLiteral("2025-02-01T00:00:00Z")) << w3(QStringLiteral("2025-03-15T12:00:00+01:00")) << QString();
        QTest::newRow("before only") << QStringLiteral("updated_before=2024-06-01T00:00:00Z") << w3(QStringLiteral("2024-06-01T00:00:00Z")).addSecs(-90 * Day)
                                     << w3(QStringLiteral("2024-06-01T00:00:00Z")) << QString();
        QTest::newRow("after, open") << QStringLiteral("updated_after=2026-06-01T00:00:00Z&status=open") << w3(QStringLiteral("2026-06-01T00:00:00Z"))
                                     << QDateTime() << QStringLiteral("open");
        QTest::newRow("after and before, closed") << QStringLiteral("updated_after=2025-02-01T00:00:00Z&updated_before=2025-04-01T00:00:00Z&status=closed")
                                                  << w3(QStringLiteral("2025-02-01T00:00:00Z")) << w3(QStringLiteral("2025-04-01T00:00:00Z"))
                                                  << QStringLiteral("closed");
    }

    void updatedWindows()
    {
        QFETCH(QString, query);
        QFETCH(QDateTime, after);
        QFETCH(QDateTime, before);
        QFETCH(QString, status);
        Open311Server s(31, 3000, Profile::Netherlands);
        s.data.mutate(3, 8, 0, 0); // changes after the reference time, and new reports
        const QStringList expected = bruteForce(s.data, [&](const ReportHead &h) {
            return h.updated > after.toSecsSinceEpoch() && (!before.isValid() || h.updated <= before.toSecsSinceEpoch()) &&
                (status.isEmpty() || (status == QLatin1String("closed")) == h.closed);
        });
        QVERIFY(expected.size() > 20);
        QCOMPARE(walk(s, query, 61), expected);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("span over 90 days, unpaged") << QStringLiteral("start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z");
        QTest::newRow("end before start") << QStringLiteral("start_date=2025-06-01T00:00:00Z&end_date=2025-01-01T00:00:00Z&page=1");
        QTest::newRow("no time zone") << QStringLiteral("start_date=2025-01-01T00:00:00");
        QTest::newRow("no time") << QStringLiteral("end_date=2025-01-01");
        QTest::newRow("not a date") << QStringLiteral("updated_after=yesterday");
        QTest::newRow("updated span over 90 days") << QStringLiteral("updated_after=2025-01-01T00:00:00Z&updated_before=2025-06-01T00:00:00Z&page=1");
        QTest::newRow("status") << QStringLiteral("status=pending");
        QTest::newRow("service_code") << QStringLiteral("service_code=sluikstort,001");
        QTest::newRow("page 0") << QStringLiteral("page=0");
        QTest::newRow("page_size not a number") << QStringLiteral("page_size=many");
        QTest::newRow("too many ids") << QStringLiteral("service_request_id=") + QStringList(501, QStringLiteral("100001")).join(QLatin1Char(','));
    }

    void refusals()
    {
        QFETCH(QString, query);
        Open311Server s(11, 300, Profile::Flanders);
        const Answer a = s.get(QStringLiteral("requests.json?") + query);
        QCOMPARE(a.status, 400);
        QVERIFY(!a.array().isEmpty());
        QCOMPARE(a.array().first().toObject().value(QStringLiteral("code")).toInt(), 400);
        QCOMPARE(elementPaths(s.get(QStringLiteral("requests.xml?") + query).body), fixturePaths(QStringLiteral("spec-examples/errors.xml")));
    }

    void pageSizeIsCappedAt500AndEmptyMeansAbsent()
    {
        Open311Server s(11, 300, Profile::Flanders);
        const QString span = QStringLiteral("start_date=2019-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z");
        QCOMPARE(s.get(QStringLiteral("requests.json?%1&page_size=5000").arg(span)).ids().size(), 500);
        QCOMPARE(s.get(QStringLiteral("requests.json?status=&service_code=&page=&start_date=")).body, s.get(QStringLiteral("requests.json")).body);
        QVERIFY(s.get(QStringLiteral("requests.json?%1&page=100000").arg(span)).ids().isEmpty());
    }

    void deepPagesOfAMillionCitizens()
    {
        Open311Server s(5, 1000000, Profile::Flanders);
        const DataSet &data = s.data;
        const quint64 count = data.reportCount();
        QVERIFY(count > 4000000);

        // Sync: a page near the end of everything, by updated_after.
        const quint64 page = count / 500 - 3;
        quint64 total = 0;
        QStringList expected;
        for (const quint64 i : data.reportsUpdatedAfter(QDateTime::fromSecsSinceEpoch(0, Qt::UTC), (page - 1) * 500, 500, &total)) {
            expected.append(idOf(i));
        }
        QCOMPARE(s.get(QStringLiteral("requests.json?updated_after=1970-01-01T00:00:00Z&page_size=500&page=%1").arg(page)).ids(), expected);

        // The whole span by requested time (our paged extension beyond 90 days).
        const quint64 from = data.reportLowerBound(w3(QStringLiteral("2019-01-01T00:00:00Z")));
        expected.clear();
        for (quint64 i = from + (page - 1) * 500; i < from + page * 500 && i < count; ++i) {
            expected.append(idOf(i));
        }
        QCOMPARE(s.get(QStringLiteral("requests.json?start_date=2019-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z&page_size=500&page=%1").arg(page)).ids(),
                 expected);

        // A filter over the default window (tens of blocks), a deep page of it.
        const int service = serviceIndex(data, QStringLiteral("afval-niet-opgehaald"));
        const QDateTime now = C360::Test::fixedReferenceTime();
        const QStringList matches = bruteForce(
            data,
            [service](const ReportHead &h) {
                return h.service == service && !h.closed;
            },
            data.reportLowerBound(now.addSecs(-90 * Day)));
        QVERIFY(matches.size() > 1000);
        const int filteredPage = int(matches.size() / 100) - 1;
        QCOMPARE(s.get(QStringLiteral("requests.json?service_code=afval-niet-opgehaald&status=open&page_size=100&page=%1").arg(filteredPage)).ids(),
                 matches.mid((filteredPage - 1) * 100, 100));
    }
};

QTEST_GUILESS_MAIN(TestOpen311Paging)
#include "tst_open311paging.moc"
