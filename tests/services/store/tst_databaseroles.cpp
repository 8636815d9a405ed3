// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The town hall's privacy, proven from outside: staff members sign in to a shared store with
// libpq as their own login roles, as a user with psql would, and try to read a citizen's data
// unaudited, to write the audit log under another name or time, to change or read the log, to read
// the chain's key, to touch a colleague's draft and to take a role they were not given. Each try
// fails, or leaves an audit entry under their own name that the chain holds (schema 9).

#include "audit/auditquery.h"
#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "case/searchservice.h"
#include "common/clock.h"
#include "privacy/privacyservice.h"
#include "store/database.h"
#include "store/storelocation.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

#include <libpq-fe.h>

#include <memory>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray chainKey = QByteArrayLiteral("k3y-of-the-chain-k3y-of-the-chai");

// What the server answered to one statement.
struct Answer
{
    bool ok = false;
    QByteArray state; // SQLSTATE when it failed
    QString error;
    QList<QStringList> rows;
    qint64 affected = 0;

    QString firstValue() const { return rows.isEmpty() || rows.constFirst().isEmpty() ? QString() : rows.constFirst().constFirst(); }
};

// One staff member's own connection, as psql would make it.
class Session
{
public:
    Session(const StoreLocation &store, const QString &user)
    {
        const QByteArray conninfo =
            u"host=%1 port=%2 dbname=%3 user=%4 application_name=tst_databaseroles"_s.arg(store.host(), store.port(), store.databaseName(), user).toUtf8();
        m_conn.reset(PQconnectdb(conninfo.constData()));
    }
    bool connected() const { return m_conn && PQstatus(m_conn.get()) == CONNECTION_OK; }
    QByteArray connectionError() const { return m_conn ? QByteArray(PQerrorMessage(m_conn.get())) : QByteArray("no connection"); }

    Answer ask(const QString &sql) const
    {
        Answer answer;
        std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(m_conn.get(), sql.toUtf8().constData()), &PQclear);
        const ExecStatusType status = PQresultStatus(result.get());
        answer.ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
        if (!answer.ok) {
            answer.state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
            answer.error = QString::fromUtf8(PQresultErrorMessage(result.get())).trimmed();
            return answer;
        }
        answer.affected = QByteArray(PQcmdTuples(result.get())).toLongLong();
        for (int row = 0; row < PQntuples(result.get()); ++row) {
            QStringList values;
            for (int column = 0; column < PQnfields(result.get()); ++column) {
                values.append(QString::fromUtf8(PQgetvalue(result.get(), row, column)));
            }
            answer.rows.append(values);
        }
        return answer;
    }

private:
    struct Closer
    {
        void operator()(PGconn *conn) const { PQfinish(conn); }
    };
    std::unique_ptr<PGconn, Closer> m_conn;
};

// "insufficient_privilege": a missing privilege, and a row that row-level security refuses.
constexpr auto refused = "42501";

// The tables that hold a citizen's data, each with a row of citizen 1 and one of citizen 2.
const QStringList personalTables = {u"citizens"_s,
                                    u"citizen_identifiers"_s,
                                    u"digital_addresses"_s,
                                    u"channel_preferences"_s,
                                    u"consents"_s,
                                    u"reports"_s,
                                    u"report_candidates"_s,
                                    u"citizen_catalogue_links"_s,
                                    u"contact_moments"_s,
                                    u"requests"_s,
                                    u"request_supplements"_s,
                                    u"contact_moment_links"_s,
                                    u"request_links"_s,
                                    u"cases"_s,
                                    u"case_statuses"_s};
} // namespace

