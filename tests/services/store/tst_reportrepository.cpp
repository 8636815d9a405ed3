// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "citizenbuilder.h"
#include "repositorytest.h"
#include "store/citizenrepository.h"
#include "store/reportrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSqlQuery>
#include <QTest>

using namespace C360;
using Test::rowCount;
using Test::why;

namespace
{
QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 2, day), QTime(hour, 15, 30, 250), Qt::UTC);
}

Report makeReport(const QString &sourceId, const QDateTime &requested)
{
    Report r;
    r.source = {QStringLiteral("open311"), sourceId};
    r.serviceCode = QStringLiteral("streetlight");
    r.serviceName = QStringLiteral("Straatverlichting");
    r.description = QStringLiteral("Lamp brandt niet");
    r.status = ReportStatus::InProgress;
    r.statusNotes = QStringLiteral("Aannemer verwittigd");
    r.address = {
        QStringLiteral("Kerkstraat"), QStringLiteral("12"), QStringLiteral("3"), QStringLiteral("2000"), QStringLiteral("Antwerpen"), QStringLiteral("BE")};
    r.location = GeoPoint{51.2194, 4.4025};
    r.requested = requested;
    r.updated = requested.addSecs(3600);
    r.expected = requested.addDays(5);
    return r;
}
} // namespace

class TestReportRepository : public Test::RepositoryTest<ReportRepository>
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void upsertUpdatesBySource();
    void upsertKeepsStaffDecisions();
    void forCitizenIncludesPossibleMatchesNewestFirst();
    void confirmCandidate();
    void confirmUnknownCandidateChangesNothing();
    void rejectCandidate();
    void setCandidates();
    void failedUpsertLeavesNothing();
    void failedUpdateKeepsThePreviousVersion();
    void deletingCitizenUnlinksAndDropsCandidates();
    void deletingReportDropsCandidates();

private:
    qint64 addCitizen(const QString &family);
};

void TestReportRepository::init()
{
    openStore();
}

void TestReportRepository::cleanup()
{
    closeStore();
}

qint64 TestReportRepository::addCitizen(const QString &family)
{
    CitizenRepository citizens(m_store->db());
    auto id = citizens.insert(Test::CitizenBuilder().withName(QStringLiteral("Jan"), family).build());
    return id ? *id : 0;
}

void TestReportRepository::roundTrip_data()
{
    QTest::addColumn<Report>("report");
    QTest::addColumn<bool>("linked");
    QTest::addColumn<int>("candidates");

    Report full = makeReport(QStringLiteral("r-1"), at(10, 8));
    QTest::newRow("full, linked") << full << true << 0;
    QTest::newRow("full, two candidates") << full << false << 2;

    Report minimal;
    minimal.source = {QStringLiteral("open311"), QStringLiteral("r-2")};
    QTest::newRow("minimal: no location, times or texts") << minimal << false << 0;

    Report local = makeReport(QString(), at(11, 9));
    local.source = {QStringLiteral("local"), QString()};
    local.status = ReportStatus::Closed;
    QTest::newRow("local, without source id") << local << false << 1;
}

void TestReportRepository::roundTrip()
{
    QFETCH(Report, report);
    QFETCH(bool, linked);
    QFETCH(int, candidates);

    if (linked) {
        report.citizenId = addCitizen(QStringLiteral("Peeters"));
        report.matchBasis = MatchBasis::NationalNumber;
    }
    for (int i = 0; i < candidates; ++i) {
        report.candidates.append({addCitizen(QStringLiteral("Kandidaat")), i == 0 ? MatchBasis::Email : MatchBasis::Phone, CandidateState::Possible});
    }
    auto id = m_repository->upsertBySource(report);
    QVERIFY2(id, why(id).constData());
    QVERIFY(*id > 0);

    auto found = m_repository->find(*id);
    QVERIFY2(found, why(found).constData());
    QVERIFY(found->has_value());
    report.id = *id;
    QCOMPARE(found->value(), report);
    QCOMPARE(m_repository->count().value_or(-1), 1);

    auto missing = m_repository->find(*id + 1);
    QVERIFY(missing && !missing->has_value());
}

