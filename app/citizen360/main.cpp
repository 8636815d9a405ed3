// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The desktop application's composition root.

#include "audit/accesspolicy.h"
#include "audit/auditcheckpoint.h"
#include "audit/auditquery.h"
#include "audit/auditservice.h"
#include "auditwindow.h"
#include "automation.h"
#include "c360version.h"
#include "case/caseservice.h"
#include "case/catalogueservice.h"
#include "case/requestservice.h"
#include "case/searchworker.h"
#include "casepresenter.h"
#include "common/clock.h"
#include "common/logging.h"
#include "common/privatefile.h"
#include "common/settings.h"
#include "common/uilanguage.h"
#include "desksession.h"
#include "firstpaintprobe.h"
#include "liverefresh.h"
#include "mainwindow.h"
#include "privacy/accountservice.h"
#include "privacy/auditkey.h"
#include "privacy/privacyservice.h"
#include "privacy/retentionservice.h"
#include "privacy/secretstore.h"
#include "qttranslations.h"
#include "screenshottour.h"
#include "serverpasswordprompt.h"
#include "signindialog.h"
#include "store/database.h"
#include "store/livechanges.h"
#include "store/statement.h"
#include "store/storeidentity.h"
#include "store/storelocation.h"
#include "sync/connectors.h"
#include "sync/deletionconfirmation.h"
#include "sync/sourceconfig.h"
#include "sync/syncmessages.h"
#include "sync/syncservice.h"
#include "syncpanel.h"
#include "syncpresenter.h"
#include "syncstatusmodel.h"
#include "trainingbackend.h"

