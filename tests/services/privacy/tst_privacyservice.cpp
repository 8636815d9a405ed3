// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The citizen's rights: the access report (who looked, when, why) and the export of everything
// held about them. Each read path writes its audit entry before it reads, is refused to roles
// that may not use it (audited), and holds exactly this citizen's data.

#include "audit/auditrepository.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "citizenbuilder.h"
#include "privacy/privacyservice.h"
#include "servicestest.h"
#include "store/cataloguerepository.h"
#include "store/citizenrepository.h"
#include "store/reportrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

namespace
{
const QByteArray key(32, 'p');
const StaffMember clerk{u"an.balie"_s, Role::CounterClerk, u"balie-1"_s};
const StaffMember supervisor{u"els.toezicht"_s, Role::Supervisor, u"toezicht-1"_s};
const StaffMember admin{u"beheerder"_s, Role::Administrator, u"beheer-1"_s};
const Purpose visit{u"counter_visit"_s, u"Vraag over de parkeerkaart"_s};
const Purpose gdpr{u"gdpr_access_request"_s, u"Brief van de burger van 20 november"_s};

QStringList actionsOf(const QJsonArray &accesses)
{
    QStringList out;
    for (const QJsonValue &a : accesses) {
        out.append(a[u"action"_s].toString());
    }
    return out;
}
} // namespace

class TestPrivacyService : public Test::ServicesTest
{
    Q_OBJECT

    std::unique_ptr<PrivacyService> m_privacy;
    qint64 m_citizen = 0;
    qint64 m_other = 0;
    QString m_number;

private Q_SLOTS:
    void init()
    {
        Database &db = openServices(key);
        m_privacy = std::make_unique<PrivacyService>(*m_audit);
        const Citizen lotte = Test::CitizenBuilder()
                                  .withName(u"Lotte"_s, u"Claes"_s)
                                  .bornOn(QDate(1979, 4, 2))
                                  .withNationalNumber(45)
                                  .withEmail(u"lotte@example.be"_s, QDate(2025, 1, 1))
                                  .livingAt(u"Veldstraat"_s, u"8"_s, u"9000"_s, u"Gent"_s)
                                  .build();
        m_citizen = CitizenRepository(db).insert(lotte).value_or(0);
        m_number = lotte.identifiers.first().formatted();
        m_other = CitizenRepository(db).insert(Test::CitizenBuilder().withName(u"Bram"_s, u"Wouters"_s).withNationalNumber(77).build()).value_or(0);
        QVERIFY(m_citizen && m_other);
        // Her report, and one that may be hers (not exported as hers).
        Report mine;
        mine.source = {u"open311"_s, u"r-1"_s};
        mine.citizenId = m_citizen;
        mine.matchBasis = MatchBasis::NationalNumber;
        mine.serviceName = u"Straatverlichting"_s;
        mine.description = u"Lamp stuk in de Veldstraat"_s;
        QVERIFY(ReportRepository(db).upsertBySource(mine));
        Report possible;
        possible.source = {u"open311"_s, u"r-2"_s};
        possible.description = u"Zwerfvuil van iemand anders"_s;
        possible.candidates = {{m_citizen, MatchBasis::Email, CandidateState::Possible}};
        QVERIFY(ReportRepository(db).upsertBySource(possible));
        CatalogueEntry entry;
        entry.productId = u"p-1"_s;
        entry.name = {{u"nl"_s, u"Bewonerskaart"_s}};
        const qint64 entryId = CatalogueRepository(db).upsertByProductId(entry).value_or(0);
        // The clerk's work: a look, the number shown, a contact, a request with a supplement, a link.
        QVERIFY(m_cases->open(clerk, m_citizen, visit));
        QVERIFY(m_cases->revealIdentifier(clerk, m_citizen, visit));
        ContactMoment contact;
        contact.citizenId = m_citizen;
        contact.subject = u"Bewonerskaart"_s;
        contact.text = u"Vraagt naar de voorwaarden"_s;
        QVERIFY(m_cases->registerContact(clerk, visit, contact));
        Request request;
        request.citizenId = m_citizen;
        request.question = u"Kan de kaart ook voor een deelwagen?"_s;
        const qint64 requestId = m_requests->createRequest(clerk, visit, request).value_or(0);
        QVERIFY(requestId);
        QVERIFY(m_requests->supplementRequest(clerk, visit, requestId, u"Nummerplaat 1-ABC-123"_s));
        QVERIFY(m_catalogue->linkCatalogue(clerk, visit, m_citizen, entryId));
        QVERIFY(m_cases->open(clerk, m_other, visit)); // someone else's case: not in her report
    }

