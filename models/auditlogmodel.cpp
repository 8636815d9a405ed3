// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "auditlogmodel.h"

#include <KLocalizedString>

#include <QIcon>
#include <QLocale>

namespace C360
{

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditLogModel::setRows(const QList<AuditRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AuditLogModel::flaggedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const AuditRow &row) {
        return !row.anomalies.isEmpty();
    }));
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const AuditRow &row = m_rows.at(index.row());
    const AuditEntry &e = row.entry;
    if (role == FlaggedRole) {
        return !row.anomalies.isEmpty();
    }
    if (role == SequenceRole) {
        return e.sequence;
    }
    QStringList reasons;
    for (const AuditAnomaly &a : row.anomalies) {
        reasons.append(a.reason);
    }
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case SequenceColumn:
            return e.sequence;
        case TimeColumn:
            return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
        case StaffColumn:
            return e.actor;
        case RoleColumn:
            return roleName(e.role);
        case WorkstationColumn:
            return e.workstation;
        case ActionColumn:
            return auditActionName(e.action);
        case CitizenColumn:
            return e.subjectCitizenId ? QVariant(e.subjectCitizenId) : QVariant();
        case PurposeColumn:
            return !e.purposeText.isEmpty() ? e.purposeText : m_purposeNames.value(e.purposeCode, e.purposeCode);
        case OutcomeColumn:
            return auditOutcomeName(e.outcome);
        case FlagsColumn:
            return reasons.join(QLatin1Char(' '));
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == FlagsColumn && !reasons.isEmpty()) {
            return reasons.join(QLatin1Char('\n'));
        }
        if (index.column() == PurposeColumn) {
            return e.purposeCode;
        }
        if (index.column() == TimeColumn) {
            return e.time.toUTC().toString(Qt::ISODateWithMs);
        }
        return {};
    }
    if (role == Qt::DecorationRole && index.column() == FlagsColumn && !reasons.isEmpty()) {
        return QIcon::fromTheme(QStringLiteral("dialog-warning"), QIcon(QStringLiteral(":/icons/dialog-warning.svg")));
    }
    if (role == Qt::AccessibleTextRole && index.column() == FlagsColumn) {
        return reasons.isEmpty() ? i18nc("@info accessible", "Not flagged") : reasons.join(QLatin1Char(' '));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == SequenceColumn || index.column() == CitizenColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case SequenceColumn:
        return i18nc("@title:column audit entry number", "Entry");
    case TimeColumn:
        return i18nc("@title:column", "When");
    case StaffColumn:
        return i18nc("@title:column", "Staff member");
    case RoleColumn:
        return i18nc("@title:column", "Role");
    case WorkstationColumn:
        return i18nc("@title:column", "Workstation");
    case ActionColumn:
        return i18nc("@title:column", "Action");
    case CitizenColumn:
        return i18nc("@title:column", "Citizen");
    case PurposeColumn:
        return i18nc("@title:column", "Purpose");
    case OutcomeColumn:
        return i18nc("@title:column", "Outcome");
    case FlagsColumn:
        return i18nc("@title:column", "Flags");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace C360
