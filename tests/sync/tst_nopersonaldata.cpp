// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// No personal data in logs: a full sync from the reference back end and a whole case session
// (searches by name, number, e-mail and phone, a case opened, the number shown, a contact, a
// request handled and pushed, a purge, an access report and an export) with every c360 logging
// category at debug; none of the data set's national numbers, names or e-mail addresses appears
// in what was logged.

#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/requestservice.h"
#include "case/searchservice.h"
#include "privacy/privacyservice.h"
#include "privacy/retentionservice.h"
#include "privacy/secretstore.h"
#include "server/referencebackend.h"
#include "store/retentionpolicy.h"
#include "storetesting.h"
#include "sync/connectors.h"
#include "sync/klantinteracties/klantinteractiestakensync.h"
#include "sync/sourceconfig.h"
#include "sync/syncengine.h"
#include "tempstore.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
QMutex logMutex;
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        logged.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s + message);
    }
    if (previousHandler) {
        previousHandler(type, context, message);
    }
}
} // namespace

class TestNoPersonalData : public QObject
{
    Q_OBJECT

    MemorySecretStore m_secrets;

    SyncSummary sync(const QUrl &base, Test::TempStore &store)
    {
        SyncEngine::Options o;
        o.databasePath = store.path();
        o.sources = SourceConfig::forReferenceBackend(base);
        o.secrets = &m_secrets;
        o.clock = &store.clock();
        o.retry.baseDelayMs = 10;
        o.retry.maxDelayMs = 100;
        o.resources = allResourceSyncs();
        o.outbox = allOutboxTargets();
        SyncEngine engine(o);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.runOnce();
        if (finished.isEmpty() && !finished.wait(300000)) {
            return {};
        }
        return finished.first().first().value<SyncSummary>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_secrets.write(u"reference"_s, u"training"_s));
        QLoggingCategory::setFilterRules(u"c360.*.debug=true"_s);
        previousHandler = qInstallMessageHandler(collect);
    }

    void cleanupTestCase() { qInstallMessageHandler(previousHandler); }

    void noneInTheLogs()
    {
        Ref::ReferenceBackend::Options backendOptions;
        backendOptions.citizens = 60;
        backendOptions.seed = 21;
        Ref::ReferenceBackend backend(backendOptions);
        QVERIFY(backend.listen(0) != 0);
        // Now: the back end's time, so that some requests are within their retention period.
        Test::TempStore store(QDateTime::currentDateTimeUtc());
        // Every task kept by the sync (a task past the retention is not stored), for the purge.
        QVERIFY(Test::setRetentionDays(store.path(), RetentionPolicy::MaximumDays));
        QVERIFY(sync(backend.baseUrl(), store).ok());
        Database &db = store.open();

        // The people in the store, and what identifies them.
        const QStringList people = Test::rows(db, u"SELECT id, given_names, family_name FROM citizens ORDER BY id"_s);
        QVERIFY(people.size() >= 50);
        const QStringList numbers = Test::rows(db, u"SELECT value FROM citizen_identifiers"_s);
        const QStringList emails = Test::rows(db, u"SELECT value FROM digital_addresses WHERE kind = 'email'"_s);
        const QStringList phones = Test::rows(db, u"SELECT value FROM digital_addresses WHERE kind = 'phone'"_s);
        QVERIFY(!numbers.isEmpty() && !emails.isEmpty() && !phones.isEmpty());

        // A case session on the first citizen with a request, found every way there is.
        AuditService audit(db, QByteArray(32, 'n'));
        CaseService cases(audit, u"openklant"_s);
        RequestService requests(audit, u"openklant"_s);
        SearchService search(audit);
        const StaffMember clerk{u"an.balie"_s, Role::CounterClerk, u"balie-1"_s};
        const Purpose visit{u"counter_visit"_s, u"Vraag over een attest"_s};
        const qint64 citizen = Test::scalar(db,
                                            u"SELECT c.id FROM citizens c WHERE c.source_system = 'openklant' AND EXISTS (SELECT 1 FROM "
                                            "citizen_identifiers i WHERE i.citizen_id = c.id) ORDER BY c.id LIMIT 1"_s);
        QVERIFY(citizen > 0);
        const QStringList who = Test::rows(db, u"SELECT given_names, family_name FROM citizens WHERE id = "_s + QString::number(citizen)).first().split(u'|');
        for (const QString &text : {who.at(1), QString(who.at(0) + u' ' + who.at(1)), numbers.first(), emails.first(), phones.first()}) {
            QVERIFY(search.search(clerk, text));
        }
        QVERIFY(cases.open(clerk, citizen, visit));
        QVERIFY(cases.revealIdentifier(clerk, citizen, visit));
        ContactMoment contact;
        contact.citizenId = citizen;
        contact.subject = u"Attest"_s;
        contact.text = u"Vraagt een attest van woonst"_s;
        QVERIFY(cases.registerContact(clerk, visit, contact));
        Request request;
        request.citizenId = citizen;
        request.question = u"Kan het attest per post?"_s;
        const auto actors = KlantinteractiesTakenSync::knownActors(db, u"openklant"_s);
        QVERIFY(actors && !actors->isEmpty());
        request.assignee = actors->cbegin().value(); // one the back end knows, so that it goes out
        const qint64 requestId = requests.createRequest(clerk, visit, request).value_or(0);
        QVERIFY(requestId);
        QVERIFY(requests.supplementRequest(clerk, visit, requestId, u"Naar het adres in Gent"_s));
        QVERIFY(requests.answerRequest(clerk, visit, requestId, u"Ja, binnen drie dagen."_s));
        QVERIFY(requests.worklist(clerk));
        const StaffMember admin{u"beheer"_s, Role::Administrator, u"beheer-1"_s};
        RetentionService retention(audit);
        // Back to the usual period: the synchronised requests older than it go.
        QVERIFY(retention.setRetentionDays(admin, Request::DefaultRetentionDays, Purpose{u"retention_policy"_s, u"Terug naar 30 dagen"_s}));
        const auto purged = retention.purge(admin, store.clock().now());
        QVERIFY(purged && !purged->purged.isEmpty());
        PrivacyService privacy(audit);
        QVERIFY(privacy.accessReport(admin, citizen, visit));
        QVERIFY(privacy.exportCitizen(admin, citizen, visit));
        store.close();
        const SyncSummary pushed = sync(backend.baseUrl(), store); // pushes the contact and the request
        QVERIFY2(pushed.pushed >= 3 && pushed.pushRejected == 0,
                 qPrintable(u"pushed %1, failed %2, rejected %3"_s.arg(pushed.pushed).arg(pushed.pushFailed).arg(pushed.pushRejected)));

        QStringList lines;
        {
            QMutexLocker lock(&logMutex);
            lines = logged;
        }
        QVERIFY2(lines.size() > 20, "the session logged almost nothing: is debug logging on?");
        const QString log = lines.join(u'\n');
        int checked = 0;
        auto absent = [&](const QString &value, const QString &what) {
            if (value.size() < 4) {
                return true;
            }
            ++checked;
            if (log.contains(value, Qt::CaseInsensitive)) {
                qWarning("%s found in the log: %s", qPrintable(what), qPrintable(lines.filter(value, Qt::CaseInsensitive).first()));
                return false;
            }
            return true;
        };
        for (const QString &n : numbers) {
            QVERIFY(absent(n, u"a national number"_s));
        }
        for (const QString &e : emails) {
            QVERIFY(absent(e, u"an e-mail address"_s));
        }
        for (const QString &p : phones) {
            QVERIFY(absent(p, u"a phone number"_s));
        }
        for (const QString &person : people) {
            const QStringList f = person.split(u'|');
            QVERIFY(absent(f.at(1) + u' ' + f.at(2), u"a name"_s));
            // A family name as a word of its own (long enough not to be part of another word).
            if (f.at(2).size() >= 5) {
                ++checked;
                const QRegularExpression word(u"\\b"_s + QRegularExpression::escape(f.at(2)) + u"\\b"_s, QRegularExpression::CaseInsensitiveOption);
                QVERIFY2(!word.match(log).hasMatch(), qPrintable(u"a family name found in the log: "_s + lines.filter(word).value(0)));
            }
        }
        qInfo("%lld log lines checked for %d values", qint64(lines.size()), checked);
    }
};

QTEST_GUILESS_MAIN(TestNoPersonalData)
#include "tst_nopersonaldata.moc"
