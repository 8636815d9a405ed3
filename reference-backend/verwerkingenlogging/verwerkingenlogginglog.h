// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <deque>

namespace C360::Ref
{

// One verwerkingsactie as the log stored it.
struct LoggedAction
{
    quint64 sequence = 0; // in order of registration
    QUuid actieId;
    QByteArray json; // the stored VerwerkingsactieUitgebreid, compact, as the API answers it
    qint64 tijdstipMs = 0; // when the action took place, UTC
    QDate date; // its date where it took place (the offset the client gave)
    QString vertrouwelijkheid;
    QUuid activity; // verwerkingsactiviteitId, or null
    QList<QUuid> objects; // verwerktObjectId per verwerkt object
    QStringList objectKeys; // objectKey() per verwerkt object
    QByteArray idempotencyKey;
    QByteArray requestHash;
};

// The received verwerkingsacties, in memory and capped: beyond the capacity the oldest are
// dropped. Indexed by id, by verwerkt object and by idempotency key, so that no lookup scans the
// log.
class VerwerkingenloggingLog
{
public:
    explicit VerwerkingenloggingLog(qsizetype capacity);

    qsizetype size() const { return qsizetype(m_actions.size()); }
    quint64 nextSequence() const { return m_first + m_actions.size(); }
    // Stores the action (its sequence must be nextSequence()), dropping the oldest when full.
    void add(LoggedAction action);

    const LoggedAction *find(const QUuid &actieId) const;
    const LoggedAction *findObject(const QUuid &verwerktObjectId) const;
    const LoggedAction *findIdempotencyKey(const QByteArray &key) const;
    // The actions about one object (person), oldest registration first.
    QList<const LoggedAction *> about(const QString &objectKey) const;

    static QString objectKey(const QString &objecttype, const QString &soortObjectId, const QString &objectId);

private:
    const LoggedAction *at(quint64 sequence) const;
    void dropOldest();

    qsizetype m_capacity;
    std::deque<LoggedAction> m_actions;
    quint64 m_first = 0; // sequence of m_actions.front()
    QHash<QUuid, quint64> m_byId;
    QHash<QUuid, quint64> m_byObject;
    QHash<QByteArray, quint64> m_byIdempotencyKey;
    QHash<QString, std::deque<quint64>> m_byObjectKey;
};

} // namespace C360::Ref
