// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "auditentry.h"

#include <QAbstractTableModel>
#include <QHash>

namespace C360
{

// The rows of the supervisor's audit window: one audit entry per row, its anomaly flags in the
// last column (a warning icon, the reasons as text and tooltip).
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SequenceColumn,
        TimeColumn,
        StaffColumn,
        RoleColumn,
        WorkstationColumn,
        ActionColumn,
        CitizenColumn,
        PurposeColumn,
        OutcomeColumn,
        FlagsColumn,
        ColumnCount
    };
    enum Role {
        FlaggedRole = Qt::UserRole + 1, // bool
        SequenceRole, // qint64
    };

    explicit AuditLogModel(QObject *parent = nullptr);

    void setRows(const QList<AuditRow> &rows);
    // What to show for a purpose code without words of the staff member's own (translated).
    void setPurposeNames(const QHash<QString, QString> &names) { m_purposeNames = names; }
    const QList<AuditRow> &rows() const { return m_rows; }
    int flaggedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditRow> m_rows;
    QHash<QString, QString> m_purposeNames;
};

} // namespace C360
