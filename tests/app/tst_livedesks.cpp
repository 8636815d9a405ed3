// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Two workstations on one shared store, each a citizen360 process signed in as its clerk's own
// login (--automation drives them): a contact registered at one desk shows in the other desk's open
// case, and a request assigned to the other clerk shows in their worklist and raises their
// notification, within one second, announced by the store (LISTEN/NOTIFY), never polled.

#include "processrunner.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace C360::Test;
using namespace Qt::StringLiterals;

namespace
{
// The goal of the issue: what one desk does shows at the other within a second.
constexpr int LiveMs = 1000;

// One desk: the application, and the lines it said.
class Desk
{
public:
    Desk(const QString &home, const QString &store)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"LANGUAGE"_s, u"en"_s);
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(ProcessRunner::binary(u"citizen360"_s), {u"--database"_s, store, u"--automation"_s});
    }
    ~Desk()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.write("quit\n");
            m_process.closeWriteChannel();
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }

    void say(const QByteArray &line) { m_process.write(line + '\n'); }

    // The next line that starts with prefix, waited for at most ms (lines before it are read);
    // empty when none came.
    QString waitFor(const QString &prefix, int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            while (m_process.canReadLine()) {
                const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
                m_said.append(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            const qint64 left = ms - timer.elapsed();
            if (left <= 0 || m_process.state() == QProcess::NotRunning || !m_process.waitForReadyRead(int(left))) {
                if (!m_process.canReadLine()) {
                    return {};
                }
            }
        }
    }
    QString said() const { return m_said.join(u" | "_s); }

private:
    QProcess m_process;
    QStringList m_said;
};
} // namespace

class TestLiveDesks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<TempStore> m_store;
    QString m_suffix;

    QString login(const QString &who) const { return who + m_suffix; }
    QString as(const QString &who) const
    {
        QString uri = m_store->path();
        return uri.replace(u"//c360@"_s, u"//%1@"_s.arg(login(who)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TempStore::onServer(), "a PostgreSQL test: run it through ctest (fixture postgres)");
        QVERIFY(m_home.isValid());
        m_suffix = u"_%1"_s.arg(QCoreApplication::applicationPid());
        m_store = std::make_unique<TempStore>();
        m_store->open();
        QVERIFY(m_store->isOpen());
        QStringList setup;
        for (const QString &who : {u"an"_s, u"bert"_s}) {
            setup << u"DROP ROLE IF EXISTS %1"_s.arg(login(who)) << u"CREATE ROLE %1 LOGIN IN ROLE c360_counter_clerk"_s.arg(login(who))
                  << u"INSERT INTO staff_accounts (username, display_name, role, team, password_hash, disabled, created_at, password_changed_at) "
                     "VALUES ('%1', '%1', 'counter_clerk', 'Balie', '', 0, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z')"_s.arg(login(who));
        }
        const QString expires = QDateTime::currentDateTimeUtc().addDays(20).toString(Qt::ISODateWithMs);
        setup << u"INSERT INTO audit_chain_key (id, key) VALUES (1, '\\x%1')"_s.arg(QString::fromLatin1(QByteArray(32, 'l').toHex()))
              << u"INSERT INTO citizens (id, given_names, family_name, search_names, birth_date, updated_at) VALUES (1, 'Lotte', 'Peeters', "
                 "'lotte peeters', '1984-05-02', '2026-01-01T00:00:00.000Z')"_s
              << u"INSERT INTO requests (id, citizen_id, question, status, created_at, expires_at) VALUES (2, 1, 'Wanneer komt de nieuwe "
                 "identiteitskaart?', 'open', '2026-01-01T00:00:00.000Z', '%1')"_s.arg(expires);
        QVERIFY(Test::runOnStore(m_store->path(), setup));
    }

    void cleanupTestCase()
    {
        if (!m_store) {
            return;
        }
        m_store.reset();
        QVERIFY(Test::runOnStore(TempStore::serverUri(), {u"DROP ROLE IF EXISTS %1"_s.arg(login(u"an"_s)), u"DROP ROLE IF EXISTS %1"_s.arg(login(u"bert"_s))}));
    }

    void whatOneDeskDoesShowsAtTheOther()
    {
        Desk an(m_home.filePath(u"an"_s), as(u"an"_s));
        Desk bert(m_home.filePath(u"bert"_s), as(u"bert"_s));
        QVERIFY2(!an.waitFor(u"ready"_s, 60000).isEmpty(), qPrintable(an.said()));
        QVERIFY2(!bert.waitFor(u"ready"_s, 60000).isEmpty(), qPrintable(bert.said()));
        bert.say("open 1 counter_visit");
        QCOMPARE(bert.waitFor(u"opened"_s, 30000), u"opened 1 contacts 0 requests 1"_s);
        an.say("open 1 phone_call");
        QCOMPARE(an.waitFor(u"opened"_s, 30000), u"opened 1 contacts 0 requests 1"_s);
        const qint64 bertsReadings =
            Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE actor = '%1' AND action = 'profile_opened'"_s.arg(login(u"bert"_s)));

        // An registers a contact: Bert's open case shows it.
        an.say("contact Parkeerkaart");
        QVERIFY2(an.waitFor(u"done contact"_s, 30000).startsWith(u"done contact"_s), qPrintable(an.said()));
        QElapsedTimer sinceCommit;
        sinceCommit.start();
        const QString shown = bert.waitFor(u"case contacts 1"_s, LiveMs);
        const qint64 caseMs = sinceCommit.elapsed();
        QVERIFY2(!shown.isEmpty(), qPrintable(bert.said()));
        qInfo("the contact showed at the other desk after %lld ms", caseMs);
        // Read again through the audited path, under Bert's own name.
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE actor = '%1' AND action = 'profile_opened'"_s.arg(login(u"bert"_s))),
                 bertsReadings + 1);

        // An assigns the request to Bert: his worklist has it, and he is told.
        an.say(u"assign 2 %1"_s.arg(login(u"bert"_s)).toUtf8());
        QCOMPARE(an.waitFor(u"done assign"_s, 30000), u"done assign 2"_s);
        sinceCommit.restart();
        const QString notified = bert.waitFor(u"notified"_s, LiveMs);
        QCOMPARE(notified, u"notified 2"_s);
        QVERIFY2(!bert.waitFor(u"worklist 1"_s, int(std::max<qint64>(LiveMs - sinceCommit.elapsed(), 1))).isEmpty(), qPrintable(bert.said()));
        qInfo("the assignment showed at the other desk after %lld ms", sinceCommit.elapsed());
        // An did it herself: she is not told, and her window, which showed her changes as she made
        // them, did not read her case again for them.
        QVERIFY2(!an.said().contains(u"notified"_s), qPrintable(an.said()));
        QVERIFY2(!an.said().contains(u"case contacts"_s), qPrintable(an.said()));
    }
};

QTEST_GUILESS_MAIN(TestLiveDesks)
#include "tst_livedesks.moc"
