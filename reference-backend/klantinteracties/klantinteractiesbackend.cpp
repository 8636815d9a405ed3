// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Which Klantinteracties records exist and how they relate: generated records are numbered as the
// data set numbers them (a party per citizen, a betrokkene per contact, …), created ones follow.

#include "klantinteracties/klantinteractiesbackend.h"

#include <QUrl>

#include <algorithm>

namespace C360::Ref
{

namespace
{
// Person flags in the digital address index.
enum : quint8 { HasEmail = 1, EmailVerified = 2, HasPhone = 4, PhoneVerified = 8 };

quint8 weightFor(quint8 flags, const KlantinteractiesAddressFilter &filter)
{
    quint8 w = 0;
    if ((flags & HasEmail) && filter.accepts(0, flags & EmailVerified)) {
        ++w;
    }
    if ((flags & HasPhone) && filter.accepts(1, flags & PhoneVerified)) {
        ++w;
    }
    return w;
}
} // namespace

KlantinteractiesBackend::KlantinteractiesBackend(DataSet &data)
    : m_data(data)
{
}

QString KlantinteractiesBackend::collection(UuidKind kind)
{
    switch (kind) {
    case UuidKind::Party:
        return QStringLiteral("partijen");
    case UuidKind::PartyIdentifier:
        return QStringLiteral("partij-identificatoren");
    case UuidKind::DigitalAddress:
        return QStringLiteral("digitaleadressen");
    case UuidKind::Contact:
        return QStringLiteral("klantcontacten");
    case UuidKind::Involved:
        return QStringLiteral("betrokkenen");
    case UuidKind::Subject:
        return QStringLiteral("onderwerpobjecten");
    case UuidKind::Task:
        return QStringLiteral("internetaken");
    case UuidKind::Actor:
        return QStringLiteral("actoren");
    case UuidKind::CaseType:
    case UuidKind::CaseStatusType:
    case UuidKind::Case:
    case UuidKind::CaseStatus:
    case UuidKind::CaseRole:
        break; // the case system's (ZGW), not Klantinteracties'
    }
    return QString();
}

bool KlantinteractiesBackend::contactLive(quint64 index) const
{
    if (index >= KlantinteractiesCreatedBase) {
        const quint64 n = index - KlantinteractiesCreatedBase;
        if (n >= quint64(m_contacts.size())) {
            return false;
        }
        // A created contact goes with the deleted party one of its betrokkenen was.
        for (const KlantinteractiesCreatedInvolved &involved : m_involved) {
            if (involved.contact == index && involved.party && m_data.isDeleted(*involved.party)) {
                return false;
            }
        }
        return true;
    }
    return index < m_data.contactCount() && !m_data.isDeleted(m_data.contactCitizen(index));
}

bool KlantinteractiesBackend::live(UuidKind kind, quint64 index) const
{
    switch (kind) {
    case UuidKind::Party:
    case UuidKind::PartyIdentifier:
        return index < m_data.citizenCount() && !m_data.isDeleted(quint32(index));
    case UuidKind::DigitalAddress: {
        const quint64 citizen = index / 2;
        if (citizen >= m_data.citizenCount() || m_data.isDeleted(quint32(citizen))) {
            return false;
        }
        const Person p = m_data.person(quint32(citizen));
        return index % 2 == 0 ? !p.email.isEmpty() : !p.phone.isEmpty();
    }
    case UuidKind::Contact:
        return contactLive(index);
    case UuidKind::Involved:
        if (index >= KlantinteractiesCreatedBase) {
            const quint64 n = index - KlantinteractiesCreatedBase;
            if (n >= quint64(m_involved.size())) {
                return false;
            }
            const KlantinteractiesCreatedInvolved &involved = m_involved.at(qsizetype(n));
            return contactLive(involved.contact) && (!involved.party || !m_data.isDeleted(*involved.party));
        }
        return contactLive(index); // every generated contact has its citizen as betrokkene
    case UuidKind::Subject:
        if (index >= KlantinteractiesCreatedBase) {
            const quint64 n = index - KlantinteractiesCreatedBase;
            if (n >= quint64(m_subjects.size())) {
                return false;
            }
            const KlantinteractiesCreatedSubject &subject = m_subjects.at(qsizetype(n));
            return (!subject.contact || contactLive(*subject.contact)) && (!subject.wasContact || contactLive(*subject.wasContact));
        }
        return contactLive(index) && m_data.contactService(index) >= 0;
    case UuidKind::Task:
        if (index >= KlantinteractiesCreatedBase) {
            const quint64 n = index - KlantinteractiesCreatedBase;
            return n < quint64(m_tasks.size()) && contactLive(m_tasks.at(qsizetype(n)).contact);
        }
        return index < m_data.taskCount() && !m_data.isDeleted(m_data.taskCitizen(index));
    case UuidKind::Actor:
        return index < quint64(m_data.actors().size());
    case UuidKind::CaseType:
    case UuidKind::CaseStatusType:
    case UuidKind::Case:
    case UuidKind::CaseStatus:
    case UuidKind::CaseRole:
        break; // no Klantinteracties record
    }
    return false;
}

std::optional<quint64> KlantinteractiesBackend::find(UuidKind kind, const QString &uuid) const
{
    const QUuid parsed = QUuid::fromString(uuid);
    if (parsed.isNull()) {
        return std::nullopt;
    }
    const auto index = m_data.indexOf(kind, parsed);
    if (!index || !live(kind, *index)) {
        return std::nullopt;
    }
    return index;
}

std::optional<quint64> KlantinteractiesBackend::findUrl(UuidKind kind, const QString &url) const
{
    // Only this API's own URLs name its records (as Django resolves them: by path, not host).
    const QString path = QUrl(url).path();
    const QString prefix = QStringLiteral("/klantinteracties/api/v1/") + collection(kind) + QLatin1Char('/');
    if (!path.startsWith(prefix)) {
        return std::nullopt;
    }
    return find(kind, path.mid(prefix.size()));
}

QList<quint64> KlantinteractiesBackend::digitalAddressesOf(const Person &person) const
{
    QList<quint64> list;
    if (!person.email.isEmpty()) {
        list.append(quint64(person.index) * 2);
    }
    if (!person.phone.isEmpty()) {
        list.append(quint64(person.index) * 2 + 1);
    }
    return list;
}

QList<quint64> KlantinteractiesBackend::involvedOfParty(quint32 citizen) const
{
    QList<quint64> list = m_data.contactsOf(citizen);
    for (qsizetype i = 0; i < m_involved.size(); ++i) {
        if (m_involved.at(i).party == citizen && live(UuidKind::Involved, KlantinteractiesCreatedBase + quint64(i))) {
            list.append(KlantinteractiesCreatedBase + quint64(i));
        }
    }
    return list;
}

QList<quint64> KlantinteractiesBackend::contactsOfParty(quint32 citizen) const
{
    QList<quint64> list = m_data.contactsOf(citizen);
    for (qsizetype i = 0; i < m_involved.size(); ++i) {
        const KlantinteractiesCreatedInvolved &involved = m_involved.at(i);
        if (involved.party == citizen && contactLive(involved.contact) && !list.contains(involved.contact)) {
            list.append(involved.contact);
        }
    }
    std::sort(list.begin(), list.end());
    return list;
}

QList<quint64> KlantinteractiesBackend::involvedOfContact(quint64 contact) const
{
    QList<quint64> list;
    if (contact < KlantinteractiesCreatedBase) {
        list.append(contact);
    }
    for (qsizetype i = 0; i < m_involved.size(); ++i) {
        if (m_involved.at(i).contact == contact && live(UuidKind::Involved, KlantinteractiesCreatedBase + quint64(i))) {
            list.append(KlantinteractiesCreatedBase + quint64(i));
        }
    }
    return list;
}

QList<quint64> KlantinteractiesBackend::subjectsOfContact(quint64 contact) const
{
    QList<quint64> list;
    if (contact < KlantinteractiesCreatedBase && m_data.contactService(contact) >= 0) {
        list.append(contact);
    }
    for (qsizetype i = 0; i < m_subjects.size(); ++i) {
        if (m_subjects.at(i).contact == contact && live(UuidKind::Subject, KlantinteractiesCreatedBase + quint64(i))) {
            list.append(KlantinteractiesCreatedBase + quint64(i));
        }
    }
    return list;
}

QList<quint64> KlantinteractiesBackend::tasksOfContact(quint64 contact) const
{
    QList<quint64> list;
    if (contact < m_data.baseContactCount()) {
        // Tasks only come from a citizen's generated contacts: look among that citizen's tasks.
        const auto [first, end] = m_data.tasksOf(m_data.contactCitizen(contact));
        for (quint64 t = first; t < end; ++t) {
            if (m_data.task(t).contact == contact) {
                list.append(t);
            }
        }
    }
    for (qsizetype i = 0; i < m_tasks.size(); ++i) {
        if (m_tasks.at(i).contact == contact) {
            list.append(KlantinteractiesCreatedBase + quint64(i));
        }
    }
    return list;
}

std::optional<quint32> KlantinteractiesBackend::partyOfInvolved(quint64 involved) const
{
    if (involved >= KlantinteractiesCreatedBase) {
        return m_involved.at(qsizetype(involved - KlantinteractiesCreatedBase)).party;
    }
    return m_data.contactCitizen(involved);
}

quint64 KlantinteractiesBackend::contactOfInvolved(quint64 involved) const
{
    return involved >= KlantinteractiesCreatedBase ? m_involved.at(qsizetype(involved - KlantinteractiesCreatedBase)).contact : involved;
}

std::vector<quint64> KlantinteractiesBackend::liveParties(quint64 offset, quint64 limit) const
{
    std::vector<quint64> out;
    if (offset >= m_data.liveCitizenCount()) {
        return out;
    }
    for (quint64 c = m_data.liveCitizen(quint32(offset)); c < m_data.citizenCount() && out.size() < limit; ++c) {
        if (!m_data.isDeleted(quint32(c))) {
            out.push_back(c);
        }
    }
    return out;
}

std::vector<quint64> KlantinteractiesBackend::liveContacts(quint64 offset, quint64 limit) const
{
    // Generated contacts lie in per-citizen ranges, then come those added at run time: skip the
    // deleted citizens' ranges (few) as DataSet::liveCitizen skips deleted citizens.
    const quint64 base = m_data.baseContactCount();
    const quint64 all = m_data.contactCount();
    quint64 deletedBase = 0;
    for (const quint32 d : m_data.deletedCitizens()) {
        const auto [first, end] = m_data.baseContactsOf(d);
        deletedBase += end - first;
    }
    quint64 raw = offset;
    if (offset < base - deletedBase) {
        for (const quint32 d : m_data.deletedCitizens()) {
            const auto [first, end] = m_data.baseContactsOf(d);
            if (first == end) {
                continue;
            }
            if (first > raw) {
                break;
            }
            raw += end - first;
        }
    } else {
        quint64 rest = offset - (base - deletedBase);
        for (raw = base; raw < all; ++raw) {
            if (!m_data.isDeleted(m_data.contactCitizen(raw))) {
                if (rest == 0) {
                    break;
                }
                --rest;
            }
        }
    }
    std::vector<quint64> out;
    while (raw < all && out.size() < limit) {
        const quint32 citizen = m_data.contactCitizen(raw);
        if (m_data.isDeleted(citizen)) {
            raw = raw < base ? m_data.baseContactsOf(citizen).second : raw + 1;
            continue;
        }
        out.push_back(raw++);
    }
    return out;
}

std::vector<quint64> KlantinteractiesBackend::liveTasks(quint64 offset, quint64 limit) const
{
    quint64 raw = offset;
    for (const quint32 d : m_data.deletedCitizens()) {
        const auto [first, end] = m_data.tasksOf(d);
        if (first == end) {
            continue;
        }
        if (first > raw) {
            break;
        }
        raw += end - first;
    }
    std::vector<quint64> out;
    while (raw < m_data.taskCount() && out.size() < limit) {
        const quint32 citizen = m_data.taskCitizen(raw);
        if (m_data.isDeleted(citizen)) {
            raw = m_data.tasksOf(citizen).second;
            continue;
        }
        out.push_back(raw++);
    }
    return out;
}

const WeightedIndex &KlantinteractiesBackend::addressIndex(const KlantinteractiesAddressFilter &filter)
{
    if (m_addressFlags.size() != m_data.citizenCount()) {
        // Once per data set: one pass over the population (persons never change afterwards).
        m_addressFlags.assign(m_data.citizenCount(), 0);
        for (quint32 c = 0; c < m_data.citizenCount(); ++c) {
            const Person p = m_data.person(c);
            m_addressFlags[c] = quint8((p.email.isEmpty() ? 0 : HasEmail) | (p.emailVerified ? EmailVerified : 0) | (p.phone.isEmpty() ? 0 : HasPhone) |
                                       (p.phoneVerified ? PhoneVerified : 0));
        }
    }
    const int key = (filter.kind + 1) * 3 + (filter.verified ? (*filter.verified ? 1 : 2) : 0);
    auto it = m_addressIndices.find(key);
    if (it == m_addressIndices.end()) {
        WeightedIndex index;
        for (const quint8 flags : m_addressFlags) {
            index.append(weightFor(flags, filter));
        }
        it = m_addressIndices.emplace(key, std::move(index)).first;
    }
    return it->second;
}

quint64 KlantinteractiesBackend::liveAddressCount(const KlantinteractiesAddressFilter &filter)
{
    const WeightedIndex &index = addressIndex(filter);
    const std::vector<quint64> deleted(m_data.deletedCitizens().cbegin(), m_data.deletedCitizens().cend());
    return index.total() - index.excludedTotal(deleted);
}

std::vector<quint64> KlantinteractiesBackend::liveAddresses(const KlantinteractiesAddressFilter &filter, quint64 offset, quint64 limit)
{
    std::vector<quint64> out;
    if (offset >= liveAddressCount(filter)) {
        return out;
    }
    const WeightedIndex &index = addressIndex(filter);
    const std::vector<quint64> deleted(m_data.deletedCitizens().cbegin(), m_data.deletedCitizens().cend());
    auto [citizen, skip] = index.selectSkipping(offset, deleted);
    for (; citizen < m_data.citizenCount() && out.size() < limit; ++citizen) {
        if (m_data.isDeleted(quint32(citizen))) {
            continue;
        }
        const quint8 flags = m_addressFlags[citizen];
        for (int kind = 0; kind < 2 && out.size() < limit; ++kind) {
            const bool has = flags & (kind == 0 ? HasEmail : HasPhone);
            if (has && filter.accepts(kind, flags & (kind == 0 ? EmailVerified : PhoneVerified))) {
                if (skip > 0) {
                    --skip;
                } else {
                    out.push_back(citizen * 2 + quint64(kind));
                }
            }
        }
    }
    return out;
}

const WeightedIndex &KlantinteractiesBackend::subjectIndex()
{
    // Built once, extended as contacts are added at run time.
    for (quint64 i = m_subjectIndex.size(); i < m_data.contactCount(); ++i) {
        m_subjectIndex.append(m_data.contactService(i) >= 0 ? 1 : 0);
    }
    return m_subjectIndex;
}

std::vector<quint64> KlantinteractiesBackend::deletedContacts() const
{
    std::vector<quint64> out;
    for (const quint32 d : m_data.deletedCitizens()) {
        for (const quint64 c : m_data.contactsOf(d)) {
            out.push_back(c);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

quint64 KlantinteractiesBackend::liveSubjectCount()
{
    const WeightedIndex &index = subjectIndex();
    return index.total() - index.excludedTotal(deletedContacts());
}

std::vector<quint64> KlantinteractiesBackend::liveSubjects(quint64 offset, quint64 limit)
{
    std::vector<quint64> out;
    if (offset >= liveSubjectCount()) {
        return out;
    }
    const WeightedIndex &index = subjectIndex();
    for (quint64 c = index.selectSkipping(offset, deletedContacts()).first; c < index.size() && out.size() < limit; ++c) {
        if (index.weight(c) > 0 && !m_data.isDeleted(m_data.contactCitizen(c))) {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace C360::Ref