#include <KLocalizedString>

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QStatusBar>
#include <QSysInfo>
#include <QSystemTrayIcon>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace
{
// Training mode's practice municipality: small enough to sync in seconds, large enough to search.
constexpr quint32 TrainingCitizens = 2000;
constexpr quint64 TrainingSeed = 2026;

void printError(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName() << QLatin1String(": ") << message << Qt::endl;
}

// Training mode's practice accounts, one per role, all with the password in the sign-in dialog.
// They are made at every start, in the training store only.
struct TrainingAccount
{
    const char *username;
    const char *displayName;
    C360::Role role;
};
constexpr TrainingAccount TrainingAccounts[] = {
    {"beheerder", "Dana Eeckhout", C360::Role::Administrator}, // the first: the administrator who makes the others
    {"baliemedewerker", "An Baert", C360::Role::CounterClerk},
    {"kcc", "Bram Claes", C360::Role::CallCentreAgent},
    {"supervisor", "Chris Dewulf", C360::Role::Supervisor},
};
constexpr auto TrainingPassword = "oefenen-citizen360";
// The practice municipality's front office, whose requests fill the team worklist.
constexpr auto TrainingTeam = "Burgerzaken";

C360::Expected<void, C360::ServiceError> createTrainingAccounts(C360::AccountService &accounts, const QString &workstation)
{
    const QString password = QLatin1String(TrainingPassword);
    const TrainingAccount &first = TrainingAccounts[0];
    auto admin = accounts.createFirstAdministrator(QLatin1String(first.username), QLatin1String(first.displayName), password, workstation);
    if (!admin) {
        return C360::unexpected(admin.error());
    }
    const C360::StaffMember adminStaff(admin->username, C360::Role::Administrator, workstation);
    for (const TrainingAccount &t : TrainingAccounts) {
        if (t.role == C360::Role::Administrator) {
            continue;
        }
        C360::StaffAccount account;
        account.username = QLatin1String(t.username);
        account.displayName = QLatin1String(t.displayName);
        account.role = t.role;
        account.team = QLatin1String(TrainingTeam);
        if (auto made = accounts.createAccount(adminStaff, account, password); !made) {
            return C360::unexpected(made.error());
        }
    }
    return {};
}

QString trainingHint()
{
    QStringList lines;
    for (const TrainingAccount &t : TrainingAccounts) {
        lines.append(QStringLiteral("<b>%1</b> — %2").arg(QLatin1String(t.username), C360::roleName(t.role)));
    }
    return i18nc("@info; %1 a list of user names and roles, %2 the password",
                 "Training mode: sign in as one of<br>%1<br>with the password <b>%2</b>.",
                 lines.join(QStringLiteral("<br>")),
                 QLatin1String(TrainingPassword));
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("citizen360"));
    QCoreApplication::setOrganizationName(QStringLiteral("citizen360"));
    QCoreApplication::setApplicationVersion(QStringLiteral(C360_VERSION_STRING));
    KLocalizedString::setApplicationDomain("citizen360");
    // One language at a time: its messages, and its formats for every date, time and number.
    const C360::UiLanguage::Choice language = C360::UiLanguage::apply(KLocalizedString::languages());
    QApplication::setApplicationDisplayName(i18nc("@title", "Citizen 360"));
    QApplication::setDesktopFileName(QStringLiteral("org.citizen360.Citizen360"));
    C360::installQtTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(i18nc("@info:shell", "One view of a citizen for municipal front offices."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            i18nc("@info:shell", "Use the local store in <file> (created when missing) instead of the configured one."),
                                            i18nc("@info:shell value name", "file"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        i18nc("@info:shell", "Render the main window, a search, a case and the catalogue to PNG files in <folder> and exit."),
        i18nc("@info:shell value name", "folder"));
    const QCommandLineOption trainingOption(QStringLiteral("training"),
                                            i18nc("@info:shell",
                                                  "Training mode: a municipal back end with practice data runs inside the application and is "
                                                  "synchronised into a separate training store, fresh at every start."));
    parser.addOption(databaseOption);
    // For bench/run: start as the screenshot does (nobody signs in, no synchronisation), print the
    // peak memory once the main window has painted, and exit.
    QCommandLineOption startupProbeOption(QStringLiteral("startup-probe"));
    startupProbeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For the tests of several desks on one shared store (automation.h): lines on standard input.
    QCommandLineOption automationOption(QStringLiteral("automation"));
    automationOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(automationOption);
    parser.addOption(screenshotOption);
    parser.addOption(startupProbeOption);
    parser.addOption(trainingOption);
    parser.process(app);

    const bool startupProbe = parser.isSet(startupProbeOption);
    const bool screenshot = parser.isSet(screenshotOption) || startupProbe;
    const bool automation = parser.isSet(automationOption);
    const bool training = parser.isSet(trainingOption);
    auto fail = [&](const QString &message) {
        printError(message);
        if (!screenshot && !automation) {
            QMessageBox::critical(nullptr, i18nc("@title:window", "Citizen 360"), message);
        }
        return 1;
    };

    C360::Settings settings;
    QString path = parser.value(databaseOption);
    if (training && !path.isEmpty()) {
        // Training makes its practice accounts (with the published password) and syncs practice
        // data into its store: never into one it did not make.
        return fail(i18nc("@info:shell", "--training uses a store of its own and cannot be combined with --database."));
    }
    if (path.isEmpty()) {
        // Training data never mixes with real data: a store of its own.
        path = training ? C360::Settings::defaultTrainingDatabasePath() : settings.databasePath();
        // The default stores live in the user's data folder (the owner's only), made on first start.
        if (auto made = C360::makePrivateFolder(QFileInfo(path).absolutePath()); !made) {
            return fail(made.error());
        }
        if (training && QFileInfo::exists(path)) {
            // Every training session starts from the same practice data: the back end in this
            // process forgets what was sent to it when it stops, so yesterday's practice store
            // would no longer match it. Only a store that training mode made is removed.
            bool wasTraining = false;
            if (auto previous = C360::Database::open(path, C360::Database::OpenMode::ReadOnly, C360::SystemClock::instance())) {
                wasTraining = C360::StoreIdentity::isTraining(**previous).value_or(false);
            }
            if (!wasTraining) {
                return fail(C360::StoreIdentity::realStoreRefusedForTraining(path));
            }
            for (const char *suffix : {"", "-wal", "-shm"}) {
                QFile::remove(path + QLatin1String(suffix));
            }
        }
    }
    // Who works at this workstation, as audit entries name the desk.
    const QString workstation = QSysInfo::machineHostName();
    auto database = C360::Database::open(path, C360::Database::OpenMode::Create, C360::SystemClock::instance());
    // A shared store named without a user (postgresql://server/database): each person signs in as
    // their own login of the server, the connection being the sign-in (schema 9 on). A server that
    // signs them in by itself (GSSAPI/Kerberos, a certificate) asks nothing; one that wants a
    // password gets the user name and password typed in the sign-in dialog, never kept.
    std::optional<C360::StaffMember> serverStaff;
    const C360::StoreLocation location = C360::StoreLocation::parse(path);
    if (!screenshot && location.isServer() && location.userName().isEmpty()) {
        const auto wantsPassword = [](const C360::StoreError &error) {
            return error.code == C360::StoreError::Code::PasswordNeeded || error.code == C360::StoreError::Code::AuthenticationFailed;
        };
        if (!database && wantsPassword(database.error())) {
            C360::SignInDialog signIn([&](const QString &user, const QString &password) -> C360::Expected<C360::StaffMember, C360::ServiceError> {
                auto opened = C360::AccountService::openAs(location, user, password, C360::SystemClock::instance(), workstation);
                if (!opened) {
                    return C360::unexpected(opened.error());
                }
                // Its other connections (the search's) sign in as the same person.
                path = opened->name;
                database = std::move(opened->db);
                return opened->signIn ? opened->signIn->staff : C360::StaffMember(user, C360::Role::CounterClerk, workstation);
            });
            signIn.setHint(i18nc("@info %1 a database", "Sign in with your own user name and password for %1.", location.displayName()));
            if (signIn.exec() != QDialog::Accepted) {
                return 0; // the person cancelled
            }
        }
    }
    if (!database && !screenshot) {
        database = C360::ServerPasswordPrompt(*C360::SecretStore::personal(), C360::SystemClock::instance()).open(path, std::move(database));
        if (!database && database.error().code == C360::StoreError::Code::PasswordNeeded) {
            return 0; // the person cancelled
        }
    }
    if (!database) {
        return fail(database.error().message());
    }
    // A staff member's own login (named in the URI, or signed in above): they work as it. The
    // installation's role, or a store before schema 9: the store's own accounts, below.
    if (location.isServer()) {
        auto who = C360::AccountService::signedInByServer(**database, workstation);
        if (!who) {
            return fail(who.error().message);
        }
        if (*who && !(*who)->installation) {
            serverStaff = (*who)->staff;
        }
    }
    if (training) {
        if (auto marked = C360::StoreIdentity::markAsTraining(**database); !marked) {
            return fail(marked.error().message());
        }
    } else if (auto isTraining = C360::StoreIdentity::isTraining(**database); !isTraining || *isTraining) {
        return fail(isTraining ? C360::StoreIdentity::trainingStoreRefused(path) : isTraining.error().message());
    }
    (*database)->checkpointInBackground(); // no checkpoint lands on a click

    // The back ends: in training mode the reference back end in this process; otherwise those of
    // the configuration file the administrator set up (none: the application works offline).
    C360::TrainingBackend trainingBackend;
    C360::MemorySecretStore trainingSecrets;
    C360::KeychainSecretStore keychain;
    C360::SyncEngine::Options sync;
    sync.databasePath = path;
    sync.clock = &C360::SystemClock::instance();
    sync.resources = C360::allResourceSyncs();
    sync.outbox = C360::allOutboxTargets();
    if (training) {
        QString error;
        // The practice municipality's history ends today, so that it looks current on any day.
        const QDate today = sync.clock->now().toUTC().date();
        const QUrl url = trainingBackend.start(TrainingCitizens, TrainingSeed, today, QStringLiteral("training"), &error);
        if (url.isEmpty()) {
            return fail(i18nc("@info", "Training mode could not start its practice back end: %1", error));
        }
        sync.sources = C360::SourceConfig::forReferenceBackend(url);
        (void)trainingSecrets.write(QStringLiteral("reference"), QStringLiteral("training"));
        sync.secrets = &trainingSecrets;
    } else if (const QString config = settings.syncConfigurationPath(); !config.isEmpty()) {
        QFile file(config);
        auto sources = file.open(QIODevice::ReadOnly) ? C360::SourceConfig::fromJson(file.readAll())
                                                      : C360::Expected<QList<C360::SourceConfig>, QString>(C360::unexpected(file.errorString()));
        if (!sources) {
            printError(i18nc("@info", "The synchronisation configuration %1 cannot be used: %2", QDir::toNativeSeparators(config), sources.error()));
        } else {
            sync.sources = *sources;
        }
        sync.secrets = &keychain;
    }

    C360::MainWindow window(settings);
    window.setStoreInfo(path, (*database)->schemaVersion());
    if (const QString missing = C360::UiLanguage::missingMessage(language); !missing.isEmpty()) {
        qCWarning(C360_APP).noquote() << missing;
        window.showStatus(missing, 60000);
    }
    if (training) {
        // The platform adds the application's name: "Training — Citizen 360".
        window.setWindowTitle(i18nc("@title:window", "Training"));
    }
    C360::SyncStatusModel syncStatus;
    std::unique_ptr<C360::SyncService> syncService;
    std::unique_ptr<C360::SyncPresenter> syncPresenter;
    // On a staff member's own login of a shared store, the store's sync service synchronises (the
    // one writer of synchronised data): this workstation only reads the sources' names.
    if (!sync.sources.isEmpty() && !serverStaff) {
        syncService = std::make_unique<C360::SyncService>(sync);
        syncPresenter = std::make_unique<C360::SyncPresenter>(syncService.get(), syncStatus, window, **database);
    } else if (serverStaff) {
        QHash<QString, int> pollIntervals;
        for (const C360::SourceConfig &source : std::as_const(sync.sources)) {
            pollIntervals.insert(source.id, source.pollIntervalSeconds);
        }
        syncPresenter = std::make_unique<C360::SyncPresenter>(nullptr, syncStatus, window, **database, pollIntervals);
    }

    // The audit key lives outside the store's folder: the OS keychain, or this person's own
    // secrets folder on a desk without one; training keeps it in memory, as its store is
    // thrown away at the next start.
    // On a staff member's own login the server writes the chain, with a key nobody else reads.
    QByteArray auditKey;
    if (!serverStaff) {
        std::unique_ptr<C360::SecretStore> keySecrets = training ? std::make_unique<C360::MemorySecretStore>() : C360::SecretStore::personal();
        auto loaded = C360::AuditKey::load(**database, *keySecrets);
        if (!loaded) {
            return fail(loaded.error());
        }
        auditKey = *loaded;
    }
    C360::AuditService audit(**database, auditKey);
    std::unique_ptr<C360::AuditExportSink> processingLog; // the municipality's one processing log
    std::unique_ptr<C360::AssigneeDirectory> assigneeDirectory;
    QString contactSource;
    for (const C360::SourceConfig &source : std::as_const(sync.sources)) {
        if (source.enabled && source.dialect == C360::Dialect::Klantinteracties && contactSource.isEmpty()) {
            contactSource = source.id;
            assigneeDirectory = C360::assigneeDirectory(source);
        }
        if (source.enabled && !serverStaff && !processingLog && (processingLog = C360::auditExportSink(**database, source))) {
            audit.setExportSink(processingLog.get());
        }
    }
    if (serverStaff && contactSource.isEmpty()) {
        // No configuration at this desk: the source the store's sync service fills with contacts.
        C360::Statement source(**database, QStringLiteral("SELECT MIN(source) FROM sync_state WHERE resource = 'klantcontacten'"));
        if (source.exec({}) && source.next()) {
            contactSource = source.value(0).toString();
        }
    }
    C360::CaseService cases(audit, contactSource);
    C360::RequestService requests(audit, contactSource);
    requests.setAssigneeDirectory(assigneeDirectory.get());
    C360::CatalogueService catalogue(audit);
    C360::SearchWorker searchWorker(path, auditKey, C360::SystemClock::instance());

    // Who works at this workstation: signed in with a local account (the first start of an empty
    // store makes the administrator's). Nothing is synchronised before someone has signed in.
    C360::AccountService accounts(audit, training ? C360::PasswordHash::Cost::Light : C360::PasswordHash::Cost::Standard);
    if (training) {
        if (auto made = createTrainingAccounts(accounts, workstation); !made) {
            return fail(made.error().message);
        }
    }
    C360::StaffMember staff;
    const auto signedInByServer = [&]() -> C360::Expected<void, C360::StoreError> {
        // Signed in by the server; the session is audited as a sign-in is.
        staff = *serverStaff;
        if (auto login = audit.record(staff, C360::AuditAction::Login, 0, C360::Purpose{QStringLiteral("sign_in"), QString()}); !login) {
            return C360::unexpected(login.error());
        }
        return {};
    };
    if (screenshot && serverStaff) {
        // Pictures of a shared store as the staff member its URI names (scripts/start --shared).
        if (auto in = signedInByServer(); !in) {
            return fail(in.error().message());
        }
    } else if (screenshot) {
        // Pictures without anyone at the keyboard: training mode signs in as its counter clerk;
        // a real store shows the window as it is before anyone signs in.
        if (training) {
            auto signedIn = accounts.signIn(QLatin1String(TrainingAccounts[1].username), QLatin1String(TrainingPassword), workstation);
            if (!signedIn) {
                return fail(signedIn.error().message);
            }
            staff = *signedIn;
        }
    } else if (serverStaff) {
        if (auto in = signedInByServer(); !in) {
            return fail(in.error().message());
        }
    } else {
        auto hasAccounts = accounts.hasAccounts();
        if (!hasAccounts) {
            return fail(hasAccounts.error().message);
        }
        if (!*hasAccounts) {
            // Whoever starts the application first on a store that already holds data (filled by
            // citizen360-admin sync, or copied) must not become its administrator.
            auto holdsData = C360::StoreIdentity::holdsData(**database);
            if (!holdsData || *holdsData) {
                return fail(holdsData ? i18nc("@info",
                                              "%1 holds data but has no staff accounts, so nobody can become its administrator here. Make the "
                                              "administrator with: citizen360-admin init --database %1 --admin NAME",
                                              QDir::toNativeSeparators(path))
                                      : holdsData.error().message());
            }
            C360::FirstRunDialog firstRun(accounts, workstation);
            if (firstRun.exec() != QDialog::Accepted) {
                return 0;
            }
            staff = firstRun.staff();
        } else {
            C360::SignInDialog signIn(accounts, workstation);
            if (training) {
                signIn.setHint(trainingHint());
                signIn.setUserName(QLatin1String(TrainingAccounts[1].username));
            }
            if (signIn.exec() != QDialog::Accepted) {
                return 0;
            }
            staff = signIn.staff();
        }
    }
    if (staff.isValid() && staff.team.isEmpty()) {
        staff.team = settings.team();
    }
    C360::CasePresenter casePresenter(window, cases, requests, catalogue, searchWorker, staff, C360::SystemClock::instance());
    // Requests go at the end of their retention period: now, hourly, and after each
    // synchronisation (which may bring requests that are past it).
    C360::RetentionService retention(audit);
    C360::RetentionScheduler retentionScheduler(retention, C360::RetentionService::systemActor(workstation), C360::SystemClock::instance());
    QObject::connect(&retentionScheduler, &C360::RetentionScheduler::purged, &casePresenter, &C360::CasePresenter::dropPurged);
    QObject::connect(&retentionScheduler, &C360::RetentionScheduler::failed, &window, [&window](const QString &message) {
        window.statusBar()->showMessage(message, 10000);
    });
    if (syncService) {
        QObject::connect(syncService.get(), &C360::SyncService::finished, &retentionScheduler, &C360::RetentionScheduler::runNow);
    }
    if (!serverStaff) {
        retentionScheduler.start(); // on a shared store, the sync service's work
    }
    C360::AuditQueryService auditQuery(audit);
    // The audit chain's head, witnessed outside the store when someone signs in and when the
    // application closes; the supervisor's verification compares the log with what was witnessed.
    QString checkpointFile;
    if (!training && !serverStaff) {
        auto storeId = C360::StoreIdentity::id(**database);
        if (!storeId) {
            return fail(storeId.error().message());
        }
        checkpointFile = settings.auditCheckpointFile(*storeId);
        auditQuery.setCheckpointFile(checkpointFile);
    }
    const auto witness = [&] {
        if (checkpointFile.isEmpty()) {
            return;
        }
        auto head = C360::AuditCheckpoints::head(**database, C360::SystemClock::instance().now());
        auto written = head ? C360::AuditCheckpoints::append(checkpointFile, *head) : C360::Expected<void, QString>(C360::unexpected(head.error().message()));
        if (!written) {
            qCWarning(C360_STORE) << "cannot write an audit checkpoint:" << written.error();
        }
    };
    C360::PrivacyService privacy(audit);
    std::unique_ptr<C360::DeskSession> desk;
    std::unique_ptr<C360::LiveChanges> liveChanges;
    std::unique_ptr<C360::LiveRefresh> liveRefresh;
    std::unique_ptr<QSystemTrayIcon> tray;
    std::unique_ptr<C360::Automation> automated;
    if (staff.isValid()) {
        window.setSignedIn(staff);
        if (!screenshot) {
            witness();
            QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, witness);
        }
        if (syncService && !screenshot) {
            syncService->start();
        }
        if (syncService) {
            QObject::connect(syncService.get(), &C360::SyncService::finished, &casePresenter, &C360::CasePresenter::refreshWorklist);
        }
        casePresenter.refreshWorklist();
        if (serverStaff && !screenshot) {
            // What other desks and the sync service change shows here as it happens.
            liveChanges = std::make_unique<C360::LiveChanges>(path, C360::SystemClock::instance());
            liveRefresh = std::make_unique<C360::LiveRefresh>(*liveChanges, casePresenter);
            if (syncPresenter) {
                QObject::connect(liveRefresh.get(), &C360::LiveRefresh::syncStateChanged, syncPresenter.get(), &C360::SyncPresenter::reload);
            }
            if (QSystemTrayIcon::isSystemTrayAvailable()) {
                tray = std::make_unique<QSystemTrayIcon>(QIcon(QStringLiteral(":/icons/citizen360.svg")));
                tray->setToolTip(QApplication::applicationDisplayName());
                tray->show();
            }
            QObject::connect(liveRefresh.get(), &C360::LiveRefresh::requestAssigned, &window, [&](qint64 requestId, const QString &assignee) {
                const QString text = assignee == staff.name
                    ? i18nc("@info %1 a request number", "Request %1 was assigned to you.", requestId)
                    : i18nc("@info %1 a request number, %2 a team", "Request %1 was assigned to your team %2.", requestId, assignee);
                if (tray) {
                    tray->showMessage(i18nc("@title notification", "New Request in Your Worklist"), text, QSystemTrayIcon::Information, 10000);
                }
                window.showStatus(text, 15000);
                QApplication::alert(&window);
            });
        }
        // The doors of a shared desk: end contact, lock after idle time, switch user, sign out.
        if (!screenshot) {
            desk = std::make_unique<C360::DeskSession>(window, casePresenter, accounts, staff);
            desk->setDefaultTeam(settings.team());
            desk->setIdleTimeout(std::chrono::minutes(settings.idleLockMinutes()));
            desk->setRestartsForNextPerson(serverStaff.has_value());
            QObject::connect(desk.get(), &C360::DeskSession::restartRequested, &app, [&app, &location] {
                // The next person signs in to a process of their own, with a connection of their
                // own. A store named with its user signs that user in again: it just ends.
                if (location.userName().isEmpty()) {
                    QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
                }
                QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
            });
            QObject::connect(desk.get(), &C360::DeskSession::staffChanged, &window, [&](const C360::StaffMember &next) {
                staff = next; // what the audit window and the sync panel act as from now on
                if (liveRefresh) {
                    liveRefresh->setStaff(next);
                }
                window.syncPanel()->setMayConfirmDeletions(C360::AccessPolicy::allows(staff.role, C360::Operation::ConfirmDeletions));
                witness();
            });
            QObject::connect(desk.get(), &C360::DeskSession::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
        }
        if (syncService) {
            // Deletions a sync withheld (a list that shrank too much at once) wait for an
            // administrator's word, which is audited before the sync that acts on it.
            window.syncPanel()->setMayConfirmDeletions(C360::AccessPolicy::allows(staff.role, C360::Operation::ConfirmDeletions));
            QObject::connect(window.syncPanel(), &C360::SyncPanel::confirmDeletionsRequested, &window, [&](const QString &source, const QString &resource) {
                const QString question = i18nc("@info %1 a back end, %2 its resource",
                                               "Remove here what %1 no longer has in “%2”? Do this only when you know that these records were really "
                                               "removed there, not lost by a fault of the server.",
                                               C360::SyncMessages::sourceName(source),
                                               resource);
                if (QMessageBox::question(&window, i18nc("@title:window", "Confirm Deletions"), question) != QMessageBox::Yes) {
                    return;
                }
                const QString named = source + QLatin1Char('/') + resource;
                if (auto confirmed = C360::DeletionConfirmation(audit).confirm(staff, {named}); !confirmed) {
                    QMessageBox::warning(&window, i18nc("@title:window", "Confirm Deletions"), confirmed.error().message);
                    return;
                }
                syncService->runConfirming({named});
            });
        }
        QObject::connect(&window, &C360::MainWindow::auditLogRequested, &window, [&] {
            auto *auditWindow = new C360::AuditWindow(auditQuery, privacy, cases, staff, C360::SystemClock::instance(), &window);
            auditWindow->setAttribute(Qt::WA_DeleteOnClose);
            auditWindow->show();
        });
    }

    if (screenshot) {
        if (syncService && !startupProbe) {
            // Show what a new user sees once the first synchronisation is through.
            QEventLoop wait;
            QObject::connect(syncService.get(), &C360::SyncService::finished, &wait, &QEventLoop::quit);
            QTimer::singleShot(std::chrono::minutes(5), &wait, &QEventLoop::quit);
            syncService->runNow();
            wait.exec();
        }
        if (startupProbe) {
            return C360::probeFirstPaint(window);
        }
        const QString shots = parser.value(screenshotOption);
        const int tour = C360::runScreenshotTour(window, casePresenter, catalogue, **database, staff, shots, serverStaff.has_value());
        if (tour != 0 || !training) {
            return tour;
        }
        // Training only: the sign-in dialog, and the audit window as the practice supervisor.
        C360::SignInDialog signIn(accounts, workstation, &window);
        signIn.setHint(trainingHint());
        signIn.setUserName(QLatin1String(TrainingAccounts[3].username));
        signIn.show();
        if (!C360::saveScreenshot(signIn, shots, QStringLiteral("signin.png"))) {
            return 1;
        }
        if (!signIn.signIn(QLatin1String(TrainingAccounts[3].username), QLatin1String(TrainingPassword))) {
            return fail(signIn.problemLabel()->text());
        }
        C360::AuditWindow auditWindow(auditQuery, privacy, cases, signIn.staff(), C360::SystemClock::instance(), &window);
        auditWindow.flaggedOnly()->setChecked(true); // what a supervisor looks at first
        auditWindow.show();
        return C360::saveScreenshot(auditWindow, shots, QStringLiteral("audit.png")) ? 0 : 1;
    }
    window.show();
    if (automation) {
        if (!staff.isValid()) {
            return fail(i18nc("@info:shell", "--automation needs a store that signs its user in by itself."));
        }
        automated = std::make_unique<C360::Automation>(window, casePresenter, cases, requests, liveRefresh.get(), staff);
        automated->start();
    }
    return app.exec();
}