class TestDatabaseRoles : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempStore> m_store;
    StoreLocation m_location;
    QString m_suffix;

    QString login(const QString &who) const { return who + m_suffix; }
    std::unique_ptr<Session> connectAs(const QString &who) const { return std::make_unique<Session>(m_location, login(who)); }
    // The store's address for the application signed in as who's own login.
    QString storeAs(const QString &who) const
    {
        QString uri = m_store->path();
        return uri.replace(u"//c360@"_s, u"//%1@"_s.arg(login(who)));
    }

    // As the installation (the tests' superuser).
    bool admin(const QStringList &statements) { return Test::runOnStore(m_store->path(), statements); }
    qint64 entries() { return Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log"_s); }
    QStringList lastEntry()
    {
        return Test::rows(m_store->db(),
                          u"SELECT actor, role, workstation, action, COALESCE(subject_citizen_id, 0), purpose_code, outcome, details, occurred_at FROM "
                          "audit_log ORDER BY sequence DESC LIMIT 1"_s)
            .value(0)
            .split(u'|');
    }
    bool forgetGrants(const QString &who) { return admin({u"DELETE FROM profile_grants WHERE staff = '%1'"_s.arg(login(who))}); }
    void verifyChain()
    {
        AuditRepository log(m_store->db(), chainKey);
        const auto verification = log.verify();
        QVERIFY2(verification, Test::why(verification).constData());
        QCOMPARE(verification->problem, AuditRepository::Verification::Problem::None);
        QCOMPARE(verification->checkedThrough, entries());
    }

    static void addRoles()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("role");
        QTest::newRow("counter clerk") << u"clerk"_s << u"counter_clerk"_s;
        QTest::newRow("call-centre agent") << u"agent"_s << u"call_centre_agent"_s;
        QTest::newRow("supervisor") << u"supervisor"_s << u"supervisor"_s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::TempStore::onServer(), "a PostgreSQL test: run it through ctest (fixture postgres)");
        m_store = std::make_unique<Test::TempStore>();
        m_store->open();
        QVERIFY(m_store->isOpen());
        m_location = StoreLocation::parse(m_store->path());
        // Roles belong to the whole server, which other tests share.
        m_suffix = u"_%1"_s.arg(QCoreApplication::applicationPid());
        QStringList setup;
        for (const auto &[who, group] : {std::pair(u"clerk"_s, u"counter_clerk"_s),
                                         std::pair(u"agent"_s, u"call_centre_agent"_s),
                                         std::pair(u"supervisor"_s, u"supervisor"_s),
                                         std::pair(u"admin"_s, u"administrator"_s),
                                         std::pair(u"retired"_s, u"counter_clerk"_s)}) {
            setup << u"DROP ROLE IF EXISTS %1"_s.arg(login(who)) << u"CREATE ROLE %1 LOGIN IN ROLE c360_%2"_s.arg(login(who), group)
                  << u"INSERT INTO staff_accounts (username, display_name, role, team, password_hash, disabled, created_at, password_changed_at) "
                     "VALUES ('%1', '%1', '%2', 'KCC', '', %3, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z')"_s.arg(login(who), group)
                         .arg(who == u"retired"_s ? 1 : 0);
        }
        // A login of the server that is no staff member of this store.
        setup << u"DROP ROLE IF EXISTS %1"_s.arg(login(u"outsider"_s)) << u"CREATE ROLE %1 LOGIN"_s.arg(login(u"outsider"_s));
        // Two citizens with a row in every table of personal data.
        setup << u"INSERT INTO audit_chain_key (id, key) VALUES (1, '\\x%1')"_s.arg(QString::fromLatin1(chainKey.toHex()));
        for (int c = 1; c <= 2; ++c) {
            setup << u"INSERT INTO citizens (id, given_names, family_name, search_names, birth_date, updated_at) VALUES (%1, 'Given%1', 'Family%1', "
                     "'given%1 family%1', '1980-01-0%1', '2026-01-01T00:00:00.000Z')"_s.arg(c)
                  << u"INSERT INTO citizen_identifiers (citizen_id, type, value) VALUES (%1, 'rrn', '8001010%1-00%1')"_s.arg(c)
                  << u"INSERT INTO digital_addresses (citizen_id, kind, value, normalized) VALUES (%1, 'email', 'c%1@example.org', "
                     "'c%1@example.org')"_s.arg(c)
                  << u"INSERT INTO channel_preferences (citizen_id, topic, channel) VALUES (%1, 'general', 'email')"_s.arg(c)
                  << u"INSERT INTO consents (citizen_id, topic, granted) VALUES (%1, 'newsletter', 1)"_s.arg(c)
                  << u"INSERT INTO reports (id, citizen_id, status, description) VALUES (%1, %1, 'open', 'report of %1')"_s.arg(c)
                  << u"INSERT INTO reports (id, citizen_id, status, description) VALUES (1%1, NULL, 'open', 'unmatched, possibly %1')"_s.arg(c)
                  << u"INSERT INTO report_candidates (report_id, citizen_id, basis, state) VALUES (1%1, %1, 'email', 'proposed')"_s.arg(c)
                  << u"INSERT INTO catalogue_entries (id, product_id) VALUES (%1, 'product-%1')"_s.arg(c)
                  << u"INSERT INTO citizen_catalogue_links (citizen_id, entry_id, linked_at, staff_member) VALUES (%1, %1, '2026-01-01T00:00:00.000Z', "
                     "'someone')"_s.arg(c)
                  << u"INSERT INTO contact_moments (id, citizen_id, channel, outcome, staff_member, subject, occurred_at) VALUES (%1, %1, 'desk', "
                     "'answered', 'someone', 'contact of %1', '2026-01-01T00:00:00.000Z')"_s.arg(c)
                  << u"INSERT INTO requests (id, citizen_id, question, status, created_at, expires_at) VALUES (%1, %1, 'question of %1', 'open', "
                     "'2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')"_s.arg(c)
                  << u"INSERT INTO request_supplements (request_id, author, created_at, body) VALUES (%1, 'someone', '2026-01-01T00:00:00.000Z', "
                     "'supplement of %1')"_s.arg(c)
                  << u"INSERT INTO contact_moment_links (contact_moment_id, request_id) VALUES (%1, %1)"_s.arg(c)
                  << u"INSERT INTO request_links (request_id, report_id) VALUES (%1, %1)"_s.arg(c)
                  << u"INSERT INTO cases (id, source_system, source_id, citizen_id, identification, type_name, started_on) VALUES (%1, 'zaken', "
                     "'case-%1', %1, 'ZAAK-%1', 'Omgevingsvergunning', '2026-01-01')"_s.arg(c)
                  << u"INSERT INTO case_statuses (case_id, source_system, source_id, name, set_at) VALUES (%1, 'zaken', 'status-%1', 'Ontvangen', "
                     "'2026-01-01T00:00:00.000Z')"_s.arg(c);
        }
        // The agent's draft, which nobody else may read or touch.
        setup << u"INSERT INTO contact_drafts (staff_member, citizen_id, payload, saved_at) VALUES ('%1', 1, 'the agent''s words', "
                 "'2026-01-01T00:00:00.000Z')"_s.arg(login(u"agent"_s));
        QVERIFY(admin(setup));
        for (const QString &table : personalTables) {
            QVERIFY2(Test::rowCount(m_store->db(), table) >= 2, qPrintable(table));
        }
        // An entry the application appended, before any the server writes: one chain.
        AuditRepository log(m_store->db(), chainKey);
        AuditEntry first;
        first.actor = u"installer"_s;
        first.role = Role::Administrator;
        first.workstation = u"server room"_s;
        first.action = AuditAction::AuditVerified;
        QVERIFY2(log.append(first), "the application's own append");
    }

    void cleanupTestCase()
    {
        if (!m_store) {
            return;
        }
        const QString uri = Test::TempStore::serverUri();
        m_store.reset(); // the database goes first: the roles hold grants in it
        QStringList drop;
        for (const QString &who : {u"clerk"_s, u"agent"_s, u"supervisor"_s, u"admin"_s, u"retired"_s, u"outsider"_s}) {
            drop << u"DROP ROLE IF EXISTS %1"_s.arg(login(who));
        }
        QVERIFY(Test::runOnStore(uri, drop));
    }

    void nothingIsReadBeforeTheProfileIsOpened_data() { addRoles(); }
    void nothingIsReadBeforeTheProfileIsOpened()
    {
        QFETCH(QString, who);
        QVERIFY(forgetGrants(who));
        const auto session = connectAs(who);
        QVERIFY2(session->connected(), session->connectionError().constData());
        for (const QString &table : personalTables) {
            const Answer all = session->ask(u"SELECT COUNT(*) FROM %1"_s.arg(table));
            QVERIFY2(all.ok, qPrintable(all.error));
            QVERIFY2(all.firstValue() == u"0"_s, qPrintable(table + u": "_s + all.firstValue()));
        }
        const Answer byId = session->ask(u"SELECT family_name FROM citizens WHERE id = 1"_s);
        QVERIFY(byId.ok);
        QVERIFY(byId.rows.isEmpty());
        // The names' words (schema 12) are the owner's alone, and so is the function that reads them.
        QCOMPARE(session->ask(u"SELECT COUNT(*) FROM citizen_name_words"_s).state, QByteArray(refused));
        QCOMPARE(session->ask(u"SELECT c360_name_ids('family:*', NULL, NULL, 10)"_s).state, QByteArray(refused));
        // The staff directory is readable, its password hashes are not.
        QVERIFY(session->ask(u"SELECT COUNT(*) FROM staff_accounts"_s).ok);
        QCOMPARE(session->ask(u"SELECT password_hash FROM staff_accounts"_s).state, QByteArray(refused));
    }

    void aProfileIsNotOpenedWithoutAPurpose_data() { addRoles(); }
    void aProfileIsNotOpenedWithoutAPurpose()
    {
        QFETCH(QString, who);
        QVERIFY(forgetGrants(who));
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const qint64 before = entries();
        for (const QString &purpose : {u"''"_s, u"'   '"_s, u"NULL"_s}) {
            const Answer open = session->ask(u"SELECT * FROM c360_open_profile(1, %1, 'just looking', 'desk 3')"_s.arg(purpose));
            QVERIFY2(!open.ok, qPrintable(purpose));
            QCOMPARE(open.state, QByteArray("22023"));
        }
        QCOMPARE(entries(), before);
        QCOMPARE(session->ask(u"SELECT COUNT(*) FROM citizens"_s).firstValue(), u"0"_s);
    }

    void openingAProfileWritesTheEntryThenGrantsThatCitizenOnly_data() { addRoles(); }
    void openingAProfileWritesTheEntryThenGrantsThatCitizenOnly()
    {
        QFETCH(QString, who);
        QFETCH(QString, role);
        QVERIFY(forgetGrants(who));
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const qint64 before = entries();
        // Whatever the session says of itself, the entry names the signed-in user.
        QVERIFY(session->ask(u"SET application_name = 'somebody else'"_s).ok);
        const Answer open =
            session->ask(u"SELECT entry_sequence, readable_until > now() FROM c360_open_profile(1, 'counter_visit', 'moving house', 'desk 3')"_s);
        QVERIFY2(open.ok, qPrintable(open.error));
        QCOMPARE(open.rows.value(0).value(1), u"t"_s);
        QCOMPARE(entries(), before + 1);
        QCOMPARE(open.firstValue().toLongLong(), before + 1);
        const QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(who));
        QCOMPARE(entry.value(1), role);
        QCOMPARE(entry.value(2), u"desk 3"_s);
        QCOMPARE(entry.value(3), u"profile_opened"_s);
        QCOMPARE(entry.value(4), u"1"_s);
        QCOMPARE(entry.value(5), u"counter_visit"_s);
        QCOMPARE(entry.value(6), u"success"_s);
        QCOMPARE(QJsonDocument::fromJson(entry.value(7).toUtf8()).object().value(u"client_address"_s).toString(), u"127.0.0.1"_s);
        // The server's clock, not the workstation's (the test store's clock stands in 2026-03).
        const QDateTime written = QDateTime::fromString(entry.value(8), Qt::ISODateWithMs);
        QVERIFY2(qAbs(written.secsTo(QDateTime::currentDateTimeUtc())) < 300, qPrintable(entry.value(8)));

        for (const QString &table : personalTables) {
            const Answer rows = session->ask(u"SELECT COUNT(*) FROM %1"_s.arg(table));
            QVERIFY2(rows.ok, qPrintable(rows.error));
            // Citizen 1's rows; the unmatched report is read as citizen 1's possible match.
            const QString expected = table == u"reports"_s ? u"2"_s : u"1"_s;
            QVERIFY2(rows.firstValue() == expected, qPrintable(table + u": "_s + rows.firstValue()));
        }
        QCOMPARE(session->ask(u"SELECT family_name FROM citizens"_s).firstValue(), u"Family1"_s);
        QCOMPARE(session->ask(u"SELECT body FROM request_supplements"_s).firstValue(), u"supplement of 1"_s);
        QVERIFY(session->ask(u"SELECT * FROM citizens WHERE id = 2"_s).rows.isEmpty());
        verifyChain();
    }

    void anExpiredGrantReadsNothing_data() { addRoles(); }
    void anExpiredGrantReadsNothing()
    {
        QFETCH(QString, who);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        QVERIFY(session->ask(u"SELECT * FROM c360_open_profile(2, 'phone_call', '', 'desk 3')"_s).ok);
        QCOMPARE(session->ask(u"SELECT COUNT(*) FROM citizens WHERE id = 2"_s).firstValue(), u"1"_s);
        // The grant's time runs out (as the installation, standing in for the clock).
        QVERIFY(admin({u"UPDATE profile_grants SET expires_at = now() - interval '1 second' WHERE staff = '%1'"_s.arg(login(who))}));
        for (const QString &table : personalTables) {
            QVERIFY2(session->ask(u"SELECT COUNT(*) FROM %1"_s.arg(table)).firstValue() == u"0"_s, qPrintable(table));
        }
    }

    void theLogIsWrittenOnlyUnderOnesOwnName_data() { addRoles(); }
    void theLogIsWrittenOnlyUnderOnesOwnName()
    {
        QFETCH(QString, who);
        QFETCH(QString, role);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const qint64 before = entries();
        // The function that takes a role, a time or an actor is the owner's alone.
        Answer forged = session->ask(u"SELECT c360_write_audit('supervisor', 'profile_opened', 2, 'x', '', 'success', 'desk', '{}')"_s);
        QCOMPARE(forged.state, QByteArray(refused));
        // The staff's own takes none: an actor is no argument of it.
        forged = session->ask(u"SELECT c360_audit('print', 2, 'copy', '', 'success', 'desk', '{}', 'someone_else')"_s);
        QCOMPARE(forged.state, QByteArray("42883"));
        // What the store writes itself cannot be written through it.
        for (const QString &action : {u"profile_opened"_s, u"change"_s, u"purge"_s, u"login_failed"_s}) {
            forged = session->ask(u"SELECT c360_audit('%1', 2, 'x', '', 'success', 'desk', '{}')"_s.arg(action));
            QVERIFY2(forged.state == refused, qPrintable(action));
        }
        // A made-up actor or time in the details stays in the details; the entry is still theirs.
        const Answer printed = session->ask(u"SELECT c360_audit('print', 1, 'copy_for_citizen', '', 'success', 'desk 3', '{\"actor\": \"someone_else\"}')"_s);
        QVERIFY2(printed.ok, qPrintable(printed.error));
        QCOMPARE(entries(), before + 1);
        const QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(who));
        QCOMPARE(entry.value(1), role);
        QCOMPARE(entry.value(3), u"print"_s);
        verifyChain();
    }

    void theLogCannotBeChanged_data() { addRoles(); }
    void theLogCannotBeChanged()
    {
        QFETCH(QString, who);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const qint64 before = entries();
        for (const QString &sql : {u"INSERT INTO audit_log (sequence, occurred_at, actor, role, workstation, action, outcome, previous_hash, hash) "
                                   "VALUES (100000, '2026-01-01T00:00:00.000Z', 'x', 'supervisor', 'x', 'print', 'success', '\\x00', '\\x00')"_s,
                                   u"UPDATE audit_log SET actor = 'nobody'"_s,
                                   u"DELETE FROM audit_log"_s,
                                   u"TRUNCATE audit_log"_s,
                                   u"ALTER TABLE audit_log DISABLE TRIGGER ALL"_s,
                                   u"DROP TABLE audit_log"_s}) {
            const Answer tried = session->ask(sql);
            QVERIFY2(!tried.ok, qPrintable(sql));
            QVERIFY2(tried.state == refused, qPrintable(sql + u": "_s + tried.error));
        }
        QCOMPARE(entries(), before);
        verifyChain();
    }

    void theChainsKeyIsTheOwnersAlone_data() { addRoles(); }
    void theChainsKeyIsTheOwnersAlone()
    {
        QFETCH(QString, who);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        QCOMPARE(session->ask(u"SELECT key FROM audit_chain_key"_s).state, QByteArray(refused));
        QCOMPARE(session->ask(u"SELECT * FROM profile_grants"_s).state, QByteArray(refused));
        QCOMPARE(session->ask(u"INSERT INTO profile_grants VALUES (current_user, 2, now(), now() + interval '1 day', 1)"_s).state, QByteArray(refused));
    }

    void onlyThoseWhoAuditReadTheLog_data() { addRoles(); }
    void onlyThoseWhoAuditReadTheLog()
    {
        QFETCH(QString, who);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const Answer read = session->ask(u"SELECT COUNT(*) FROM audit_log"_s);
        if (who == u"supervisor"_s) {
            QVERIFY2(read.ok, qPrintable(read.error));
            QCOMPARE(read.firstValue().toLongLong(), entries());
        } else {
            QCOMPARE(read.state, QByteArray(refused));
        }
    }

    void aColleaguesDraftIsNotTouched_data()
    {
        QTest::addColumn<QString>("who");
        QTest::newRow("counter clerk") << u"clerk"_s;
        QTest::newRow("supervisor") << u"supervisor"_s;
    }
    void aColleaguesDraftIsNotTouched()
    {
        QFETCH(QString, who);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        QVERIFY(session->ask(u"SELECT * FROM c360_open_profile(1, 'counter_visit', '', 'desk 3')"_s).ok);
        const QString agent = login(u"agent"_s);
        QCOMPARE(session->ask(u"SELECT COUNT(*) FROM contact_drafts"_s).firstValue(), u"0"_s);
        QCOMPARE(session->ask(u"UPDATE contact_drafts SET payload = 'mine now' WHERE staff_member = '%1'"_s.arg(agent)).affected, 0);
        QCOMPARE(session->ask(u"DELETE FROM contact_drafts"_s).affected, 0);
        const Answer taken = session->ask(
            u"INSERT INTO contact_drafts (staff_member, citizen_id, payload, saved_at) VALUES ('%1', NULL, 'x', '2026-01-01T00:00:00.000Z')"_s.arg(agent));
        QCOMPARE(taken.state, QByteArray(refused));
        QCOMPARE(Test::rows(m_store->db(), u"SELECT payload FROM contact_drafts WHERE staff_member = '%1'"_s.arg(agent)), QStringList{u"the agent's words"_s});
        // Their own draft is theirs to keep.
        const Answer own = session->ask(u"INSERT INTO contact_drafts (staff_member, citizen_id, payload, saved_at) VALUES (session_user, 1, 'mine', "
                                        "'2026-01-01T00:00:00.000Z') ON CONFLICT (staff_member, citizen_id) DO UPDATE SET payload = excluded.payload"_s);
        QVERIFY2(own.ok, qPrintable(own.error));
        QCOMPARE(session->ask(u"SELECT payload FROM contact_drafts"_s).firstValue(), u"mine"_s);
    }

    void noRoleIsTaken_data() { addRoles(); }
    void noRoleIsTaken()
    {
        QFETCH(QString, who);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const QString self = login(who);
        for (const QString &sql : {u"GRANT c360_supervisor TO %1"_s.arg(self),
                                   u"GRANT c360_administrator TO %1"_s.arg(self),
                                   u"GRANT c360_owner TO %1"_s.arg(self),
                                   u"SET ROLE c360_owner"_s,
                                   u"SET ROLE c360_sync_service"_s,
                                   u"SET SESSION AUTHORIZATION c360"_s,
                                   u"ALTER ROLE %1 CREATEROLE"_s.arg(self),
                                   u"ALTER ROLE %1 BYPASSRLS"_s.arg(self),
                                   u"CREATE ROLE %1_twin LOGIN"_s.arg(self),
                                   u"ALTER TABLE citizens DISABLE ROW LEVEL SECURITY"_s,
                                   u"CREATE POLICY mine ON citizens FOR SELECT USING (true)"_s}) {
            const Answer tried = session->ask(sql);
            QVERIFY2(!tried.ok, qPrintable(sql));
            QVERIFY2(tried.state == refused, qPrintable(sql + u": "_s + QString::fromLatin1(tried.state) + u" "_s + tried.error));
        }
        // Nor does a temporary table stand in for the grants in the owner's functions.
        QVERIFY(forgetGrants(who));
        QVERIFY(session
                    ->ask(u"CREATE TEMPORARY TABLE profile_grants (staff TEXT, citizen_id BIGINT, granted_at TIMESTAMPTZ, expires_at TIMESTAMPTZ, "
                          "audit_sequence BIGINT)"_s)
                    .ok);
        QVERIFY(session->ask(u"INSERT INTO pg_temp.profile_grants VALUES (session_user, 2, now(), now() + interval '1 day', 1)"_s).ok);
        QCOMPARE(session->ask(u"SELECT COUNT(*) FROM public.citizens"_s).firstValue(), u"0"_s);
    }

    void aChangeIsAuditedUnderTheStaffMembersName_data() { addRoles(); }
    void aChangeIsAuditedUnderTheStaffMembersName()
    {
        QFETCH(QString, who);
        QFETCH(QString, role);
        QVERIFY(forgetGrants(who));
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const QString insert = u"INSERT INTO contact_moments (citizen_id, channel, outcome, staff_member, subject, occurred_at) VALUES (%1, 'phone', "
                               "'answered', %2, 'about the permit', '2026-01-02T00:00:00.000Z')"_s;
        // Not opened: refused, nothing written.
        qint64 before = entries();
        QCOMPARE(session->ask(insert.arg(u"1"_s, u"session_user"_s)).state, QByteArray(refused));
        QCOMPARE(entries(), before);
        QVERIFY(session->ask(u"SELECT * FROM c360_open_profile(1, 'phone_call', '', 'desk 3')"_s).ok);
        // Under another's name: refused.
        QCOMPARE(session->ask(insert.arg(u"1"_s, u"'someone_else'"_s)).state, QByteArray(refused));
        // Their own, on the open profile: written and audited in the same transaction.
        QVERIFY(session->ask(u"SET c360.workstation = 'desk 3'"_s).ok);
        before = entries();
        const Answer added = session->ask(insert.arg(u"1"_s, u"session_user"_s) + u" RETURNING id"_s);
        QVERIFY2(added.ok, qPrintable(added.error));
        QCOMPARE(entries(), before + 1);
        const QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(who));
        QCOMPARE(entry.value(1), role);
        QCOMPARE(entry.value(2), u"desk 3"_s);
        QCOMPARE(entry.value(3), u"change"_s);
        QCOMPARE(entry.value(4), u"1"_s);
        const QJsonObject details = QJsonDocument::fromJson(entry.value(7).toUtf8()).object();
        QCOMPARE(details.value(u"table"_s).toString(), u"contact_moments"_s);
        QCOMPARE(details.value(u"operation"_s).toString(), u"insert"_s);
        QCOMPARE(details.value(u"id"_s).toInteger(), added.firstValue().toLongLong());
        // A contact moment is never rewritten or removed by staff.
        QCOMPARE(session->ask(u"UPDATE contact_moments SET body = 'x'"_s).state, QByteArray(refused));
        QCOMPARE(session->ask(u"DELETE FROM contact_moments"_s).state, QByteArray(refused));
        // A request's answer, on the open profile: audited; citizen 2's is out of reach.
        before = entries();
        QCOMPARE(session->ask(u"UPDATE requests SET answer = 'done', version = version + 1 WHERE id = 2"_s).affected, 0);
        QCOMPARE(session->ask(u"UPDATE requests SET answer = 'done', version = version + 1 WHERE id = 1"_s).affected, 1);
        QCOMPARE(entries(), before + 1);
        QCOMPARE(lastEntry().value(3), u"change"_s);
        // The question is the citizen's and stays as asked.
        QCOMPARE(session->ask(u"UPDATE requests SET question = 'rewritten' WHERE id = 1"_s).state, QByteArray(refused));
        verifyChain();
    }

    void anAdministratorOpensNoProfile()
    {
        const auto session = connectAs(u"admin"_s);
        QVERIFY(session->connected());
        const qint64 before = entries();
        const Answer open = session->ask(u"SELECT entry_sequence, readable_until IS NULL FROM c360_open_profile(1, 'curiosity', '', 'server room')"_s);
        QVERIFY2(open.ok, qPrintable(open.error));
        QCOMPARE(open.rows.value(0).value(1), u"t"_s);
        QCOMPARE(entries(), before + 1);
        const QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(u"admin"_s));
        QCOMPARE(entry.value(3), u"profile_opened"_s);
        QCOMPARE(entry.value(6), u"denied"_s);
        for (const QString &table : personalTables) {
            QVERIFY2(session->ask(u"SELECT COUNT(*) FROM %1"_s.arg(table)).firstValue() == u"0"_s, qPrintable(table));
        }
        // Administrators audit: they read the log.
        QVERIFY(session->ask(u"SELECT COUNT(*) FROM audit_log"_s).ok);
        verifyChain();
    }

    // The application signed in as a staff member's own role: no key; the server writes each
    // entry (a profile opened through c360_open_profile, the rest through c360_audit) under that
    // role, whatever the entry says; a change is left to the store's triggers.
    void theApplicationsEntriesAreWrittenByTheServer()
    {
        QVERIFY(forgetGrants(u"clerk"_s));
        const QString uri = storeAs(u"clerk"_s);
        ManualClock clock(Test::TempStore::defaultStart());
        auto db = Database::open(uri, Database::OpenMode::ReadWrite, clock);
        QVERIFY2(db, Test::why(db).constData());
        AuditRepository log(**db, QByteArray());
        QVERIFY(log.writesThroughServer());
        QVERIFY(!AuditRepository(m_store->db(), chainKey).writesThroughServer());
        AuditEntry opened;
        opened.actor = u"someone_else"_s;
        opened.role = Role::Supervisor;
        opened.workstation = u"desk 4"_s;
        opened.action = AuditAction::ProfileOpened;
        opened.subjectCitizenId = 2;
        opened.purposeCode = u"counter_visit"_s;
        AuditEntry shown = opened;
        shown.action = AuditAction::SearchResultShown;
        shown.subjectCitizenId = 1;
        shown.details = u"{\"rank\": 1}"_s;
        AuditEntry changed = opened;
        changed.action = AuditAction::Change;
        const qint64 before = entries();
        const auto written = log.appendAll({opened, shown, changed});
        QVERIFY2(written, Test::why(written).constData());
        QCOMPARE(written->at(0).sequence, before + 1);
        QCOMPARE(written->at(1).sequence, before + 2);
        QCOMPARE(written->at(2).sequence, 0);
        QCOMPARE(entries(), before + 2);
        const QStringList entry = lastEntry();
        QCOMPARE(entry.value(0), login(u"clerk"_s));
        QCOMPARE(entry.value(1), u"counter_clerk"_s);
        QCOMPARE(entry.value(3), u"search_result_shown"_s);
        QCOMPARE(QJsonDocument::fromJson(entry.value(7).toUtf8()).object().value(u"rank"_s).toInt(), 1);
        // The grant came with the entry: citizen 2 is readable on this connection now.
        QCOMPARE(Test::rows(**db, u"SELECT family_name FROM citizens"_s), QStringList{u"Family2"_s});
        // What was searched for is hashed by the server with the same derived key.
        const AuditService serverSide(**db, QByteArray());
        const AuditService withKey(m_store->db(), chainKey);
        QVERIFY(serverSide.writesThroughServer());
        QCOMPARE(serverSide.keyedHash(u"peeters 1980"_s), withKey.keyedHash(u"peeters 1980"_s));
        // An administrator's function is not the clerk's.
        QCOMPARE(connectAs(u"clerk"_s)->ask(u"SELECT c360_add_staff('mallory', 'administrator', '', '', NULL, 'desk')"_s).state, QByteArray(refused));
        QCOMPARE(connectAs(u"clerk"_s)->ask(u"SELECT c360_set_staff_disabled('%1', true, 'desk')"_s.arg(login(u"agent"_s))).state, QByteArray(refused));
        verifyChain();
    }

    // The clerk's workflow through the application's services on the clerk's own login: search
    // through the store's c360_search (result lines only, audited once a typing), then the case
    // opened through c360_open_profile and read under its grant.
    void aClerksSearchAndCaseGoThroughTheStore()
    {
        QVERIFY(forgetGrants(u"clerk"_s));
        const QString uri = storeAs(u"clerk"_s);
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto db = Database::open(uri, Database::OpenMode::ReadWrite, clock);
        QVERIFY2(db, Test::why(db).constData());
        AuditService audit(**db, QByteArray());
        SearchService search(audit);
        const StaffMember clerk(login(u"clerk"_s), Role::CounterClerk, u"desk 3"_s);
        const qint64 before = entries();
        const auto found = search.search(clerk, u"family"_s);
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
        QCOMPARE(found->hits.size(), 2);
        QCOMPARE(found->matches, 2);
        QCOMPARE(found->hits.at(0).familyName, u"Family1"_s);
        QCOMPARE(found->hits.at(1).givenNames, u"Given2"_s);
        QCOMPARE(entries(), before + 3);
        const auto details =
            QJsonDocument::fromJson(Test::rows(m_store->db(), u"SELECT details FROM audit_log WHERE sequence = %1"_s.arg(before + 1)).value(0).toUtf8())
                .object();
        QCOMPARE(details.value(u"text"_s).toString(), u"family"_s);
        QCOMPARE(details.value(u"matches"_s).toInt(), 2);
        QCOMPARE(lastEntry().value(0), login(u"clerk"_s));
        QCOMPARE(lastEntry().value(3), u"search_result_shown"_s);
        // The next keystroke of the same typing: its search entry, no second one for a line shown.
        const auto again = search.search(clerk, u"family1"_s);
        QVERIFY(again);
        QCOMPARE(again->hits.size(), 1);
        QCOMPARE(entries(), before + 4);
        QCOMPARE(lastEntry().value(3), u"search"_s);
        // The lines were all it read.
        QCOMPARE(Test::scalar(**db, u"SELECT COUNT(*) FROM citizens"_s), 0);
        // Claiming a line was shown when the log says otherwise spares no entry.
        const qint64 claimed = entries();
        const Answer liar =
            connectAs(u"agent"_s)->ask(u"SELECT citizen_id FROM c360_search('name', 'family:*', NULL, NULL, 1001, 50, '{}', '{1,2}', 'desk')"_s);
        QVERIFY2(liar.ok, qPrintable(liar.error));
        QCOMPARE(liar.rows.size(), 2);
        QCOMPARE(entries(), claimed + 3);
        // Administrators do not search citizens.
        QCOMPARE(connectAs(u"admin"_s)->ask(u"SELECT * FROM c360_search('name', 'family:*', NULL, NULL, 1001, 50, '{}', '{}', 'desk')"_s).state,
                 QByteArray(refused));

        CaseService cases(audit);
        const auto file = cases.open(clerk, 1, Purpose{u"counter_visit"_s, QString()});
        QVERIFY2(file, qPrintable(file ? QString() : file.error().message));
        QCOMPARE(file->citizen.familyName, u"Family1"_s);
        QVERIFY(!file->contacts.isEmpty());
        QVERIFY(!file->requests.isEmpty());
        QVERIFY(!file->reports.isEmpty());
        QCOMPARE(lastEntry().value(3), u"profile_opened"_s);
        QCOMPARE(lastEntry().value(0), login(u"clerk"_s));
        QCOMPARE(file->auditSequence, entries());
        const qint64 opened = entries();
        const auto missing = cases.open(clerk, 999, Purpose{u"counter_visit"_s, QString()});
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ServiceError::Kind::NotFound);
        QCOMPARE(entries(), opened);
        verifyChain();
    }

    // A clerk's search of a word's first letters (schema 12: the names' words in a B-tree with the
    // names each line is ordered by) shows the first lines in name order and reads only those
    // from the citizens; more words go through the GIN index, in the same order.
    void aClerksLinesAreTheFirstInNameOrder()
    {
        QStringList setup;
        for (int i = 0; i < 60; ++i) {
            // Given names in the reverse order of the ids: the name order is not the index's.
            setup << u"INSERT INTO citizens (id, given_names, family_name, search_names, birth_date, updated_at) VALUES (%1, 'Zoe%2', 'Zoeker', "
                     "'zoe%2 zoeker', '1980-01-01', '2026-01-01T00:00:00.000Z')"_s.arg(1000 + i)
                         .arg(QString::number(200 - i));
        }
        QVERIFY(admin(setup));
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto db = Database::open(storeAs(u"agent"_s), Database::OpenMode::ReadWrite, clock);
        QVERIFY2(db, Test::why(db).constData());
        AuditService audit(**db, QByteArray());
        SearchService search(audit);
        const StaffMember agent(login(u"agent"_s), Role::CallCentreAgent, u"kcc 1"_s);
        for (const QString &typed : {u"zoek"_s, u"zoeker zoe"_s}) {
            const auto found = search.search(agent, typed);
            QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
            QCOMPARE(found->matches, 60);
            QCOMPARE(found->hits.size(), SearchService::DefaultLimit);
            QCOMPARE(found->hits.first().givenNames, u"Zoe141"_s);
            QCOMPARE(found->hits.last().givenNames, u"Zoe190"_s);
            for (qsizetype i = 1; i < found->hits.size(); ++i) {
                QVERIFY(found->hits.at(i - 1).givenNames < found->hits.at(i).givenNames);
            }
        }
        verifyChain();
    }

    // The rest of the front office's day on the staff's own logins, through the application's
    // services (schema 10): the clerk's worklist, a contact registered and queued for its back
    // end, a request made and answered, a product linked; the supervisor's audit window with the
    // masked numbers and the chain checked by the store; the access report and the export.
    void aFrontOfficeDayGoesThroughTheStore()
    {
        QVERIFY(forgetGrants(u"clerk"_s));
        QVERIFY(admin({u"UPDATE requests SET assignee_kind = 'team', assignee_name = 'KCC' WHERE id = 2"_s,
                       u"UPDATE citizen_identifiers SET type = 'be_nrn', value = '80010100107' WHERE citizen_id = 1"_s,
                       // The fixture's rows were made with their ids: new ones come after them.
                       u"SELECT setval(pg_get_serial_sequence('requests', 'id'), 1000)"_s}));
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto db = Database::open(storeAs(u"clerk"_s), Database::OpenMode::ReadWrite, clock);
        QVERIFY2(db, Test::why(db).constData());
        AuditService audit(**db, QByteArray());
        const StaffMember clerk(login(u"clerk"_s), Role::CounterClerk, u"desk 3"_s, u"KCC"_s);
        const Purpose visit{u"counter_visit"_s, QString()};

        // The worklist: the team's request, its citizen's name, the line audited as shown.
        RequestService requests(audit, u"klantinteracties"_s);
        qint64 before = entries();
        const auto worklist = requests.worklist(clerk, u"another team the desk claims"_s);
        QVERIFY2(worklist, qPrintable(worklist ? QString() : worklist.error().message));
        QCOMPARE(worklist->size(), 1);
        QCOMPARE(worklist->constFirst().requestId, 2);
        QCOMPARE(worklist->constFirst().citizenName, u"Given2 Family2"_s);
        QCOMPARE(entries(), before + 1);
        QCOMPARE(lastEntry().value(0), login(u"clerk"_s));
        QCOMPARE(lastEntry().value(3), u"search_result_shown"_s);
        QCOMPARE(lastEntry().value(4), u"2"_s);

        // A contact at the counter, audited under the clerk's name.
        CaseService cases(audit, u"klantinteracties"_s);
        QVERIFY(cases.open(clerk, 1, visit));
        ContactMoment contact;
        contact.citizenId = 1;
        contact.subject = u"Parking permit"_s;
        contact.text = u"Asked how long the permit takes."_s;
        before = entries();
        const auto contactId = cases.registerContact(clerk, visit, contact);
        QVERIFY2(contactId, qPrintable(contactId ? QString() : contactId.error().message));
        // (Queued for its back end only for a citizen that back end knows: tst_sharedsyncservice.)
        QVERIFY(entries() > before);
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE sequence > %1 AND actor <> '%2'"_s.arg(before).arg(login(u"clerk"_s))), 0);
        // The queue is not the clerk's to read, nor to fill with what they did not register.
        const auto psql = connectAs(u"clerk"_s);
        QCOMPARE(psql->ask(u"SELECT payload FROM outbox"_s).state, QByteArray(refused));
        QCOMPARE(psql->ask(u"INSERT INTO outbox (idempotency_key, source, resource, operation, entity_kind, entity_id, payload, state, created_at) "
                           "VALUES ('forged', 'klantinteracties', 'contactmomenten', 'create', 'contact_moment', 1, '\\x7b7d', 'pending', "
                           "'2026-01-01T00:00:00.000Z')"_s)
                     .state,
                 QByteArray(refused));

        // A request made, then answered; a product linked.
        Request request;
        request.citizenId = 1;
        request.question = u"Can the permit start next month?"_s;
        const auto requestId = requests.createRequest(clerk, visit, request, *contactId);
        QVERIFY2(requestId, qPrintable(requestId ? QString() : requestId.error().message));
        const auto answered = requests.answerRequest(clerk, visit, *requestId, u"Yes, from the first."_s);
        QVERIFY2(answered, qPrintable(answered ? QString() : answered.error().message));
        CatalogueService catalogue(audit);
        const auto linked = catalogue.linkCatalogue(clerk, visit, 1, 2);
        QVERIFY2(linked, qPrintable(linked ? QString() : linked.error().message));
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM citizen_catalogue_links WHERE citizen_id = 1 AND entry_id = 2"_s), 1);

        // The supervisor's audit window: the clerk's entries, the subject's number masked as
        // everywhere, the chain checked by the store.
        auto supervisorDb = Database::open(storeAs(u"supervisor"_s), Database::OpenMode::ReadWrite, clock);
        QVERIFY2(supervisorDb, Test::why(supervisorDb).constData());
        AuditService supervisorAudit(**supervisorDb, QByteArray());
        const StaffMember supervisor(login(u"supervisor"_s), Role::Supervisor, u"office"_s);
        AuditQueryService auditQuery(supervisorAudit);
        AuditFilter filter;
        filter.staffMember = login(u"clerk"_s);
        filter.citizenId = 1;
        const auto rows = auditQuery.find(supervisor, filter);
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
        QVERIFY(rows->size() >= 3);
        for (const AuditRow &row : *rows) {
            QCOMPARE(row.maskedCitizen, u"••.••.••-•••.07"_s);
        }
        const auto verified = auditQuery.verifyChain(supervisor);
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
        QCOMPARE(verified->problem, AuditRepository::Verification::Problem::None);
        QCOMPARE(verified->checkedThrough, entries() - 1); // its own audit_verified entry comes after
        verifyChain();

        // The access report, by the supervisor, of a citizen they never opened.
        PrivacyService privacy(supervisorAudit);
        const auto report = privacy.accessReport(supervisor, 1, Purpose{u"access_request"_s, QString()});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->citizen.familyName, u"Family1"_s);
        QCOMPARE(report->entries.constLast().action, AuditAction::AccessReport);
        QCOMPARE(report->entries.constLast().actor, login(u"supervisor"_s));
        QVERIFY(std::any_of(report->entries.cbegin(), report->entries.cend(), [&](const AuditEntry &e) {
            return e.actor == login(u"clerk"_s) && e.action == AuditAction::ProfileOpened;
        }));

        // The export, by the administrator, who opens no profile.
        auto adminDb = Database::open(storeAs(u"admin"_s), Database::OpenMode::ReadWrite, clock);
        QVERIFY2(adminDb, Test::why(adminDb).constData());
        AuditService adminAudit(**adminDb, QByteArray());
        const StaffMember administrator(login(u"admin"_s), Role::Administrator, u"office"_s);
        PrivacyService adminPrivacy(adminAudit);
        const auto exported = adminPrivacy.exportCitizen(administrator, 2, Purpose{u"access_request"_s, QString()});
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QCOMPARE(exported->file.citizen.familyName, u"Family2"_s);
        QVERIFY(!exported->file.requests.isEmpty());
        QCOMPARE(lastEntry().value(0), login(u"admin"_s));
        QCOMPARE(lastEntry().value(3), u"export"_s);
        // Neither reads for what the other does: an access report is no export, a supervisor no administrator.
        QCOMPARE(connectAs(u"supervisor"_s)->ask(u"SELECT * FROM c360_open_record(2, 'export', 'access_request', '', 'desk')"_s).state, QByteArray(refused));
        QCOMPARE(connectAs(u"clerk"_s)->ask(u"SELECT * FROM c360_open_record(2, 'access_report', 'access_request', '', 'desk')"_s).state, QByteArray(refused));
        QCOMPARE(connectAs(u"clerk"_s)->ask(u"SELECT * FROM c360_verify_audit()"_s).state, QByteArray(refused));
        QCOMPARE(connectAs(u"clerk"_s)->ask(u"SELECT * FROM c360_audit_subjects('{1}', '{x}')"_s).state, QByteArray(refused));
        verifyChain();
    }

    // The store's check of the chain finds a changed entry where the desk's check does.
    void theStoreFindsAChangedEntry()
    {
        const QString original = Test::rows(m_store->db(), u"SELECT purpose_text FROM audit_log WHERE sequence = 2"_s).value(0);
        QVERIFY(admin({u"ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"_s,
                       u"UPDATE audit_log SET purpose_text = 'rewritten' WHERE sequence = 2"_s,
                       u"ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"_s}));
        const Answer check = connectAs(u"supervisor"_s)->ask(u"SELECT checked_through, first_bad, problem FROM c360_verify_audit()"_s);
        const auto restore = qScopeGuard([&] {
            QVERIFY(admin({u"ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"_s,
                           u"UPDATE audit_log SET purpose_text = '%1' WHERE sequence = 2"_s.arg(QString(original).replace(u"'"_s, u"''"_s)),
                           u"ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"_s}));
        });
        QVERIFY2(check.ok, qPrintable(check.error));
        QCOMPARE(check.rows.value(0), (QStringList{u"1"_s, u"2"_s, u"changed"_s}));
        AuditRepository log(m_store->db(), chainKey);
        const auto desk = log.verify();
        QVERIFY(desk);
        QCOMPARE(desk->problem, AuditRepository::Verification::Problem::Changed);
        QCOMPARE(desk->firstBad, 2);
    }

    void noOneElseOpensAProfile_data()
    {
        QTest::addColumn<QString>("who");
        QTest::newRow("a login of the server, no staff member") << u"outsider"_s;
        QTest::newRow("a staff account switched off") << u"retired"_s;
    }
    void noOneElseOpensAProfile()
    {
        QFETCH(QString, who);
        const auto session = connectAs(who);
        QVERIFY(session->connected());
        const qint64 before = entries();
        QCOMPARE(session->ask(u"SELECT * FROM c360_open_profile(1, 'counter_visit', '', 'desk')"_s).state, QByteArray(refused));
        QCOMPARE(session->ask(u"SELECT c360_audit('print', 1, 'copy', '', 'success', 'desk', '{}')"_s).state, QByteArray(refused));
        QCOMPARE(entries(), before);
        const Answer read = session->ask(u"SELECT COUNT(*) FROM citizens"_s);
        QVERIFY(read.state == refused || read.firstValue() == u"0"_s);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseRoles)
#include "tst_databaseroles.moc"
