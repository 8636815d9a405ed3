// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// bench/run's harness (c360-bench) on a small municipality: it makes the store, measures every
// path against its baseline, prints the table and writes the JSON the issue asks for; a second
// run reuses the store. The figures themselves are not checked (timings are not tests), only
// that each is there, and that the search found the same citizens as its baseline.
// As tst_benchrun_pg (C360_TEST_ENGINE=postgresql), with --database on a fresh database of the
// tests' PostgreSQL server: the store is copied into it, and the baselines are libpq's; there the
// sessions path runs too (staff at work at once, each their own login), its pace sped up, and
// its audit log must hold every entry its sessions caused. On SQLite it is refused.

#include "processrunner.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

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
        QTemporaryDir &work = *m_work;
        const QString json = work.filePath(u"bench.json"_s);
        QStringList args = {
            u"--citizens"_s, u"300"_s, u"--audit-entries"_s, u"5000"_s, u"--samples"_s, u"60"_s, u"--data"_s, work.filePath(u"data"_s), u"--json"_s, json};
        const bool server = TempStore::onServer();
        m_store = std::make_unique<TempStore>(); // on the server: an empty database of its own
        const TempStore &database = *m_store;
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
        m_made = true;
    }

    // Staff at work at once (--sessions), each signed in as their own login of the server, on the
    // store tableAndJson() made: every call a session made left its audit entries under that
    // session's own login, the chain is intact, and the table says so.
    void sessions()
    {
        QTemporaryDir home;
        QVERIFY2(m_made, "tableAndJson made no store");
        const QString json = m_work->filePath(u"sessions.json"_s);
        QStringList args = {u"--citizens"_s,
                            u"300"_s,
                            u"--audit-entries"_s,
                            u"5000"_s,
                            u"--data"_s,
                            m_work->filePath(u"data"_s),
                            u"--json"_s,
                            json,
                            u"--sessions"_s,
                            u"3,5"_s,
                            u"--minutes"_s,
                            u"3"_s,
                            u"--minute-seconds"_s,
                            u"2"_s};
        // A number of sessions that is none is refused, saying which.
        const ProcessResult bad = ProcessRunner(home.path())
                                      .run(ProcessRunner::binary(u"c360-bench"_s),
                                           {u"--citizens"_s,
                                            u"300"_s,
                                            u"--data"_s,
                                            m_work->filePath(u"data"_s),
                                            u"--sessions"_s,
                                            u"two"_s,
                                            u"--database"_s,
                                            u"postgresql://nobody@127.0.0.1:1/none"_s},
                                           60000);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"--sessions: two is no number of sessions"_s), qPrintable(describe(bad)));
        if (!TempStore::onServer()) {
            // A desk's file has no logins of a server: the path is refused, saying why.
            const ProcessResult refused = ProcessRunner(home.path()).run(ProcessRunner::binary(u"c360-bench"_s), args, 60000);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(u"--database postgresql://"_s), qPrintable(describe(refused)));
            return;
        }
        args << u"--database"_s << m_store->path();
        const ProcessResult run = ProcessRunner(home.path()).run(ProcessRunner::binary(u"c360-bench"_s), args, 280000);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(file.readAll()).array();
        const QStringList names = {
            u"sessions_sign_in"_s, u"sessions_keystroke"_s, u"sessions_case_open"_s, u"sessions_contact"_s, u"sessions_audit"_s, u"sessions_server"_s};
        QCOMPARE(rows.size(), 2 * names.size());
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows.at(i).toObject();
            QCOMPARE(row.value(u"name"_s).toString(), names.at(i % names.size()));
            QCOMPARE(row.value(u"sessions"_s).toInt(), i < names.size() ? 3 : 5);
        }
        for (int count : {3, 5}) {
            const auto note = [&](const QString &name) {
                const QString prefix = u"  %1@%2: "_s.arg(name).arg(count);
                return run.out.split(u'\n').filter(QRegularExpression(u"^"_s + QRegularExpression::escape(prefix))).value(0);
            };
            QVERIFY2(note(u"sessions_sign_in"_s).contains(u"%1 of %1 signed in"_s.arg(count)), qPrintable(run.out));
            QVERIFY2(note(u"sessions_sign_in"_s).contains(u"%1 connections of the server's"_s.arg(count)), qPrintable(run.out));
            for (const QString &path : {u"sessions_keystroke"_s, u"sessions_case_open"_s}) {
                QVERIFY2(note(path).contains(u" calls, 0 errors"_s), qPrintable(run.out));
            }
            // What the sessions did, entry for entry in the log under their own logins.
            const QRegularExpressionMatch audit =
                QRegularExpression(
                    u"expected (\\d+) entries, found (\\d+) \\(search (\\d+)/(\\d+), search_result_shown (\\d+)/(\\d+), profile_opened (\\d+)/(\\d+), "
                    "change (\\d+)/(\\d+)\\); contacts (\\d+)/(\\d+) in the store; 0 lost, 0 more than expected; chain intact"_s)
                    .match(note(u"sessions_audit"_s));
            QVERIFY2(audit.hasMatch(), qPrintable(run.out));
            for (int pair = 1; pair <= 11; pair += 2) {
                QCOMPARE(audit.captured(pair + 1), audit.captured(pair));
            }
            QVERIFY(audit.captured(3).toInt() > 0); // searches made
            QVERIFY(audit.captured(7).toInt() > 0); // cases opened
        }
        // The rows' verdicts are in the table.
        QVERIFY2(run.out.contains(QRegularExpression(u"^sessions_audit@5 .* (PASS|MISS)$"_s, QRegularExpression::MultilineOption)), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"the largest number of sessions that met the goal in this run: "_s), qPrintable(run.out));
    }

private:
    // tableAndJson's store (and, on the server, its database), which sessions() measures again.
    std::unique_ptr<QTemporaryDir> m_work = std::make_unique<QTemporaryDir>();
    std::unique_ptr<TempStore> m_store;
    bool m_made = false;
};

QTEST_MAIN(TestBenchRun)
#include "tst_benchrun.moc"
