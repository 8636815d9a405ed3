// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "verwerkingenlogging/verwerkingenlogginglog.h"

#include <algorithm>

namespace C360::Ref
{

VerwerkingenloggingLog::VerwerkingenloggingLog(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{
}

void VerwerkingenloggingLog::add(LoggedAction action)
{
    Q_ASSERT(action.sequence == nextSequence());
    while (qsizetype(m_actions.size()) >= m_capacity) {
        dropOldest();
    }
    const quint64 sequence = action.sequence;
    m_byId.insert(action.actieId, sequence);
    for (const QUuid &object : std::as_const(action.objects)) {
        m_byObject.insert(object, sequence);
    }
    for (const QString &key : std::as_const(action.objectKeys)) {
        std::deque<quint64> &list = m_byObjectKey[key];
        // The same person twice in one action is listed once.
        if (list.empty() || list.back() != sequence) {
            list.push_back(sequence);
        }
    }
    if (!action.idempotencyKey.isEmpty()) {
        m_byIdempotencyKey.insert(action.idempotencyKey, sequence);
    }
    m_actions.push_back(std::move(action));
}

void VerwerkingenloggingLog::dropOldest()
{
    const LoggedAction &oldest = m_actions.front();
    m_byId.remove(oldest.actieId);
    for (const QUuid &object : oldest.objects) {
        m_byObject.remove(object);
    }
    for (const QString &key : oldest.objectKeys) {
        auto it = m_byObjectKey.find(key);
        // Sequences are added in order, so the oldest is at the front of every list it is in.
        if (it != m_byObjectKey.end() && !it->empty() && it->front() == oldest.sequence) {
            it->pop_front();
            if (it->empty()) {
                m_byObjectKey.erase(it);
            }
        }
    }
    if (!oldest.idempotencyKey.isEmpty()) {
        m_byIdempotencyKey.remove(oldest.idempotencyKey);
    }
    m_actions.pop_front();
    ++m_first;
}

const LoggedAction *VerwerkingenloggingLog::at(quint64 sequence) const
{
    if (sequence < m_first || sequence >= nextSequence()) {
        return nullptr;
    }
    return &m_actions[std::size_t(sequence - m_first)];
}

const LoggedAction *VerwerkingenloggingLog::find(const QUuid &actieId) const
{
    const auto it = m_byId.constFind(actieId);
    return it == m_byId.constEnd() ? nullptr : at(*it);
}

const LoggedAction *VerwerkingenloggingLog::findObject(const QUuid &verwerktObjectId) const
{
    const auto it = m_byObject.constFind(verwerktObjectId);
    return it == m_byObject.constEnd() ? nullptr : at(*it);
}

const LoggedAction *VerwerkingenloggingLog::findIdempotencyKey(const QByteArray &key) const
{
    const auto it = m_byIdempotencyKey.constFind(key);
    return it == m_byIdempotencyKey.constEnd() ? nullptr : at(*it);
}

QList<const LoggedAction *> VerwerkingenloggingLog::about(const QString &objectKey) const
{
    QList<const LoggedAction *> actions;
    const auto it = m_byObjectKey.constFind(objectKey);
    if (it == m_byObjectKey.constEnd()) {
        return actions;
    }
    actions.reserve(qsizetype(it->size()));
    for (quint64 sequence : *it) {
        actions.append(at(sequence));
    }
    return actions;
}

QString VerwerkingenloggingLog::objectKey(const QString &objecttype, const QString &soortObjectId, const QString &objectId)
{
    // Unit separators: none of the three may contain one (they are validated strings).
    return objecttype + QChar(0x1F) + soortObjectId + QChar(0x1F) + objectId;
}

} // namespace C360::Ref
