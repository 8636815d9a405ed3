// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;

namespace c360
{
class Settings;
class SyncPanel;
class SyncStatusModel;

// The application's main window: the three regions of the case view (citizen search, the case,
// the catalogue), menus and status bar. It only displays and forwards intent; state lives in
// services and models.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows which store the window works on (file name and schema version) in the status bar.
    void setStoreInfo(const QString &path, int schemaVersion);

    QDockWidget *searchDock() const { return m_searchDock; }
    QDockWidget *catalogueDock() const { return m_catalogueDock; }
    QLineEdit *searchField() const { return m_searchField; }
    QDockWidget *syncDock() const { return m_syncDock; }
    SyncPanel *syncPanel() const { return m_syncPanel; }

    // The sync status to show in the sync panel (not owned).
    void setSyncStatusModel(SyncStatusModel *model);
    // The sync line of the status bar: text, with details in the tooltip; busy shows it is working,
    // failed marks it as a problem.
    void showSyncState(const QString &text, const QString &details, bool busy, bool failed);

Q_SIGNALS:
    void syncNowRequested();

public Q_SLOTS:
    void focusSearch();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupRegions();
    void setupActions();
    void setupStatusBar();
    void restoreLayout();
    void saveLayout();

    Settings &m_settings;
    QDockWidget *m_searchDock = nullptr;
    QDockWidget *m_catalogueDock = nullptr;
    QDockWidget *m_syncDock = nullptr;
    SyncPanel *m_syncPanel = nullptr;
    QLineEdit *m_searchField = nullptr;
    QListView *m_searchResults = nullptr;
    QStackedWidget *m_caseArea = nullptr;
    QLineEdit *m_catalogueField = nullptr;
    QListView *m_catalogueResults = nullptr;
    QLabel *m_storeLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_syncIcon = nullptr;
};

} // namespace c360
