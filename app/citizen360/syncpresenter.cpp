// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "syncpresenter.h"

#include "common/clock.h"
#include "mainwindow.h"
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

SyncPresenter::SyncPresenter(SyncService &service, SyncStatusModel &model, MainWindow &window, Database &db, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_model(model)
    , m_window(window)
    , m_db(db)
{
    if (auto rows = SyncStatus::load(db)) {
        for (const SyncStatusRow &row : std::as_const(*rows)) {
            m_model.upsert(row);
        }
    }
    window.setSyncStatusModel(&model);
    connect(&window, &MainWindow::syncNowRequested, &service, &SyncService::runNow);
    connect(&service, &SyncService::resourceStarted, this, [this](const QString &source, const QString &resource) {
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
    connect(&service, &SyncService::pageApplied, this, [this](const QString &source, const QString &resource, const ResourceStats &soFar) {
        SyncStatusRow row = m_model.find(source, resource).value_or(SyncStatusRow{});
        row.inserted = soFar.inserted;
        row.updated = soFar.updated;
        row.deleted = soFar.deleted;
        row.skipped = soFar.skipped;
        row.pages = soFar.pages;
        m_model.upsert(row);
    });
    connect(&service,
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
    connect(&service, &SyncService::finished, this, [this] {
        showOverall();
        showOutbox();
    });
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
