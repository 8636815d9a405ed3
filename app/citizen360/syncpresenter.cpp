// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "syncpresenter.h"

#include "common/clock.h"
#include "mainwindow.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/syncmessages.h"
#include "sync/syncservice.h"
#include "sync/syncstatus.h"
#include "syncpanel.h"
#include "syncstatusmodel.h"

#include <KLocalizedString>

#include <QLocale>

namespace C360
{

SyncPresenter::SyncPresenter(
    SyncService *service, SyncStatusModel &model, MainWindow &window, Database &db, const QHash<QString, int> &pollIntervals, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_model(model)
    , m_window(window)
    , m_db(db)
    , m_pollIntervals(pollIntervals)
{
    if (auto rows = SyncStatus::load(db)) {
        for (const SyncStatusRow &row : std::as_const(*rows)) {
            m_model.upsert(row);
        }
    }
    window.setSyncStatusModel(&model);
    if (!m_service) {
        m_reload.setInterval(std::chrono::minutes(1));
        connect(&m_reload, &QTimer::timeout, this, &SyncPresenter::reload);
        m_reload.start();
        // "Synchronise now" shows the service's state now: the service synchronises on its own.
        connect(&window, &MainWindow::syncNowRequested, this, &SyncPresenter::reload);
        showOverall();
        showOutbox();
        return;
    }
    connect(&window, &MainWindow::syncNowRequested, m_service, &SyncService::runNow);
    connect(m_service, &SyncService::resourceStarted, this, [this](const QString &source, const QString &resource) {
        SyncStatusRow row = m_model.find(source, resource).value_or(SyncStatusRow{});
        row.source = source;
        row.resource = resource;
        row.sourceName = SyncMessages::sourceName(source);
        row.resourceName = SyncMessages::resourceName(resource);
        row.state = SyncStatusRow::State::Running;
        row.inserted = row.updated = row.deleted = row.skipped = row.pages = 0;
        row.message = i18nc("@info:status %1 a back end", "Synchronising with %1…", row.sourceName);
        m_model.upsert(row);
        showOverall();
    });
    connect(m_service, &SyncService::pageApplied, this, [this](const QString &source, const QString &resource, const ResourceStats &soFar) {
        SyncStatusRow row = m_model.find(source, resource).value_or(SyncStatusRow{});
        row.inserted = soFar.inserted;
        row.updated = soFar.updated;
        row.deleted = soFar.deleted;
        row.skipped = soFar.skipped;
        row.pages = soFar.pages;
        m_model.upsert(row);
    });
    connect(m_service,
            &SyncService::resourceFinished,
            this,
            [this](const QString &source, const QString &resource, const ResourceStats &stats, const SyncProblem &problem) {
                SyncStatusRow row = SyncStatus::finished(source, resource, stats, problem, SystemClock::instance().now());
                if (!problem.isNone() && problem.kind != SyncProblem::Kind::Suspect) {
                    // Keep the last success the store remembers.
                    row.lastSuccess = m_model.find(source, resource).value_or(SyncStatusRow{}).lastSuccess;
                }
                m_model.upsert(row);
                showOverall();
            });
    connect(m_service, &SyncService::finished, this, [this] {
        showOverall();
        showOutbox();
    });
    showOverall();
    showOutbox();
}

void SyncPresenter::reload()
{
    auto rows = SyncStatus::load(m_db);
    if (!rows) {
        m_window.showSyncState(i18nc("@info:status", "Synchronisation state unknown"), rows.error().message(), false, true);
        return;
    }
    for (const SyncStatusRow &row : std::as_const(*rows)) {
        m_model.upsert(row);
    }
    showOverall();
    showOutbox();
}

void SyncPresenter::showOutbox()
{
    OutboxRepository outbox(m_db);
    const auto counts = outbox.countByState();
    if (!counts) {
        return;
    }
    QStringList details;
    if (const auto refused = outbox.rejected(5)) {
        for (const OutboxEntry &entry : *refused) {
            details.append(SyncMessages::refusedChange(entry));
        }
    }
    m_window.syncPanel()->setOutboxSummary(SyncMessages::outboxSummary(*counts), details.join(QLatin1Char('\n')), counts->value(OutboxState::Rejected) > 0);
}

void SyncPresenter::showOverall()
{
    QStringList problems;
    QStringList decisions;
    QDateTime last;
    for (const SyncStatusRow &row : m_model.rows()) {
        if (row.state == SyncStatusRow::State::Failed && !problems.contains(row.message)) {
            problems.append(row.message);
        }
        if (row.state == SyncStatusRow::State::Attention && !decisions.contains(row.message)) {
            decisions.append(row.message);
        }
        if (row.lastSuccess.isValid() && (!last.isValid() || row.lastSuccess > last)) {
            last = row.lastSuccess;
        }
    }
    if (!m_service) {
        // The store's sync service: a source it has not synchronised for more than twice its poll
        // interval is a problem of its own (the service stopped, or cannot reach the store).
        QHash<QString, QDateTime> lastBySource;
        QHash<QString, QString> names;
        for (const SyncStatusRow &row : m_model.rows()) {
            names.insert(row.source, row.sourceName);
            QDateTime &latest = lastBySource[row.source];
            if (row.lastSuccess.isValid() && (!latest.isValid() || row.lastSuccess > latest)) {
                latest = row.lastSuccess;
            }
        }
        const QDateTime now = m_db.clock().now();
        for (auto it = lastBySource.cbegin(); it != lastBySource.cend(); ++it) {
            const int poll = m_pollIntervals.value(it.key(), 300);
            if (!it->isValid() || it->secsTo(now) > 2 * qint64(poll)) {
                problems.append(it->isValid() ? i18nc("@info %1 a back end, %2 a date and time",
                                                      "The sync service has not synchronised %1 since %2.",
                                                      names.value(it.key()),
                                                      QLocale().toString(it->toLocalTime(), QLocale::ShortFormat))
                                              : i18nc("@info %1 a back end", "The sync service has not synchronised %1 yet.", names.value(it.key())));
            }
        }
    }
    if (m_model.anyRunning()) {
        m_window.showSyncState(
            i18nc("@info:status", "Synchronising…"), i18nc("@info:tooltip", "Open View → Show Synchronisation for the details."), true, false);
    } else if (!problems.isEmpty()) {
        m_window.showSyncState(i18ncp("@info:status", "%1 server could not be synchronised", "%1 servers could not be synchronised", problems.size()),
                               (problems + decisions).join(QLatin1Char('\n')),
                               false,
                               true);
    } else if (!decisions.isEmpty()) {
        m_window.showSyncState(
            i18ncp("@info:status", "Synchronised; %1 matter for an administrator", "Synchronised; %1 matters for an administrator", decisions.size()),
            decisions.join(QLatin1Char('\n')),
            false,
            true);
    } else if (last.isValid()) {
        m_window.showSyncState(i18nc("@info:status %1 a time", "Synchronised at %1", QLocale().toString(last.toLocalTime().time(), QLocale::ShortFormat)),
                               QLocale().toString(last.toLocalTime(), QLocale::LongFormat),
                               false,
                               false);
    }
}

} // namespace C360
