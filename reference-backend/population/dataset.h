// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "population/referencedata.h"
#include "population/rng.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>
#include <vector>

namespace C360::Ref
{

// A resident as the population register and the customer contact system know them.
struct Person
{
    quint32 index = 0;
    QString givenNames;
    QString prefix; // Dutch voorvoegsel ("van der"); Flemish particles are part of familyName
    QString familyName;
    QDate birthDate;
    char sex = 'F';
    QString identifier; // 11 digits (Belgian register or BIS number) or 9 (BSN)
    bool bis = false;
    QString street;
    QString houseNumber;
    QString box;
    QString postcode;
    QString municipality;
    QString countryCode;
    double latitude = 0;
    double longitude = 0;
    QString email;
    bool emailVerified = false;
    bool familyEmail = false; // shared with the household
    QString phone; // international form, "+32 470 12 34 56"
    bool phoneVerified = false;
    QString language; // nl, fr, de, en
    quint32 household = 0; // index of the household's first member

    QString fullFamilyName() const { return prefix.isEmpty() ? familyName : prefix + QLatin1Char(' ') + familyName; }
};

struct ServiceType
{
    QString code;
    QString name;
    QString description;
    QString group;
    QStringList keywords;
    int typicalDays = 14;
};

// A report (melding) in the public space, as an Open311 server holds it.
struct ReportRecord
{
    quint64 index = 0; // in order of requested time; Open311 service_request_id derives from it
    quint32 reporter = 0;
    bool anonymous = false;
    bool reporterNationalNumber = false; // the back end knows the reporter's national number (eID)
    bool reporterByEmail = true; // otherwise by phone
    int service = 0;
    QString description;
    bool closed = false;
    QString statusNotes;
    QDateTime requested;
    QDateTime updated;
    QDateTime expected;
    QString street;
    QString houseNumber;
    QString postcode;
    QString municipality;
    double latitude = 0;
    double longitude = 0;
};

// What a filter looks at in a report (category, status, times), drawn without its reporter or
// texts: cheap enough to test every report of a range.
struct ReportHead
{
    int service = 0;
    bool closed = false;
    qint64 requested = 0; // seconds since the epoch, UTC
    qint64 updated = 0;
};

struct ContactRecord
{
    quint64 index = 0;
    quint32 citizen = 0;
    QString channel; // Open Klant "kanaal": free text
    QString subject;
    QString text;
    bool succeeded = true;
    QString language; // ISO 639-2: nld, fra, deu, eng
    bool confidential = false;
    QDateTime time;
    int service = -1; // the report category it is about, -1 for none
};

struct TaskRecord
{
    quint64 index = 0;
    quint32 citizen = 0;
    quint64 contact = 0; // the contact that gave rise to it
    QString requestedAction; // gevraagdeHandeling
    QString explanation; // toelichting
    bool done = false;
    int actor = 0;
    QDateTime assigned;
    QDateTime completed;
};

struct Actor
{
    QString name;
    bool team = false;
    QString email;
};

// Which kind of record a UUID stands for (each kind has its own keyed UUID space).
enum class UuidKind : quint64 {
    Party = 1,
    PartyIdentifier,
    DigitalAddress,
    Contact,
    Involved,
    Subject,
    Task,
    Actor,
    CaseType,
    CaseStatusType,
    Case,
    CaseStatus,
    CaseRole
};

// A type of case (zaaktype) as the catalogue of case types (Catalogi API) holds it: what it is,
// its lead time (doorlooptijd) and the statuses a case of it goes through (the last ends it).
struct CaseTypeRecord
{
    QString identification; // zaaktype.identificatie
    QString description; // omschrijving
    QString purpose; // doel
    int days = 56; // doorlooptijd, the legal term
    bool extendable = false; // verlengingMogelijk
    QStringList statuses; // the statustypen in order (volgnummer 1…)
    QStringList subjects; // what its cases are about, for their omschrijving
};

// A status a case went through: which of its type's statuses, when, and why.
struct CaseStatusRecord
{
    int number = 0; // 0-based into the case type's statuses
    QDateTime set; // datumStatusGezet, UTC
    QString explanation; // statustoelichting
};

// A case (zaak) of a resident in the case system (Zaken API): its type, dates and status history.
struct CaseRecord
{
    quint64 index = 0;
    quint32 citizen = 0; // the initiator (rol with omschrijvingGeneriek "initiator")
    int type = 0;
    QString identification; // ZAAK-2026-0001234
    QString description; // omschrijving, at most 80 characters
    QDate start; // startdatum (and registratiedatum)
    QDate plannedEnd; // einddatumGepland
    QDate deadline; // uiterlijkeEinddatumAfdoening: the legal term, extended for some
    QDate end; // einddatum: invalid while the case is open
    QList<CaseStatusRecord> statuses; // oldest first, at least one
};

// What the admin API changed, so that tests can check an incremental sync applied exactly that.
struct MutationResult
{
    QList<quint64> newReports;
    QList<quint64> changedReports;
    QList<quint64> newContacts;
    QList<quint32> deletedParties;
};

// The synthetic municipality: a population and its reports, contacts and tasks, generated on
// demand from (seed, index) so that a million residents never sit in memory; plus the changes made
// at run time. Same seed, same everything.
class DataSet
{
public:
    // A data set is "taken" at the start (00:00 UTC) of its reference date: every generated time
    // lies before that moment, placed relative to it (reports and contacts over the years before,
    // tasks and recent contacts in the last weeks, ages from birth dates before it), so that a
    // back end started on any day serves a history that ends that day. Same seed and reference
    // date, same everything.
    DataSet(quint64 seed, quint32 citizens, Profile profile, const QDate &referenceDate);

