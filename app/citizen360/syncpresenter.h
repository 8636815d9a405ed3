// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

namespace C360
{
class Database;
class MainWindow;
class SyncService;
class SyncStatusModel;

// Shows what the sync service does in the main window: the sync panel's rows and the status bar
// line; and forwards "synchronise now" to the service.
//
// On a shared store the workstation does not synchronise (service is null): the store's sync
// service does, and its state per source is read from the store (reload(), now and every
// minute), a source it has not synchronised for more than twice its poll interval
// (pollIntervals, by source id; five minutes for a source not named) shown as a problem.
class SyncPresenter : public QObject
{
    Q_OBJECT
public:
    SyncPresenter(SyncService *service,
                  SyncStatusModel &model,
                  MainWindow &window,
                  Database &db,
                  const QHash<QString, int> &pollIntervals = {},
                  QObject *parent = nullptr);

    // Reads the sync service's state from the store again (no service of this workstation's).
    void reload();

private:
    void showOverall();
    void showOutbox();

    SyncService *m_service;
    SyncStatusModel &m_model;
    MainWindow &m_window;
    Database &m_db;
    QHash<QString, int> m_pollIntervals;
    QTimer m_reload;
};

} // namespace C360
