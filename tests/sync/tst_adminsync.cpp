// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// `citizen360-admin sync` against the reference back end with 10,000 residents (C360_TEST_CITIZENS): a full sync ends
// with the back end's counts, a second one changes nothing, and a sync killed with SIGKILL and
// started again converges to the same store as one that was never interrupted.

#include "common/clock.h"
#include "httpclient.h"
#include "population/dataset.h"
#include "processrunner.h"
#include "request.h"
#include "server/referencebackend.h"
#include "staffaccess.h"
#include "store/database.h"
#include "store/retentionpolicy.h"
#include "store/sqlvalue.h"
#include "store/storestatistics.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace C360;

namespace
{
// 10,000 as the issue asks; C360_TEST_CITIZENS sets another number for a quicker run by hand.
const quint32 Citizens = qEnvironmentVariableIsSet("C360_TEST_CITIZENS") ? quint32(qEnvironmentVariableIntValue("C360_TEST_CITIZENS")) : 10000;
} // namespace

class TestAdminSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<Ref::ReferenceBackend> m_backend;
    QNetworkAccessManager m_network;
    QJsonObject m_stats;
    QMap<QString, QByteArray> m_reference; // table → digest of an uninterrupted sync

    std::map<QString, std::unique_ptr<Test::TempStore>> m_serverStores; // tst_adminsync_pg: a database per store

    // The store called name: a file in the test's home, or (on PostgreSQL) a database of its own.
    QString storePath(const QString &name)
    {
        if (!Test::TempStore::onServer()) {
            return m_home.filePath(name + QStringLiteral(".sqlite"));
        }
        auto &store = m_serverStores[name];
        if (!store) {
            store = std::make_unique<Test::TempStore>();
        }
        return store->path();
    }

    std::unique_ptr<QProcess> startSync(const QString &database)
    {
        // The back end's tasks go back years: kept all, the store holds what it has.
        if (!Test::setRetentionDays(database, RetentionPolicy::MaximumDays)) {
            qWarning("cannot set the store's retention");
        }
        const QString credentials = Test::storeWithAdministrator(database, m_home.path());
        if (credentials.isEmpty()) {
            qWarning("cannot make the store's administrator");
        }
        auto p = std::make_unique<QProcess>();
        // The test's own environment (a clock moved with libfaketime reaches the child too).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("C360_CREDENTIALS"), credentials);
        p->setProcessEnvironment(env);
        p->start(Test::ProcessRunner::binary(QStringLiteral("citizen360-admin")),
                 {QStringLiteral("sync"),
                  QStringLiteral("--database"),
                  database,
                  QStringLiteral("--backend"),
                  m_backend->baseUrl().toString(),
                  QStringLiteral("--once")});
        if (!p->waitForStarted()) {
            qWarning("cannot start citizen360-admin: %s", qPrintable(p->errorString()));
        }
        return p;
    }

    // Waits on the event loop (the in-process back end answers on it); the summary line.
    QJsonObject finish(QProcess &p, QString *err = nullptr)
    {
        QSignalSpy finished(&p, &QProcess::finished);
        if (p.state() != QProcess::NotRunning && !finished.wait(600000)) {
            qWarning("citizen360-admin sync did not finish");
            return {};
        }
        const QString errText = QString::fromUtf8(p.readAllStandardError());
        if (err) {
            *err = errText;
        }
        const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("exit %d: %s", p.exitCode(), qPrintable(errText.right(2000)));
        }
        return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
    }

    static qint64 total(const QJsonObject &summary, const QString &what)
    {
        qint64 n = 0;
        const QJsonObject resources = summary.value(QStringLiteral("resources")).toObject();
        for (auto it = resources.begin(); it != resources.end(); ++it) {
            n += it.value().toObject().value(what).toInteger();
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        Ref::ReferenceBackend::Options o;
        o.seed = 2026;
        o.citizens = Citizens;
        m_backend = std::make_unique<Ref::ReferenceBackend>(o);
        QVERIFY(m_backend->listen(0) != 0);
        const Test::HttpAnswer stats = Test::http(m_network, "GET", QUrl(m_backend->baseUrl().toString() + QStringLiteral("/admin/stats")), {}, {}, 30000);
        QVERIFY(stats.finished);
        m_stats = stats.json();
        QCOMPARE(m_stats.value(QStringLiteral("citizens")).toInteger(), qint64(Citizens));
    }

    void fullSyncMatchesTheBackEnd()
    {
        auto p = startSync(storePath(QStringLiteral("full")));
        QCOMPARE(p->state(), QProcess::Running);
        QString err;
        const QJsonObject summary = finish(*p, &err);
        QCOMPARE(p->exitCode(), 0);
        QVERIFY2(summary.value(QStringLiteral("ok")).toBool(), QJsonDocument(summary).toJson().constData());
        QCOMPARE(total(summary, QStringLiteral("skipped")), 0);
        QVERIFY2(err.contains(QLatin1String("Synchronising")), qPrintable(err));

        auto db = Database::open(storePath(QStringLiteral("full")), Database::OpenMode::ReadOnly, SystemClock::instance());
        QVERIFY2(db, Test::why(db).constData());
        const auto held = StoreStatistics::collect(**db);
        QVERIFY(held);
        const QJsonObject counts = held->toJson();
        for (const QString &key : {QStringLiteral("citizens"),
                                   QStringLiteral("reports"),
                                   QStringLiteral("contact_moments"),
                                   QStringLiteral("requests"),
                                   QStringLiteral("cases"),
                                   QStringLiteral("catalogue_entries")}) {
            QCOMPARE(counts.value(key).toInteger(), m_stats.value(key).toInteger());
        }

        // The cases (ZGW): every status, every case its citizen's, each named by the catalogue, its
        // current status its latest; a sample compared field by field with the case system's.
        const Ref::DataSet &cases = m_backend->data();
        QVERIFY(m_stats.value(QStringLiteral("cases")).toInteger() > qint64(Citizens) / 4);
        QCOMPARE(qint64(Test::rowCount(**db, QStringLiteral("case_statuses"))), m_stats.value(QStringLiteral("case_statuses")).toInteger());
        QCOMPARE(Test::rowCount(**db, QStringLiteral("cases WHERE citizen_id IS NULL OR type_name = '' OR status_name = ''")), 0);
        for (quint64 index = 0; index < cases.caseCount(); index += cases.caseCount() / 7 + 1) {
            const Ref::CaseRecord c = cases.caseRecord(index);
            const Ref::Person person = cases.person(c.citizen);
            QSqlQuery row((*db)->connection());
            row.prepare(QStringLiteral("SELECT k.type_name, k.status_name, k.status_set_at, k.started_on, k.deadline_on, k.ended_on, i.value, "
                                       "(SELECT COUNT(*) FROM case_statuses s WHERE s.case_id = k.id) FROM cases k JOIN citizen_identifiers i ON "
                                       "i.citizen_id = k.citizen_id WHERE k.identification = ?"));
            row.addBindValue(c.identification);
            QVERIFY(row.exec());
            QVERIFY2(row.next(), qPrintable(c.identification));
            const Ref::CaseTypeRecord &type = cases.caseTypes().at(c.type);
            QCOMPARE(row.value(0).toString(), type.description);
            QCOMPARE(row.value(1).toString(), type.statuses.at(c.statuses.constLast().number));
            QCOMPARE(Sql::toDateTime(row.value(2)), c.statuses.constLast().set);
            QCOMPARE(Sql::toDate(row.value(3)), c.start);
            QCOMPARE(Sql::toDate(row.value(4)), c.deadline);
            QCOMPARE(Sql::toDate(row.value(5)), c.end);
            QCOMPARE(row.value(6).toString(), person.identifier);
            QCOMPARE(row.value(7).toLongLong(), qint64(c.statuses.size()));
        }

        // The history ends today, by this process's clock and the child's: the back end's open
        // tasks of the last 30 days are here, open, with days left in a 30-day retention.
        const QDateTime now = SystemClock::instance().now();
        const QDateTime monthAgo = now.addDays(-Request::DefaultRetentionDays);
        const Ref::DataSet &data = m_backend->data();
        qint64 recentOpenTasks = 0;
        for (quint64 i = 0; i < data.taskCount(); ++i) {
            const Ref::TaskRecord t = data.task(i);
            recentOpenTasks += !t.done && t.assigned > monthAgo && !data.isDeleted(t.citizen) ? 1 : 0;
        }
        QVERIFY2(recentOpenTasks >= 20, qPrintable(QString::number(recentOpenTasks)));
        QSqlQuery recent((*db)->connection());
        recent.prepare(QStringLiteral("SELECT COUNT(*), MAX(created_at) FROM requests WHERE status = 'open' AND created_at > ?"));
        recent.addBindValue(Sql::fromDateTime(monthAgo));
        QVERIFY(recent.exec() && recent.next());
        QCOMPARE(recent.value(0).toLongLong(), recentOpenTasks);
        QVERIFY2(Sql::toDateTime(recent.value(1)) < now, qPrintable(recent.value(1).toString()));
        db->reset();
        m_reference = Test::contentDigests(storePath(QStringLiteral("full")));
        QCOMPARE(m_reference.size(), Test::contentTables().size());
    }

    void secondSyncChangesNothing()
    {
        QVERIFY(!m_reference.isEmpty());
        auto p = startSync(storePath(QStringLiteral("full")));
        const QJsonObject summary = finish(*p);
        QCOMPARE(p->exitCode(), 0);
        QCOMPARE(total(summary, QStringLiteral("inserted")) + total(summary, QStringLiteral("updated")) + total(summary, QStringLiteral("deleted")), 0);
        QCOMPARE(Test::contentDigests(storePath(QStringLiteral("full"))), m_reference);
    }

    void killedSyncConverges_data()
    {
        QTest::addColumn<int>("killAtResource");
        // Killed as the n-th resource starts (its progress line on stderr): in the middle of the
        // parties' full crawl, and in the middle of the reports.
        QTest::newRow("second resource") << 2;
        QTest::newRow("fourth resource") << 4;
    }

    void killedSyncConverges()
    {
        QFETCH(int, killAtResource);
        QVERIFY(!m_reference.isEmpty());
        const QString path = storePath(QStringLiteral("killed-%1").arg(killAtResource));
        auto p = startSync(path);
        int lines = 0;
        QByteArray progress;
        connect(p.get(), &QProcess::readyReadStandardError, this, [&] {
            progress += p->readAllStandardError();
            lines = int(progress.count("Synchronising"));
            if (lines >= killAtResource && p->state() == QProcess::Running) {
                p->kill(); // SIGKILL: no clean-up, no last commit
            }
        });
        QSignalSpy finished(p.get(), &QProcess::finished);
        QVERIFY(finished.wait(600000));
        QCOMPARE(p->exitStatus(), QProcess::CrashExit);
        p.reset();

        auto again = startSync(path);
        const QJsonObject summary = finish(*again);
        QCOMPARE(again->exitCode(), 0);
        QVERIFY(summary.value(QStringLiteral("ok")).toBool());
        const QMap<QString, QByteArray> resumed = Test::contentDigests(path);
        for (auto it = m_reference.begin(); it != m_reference.end(); ++it) {
            QVERIFY2(resumed.value(it.key()) == it.value(), qPrintable(it.key() + QLatin1Char(' ') + QString::fromLatin1(resumed.value(it.key()))));
        }
    }
};

QTEST_GUILESS_MAIN(TestAdminSync)
#include "tst_adminsync.moc"