    // Reports and contacts span the 2,861 days (7 years and 10 months) before the reference time.
    static constexpr qint64 HistoryDays = 2861;

    QDate referenceDate() const { return m_referenceDate; }
    // The moment the data set was taken: the reference date at 00:00 UTC.
    QDateTime referenceTime() const { return m_referenceTime; }

    quint64 seed() const { return m_seed; }
    Profile profile() const { return m_profile; }
    const ReferenceData &reference() const { return m_reference; }

    // Population (deleted parties included; see isDeleted).
    quint32 citizenCount() const { return m_citizens; }
    Person person(quint32 index) const;
    bool isDeleted(quint32 index) const;
    quint32 liveCitizenCount() const { return m_citizens - quint32(m_deleted.size()); }
    // The index-th citizen that is not deleted, in order (for paging).
    quint32 liveCitizen(quint32 ordinal) const;
    // The deleted citizens, in ascending order (few: for skipping their records while paging).
    const std::vector<quint32> &deletedCitizens() const { return m_deleted; }
    // The citizen whose national register, BIS number or BSN this is (a reverse lookup, no scan).
    std::optional<quint32> citizenWithIdentifier(const QString &identifier) const;

    // Reports, in order of requested time (including reports added at run time).
    quint64 reportCount() const { return m_baseReports + quint64(m_addedReports.size()); }
    ReportRecord report(quint64 index) const;
    // The first report requested at or after time.
    quint64 reportLowerBound(const QDateTime &time) const;
    // Reports updated strictly after time, in index order: [offset, offset + limit) of them, and
    // how many there are in all.
    QList<quint64> reportsUpdatedAfter(const QDateTime &time, quint64 offset, quint64 limit, quint64 *total) const;
    // report(index) reduced to what filters look at, without generating the reporter or texts.
    ReportHead reportHead(quint64 index) const;
    // The reports whose status was changed at run time, ascending (few: one per change).
    QList<quint64> changedReports() const;
    const QList<ServiceType> &services() const { return m_services; }

    // Contacts and tasks, grouped by citizen (including contacts added at run time, and those of
    // deleted parties: callers skip them).
    quint64 contactCount() const { return m_contactsBefore.back() + quint64(m_addedContacts.size()); }
    ContactRecord contact(quint64 index) const;
    QList<quint64> contactsOf(quint32 citizen) const;
    // The generated contacts (those before any run-time change): [0, baseContactCount()), each
    // citizen's a contiguous range.
    quint64 baseContactCount() const { return m_contactsBefore.back(); }
    std::pair<quint64, quint64> baseContactsOf(quint32 citizen) const { return {m_contactsBefore[citizen], m_contactsBefore[citizen + 1]}; }
    // contact(index).service, without generating the rest of the contact.
    int contactService(quint64 index) const;
    quint64 taskCount() const { return m_tasksBefore.back(); }
    TaskRecord task(quint64 index) const;
    std::pair<quint64, quint64> tasksOf(quint32 citizen) const { return {m_tasksBefore[citizen], m_tasksBefore[citizen + 1]}; }
    quint32 taskCitizen(quint64 index) const;
    quint32 contactCitizen(quint64 index) const;
    const QList<Actor> &actors() const { return m_actors; }

