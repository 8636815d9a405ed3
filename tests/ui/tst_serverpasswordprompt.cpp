// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The application's password dialog for a store on a PostgreSQL server (scram-sha-256 for the
// role c360_password on the tests' server): asked with the server and user named, asked again with
// the server's refusal when wrong, kept in the keychain once it worked and used from there the
// next time without a dialog, asked again when the kept one no longer works; a cancel opens nothing.

#include "privacy/secretstore.h"
#include "serverpasswordprompt.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QString RightPassword = u"c360-test-password"_s;

// The address of database on the test server, as the role c360_password.
QString passwordUri(const QString &database)
{
    QString uri = Test::TempStore::serverUri();
    uri.truncate(uri.lastIndexOf(u'/') + 1);
    return uri.replace(u"//c360@"_s, u"//c360_password@"_s) + database;
}
} // namespace

class TestServerPasswordPrompt : public QObject
{
    Q_OBJECT

    QString m_database;
    QString m_name;
    ManualClock m_clock{Test::TempStore::defaultStart()};
    QStringList m_labels; // of the dialogs answered, in order

    bool m_echoedPassword = false; // a dialog showed what was typed

    // Answers the next password dialogs with answers, in order (an empty one: Cancel), each once it
    // is the window that waits (a timer looks every 10 ms, in whichever event loop runs).
    void answerDialogs(const QStringList &answers)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [this, timer, answers = QStringList(answers)]() mutable {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible() || dialog->property("answered").toBool() || answers.isEmpty()) {
                return;
            }
            dialog->setProperty("answered", true);
            m_labels.append(dialog->labelText());
            m_echoedPassword = m_echoedPassword || dialog->textEchoMode() != QLineEdit::Password;
            const QString answer = answers.takeFirst();
            if (answers.isEmpty()) {
                timer->deleteLater();
            }
            if (answer.isEmpty()) {
                dialog->reject();
            } else {
                dialog->setTextValue(answer);
                dialog->accept();
            }
        });
        timer->start();
    }

    ServerPasswordPrompt::Opened firstAttempt() { return Database::open(m_name, Database::OpenMode::Create, m_clock); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!Test::TempStore::serverUri().isEmpty(), "no test server: run through ctest (fixture postgres)");
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent");
        m_database = u"c360_prompt_%1"_s.arg(QCoreApplication::applicationPid());
        QVERIFY(Test::runOnStore(Test::TempStore::serverUri(), {u"CREATE DATABASE %1 OWNER c360_password"_s.arg(m_database)}));
        m_name = passwordUri(m_database);
    }

    void cleanupTestCase() { Test::runOnStore(Test::TempStore::serverUri(), {u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_database)}); }

    void init()
    {
        m_labels.clear();
        m_echoedPassword = false;
        Database::setServerPassword(StoreLocation::parse(m_name), QString());
    }

    void askedUntilRightThenKept()
    {
        MemorySecretStore keychain;
        auto first = firstAttempt();
        QVERIFY(!first);
        QCOMPARE(first.error().code, StoreError::Code::PasswordNeeded);

        answerDialogs({u"Fout-7391"_s, RightPassword});
        auto opened = ServerPasswordPrompt(keychain, m_clock).open(m_name, std::move(first));
        QVERIFY2(opened, Test::why(opened).constData());
        QCOMPARE(m_labels.size(), 2);
        QVERIFY(!m_echoedPassword);
        QVERIFY2(m_labels.at(0).contains(u"c360_password"_s) && m_labels.at(0).contains(u"127.0.0.1"_s), qPrintable(m_labels.at(0)));
        // The second time says the first was refused, without repeating it.
        QVERIFY2(m_labels.at(1).contains(u"refused"_s), qPrintable(m_labels.at(1)));
        QVERIFY(!m_labels.at(1).contains(u"Fout-7391"_s));
        QCOMPARE(keychain.read(ServerPasswordPrompt::secretName(m_name)).value_or(QString()), RightPassword);
        opened->reset();

        // The next start: from the keychain, no dialog.
        Database::setServerPassword(StoreLocation::parse(m_name), QString());
        auto again = ServerPasswordPrompt(keychain, m_clock).open(m_name, firstAttempt());
        QVERIFY2(again, Test::why(again).constData());
        QVERIFY(m_labels.size() == 2);
    }

    void aKeptPasswordThatNoLongerWorksIsAskedAgain()
    {
        MemorySecretStore keychain;
        QVERIFY(keychain.write(ServerPasswordPrompt::secretName(m_name), u"the old one"_s));
        answerDialogs({RightPassword});
        auto opened = ServerPasswordPrompt(keychain, m_clock).open(m_name, firstAttempt());
        QVERIFY2(opened, Test::why(opened).constData());
        QCOMPARE(m_labels.size(), 1);
        QVERIFY2(m_labels.first().contains(u"refused"_s), qPrintable(m_labels.first()));
        QCOMPARE(keychain.read(ServerPasswordPrompt::secretName(m_name)).value_or(QString()), RightPassword);
    }

    void cancelOpensNothing()
    {
        MemorySecretStore keychain;
        answerDialogs({QString()});
        auto cancelled = ServerPasswordPrompt(keychain, m_clock).open(m_name, firstAttempt());
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, StoreError::Code::PasswordNeeded);
        QCOMPARE(m_labels.size(), 1);
        QVERIFY(!keychain.read(ServerPasswordPrompt::secretName(m_name)));
    }

    // A store that asks for nothing (a file here) comes back as opened, without a dialog.
    void aFileIsNotAskedFor()
    {
        MemorySecretStore keychain;
        QTemporaryDir dir;
        const QString file = dir.filePath(u"store.sqlite"_s);
        auto opened = ServerPasswordPrompt(keychain, m_clock).open(file, Database::open(file, Database::OpenMode::Create, m_clock));
        QVERIFY2(opened, Test::why(opened).constData());
        QVERIFY(m_labels.isEmpty());
    }
};

QTEST_MAIN(TestServerPasswordPrompt)
#include "tst_serverpasswordprompt.moc"