    void citizenByNumber()
    {
        QCOMPARE(m_privacy->citizenByNumber(m_number).value_or(0), m_citizen);
        QString digits = m_number;
        digits.remove(QRegularExpression(u"\\D"_s));
        QCOMPARE(m_privacy->citizenByNumber(digits).value_or(0), m_citizen);
        QString wrong = digits;
        wrong[10] = wrong[10] == u'0' ? u'1' : u'0'; // the check digits no longer match
        auto invalid = m_privacy->citizenByNumber(wrong);
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().kind, ServiceError::Kind::Invalid);
        QVERIFY(!invalid.error().message.isEmpty());
        QCOMPARE(m_privacy->citizenByNumber(u"abc"_s).error().kind, ServiceError::Kind::Invalid);
        auto unknown = m_privacy->citizenByNumber(Test::CitizenBuilder().bornOn(QDate(1990, 1, 1)).withNationalNumber(12).build().identifiers.first().value);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, ServiceError::Kind::NotFound);
    }

    // Who looked at her profile, when and why: everything about her, nothing about anyone else,
    // and the report itself, written before it was read.
    void accessReport()
    {
        const qint64 before = auditCount();
        auto report = m_privacy->accessReport(supervisor, m_citizen, gdpr);
        QVERIFY(report);
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(report->citizen.id, m_citizen);
        const QJsonObject json = PrivacyService::toJson(*report);
        QCOMPARE(json[u"document"_s].toString(), u"access_report"_s);
        QCOMPARE(json[u"citizen"_s][u"name"_s].toString(), u"Lotte Claes"_s);
        QCOMPARE(json[u"citizen"_s][u"identifier"_s][u"value"_s].toString(), m_number);
        QCOMPARE(json[u"generated_by"_s][u"role"_s].toString(), u"supervisor"_s);
        const QJsonArray accesses = json[u"accesses"_s].toArray();
        const QStringList actions = actionsOf(accesses);
        QCOMPARE(actions.first(), u"profile_opened"_s);
        QVERIFY(actions.contains(u"identifier_revealed"_s));
        QCOMPARE(actions.count(u"change"_s), 4); // contact, request, supplement, link
        QCOMPARE(actions.last(), u"access_report"_s);
        QCOMPARE(actions.count(u"profile_opened"_s), 1); // Bram's case is not in it
        QCOMPARE(accesses.first()[u"staff_member"_s].toString(), clerk.name);
        QCOMPARE(accesses.first()[u"purpose"_s].toString(), visit.text);
        QCOMPARE(accesses.first()[u"workstation"_s].toString(), clerk.workstation);
        QCOMPARE(accesses.last()[u"purpose"_s].toString(), gdpr.text);
        const QString html = PrivacyService::toHtml(*report);
        QVERIFY(html.contains(u"Lotte Claes"_s));
        QVERIFY(html.contains(visit.text));
        QVERIFY(html.contains(u"Profile opened"_s));
        QVERIFY(AuditRepository(m_store->db(), key).verify().value().intact());
    }

    void exportHoldsEverything()
    {
        auto data = m_privacy->exportCitizen(admin, m_citizen, gdpr);
        QVERIFY(data);
        const QJsonObject json = PrivacyService::toJson(*data);
        QCOMPARE(json[u"document"_s].toString(), u"citizen_export"_s);
        QCOMPARE(json[u"purpose"_s][u"text"_s].toString(), gdpr.text);
        const QJsonObject citizen = json[u"citizen"_s].toObject();
        QCOMPARE(citizen[u"family_name"_s].toString(), u"Claes"_s);
        QCOMPARE(citizen[u"birth_date"_s].toString(), u"1979-04-02"_s);
        QCOMPARE(citizen[u"identifiers"_s][0][u"value"_s].toString(), m_number);
        QCOMPARE(citizen[u"digital_addresses"_s][0][u"value"_s].toString(), u"lotte@example.be"_s);
        QCOMPARE(citizen[u"address"_s][u"street"_s].toString(), u"Veldstraat"_s);
        const QJsonArray reports = json[u"reports"_s].toArray();
        QCOMPARE(reports.size(), 1); // the possible match is not hers until confirmed
        QCOMPARE(reports.first()[u"description"_s].toString(), u"Lamp stuk in de Veldstraat"_s);
        QCOMPARE(json[u"contact_moments"_s].toArray().size(), 1);
        const QJsonArray requests = json[u"requests"_s].toArray();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first()[u"supplements"_s][0][u"text"_s].toString(), u"Nummerplaat 1-ABC-123"_s);
        QVERIFY(!requests.first()[u"deleted_on"_s].toString().isEmpty());
        QCOMPARE(json[u"catalogue_links"_s][0][u"product"_s].toString(), u"Bewonerskaart"_s);
        // Its own entry was on disk before the data was read: it is the last access listed.
        QCOMPARE(actionsOf(json[u"accesses"_s].toArray()).last(), u"export"_s);
        const QString text = QString::fromUtf8(QJsonDocument(json).toJson());
        QVERIFY(!text.contains(u"Wouters"_s));
        QVERIFY(!text.contains(u"Zwerfvuil"_s));
        const QString html = PrivacyService::toHtml(*data);
        for (const QString &shown : {u"Lotte Claes"_s, u"lotte@example.be"_s, u"Lamp stuk"_s, u"deelwagen"_s, u"Nummerplaat"_s, u"Bewonerskaart"_s}) {
            QVERIFY2(html.contains(shown), qPrintable(shown));
        }
    }

    // The roles: access reports for supervisors and administrators, exports for administrators;
    // each refusal audited; no purpose, no report; an unknown citizen leaves no entry.
    void rolesPurposeAndUnknownCitizens()
    {
        for (const StaffMember &staff : {clerk, StaffMember{u"cc"_s, Role::CallCentreAgent, u"cc-1"_s}}) {
            const qint64 denied = Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s);
            QCOMPARE(m_privacy->accessReport(staff, m_citizen, gdpr).error().kind, ServiceError::Kind::Denied);
            QCOMPARE(m_privacy->exportCitizen(staff, m_citizen, gdpr).error().kind, ServiceError::Kind::Denied);
            QCOMPARE(Test::scalar(m_store->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'access_denied'"_s), denied + 2);
        }
        QCOMPARE(m_privacy->exportCitizen(supervisor, m_citizen, gdpr).error().kind, ServiceError::Kind::Denied);
        QVERIFY(m_privacy->accessReport(admin, m_citizen, gdpr));
        QCOMPARE(m_privacy->accessReport(supervisor, m_citizen, Purpose()).error().kind, ServiceError::Kind::NoPurpose);
        QCOMPARE(m_privacy->exportCitizen(admin, m_citizen, Purpose()).error().kind, ServiceError::Kind::NoPurpose);
        const qint64 before = auditCount();
        QCOMPARE(m_privacy->accessReport(supervisor, 999999, gdpr).error().kind, ServiceError::Kind::NotFound);
        QCOMPARE(m_privacy->exportCitizen(admin, 999999, gdpr).error().kind, ServiceError::Kind::NotFound);
        QCOMPARE(auditCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestPrivacyService)
#include "tst_privacyservice.moc"
