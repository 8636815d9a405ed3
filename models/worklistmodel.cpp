// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "worklistmodel.h"

#include <KLocalizedString>

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace C360
{

WorklistModel::WorklistModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

qint64 WorklistModel::daysLeft(const WorklistItem &item) const
{
    return item.due().isValid() ? m_now.toLocalTime().date().daysTo(item.due().toLocalTime().date()) : 0;
}

void WorklistModel::setItems(const QList<WorklistItem> &items, const QDateTime &now)
{
    beginResetModel();
    m_now = now;
    m_items = items;
    std::stable_sort(m_items.begin(), m_items.end(), [](const WorklistItem &a, const WorklistItem &b) {
        // The most urgent first: by deadline, or by deletion where that comes first.
        if (a.due().isValid() != b.due().isValid()) {
            return a.due().isValid();
        }
        return a.due().isValid() && a.due() != b.due() ? a.due() < b.due() : a.created < b.created;
    });
    endResetModel();
}

void WorklistModel::setHeaderTitles(const QStringList &titles)
{
    m_headers = titles;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int WorklistModel::overdueCount() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(), [this](const WorklistItem &item) {
        return item.due().isValid() && daysLeft(item) < 0;
    }));
}

int WorklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int WorklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const WorklistItem &item = m_items.at(index.row());
    const bool overdue = item.due().isValid() && daysLeft(item) < 0;
    const bool dueToday = item.due().isValid() && daysLeft(item) == 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DaysLeftColumn:
            return item.due().isValid() ? QVariant(daysLeft(item)) : QVariant(QString());
        case CitizenColumn:
            return item.citizenName;
        case QuestionColumn:
            return item.question.section(QLatin1Char('\n'), 0, 0).left(160);
        case AssigneeColumn:
            return item.assignee.name;
        case DeadlineColumn:
            return item.deadline.isValid() ? QLocale().toString(item.deadline.toLocalTime().date(), QLocale::ShortFormat) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DaysLeftColumn && item.due().isValid()) {
            const QString day = QLocale().toString(item.due().toLocalTime().date(), QLocale::LongFormat);
            return item.due() == item.deadline ? i18nc("@info:tooltip", "Deadline: %1", day)
                                               : i18nc("@info:tooltip", "Deleted on %1 (the end of its retention period)", day);
        }
        if (index.column() == QuestionColumn) {
            return item.question.left(1000); // the whole question where the column cuts it
        }
        if (index.column() == CitizenColumn || index.column() == AssigneeColumn) {
            return index.data(Qt::DisplayRole);
        }
        return {};
    case Qt::FontRole:
        if (overdue || dueToday) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == DaysLeftColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case RequestIdRole:
        return item.requestId;
    case CitizenIdRole:
        return item.citizenId;
    case DaysLeftRole:
        return item.due().isValid() ? QVariant(daysLeft(item)) : QVariant();
    case OverdueRole:
        return overdue;
    case DueTodayRole:
        return dueToday;
    }
    return {};
}

QVariant WorklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) {
        return {};
    }
    return m_headers.value(section);
}

} // namespace C360
