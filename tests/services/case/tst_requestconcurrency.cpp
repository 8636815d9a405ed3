// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Two processes, as two workstations on one store, handle one request at once, each changing it
// from what it last read (read, add a line to the answer, save): with the request's version
// checked, a save on a copy the other changed meanwhile is refused and made again on the new one,
// so that every line of both ends up in the answer, and the audit log holds one intact chain.
// On SQLite (one file, two processes) and on PostgreSQL (one database, two connections).

#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/requestservice.h"
#include "citizenbuilder.h"
#include "store/citizenrepository.h"
#include "store/requestrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <cstdio>
#include <cstring>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'k');
const Purpose followUp{u"request_follow_up"_s, u"Opvolging"_s};
constexpr int Rounds = 150;

// The line a writer adds in round i.
QString lineOf(const QString &writer, int i)
{
    return u"%1 #%2"_s.arg(writer).arg(i);
}

// A writer process: Rounds times, reads the request and saves its answer with one more line,
// again on the newer version when it was refused as changed meanwhile. Prints how many saves
// were refused; exits 0, or 1 with why on stderr.
int runWriter(const QString &store, qint64 requestId, const QString &writer)
{
    SystemClock clock;
    auto db = Database::open(store, Database::OpenMode::ReadWrite, clock);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message()));
        return 1;
    }
    AuditService audit(**db, key);
    RequestService requests(audit);
    const StaffMember staff{writer, Role::CounterClerk, u"LOKET-"_s + writer};
    int refused = 0;
    for (int i = 0; i < Rounds; ++i) {
        for (;;) {
            auto seen = RequestRepository(**db).find(requestId);
            if (!seen || !*seen) {
                std::fprintf(stderr, "cannot read request %lld\n", requestId);
                return 1;
            }
            const QString answer = (**seen).answer.isEmpty() ? lineOf(writer, i) : (**seen).answer + u'\n' + lineOf(writer, i);
            const auto saved = requests.answerRequest(staff, followUp, **seen, answer);
            if (saved) {
                break;
            }
            if (saved.error().kind != ServiceError::Kind::Changed) {
                std::fprintf(stderr, "%s\n", qPrintable(saved.error().message));
                return 1;
            }
            ++refused;
        }
    }
    std::printf("%d\n", refused);
    return 0;
}
} // namespace

class TestRequestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoProcessesLoseNoUpdate()
    {
        Test::TempStore store;
        Database &db = store.open();
        const qint64 citizen = CitizenRepository(db).insert(Test::CitizenBuilder().withName(u"Mira"_s, u"Goossens"_s).build()).value_or(0);
        QVERIFY(citizen);
        AuditService audit(db, key);
        RequestService requests(audit);
        Request request;
        request.citizenId = citizen;
        request.question = u"Kan de containerpark-kaart per post?"_s;
        const auto id = requests.createRequest({u"an.balie"_s, Role::CounterClerk, u"LOKET-1"_s}, followUp, request);
        QVERIFY(id);

        QList<QProcess *> writers;
        for (const QString &name : {u"els"_s, u"jan"_s}) {
            auto *p = new QProcess(this);
            p->setProgram(QCoreApplication::applicationFilePath());
            p->setArguments({u"--writer"_s, store.path(), QString::number(*id), name});
            p->setProcessChannelMode(QProcess::SeparateChannels);
            writers.append(p);
        }
        for (QProcess *p : std::as_const(writers)) {
            p->start();
        }
        int refused = 0;
        for (QProcess *p : std::as_const(writers)) {
            QVERIFY(p->waitForFinished(240000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, p->readAllStandardError().constData());
            refused += p->readAllStandardOutput().trimmed().toInt();
        }
        qInfo("%d saves were refused as made on an older version, and made again", refused);

        const Request stored = RequestRepository(db).find(*id).value().value();
        const QStringList lines = stored.answer.split(u'\n');
        QCOMPARE(lines.size(), 2 * Rounds);
        for (const QString &name : {u"els"_s, u"jan"_s}) {
            // Each writer's lines, all of them, in its own order.
            QStringList own;
            for (const QString &line : lines) {
                if (line.startsWith(name + u' ')) {
                    own.append(line);
                }
            }
            QStringList expected;
            for (int i = 0; i < Rounds; ++i) {
                expected.append(lineOf(name, i));
            }
            QCOMPARE(own, expected);
        }
        QCOMPARE(stored.version, 1 + 2 * Rounds);
        // One change entry per save that went through, none for the refused ones.
        QCOMPARE(Test::scalar(db, u"SELECT COUNT(*) FROM audit_log WHERE action = 'change'"_s), qint64(1 + 2 * Rounds));
        auto verified = AuditRepository(db, key).verify();
        QVERIFY(verified);
        QVERIFY(verified->intact());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && std::strcmp(argv[1], "--writer") == 0) {
        return runWriter(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(), QString::fromLocal8Bit(argv[4]));
    }
    TestRequestConcurrency test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_requestconcurrency.moc"
