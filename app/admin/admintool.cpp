// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "admintool.h"

#include "adminsession.h"
#include "common/clock.h"
#include "privacy/accountservice.h"
#include "privacy/auditkey.h"
#include "privacy/secretstore.h"
#include "privacycommands.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/storeidentity.h"
#include "store/storelocation.h"
#include "store/storestatistics.h"
#include "store/syncstaterepository.h"
#include "sync/syncmessages.h"
#include "sync/synctypes.h"
#include "synccommand.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace C360
{

namespace
{
struct CommandInfo
{
    const char *name;
    QString summary;
};

QList<CommandInfo> commands()
{
    return {
        {"init", i18nc("@info:shell", "Create the store with its administrator (--admin), or migrate it to the current schema.")},
        {"status", i18nc("@info:shell", "Print the schema version and what the store holds, as JSON.")},
        {"sync", i18nc("@info:shell", "Synchronise the store with the back ends (--backend or --config); --once for one run.")},
        {"purge", i18nc("@info:shell", "Purge the requests past their retention period (--as-of, --dry-run); audited.")},
        {"retention", i18nc("@info:shell", "Print the retention period of requests in days; --days N sets it (audited).")},
        {"access-report", i18nc("@info:shell", "Print who accessed a citizen's profile, when and why, as JSON (--citizen; --pdf FILE also as PDF); audited.")},
        {"export-citizen", i18nc("@info:shell", "Write everything held about a citizen as JSON and PDF (--citizen, --purpose, --out); audited.")},
        {"add-user", i18nc("@info:shell", "Make a staff account (--username, --role, --name, --team); the password on standard input.")},
        {"users", i18nc("@info:shell", "Print the staff accounts as JSON.")},
        {"disable-user", i18nc("@info:shell", "Switch a staff account off (--username; on a shared store its login too), or on again with --enable.")},
        {"copy-store",
         i18nc("@info:shell",
               "Copy every row of a store (--from, as its administrator) into an empty one (--to): a workstation's file into a PostgreSQL "
               "database, or back; audited, its audit log verified afterwards.")},
        {"verify-audit",
         i18nc("@info:shell",
               "Verify the audit log's hash chain: “intact through entry N”, or the first entry tampered with; --checkpoint FILE also "
               "against the checkpoints in FILE, then adds one.")},
    };
}

QString commandsHelp()
{
    const QList<CommandInfo> all = commands();
    qsizetype width = 0; // the longest name, and two spaces before its summary
    for (const CommandInfo &command : all) {
        width = std::max(width, qsizetype(qstrlen(command.name)) + 2);
    }
    QString text = i18nc("@info:shell", "Commands:") + QLatin1Char('\n');
    for (const CommandInfo &command : all) {
        text += QLatin1String("  ") + QString::fromLatin1(command.name).leftJustified(width) + command.summary + QLatin1Char('\n');
    }
    return text;
}

// The first argument that is not an option (or an option's value) names the command.
QString findCommand(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        static const QStringList withValue = {
            QStringLiteral("--database"),    QStringLiteral("--backend"), QStringLiteral("--token"),      QStringLiteral("--config"), QStringLiteral("--as-of"),
            QStringLiteral("--days"),        QStringLiteral("--citizen"), QStringLiteral("--purpose"),    QStringLiteral("--out"),    QStringLiteral("--pdf"),
            QStringLiteral("--username"),    QStringLiteral("--role"),    QStringLiteral("--name"),       QStringLiteral("--team"),   QStringLiteral("--user"),
            QStringLiteral("--credentials"), QStringLiteral("--admin"),   QStringLiteral("--checkpoint"), QStringLiteral("--from"),   QStringLiteral("--to")};
        if (withValue.contains(a)) {
            ++i; // skip its value
            continue;
        }
        if (!a.startsWith(QLatin1Char('-'))) {
            return a;
        }
    }
    return {};
}
} // namespace

