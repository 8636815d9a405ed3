// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace C360
{
class WorklistModel;

// The worklist: my open requests, or my team's as well, sorted by days left, overdue ones bold.
// Activating a row asks to open its case at that request.
class WorklistPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WorklistPanel(QWidget *parent = nullptr);

    WorklistModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Says why the list is empty, in place of the table, when it is.
    QLabel *emptyHint() const { return m_empty; }
    QComboBox *scope() const { return m_scope; }
    bool includesTeam() const;
    // Updates the summary line (counted from the model).
    void updateSummary();

Q_SIGNALS:
    void scopeChanged();
    void openRequested(qint64 citizenId, qint64 requestId);

private:
    WorklistModel *m_model;
    QComboBox *m_scope;
    QTableView *m_view;
    QLabel *m_summary;
    QLabel *m_empty; // in place of the table when nothing is open
    QStackedWidget *m_stack;
};

} // namespace C360
