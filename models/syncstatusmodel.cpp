// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "syncstatusmodel.h"

#include <QLocale>

namespace C360
{

SyncStatusModel::SyncStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SyncStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SyncStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SyncStatusRow &r = m_rows.at(index.row());
    switch (role) {
    case StateRole:
        return int(r.state);
    case SourceIdRole:
        return r.source;
    case ResourceIdRole:
        return r.resource;
    case LastSuccessRole:
        return r.lastSuccess;
    case ConfirmableRole:
        return r.confirmable;
    case Qt::ToolTipRole:
        return r.message;
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn:
            return r.sourceName.isEmpty() ? r.source : r.sourceName;
        case ResourceColumn:
            return r.resourceName.isEmpty() ? r.resource : r.resourceName;
        case StateColumn:
            return m_stateNames.value(int(r.state));
        case LastSuccessColumn:
            return r.lastSuccess.isValid() ? QLocale().toString(r.lastSuccess.toLocalTime(), QLocale::ShortFormat) : QString();
        case ChangesColumn:
            return QStringLiteral("+%1 ~%2 −%3").arg(r.inserted).arg(r.updated).arg(r.deleted);
        case MessageColumn:
            return r.message;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SyncStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) {
        return {};
    }
    return m_headers.value(section);
}

void SyncStatusModel::upsert(const SyncStatusRow &row)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).source == row.source && m_rows.at(i).resource == row.resource) {
            if (m_rows.at(i) != row) {
                m_rows[i] = row;
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
            }
            return;
        }
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(row);
    endInsertRows();
}

std::optional<SyncStatusRow> SyncStatusModel::find(const QString &source, const QString &resource) const
{
    for (const SyncStatusRow &r : m_rows) {
        if (r.source == source && r.resource == resource) {
            return r;
        }
    }
    return std::nullopt;
}

bool SyncStatusModel::anyRunning() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const SyncStatusRow &r) {
        return r.state == SyncStatusRow::State::Running;
    });
}

bool SyncStatusModel::anyFailed() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const SyncStatusRow &r) {
        return r.state == SyncStatusRow::State::Failed || r.state == SyncStatusRow::State::Attention;
    });
}

} // namespace C360
