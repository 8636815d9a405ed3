// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "syncpanel.h"

#include "syncstatusmodel.h"

#include <KLocalizedString>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace C360
{

SyncPanel::SyncPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_syncNow(new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:button", "Synchronise Now"), this))
    , m_confirm(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-delete")), i18nc("@action:button", "Confirm Deletions…"), this))
    , m_hint(new QLabel(this))
    , m_outbox(new QLabel(this))
{
    setObjectName(QStringLiteral("SyncPanel"));
    m_view->setObjectName(QStringLiteral("SyncStatusView"));
    m_view->setAccessibleName(i18nc("@label accessible", "Synchronisation status per server"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setAccessibleName(i18nc("@label accessible", "Row headers"));
    m_view->horizontalHeader()->setAccessibleName(i18nc("@label accessible", "Column headers"));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_syncNow->setObjectName(QStringLiteral("SyncNowButton"));
    m_syncNow->setAccessibleName(i18nc("@label accessible", "Synchronise now"));
    m_hint->setText(i18nc("@info", "Work goes on while the servers are away: what you register is kept here and sent when they answer again."));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_outbox->setObjectName(QStringLiteral("OutboxSummary"));
    m_outbox->setWordWrap(true);
    m_outbox->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_outbox->setAccessibleName(i18nc("@label accessible", "Changes waiting to be sent"));
    m_outbox->hide();

    m_confirm->setObjectName(QStringLiteral("ConfirmDeletionsButton"));
    m_confirm->setToolTip(i18nc("@info:tooltip",
                                "The selected server's last synchronisation found many records gone and removed none of them. Confirm that they were "
                                "really removed there, and the next synchronisation removes them here too."));
    m_confirm->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_syncNow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_outbox);
    layout->addLayout(buttons);
    connect(m_syncNow, &QPushButton::clicked, this, &SyncPanel::syncNowRequested);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid() && current.data(SyncStatusModel::ConfirmableRole).toBool()) {
            Q_EMIT confirmDeletionsRequested(current.data(SyncStatusModel::SourceIdRole).toString(), current.data(SyncStatusModel::ResourceIdRole).toString());
        }
    });
}

void SyncPanel::setMayConfirmDeletions(bool may)
{
    m_mayConfirm = may;
    updateConfirm();
}

void SyncPanel::updateConfirm()
{
    const QModelIndex current = m_view->currentIndex();
    // Shown to an administrator while some row waits for a decision; usable on that row.
    bool waiting = false;
    if (m_view->model()) {
        for (int r = 0; r < m_view->model()->rowCount(); ++r) {
            waiting = waiting || m_view->model()->index(r, 0).data(SyncStatusModel::ConfirmableRole).toBool();
        }
    }
    m_confirm->setVisible(m_mayConfirm && waiting);
    m_confirm->setEnabled(current.isValid() && current.data(SyncStatusModel::ConfirmableRole).toBool());
}

void SyncPanel::setOutboxSummary(const QString &text, const QString &details, bool attention)
{
    m_outbox->setText(details.isEmpty() ? text : text + QLatin1Char('\n') + details);
    m_outbox->setToolTip(details);
    m_outbox->setAccessibleDescription(details);
    m_outbox->setForegroundRole(attention ? QPalette::Link : QPalette::WindowText);
    m_outbox->setVisible(!text.isEmpty());
}

void SyncPanel::setModel(SyncStatusModel *model)
{
    model->setHeaderTitles({i18nc("@title:column", "Server"),
                            i18nc("@title:column", "Data"),
                            i18nc("@title:column", "State"),
                            i18nc("@title:column", "Last Synchronised"),
                            i18nc("@title:column new, changed, removed records", "Changes"),
                            i18nc("@title:column", "Message")});
    model->setStateNames({i18nc("@item sync state", "waiting"),
                          i18nc("@item sync state", "synchronising"),
                          i18nc("@item sync state", "up to date"),
                          i18nc("@item sync state", "failed"),
                          i18nc("@item sync state", "needs a decision")});
    m_view->setModel(model);
    m_view->resizeColumnsToContents();
    connect(model, &QAbstractItemModel::dataChanged, this, &SyncPanel::updateConfirm);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SyncPanel::updateConfirm);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &SyncPanel::updateConfirm);
    updateConfirm();
}

} // namespace C360
