// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/livechanges.h"

#include "common/logging.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>

namespace C360
{

std::optional<LiveChange> LiveChange::fromPayload(const QString &payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    LiveChange change;
    change.table = o.value(QLatin1String("table")).toString();
    if (change.table.isEmpty()) {
        return std::nullopt;
    }
    change.citizenId = o.value(QLatin1String("citizen")).toInteger();
    change.requestId = o.value(QLatin1String("request")).toInteger();
    change.assignee = o.value(QLatin1String("assignee")).toString();
    change.newlyAssigned = o.value(QLatin1String("assigned")).toBool();
    change.by = o.value(QLatin1String("by")).toString();
    change.source = o.value(QLatin1String("source")).toString();
    return change;
}

LiveChanges::LiveChanges(const QString &name, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_clock(clock)
{
    m_check.setInterval(std::chrono::seconds(RetrySeconds));
    connect(&m_check, &QTimer::timeout, this, &LiveChanges::check);
    listen();
    if (m_listening || m_lost) {
        m_check.start();
    }
}

LiveChanges::~LiveChanges() = default;

void LiveChanges::listen()
{
    m_listening = false;
    m_db.reset();
    auto db = Database::open(m_name, Database::OpenMode::ReadOnly, m_clock);
    if (!db) {
        qCInfo(C360_STORE) << "live changes: cannot open a listening connection:" << db.error().detail;
        m_lost = true;
        return;
    }
    if (!(*db)->isServer() || (*db)->schemaVersion() < 10) {
        return; // nothing announces changes: a desk's own file, or an older store
    }
    QSqlDriver *driver = (*db)->connection().driver();
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications) || !driver->subscribeToNotification(QLatin1String(Channel))) {
        qCWarning(C360_STORE) << "live changes: the driver does not deliver notifications";
        return;
    }
    connect(driver, &QSqlDriver::notification, this, [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
        onNotification(channel, payload);
    });
    m_db = std::move(*db);
    m_listening = true;
    qCDebug(C360_STORE) << "live changes: listening";
}

void LiveChanges::check()
{
    // A keep-alive of the listening connection (not of any table): a connection that went away
    // delivers nothing and says nothing, so it is asked.
    if (m_db) {
        QSqlQuery ping(m_db->connection());
        if (ping.exec(QStringLiteral("SELECT 1"))) {
            return;
        }
        qCInfo(C360_STORE) << "live changes: the listening connection was lost";
        m_lost = true;
    }
    listen();
    if (m_listening && m_lost) {
        m_lost = false;
        Q_EMIT resynced();
    }
}

void LiveChanges::onNotification(const QString &channel, const QVariant &payload)
{
    if (channel != QLatin1String(Channel)) {
        return;
    }
    if (const auto change = LiveChange::fromPayload(payload.toString())) {
        Q_EMIT changed(*change);
    }
}

} // namespace C360
