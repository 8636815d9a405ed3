// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The synthetic municipality: deterministic, realistic in shape, unique and valid identifiers,
// random access without holding the population in memory, and run-time changes.

#include "bsn.h"
#include "nationalnumber.h"
#include "population/dataset.h"
#include "referencedate.h"

#include <QSet>
#include <QTest>

using namespace C360;
using namespace C360::Ref;

class TestDataSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameData()
    {
        const DataSet a(7, 2000, Profile::Flanders, C360::Test::fixedReferenceDate());
        const DataSet b(7, 2000, Profile::Flanders, C360::Test::fixedReferenceDate());
        const DataSet other(8, 2000, Profile::Flanders, C360::Test::fixedReferenceDate());
        int differences = 0;
        for (quint32 i = 0; i < 2000; i += 37) {
            const Person p = a.person(i);
            const Person q = b.person(i);
            QCOMPARE(p.givenNames, q.givenNames);
            QCOMPARE(p.familyName, q.familyName);
            QCOMPARE(p.identifier, q.identifier);
            QCOMPARE(p.email, q.email);
            differences += other.person(i).identifier != p.identifier ? 1 : 0;
        }
        QCOMPARE(a.reportCount(), b.reportCount());
        QCOMPARE(a.report(a.reportCount() / 2).description, b.report(b.reportCount() / 2).description);
        QCOMPARE(a.contact(100).subject, b.contact(100).subject);
        QVERIFY(differences > 40);
    }

    void belgianNumbersAreValidAndUnique()
    {
        const quint32 n = 200000;
        const DataSet data(42, n, Profile::Flanders, C360::Test::fixedReferenceDate());
        QSet<QString> seen;
        quint32 bis = 0;
        quint32 from2000 = 0;
        for (quint32 i = 0; i < n; ++i) {
            const Person p = data.person(i);
            const auto number = NationalNumber::parse(p.identifier);
            QVERIFY2(number, qPrintable(p.identifier));
            QVERIFY2(!seen.contains(p.identifier), qPrintable(QStringLiteral("duplicate %1 at %2").arg(p.identifier).arg(i)));
            seen.insert(p.identifier);
            QCOMPARE(number->kind() == NationalNumber::Kind::Bis, p.bis);
            QCOMPARE(number->birthYear(), p.birthDate.year());
            if (!p.bis) {
                QCOMPARE(number->birthDate(), p.birthDate);
                QCOMPARE(number->sex() == NationalNumber::Sex::Male, p.sex == 'M');
            }
            bis += p.bis ? 1 : 0;
            from2000 += number->bornFrom2000() ? 1 : 0;
        }
        QVERIFY(bis > n / 100 && bis < n / 20);
        QVERIFY(from2000 > n / 10);
    }

    void dutchNumbersPassTheElevenCheck()
    {
        const DataSet data(42, 50000, Profile::Netherlands, C360::Test::fixedReferenceDate());
        QSet<QString> seen;
        for (quint32 i = 0; i < 50000; ++i) {
            const Person p = data.person(i);
            QVERIFY2(Bsn::isValid(p.identifier), qPrintable(p.identifier));
            QVERIFY(!seen.contains(p.identifier));
            seen.insert(p.identifier);
            QCOMPARE(p.countryCode, QStringLiteral("NL"));
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{4} [A-Z]{2}$")).match(p.postcode).hasMatch());
        }
    }

    void populationLooksReal()
    {
        const quint32 n = 20000;
        const DataSet data(3, n, Profile::Flanders, C360::Test::fixedReferenceDate());
        QSet<QString> families;
        quint32 particles = 0;
        quint32 accents = 0;
        quint32 sharedEmails = 0;
        quint32 unverified = 0;
        quint32 withEmail = 0;
        quint32 households = 0;
        for (quint32 i = 0; i < n; ++i) {
            const Person p = data.person(i);
            families.insert(p.familyName);
            particles += p.familyName.contains(QLatin1Char(' ')) ? 1 : 0;
            accents += QString(p.familyName + p.givenNames).contains(QRegularExpression(QStringLiteral("[^\\x00-\\x7f]"))) ? 1 : 0;
            sharedEmails += p.familyEmail ? 1 : 0;
            withEmail += p.email.isEmpty() ? 0 : 1;
            unverified += !p.email.isEmpty() && !p.emailVerified ? 1 : 0;
            households += p.household != p.index ? 1 : 0;
            QVERIFY(!p.street.isEmpty() && !p.houseNumber.isEmpty());
            QVERIFY(QRegularExpression(QStringLiteral("^[1-9]\\d{3}$")).match(p.postcode).hasMatch());
            QVERIFY(!p.municipality.isEmpty());
            QVERIFY(p.latitude > 50.6 && p.latitude < 51.6 && p.longitude > 2.4 && p.longitude < 6.0);
        }
        QVERIFY(families.size() > 100);
        QVERIFY(particles > n / 50);
        QVERIFY(accents > n / 200);
        QVERIFY(sharedEmails > n / 100);
        QVERIFY(unverified > withEmail / 10);
        QVERIFY(households > n / 5);
    }

    void itemsAreSkewedAroundTwenty()
    {
        const quint32 n = 20000;
        const DataSet data(5, n, Profile::Flanders, C360::Test::fixedReferenceDate());
        const double perCitizen = double(data.reportCount() + data.contactCount() + data.taskCount()) / n;
        QVERIFY2(perCitizen > 17 && perCitizen < 23, qPrintable(QString::number(perCitizen)));
        quint32 none = 0;
        quint32 many = 0;
        for (quint32 i = 0; i < n; ++i) {
            const auto [taskFirst, taskEnd] = data.tasksOf(i);
            const qsizetype items = data.contactsOf(i).size() + qsizetype(taskEnd - taskFirst);
            none += items == 0 ? 1 : 0;
            many += items > 30 ? 1 : 0;
            QVERIFY(items <= 50);
        }
        QVERIFY(none > n / 50);
        QVERIFY(many > n / 50);
    }

    // A back end started on any day serves a history that ends that day: training mode's
    // municipality (2,000 residents) has recent reports, contacts from this week, open tasks with
    // days left in the 30-day retention, and residents of every age, whatever the date.
    void historyFollowsTheReferenceDate_data()
    {
        QTest::addColumn<QDate>("reference");
        QTest::newRow("a year back") << QDate(2025, 12, 6);
        QTest::newRow("the fixed test date") << C360::Test::fixedReferenceDate();
        QTest::newRow("five years ahead") << QDate(2031, 12, 6);
        QTest::newRow("a leap day") << QDate(2028, 2, 29);
        QTest::newRow("a Sunday in 2050") << QDate(2050, 6, 12);
    }

    void historyFollowsTheReferenceDate()
    {
        QFETCH(QDate, reference);
        const quint32 n = 2000;
        const DataSet data(2026, n, Profile::Flanders, reference);
        const QDateTime taken = reference.startOfDay(Qt::UTC);
        QCOMPARE(data.referenceDate(), reference);
        QCOMPARE(data.referenceTime(), taken);

        const QDateTime historyStart = taken.addDays(-DataSet::HistoryDays);
        quint32 recentReports = 0;
        for (quint64 i = 0; i < data.reportCount(); ++i) {
            const ReportRecord r = data.report(i);
            QVERIFY2(r.requested >= historyStart && r.requested < taken, qPrintable(r.requested.toString(Qt::ISODate)));
            QVERIFY(r.updated >= r.requested && r.updated < taken);
            recentReports += r.requested.daysTo(taken) < 30 ? 1 : 0;
        }
        QVERIFY2(recentReports >= 20, qPrintable(QString::number(recentReports)));

        quint32 thisWeek = 0;
        for (quint64 i = 0; i < data.baseContactCount(); ++i) {
            const ContactRecord c = data.contact(i);
            QVERIFY2(c.time >= historyStart && c.time < taken, qPrintable(c.time.toString(Qt::ISODate)));
            thisWeek += c.time.secsTo(taken) <= 7 * 86400 ? 1 : 0;
        }
        QVERIFY2(thisWeek >= 10, qPrintable(QString::number(thisWeek)));

        // Open tasks young enough to be kept 30 days from their assignment: what a training store
        // shows as open requests with days left.
        quint32 openWithDaysLeft = 0;
        for (quint64 i = 0; i < data.taskCount(); ++i) {
            const TaskRecord t = data.task(i);
            QVERIFY(t.assigned < taken);
            QVERIFY(!t.done || (t.completed >= t.assigned && t.completed < taken));
            openWithDaysLeft += !t.done && t.assigned.addDays(30) > taken ? 1 : 0;
        }
        QVERIFY2(openWithDaysLeft >= 15, qPrintable(QString::number(openWithDaysLeft)));

        QSet<QString> identifiers;
        int youngest = 200;
        int oldest = 0;
        for (quint32 i = 0; i < n; ++i) {
            const Person p = data.person(i);
            QVERIFY2(p.birthDate < reference, qPrintable(p.birthDate.toString(Qt::ISODate)));
            const auto number = NationalNumber::parse(p.identifier);
            QVERIFY2(number, qPrintable(p.identifier));
            QCOMPARE(number->birthYear(), p.birthDate.year());
            QVERIFY(!identifiers.contains(p.identifier));
            identifiers.insert(p.identifier);
            const int age = int(p.birthDate.daysTo(reference) / 365);
            youngest = std::min(youngest, age);
            oldest = std::max(oldest, age);
        }
        QVERIFY2(youngest <= 2 && oldest >= 80 && oldest <= 102, qPrintable(QStringLiteral("%1–%2").arg(youngest).arg(oldest)));

        // The same history, moved: a report lies as long before any reference date.
        const DataSet fixed(2026, n, Profile::Flanders, C360::Test::fixedReferenceDate());
        for (quint64 i = 0; i < data.reportCount(); i += 97) {
            QCOMPARE(data.report(i).requested.secsTo(taken), fixed.report(i).requested.secsTo(C360::Test::fixedReferenceTime()));
            QCOMPARE(data.report(i).description, fixed.report(i).description);
        }
    }

    void reportsComeInTimeOrder()
    {
        const DataSet data(9, 5000, Profile::Flanders, C360::Test::fixedReferenceDate());
        QDateTime previous;
        for (quint64 i = 0; i < data.reportCount(); i += 7) {
            const ReportRecord r = data.report(i);
            QVERIFY(!previous.isValid() || r.requested >= previous);
            QVERIFY(r.updated >= r.requested);
            QVERIFY(r.updated < C360::Test::fixedReferenceTime());
            QVERIFY(r.reporter < 5000);
            QVERIFY(!r.description.isEmpty());
            previous = r.requested;
        }
        const QDateTime middle = data.report(data.reportCount() / 2).requested;
        const quint64 bound = data.reportLowerBound(middle);
        QVERIFY(data.report(bound).requested >= middle);
        QVERIFY(bound == 0 || data.report(bound - 1).requested < middle);
    }

    void updatedAfterMatchesAFullScan()
    {
        DataSet data(11, 3000, Profile::Flanders, C360::Test::fixedReferenceDate());
        data.mutate(3, 4, 0, 0);
        const QDateTime since = data.report(data.reportCount() * 3 / 4).requested;
        QList<quint64> expected;
        for (quint64 i = 0; i < data.reportCount(); ++i) {
            if (data.report(i).updated > since) {
                expected.append(i);
            }
        }
        quint64 total = 0;
        QList<quint64> all;
        for (quint64 offset = 0;; offset += 100) {
            const QList<quint64> page = data.reportsUpdatedAfter(since, offset, 100, &total);
            all += page;
            if (page.size() < 100) {
                break;
            }
        }
        QCOMPARE(total, quint64(expected.size()));
        QCOMPARE(all, expected);
    }

    void uuidsRoundTrip()
    {
        const DataSet data(13, 1000, Profile::Flanders, C360::Test::fixedReferenceDate());
        QSet<QUuid> seen;
        for (quint64 i : {quint64(0), quint64(1), quint64(999), quint64(123456789)}) {
            for (UuidKind kind : {UuidKind::Party, UuidKind::Contact, UuidKind::Task}) {
                const QUuid u = data.uuid(kind, i);
                QCOMPARE(u.version(), QUuid::Random);
                QCOMPARE(u.variant(), QUuid::DCE);
                QCOMPARE(data.indexOf(kind, u), std::optional<quint64>(i));
                QVERIFY(!seen.contains(u));
                seen.insert(u);
            }
        }
        QCOMPARE(data.indexOf(UuidKind::Contact, data.uuid(UuidKind::Party, 5)), std::optional<quint64>());
        QCOMPARE(data.indexOf(UuidKind::Party, QUuid::createUuid()), std::optional<quint64>());
        const DataSet other(14, 1000, Profile::Flanders, C360::Test::fixedReferenceDate());
        QCOMPARE(other.indexOf(UuidKind::Party, data.uuid(UuidKind::Party, 5)), std::optional<quint64>());
    }

    void mutationsAreDeterministicAndCounted()
    {
        DataSet a(21, 4000, Profile::Flanders, C360::Test::fixedReferenceDate());
        DataSet b(21, 4000, Profile::Flanders, C360::Test::fixedReferenceDate());
        const quint64 reports = a.reportCount();
        const quint64 contacts = a.liveContactCount();
        const quint64 tasks = a.liveTaskCount();
        const MutationResult r = a.mutate(5, 3, 4, 2);
        QCOMPARE(b.mutate(5, 3, 4, 2).deletedParties, r.deletedParties);
        QCOMPARE(r.newReports.size(), 5);
        QCOMPARE(a.reportCount(), reports + 5);
        QCOMPARE(r.changedReports.size(), 3);
        for (quint64 changed : r.changedReports) {
            QVERIFY(a.report(changed).updated > C360::Test::fixedReferenceTime());
        }
        for (quint64 added : r.newReports) {
            const ReportRecord report = a.report(added);
            QVERIFY(report.requested > C360::Test::fixedReferenceTime());
            QVERIFY(!report.closed || r.changedReports.contains(added));
        }
        QCOMPARE(a.liveCitizenCount(), 4000u - 2);
        for (quint32 deleted : r.deletedParties) {
            QVERIFY(a.isDeleted(deleted));
        }
        quint64 lostContacts = 0;
        quint64 lostTasks = 0;
        for (quint32 deleted : r.deletedParties) {
            lostContacts += quint64(a.contactsOf(deleted).size());
            lostTasks += a.tasksOf(deleted).second - a.tasksOf(deleted).first;
        }
        QCOMPARE(a.liveContactCount(), contacts + 4 - lostContacts);
        QCOMPARE(a.liveTaskCount(), tasks - lostTasks);
        // Paging over live citizens skips the deleted ones.
        QSet<quint32> listed;
        for (quint32 ordinal = 0; ordinal < a.liveCitizenCount(); ++ordinal) {
            const quint32 citizen = a.liveCitizen(ordinal);
            QVERIFY(!a.isDeleted(citizen));
            listed.insert(citizen);
        }
        QCOMPARE(quint32(listed.size()), a.liveCitizenCount());
    }

    void scalesWithoutHoldingThePopulation()
    {
        // A million residents: counting and random access only, in well under a second each.
        const DataSet data(1, 1000000, Profile::Flanders, C360::Test::fixedReferenceDate());
        QVERIFY(data.reportCount() > 4000000);
        const Person last = data.person(999999);
        QVERIFY(NationalNumber::isValid(last.identifier));
        QVERIFY(!data.report(data.reportCount() - 1).description.isEmpty());
        QCOMPARE(data.indexOf(UuidKind::Party, data.uuid(UuidKind::Party, 999999)), std::optional<quint64>(999999));
    }
};

QTEST_GUILESS_MAIN(TestDataSet)
#include "tst_dataset.moc"
