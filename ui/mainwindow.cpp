// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "mainwindow.h"

#include "audit/accesspolicy.h"
#include "casefile.h"
#include "cataloguepanel.h"
#include "common/settings.h"
#include "helpdialogs.h"
#include "syncpanel.h"
#include "worklistpanel.h"

#include <KLocalizedString>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace C360
{

namespace
{
// A theme icon with the bundled one as fallback, so icons show on desktops without a theme.
QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/") + name + QStringLiteral(".svg")));
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    return label;
}
} // namespace

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(i18nc("@title:window", "Citizen 360"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/citizen360.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setupRegions();
    setupActions();
    setupStatusBar();
    resize(1280, 800);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::setupRegions()
{
    // Search region: find the citizen at the desk or on the line.
    m_searchDock = new QDockWidget(i18nc("@title:window", "Find a Citizen"), this);
    m_searchDock->setObjectName(QStringLiteral("SearchDock"));
    m_searchDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    auto *searchPanel = new QWidget(m_searchDock);
    auto *searchLayout = new QVBoxLayout(searchPanel);
    m_searchField = new QLineEdit(searchPanel);
    m_searchField->setObjectName(QStringLiteral("SearchField"));
    m_searchField->setPlaceholderText(i18nc("@info:placeholder", "Name, number, phone or address"));
    m_searchField->setToolTip(
        i18nc("@info:tooltip", "Find a citizen by name, birth date, national register number, phone number, e-mail or postcode and house number."));
    m_searchField->setAccessibleName(i18nc("@label accessible", "Citizen search"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->addAction(themedIcon(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_searchResults = new QListView(searchPanel);
    m_searchResults->setObjectName(QStringLiteral("SearchResults"));
    m_searchResults->setAccessibleName(i18nc("@label accessible", "Search results"));
    m_searchSummary = new QLabel(searchPanel);
    m_searchSummary->setObjectName(QStringLiteral("SearchSummary"));
    m_searchSummary->setWordWrap(true);
    m_searchSummary->setTextFormat(Qt::PlainText);
    m_searchSummary->setAccessibleName(i18nc("@label accessible", "Search summary"));
    m_searchSummary->hide();
    searchLayout->addWidget(m_searchField);
    searchLayout->addWidget(m_searchSummary);
    searchLayout->addWidget(m_searchResults, 1);
    m_searchDock->setWidget(searchPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_searchDock);

    // Case region: the 360° view of the citizen whose case is open.
    m_caseArea = new QStackedWidget(this);
    m_caseArea->setObjectName(QStringLiteral("CaseArea"));
    m_caseArea->setAccessibleName(i18nc("@label accessible", "Case"));
    auto *emptyCase = hintLabel(i18nc("@info %1 is a keyboard shortcut",
                                      "No case is open. Find a citizen with the search on the left (%1) to see their reports, contacts, requests and "
                                      "products in one view.",
                                      QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)),
                                m_caseArea);
    emptyCase->setObjectName(QStringLiteral("EmptyCaseHint"));
    m_caseArea->addWidget(emptyCase);
    setCentralWidget(m_caseArea);

    // Catalogue region: the municipality's products and services.
    m_catalogueDock = new QDockWidget(i18nc("@title:window", "Products and Services"), this);
    m_catalogueDock->setObjectName(QStringLiteral("CatalogueDock"));
    m_catalogueDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_cataloguePanel = new CataloguePanel(m_catalogueDock);
    m_catalogueDock->setWidget(m_cataloguePanel);
    addDockWidget(Qt::RightDockWidgetArea, m_catalogueDock);
    // Worklist region: the open requests that wait for me or my team.
    m_worklistDock = new QDockWidget(i18nc("@title:window", "Worklist"), this);
    m_worklistDock->setObjectName(QStringLiteral("WorklistDock"));
    m_worklistDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_worklistPanel = new WorklistPanel(m_worklistDock);
    m_worklistDock->setWidget(m_worklistPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_worklistDock);
    tabifyDockWidget(m_searchDock, m_worklistDock);
    m_searchDock->raise();

    // Sync region: how the data from the municipal servers stands.
    m_syncDock = new QDockWidget(i18nc("@title:window", "Synchronisation"), this);
    m_syncDock->setObjectName(QStringLiteral("SyncDock"));
    m_syncDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_syncPanel = new SyncPanel(m_syncDock);
    m_syncDock->setWidget(m_syncPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_syncDock);
    m_syncDock->hide();
    connect(m_syncPanel, &SyncPanel::syncNowRequested, this, &MainWindow::syncNowRequested);

    // Wide enough for names with particles and for the search hint; a saved layout overrides this.
    resizeDocks({m_searchDock, m_catalogueDock}, {340, 320}, Qt::Horizontal);
}

void MainWindow::setupActions()
{
    QMenu *fileMenu = menuBar()->addMenu(i18nc("@title:menu", "&File"));
    fileMenu->setObjectName(QStringLiteral("FileMenu"));
    QAction *syncNow = fileMenu->addAction(themedIcon(QStringLiteral("view-refresh")), i18nc("@action:inmenu", "&Synchronise Now"));
    syncNow->setObjectName(QStringLiteral("SyncNowAction"));
    syncNow->setShortcut(QKeySequence::Refresh);
    connect(syncNow, &QAction::triggered, this, &MainWindow::syncNowRequested);
    fileMenu->addSeparator();
    m_lock = fileMenu->addAction(themedIcon(QStringLiteral("system-lock-screen")), i18nc("@action:inmenu", "&Lock"));
    m_lock->setObjectName(QStringLiteral("LockAction"));
    m_lock->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    m_lock->setToolTip(i18nc("@info:tooltip", "Cover the window until you give your password again."));
    m_switchUser = fileMenu->addAction(themedIcon(QStringLiteral("system-switch-user")), i18nc("@action:inmenu", "Switch &User…"));
    m_switchUser->setObjectName(QStringLiteral("SwitchUserAction"));
    m_signOut = fileMenu->addAction(themedIcon(QStringLiteral("system-log-out")), i18nc("@action:inmenu", "Sign &Out"));
    m_signOut->setObjectName(QStringLiteral("SignOutAction"));
    for (QAction *a : {m_lock, m_switchUser, m_signOut}) {
        a->setEnabled(false); // until someone is signed in
    }
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(themedIcon(QStringLiteral("application-exit")), i18nc("@action:inmenu", "&Quit"));
    quit->setObjectName(QStringLiteral("QuitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *caseMenu = menuBar()->addMenu(i18nc("@title:menu", "&Case"));
    caseMenu->setObjectName(QStringLiteral("CaseMenu"));
    QAction *find = caseMenu->addAction(themedIcon(QStringLiteral("edit-find")), i18nc("@action:inmenu", "&Find Citizen…"));
    find->setObjectName(QStringLiteral("FindCitizenAction"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, &MainWindow::focusSearch);
    caseMenu->addSeparator();
    m_newContact = caseMenu->addAction(themedIcon(QStringLiteral("call-start")), i18nc("@action:inmenu", "Register &Contact…"));
    m_newContact->setObjectName(QStringLiteral("NewContactAction"));
    m_newContact->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_newContact->setEnabled(false);
    m_newRequest = caseMenu->addAction(themedIcon(QStringLiteral("document-new")), i18nc("@action:inmenu", "New &Request…"));
    m_newRequest->setObjectName(QStringLiteral("NewRequestAction"));
    m_newRequest->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_newRequest->setEnabled(false);
    caseMenu->addSeparator();
    m_printCase = caseMenu->addAction(themedIcon(QStringLiteral("document-print")), i18nc("@action:inmenu", "&Print Case…"));
    m_printCase->setObjectName(QStringLiteral("PrintCaseAction"));
    m_printCase->setShortcut(QKeySequence::Print);
    m_printCase->setEnabled(false);
    caseMenu->addSeparator();
    m_endContact = caseMenu->addAction(themedIcon(QStringLiteral("call-stop")), i18nc("@action:inmenu", "&End Contact"));
    m_endContact->setObjectName(QStringLiteral("EndContactAction"));
    m_endContact->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_endContact->setToolTip(i18nc("@info:tooltip", "Close the case and forget its purpose: the next citizen starts a new contact."));
    m_endContact->setEnabled(false);

    m_supervisionMenu = menuBar()->addMenu(i18nc("@title:menu", "S&upervision"));
    m_supervisionMenu->setObjectName(QStringLiteral("SupervisionMenu"));
    m_auditLog = m_supervisionMenu->addAction(themedIcon(QStringLiteral("view-history")), i18nc("@action:inmenu", "Audit &Log…"));
    m_auditLog->setObjectName(QStringLiteral("AuditLogAction"));
    m_auditLog->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_auditLog, &QAction::triggered, this, &MainWindow::auditLogRequested);
    // Until someone is signed in (setSignedIn), nobody may see the audit log.
    m_supervisionMenu->menuAction()->setVisible(false);
    m_auditLog->setEnabled(false);

    QMenu *viewMenu = menuBar()->addMenu(i18nc("@title:menu", "&View"));
    viewMenu->setObjectName(QStringLiteral("ViewMenu"));
    QAction *showSearch = m_searchDock->toggleViewAction();
    showSearch->setText(i18nc("@action:inmenu", "Show &Search"));
    viewMenu->addAction(showSearch);
    QAction *showCatalogue = m_catalogueDock->toggleViewAction();
    showCatalogue->setText(i18nc("@action:inmenu", "Show &Catalogue"));
    viewMenu->addAction(showCatalogue);
    QAction *showWorklist = m_worklistDock->toggleViewAction();
    showWorklist->setText(i18nc("@action:inmenu", "Show &Worklist"));
    showWorklist->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    viewMenu->addAction(showWorklist);
    QAction *showSync = m_syncDock->toggleViewAction();
    showSync->setText(i18nc("@action:inmenu", "Show S&ynchronisation"));
    viewMenu->addAction(showSync);
    viewMenu->addSeparator();
    QAction *fullScreen = viewMenu->addAction(themedIcon(QStringLiteral("view-fullscreen")), i18nc("@action:inmenu", "F&ull Screen Mode"));
    fullScreen->setObjectName(QStringLiteral("FullScreenAction"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    QMenu *helpMenu = menuBar()->addMenu(i18nc("@title:menu", "&Help"));
    helpMenu->setObjectName(QStringLiteral("HelpMenu"));
    m_userGuide = helpMenu->addAction(themedIcon(QStringLiteral("help-contents")), i18nc("@action:inmenu", "&User Guide"));
    m_userGuide->setObjectName(QStringLiteral("UserGuideAction"));
    m_userGuide->setShortcut(QKeySequence::HelpContents);
    connect(m_userGuide, &QAction::triggered, this, &MainWindow::showUserGuide);
    m_shortcuts = helpMenu->addAction(themedIcon(QStringLiteral("configure-shortcuts")), i18nc("@action:inmenu", "&Keyboard Shortcuts"));
    m_shortcuts->setObjectName(QStringLiteral("ShortcutsAction"));
    connect(m_shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    helpMenu->addSeparator();
    QAction *about = helpMenu->addAction(QIcon(QStringLiteral(":/icons/citizen360.svg")), i18nc("@action:inmenu", "&About Citizen 360"));
    about->setObjectName(QStringLiteral("AboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(i18nc("@action:inmenu", "About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::setupStatusBar()
{
    m_connectionLabel = new QLabel(i18nc("@info:status", "Offline: no municipal server configured"), this);
    m_connectionLabel->setObjectName(QStringLiteral("ConnectionLabel"));
    m_connectionLabel->setAccessibleName(i18nc("@label accessible", "Connection"));
    m_storeLabel = new QLabel(this);
    m_storeLabel->setObjectName(QStringLiteral("StoreLabel"));
    m_storeLabel->setAccessibleName(i18nc("@label accessible", "Local store"));
    m_syncIcon = new QLabel(this);
    m_syncIcon->setObjectName(QStringLiteral("SyncIcon"));
    m_syncIcon->setAccessibleName(i18nc("@label accessible", "Synchronisation state"));
    m_syncIcon->hide();
    statusBar()->addPermanentWidget(m_syncIcon);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_storeLabel);
    m_userLabel = new QLabel(this);
    m_userLabel->setTextFormat(Qt::PlainText);
    m_userLabel->setObjectName(QStringLiteral("UserLabel"));
    m_userLabel->setAccessibleName(i18nc("@label accessible", "Signed in as"));
    m_userLabel->hide();
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->showMessage(i18nc("@info:status", "Ready"));
}

void MainWindow::setStoreInfo(const QString &path, int schemaVersion)
{
    m_storeLabel->setText(
        i18nc("@info:status local store file and its schema version", "Store: %1 (schema %2)", QFileInfo(path).fileName(), QString::number(schemaVersion)));
    m_storeLabel->setToolTip(QDir::toNativeSeparators(path));
}

void MainWindow::setSyncStatusModel(SyncStatusModel *model)
{
    m_syncPanel->setModel(model);
}

void MainWindow::showSyncState(const QString &text, const QString &details, bool busy, bool failed)
{
    m_connectionLabel->setText(text);
    m_connectionLabel->setToolTip(details);
    m_connectionLabel->setAccessibleDescription(details);
    const QIcon icon = failed ? themedIcon(QStringLiteral("dialog-warning")) : busy ? themedIcon(QStringLiteral("view-refresh")) : QIcon();
    m_syncIcon->setPixmap(icon.pixmap(m_connectionLabel->fontMetrics().height()));
    m_syncIcon->setVisible(!icon.isNull());
    m_syncIcon->setToolTip(details);
}

void MainWindow::setCaseView(QWidget *view)
{
    m_caseView = view;
    m_caseArea->addWidget(view);
}

void MainWindow::showStatus(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::showCase(bool open)
{
    m_caseArea->setCurrentIndex(open && m_caseView ? m_caseArea->indexOf(m_caseView) : 0);
    m_newContact->setEnabled(open);
    m_newRequest->setEnabled(open);
    m_printCase->setEnabled(open);
    m_endContact->setEnabled(open);
}

void MainWindow::setCovered(bool covered)
{
    if (!m_cover) {
        m_cover = new QLabel(i18nc("@info", "Citizen 360 is locked."), this);
        m_cover->setObjectName(QStringLiteral("LockCover"));
        m_cover->setAlignment(Qt::AlignCenter);
        m_cover->setAutoFillBackground(true);
        m_cover->setBackgroundRole(QPalette::Window);
        m_cover->setForegroundRole(QPalette::PlaceholderText);
    }
    m_cover->setGeometry(rect());
    m_cover->setVisible(covered);
    if (covered) {
        m_cover->raise();
    }
    menuBar()->setEnabled(!covered);
}

bool MainWindow::isCovered() const
{
    return m_cover && m_cover->isVisible();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_cover) {
        m_cover->setGeometry(rect());
    }
}

void MainWindow::setSignedIn(const StaffMember &staff)
{
    m_userLabel->setText(i18nc("@info:status; %1 a staff member, %2 a role", "%1 · %2", staff.name, roleName(staff.role)));
    m_userLabel->setToolTip(
        i18nc("@info:tooltip; %1 a staff member, %2 a role, %3 a computer", "Signed in as %1 (%2) on %3", staff.name, roleName(staff.role), staff.workstation));
    m_userLabel->setVisible(true);
    const bool audit = AccessPolicy::allows(staff.role, Operation::ViewAudit);
    m_supervisionMenu->menuAction()->setVisible(audit);
    m_auditLog->setEnabled(audit);
    const bool search = AccessPolicy::allows(staff.role, Operation::Search);
    m_searchField->setEnabled(search);
    m_searchField->setPlaceholderText(search ? i18nc("@info:placeholder", "Name, number, phone or address")
                                             : i18nc("@info:placeholder", "Your role does not look up citizens"));
    for (QAction *a : {m_lock, m_switchUser, m_signOut}) {
        a->setEnabled(true);
    }
}

void MainWindow::setSignedOut()
{
    m_userLabel->clear();
    m_userLabel->setVisible(false);
    m_supervisionMenu->menuAction()->setVisible(false);
    m_auditLog->setEnabled(false);
    m_searchField->setEnabled(false);
    showCase(false);
    for (QAction *a : {m_lock, m_switchUser, m_signOut}) {
        a->setEnabled(false);
    }
}

void MainWindow::showCatalogue(const QString &text)
{
    m_catalogueDock->show();
    m_catalogueDock->raise();
    m_cataloguePanel->searchField()->setText(text);
    Q_EMIT m_cataloguePanel->searchRequested(text);
}

void MainWindow::focusSearch()
{
    m_searchDock->show();
    m_searchDock->raise();
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void MainWindow::showUserGuide()
{
    auto *guide = findChild<UserGuideDialog *>();
    if (!guide) {
        guide = new UserGuideDialog(this);
    }
    guide->show();
    guide->raise();
    guide->activateWindow();
}

void MainWindow::showShortcuts()
{
    QList<QAction *> actions;
    for (QAction *action : findChildren<QAction *>()) {
        if (!action->shortcut().isEmpty() && !action->text().isEmpty() && !actions.contains(action)) {
            actions.append(action);
        }
    }
    const QList<std::pair<QString, QString>> extra = {
        {i18nc("@item a keyboard shortcut's action", "Open the citizen or request chosen in a list"),
         QKeySequence(Qt::Key_Return).toString(QKeySequence::NativeText)},
        {i18nc("@item a keyboard shortcut's action", "Go to the next pane or field"), QKeySequence(Qt::Key_Tab).toString(QKeySequence::NativeText)}};
    auto *dialog = new ShortcutsDialog(actions, extra, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       i18nc("@title:window", "About Citizen 360"),
                       i18nc("@info",
                             "<h3>Citizen 360 %1</h3><p>One view of a citizen for municipal front offices: reports, contact moments, requests and "
                             "the products that relate to them, with every access to a profile logged with its purpose.</p>",
                             QApplication::applicationVersion()));
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.mainWindowGeometry();
    if (!geometry.isEmpty()) {
        restoreGeometry(geometry);
    }
    const QByteArray state = m_settings.mainWindowState();
    if (!state.isEmpty()) {
        restoreState(state);
    }
}

void MainWindow::saveLayout()
{
    m_settings.setMainWindowGeometry(saveGeometry());
    m_settings.setMainWindowState(saveState());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace C360
