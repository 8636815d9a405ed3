// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace C360
{
class CasePresenter;
class LiveChanges;
struct LiveChange;

// Keeps what the window shows in step with what others change in a shared store (LiveChanges; the
// person's own changes are shown by the window that made them):
// a moment after changes that touch them (CoalesceMs, so that a synchronised page is one reading,
// not one per row), the open case and the worklist are read again, through the audited paths, and
// the sync state; a request newly assigned to the person signed in, or to their team, by someone
// else raises requestAssigned (the application shows it as a desktop notification).
class LiveRefresh : public QObject
{
    Q_OBJECT
public:
    static constexpr int CoalesceMs = 150;

    LiveRefresh(LiveChanges &changes, CasePresenter &presenter, QObject *parent = nullptr);

    void setStaff(const StaffMember &staff) { m_staff = staff; }

Q_SIGNALS:
    void caseReloaded();
    void worklistRefreshed();
    void syncStateChanged();
    // requestId was assigned to assignee (the person signed in, or their team) by someone else.
    void requestAssigned(qint64 requestId, const QString &assignee);

private:
    void note(const LiveChange &change);
    void apply();

    CasePresenter &m_presenter;
    StaffMember m_staff;
    QTimer m_coalesce;
    QSet<qint64> m_citizens;
    bool m_worklist = false;
    bool m_everything = false;
    bool m_sync = false;
};

} // namespace C360
