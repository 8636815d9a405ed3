// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDate>
#include <QDateTime>

namespace C360::Test
{

// The reference date of tests that compare the reference back end's exact content (a data set,
// the catalogue, a page): a fixed day, so that their expectations hold on any date. Tests that
// sync into a store with the real clock use the back end's default (today) instead, so that the
// retention period and the generated history line up.
inline QDate fixedReferenceDate()
{
    return QDate(2026, 11, 1);
}

inline QDateTime fixedReferenceTime()
{
    return fixedReferenceDate().startOfDay(Qt::UTC);
}

} // namespace C360::Test
