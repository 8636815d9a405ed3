// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "request.h"

#include <QAbstractTableModel>

namespace C360
{

// One open request on a worklist, with whose it is.
struct WorklistItem
{
    qint64 requestId = 0;
    qint64 citizenId = 0;
    QString citizenName;
    QString question;
    Assignee assignee;
    RequestStatus status = RequestStatus::Open;
    QDateTime created; // UTC
    QDateTime deadline; // UTC; invalid: none
    QDateTime expires; // UTC: when it is deleted
    // The deadline, or the deletion when that comes first (Request::dueOf).
    QDateTime due() const { return Request::dueOf(deadline, expires); }
    friend bool operator==(const WorklistItem &, const WorklistItem &) = default;
};

// Open requests sorted by days left (overdue first, those without a deadline last); overdue ones
// are marked (OverdueRole, bold). The view gives the header titles.
class WorklistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DaysLeftColumn, CitizenColumn, QuestionColumn, AssigneeColumn, DeadlineColumn, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, CitizenIdRole, DaysLeftRole, OverdueRole, DueTodayRole };

    explicit WorklistModel(QObject *parent = nullptr);

    void setItems(const QList<WorklistItem> &items, const QDateTime &now);
    void setHeaderTitles(const QStringList &titles);
    const QList<WorklistItem> &items() const { return m_items; }
    int overdueCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 daysLeft(const WorklistItem &item) const;
    QList<WorklistItem> m_items;
    QDateTime m_now;
    QStringList m_headers;
};

} // namespace C360
