// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "worklistpanel.h"

#include "urgency.h"
#include "worklistmodel.h"

#include <KLocalizedString>

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace C360
{

WorklistPanel::WorklistPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new WorklistModel(this))
    , m_scope(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("WorklistPanel"));
    m_model->setHeaderTitles({i18nc("@title:column", "Days Left"),
                              i18nc("@title:column", "Citizen"),
                              i18nc("@title:column", "Question"),
                              i18nc("@title:column", "Assigned To"),
                              i18nc("@title:column", "Deadline")});
    m_scope->setObjectName(QStringLiteral("WorklistScope"));
    m_scope->setAccessibleName(i18nc("@label accessible", "Whose requests"));
    m_scope->addItem(i18nc("@item:inlistbox", "My requests"), false);
    m_scope->addItem(i18nc("@item:inlistbox", "My team's requests"), true);
    m_view->setObjectName(QStringLiteral("WorklistView"));
    m_view->setAccessibleName(i18nc("@label accessible", "Open requests"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new UrgencyDelegate(WorklistModel::OverdueRole, WorklistModel::DueTodayRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setAccessibleName(i18nc("@label accessible", "Worklist rows"));
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setAccessibleName(i18nc("@label accessible", "Worklist columns"));
    // The days and the date take what they need; the question what is left, never less than
    // about twenty characters (the view scrolls sideways before it squeezes it further).
    columns->setSectionResizeMode(WorklistModel::DaysLeftColumn, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(WorklistModel::DeadlineColumn, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(WorklistModel::CitizenColumn, QHeaderView::Interactive);
    columns->resizeSection(WorklistModel::CitizenColumn, m_view->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 18);
    columns->setSectionResizeMode(WorklistModel::QuestionColumn, QHeaderView::Stretch);
    columns->setMinimumSectionSize(m_view->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 6);
    m_summary->setObjectName(QStringLiteral("WorklistSummary"));
    m_empty->setObjectName(QStringLiteral("WorklistEmptyHint"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->setAccessibleName(i18nc("@label accessible", "Open requests"));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scope);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_summary);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &WorklistPanel::scopeChanged);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.data(WorklistModel::CitizenIdRole).toLongLong(), index.data(WorklistModel::RequestIdRole).toLongLong());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &WorklistPanel::updateSummary);
    updateSummary();
}

bool WorklistPanel::includesTeam() const
{
    return m_scope->currentData().toBool();
}

void WorklistPanel::updateSummary()
{
    const int open = m_model->rowCount();
    const int overdue = m_model->overdueCount();
    const bool team = includesTeam();
    // In my own list every row is mine: the column would only repeat my name.
    m_view->setColumnHidden(WorklistModel::AssigneeColumn, !team);
    if (open == 0) {
        m_empty->setText(team ? i18nc("@info", "No open requests for you or your team. New requests assigned to you or your team appear here.")
                              : i18nc("@info", "No open requests for you. Requests assigned to you appear here; your team's are under “My team's requests”."));
        m_stack->setCurrentWidget(m_empty);
        m_summary->clear();
        return;
    }
    m_stack->setCurrentWidget(m_view);
    QString text = i18ncp("@info", "%1 open request", "%1 open requests", open);
    if (overdue > 0) {
        text += QStringLiteral(" · ") + i18ncp("@info", "%1 overdue", "%1 overdue", overdue);
    }
    m_summary->setText(text);
}

} // namespace C360