AdminTool::AdminTool(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

int AdminTool::usageError(const QString &message)
{
    m_err << QCoreApplication::applicationName() << QLatin1String(": ") << message << Qt::endl;
    m_err << i18nc("@info:shell", "Run “%1 --help” for the commands and their options.", QCoreApplication::applicationName()) << Qt::endl;
    return 2;
}

int AdminTool::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(i18nc("@info:shell", "Administration of a Citizen 360 store, without a display.") + QLatin1String("\n\n") +
                                     commandsHelp());
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            i18nc("@info:shell",
                                                  "The store to work on: a file, or a PostgreSQL database as postgresql://user@server:port/database "
                                                  "(the password from PGPASSWORD or ~/.pgpass, never on the command line)."),
                                            i18nc("@info:shell value name", "file or address"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"), i18nc("@info:shell", "copy-store: the store to copy."), i18nc("@info:shell value name", "file or address"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      i18nc("@info:shell", "copy-store: the empty store to copy into (made when it is a new file)."),
                                      i18nc("@info:shell value name", "file or address"));
    parser.addOption(databaseOption);
    const QCommandLineOption backendOption(
        QStringLiteral("backend"),
        i18nc("@info:shell", "sync: the base URL of a reference back end; every dialect at its standard path; its token from C360_SECRET_REFERENCE."),
        i18nc("@info:shell value name", "url"));
    // Refused with a word on where secrets go: the command line is visible to every user.
    QCommandLineOption tokenOption(QStringLiteral("token"), QString(), i18nc("@info:shell value name", "token"));
    tokenOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption userOption(
        QStringLiteral("user"),
        i18nc("@info:shell", "Act as this staff account; its password is the first line of standard input (not shown on a terminal)."),
        i18nc("@info:shell value name", "name"));
    const QCommandLineOption credentialsOption(QStringLiteral("credentials"),
                                               i18nc("@info:shell",
                                                     "Act as the staff account in this file (mode 0600; the user name, then the password, on two lines), "
                                                     "for cron and systemd; default: the file named by C360_CREDENTIALS."),
                                               i18nc("@info:shell value name", "file"));
    const QCommandLineOption adminOption(QStringLiteral("admin"),
                                         i18nc("@info:shell", "init: the user name of the new store's administrator; the password on standard input."),
                                         i18nc("@info:shell value name", "name"));
    const QCommandLineOption checkpointOption(
        QStringLiteral("checkpoint"),
        i18nc("@info:shell", "verify-audit: compare the log with the checkpoints in this file (kept where the desk cannot rewrite it), then add one."),
        i18nc("@info:shell value name", "file"));
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        i18nc("@info:shell", "sync: a configuration file with the back ends; tokens from the keychain or C360_SECRET_<NAME>."),
        i18nc("@info:shell value name", "file"));
    const QCommandLineOption onceOption(QStringLiteral("once"), i18nc("@info:shell", "sync: one run, then exit (otherwise: keep synchronising)."));
    const QCommandLineOption confirmOption(QStringLiteral("confirm-deletions"),
                                           i18nc("@info:shell",
                                                 "sync: let this run remove what a resource (SOURCE/RESOURCE, e.g. openklant/partijen) no longer has, "
                                                 "even more than its allowed share; repeatable."),
                                           i18nc("@info:shell value name", "source/resource"));
    const QCommandLineOption asOfOption(QStringLiteral("as-of"),
                                        i18nc("@info:shell", "purge: purge as of this time (ISO 8601, e.g. 2026-11-23T09:00:00Z) instead of now."),
                                        i18nc("@info:shell value name", "time"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), i18nc("@info:shell", "purge: count what would be purged, change nothing."));
    const QCommandLineOption daysOption(
        QStringLiteral("days"), i18nc("@info:shell", "retention: keep requests this many days after they were made."), i18nc("@info:shell value name", "days"));
    const QCommandLineOption citizenOption(QStringLiteral("citizen"),
                                           i18nc("@info:shell", "access-report, export-citizen: the citizen's national register, BIS or BSN number."),
                                           i18nc("@info:shell value name", "number"));
    const QCommandLineOption purposeOption(
        QStringLiteral("purpose"), i18nc("@info:shell", "export-citizen, access-report: why, for the audit log."), i18nc("@info:shell value name", "text"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), i18nc("@info:shell", "export-citizen: the folder to write to."), i18nc("@info:shell value name", "folder"));
    const QCommandLineOption pdfOption(
        QStringLiteral("pdf"), i18nc("@info:shell", "access-report: also write it as this PDF file."), i18nc("@info:shell value name", "file"));
    const QCommandLineOption usernameOption(
        QStringLiteral("username"), i18nc("@info:shell", "add-user: the account's user name."), i18nc("@info:shell value name", "name"));
    const QCommandLineOption roleOption(QStringLiteral("role"),
                                        i18nc("@info:shell", "add-user: counter_clerk, call_centre_agent, supervisor or administrator."),
                                        i18nc("@info:shell value name", "role"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), i18nc("@info:shell", "add-user: the name shown for the account."), i18nc("@info:shell value name", "text"));
    const QCommandLineOption enableOption(QStringLiteral("enable"), i18nc("@info:shell", "disable-user: switch the account on again."));
    const QCommandLineOption teamOption(
        QStringLiteral("team"), i18nc("@info:shell", "add-user: the team the account works in."), i18nc("@info:shell value name", "team"));
    parser.addOptions({userOption,     credentialsOption, adminOption,  checkpointOption, backendOption, tokenOption,   configOption, onceOption,
                       confirmOption,  asOfOption,        dryRunOption, daysOption,       citizenOption, purposeOption, outOption,    pdfOption,
                       usernameOption, roleOption,        nameOption,   teamOption,       fromOption,    toOption,      enableOption});
    parser.addPositionalArgument(
        i18nc("@info:shell argument name", "command"),
        i18nc("@info:shell",
              "What to do: init, status, sync, purge, retention, verify-audit, access-report, export-citizen, add-user, users, disable-user or "
              "copy-store."),
        i18nc("@info:shell argument syntax", "<command>"));

    if (!parser.parse(arguments)) {
        return usageError(parser.errorText());
    }
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText();
        m_out.flush();
        return 0;
    }
    if (parser.isSet(versionOption)) {
        m_out << QCoreApplication::applicationName() << QLatin1Char(' ') << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }

    const QString command = findCommand(arguments);
    if (command.isEmpty()) {
        return usageError(i18nc("@info:shell", "No command given."));
    }
    if (parser.positionalArguments().size() > 1) {
        return usageError(i18nc("@info:shell", "Unexpected argument “%1”.", parser.positionalArguments().at(1)));
    }
    const QList<CommandInfo> available = commands();
    const bool known = std::any_of(available.cbegin(), available.cend(), [&](const CommandInfo &c) {
        return command == QLatin1String(c.name);
    });
    if (!known) {
        return usageError(i18nc("@info:shell", "Unknown command “%1”.", command));
    }
    if (command == QLatin1String("copy-store")) {
        if (parser.value(fromOption).isEmpty() || parser.value(toOption).isEmpty()) {
            return usageError(i18nc("@info:shell", "The command “copy-store” needs --from <file or address> and --to <file or address>."));
        }
        PrivacyCommand copy;
        copy.database = parser.value(fromOption);
        copy.copyTo = parser.value(toOption);
        copy.who = AdminCredentials::from(parser.value(userOption), parser.value(credentialsOption));
        return runCopyStore(copy, m_out, m_err);
    }
    const QString path = parser.value(databaseOption);
    if (path.isEmpty()) {
        return usageError(i18nc("@info:shell", "The command “%1” needs --database <file or address>.", command));
    }
    if (parser.isSet(tokenOption)) {
        return usageError(i18nc("@info:shell",
                                "A token on the command line can be read by every user of this machine: give it in the environment variable %1 "
                                "(for --backend) or keep it in the keychain.",
                                SecretStore::environmentVariable(QStringLiteral("reference"))));
    }
    if (command == QLatin1String("init")) {
        return init(path, parser.value(adminOption).trimmed(), parser.value(nameOption));
    }
    const AdminCredentials who = AdminCredentials::from(parser.value(userOption), parser.value(credentialsOption));
    if (command == QLatin1String("sync")) {
        SyncCommand sync;
        sync.database = path;
        sync.who = who;
        sync.backend = parser.value(backendOption);
        sync.config = parser.value(configOption);
        sync.once = parser.isSet(onceOption);
        sync.confirmedDeletions = parser.values(confirmOption);
        if (sync.backend.isEmpty() == sync.config.isEmpty()) {
            return usageError(i18nc("@info:shell", "The command “sync” needs either --backend <url> or --config <file>."));
        }
        for (const QString &confirmed : std::as_const(sync.confirmedDeletions)) {
            if (confirmed.count(QLatin1Char('/')) != 1 || confirmed.startsWith(QLatin1Char('/')) || confirmed.endsWith(QLatin1Char('/'))) {
                return usageError(
                    i18nc("@info:shell", "--confirm-deletions names one resource as SOURCE/RESOURCE, such as openklant/partijen, not “%1”.", confirmed));
            }
        }
        return runSync(sync, m_out, m_err);
    }
    PrivacyCommand privacy;
    privacy.database = path;
    privacy.who = who;
    privacy.checkpoint = parser.value(checkpointOption);
    privacy.asOf = parser.value(asOfOption);
    privacy.dryRun = parser.isSet(dryRunOption);
    if (command == QLatin1String("purge")) {
        return runPurge(privacy, m_out, m_err);
    }
    if (command == QLatin1String("retention")) {
        if (parser.isSet(daysOption)) {
            bool ok = false;
            privacy.days = parser.value(daysOption).toInt(&ok);
            if (!ok || privacy.days <= 0) {
                return usageError(i18nc("@info:shell", "--days needs a whole number of days, such as 30."));
            }
        }
        return runRetention(privacy, m_out, m_err);
    }
    if (command == QLatin1String("verify-audit")) {
        return runVerifyAudit(privacy, m_out, m_err);
    }
    if (command == QLatin1String("users")) {
        return runUsers(privacy, m_out, m_err);
    }
    if (command == QLatin1String("disable-user")) {
        privacy.username = parser.value(usernameOption).trimmed();
        privacy.enable = parser.isSet(enableOption);
        if (privacy.username.isEmpty()) {
            return usageError(i18nc("@info:shell", "The command “disable-user” needs --username <name>."));
        }
        return runDisableUser(privacy, m_out, m_err);
    }
    if (command == QLatin1String("add-user")) {
        privacy.username = parser.value(usernameOption);
        privacy.role = parser.value(roleOption);
        privacy.name = parser.value(nameOption);
        privacy.team = parser.value(teamOption);
        if (privacy.username.isEmpty() || privacy.role.isEmpty()) {
            return usageError(i18nc("@info:shell", "The command “add-user” needs --username <name> and --role <role>."));
        }
        return runAddUser(privacy, m_out, m_err);
    }
    privacy.citizen = parser.value(citizenOption);
    privacy.purpose = parser.value(purposeOption).trimmed();
    privacy.outDir = parser.value(outOption);
    privacy.pdf = parser.value(pdfOption);
    if ((command == QLatin1String("access-report") || command == QLatin1String("export-citizen")) && privacy.citizen.trimmed().isEmpty()) {
        return usageError(i18nc("@info:shell", "The command “%1” needs --citizen <number>.", command));
    }
    if (command == QLatin1String("access-report")) {
        return runAccessReport(privacy, m_out, m_err);
    }
    if (command == QLatin1String("export-citizen")) {
        if (privacy.purpose.isEmpty() || privacy.outDir.isEmpty()) {
            return usageError(i18nc("@info:shell", "The command “export-citizen” needs --purpose <text> and --out <folder>."));
        }
        return runExportCitizen(privacy, m_out, m_err);
    }
    return status(path);
}

