// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QObject>

namespace C360
{
class Database;
class MainWindow;
class SyncService;
class SyncStatusModel;

// Shows what the sync service does in the main window: the sync panel's rows and the status bar
// line; and forwards "synchronise now" to the service.
class SyncPresenter : public QObject
{
    Q_OBJECT
public:
    SyncPresenter(SyncService &service, SyncStatusModel &model, MainWindow &window, Database &db, QObject *parent = nullptr);

private:
    void showOverall();
    void showOutbox();

    SyncService &m_service;
    SyncStatusModel &m_model;
    MainWindow &m_window;
    Database &m_db;
};

} // namespace C360
