// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// citizen360-admin through its command line: the contract other tools and scripts rely on. Its
// version, help and language, usage errors, and how sync refuses or fails. init and status on
// good and bad stores: tst_adminstore.

#include "adminclitesting.h"
#include "c360version.h"
#include "processrunner.h"
#include "staffaccess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using Test::ProcessResult;
using Test::ProcessRunner;
using namespace C360::Test::AdminCli;

class TestAdminCli : public AdminCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const ProcessResult r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("citizen360-admin " C360_VERSION_STRING));
    }

    void help()
    {
        const ProcessResult r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const QString &word : {QStringLiteral("init"), QStringLiteral("status"), QStringLiteral("--database")}) {
            QVERIFY2(r.out.contains(word), qPrintable(r.out));
        }
        // Every command stands apart from its summary, the longest names too, in one column.
        qsizetype column = -1;
        for (const QString &name :
             {QStringLiteral("init"), QStringLiteral("access-report"), QStringLiteral("export-citizen"), QStringLiteral("verify-audit")}) {
            const QRegularExpression line(QStringLiteral("^  %1( {2,})\\S").arg(name), QRegularExpression::MultilineOption);
            const QRegularExpressionMatch m = line.match(r.out);
            QVERIFY2(m.hasMatch(), qPrintable(name + QLatin1Char('\n') + r.out));
            const qsizetype at = m.capturedEnd(1);
            QVERIFY2(column < 0 || at - m.capturedStart() == column, qPrintable(r.out));
            column = at - m.capturedStart();
        }
    }

    void speaksTheUsersLanguage()
    {
        QTemporaryDir dir;
        ProcessRunner runner(m_home.path());
        runner.setLanguage(QStringLiteral("nl"));
        ProcessResult r = runner.run(admin(), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Opdrachten:")), qPrintable(r.out)); // ours
        QVERIFY2(r.out.contains(QStringLiteral("Gebruik:")), qPrintable(r.out)); // Qt's own catalogue
        const QString missing = dir.filePath(QStringLiteral("ontbreekt.sqlite"));
        r = runner.run(admin(), {QStringLiteral("status"), QStringLiteral("--database"), missing});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("bestaat niet")) && r.err.contains(missing), qPrintable(describe(r)));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("no command") << QStringList() << QStringLiteral("No command given");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("--database"), QStringLiteral("x")}
                                         << QStringLiteral("Unknown command “frobnicate”");
        QTest::newRow("no database") << QStringList{QStringLiteral("status")} << QStringLiteral("needs --database");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("status"), QStringLiteral("--databse"), QStringLiteral("x")} << QStringLiteral("databse");
        QTest::newRow("extra argument") << QStringList{QStringLiteral("status"), QStringLiteral("extra"), QStringLiteral("--database"), QStringLiteral("x")}
                                        << QStringLiteral("Unexpected argument “extra”");
        const QString db = QStringLiteral("--database");
        const QString sync = QStringLiteral("sync");
        QTest::newRow("sync without a back end") << QStringList{sync, db, QStringLiteral("x")}
                                                 << QStringLiteral("needs either --backend <url> or --config <file>");
        QTest::newRow("sync with both") << QStringList{sync,
                                                       db,
                                                       QStringLiteral("x"),
                                                       QStringLiteral("--backend"),
                                                       QStringLiteral("http://127.0.0.1:1"),
                                                       QStringLiteral("--config"),
                                                       QStringLiteral("c.json")}
                                        << QStringLiteral("needs either --backend <url> or --config <file>");
        QTest::newRow("sync to ftp") << QStringList{sync, db, QStringLiteral("x"), QStringLiteral("--backend"), QStringLiteral("ftp://127.0.0.1/")}
                                     << QStringLiteral("“ftp://127.0.0.1/” is not an http(s) URL.");
        QTest::newRow("sync, missing configuration")
            << QStringList{sync, db, QStringLiteral("x"), QStringLiteral("--config"), QStringLiteral("/nonexistent/c.json")}
            << QStringLiteral("Cannot read the configuration file /nonexistent/c.json");
        QTest::newRow("sync, a confirmation that names no resource")
            << QStringList{sync,
                           db,
                           QStringLiteral("x"),
                           QStringLiteral("--backend"),
                           QStringLiteral("http://127.0.0.1:1"),
                           QStringLiteral("--confirm-deletions"),
                           QStringLiteral("partijen")}
            << QStringLiteral("--confirm-deletions names one resource as SOURCE/RESOURCE, such as openklant/partijen, not “partijen”");
        // Every user of the machine can read a command line.
        QTest::newRow("a token on the command line") << QStringList{sync,
                                                                    db,
                                                                    QStringLiteral("x"),
                                                                    QStringLiteral("--backend"),
                                                                    QStringLiteral("http://127.0.0.1:1"),
                                                                    QStringLiteral("--token"),
                                                                    QStringLiteral("geheim")}
                                                     << QStringLiteral("C360_SECRET_REFERENCE");
    }

    // Only init makes a store, with its administrator: a sync into a missing one is refused and
    // makes nothing (a store filled by sync with no account would go to whoever starts it first).
    void syncNeverMakesAStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.sqlite"));
        const QString credentials = Test::writeCredentials(m_home.path(), QStringLiteral("beheer"));
        const ProcessResult r = runAs(credentials,
                                      {QStringLiteral("sync"),
                                       QStringLiteral("--database"),
                                       path,
                                       QStringLiteral("--backend"),
                                       QStringLiteral("http://127.0.0.1:1"),
                                       QStringLiteral("--once")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")) && r.err.contains(QStringLiteral("--admin")), qPrintable(describe(r)));
        QVERIFY(!QFile::exists(path));
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const ProcessResult r = run(arguments);
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(says), qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
    }

    void syncRefusesABadConfiguration_data()
    {
        QTest::addColumn<QByteArray>("configuration");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown dialect") << QByteArrayLiteral(
                                                "{\"sources\": [{\"id\": \"open311\", \"dialect\": \"gopher\", \"base_url\": \"http://127.0.0.1:1/\"}]}")
                                         << QStringList() << QStringLiteral("cannot be used");
        QTest::newRow("unknown resource") << QByteArrayLiteral("{\"sources\": [{\"id\": \"meldingen\", \"dialect\": \"open311\", \"base_url\": "
                                                               "\"http://127.0.0.1:1/\", \"resources\": [\"request\"]}]}")
                                          << QStringList() << QStringLiteral("unknown resource \"request\" for open311 (requests)");
        QTest::newRow("confirming a resource not synced")
            << QByteArrayLiteral("{\"sources\": [{\"id\": \"meldingen\", \"dialect\": \"open311\", \"base_url\": \"http://127.0.0.1:1/\"}]}")
            << QStringList{QStringLiteral("--confirm-deletions"), QStringLiteral("openklant/partijen")}
            << QStringLiteral("--confirm-deletions: no source of this configuration syncs “openklant/partijen”");
    }

    void syncRefusesABadConfiguration()
    {
        QFETCH(QByteArray, configuration);
        QFETCH(QStringList, extra);
        QFETCH(QString, says);
        const QString config = m_home.filePath(QStringLiteral("sources.json"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(configuration);
        f.close();
        const QString store = m_home.filePath(QStringLiteral("refused.sqlite"));
        const ProcessResult r = run(QStringList{QStringLiteral("sync"), QStringLiteral("--database"), store, QStringLiteral("--config"), config} + extra);
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(says), qPrintable(describe(r)));
        QVERIFY(!QFile::exists(store)); // refused before anything was done
    }

    // A token that is nowhere: the message names the keychain entry and the environment variable
    // that would hold it.
    void syncWithoutASecretSaysWhereToPutIt()
    {
        const QString config = m_home.filePath(QStringLiteral("secret.json"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"sources\": [{\"id\": \"kcc\", \"dialect\": \"klantinteracties\", \"base_url\": \"http://127.0.0.1:1/api/v1/\", \"auth\": \"token\", "
                "\"secret\": \"kcc-gent\"}]}");
        f.close();
        const QString store = m_home.filePath(QStringLiteral("secret.sqlite"));
        const QString credentials = Test::storeWithAdministrator(store, m_home.path());
        QVERIFY(!credentials.isEmpty());
        const ProcessResult r =
            runAs(credentials, {QStringLiteral("sync"), QStringLiteral("--database"), store, QStringLiteral("--config"), config, QStringLiteral("--once")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("“kcc-gent” of the service “citizen360”")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("C360_SECRET_KCC_GENT")), qPrintable(describe(r)));
        QVERIFY2(!r.err.contains(QLatin1String("Unknown error")), qPrintable(describe(r)));
    }

    void syncWithAnUnreachableBackEnd()
    {
        // Nothing listens on port 1: every source fails, the summary says so.
        const QString store = m_home.filePath(QStringLiteral("unreachable.sqlite"));
        const QString credentials = Test::storeWithAdministrator(store, m_home.path());
        QVERIFY(!credentials.isEmpty());
        const ProcessResult r = runAs(credentials,
                                      {QStringLiteral("sync"),
                                       QStringLiteral("--database"),
                                       store,
                                       QStringLiteral("--backend"),
                                       QStringLiteral("http://127.0.0.1:1"),
                                       QStringLiteral("--once")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QJsonObject summary = lastJsonLine(r.out);
        QCOMPARE(summary.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonObject resources = summary.value(QStringLiteral("resources")).toObject();
        QVERIFY2(resources.contains(QLatin1String("open311/requests")), qPrintable(describe(r)));
        for (auto it = resources.begin(); it != resources.end(); ++it) {
            QCOMPARE(it.value().toObject().value(QStringLiteral("error")).toString(), QStringLiteral("network"));
            QCOMPARE(it.value().toObject().value(QStringLiteral("inserted")).toInt(-1), 0);
        }
        QVERIFY2(r.err.contains(QLatin1String("Cannot reach the reports server.")), qPrintable(describe(r)));
        QVERIFY(QFile::exists(store));

        // What the sync panel shows, for an administrator without a display: in status.
        const ProcessResult status = run({QStringLiteral("status"), QStringLiteral("--database"), store});
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        const QJsonObject sync = lastJsonLine(status.out).value(QStringLiteral("sync")).toObject();
        const QJsonObject requests = sync.value(QStringLiteral("open311/requests")).toObject();
        QCOMPARE(requests.value(QStringLiteral("problem")).toString(), QStringLiteral("network"));
        QVERIFY2(requests.value(QStringLiteral("message")).toString().contains(QLatin1String("Cannot reach the reports server.")), qPrintable(status.out));
        QVERIFY2(status.err.contains(QLatin1String("open311/requests: Cannot reach the reports server.")), qPrintable(describe(status)));
    }
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
