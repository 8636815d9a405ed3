// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "population/dataset.h"

#include "server/streams.h"

#include <algorithm>
#include <cmath>

namespace C360::Ref
{

namespace
{
// Updates come at most this long after the request (a closed report's resolution time).
constexpr qint64 maxUpdateDelaySeconds = 30LL * 24 * 3600;

quint32 binomial(Rng &rng, quint32 n, double p)
{
    quint32 k = 0;
    for (quint32 i = 0; i < n; ++i) {
        k += rng.chance(p) ? 1 : 0;
    }
    return k;
}
} // namespace

DataSet::DataSet(quint64 seed, quint32 citizens, Profile profile, const QDate &referenceDate)
    : m_seed(seed)
    , m_citizens(citizens)
    , m_profile(profile)
    , m_referenceDate(referenceDate)
    , m_referenceTime(referenceDate.startOfDay(Qt::UTC))
    , m_reference(ReferenceData::forProfile(profile))
    , m_services(serviceTypes())
    , m_actors(actorList(profile))
    , m_caseTypes(caseTypeList(profile))
    , m_reportOwners(0, 1)
{
    m_reportsBefore.resize(std::size_t(citizens) + 1);
    m_contactsBefore.resize(std::size_t(citizens) + 1);
    m_tasksBefore.resize(std::size_t(citizens) + 1);
    quint32 reports = 0;
    quint32 contacts = 0;
    quint32 tasks = 0;
    for (quint32 i = 0; i < citizens; ++i) {
        m_reportsBefore[i] = reports;
        m_contactsBefore[i] = contacts;
        m_tasksBefore[i] = tasks;
        const Counts c = countsFor(i);
        reports += c.reports;
        contacts += c.contacts;
        tasks += c.tasks;
    }
    m_reportsBefore[citizens] = reports;
    m_contactsBefore[citizens] = contacts;
    m_tasksBefore[citizens] = tasks;
    m_baseReports = reports;
    // Cases draw from streams of their own: the other records stay as they were before cases came.
    m_casesBefore.resize(std::size_t(citizens) + 1);
    quint32 cases = 0;
    for (quint32 i = 0; i < citizens; ++i) {
        m_casesBefore[i] = cases;
        cases += caseCountFor(i);
    }
    m_casesBefore[citizens] = cases;
    m_caseStatusesBefore.resize(std::size_t(cases) + 1);
    quint32 statuses = 0;
    for (quint32 i = 0; i < cases; ++i) {
        m_caseStatusesBefore[i] = statuses;
        statuses += quint32(caseHead(i).statuses);
    }
    m_caseStatusesBefore[cases] = statuses;
    m_reportOwners = Permutation(hashKey(seed, Stream::ReportOwners, 0), std::max<quint64>(reports, 1));
}

DataSet::Counts DataSet::countsFor(quint32 citizen) const
{
    // A skewed, realistic activity: many residents have a few items, some have many (0–50,
    // about 20 on average), a few have none at all.
    Rng rng(m_seed, Stream::Activity, citizen);
    if (rng.chance(0.06)) {
        return {0, 0, 0};
    }
    const double activity = std::exp(2.75 + 0.75 * rng.normal());
    const quint32 total = quint32(std::clamp(std::lround(activity), 0L, 50L));
    const quint32 reports = binomial(rng, total, 0.3);
    quint32 contacts = binomial(rng, total - reports, 0.7);
    quint32 tasks = total - reports - contacts;
    if (contacts == 0) {
        // A task always comes from a contact.
        contacts = tasks;
        tasks = 0;
    }
    return {reports, contacts, tasks};
}

bool DataSet::isDeleted(quint32 index) const
{
    return std::binary_search(m_deleted.cbegin(), m_deleted.cend(), index);
}

quint32 DataSet::liveCitizen(quint32 ordinal) const
{
    // Skip the deleted ones below: few, sorted.
    quint32 candidate = ordinal;
    for (const quint32 deleted : m_deleted) {
        if (deleted <= candidate) {
            ++candidate;
        } else {
            break;
        }
    }
    return candidate;
}

DataSet::ReportTimes DataSet::baseTimes(quint64 index) const
{
    // Requested times rise with the index, so a date window is an index range. Older reports are
    // mostly closed, some days to a month after they came in.
    const qint64 start = m_referenceTime.addDays(-HistoryDays).toSecsSinceEpoch();
    const qint64 span = m_referenceTime.toSecsSinceEpoch() - 3600 - start;
    Rng rng(m_seed, Stream::ReportTime, index);
    const double position = (double(index) + rng.uniform()) / double(std::max<quint64>(m_baseReports, 1));
    ReportTimes t;
    t.requested = start + qint64(position * double(span));
    const qint64 age = m_referenceTime.toSecsSinceEpoch() - t.requested;
    t.closed = rng.chance(age > 60LL * 86400 ? 0.93 : 0.45);
    const qint64 delay =
        t.closed ? 3600 + qint64(rng.uniform() * double(maxUpdateDelaySeconds - 3600)) : (rng.chance(0.4) ? qint64(rng.uniform() * 5 * 86400) : 0);
    t.updated = std::min(t.requested + delay, m_referenceTime.toSecsSinceEpoch() - 1);
    return t;
}

DataSet::ReportTimes DataSet::times(quint64 index) const
{
    ReportTimes t;
    if (index >= m_baseReports) {
        t.requested = m_addedReports.at(qsizetype(index - m_baseReports)).requested.toSecsSinceEpoch();
        t.updated = t.requested;
        t.closed = false;
    } else {
        t = baseTimes(index);
    }
    if (const auto it = m_reportChanges.constFind(index); it != m_reportChanges.cend()) {
        t.closed = it->closed;
        t.updated = it->updated.toSecsSinceEpoch();
    }
    return t;
}

ReportRecord DataSet::report(quint64 index) const
{
    ReportRecord r;
    if (const auto submitted = m_submittedReports.constFind(index); submitted != m_submittedReports.cend()) {
        const ReportTimes t = times(index);
        r = *submitted;
        r.index = index;
        r.requested = QDateTime::fromSecsSinceEpoch(t.requested, Qt::UTC);
        r.updated = QDateTime::fromSecsSinceEpoch(t.updated, Qt::UTC);
        r.closed = t.closed;
    } else if (index >= m_baseReports) {
        const AddedReport &added = m_addedReports.at(qsizetype(index - m_baseReports));
        r = makeReport(index, added.reporter, hashKey(m_seed, Stream::AddedReport, index), times(index));
    } else {
        r = baseReport(index);
    }
    if (const auto it = m_reportChanges.constFind(index); it != m_reportChanges.cend()) {
        r.statusNotes = it->notes;
    }
    return r;
}

ReportRecord DataSet::baseReport(quint64 index) const
{
    const quint64 owner = m_reportOwners.map(index);
    const auto it = std::upper_bound(m_reportsBefore.cbegin(), m_reportsBefore.cend(), quint32(owner));
    const quint32 reporter = quint32((it - m_reportsBefore.cbegin()) - 1);
    return makeReport(index, reporter, hashKey(m_seed, Stream::Report, index), times(index));
}

quint64 DataSet::reportLowerBound(const QDateTime &time) const
{
    const qint64 target = time.toSecsSinceEpoch();
    quint64 low = 0;
    quint64 high = reportCount();
    while (low < high) {
        const quint64 middle = low + (high - low) / 2;
        const qint64 requested =
            middle < m_baseReports ? baseTimes(middle).requested : m_addedReports.at(qsizetype(middle - m_baseReports)).requested.toSecsSinceEpoch();
        if (requested < target) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

QList<quint64> DataSet::reportsUpdatedAfter(const QDateTime &time, quint64 offset, quint64 limit, quint64 *total) const
{
    // A report is updated at or after its request and at most maxUpdateDelaySeconds later, unless
    // it was changed at run time. So: reports requested in (time − delay, time] need a look; all
    // requested later qualify; changed older ones come from the change list.
    const qint64 after = time.toSecsSinceEpoch();
    const quint64 windowStart = reportLowerBound(time.addSecs(-maxUpdateDelaySeconds));
    const quint64 windowEnd = reportLowerBound(time.addSecs(1));
    QList<quint64> changedBefore;
    for (auto it = m_reportChanges.cbegin(); it != m_reportChanges.cend(); ++it) {
        if (it.key() < windowStart && it->updated.toSecsSinceEpoch() > after) {
            changedBefore.append(it.key());
        }
    }
    std::sort(changedBefore.begin(), changedBefore.end());
    QList<quint64> window;
    for (quint64 i = windowStart; i < windowEnd; ++i) {
        if (times(i).updated > after) {
            window.append(i);
        }
    }
    const quint64 before = quint64(changedBefore.size());
    const quint64 inWindow = quint64(window.size());
    *total = before + inWindow + (reportCount() - windowEnd);
    QList<quint64> matches;
    for (quint64 n = offset; n < *total && quint64(matches.size()) < limit; ++n) {
        if (n < before) {
            matches.append(changedBefore.at(qsizetype(n)));
        } else if (n < before + inWindow) {
            matches.append(window.at(qsizetype(n - before)));
        } else {
            matches.append(windowEnd + (n - before - inWindow));
        }
    }
    return matches;
}

QList<quint64> DataSet::changedReports() const
{
    QList<quint64> changed = m_reportChanges.keys();
    std::sort(changed.begin(), changed.end());
    return changed;
}

quint32 DataSet::contactCitizen(quint64 index) const
{
    if (index >= m_contactsBefore.back()) {
        return m_addedContacts.at(qsizetype(index - m_contactsBefore.back())).citizen;
    }
    const auto it = std::upper_bound(m_contactsBefore.cbegin(), m_contactsBefore.cend(), quint32(index));
    return quint32((it - m_contactsBefore.cbegin()) - 1);
}

quint32 DataSet::taskCitizen(quint64 index) const
{
    const auto it = std::upper_bound(m_tasksBefore.cbegin(), m_tasksBefore.cend(), quint32(index));
    return quint32((it - m_tasksBefore.cbegin()) - 1);
}

QList<quint64> DataSet::contactsOf(quint32 citizen) const
{
    QList<quint64> result;
    for (quint64 i = m_contactsBefore[citizen]; i < m_contactsBefore[citizen + 1]; ++i) {
        result.append(i);
    }
    for (qsizetype i = 0; i < m_addedContacts.size(); ++i) {
        if (m_addedContacts.at(i).citizen == citizen) {
            result.append(m_contactsBefore.back() + quint64(i));
        }
    }
    return result;
}

quint64 DataSet::liveContactCount() const
{
    quint64 count = contactCount();
    for (const quint32 deleted : m_deleted) {
        count -= quint64(contactsOf(deleted).size());
    }
    return count;
}

quint64 DataSet::liveTaskCount() const
{
    quint64 count = taskCount();
    for (const quint32 deleted : m_deleted) {
        count -= m_tasksBefore[deleted + 1] - m_tasksBefore[deleted];
    }
    return count;
}

QUuid DataSet::uuid(quint64 seed, UuidKind kind, quint64 index)
{
    // 64 bits that name the kind in this data set, 60 bits that are the index under a keyed
    // permutation: random-looking, unique, and reversible without a table.
    const quint64 high = (hashKey(seed, Stream::UuidSpace, quint64(kind)) & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    const Permutation scramble(hashKey(seed, Stream::UuidIndex, quint64(kind)), quint64(1) << 60);
    const quint64 low = scramble.map(index) | 0x8000000000000000ULL; // variant 10xx
    QByteArray bytes(16, '\0');
    for (int i = 0; i < 8; ++i) {
        bytes[i] = char(high >> (56 - 8 * i));
        bytes[8 + i] = char(low >> (56 - 8 * i));
    }
    return QUuid::fromRfc4122(bytes);
}

std::optional<quint64> DataSet::indexOf(UuidKind kind, const QUuid &uuid) const
{
    const QByteArray bytes = uuid.toRfc4122();
    quint64 high = 0;
    quint64 low = 0;
    for (int i = 0; i < 8; ++i) {
        high = (high << 8) | quint8(bytes[i]);
        low = (low << 8) | quint8(bytes[8 + i]);
    }
    const quint64 expectedHigh = (hashKey(m_seed, Stream::UuidSpace, quint64(kind)) & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    if (high != expectedHigh || (low >> 60) != 0x8) {
        return std::nullopt;
    }
    const Permutation scramble(hashKey(m_seed, Stream::UuidIndex, quint64(kind)), quint64(1) << 60);
    return scramble.unmap(low & 0x0FFFFFFFFFFFFFFFULL);
}

QDateTime DataSet::nextMutationTime()
{
    // Run-time changes happen after the data set was taken, a minute apart: deterministic, and
    // always newer than anything generated.
    ++m_mutations;
    return m_referenceTime.addSecs(60LL * m_mutations);
}

quint64 DataSet::addReport(const ReportRecord &submitted)
{
    const QDateTime when = nextMutationTime();
    m_addedReports.append({submitted.reporter, when});
    const quint64 index = reportCount() - 1;
    ReportRecord held = submitted;
    if (!held.expected.isValid() && held.service >= 0 && held.service < m_services.size()) {
        held.expected = when.addDays(m_services.at(held.service).typicalDays); // as makeReport() does
    }
    m_submittedReports.insert(index, held);
    return index;
}

QDateTime DataSet::lastMutationTime() const
{
    return m_mutations == 0 ? QDateTime() : m_referenceTime.addSecs(60LL * m_mutations);
}

MutationResult DataSet::mutate(int newReports, int statusChanges, int newContacts, int deletedParties)
{
    MutationResult result;
    for (int n = 0; n < newReports && m_citizens > 0; ++n) {
        const QDateTime when = nextMutationTime();
        Rng rng(m_seed, Stream::Mutation, quint64(m_mutations));
        m_addedReports.append({rng.bounded(m_citizens), when});
        result.newReports.append(reportCount() - 1);
    }
    for (int n = 0; n < statusChanges && reportCount() > 0; ++n) {
        const QDateTime when = nextMutationTime();
        Rng rng(m_seed, Stream::Mutation, quint64(m_mutations));
        // Open reports get closed, preferably recent ones (the ones a clerk is asked about).
        quint64 index = reportCount() - 1 - rng.bounded(quint32(std::min<quint64>(reportCount(), 5000)));
        for (int tries = 0; tries < 50 && times(index).closed; ++tries) {
            index = reportCount() - 1 - rng.bounded(quint32(std::min<quint64>(reportCount(), 5000)));
        }
        const ReportRecord before = report(index);
        m_reportChanges.insert(index, {!before.closed, when, before.closed ? reopeningNote(rng) : closingNote(before.service, rng)});
        result.changedReports.append(index);
    }
    for (int n = 0; n < newContacts && m_citizens > 0; ++n) {
        const QDateTime when = nextMutationTime();
        Rng rng(m_seed, Stream::Mutation, quint64(m_mutations));
        quint32 citizen = rng.bounded(m_citizens);
        while (isDeleted(citizen)) {
            citizen = (citizen + 1) % m_citizens;
        }
        m_addedContacts.append({citizen, when});
        result.newContacts.append(contactCount() - 1);
    }
    for (int n = 0; n < deletedParties && liveCitizenCount() > 0; ++n) {
        nextMutationTime();
        Rng rng(m_seed, Stream::Mutation, quint64(m_mutations));
        quint32 citizen = rng.bounded(m_citizens);
        while (isDeleted(citizen)) {
            citizen = (citizen + 1) % m_citizens;
        }
        m_deleted.insert(std::upper_bound(m_deleted.begin(), m_deleted.end(), citizen), citizen);
        m_deletionOrder.append(citizen);
        result.deletedParties.append(citizen);
    }
    return result;
}

QList<quint32> DataSet::restoreParties(int n)
{
    QList<quint32> restored;
    while (restored.size() < n && !m_deletionOrder.isEmpty()) {
        const quint32 citizen = m_deletionOrder.takeLast();
        m_deleted.erase(std::lower_bound(m_deleted.begin(), m_deleted.end(), citizen));
        restored.append(citizen);
    }
    return restored;
}

} // namespace C360::Ref