void TestReportRepository::upsertUpdatesBySource()
{
    const qint64 first = addCitizen(QStringLiteral("Eerste"));
    const qint64 second = addCitizen(QStringLiteral("Tweede"));
    Report report = makeReport(QStringLiteral("r-9"), at(3, 10));
    report.candidates = {{first, MatchBasis::Email, CandidateState::Possible}};
    auto id = m_repository->upsertBySource(report);
    QVERIFY2(id, why(id).constData());

    report.status = ReportStatus::Closed;
    report.statusNotes = QStringLiteral("Hersteld");
    report.location.reset();
    report.candidates = {{second, MatchBasis::Phone, CandidateState::Possible}};
    auto again = m_repository->upsertBySource(report);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(*again, *id);
    QCOMPARE(m_repository->count().value_or(-1), 1);

    report.id = *id;
    QCOMPARE(m_repository->find(*id)->value(), report);

    // The same source id from another back end is another report.
    report.source.system = QStringLiteral("other311");
    auto other = m_repository->upsertBySource(report);
    QVERIFY2(other, why(other).constData());
    QVERIFY(*other != *id);
    QCOMPARE(m_repository->count().value_or(-1), 2);
}

void TestReportRepository::upsertKeepsStaffDecisions()
{
    const qint64 confirmed = addCitizen(QStringLiteral("Bevestigd"));
    const qint64 rejected = addCitizen(QStringLiteral("Afgewezen"));
    Report report = makeReport(QStringLiteral("r-5"), at(4, 10));
    report.candidates = {{confirmed, MatchBasis::Email, CandidateState::Possible}, {rejected, MatchBasis::Phone, CandidateState::Possible}};
    auto id = m_repository->upsertBySource(report);
    QVERIFY2(id, why(id).constData());
    QVERIFY(m_repository->rejectCandidate(*id, rejected));
    QVERIFY(m_repository->confirmCandidate(*id, confirmed));

    // The back end sends the report again, still without a certain reporter.
    report.description = QStringLiteral("Lamp brandt nog altijd niet");
    QVERIFY(m_repository->upsertBySource(report));

    const Report stored = m_repository->find(*id)->value();
    QCOMPARE(stored.description, report.description);
    QCOMPARE(stored.citizenId, confirmed);
    QCOMPARE(stored.matchBasis, MatchBasis::Staff);
    const QList<ReportCandidate> expected = {{rejected, MatchBasis::Phone, CandidateState::Rejected}};
    QCOMPARE(stored.candidates, expected);

    // A reporter the back end is certain of replaces the staff decision.
    const qint64 certain = addCitizen(QStringLiteral("Zeker"));
    report.citizenId = certain;
    report.matchBasis = MatchBasis::NationalNumber;
    QVERIFY(m_repository->upsertBySource(report));
    QCOMPARE(m_repository->find(*id)->value().citizenId, certain);
}

