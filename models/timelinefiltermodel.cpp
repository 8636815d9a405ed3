// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "timelinefiltermodel.h"

#include "searchtext.h"
#include "timelinemodel.h"

namespace C360
{

TimelineFilterModel::TimelineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void TimelineFilterModel::setKinds(const QSet<ItemKind> &kinds)
{
    m_kinds = kinds;
    invalidateFilter();
}

void TimelineFilterModel::setStatus(Status status)
{
    m_status = status;
    invalidateFilter();
}

void TimelineFilterModel::setPeriod(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
    invalidateFilter();
}

void TimelineFilterModel::setText(const QString &text)
{
    m_words = SearchText::fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool TimelineFilterModel::isFiltering() const
{
    return !m_kinds.isEmpty() || m_status != Status::Any || m_from.isValid() || m_to.isValid() || !m_words.isEmpty();
}

bool TimelineFilterModel::matchesText(const QModelIndex &index) const
{
    if (m_words.isEmpty()) {
        return true;
    }
    const QString text =
        index.siblingAtColumn(TimelineModel::TitleColumn).data().toString() + QLatin1Char(' ') + index.data(TimelineModel::TextRole).toString();
    const QString haystack = SearchText::fold(text);
    return std::all_of(m_words.cbegin(), m_words.cend(), [&haystack](const QString &word) {
        return haystack.contains(word);
    });
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (sourceParent.isValid()) {
        // A supplement goes with its request (which was accepted to get here).
        return true;
    }
    const auto kind = ItemKind(index.data(TimelineModel::KindRole).toInt());
    if (!m_kinds.isEmpty() && !m_kinds.contains(kind)) {
        return false;
    }
    if (m_status != Status::Any) {
        if (kind != ItemKind::Report && kind != ItemKind::Request && kind != ItemKind::Case) {
            return false; // contacts and catalogue entries have no open or closed
        }
        if (index.data(TimelineModel::OpenRole).toBool() != (m_status == Status::Open)) {
            return false;
        }
    }
    const QDate day = index.data(TimelineModel::TimeRole).toDateTime().toLocalTime().date();
    if ((m_from.isValid() && day < m_from) || (m_to.isValid() && day > m_to)) {
        return false;
    }
    if (matchesText(index)) {
        return true;
    }
    const int children = sourceModel()->rowCount(index);
    for (int i = 0; i < children; ++i) {
        if (matchesText(sourceModel()->index(i, 0, index))) {
            return true;
        }
    }
    return false;
}

} // namespace C360
