// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Klantinteracties records made through the API (klantinteractiescreate.cpp), kept in memory
// after the generated ones and numbered from KlantinteractiesCreatedBase, with their times and numbers.

#include "klantinteracties/klantinteractiesbackend.h"

#include <algorithm>

namespace C360::Ref
{

quint64 KlantinteractiesBackend::addContact(const KlantinteractiesCreatedContact &contact)
{
    m_contacts.append(contact);
    return KlantinteractiesCreatedBase + quint64(m_contacts.size() - 1);
}

quint64 KlantinteractiesBackend::addInvolved(const KlantinteractiesCreatedInvolved &involved)
{
    m_involved.append(involved);
    return KlantinteractiesCreatedBase + quint64(m_involved.size() - 1);
}

quint64 KlantinteractiesBackend::addSubject(const KlantinteractiesCreatedSubject &subject)
{
    m_subjects.append(subject);
    return KlantinteractiesCreatedBase + quint64(m_subjects.size() - 1);
}

quint64 KlantinteractiesBackend::addTask(const KlantinteractiesCreatedTask &task)
{
    m_tasks.append(task);
    return KlantinteractiesCreatedBase + quint64(m_tasks.size() - 1);
}

void KlantinteractiesBackend::changeTask(quint64 index, const KlantinteractiesTaskChange &change)
{
    if (index >= KlantinteractiesCreatedBase) {
        KlantinteractiesCreatedTask &task = m_tasks[qsizetype(index - KlantinteractiesCreatedBase)];
        for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
            task.fields.insert(it.key(), it.value());
        }
        if (change.actors) {
            task.actors = *change.actors;
        }
        return;
    }
    KlantinteractiesTaskChange &held = m_taskChanges[index];
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        held.fields.insert(it.key(), it.value());
    }
    if (change.actors) {
        held.actors = change.actors;
    }
}

QString KlantinteractiesBackend::taskStatus(quint64 index) const
{
    if (index >= KlantinteractiesCreatedBase) {
        return m_tasks.at(qsizetype(index - KlantinteractiesCreatedBase)).fields.value(QStringLiteral("status")).toString();
    }
    if (const auto it = m_taskChanges.find(index); it != m_taskChanges.end() && it->second.fields.contains(QStringLiteral("status"))) {
        return it->second.fields.value(QStringLiteral("status")).toString();
    }
    return m_data.task(index).done ? QStringLiteral("verwerkt") : QStringLiteral("te_verwerken");
}

std::vector<quint64> KlantinteractiesBackend::liveCreated(UuidKind kind) const
{
    qsizetype n = 0;
    switch (kind) {
    case UuidKind::Contact:
        n = m_contacts.size();
        break;
    case UuidKind::Involved:
        n = m_involved.size();
        break;
    case UuidKind::Subject:
        n = m_subjects.size();
        break;
    case UuidKind::Task:
        n = m_tasks.size();
        break;
    default:
        break;
    }
    std::vector<quint64> out;
    for (qsizetype i = 0; i < n; ++i) {
        if (live(kind, KlantinteractiesCreatedBase + quint64(i))) {
            out.push_back(KlantinteractiesCreatedBase + quint64(i));
        }
    }
    return out;
}

QDateTime KlantinteractiesBackend::nextCreationTime()
{
    const QDateTime mutated = m_data.lastMutationTime();
    const QDateTime base = mutated.isValid() ? mutated : m_data.referenceTime();
    return base.addSecs(qint64(++m_creations));
}

QString KlantinteractiesBackend::nextCreatedNumber()
{
    // Apart from the generated numbers (index + 1), which a long run of mutations never reaches.
    return QStringLiteral("9%1").arg(m_contacts.size() + m_tasks.size() + 1, 9, 10, QLatin1Char('0'));
}

} // namespace C360::Ref
