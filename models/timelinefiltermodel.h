// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "common.h"

#include <QDate>
#include <QSet>
#include <QSortFilterProxyModel>

namespace C360
{

// Filters a TimelineModel by kind, status, period and text (accents and case ignored). A request
// stays when one of its supplements matches the text; its other supplements stay with it.
class TimelineFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Status { Any, Open, Closed };

    explicit TimelineFilterModel(QObject *parent = nullptr);

    // Empty: every kind.
    void setKinds(const QSet<ItemKind> &kinds);
    void setStatus(Status status);
    // Invalid dates leave that end open; both ends are included.
    void setPeriod(const QDate &from, const QDate &to);
    void setText(const QString &text);
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matchesText(const QModelIndex &index) const;
    QSet<ItemKind> m_kinds;
    Status m_status = Status::Any;
    QDate m_from;
    QDate m_to;
    QStringList m_words; // folded
};

} // namespace C360
