// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// citizen360-refbackend as a program: its command line, the first line it prints, the admin API,
// determinism across processes, and bounded memory at a million residents.

#include "backendprocess.h"
#include "httpclient.h"
#include "population/dataset.h"
#include "processrunner.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using C360::Test::ProcessResult;
using C360::Test::ProcessRunner;

namespace
{
// A back end process for one test; it dies with the test (it stops when its stdin closes).
class Backend : public C360::Test::BackendProcess
{
public:
    explicit Backend(const QStringList &arguments)
        : BackendProcess(ProcessRunner::binary(QStringLiteral("citizen360-refbackend")), arguments)
    {
    }
};

using Response = C360::Test::HttpAnswer;

Response request(QNetworkAccessManager &manager, const QByteArray &method, const QUrl &url, const QByteArray &body = {}, const QByteArray &authorization = {})
{
    C360::Test::HttpHeaders headers;
    if (!authorization.isEmpty()) {
        headers.append({"Authorization", authorization});
    }
    return C360::Test::http(manager, method, url, body, headers, 90000);
}

QJsonObject json(const Response &r)
{
    return r.json();
}
} // namespace

class TestRefBackendCli : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_manager;

private Q_SLOTS:
    void printsItsUrlFirst()
    {
        Backend backend({QStringLiteral("--citizens"), QStringLiteral("200")});
        const QUrl url = backend.url();
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        const QJsonObject stats = json(request(m_manager, "GET", url.resolved(QUrl(QStringLiteral("/admin/stats")))));
        QCOMPARE(stats.value(QStringLiteral("citizens")).toInt(), 200);
        QVERIFY(stats.value(QStringLiteral("reports")).toInt() > 200);
        QVERIFY(stats.value(QStringLiteral("contact_moments")).toInt() > 200);
        QVERIFY(stats.value(QStringLiteral("requests")).toInt() > 50);
        QVERIFY(stats.value(QStringLiteral("catalogue_entries")).toInt() >= 250);
    }

    void refusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("wallonia")} << QStringLiteral("--profile");
        QTest::newRow("citizens") << QStringList{QStringLiteral("--citizens"), QStringLiteral("0")} << QStringLiteral("--citizens");
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << QStringLiteral("--port");
        QTest::newRow("seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("abc")} << QStringLiteral("--seed");
        QTest::newRow("fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("*=explode")} << QStringLiteral("unknown fault");
        QTest::newRow("token") << QStringList{QStringLiteral("--token"), QString()} << QStringLiteral("--token");
        QTest::newRow("reference date: no such day") << QStringList{QStringLiteral("--reference-date"), QStringLiteral("2026-02-30")}
                                                     << QStringLiteral("--reference-date");
        QTest::newRow("reference date: not ISO") << QStringList{QStringLiteral("--reference-date"), QStringLiteral("6/12/2026")}
                                                 << QStringLiteral("--reference-date");
        QTest::newRow("reference date: a time") << QStringList{QStringLiteral("--reference-date"), QStringLiteral("2026-12-06T10:00:00Z")}
                                                << QStringLiteral("--reference-date");
        QTest::newRow("reference date: births before 1900")
            << QStringList{QStringLiteral("--reference-date"), QStringLiteral("1999-12-31")} << QStringLiteral("--reference-date");
    }

    void refusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        QTemporaryDir home;
        const ProcessResult r = ProcessRunner(home.path()).run(ProcessRunner::binary(QStringLiteral("citizen360-refbackend")), arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void portInUse()
    {
        QTcpServer occupier;
        QVERIFY(occupier.listen(QHostAddress::LocalHost));
        QTemporaryDir home;
        const ProcessResult r =
            ProcessRunner(home.path())
                .run(ProcessRunner::binary(QStringLiteral("citizen360-refbackend")), {QStringLiteral("--port"), QString::number(occupier.serverPort())});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot listen")), qPrintable(r.err));
    }

    // Without --reference-date the history ends today (UTC): read before and after the start, so
    // that a start at midnight passes too.
    void theHistoryEndsTodayByDefault()
    {
        const QDate before = QDateTime::currentDateTimeUtc().date();
        Backend backend({QStringLiteral("--citizens"), QStringLiteral("50")});
        const QJsonObject stats = json(request(m_manager, "GET", backend.url().resolved(QUrl(QStringLiteral("/admin/stats")))));
        const QDate after = QDateTime::currentDateTimeUtc().date();
        const QDate reference = QDate::fromString(stats.value(QStringLiteral("reference_date")).toString(), Qt::ISODate);
        QVERIFY2(reference == before || reference == after, qPrintable(stats.value(QStringLiteral("reference_date")).toString()));
    }

    // The generated history ends on the reference date, whichever it is: reports in the week
    // before it, none from it on.
    void theHistoryEndsOnTheReferenceDate_data()
    {
        QTest::addColumn<QString>("day");
        QTest::newRow("a year back") << QStringLiteral("2025-12-06");
        QTest::newRow("five years ahead") << QStringLiteral("2031-12-06");
        QTest::newRow("a leap day") << QStringLiteral("2028-02-29");
    }

    void theHistoryEndsOnTheReferenceDate()
    {
        QFETCH(QString, day);
        const QDate reference = QDate::fromString(day, Qt::ISODate);
        Backend backend({QStringLiteral("--citizens"), QStringLiteral("2000"), QStringLiteral("--reference-date"), day});
        const QString base = backend.url().toString();
        QCOMPARE(json(request(m_manager, "GET", QUrl(base + QStringLiteral("/admin/stats")))).value(QStringLiteral("reference_date")).toString(), day);
        auto reportsBetween = [&](const QDate &from, const QDate &to) {
            const QString path = QStringLiteral("/open311/v2/requests.json?start_date=%1&end_date=%2")
                                     .arg(from.startOfDay(Qt::UTC).toString(Qt::ISODate), to.startOfDay(Qt::UTC).toString(Qt::ISODate));
            const Response r = request(m_manager, "GET", QUrl(base + path));
            return r.status == 200 ? QJsonDocument::fromJson(r.body).array().size() : -1;
        };
        QVERIFY(reportsBetween(reference.addDays(-7), reference) > 0);
        QCOMPARE(reportsBetween(reference, reference.addDays(7)), 0);
        QVERIFY(reportsBetween(reference.addDays(-C360::Ref::DataSet::HistoryDays), reference.addDays(-C360::Ref::DataSet::HistoryDays + 60)) > 0);
    }

    void sameSeedSameBytesAcrossProcesses()
    {
        const QStringList paths = {QStringLiteral("/klantinteracties/api/v1/partijen?page=2&pageSize=25"),
                                   QStringLiteral("/open311/v2/requests.json?updated_after=2020-01-01T00:00:00Z&page=3&page_size=50"),
                                   QStringLiteral("/ipdc/ldes")};
        auto bodies = [&](const QString &seed, const QString &reference = QStringLiteral("2026-11-01")) {
            Backend backend(
                {QStringLiteral("--citizens"), QStringLiteral("500"), QStringLiteral("--seed"), seed, QStringLiteral("--reference-date"), reference});
            QStringList out;
            for (const QString &path : paths) {
                const Response r = request(m_manager, "GET", QUrl(backend.url().toString() + path), {}, QByteArrayLiteral("Token training"));
                // Links carry the port, which differs between processes.
                out.append(QString::fromUtf8(r.body).replace(backend.url().toString(), QStringLiteral("BASE")));
            }
            return out;
        };
        const QStringList first = bodies(QStringLiteral("7"));
        QCOMPARE(bodies(QStringLiteral("7")), first);
        QVERIFY(bodies(QStringLiteral("8")) != first);
        QVERIFY(bodies(QStringLiteral("7"), QStringLiteral("2026-11-02")) != first);
        for (const QString &body : first) {
            QVERIFY(body.size() > 500);
        }
    }

    void faultsFromTheCommandLineAndAtRunTime()
    {
        Backend backend({QStringLiteral("--citizens"), QStringLiteral("100"), QStringLiteral("--fault"), QStringLiteral("/open311/*=status:503")});
        const QUrl services(backend.url().toString() + QStringLiteral("/open311/v2/services.json"));
        QCOMPARE(request(m_manager, "GET", services).status, 503);
        QCOMPARE(
            json(request(m_manager, "GET", QUrl(backend.url().toString() + QStringLiteral("/admin/faults")))).value(QStringLiteral("faults")).toArray().size(),
            1);
        QCOMPARE(request(m_manager, "DELETE", QUrl(backend.url().toString() + QStringLiteral("/admin/faults"))).status, 204);
        QCOMPARE(request(m_manager, "GET", services).status, 200);
        const Response added = request(
            m_manager, "POST", QUrl(backend.url().toString() + QStringLiteral("/admin/faults")), QByteArrayLiteral("{\"fault\": \"/open311/*=status:429:2\"}"));
        QCOMPARE(added.status, 201);
        QCOMPARE(request(m_manager, "GET", services).status, 429);
        QCOMPARE(
            request(m_manager, "POST", QUrl(backend.url().toString() + QStringLiteral("/admin/faults")), QByteArrayLiteral("{\"fault\": \"nonsense\"}")).status,
            400);
    }

    void mutationsShowInTheStats()
    {
        Backend backend({QStringLiteral("--citizens"), QStringLiteral("300")});
        const QUrl stats(backend.url().toString() + QStringLiteral("/admin/stats"));
        const QJsonObject before = json(request(m_manager, "GET", stats));
        const Response mutated = request(m_manager,
                                         "POST",
                                         QUrl(backend.url().toString() + QStringLiteral("/admin/mutate")),
                                         QByteArrayLiteral("{\"new_reports\": 4, \"status_changes\": 2, \"new_contacts\": 3, \"deleted_parties\": 1, "
                                                           "\"changed_products\": 2}"));
        QCOMPARE(mutated.status, 200);
        const QJsonObject what = json(mutated);
        QCOMPARE(what.value(QStringLiteral("new_reports")).toArray().size(), 4);
        QCOMPARE(what.value(QStringLiteral("changed_reports")).toArray().size(), 2);
        QCOMPARE(what.value(QStringLiteral("new_contacts")).toArray().size(), 3);
        QCOMPARE(what.value(QStringLiteral("deleted_parties")).toArray().size(), 1);
        QCOMPARE(what.value(QStringLiteral("changed_products")).toArray().size(), 2);
        const QJsonObject after = json(request(m_manager, "GET", stats));
        QCOMPARE(after.value(QStringLiteral("citizens")).toInt(), before.value(QStringLiteral("citizens")).toInt() - 1);
        QCOMPARE(after.value(QStringLiteral("reports")).toInt(), before.value(QStringLiteral("reports")).toInt() + 4);
        QCOMPARE(after.value(QStringLiteral("catalogue_entries")).toInt(), before.value(QStringLiteral("catalogue_entries")).toInt());
        QCOMPARE(request(m_manager, "POST", QUrl(backend.url().toString() + QStringLiteral("/admin/mutate")), QByteArrayLiteral("[1,2]")).status, 400);
    }

    void stopsWhenItsParentGoesAway()
    {
        Backend backend({QStringLiteral("--citizens"), QStringLiteral("50")});
        QVERIFY(backend.url().isValid());
        QSignalSpy finished(&backend.process(), &QProcess::finished);
        backend.process().closeWriteChannel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(backend.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(backend.process().exitCode(), 0);
    }

    // A million residents are never held in memory: generation is on demand.
    void aMillionResidentsInBoundedMemory()
    {
        Backend backend({QStringLiteral("--citizens"), QStringLiteral("1000000"), QStringLiteral("--reference-date"), QStringLiteral("2026-11-01")});
        const QString base = backend.url().toString();
        const QJsonObject stats = json(request(m_manager, "GET", QUrl(base + QStringLiteral("/admin/stats"))));
        QCOMPARE(stats.value(QStringLiteral("citizens")).toInt(), 1000000);
        for (const QString &path : {QStringLiteral("/klantinteracties/api/v1/partijen?page=39000&pageSize=25"),
                                    QStringLiteral("/klantinteracties/api/v1/klantcontacten?page=300000&pageSize=25"),
                                    QStringLiteral("/open311/v2/requests.json?updated_after=2020-01-01T00:00:00Z&page=40000&page_size=100")}) {
            const Response r = request(m_manager, "GET", QUrl(base + path), {}, QByteArrayLiteral("Token training"));
            QVERIFY2(r.status == 200, qPrintable(path + QLatin1Char(' ') + QString::number(r.status)));
        }
        const qint64 rss = backend.peakRssKb();
        // Prefix sums of a million residents are a few MB; the residents themselves would be GBs.
        QVERIFY2(rss > 0 && rss < 300 * 1024, qPrintable(QStringLiteral("peak RSS %1 kB").arg(rss)));
    }
};

QTEST_GUILESS_MAIN(TestRefBackendCli)
#include "tst_refbackendcli.moc"
