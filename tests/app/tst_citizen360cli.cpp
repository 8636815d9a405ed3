// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The desktop application's command line: --version, --help, --database, --screenshot.

#include "c360version.h"
#include "common/clock.h"
#include "processrunner.h"
#include "staffaccess.h"
#include "store/database.h"
#include "store/sqlvalue.h"
#include "storetesting.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using Test::ProcessResult;
using Test::ProcessRunner;

namespace
{
QString describe(const ProcessResult &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
}
} // namespace

class TestCitizen360Cli : public QObject
{
    Q_OBJECT

    QString app() const { return ProcessRunner::binary(QStringLiteral("citizen360")); }

private Q_SLOTS:
    void version()
    {
        QTemporaryDir home;
        const ProcessResult r = ProcessRunner(home.path()).run(app(), {QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("citizen360 " C360_VERSION_STRING));
    }

    void help()
    {
        QTemporaryDir home;
        const ProcessResult r = ProcessRunner(home.path()).run(app(), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--database <file>")));
        QVERIFY(r.out.contains(QStringLiteral("--screenshot <folder>")));
        QVERIFY(r.out.contains(QStringLiteral("municipal front offices")));
    }

    void helpInFrench()
    {
        QTemporaryDir home;
        ProcessRunner runner(home.path());
        runner.setLanguage(QStringLiteral("fr"));
        const ProcessResult r = runner.run(app(), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Une vue unique du citoyen pour les guichets communaux.")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("municipal front offices")), qPrintable(r.out));
    }

    void screenshotOfANewStore()
    {
        QTemporaryDir home;
        QTemporaryDir work;
        const QString store = work.filePath(QStringLiteral("new.sqlite"));
        const QString shots = work.filePath(QStringLiteral("shots/nested"));
        const ProcessResult r = ProcessRunner(home.path()).run(app(), {QStringLiteral("--database"), store, QStringLiteral("--screenshot"), shots});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QString png = shots + QStringLiteral("/main.png");
        QCOMPARE(r.out.trimmed(), png);
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 600);
        // Not a blank canvas: a window with text has many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
        QVERIFY(QFile::exists(store));
    }

    void defaultStoreInTheUserDataFolder()
    {
        QTemporaryDir home;
        QTemporaryDir work;
        const ProcessResult r = ProcessRunner(home.path()).run(app(), {QStringLiteral("--screenshot"), work.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(QFile::exists(home.path() + QStringLiteral("/data/citizen360/citizen360.sqlite")));
    }

    void trainingModeOpensAPopulatedStore()
    {
        QTemporaryDir home;
        QTemporaryDir work;
        const ProcessResult r = ProcessRunner(home.path()).run(app(), {QStringLiteral("--training"), QStringLiteral("--screenshot"), work.path()}, 240000);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        // The walk through a new user's first steps: the window, a search, a case, the catalogue;
        // then the sign-in dialog and the audit window as the practice supervisor sees it.
        for (const char *name : {"main.png", "search.png", "case.png", "catalogue.png", "signin.png", "audit.png"}) {
            const QImage image(work.filePath(QLatin1String(name)));
            // The main window at its size; the dialogs (sign-in, audit) at theirs.
            QVERIFY2(!image.isNull() && image.width() >= (QLatin1String(name) == QLatin1String("signin.png") ? 300 : 800), name);
            QVERIFY2(r.out.contains(work.filePath(QLatin1String(name))), qPrintable(r.out));
        }
        // A store of its own, filled from the practice back end; the real store is not made.
        const QString training = home.path() + QStringLiteral("/data/citizen360/training.sqlite");
        QVERIFY(QFile::exists(training));
        QVERIFY(!QFile::exists(home.path() + QStringLiteral("/data/citizen360/citizen360.sqlite")));
        const ProcessResult status =
            ProcessRunner(home.path())
                .run(ProcessRunner::binary(QStringLiteral("citizen360-admin")), {QStringLiteral("status"), QStringLiteral("--database"), training});
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        const QJsonObject counts = QJsonDocument::fromJson(status.out.toUtf8()).object();
        for (const char *kind : {"citizens", "reports", "contact_moments", "requests", "cases", "catalogue_entries"}) {
            QVERIFY2(counts.value(QLatin1String(kind)).toInteger() > 0, qPrintable(status.out + QLatin1String(kind)));
        }
        // The tour opened a case through the audited service: search, appearances, the opening.
        QVERIFY2(counts.value(QLatin1String("audit_entries")).toInteger() >= 3, qPrintable(status.out));
        // The practice municipality's history ends today, whatever today is: open requests with
        // days left in their 30-day retention, none past it, none made in the future; reports and
        // contacts from this week.
        {
            const QDateTime now = SystemClock::instance().now();
            auto db = Database::open(training, Database::OpenMode::ReadOnly, SystemClock::instance());
            QVERIFY2(db, Test::why(db).constData());
            auto scalar = [&](const QString &sql, const QDateTime &time) {
                QSqlQuery q((*db)->connection());
                q.prepare(sql);
                q.addBindValue(Sql::fromDateTime(time));
                return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
            };
            const qint64 open = scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE status = 'open' AND expires_at > ?"), now);
            QVERIFY2(open >= 10, qPrintable(QString::number(open)));
            QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE expires_at <= ?"), now), 0);
            QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE created_at > ?"), now), 0);
            QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM reports WHERE requested_at > ?"), now.addDays(-7)) > 0);
            QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM contact_moments WHERE occurred_at > ?"), now.addDays(-7)) > 0);
            qInfo("training store made on %s: %lld open requests with days left", qPrintable(now.date().toString(Qt::ISODate)), open);
        }
        // Training mode's practice accounts, one per role, in its own store only.
        {
            auto db = Database::open(training, Database::OpenMode::ReadOnly, SystemClock::instance());
            QVERIFY2(db, Test::why(db).constData());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT role FROM staff_accounts ORDER BY role")));
            QStringList roles;
            while (q.next()) {
                roles.append(q.value(0).toString());
            }
            QCOMPARE(roles,
                     (QStringList{
                         QStringLiteral("administrator"), QStringLiteral("call_centre_agent"), QStringLiteral("counter_clerk"), QStringLiteral("supervisor")}));
        }
        // Its store is marked: no other command takes it for a real store, not even with the
        // published password of its administrator.
        QCOMPARE(counts.value(QLatin1String("training")).toBool(), true);
        ProcessRunner practice(home.path());
        practice.setInput("oefenen-citizen360\n");
        const ProcessResult users =
            practice.run(ProcessRunner::binary(QStringLiteral("citizen360-admin")),
                         {QStringLiteral("users"), QStringLiteral("--database"), training, QStringLiteral("--user"), QStringLiteral("beheerder")});
        QCOMPARE(users.exitCode, 1);
        QVERIFY2(users.err.contains(QLatin1String("is a training store")), qPrintable(describe(users)));
        const ProcessResult asReal =
            ProcessRunner(home.path()).run(app(), {QStringLiteral("--database"), training, QStringLiteral("--screenshot"), work.path()});
        QCOMPARE(asReal.exitCode, 1);
        QVERIFY2(asReal.err.contains(QLatin1String("is a training store")), qPrintable(describe(asReal)));
    }

    // Training mode makes practice accounts with a published password and syncs practice data:
    // never into a store it did not make.
    void trainingNeverTouchesAnotherStore()
    {
        QTemporaryDir home;
        QTemporaryDir work;
        const QString real = work.filePath(QStringLiteral("real.sqlite"));
        QVERIFY(!Test::storeWithAdministrator(real, home.path()).isEmpty());
        const auto digest = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
        };
        const QByteArray before = digest(real);
        ProcessResult r = ProcessRunner(home.path())
                              .run(app(), {QStringLiteral("--training"), QStringLiteral("--database"), real, QStringLiteral("--screenshot"), work.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("cannot be combined with --database")), qPrintable(describe(r)));
        QCOMPARE(digest(real), before);
        QVERIFY(!QFile::exists(work.filePath(QStringLiteral("main.png"))));
        const QString missing = work.filePath(QStringLiteral("new.sqlite"));
        r = ProcessRunner(home.path())
                .run(app(), {QStringLiteral("--training"), QStringLiteral("--database"), missing, QStringLiteral("--screenshot"), work.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(missing));

        // A real store where the training store would be is neither removed nor used.
        const QString trainingPath = home.path() + QStringLiteral("/data/citizen360/training.sqlite");
        QVERIFY(QDir().mkpath(QFileInfo(trainingPath).absolutePath()));
        QVERIFY(QFile::copy(real, trainingPath));
        r = ProcessRunner(home.path()).run(app(), {QStringLiteral("--training"), QStringLiteral("--screenshot"), work.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("is not a training store")), qPrintable(describe(r)));
        QCOMPARE(digest(trainingPath), before);
    }

    void refusesABadStoreWithoutTouchingIt()
    {
        QTemporaryDir home;
        QTemporaryDir work;
        const QString path = work.filePath(QStringLiteral("notes.txt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a database\n");
        }
        const ProcessResult r = ProcessRunner(home.path()).run(app(), {QStringLiteral("--database"), path, QStringLiteral("--screenshot"), work.path()});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY(!r.crashed);
        QVERIFY2(r.err.contains(path) && r.err.contains(QStringLiteral("not an SQLite file")), qPrintable(describe(r)));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArrayLiteral("not a database\n"));
        QVERIFY(!QFile::exists(work.filePath(QStringLiteral("main.png"))));
    }

    void screenshotFolderThatCannotBeMade()
    {
        QTemporaryDir home;
        QTemporaryDir work;
        const QString blocker = work.filePath(QStringLiteral("file"));
        {
            QFile f(blocker);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const ProcessResult r = ProcessRunner(home.path())
                                    .run(app(),
                                         {QStringLiteral("--database"),
                                          work.filePath(QStringLiteral("s.sqlite")),
                                          QStringLiteral("--screenshot"),
                                          blocker + QStringLiteral("/below")});
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("screenshot folder")), qPrintable(describe(r)));
    }
};

QTEST_GUILESS_MAIN(TestCitizen360Cli)
#include "tst_citizen360cli.moc"
