// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "worklistpanel.h"

#include "worklistmodel.h"

#include <KLocalizedString>

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
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
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setAccessibleName(i18nc("@label accessible", "Worklist rows"));
    m_view->horizontalHeader()->setAccessibleName(i18nc("@label accessible", "Worklist columns"));
    m_view->horizontalHeader()->setSectionResizeMode(WorklistModel::QuestionColumn, QHeaderView::Stretch);
    m_summary->setObjectName(QStringLiteral("WorklistSummary"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scope);
    layout->addWidget(m_view, 1);
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
    QString text = i18ncp("@info", "%1 open request", "%1 open requests", open);
    if (overdue > 0) {
        text += QStringLiteral(" · ") + i18ncp("@info", "%1 overdue", "%1 overdue", overdue);
    }
    m_summary->setText(text);
}

} // namespace C360
