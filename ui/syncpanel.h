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

Q_SIGNALS:
    void syncNowRequested();

private:
    QTableView *m_view;
    QPushButton *m_syncNow;
    QLabel *m_hint;
};

} // namespace c360