void TestReportRepository::forCitizenIncludesPossibleMatchesNewestFirst()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    const qint64 other = addCitizen(QStringLiteral("Andere"));

    Report oldest = makeReport(QStringLiteral("a"), at(1, 8));
    oldest.citizenId = jan;
    oldest.matchBasis = MatchBasis::NationalNumber;
    Report possible = makeReport(QStringLiteral("b"), at(2, 8));
    possible.candidates = {{other, MatchBasis::Email, CandidateState::Possible}, {jan, MatchBasis::Phone, CandidateState::Possible}};
    Report rejected = makeReport(QStringLiteral("c"), at(3, 8));
    rejected.candidates = {{jan, MatchBasis::Email, CandidateState::Rejected}};
    Report someoneElses = makeReport(QStringLiteral("d"), at(4, 8));
    someoneElses.citizenId = other;
    someoneElses.matchBasis = MatchBasis::NationalNumber;
    Report newest = makeReport(QStringLiteral("e"), at(5, 8));
    newest.citizenId = jan;
    newest.matchBasis = MatchBasis::Staff;

    QList<qint64> ids;
    for (Report *r : {&oldest, &possible, &rejected, &someoneElses, &newest}) {
        auto id = m_repository->upsertBySource(*r);
        QVERIFY2(id, why(id).constData());
        r->id = *id;
    }

    auto reports = m_repository->forCitizen(jan);
    QVERIFY2(reports, why(reports).constData());
    const QList<Report> expected = {newest, possible, oldest};
    QCOMPARE(*reports, expected);

    auto none = m_repository->forCitizen(jan + other + 100);
    QVERIFY(none && none->isEmpty());
}

void TestReportRepository::confirmCandidate()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    const qint64 piet = addCitizen(QStringLiteral("Janssens"));
    Report report = makeReport(QStringLiteral("r-7"), at(6, 8));
    report.candidates = {{jan, MatchBasis::Email, CandidateState::Possible}, {piet, MatchBasis::Phone, CandidateState::Possible}};
    const qint64 id = m_repository->upsertBySource(report).value_or(0);
    QVERIFY(id);

    auto confirmed = m_repository->confirmCandidate(id, jan);
    QVERIFY2(confirmed, why(confirmed).constData());

    const Report stored = m_repository->find(id)->value();
    QCOMPARE(stored.citizenId, jan);
    QCOMPARE(stored.matchBasis, MatchBasis::Staff);
    const QList<ReportCandidate> remaining = {{piet, MatchBasis::Phone, CandidateState::Possible}};
    QCOMPARE(stored.candidates, remaining);
    QCOMPARE(m_repository->forCitizen(jan)->size(), 1);
    QCOMPARE(m_repository->forCitizen(jan)->first().candidates, remaining);
}

void TestReportRepository::confirmUnknownCandidateChangesNothing()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    const qint64 stranger = addCitizen(QStringLiteral("Vreemde"));
    Report report = makeReport(QStringLiteral("r-8"), at(6, 9));
    report.candidates = {{jan, MatchBasis::Email, CandidateState::Possible}};
    const qint64 id = m_repository->upsertBySource(report).value_or(0);
    QVERIFY(id);
    report.id = id;

    auto confirmed = m_repository->confirmCandidate(id, stranger);
    QVERIFY(!confirmed);
    QCOMPARE(confirmed.error().code, StoreError::Code::NoSuchRecord);
    QCOMPARE(m_repository->find(id)->value(), report);
    QVERIFY(!m_repository->confirmCandidate(id + 1, jan));
    auto rejected = m_repository->rejectCandidate(id, stranger);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, StoreError::Code::NoSuchRecord);
    QCOMPARE(m_repository->find(id)->value(), report);
}

void TestReportRepository::rejectCandidate()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    Report report = makeReport(QStringLiteral("r-10"), at(7, 9));
    report.candidates = {{jan, MatchBasis::Phone, CandidateState::Possible}};
    const qint64 id = m_repository->upsertBySource(report).value_or(0);
    QVERIFY(id);
    QCOMPARE(m_repository->forCitizen(jan)->size(), 1);

    auto rejected = m_repository->rejectCandidate(id, jan);
    QVERIFY2(rejected, why(rejected).constData());
    const Report stored = m_repository->find(id)->value();
    QCOMPARE(stored.citizenId, 0);
    QCOMPARE(stored.candidates.size(), 1);
    QCOMPARE(stored.candidates.first().state, CandidateState::Rejected);
    QVERIFY(m_repository->forCitizen(jan)->isEmpty());
}

