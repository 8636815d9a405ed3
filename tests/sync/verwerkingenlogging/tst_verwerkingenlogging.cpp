// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The audit export: verwerkingsacties built from audit entries as the Bewerking API 0.9.0 asks
// (checked with specvalidate.py), queued in the caller's transaction, and pushed exactly once to
// the reference back end across failing responses, engine restarts and a killed push.
#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "catalogueaudittesting.h"
#include "citizenbuilder.h"
#include "server/referencebackend.h"
#include "store/citizenrepository.h"
#include "store/outboxrepository.h"
#include "store/transaction.h"
#include "sync/verwerkingenlogging/verwerkingenloggingexport.h"
#include "sync/verwerkingenlogging/verwerkingenloggingtarget.h"
#include "tempstore.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;
using namespace C360::Test;
using namespace C360::Test::Backend;

namespace
{
AuditEntry profileOpened(qint64 citizenId)
{
    AuditEntry e;
    e.time = QDateTime(QDate(2026, 3, 2), QTime(9, 15, 30, 250), Qt::UTC);
    e.actor = QStringLiteral("clerk-7");
    e.role = Role::CounterClerk;
    e.workstation = QStringLiteral("WS-12");
    e.action = AuditAction::ProfileOpened;
    e.subjectCitizenId = citizenId;
    e.purposeCode = QStringLiteral("case_handling");
    e.purposeText = QStringLiteral("Her brother asked about the parking permit");
    e.outcome = AuditOutcome::Success;
    e.details = QStringLiteral("{\"tab\":\"overview\"}");
    return e;
}

const Identifier nationalNumber{IdentifierType::BelgianNationalNumber, QStringLiteral("85073100145")};
} // namespace

class TestVerwerkingenlogging : public QObject
{
    Q_OBJECT

    MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_secrets.write(QStringLiteral("reference"), QStringLiteral("training"))); }

    void payloadCarriesOnlyWhatTheSpecificationAsks()
    {
        const QJsonObject action = VerwerkingenloggingExport::verwerkingsactie(profileOpened(1), nationalNumber);
        QCOMPARE(action.value(QStringLiteral("vertrouwelijkheid")).toString(), QStringLiteral("normaal"));
        QCOMPARE(action.value(QStringLiteral("tijdstip")).toString(), QStringLiteral("2026-03-02T09:15:30.250Z"));
        QCOMPARE(action.value(QStringLiteral("actieNaam")).toString(), QStringLiteral("profile_opened"));
        QCOMPARE(action.value(QStringLiteral("verwerkingNaam")).toString(), QStringLiteral("case_handling"));
        const QJsonArray objects = action.value(QStringLiteral("verwerkteObjecten")).toArray();
        QCOMPARE(objects.size(), 1);
        const QJsonObject subject = objects.first().toObject();
        QCOMPARE(subject.value(QStringLiteral("objecttype")).toString(), QStringLiteral("persoon"));
        QCOMPARE(subject.value(QStringLiteral("soortObjectId")).toString(), QStringLiteral("rijksregisternummer"));
        QCOMPARE(subject.value(QStringLiteral("objectId")).toString(), QStringLiteral("85073100145"));
        // No staff member, workstation, free text or details leave the municipality's store.
        const QByteArray text = QJsonDocument(action).toJson(QJsonDocument::Compact);
        for (const char *local : {"clerk-7", "WS-12", "brother", "overview", "gebruiker"}) {
            QVERIFY2(!text.contains(local), local);
        }
        // With the store's identity, the entry's place in the local chain goes along as a witness.
        AuditEntry chained = profileOpened(1);
        chained.sequence = 4711;
        chained.hash = QByteArray(32, '\xab');
        const QString storeId = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QString witness = VerwerkingenloggingExport::verwerkingsactie(chained, nationalNumber, storeId).value(QStringLiteral("gegevensbron")).toString();
        QCOMPARE(witness,
                 QStringLiteral("citizen360-audit:%1:4711:%2").arg(storeId, QString(64, QLatin1Char('a')).replace(QStringLiteral("aa"), QStringLiteral("ab"))));
        QVERIFY(witness.size() <= 242);
        QCOMPARE(VerwerkingenloggingExport::identifierKind(IdentifierType::BelgianBisNumber), QStringLiteral("bisnummer"));
        QCOMPARE(VerwerkingenloggingExport::identifierKind(IdentifierType::DutchBsn), QStringLiteral("BSN"));
    }

    void payloadValidatesAgainstTheSpecification()
    {
        const QString source = qEnvironmentVariable("C360_SOURCE_DIR");
        AuditEntry chained = profileOpened(1);
        chained.sequence = 12;
        chained.hash = QByteArray(32, '\x01');
        QJsonObject action = VerwerkingenloggingExport::verwerkingsactie(chained, nationalNumber, QStringLiteral("0123456789abcdef0123456789abcdef"));
        QVERIFY(action.contains(QStringLiteral("gegevensbron")));
        // The schema lists the server's read-only fields as required; a request leaves them out,
        // so the example values of the specification stand in for them here.
        action.insert(QStringLiteral("url"),
                      QStringLiteral("https://verwerkingenlogging-bewerking-api.vng.cloud/api/v1/verwerkingsacties/7a22eb38-bca6-463f-9955-54ab040287cb"));
        action.insert(QStringLiteral("actieId"), QStringLiteral("7a22eb38-bca6-463f-9955-54ab040287cb"));
        action.insert(QStringLiteral("tijdstipRegistratie"), QStringLiteral("2024-04-05T14:35:42+01:00"));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("verwerkingsactie.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(action).toJson());
        file.close();
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {source + QStringLiteral("/tests/refbackend/specvalidate.py"),
                      QStringLiteral("--openapi"),
                      source + QStringLiteral("/tests/refbackend/specs/verwerkingenlogging-vng/verwerkingenlogging-bewerking-api-openapi.yaml"),
                      QStringLiteral("--ref"),
                      QStringLiteral("#/components/schemas/VerwerkingsactieUitgebreidBasis"),
                      file.fileName()});
        if (!python.waitForFinished(60000)) {
            QSKIP("python3 is not available");
        }
        const QByteArray errors = python.readAllStandardError();
        if (errors.contains("ModuleNotFoundError")) {
            QSKIP("python3-jsonschema or python3-yaml is not installed");
        }
        QVERIFY2(python.exitCode() == 0, QByteArray(python.readAllStandardOutput() + errors).constData());
    }

    void remoteId_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("location");
        QTest::addColumn<QString>("expected");
        // The example answer of the specification (its actieId and url examples).
        QTest::newRow("spec example")
            << QByteArray("{\"url\": \"https://verwerkingenlogging-bewerking-api.vng.cloud/api/v1/verwerkingsacties/7a22eb38-bca6-463f-9955-54ab040287cb\", "
                          "\"actieId\": \"7a22eb38-bca6-463f-9955-54ab040287cb\", \"vertrouwelijkheid\": \"normaal\", "
                          "\"tijdstip\": \"2024-04-05T14:35:42+01:00\", \"tijdstipRegistratie\": \"2024-04-05T14:35:42+01:00\", \"verwerkteObjecten\": []}")
            << QByteArray() << QStringLiteral("7a22eb38-bca6-463f-9955-54ab040287cb");
        QTest::newRow("url only") << QByteArray("{\"url\": \"https://log.example/api/v1/verwerkingsacties/abc-1/\"}") << QByteArray()
                                  << QStringLiteral("abc-1");
        QTest::newRow("location only") << QByteArray() << QByteArray("https://log.example/api/v1/verwerkingsacties/loc-9") << QStringLiteral("loc-9");
        QTest::newRow("nothing") << QByteArray("{}") << QByteArray() << QString();
        QTest::newRow("not json") << QByteArray("<html/>") << QByteArray() << QString();
        QTest::newRow("id with separators") << QByteArray("{\"actieId\": \"a/b c\"}") << QByteArray() << QString();
    }
    void remoteId()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, location);
        QFETCH(QString, expected);
        QCOMPARE(VerwerkingenloggingTarget::remoteId(body, location), expected);
    }

    void whatIsExported_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<bool>("withSubject");
        QTest::addColumn<bool>("withIdentifier");
        QTest::addColumn<bool>("exported");
        QTest::newRow("profile opened") << int(AuditAction::ProfileOpened) << int(AuditOutcome::Success) << true << true << true;
        QTest::newRow("identifier revealed") << int(AuditAction::IdentifierRevealed) << int(AuditOutcome::Success) << true << true << true;
        QTest::newRow("denied") << int(AuditAction::ProfileOpened) << int(AuditOutcome::Denied) << true << true << false;
        QTest::newRow("shown in search results") << int(AuditAction::SearchResultShown) << int(AuditOutcome::Success) << true << true << false;
        QTest::newRow("no subject") << int(AuditAction::Search) << int(AuditOutcome::Success) << false << true << false;
        QTest::newRow("login") << int(AuditAction::Login) << int(AuditOutcome::Success) << false << false << false;
        QTest::newRow("subject without identifier") << int(AuditAction::ProfileOpened) << int(AuditOutcome::Success) << true << false << false;
    }
    void whatIsExported()
    {
        QFETCH(int, action);
        QFETCH(int, outcome);
        QFETCH(bool, withSubject);
        QFETCH(bool, withIdentifier);
        QFETCH(bool, exported);
        TempStore store;
        Database &db = store.open();
        CitizenBuilder builder;
        builder.withName(QStringLiteral("Marie"), QStringLiteral("Van den Bossche"));
        if (withIdentifier) {
            builder.withNationalNumber();
        }
        auto citizen = CitizenRepository(db).insert(builder.build());
        QVERIFY(citizen);
        AuditEntry entry = profileOpened(withSubject ? *citizen : 0);
        entry.action = AuditAction(action);
        entry.outcome = AuditOutcome(outcome);
        auto queued = VerwerkingenloggingExport::enqueue(db, entry, QStringLiteral("verwerkingenlogging"));
        QVERIFY(queued);
        QCOMPARE(queued->has_value(), exported);
        QCOMPARE(*OutboxRepository(db).count(OutboxState::Pending), exported ? 1 : 0);
        if (exported) {
            const OutboxEntry &e = **queued;
            QCOMPARE(e.resource, QStringLiteral("verwerkingsacties"));
            QCOMPARE(e.source, QStringLiteral("verwerkingenlogging"));
            QVERIFY(!e.idempotencyKey.isEmpty());
            const QJsonObject payload = QJsonDocument::fromJson(e.payload).object();
            const QString objectId =
                payload.value(QStringLiteral("verwerkteObjecten")).toArray().first().toObject().value(QStringLiteral("objectId")).toString();
            QCOMPARE(objectId, builder.build().primaryIdentifier()->value);
        }
    }

    void queuedInTheCallersTransaction()
    {
        TempStore store;
        Database &db = store.open();
        auto citizen = CitizenRepository(db).insert(CitizenBuilder().withName(QStringLiteral("Jan"), QStringLiteral("Peeters")).withNationalNumber().build());
        QVERIFY(citizen);
        {
            auto transaction = Transaction::begin(db);
            QVERIFY(transaction);
            QVERIFY(VerwerkingenloggingExport::enqueue(db, profileOpened(*citizen), QStringLiteral("verwerkingenlogging")));
            transaction->rollback();
        }
        QCOMPARE(*OutboxRepository(db).count(OutboxState::Pending), 0);
        {
            auto transaction = Transaction::begin(db);
            QVERIFY(transaction);
            QVERIFY(VerwerkingenloggingExport::enqueue(db, profileOpened(*citizen), QStringLiteral("verwerkingenlogging")));
            QVERIFY(transaction->commit());
        }
        QCOMPARE(*OutboxRepository(db).count(OutboxState::Pending), 1);
    }

    // The audit service queues what it records, in the entry's own transaction: the profile
    // opened goes to the central log; the search lines and a refusal stay local.
    void auditServiceExportsAsItRecords()
    {
        Ref::ReferenceBackend::Options backendOptions;
        backendOptions.seed = 4;
        backendOptions.citizens = 5;
        Ref::ReferenceBackend backend(backendOptions);
        QVERIFY(backend.listen(0) != 0);
        TempStore store;
        Database &db = store.open();
        const Citizen citizen = CitizenBuilder().withName(QStringLiteral("Marie"), QStringLiteral("Van den Bossche")).withNationalNumber(61).build();
        auto citizenId = CitizenRepository(db).insert(citizen);
        QVERIFY(citizenId);
        AuditService audit(db, QByteArray(32, 'v'));
        VerwerkingenloggingExport exportSink(db, QStringLiteral("verwerkingenlogging"));
        audit.setExportSink(&exportSink);
        CaseService cases(audit);
        const StaffMember clerk{QStringLiteral("an.balie"), Role::CounterClerk, QStringLiteral("balie-1")};
        const Purpose visit{QStringLiteral("counter_visit"), QStringLiteral("Vraag over een attest")};
        QVERIFY(audit.recordEach(clerk, AuditAction::SearchResultShown, {*citizenId}, visit));
        auto file = cases.open(clerk, *citizenId, visit);
        QVERIFY(file);
        const StaffMember admin{QStringLiteral("beheer"), Role::Administrator, QStringLiteral("ws")};
        QVERIFY(!cases.open(admin, *citizenId, visit)); // refused: audited, not exported
        const auto outstanding = OutboxRepository(db).outstanding();
        QVERIFY(outstanding);
        QCOMPARE(outstanding->size(), 1);
        QCOMPARE(outstanding->first().resource, QStringLiteral("verwerkingsacties"));
        QCOMPARE(outstanding->first().entityId, file->auditSequence);
        QVERIFY(AuditRepository(db, QByteArray(32, 'v')).verify().value().intact());

        SyncEngine engine(engineOptions(
            store.path(), backend.baseUrl(), QStringLiteral("verwerkingenlogging"), &store.clock(), &m_secrets, {}, makeVerwerkingenloggingTargets));
        QCOMPARE(runOnce(engine).pushed, 1);
        const QString query = QStringLiteral("/verwerkingenlogging/api/v1/verwerkingsacties?objecttype=persoon&soortObjectId=rijksregisternummer&objectId=") +
            citizen.primaryIdentifier()->value;
        const HttpResult listed = http(m_network, "GET", backendUrl(backend.baseUrl(), query), {}, {{"Authorization", "Bearer training"}});
        QCOMPARE(listed.json().value(QStringLiteral("count")).toInt(), 1);
    }

    void pushedExactlyOnce_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("reset") << QStringLiteral("reset");
        QTest::newRow("truncate") << QStringLiteral("truncate");
        QTest::newRow("status 503") << QStringLiteral("status:503");
        QTest::newRow("hang") << QStringLiteral("hang");
    }
    void pushedExactlyOnce()
    {
        QFETCH(QString, fault);
        Ref::ReferenceBackend::Options backendOptions;
        backendOptions.seed = 3;
        backendOptions.citizens = 5;
        Ref::ReferenceBackend backend(backendOptions);
        QVERIFY(backend.listen(0) != 0);
        const QUrl base = backend.baseUrl();
        TempStore store;
        Database &db = store.open();
        const Citizen citizen = CitizenBuilder().withName(QStringLiteral("Marie"), QStringLiteral("Van den Bossche")).withNationalNumber(57).build();
        auto citizenId = CitizenRepository(db).insert(citizen);
        QVERIFY(citizenId);
        AuditRepository audit(db, QByteArrayLiteral("test key"));
        for (int i = 0; i < 3; ++i) {
            AuditEntry entry = profileOpened(*citizenId);
            entry.time = entry.time.addSecs(i);
            auto appended = audit.append(entry);
            QVERIFY(appended);
            auto queued = VerwerkingenloggingExport::enqueue(db, *appended, QStringLiteral("verwerkingenlogging"));
            QVERIFY(queued && queued->has_value());
        }
        const auto options = [&] {
            SyncEngine::Options o =
                engineOptions(store.path(), base, QStringLiteral("verwerkingenlogging"), &store.clock(), &m_secrets, {}, makeVerwerkingenloggingTargets);
            o.retry.timeoutMs = 500;
            return o;
        };

        // The server stores each action but its answer never arrives whole (reset, truncate), or
        // it fails (503), or it never answers (hang). Qt 6.4 sometimes reports a reset or cut-off
        // answer as complete; such an entry counts as pushed, by the Location of its answer.
        QVERIFY(addFault(m_network, base, QStringLiteral("/verwerkingenlogging/*=") + fault));
        qint64 pushedFirst = 0;
        {
            SyncEngine engine(options());
            const SyncSummary summary = runOnce(engine);
            QCOMPARE(summary.pushed + summary.pushFailed, 3);
            QCOMPARE(*OutboxRepository(db).count(OutboxState::Failed), summary.pushFailed);
            pushedFirst = summary.pushed;
        }
        QVERIFY(clearFaults(m_network, base));

        // A restarted engine, once the entries are due again, pushes them with the same keys.
        store.clock().advance(2 * 3600 * 1000);
        {
            SyncEngine engine(options());
            const SyncSummary summary = runOnce(engine);
            QCOMPARE(summary.pushed, 3 - pushedFirst);
            QCOMPARE(summary.pushFailed, 0);
        }

        // A process killed after its push went out but before it was recorded: the entry is left
        // "sending"; the next engine sends it again, with its key.
        auto appended = audit.append(profileOpened(*citizenId));
        QVERIFY(appended);
        auto fourth = VerwerkingenloggingExport::enqueue(db, *appended, QStringLiteral("verwerkingenlogging"));
        QVERIFY(fourth && fourth->has_value());
        const OutboxEntry &killed = **fourth;
        const HttpResult sentBefore = http(m_network,
                                           "POST",
                                           backendUrl(base, QStringLiteral("/verwerkingenlogging/api/v1/verwerkingsacties")),
                                           killed.payload,
                                           {{"Authorization", "Bearer training"}, {"Idempotency-Key", killed.idempotencyKey.toUtf8()}});
        QCOMPARE(sentBefore.status, 201);
        QVERIFY(OutboxRepository(db).markSending(killed.id));
        {
            SyncEngine engine(options());
            const SyncSummary summary = runOnce(engine);
            QCOMPARE(summary.pushed, 1);
        }

        // Counted on the server: four actions about this person, one per entry.
        const QString query = QStringLiteral("/verwerkingenlogging/api/v1/verwerkingsacties?objecttype=persoon&soortObjectId=rijksregisternummer&objectId=") +
            citizen.primaryIdentifier()->value;
        const HttpResult listed = http(m_network, "GET", backendUrl(base, query), {}, {{"Authorization", "Bearer training"}});
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json().value(QStringLiteral("count")).toInt(), 4);
        QSet<QString> remote;
        for (const QJsonValue &v : listed.json().value(QStringLiteral("results")).toArray()) {
            remote.insert(v.toObject().value(QStringLiteral("actieId")).toString());
        }
        OutboxRepository outbox(db);
        QCOMPARE(*outbox.count(OutboxState::Done), 4);
        QSet<QString> local;
        for (qint64 id = 1; id <= 4; ++id) {
            auto e = outbox.find(id);
            QVERIFY(e && e->has_value());
            local.insert((*e)->remoteId);
        }
        QCOMPARE(local, remote);
        // The entry sent twice is the action the server made the first time.
        QCOMPARE((*outbox.find(killed.id))->remoteId, sentBefore.json().value(QStringLiteral("actieId")).toString());
    }
};

QTEST_GUILESS_MAIN(TestVerwerkingenlogging)
#include "tst_verwerkingenlogging.moc"
