// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// bench/run's harness (c360-bench) on a small municipality: it makes the store, measures every
// path against its baseline, prints the table and writes the JSON the issue asks for; a second
// run reuses the store. The figures themselves are not checked (timings are not tests), only
// that each is there, and that the search found the same citizens as its baseline.
// As tst_benchrun_pg (C360_TEST_ENGINE=postgresql), with --database on a fresh database of the
// tests' PostgreSQL server: the store is copied into it, and the baselines are libpq's.

#include "processrunner.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace C360::Test;
using namespace Qt::StringLiterals;

class TestBenchRun : public QObject
{
    Q_OBJECT

    static QString describe(const ProcessResult &r) { return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(r.exitCode).arg(r.out, r.err.right(4000)); }

private Q_SLOTS:
    void tableAndJson()
    {
        QTemporaryDir home;
        QTemporaryDir work;
        const QString json = work.filePath(u"bench.json"_s);
        QStringList args = {
            u"--citizens"_s, u"300"_s, u"--audit-entries"_s, u"5000"_s, u"--samples"_s, u"60"_s, u"--data"_s, work.filePath(u"data"_s), u"--json"_s, json};
        const bool server = TempStore::onServer();
        TempStore database; // on the server: an empty database of its own
        if (server) {
            args << u"--database"_s << database.path();
        }
        const ProcessResult first = ProcessRunner(home.path()).run(ProcessRunner::binary(u"c360-bench"_s), args, 280000);
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        QVERIFY(first.err.contains(u"making the store of 300 citizens"_s));

        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
        const QStringList names = {
            u"case_open"_s, u"search_keystroke"_s, u"audit_append"_s, u"audit_verify"_s, u"sync_ingest"_s, u"ui_stall"_s, u"cold_start"_s};
        QCOMPARE(rows.size(), names.size());
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows.at(i).toObject();
            QCOMPARE(row.value(u"name"_s).toString(), names.at(i));
            for (const char *key : {"p50_ms", "p99_ms", "throughput", "baseline", "ratio", "rss_mb", "goal", "pass"}) {
                QVERIFY2(row.contains(QLatin1String(key)), key);
            }
            QVERIFY(row.value(u"pass"_s).isBool());
            QVERIFY(!row.value(u"goal"_s).toString().isEmpty());
            QVERIFY2(row.value(u"rss_mb"_s).toDouble() > 0, qPrintable(names.at(i)));
            const bool timed = row.value(u"p50_ms"_s).isDouble();
            const bool rated = row.value(u"throughput"_s).isDouble();
            QVERIFY2(timed != rated, qPrintable(names.at(i))); // one or the other
            if (timed) {
                QVERIFY(row.value(u"p50_ms"_s).toDouble() > 0);
                QVERIFY(row.value(u"p99_ms"_s).toDouble() >= row.value(u"p50_ms"_s).toDouble());
            } else {
                QVERIFY(row.value(u"throughput"_s).toDouble() > 0);
            }
            if (names.at(i) != u"ui_stall"_s) { // the only one without a baseline
                QVERIFY2(row.value(u"baseline"_s).toDouble() > 0, qPrintable(names.at(i)));
                QVERIFY2(row.value(u"ratio"_s).toDouble() > 0, qPrintable(names.at(i)));
            }
            // The table has the row, with its verdict.
            const QString line = first.out.split(u'\n').filter(QRegularExpression(u"^"_s + names.at(i) + u" "_s)).value(0);
            QVERIFY2(line.endsWith(u"PASS"_s) || line.endsWith(u"MISS"_s), qPrintable(first.out));
            QCOMPARE(line.endsWith(u"PASS"_s), row.value(u"pass"_s).toBool());
        }
        // The product's search and its baseline found the same citizens for every keystroke.
        QVERIFY2(first.out.contains(u", 0 with other ids than the baseline"_s), qPrintable(first.out));
        QVERIFY2(first.out.contains(u"300 residents"_s), qPrintable(first.out)); // sync_ingest: at most N

        // Again: the store is reused, not made.
        const ProcessResult second = ProcessRunner(home.path()).run(ProcessRunner::binary(u"c360-bench"_s), args, 280000);
        QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
        QVERIFY(!second.err.contains(u"making the store"_s));
        QCOMPARE(first.err.contains(u"copying the store"_s), server);
        QVERIFY(!second.err.contains(u"copying the store"_s));
        QVERIFY2(first.out.contains(server ? u", PostgreSQL"_s : u", SQLite"_s), qPrintable(first.out));
    }
};

QTEST_MAIN(TestBenchRun)
#include "tst_benchrun.moc"