    // Cases (zaken), grouped by citizen, and their statuses, grouped by case; those of deleted
    // parties included (the lists skip them: liveCase, liveCaseStatus).
    const QList<CaseTypeRecord> &caseTypes() const { return m_caseTypes; }
    quint64 caseCount() const { return m_casesBefore.back(); }
    CaseRecord caseRecord(quint64 index) const;
    std::pair<quint64, quint64> casesOf(quint32 citizen) const { return {m_casesBefore[citizen], m_casesBefore[citizen + 1]}; }
    quint32 caseCitizen(quint64 index) const;
    // The statuses before case index (over all cases), and the case a status belongs to.
    quint64 caseStatusesBefore(quint64 index) const { return m_caseStatusesBefore[index]; }
    quint64 caseStatusCount() const { return m_caseStatusesBefore.back(); }
    quint64 caseOfStatus(quint64 status) const;
    // What a complete sync ends up with, and the ordinal-th live case or status in list order.
    quint64 liveCaseCount() const;
    quint64 liveCaseStatusCount() const;
    quint64 liveCase(quint64 ordinal) const;
    quint64 liveCaseStatus(quint64 ordinal) const;

    // What a complete sync ends up with (deleted parties and their contacts and tasks excluded).
    quint64 liveContactCount() const;
    quint64 liveTaskCount() const;

    static QUuid uuid(quint64 seed, UuidKind kind, quint64 index);
    QUuid uuid(UuidKind kind, quint64 index) const { return uuid(m_seed, kind, index); }
    std::optional<quint64> indexOf(UuidKind kind, const QUuid &uuid) const;

    // Run-time changes, deterministic in the seed and the number of changes made before.
    MutationResult mutate(int newReports, int statusChanges, int newContacts, int deletedParties);
    // Brings back the parties deleted last, at most n, with their contacts and tasks (as a back end
    // restored from a backup, or an erroneous deletion undone); the citizens restored.
    QList<quint32> restoreParties(int n);
    // A report submitted at run time (an Open311 POST), held as given; the data set assigns its
    // index, its requested time (the next mutation time, as mutate() does), its status (open) and,
    // unless given, its expected time (from the service type, as for generated reports).
    quint64 addReport(const ReportRecord &submitted);
    QDateTime lastMutationTime() const;

private:
    struct Counts
    {
        quint32 reports;
        quint32 contacts;
        quint32 tasks;
    };
    Counts countsFor(quint32 citizen) const;
    quint32 caseCountFor(quint32 citizen) const;
    struct CaseHead
    {
        int type;
        qint64 ageDays; // how long ago it started (days before the reference date)
        bool closed;
        int statuses; // how many of its type's statuses it went through
    };
    CaseHead caseHead(quint64 index) const;
    ReportRecord baseReport(quint64 index) const;
    struct ReportTimes
    {
        qint64 requested; // seconds since the epoch, UTC
        qint64 updated;
        bool closed;
    };
    ReportTimes baseTimes(quint64 index) const;
    ReportTimes times(quint64 index) const; // with run-time changes
    ReportRecord makeReport(quint64 index, quint32 reporter, quint64 key, const ReportTimes &times) const;
    QDateTime nextMutationTime();

    quint64 m_seed;
    quint32 m_citizens;
    Profile m_profile;
    QDate m_referenceDate;
    QDateTime m_referenceTime;
    const ReferenceData &m_reference;
    QList<ServiceType> m_services;
    QList<Actor> m_actors;
    std::vector<quint32> m_reportsBefore; // per citizen, in citizen order
    std::vector<quint32> m_contactsBefore;
    std::vector<quint32> m_tasksBefore;
    QList<CaseTypeRecord> m_caseTypes;
    std::vector<quint32> m_casesBefore; // per citizen
    std::vector<quint32> m_caseStatusesBefore; // per case
    quint64 m_baseReports = 0;
    Permutation m_reportOwners; // time order → citizen order

    struct AddedReport
    {
        quint32 reporter;
        QDateTime requested;
    };
    struct ReportChange
    {
        bool closed;
        QDateTime updated;
        QString notes;
    };
    QList<AddedReport> m_addedReports;
    QHash<quint64, ReportRecord> m_submittedReports; // added reports held as given, by index
    QHash<quint64, ReportChange> m_reportChanges;
    struct AddedContact
    {
        quint32 citizen;
        QDateTime time;
    };
    QList<AddedContact> m_addedContacts;
    std::vector<quint32> m_deleted; // sorted
    QList<quint32> m_deletionOrder; // the same, in the order they were deleted
    int m_mutations = 0;
};

} // namespace C360::Ref