void TestReportRepository::setCandidates()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    const qint64 piet = addCitizen(QStringLiteral("Janssens"));
    const qint64 id = m_repository->upsertBySource(makeReport(QStringLiteral("r-11"), at(8, 9))).value_or(0);
    QVERIFY(id);

    const QList<ReportCandidate> candidates = {{piet, MatchBasis::Phone, CandidateState::Rejected}, {jan, MatchBasis::Email, CandidateState::Possible}};
    auto set = m_repository->setCandidates(id, candidates);
    QVERIFY2(set, why(set).constData());
    QCOMPARE(m_repository->find(id)->value().candidates, candidates);

    QVERIFY(m_repository->setCandidates(id, {}));
    QVERIFY(m_repository->find(id)->value().candidates.isEmpty());
    auto missing = m_repository->setCandidates(id + 1, candidates);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, StoreError::Code::NoSuchRecord);
}

void TestReportRepository::failedUpsertLeavesNothing()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    Report report = makeReport(QStringLiteral("r-12"), at(9, 9));
    // The second candidate is no citizen: its row breaks a foreign key after the report and the
    // first candidate were written.
    report.candidates = {{jan, MatchBasis::Email, CandidateState::Possible}, {jan + 1000, MatchBasis::Phone, CandidateState::Possible}};
    auto id = m_repository->upsertBySource(report);
    QVERIFY(!id);
    QCOMPARE(id.error().code, StoreError::Code::Constraint);
    QCOMPARE(m_repository->count().value_or(-1), 0);

    QCOMPARE(rowCount(m_store->db(), QStringLiteral("report_candidates")), 0);
    QCOMPARE(m_store->db().transactionDepth(), 0);
}

void TestReportRepository::failedUpdateKeepsThePreviousVersion()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    Report report = makeReport(QStringLiteral("r-13"), at(9, 10));
    report.candidates = {{jan, MatchBasis::Email, CandidateState::Possible}};
    const qint64 id = m_repository->upsertBySource(report).value_or(0);
    QVERIFY(id);
    report.id = id;

    Report changed = report;
    changed.description = QStringLiteral("Gewijzigd");
    changed.candidates = {{jan + 1000, MatchBasis::Phone, CandidateState::Possible}};
    QVERIFY(!m_repository->upsertBySource(changed));
    QCOMPARE(m_repository->find(id)->value(), report);
}

void TestReportRepository::deletingCitizenUnlinksAndDropsCandidates()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    const qint64 piet = addCitizen(QStringLiteral("Janssens"));
    Report linked = makeReport(QStringLiteral("r-14"), at(12, 9));
    linked.citizenId = jan;
    linked.matchBasis = MatchBasis::NationalNumber;
    linked.candidates = {{piet, MatchBasis::Email, CandidateState::Possible}};
    const qint64 id = m_repository->upsertBySource(linked).value_or(0);
    QVERIFY(id);

    CitizenRepository citizens(m_store->db());
    QVERIFY(citizens.remove(jan));
    QVERIFY(citizens.remove(piet));

    // The report stays (it belongs to the back end), without the people.
    const Report stored = m_repository->find(id)->value();
    QCOMPARE(stored.citizenId, 0);
    QVERIFY(stored.candidates.isEmpty());
    QCOMPARE(m_repository->count().value_or(-1), 1);
}

void TestReportRepository::deletingReportDropsCandidates()
{
    const qint64 jan = addCitizen(QStringLiteral("Peeters"));
    Report report = makeReport(QStringLiteral("r-15"), at(12, 10));
    report.candidates = {{jan, MatchBasis::Email, CandidateState::Possible}};
    const qint64 id = m_repository->upsertBySource(report).value_or(0);
    QVERIFY(id);

    QSqlQuery query(m_store->db().connection());
    query.prepare(QStringLiteral("DELETE FROM reports WHERE id = ?"));
    query.addBindValue(id);
    QVERIFY(query.exec());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM report_candidates")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(m_repository->forCitizen(jan)->isEmpty());
}

QTEST_GUILESS_MAIN(TestReportRepository)
#include "tst_reportrepository.moc"
