// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "liverefresh.h"

#include "casepresenter.h"
#include "common/logging.h"
#include "store/livechanges.h"

namespace C360
{

LiveRefresh::LiveRefresh(LiveChanges &changes, CasePresenter &presenter, QObject *parent)
    : QObject(parent)
    , m_presenter(presenter)
    , m_staff(presenter.staff())
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &LiveRefresh::apply);
    connect(&changes, &LiveChanges::changed, this, &LiveRefresh::note);
    connect(&changes, &LiveChanges::resynced, this, [this] {
        // Changes may have gone by unheard while the connection was lost.
        m_everything = true;
        m_coalesce.start();
    });
}

void LiveRefresh::note(const LiveChange &change)
{
    if (change.table == QLatin1String("sync_state")) {
        m_sync = true;
    } else if (m_staff.isValid() && change.by == m_staff.name) {
        // This person's own change: the window that made it shows it already (a second reading
        // would be a second audit entry for nothing).
        return;
    } else {
        if (change.citizenId) {
            m_citizens.insert(change.citizenId);
        }
        if (change.requestId) {
            m_worklist = true;
        }
    }
    if (change.table == QLatin1String("requests") && change.newlyAssigned && m_staff.isValid() && change.by != m_staff.name &&
        (change.assignee == m_staff.name || (!m_staff.team.isEmpty() && change.assignee == m_staff.team))) {
        qCInfo(C360_APP) << "live: request" << change.requestId << "newly assigned here";
        Q_EMIT requestAssigned(change.requestId, change.assignee);
    }
    if (!m_coalesce.isActive()) {
        m_coalesce.start();
    }
}

void LiveRefresh::apply()
{
    const qint64 open = m_presenter.openCitizen();
    if (open && (m_everything || m_citizens.contains(open))) {
        m_presenter.reloadCase();
        Q_EMIT caseReloaded();
    }
    if (m_staff.isValid() && (m_everything || m_worklist)) {
        m_presenter.refreshWorklist();
        Q_EMIT worklistRefreshed();
    }
    if (m_everything || m_sync) {
        Q_EMIT syncStateChanged();
    }
    m_citizens.clear();
    m_worklist = m_everything = m_sync = false;
}

} // namespace C360
