// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace C360
{
class SyncStatusModel;

// The sync panel: how every back end's data stands (last success, changes, the last problem in a
// sentence), a button to synchronise now, and, for an administrator, one to confirm the deletions
// a run withheld.
class SyncPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SyncPanel(QWidget *parent = nullptr);

    // Shows model (translating its headers and state names); the panel does not own it.
    void setModel(SyncStatusModel *model);
    QTableView *view() const { return m_view; }
    // What waits in the outbox (empty: nothing), with the refused changes and their reasons in
    // the details; attention marks refused changes, which need someone to act.
    void setOutboxSummary(const QString &text, const QString &details, bool attention);
    // Whether the person signed in may confirm withheld deletions (an administrator).
    void setMayConfirmDeletions(bool may);

Q_SIGNALS:
    void syncNowRequested();
    // The administrator asks to let the next sync remove what source/resource no longer has.
    void confirmDeletionsRequested(const QString &source, const QString &resource);

private:
    void updateConfirm();

    QTableView *m_view;
    QPushButton *m_syncNow;
    QPushButton *m_confirm;
    bool m_mayConfirm = false;
    QLabel *m_hint;
    QLabel *m_outbox;
};

} // namespace C360
