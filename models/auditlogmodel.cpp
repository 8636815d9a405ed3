// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "auditlogmodel.h"

#include <KLocalizedString>

#include <QColor>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace C360
{

namespace
{
// Top-level indices carry 0 as internal id; a folded row carries its parent's position + 1.
constexpr quintptr TopLevel = 0;

qint64 searchOf(const AuditEntry &entry)
{
    return qint64(QJsonDocument::fromJson(entry.details.toUtf8()).object().value(QStringLiteral("search")).toDouble());
}
} // namespace

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void AuditLogModel::setRows(const QList<AuditRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_top.clear();
    m_children.clear();
    QHash<qint64, int> searches; // sequence of a search → its top-level position
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).entry.action == AuditAction::Search) {
            searches.insert(m_rows.at(i).entry.sequence, int(m_top.size()));
        }
        if (m_rows.at(i).entry.action != AuditAction::SearchResultShown) {
            m_top.append(i);
        }
    }
    m_children.resize(m_top.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        const AuditEntry &e = m_rows.at(i).entry;
        if (e.action != AuditAction::SearchResultShown) {
            continue;
        }
        const auto search = searches.constFind(searchOf(e));
        if (search != searches.cend()) {
            m_children[*search].append(i);
        } else {
            // Its search is not among the rows (filtered out): shown on its own.
            m_top.append(i);
            m_children.append(QList<int>());
        }
    }
    endResetModel();
}

void AuditLogModel::setRevealed(qint64 citizenId, const QString &formatted)
{
    m_revealed.insert(citizenId, formatted);
    for (int top = 0; top < m_top.size(); ++top) {
        if (m_rows.at(m_top.at(top)).entry.subjectCitizenId == citizenId) {
            const QModelIndex cell = index(top, CitizenColumn);
            Q_EMIT dataChanged(cell, cell);
        }
        const QModelIndex parent = index(top, 0);
        for (int child = 0; child < m_children.at(top).size(); ++child) {
            if (m_rows.at(m_children.at(top).at(child)).entry.subjectCitizenId == citizenId) {
                const QModelIndex cell = index(child, CitizenColumn, parent);
                Q_EMIT dataChanged(cell, cell);
            }
        }
    }
}

const AuditRow *AuditLogModel::rowAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    if (index.internalId() == TopLevel) {
        return index.row() < m_top.size() ? &m_rows.at(m_top.at(index.row())) : nullptr;
    }
    const int parent = int(index.internalId() - 1);
    if (parent >= m_children.size() || index.row() >= m_children.at(parent).size()) {
        return nullptr;
    }
    return &m_rows.at(m_children.at(parent).at(index.row()));
}

int AuditLogModel::flaggedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const AuditRow &row) {
        return !row.anomalies.isEmpty();
    }));
}

QString AuditLogModel::purposeName(const AuditEntry &e) const
{
    if (e.purposeCode.isEmpty()) {
        return e.purposeText;
    }
    if (e.purposeCode == QLatin1String("other") && !e.purposeText.isEmpty()) {
        return e.purposeText;
    }
    return m_purposeNames.value(e.purposeCode, i18nc("@item purpose without a name in this version", "Other purpose"));
}

QModelIndex AuditLogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_top.size() ? createIndex(row, column, TopLevel) : QModelIndex();
    }
    if (parent.internalId() != TopLevel || parent.row() >= m_children.size() || row >= m_children.at(parent.row()).size()) {
        return {};
    }
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex AuditLogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TopLevel) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, TopLevel);
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_top.size());
    }
    if (parent.column() != 0 || parent.internalId() != TopLevel || parent.row() >= m_children.size()) {
        return 0;
    }
    return int(m_children.at(parent.row()).size());
}

int AuditLogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const AuditRow *found = rowAt(index);
    if (!found) {
        return {};
    }
    const AuditRow &row = *found;
    const AuditEntry &e = row.entry;
    switch (role) {
    case FlaggedRole:
        return !row.anomalies.isEmpty();
    case SequenceRole:
        return e.sequence;
    case CitizenIdRole:
        return e.subjectCitizenId;
    default:
        break;
    }
    QStringList reasons;
    for (const AuditAnomaly &a : row.anomalies) {
        reasons.append(a.reason);
    }
    const int shown = index.internalId() == TopLevel ? int(m_children.at(index.row()).size()) : 0;
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
            if (e.action == AuditAction::Search && shown > 0) {
                return i18ncp("@item audit action; %1 citizens", "Search (%1 citizen shown)", "Search (%1 citizens shown)", shown);
            }
            return auditActionName(e.action);
        case CitizenColumn:
            if (!e.subjectCitizenId) {
                return {};
            }
            if (const auto revealed = m_revealed.constFind(e.subjectCitizenId); revealed != m_revealed.cend()) {
                return *revealed;
            }
            return !row.maskedCitizen.isEmpty() ? row.maskedCitizen : i18nc("@item a citizen no longer in the store", "(removed)");
        case PurposeColumn:
            return purposeName(e);
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
            return e.purposeText.isEmpty() || e.purposeCode == QLatin1String("other") ? purposeName(e) : purposeName(e) + QStringLiteral(": ") + e.purposeText;
        }
        if (index.column() == TimeColumn) {
            return e.time.toUTC().toString(Qt::ISODateWithMs);
        }
        if (index.column() == CitizenColumn && e.subjectCitizenId && row.maskedCitizen.isEmpty()) {
            return i18nc("@info:tooltip", "This citizen is no longer in the store.");
        }
        return {};
    }
    if (role == Qt::DecorationRole && index.column() == FlagsColumn && !reasons.isEmpty()) {
        return QIcon::fromTheme(QStringLiteral("dialog-warning"), QIcon(QStringLiteral(":/icons/dialog-warning.svg")));
    }
    if (role == Qt::BackgroundRole && !reasons.isEmpty()) {
        // A translucent red: it tints light and dark palettes alike, and the text keeps its colour.
        return QColor(0xda, 0x44, 0x53, 56);
    }
    if (role == Qt::AccessibleTextRole && index.column() == FlagsColumn) {
        return reasons.isEmpty() ? i18nc("@info accessible", "Not flagged") : reasons.join(QLatin1Char(' '));
    }
    if (role == Qt::TextAlignmentRole && index.column() == SequenceColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractItemModel::headerData(section, orientation, role);
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
