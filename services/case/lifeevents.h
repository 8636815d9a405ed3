// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace C360
{

// A moment in a citizen's life that calls for a product of the municipality, told by the birth
// date alone (the store holds no documents):
//  - under 12: the Kids-ID, needed to travel abroad;
//  - around the 12th birthday: the Kids-ID ends then, and the first electronic identity card is due;
//  - from three months before the 17th birthday until the 18th: the learner's driving licence;
//  - around the 18th birthday: the identity card made at 12 is valid for six years, so it expires.
// "Around" is from three months before the birthday until one month after it.
struct LifeEvent
{
    enum class Kind { KidsId, FirstIdentityCard, LearnerLicence, IdentityCardExpires };
    Kind kind;
    QDate date; // the birthday it turns on
    QString reason; // translated, for the staff member
    QString query; // the catalogue search that finds the product (its Dutch name)
};

// The life events of someone born on birthDate, as of today; none for an invalid birth date.
QList<LifeEvent> lifeEvents(const QDate &birthDate, const QDate &today);

} // namespace C360
