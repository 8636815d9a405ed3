// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "auditentry.h"

#include <QAbstractItemModel>
#include <QHash>

namespace C360
{

// The rows of the supervisor's audit window: one audit entry per row, its anomaly flags in the
// last column (a warning icon, the reasons as text and tooltip, the row tinted). The citizens a
// search showed are folded under that search (when it is among the rows), so that one search is
// one row until it is opened. The citizen is shown by their masked number, or the whole number
// once revealed (an audited act of the window).
class AuditLogModel : public QAbstractItemModel
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
        CitizenIdRole, // qint64, 0 for none
    };

    explicit AuditLogModel(QObject *parent = nullptr);

    void setRows(const QList<AuditRow> &rows);
    // The words for purpose codes (translated); a code without words shows as "Other purpose".
    void setPurposeNames(const QHash<QString, QString> &names) { m_purposeNames = names; }
    // Shows citizenId's whole number (formatted) in place of the masked one.
    void setRevealed(qint64 citizenId, const QString &formatted);
    // Every row, in the order given (the children after nothing: rows() is what was read).
    const QList<AuditRow> &rows() const { return m_rows; }
    // The entry at index (a top row or a folded one).
    const AuditRow *rowAt(const QModelIndex &index) const;
    int flaggedCount() const;
    // The purpose as words: the staff member's own for "other", else the code's name.
    QString purposeName(const AuditEntry &entry) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditRow> m_rows;
    QList<int> m_top; // rows shown at the top level, as indices into m_rows
    QList<QList<int>> m_children; // per top-level position: the rows folded under it
    QHash<QString, QString> m_purposeNames;
    QHash<qint64, QString> m_revealed;
};

} // namespace C360
