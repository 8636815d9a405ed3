// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "privacycommands.h"

#include "adminsession.h"

#include "audit/auditcheckpoint.h"
#include "audit/auditquery.h"
#include "audit/auditrepository.h"
#include "audit/auditservice.h"
#include "common/clock.h"
#include "common/privatefile.h"
#include "privacy/accountservice.h"
#include "privacy/auditkey.h"
#include "privacy/privacyservice.h"
#include "privacy/retentionservice.h"
#include "privacy/secretstore.h"
#include "store/database.h"
#include "store/storecopy.h"
#include "store/storelocation.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <memory>
#include <variant>

namespace C360
{

namespace
{
int serviceFailed(const ServiceError &error, QTextStream &err)
{
    err << QCoreApplication::applicationName() << QLatin1String(": ") << error.message << Qt::endl;
    return error.kind == ServiceError::Kind::Invalid ? 2 : 1;
}
} // namespace

int runPurge(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    QDateTime asOf;
    if (!command.asOf.isEmpty()) {
        asOf = QDateTime::fromString(command.asOf, Qt::ISODateWithMs);
        if (!asOf.isValid()) {
            err << QCoreApplication::applicationName() << QLatin1String(": ")
                << i18nc("@info:shell", "“%1” is not a date and time in ISO 8601, such as 2026-11-23T09:00:00Z.", command.asOf) << Qt::endl;
            return 2;
        }
        if (asOf.timeSpec() == Qt::LocalTime && !command.asOf.endsWith(QLatin1Char('Z'))) {
            asOf = asOf.toUTC(); // a time without a zone is this machine's local time
        }
    }
    auto session = openSession(command.database, command.who, Operation::Purge, err);
    if (!session) {
        return session.error();
    }
    RetentionService retention(*session->audit);
    RetentionService::Options options;
    options.dryRun = command.dryRun;
    auto run = retention.purge(session->staff, asOf, options);
    if (!run) {
        return serviceFailed(run.error(), err);
    }
    if (command.dryRun) {
        err << i18ncp("@info:shell", "Dry run: %1 request would be purged.", "Dry run: %1 requests would be purged.", run->purged.size()) << Qt::endl;
    } else {
        err << i18ncp("@info:shell", "Purged %1 request.", "Purged %1 requests.", run->purged.size()) << Qt::endl;
    }
    const QJsonObject result{{QStringLiteral("as_of"), run->asOf.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("retention_days"), run->retentionDays},
                             {QStringLiteral("dry_run"), run->dryRun},
                             {QStringLiteral("purged"), double(run->purged.size())}};
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int runRetention(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    auto session = openSession(command.database, command.who, Operation::Purge, err);
    if (!session) {
        return session.error();
    }
    if (command.days != 0) {
        RetentionService retention(*session->audit);
        const Purpose purpose{QStringLiteral("retention_policy"), i18nc("@info audit purpose", "Retention period set with citizen360-admin")};
        if (auto set = retention.setRetentionDays(session->staff, command.days, purpose); !set) {
            return serviceFailed(set.error(), err);
        }
        err << i18ncp("@info:shell",
                      "Requests are now kept for %1 day after they were made.",
                      "Requests are now kept for %1 days after they were made.",
                      command.days)
            << Qt::endl;
    }
    auto days = RetentionPolicy::days(*session->db);
    if (!days) {
        err << QCoreApplication::applicationName() << QLatin1String(": ") << days.error().message() << Qt::endl;
        return 1;
    }
    out << QJsonDocument(QJsonObject{{QStringLiteral("retention_days"), *days}}).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int runVerifyAudit(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    auto session = openSession(command.database, command.who, Operation::ViewAudit, err);
    if (!session) {
        return session.error();
    }
    // The check is audited after it: its entry is not part of what was checked.
    AuditQueryService query(*session->audit);
    query.setCheckpointFile(command.checkpoint);
    auto verification = query.verifyChain(session->staff);
    if (!verification) {
        return serviceFailed(verification.error(), err);
    }
    const auto &v = *verification;
    // These lines are a contract for scripts: English, whatever the language.
    switch (v.problem) {
    case AuditRepository::Verification::Problem::None:
        out << QStringLiteral("intact through entry %1").arg(v.checkedThrough) << Qt::endl;
        if (!command.checkpoint.isEmpty()) {
            // The log as it is now (with this check's entry), witnessed for the next check.
            auto head = AuditCheckpoints::head(*session->db, SystemClock::instance().now());
            if (!head) {
                err << QCoreApplication::applicationName() << QLatin1String(": ") << head.error().message() << Qt::endl;
                return 1;
            }
            if (auto written = AuditCheckpoints::append(command.checkpoint, *head); !written) {
                err << QCoreApplication::applicationName() << QLatin1String(": ") << written.error() << Qt::endl;
                return 1;
            }
            err << i18ncp("@info:shell",
                          "Matches %1 earlier checkpoint; added checkpoint of entry %2 to %3.",
                          "Matches %1 earlier checkpoints; added checkpoint of entry %2 to %3.",
                          v.checkpointsCompared,
                          head->sequence,
                          QDir::toNativeSeparators(command.checkpoint))
                << Qt::endl;
        }
        return 0;
    case AuditRepository::Verification::Problem::Truncated:
        out << QStringLiteral("the log ends at entry %1 but the checkpoint of %2 saw entry %3 (entries were removed)")
                   .arg(v.firstBad - 1)
                   .arg(v.checkpointAt.toUTC().toString(Qt::ISODate))
                   .arg(v.checkpointSequence)
            << Qt::endl;
        break;
    case AuditRepository::Verification::Problem::Rewritten:
        out << QStringLiteral("entry %1 is not the one the checkpoint of %2 saw (the log was rewritten)")
                   .arg(v.checkpointSequence)
                   .arg(v.checkpointAt.toUTC().toString(Qt::ISODate))
            << Qt::endl;
        break;
    case AuditRepository::Verification::Problem::Changed:
        out << QStringLiteral("entry %1 was changed or inserted (intact through entry %2)").arg(v.firstBad).arg(v.checkedThrough) << Qt::endl;
        break;
    case AuditRepository::Verification::Problem::Missing:
        out << QStringLiteral("entry %1 was removed (intact through entry %2)").arg(v.firstBad).arg(v.checkedThrough) << Qt::endl;
        break;
    case AuditRepository::Verification::Problem::BrokenLink:
        out << QStringLiteral("an entry was inserted or removed before entry %1 (intact through entry %2)").arg(v.firstBad).arg(v.checkedThrough) << Qt::endl;
        break;
    }
    err << i18nc("@info:shell", "The audit log was tampered with. Keep this store as it is and tell the data protection officer.") << Qt::endl;
    return 3;
}

namespace
{
// The citizen of command.citizen, or the exit code after saying why not.
std::variant<qint64, int> findCitizen(PrivacyService &privacy, const PrivacyCommand &command, QTextStream &err)
{
    auto id = privacy.citizenByNumber(command.citizen);
    if (!id) {
        if (id.error().kind == ServiceError::Kind::NotFound) {
            err << QCoreApplication::applicationName() << QLatin1String(": ")
                << i18nc("@info:shell", "Nobody in this store has the number %1.", command.citizen.trimmed()) << Qt::endl;
            return 1;
        }
        return serviceFailed(id.error(), err);
    }
    return *id;
}

// Opens the store and finds command.citizen, then runs body(session, privacy, citizenId); the exit
// code of whichever says no first.
template<typename Body>
int forCitizen(const PrivacyCommand &command, Operation operation, QTextStream &err, Body body)
{
    auto session = openSession(command.database, command.who, operation, err);
    if (!session) {
        return session.error();
    }
    PrivacyService privacy(*session->audit);
    const auto citizen = findCitizen(privacy, command, err);
    if (const int *failed = std::get_if<int>(&citizen)) {
        return *failed;
    }
    return body(*session, privacy, std::get<qint64>(citizen));
}
} // namespace

int runAccessReport(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    return forCitizen(command, Operation::AccessReport, err, [&](AdminSession &session, PrivacyService &privacy, qint64 citizen) {
        const Purpose purpose{QStringLiteral("gdpr_access_request"),
                              command.purpose.isEmpty() ? i18nc("@info audit purpose", "The citizen asked who accessed their data (GDPR art. 15)")
                                                        : command.purpose};
        auto report = privacy.accessReport(session.staff, citizen, purpose);
        if (!report) {
            return serviceFailed(report.error(), err);
        }
        if (!command.pdf.isEmpty()) {
            if (auto written = writePrivatePdf(command.pdf, i18nc("@title", "Who accessed your data"), PrivacyService::toHtml(*report)); !written) {
                err << QCoreApplication::applicationName() << QLatin1String(": ") << written.error() << Qt::endl;
                return 1;
            }
        }
        out << QJsonDocument(PrivacyService::toJson(*report)).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    });
}

int runExportCitizen(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    const QFileInfo dir(command.outDir);
    if (!dir.isDir() || !dir.isWritable()) {
        err << QCoreApplication::applicationName() << QLatin1String(": ")
            << i18nc("@info:shell", "The folder %1 does not exist or cannot be written to.", QDir::toNativeSeparators(command.outDir)) << Qt::endl;
        return 2;
    }
    return forCitizen(command, Operation::ExportCitizen, err, [&](AdminSession &session, PrivacyService &privacy, qint64 citizen) {
        const Purpose purpose{QStringLiteral("gdpr_export"), command.purpose};
        auto data = privacy.exportCitizen(session.staff, citizen, purpose);
        if (!data) {
            return serviceFailed(data.error(), err);
        }
        // Named by the store's number for the citizen and the time, never by their name or number.
        const QString base =
            QDir(command.outDir)
                .filePath(QStringLiteral("citizen-%1-export-%2").arg(citizen).arg(data->generated.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))));
        const QString json = base + QStringLiteral(".json");
        const QString pdf = base + QStringLiteral(".pdf");
        auto written = writePrivateFile(json, QJsonDocument(PrivacyService::toJson(*data)).toJson(QJsonDocument::Indented));
        if (written) {
            written = writePrivatePdf(pdf, i18nc("@title", "What the municipality holds about you"), PrivacyService::toHtml(*data));
        }
        if (!written) {
            QFile::remove(json);
            err << QCoreApplication::applicationName() << QLatin1String(": ") << written.error() << Qt::endl;
            return 1;
        }
        err << i18nc("@info:shell", "Wrote %1 and %2, readable by you only.", QDir::toNativeSeparators(json), QDir::toNativeSeparators(pdf)) << Qt::endl;
        out << QJsonDocument(
                   QJsonObject{{QStringLiteral("json"), QFileInfo(json).absoluteFilePath()}, {QStringLiteral("pdf"), QFileInfo(pdf).absoluteFilePath()}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
        return 0;
    });
}

namespace
{
QJsonObject accountJson(const StaffAccount &a)
{
    return {{QStringLiteral("username"), a.username},
            {QStringLiteral("name"), a.displayName},
            {QStringLiteral("role"), toKey(a.role)},
            {QStringLiteral("team"), a.team},
            {QStringLiteral("disabled"), a.disabled},
            {QStringLiteral("locked_until"), a.lockedUntil.isValid() ? a.lockedUntil.toString(Qt::ISODate) : QString()},
            {QStringLiteral("created"), a.created.toString(Qt::ISODate)}};
}
} // namespace

int runAddUser(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    const auto role = fromKey<Role>(command.role);
    if (!role) {
        err << QCoreApplication::applicationName() << QLatin1String(": ")
            << i18nc("@info:shell", "--role is one of counter_clerk, call_centre_agent, supervisor, administrator or sync_service.") << Qt::endl;
        return 2;
    }
    auto session = openSession(command.database, command.who, Operation::ManageUsers, err);
    if (!session) {
        return session.error();
    }
    // The new password from standard input, never from the command line (which others can see).
    // On a shared store an empty line makes a login without a password, for a server that signs
    // people in by GSSAPI/Kerberos or certificates.
    const QString password = readSecretLine(i18nc("@info:shell", "Password for the new account %1: ", command.username));
    AccountService accounts(*session->audit);
    accounts.setServerLogins(session->byServer);
    StaffAccount wanted;
    wanted.username = command.username;
    wanted.displayName = command.name;
    wanted.role = *role;
    wanted.team = command.team;
    auto made = accounts.createAccount(session->staff, wanted, password);
    if (!made) {
        return serviceFailed(made.error(), err);
    }
    err << i18nc("@info:shell", "Created the account %1.", made->username) << Qt::endl;
    out << QJsonDocument(accountJson(*made)).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int runDisableUser(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    auto session = openSession(command.database, command.who, Operation::ManageUsers, err);
    if (!session) {
        return session.error();
    }
    AccountService accounts(*session->audit);
    accounts.setServerLogins(session->byServer);
    if (auto done = accounts.setDisabled(session->staff, command.username, !command.enable); !done) {
        return serviceFailed(done.error(), err);
    }
    err << (command.enable ? i18nc("@info:shell", "Switched the account %1 on again.", command.username)
                           : i18nc("@info:shell", "Switched the account %1 off.", command.username))
        << Qt::endl;
    out << QJsonDocument(QJsonObject{{QStringLiteral("username"), command.username}, {QStringLiteral("disabled"), !command.enable}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
    return 0;
}

int runUsers(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    auto session = openSession(command.database, command.who, Operation::ManageUsers, err);
    if (!session) {
        return session.error();
    }
    AccountService accounts(*session->audit);
    accounts.setServerLogins(session->byServer);
    auto list = accounts.accounts(session->staff);
    if (!list) {
        return serviceFailed(list.error(), err);
    }
    QJsonArray array;
    for (const StaffAccount &a : std::as_const(*list)) {
        array.append(accountJson(a));
    }
    out << QJsonDocument(array).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

} // namespace C360

namespace C360
{

int runCopyStore(const PrivacyCommand &command, QTextStream &out, QTextStream &err)
{
    const QString program = QCoreApplication::applicationName() + QLatin1String(": ");
    const StoreLocation from = StoreLocation::parse(command.database);
    const StoreLocation to = StoreLocation::parse(command.copyTo);
    if (to.problem() != StoreLocation::Problem::None) {
        err << program << to.problemMessage() << Qt::endl;
        return 2;
    }
    const auto sameStore = [&] {
        if (from.isServer() || to.isServer()) {
            return from.displayName() == to.displayName();
        }
        return QFileInfo(from.filePath()).absoluteFilePath() == QFileInfo(to.filePath()).absoluteFilePath();
    };
    if (sameStore()) {
        err << program << i18nc("@info:shell", "The source and the target are the same store: name another target with --to.") << Qt::endl;
        return 2;
    }
    auto session = openSession(command.database, command.who, Operation::CopyStore, err);
    if (!session) {
        return session.error();
    }
    // A file this command makes goes again if the copy does not finish.
    const bool creating = !to.isServer() && !QFileInfo::exists(to.filePath());
    const auto removeMade = [&] {
        if (creating) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                QFile::remove(to.filePath() + suffix);
            }
        }
    };
    auto target = Database::open(command.copyTo, Database::OpenMode::Create, SystemClock::instance());
    if (!target) {
        err << program << target.error().message() << Qt::endl;
        return 1;
    }
    auto held = StoreCopy::holdsRows(**target);
    if (!held || *held) {
        err << program
            << (held ? i18nc("@info:shell",
                             "The store %1 already holds data: a copy goes into an empty store only (a new file, or an empty database). Nothing "
                             "was copied.",
                             to.isServer() ? to.displayName() : QDir::toNativeSeparators(to.filePath()))
                     : held.error().message())
            << Qt::endl;
        return held ? 2 : 1;
    }
    // Audited in the source before the copy, so that the copy's log holds the entry too.
    auto entry = session->audit->record(session->staff,
                                        AuditAction::Export,
                                        0,
                                        Purpose{QStringLiteral("store_copy"), i18nc("@info audit purpose", "Store copied with citizen360-admin copy-store")},
                                        AuditOutcome::Success,
                                        QJsonObject{{QStringLiteral("what"), QStringLiteral("store_copy")}, {QStringLiteral("to"), to.displayName()}});
    if (!entry) {
        removeMade();
        err << program << entry.error().message() << Qt::endl;
        return 1;
    }
    auto counts = StoreCopy::copy(*session->db, **target, [&err](const StoreCopy::Progress &progress) {
        err << i18nc("@info:shell %1 a number of rows, %2 a table", "%1 rows of %2", QString::number(progress.rows), progress.table) << Qt::endl;
    });
    if (!counts) {
        target->reset();
        removeMade();
        err << program << counts.error().message() << Qt::endl;
        err << program << i18nc("@info:shell", "Nothing was copied: the target is as it was.") << Qt::endl;
        return 1;
    }
    // The copy's key where its readers find it: in a shared store, or this desk's secret store.
    if (auto kept = AuditKey::keep(**target, *SecretStore::personal(), session->key); !kept) {
        err << program << kept.error() << Qt::endl;
        return 1;
    }
    AuditRepository copied(**target, session->key);
    auto verified = copied.verify();
    if (!verified) {
        err << program << verified.error().message() << Qt::endl;
        return 1;
    }
    if (!verified->intact()) {
        err << program << i18nc("@info:shell", "The copy's audit log does not verify from entry %1 on.", QString::number(verified->firstBad)) << Qt::endl;
        return 3;
    }
    QJsonObject rows;
    for (qsizetype i = 0; i < counts->size(); ++i) {
        rows.insert(StoreCopy::tables().at(i), double(counts->at(i)));
    }
    err << i18nc("@info:shell", "Copied the store; its audit log is intact through entry %1.", QString::number(verified->checkedThrough)) << Qt::endl;
    out << QJsonDocument(QJsonObject{{QStringLiteral("from"), from.isServer() ? from.displayName() : QFileInfo(from.filePath()).absoluteFilePath()},
                                     {QStringLiteral("to"), to.isServer() ? to.displayName() : QFileInfo(to.filePath()).absoluteFilePath()},
                                     {QStringLiteral("rows"), rows},
                                     {QStringLiteral("audit_intact_through"), double(verified->checkedThrough)}})
               .toJson(QJsonDocument::Compact)
        << Qt::endl;
    return 0;
}

} // namespace C360
