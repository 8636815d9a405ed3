// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common.h"

#include <QStringList>

namespace C360
{

QString Address::singleLine() const
{
    QString streetPart = street;
    if (!number.isEmpty()) {
        streetPart += QLatin1Char(' ') + number;
    }
    if (!box.isEmpty()) {
        // "bus" is how Belgian addresses write a box number in every language region's postal format.
        streetPart += QLatin1String(" bus ") + box;
    }
    QString place = postcode;
    if (!municipality.isEmpty()) {
        place += (place.isEmpty() ? QString() : QStringLiteral(" ")) + municipality;
    }
    QStringList parts;
    for (const QString &p : {streetPart.trimmed(), place.trimmed()}) {
        if (!p.isEmpty()) {
            parts.append(p);
        }
    }
    return parts.join(QLatin1String(", "));
}

} // namespace C360
