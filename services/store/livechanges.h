// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace C360
{
class Clock;
class Database;

// What another workstation (or the sync service) changed in a shared store, as the store announces
// it (schema 10: its triggers NOTIFY c360_changes in the transaction of the change, so the message
// comes once the change is committed, and not at all when it is rolled back). Ids and names of
// staff only: what changed is read again through the audited paths.
struct LiveChange
{
    QString table; // contact_moments, requests, request_supplements, reports, sync_state
    qint64 citizenId = 0; // 0: none (an anonymous contact, a sync state)
    qint64 requestId = 0; // requests and their supplements
    QString assignee; // requests: whom it is assigned to now (a staff member or a team)
    bool newlyAssigned = false; // requests: the assignee is new (made, or assigned to someone else)
    QString by; // the login that made the change
    QString source; // sync_state: the back end that was synchronised

    // The change a notification's payload describes; none for a payload that is not one.
    static std::optional<LiveChange> fromPayload(const QString &payload);
};

// Listens for the changes a shared store announces, on a connection of its own (so that the
// window's connection, busy with queries, never delays them): Qt's PostgreSQL driver delivers
// each notification through the event loop as it arrives, nothing is polled. On an SQLite store,
// or one before schema 10, it does not listen. A lost connection is opened again every
// RetrySeconds, and resynced() then says that changes may have been missed meanwhile.
class LiveChanges : public QObject
{
    Q_OBJECT
public:
    static constexpr auto Channel = "c360_changes";
    static constexpr int RetrySeconds = 10;

    // name: the store's name as the window's connection opened it (the same login).
    LiveChanges(const QString &name, Clock &clock, QObject *parent = nullptr);
    ~LiveChanges() override;

    bool isListening() const { return m_listening; }
    // How often the listening connection is checked (RetrySeconds unless set; tests shorten it).
    void setCheckInterval(std::chrono::milliseconds interval) { m_check.setInterval(interval); }

Q_SIGNALS:
    void changed(const C360::LiveChange &change);
    // Listening again after the connection was lost: read what is shown again.
    void resynced();

private:
    void listen();
    void check();
    void onNotification(const QString &name, const QVariant &payload);

    QString m_name;
    Clock &m_clock;
    std::unique_ptr<Database> m_db;
    QTimer m_check;
    bool m_listening = false;
    bool m_lost = false;
};

} // namespace C360
