// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "caseworkspace.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QStackedWidget;

namespace C360
{
class Settings;
struct StaffMember;
class CataloguePanel;
class SyncPanel;
class WorklistPanel;
class SyncStatusModel;

// The application's main window: the three regions of the case view (citizen search, the case,
// the catalogue), menus and status bar. It only displays and forwards intent; state lives in
// services and models.
class MainWindow : public QMainWindow, public CaseWorkspace
{
    Q_OBJECT
public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows which store the window works on (file name and schema version) in the status bar.
    void setStoreInfo(const QString &path, int schemaVersion);

    QDockWidget *searchDock() const { return m_searchDock; }
    QDockWidget *catalogueDock() const { return m_catalogueDock; }
    QLineEdit *searchField() const override { return m_searchField; }
    QDockWidget *syncDock() const { return m_syncDock; }
    QListView *searchResults() const override { return m_searchResults; }
    QLabel *searchSummary() const override { return m_searchSummary; }
    QStackedWidget *caseArea() const { return m_caseArea; }
    QAction *newContactAction() const override { return m_newContact; }
    QAction *newRequestAction() const override { return m_newRequest; }
    QAction *printCaseAction() const override { return m_printCase; }
    QAction *auditLogAction() const { return m_auditLog; }
    // The doors of a shared desk (DeskSession acts on them).
    QAction *endContactAction() const { return m_endContact; }
    QAction *lockAction() const { return m_lock; }
    QAction *switchUserAction() const { return m_switchUser; }
    QAction *signOutAction() const { return m_signOut; }
    // Covers the whole window (nothing of the case, the search or the panes shows) while it is
    // locked or nobody is signed in.
    void setCovered(bool covered);
    bool isCovered() const;
    // Who is signed in: shown in the status bar, and what their role may do offered (the services
    // check the role again on every call).
    void setSignedIn(const StaffMember &staff);
    // Nobody is signed in: no name in the status bar, nothing offered.
    void setSignedOut();
    // Puts view in the case region (shown by showCase(true); the hint otherwise).
    void setCaseView(QWidget *view) override;
    void showCase(bool open) override;
    void showStatus(const QString &message, int timeoutMs) override;
    QWidget *dialogParent() override { return this; }
    CataloguePanel *cataloguePanel() const override { return m_cataloguePanel; }
    WorklistPanel *worklistPanel() const override { return m_worklistPanel; }
    QDockWidget *worklistDock() const { return m_worklistDock; }
    // Shows the catalogue pane searching text.
    void showCatalogue(const QString &text);
    SyncPanel *syncPanel() const { return m_syncPanel; }

    // The sync status to show in the sync panel (not owned).
    void setSyncStatusModel(SyncStatusModel *model);
    // The sync line of the status bar: text, with details in the tooltip; busy shows it is working,
    // failed marks it as a problem.
    void showSyncState(const QString &text, const QString &details, bool busy, bool failed);

Q_SIGNALS:
    void syncNowRequested();
    void auditLogRequested();

public Q_SLOTS:
    void focusSearch();
    void showAbout();
    // Help → User Guide (F1), and the list of keyboard shortcuts.
    void showUserGuide();
    void showShortcuts();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

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
    QLabel *m_searchSummary = nullptr;
    QStackedWidget *m_caseArea = nullptr;
    CataloguePanel *m_cataloguePanel = nullptr;
    QDockWidget *m_worklistDock = nullptr;
    WorklistPanel *m_worklistPanel = nullptr;
    QLabel *m_storeLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_syncIcon = nullptr;
    QWidget *m_caseView = nullptr;
    QAction *m_newContact = nullptr;
    QAction *m_newRequest = nullptr;
    QAction *m_printCase = nullptr;
    QAction *m_auditLog = nullptr;
    QAction *m_endContact = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_switchUser = nullptr;
    QAction *m_signOut = nullptr;
    QLabel *m_cover = nullptr;
    QAction *m_userGuide = nullptr;
    QAction *m_shortcuts = nullptr;
    QMenu *m_supervisionMenu = nullptr;
};

} // namespace C360
