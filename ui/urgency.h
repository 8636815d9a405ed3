// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

class QPalette;

namespace C360
{

// Colours that mark urgency, taken for the palette in use so that they stay readable on a light
// and on a dark scheme (as KDE's colour schemes have negative and neutral text).
namespace Urgency
{
// For what is overdue: a red with enough contrast to the palette's base.
QColor overdueText(const QPalette &palette);
// For what is due today: an amber of the same kind.
QColor dueTodayText(const QPalette &palette);
} // namespace Urgency

// Draws the rows whose overdueRole is true in the overdue colour, and those whose dueTodayRole is
// true in the due-today colour, of the view's palette; bold comes from the model's font.
class UrgencyDelegate : public QStyledItemDelegate
{
public:
    UrgencyDelegate(int overdueRole, int dueTodayRole, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_overdueRole;
    int m_dueTodayRole;
};

} // namespace C360
