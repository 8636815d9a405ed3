// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "urgency.h"

#include <QPalette>

namespace C360
{

namespace
{
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}
} // namespace

QColor Urgency::overdueText(const QPalette &palette)
{
    // Contrast to white 6.3:1, to Breeze Dark's base (#1b1e20) 6.7:1.
    return isDark(palette) ? QColor(0xff, 0x7b, 0x7b) : QColor(0xbf, 0x10, 0x29);
}

QColor Urgency::dueTodayText(const QPalette &palette)
{
    // Contrast to white 5.7:1, to Breeze Dark's base 10:1.
    return isDark(palette) ? QColor(0xf6, 0xc3, 0x5b) : QColor(0x9a, 0x56, 0x00);
}

UrgencyDelegate::UrgencyDelegate(int overdueRole, int dueTodayRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_overdueRole(overdueRole)
    , m_dueTodayRole(dueTodayRole)
{
}

void UrgencyDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    QColor colour;
    if (index.data(m_overdueRole).toBool()) {
        colour = Urgency::overdueText(option->palette);
    } else if (index.data(m_dueTodayRole).toBool()) {
        colour = Urgency::dueTodayText(option->palette);
    }
    if (colour.isValid()) {
        // A selected row keeps the highlight's text colour: the colour would not read on it.
        option->palette.setColor(QPalette::Text, colour);
    }
}

} // namespace C360
