// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "worklistmodel.h"

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
    return item.deadline.isValid() ? m_now.toLocalTime().date().daysTo(item.deadline.toLocalTime().date()) : 0;
}

void WorklistModel::setItems(const QList<WorklistItem> &items, const QDateTime &now)
{
    beginResetModel();
    m_now = now;
    m_items = items;
    std::stable_sort(m_items.begin(), m_items.end(), [](const WorklistItem &a, const WorklistItem &b) {
        if (a.deadline.isValid() != b.deadline.isValid()) {
            return a.deadline.isValid();
        }
        return a.deadline.isValid() ? a.deadline < b.deadline : a.created < b.created;
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
        return item.deadline.isValid() && daysLeft(item) < 0;
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
    const bool overdue = item.deadline.isValid() && daysLeft(item) < 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DaysLeftColumn:
            return item.deadline.isValid() ? QVariant(daysLeft(item)) : QVariant(QString());
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
    case Qt::FontRole:
        if (overdue) {
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
        return item.deadline.isValid() ? QVariant(daysLeft(item)) : QVariant();
    case OverdueRole:
        return overdue;
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
