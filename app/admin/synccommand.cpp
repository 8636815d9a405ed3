// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "synccommand.h"

#include "adminsession.h"
#include "sync/deletionconfirmation.h"

#include "common/clock.h"
#include "privacy/secretstore.h"
#include "sync/connectors.h"
#include "sync/sourceconfig.h"
#include "sync/syncengine.h"
#include "sync/syncmessages.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace C360
{

namespace
{
// Secrets given in the environment (C360_SECRET_<NAME>, for service accounts and CI) come first;
// the OS keychain after.
class EnvironmentFirstSecretStore final : public SecretStore
{
public:
    Expected<QString, SecretError> read(const QString &key) override
    {
        const QByteArray value = qgetenv(environmentVariable(key).toLatin1().constData());
        if (!value.isEmpty()) {
            return QString::fromUtf8(value);
        }
        return m_keychain.read(key);
    }
    Expected<void, SecretError> write(const QString &key, const QString &secret) override { return m_keychain.write(key, secret); }
    Expected<void, SecretError> remove(const QString &key) override { return m_keychain.remove(key); }
    QString kind() const override { return QStringLiteral("environment"); }

private:
    KeychainSecretStore m_keychain;
};
} // namespace

int runSync(const SyncCommand &command, QTextStream &out, QTextStream &err)
{
    const QString program = QCoreApplication::applicationName() + QLatin1String(": ");
    SyncEngine::Options options;
    options.databasePath = command.database;
    options.clock = &SystemClock::instance();
    options.resources = allResourceSyncs();
    options.outbox = allOutboxTargets();

    MemorySecretStore given;
    EnvironmentFirstSecretStore configured;
    if (!command.backend.isEmpty()) {
        const QUrl base(command.backend, QUrl::StrictMode);
        if (!base.isValid() || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https"))) {
            err << program << i18nc("@info:shell", "“%1” is not an http(s) URL.", command.backend) << Qt::endl;
            return 2;
        }
        if (!SourceConfig::transportProblem(base).isEmpty()) {
            err << program
                << i18nc("@info:shell",
                         "“%1” is plain http to another machine: personal data and tokens travel only over https (plain http is for 127.0.0.1 only).",
                         command.backend)
                << Qt::endl;
            return 2;
        }
        options.sources = SourceConfig::forReferenceBackend(base);
        // A token from the environment, never from the command line (which every user can see).
        const QString token = qEnvironmentVariable(qPrintable(SecretStore::environmentVariable(QStringLiteral("reference"))));
        if (!given.write(QStringLiteral("reference"), token.isEmpty() ? QStringLiteral("training") : token)) {
            return 2;
        }
        options.secrets = &given;
    } else {
        QFile file(command.config);
        if (!file.open(QIODevice::ReadOnly)) {
            err << program << i18nc("@info:shell", "Cannot read the configuration file %1: %2", QDir::toNativeSeparators(command.config), file.errorString())
                << Qt::endl;
            return 2;
        }
        auto sources = SourceConfig::fromJson(file.readAll());
        if (!sources) {
            err << program << i18nc("@info:shell", "The configuration file %1 cannot be used: %2", QDir::toNativeSeparators(command.config), sources.error())
                << Qt::endl;
            return 2;
        }
        options.sources = *sources;
        options.secrets = &configured;
    }

    // A confirmation must name a resource this configuration syncs: a typing error must not pass
    // for a confirmation that was given.
    for (const QString &confirmed : command.confirmedDeletions) {
        const QString source = confirmed.section(QLatin1Char('/'), 0, 0);
        const QString resource = confirmed.section(QLatin1Char('/'), 1);
        const bool synced = std::any_of(options.sources.cbegin(), options.sources.cend(), [&](const SourceConfig &s) {
            return s.id == source && s.hasResource(resource) && SourceConfig::resourcesOf(s.dialect).contains(resource);
        });
        if (!synced) {
            err << program << i18nc("@info:shell", "--confirm-deletions: no source of this configuration syncs “%1”.", confirmed) << Qt::endl;
            return 2;
        }
    }
    {
        // Someone whose role may synchronise, signed in; the store must exist (a sync never makes
        // one: that is init's, with its administrator).
        auto session = openSession(command.database, command.who, Operation::Synchronise, err);
        if (!session) {
            return session.error();
        }
        // The administrator's word, in the audit log before the sync that acts on it.
        if (!command.confirmedDeletions.isEmpty()) {
            if (auto confirmed = DeletionConfirmation(*session->audit).confirm(session->staff, command.confirmedDeletions); !confirmed) {
                err << program << confirmed.error().message << Qt::endl;
                return confirmed.error().kind == ServiceError::Kind::Invalid ? 2 : 1;
            }
        }
    }
    options.confirmedDeletions = command.confirmedDeletions;
    SyncEngine engine(options);
    QObject::connect(&engine, &SyncEngine::resourceStarted, &engine, [&](const QString &source, const QString &resource) {
        err << i18nc("@info:shell progress", "Synchronising %1 (%2)…", SyncMessages::sourceName(source), resource) << Qt::endl;
    });
    QObject::connect(&engine, &SyncEngine::pageApplied, &engine, [&](const QString &, const QString &, const ResourceStats &soFar) {
        if (soFar.pages % 50 == 0) {
            err << i18ncp("@info:shell progress", "  %1 page so far", "  %1 pages so far", soFar.pages) << Qt::endl;
        }
    });
    QObject::connect(&engine,
                     &SyncEngine::resourceFinished,
                     &engine,
                     [&](const QString &source, const QString &resource, const ResourceStats &stats, const SyncProblem &problem) {
                         err << (problem.isNone() ? SyncMessages::summary(source, resource, stats) : SyncMessages::problem(source, problem)) << Qt::endl;
                     });
    int exitCode = 0;
    QObject::connect(&engine, &SyncEngine::finished, &engine, [&](const SyncSummary &summary) {
        out << QJsonDocument(summary.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        exitCode = summary.ok() ? 0 : 1;
        if (command.once) {
            QCoreApplication::exit(exitCode);
        }
    });
    if (command.once) {
        QMetaObject::invokeMethod(&engine, &SyncEngine::runOnce, Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(&engine, &SyncEngine::startScheduler, Qt::QueuedConnection);
    }
    return QCoreApplication::exec();
}

} // namespace C360
