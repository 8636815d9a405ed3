// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace c360
{
class SyncStatusModel;

// The sync panel: how every back end's data stands (last success, changes, the last problem in a
// sentence), and a button to synchronise now.
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

Q_SIGNALS:
    void syncNowRequested();

private:
    QTableView *m_view;
    QPushButton *m_syncNow;
    QLabel *m_hint;
    QLabel *m_outbox;
};

} // namespace c360