int AdminTool::init(const QString &path, const QString &admin, const QString &adminName)
{
    const QString program = QCoreApplication::applicationName() + QLatin1String(": ");
    // A database on a server exists before init (the database administrator made it); whether it
    // holds a store is what the look below finds out.
    const bool onServer = StoreLocation::isServerName(path);
    const bool existed = onServer || QFileInfo::exists(path);
    const QString shown = onServer ? StoreLocation::parse(path).displayName() : QDir::toNativeSeparators(path);
    int before = 0;
    if (existed) {
        // Look first (read-only) to report where the store came from.
        auto existing = Database::open(path, Database::OpenMode::ReadOnly, SystemClock::instance());
        if (existing) {
            before = (*existing)->schemaVersion();
        } else if (existing.error().code == StoreError::Code::OutdatedSchema) {
            before = existing.error().schemaVersion;
        } else if (existing.error().code != StoreError::Code::NotInitialised) {
            m_err << program << existing.error().message() << Qt::endl;
            return 1;
        }
    }
    if (before == 0 && admin.isEmpty()) {
        return usageError(i18nc("@info:shell", "A new store is made with its administrator: add --admin NAME (the password on standard input)."));
    }
    // The password before anything is made, so that a store never exists without its administrator.
    const QString password = admin.isEmpty() ? QString() : readSecretLine(i18nc("@info:shell", "Password for the administrator %1: ", admin));
    auto session = openStore(path, Database::OpenMode::Create, m_err);
    if (!session) {
        return 1;
    }
    const int after = session->db->schemaVersion();
    if (!admin.isEmpty()) {
        AccountService accounts(*session->audit);
        auto any = accounts.hasAccounts();
        if (any && *any) {
            m_err << program << i18nc("@info:shell", "The store %1 already has staff accounts: sign in as its administrator and use add-user.", shown)
                  << Qt::endl;
            return 2;
        }
        auto made = any ? accounts.createFirstAdministrator(admin, adminName, password, adminWorkstation(), AccountService::ExistingData::Allow)
                        : Expected<StaffAccount, ServiceError>(unexpected(any.error()));
        if (!made) {
            if (!existed && !onServer) {
                // Nothing is left of a store that could not get its administrator.
                const QString storeId = StoreIdentity::id(*session->db).value_or(QString());
                session.reset();
                for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                    QFile::remove(path + suffix);
                }
                if (!storeId.isEmpty()) {
                    (void)SecretStore::personal()->remove(AuditKey::secretName(storeId));
                }
            }
            m_err << program << made.error().message << Qt::endl;
            return made.error().kind == ServiceError::Kind::Invalid ? 2 : 1;
        }
        m_err << i18nc("@info:shell", "Created the administrator %1.", made->username) << Qt::endl;
    }
    if (before == after) {
        m_err << i18nc("@info:shell", "The store %1 is up to date (schema version %2).", shown, QString::number(after)) << Qt::endl;
    } else if (before == 0) {
        m_err << i18nc("@info:shell", "Created the store %1 (schema version %2).", shown, QString::number(after)) << Qt::endl;
    } else {
        m_err << i18nc("@info:shell", "Migrated the store %1 from schema version %2 to %3.", shown, QString::number(before), QString::number(after))
              << Qt::endl;
    }
    QJsonObject result{
        {QStringLiteral("database"), onServer ? StoreLocation::parse(path).displayName() : QFileInfo(path).absoluteFilePath()},
        {QStringLiteral("schema_version"), after},
        {QStringLiteral("previous_schema_version"), before},
    };
    if (!admin.isEmpty()) {
        result.insert(QStringLiteral("administrator"), admin);
    }
    m_out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int AdminTool::status(const QString &path)
{
    auto database = Database::open(path, Database::OpenMode::ReadOnly, SystemClock::instance());
    if (!database) {
        m_err << QCoreApplication::applicationName() << QLatin1String(": ") << database.error().message() << Qt::endl;
        return 1;
    }
    auto statistics = StoreStatistics::collect(**database);
    if (!statistics) {
        m_err << QCoreApplication::applicationName() << QLatin1String(": ") << statistics.error().message() << Qt::endl;
        return 1;
    }
    QJsonObject result = statistics->toJson();
    result.insert(QStringLiteral("training"), StoreIdentity::isTraining(**database).value_or(false));
    // Where each resource's synchronisation stands, and the problem of its last run: what the sync
    // panel shows, for an administrator without a display.
    auto states = SyncStateRepository(**database).states();
    if (!states) {
        m_err << QCoreApplication::applicationName() << QLatin1String(": ") << states.error().message() << Qt::endl;
        return 1;
    }
    QJsonObject sync;
    for (const SyncState &state : std::as_const(*states)) {
        QJsonObject o;
        o.insert(QStringLiteral("last_success"), state.lastSuccess.isValid() ? QJsonValue(state.lastSuccess.toString(Qt::ISODate)) : QJsonValue());
        const SyncProblem problem = SyncProblem::fromRecord(state.lastError);
        if (!problem.isNone()) {
            const QString sentence = SyncMessages::problem(state.source, problem);
            o.insert(QStringLiteral("problem"), problem.key());
            o.insert(QStringLiteral("problem_at"), state.lastErrorAt.isValid() ? QJsonValue(state.lastErrorAt.toString(Qt::ISODate)) : QJsonValue());
            o.insert(QStringLiteral("message"), sentence);
            m_err << state.source << QLatin1Char('/') << state.resource << QLatin1String(": ") << sentence << Qt::endl;
        }
        sync.insert(state.source + QLatin1Char('/') + state.resource, o);
    }
    result.insert(QStringLiteral("sync"), sync);
    m_out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

} // namespace C360
