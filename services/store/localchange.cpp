// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/localchange.h"

#include "jsonnumber.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace C360::LocalChange
{

namespace
{
OutboxEntry entryFor(const QString &source, const QString &resource, const QString &operation, qint64 id, const ChangeOrigin &origin, QJsonObject payload)
{
    payload.insert(QStringLiteral("party"), origin.party);
    payload.insert(QStringLiteral("channel"), toKey(origin.channel));
    payload.insert(QStringLiteral("language"), origin.language);
    OutboxEntry entry;
    entry.source = source;
    entry.resource = resource;
    entry.operation = operation;
    entry.entityKind = resource == ContactMoments ? ItemKind::ContactMoment : ItemKind::Request;
    entry.entityId = id;
    entry.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    return entry;
}
} // namespace

OutboxEntry contactMoment(const QString &source, qint64 contactId, const ChangeOrigin &origin)
{
    return entryFor(source, ContactMoments, Create, contactId, origin, {});
}

OutboxEntry request(const QString &source, qint64 requestId, const ChangeOrigin &origin)
{
    return entryFor(source, Requests, Create, requestId, origin, {});
}

OutboxEntry supplement(const QString &source, qint64 requestId, qint64 supplementId, const ChangeOrigin &origin)
{
    return entryFor(source, Requests, Supplement, requestId, origin, {{QStringLiteral("supplement"), double(supplementId)}});
}

OutboxEntry requestUpdate(const QString &source, qint64 requestId, const ChangeOrigin &origin, bool withAnswer, const QDateTime &done)
{
    QJsonObject payload{{QStringLiteral("answer"), withAnswer}};
    if (done.isValid()) {
        payload.insert(QStringLiteral("done"), done.toUTC().toString(Qt::ISODateWithMs));
    }
    return entryFor(source, Requests, Update, requestId, origin, payload);
}

Facts factsOf(const OutboxEntry &entry)
{
    const QJsonObject o = QJsonDocument::fromJson(entry.payload).object();
    Facts facts;
    facts.origin.party = o.value(QStringLiteral("party")).toString();
    facts.origin.channel = fromKey<Channel>(o.value(QStringLiteral("channel")).toString()).value_or(Channel::Counter);
    facts.origin.language = o.value(QStringLiteral("language")).toString(QStringLiteral("nl"));
    facts.supplementId = wholeNumberOr(o.value(QStringLiteral("supplement")), 0);
    facts.withAnswer = o.value(QStringLiteral("answer")).toBool();
    facts.done = QDateTime::fromString(o.value(QStringLiteral("done")).toString(), Qt::ISODateWithMs).toUTC();
    return facts;
}

} // namespace C360::LocalChange
