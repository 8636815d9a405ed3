// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/lifeevents.h"

#include <KLocalizedString>

#include <QLocale>

namespace C360
{

namespace
{
constexpr int DaysBefore = 90;
constexpr int DaysAfter = 30;

bool around(const QDate &day, const QDate &today)
{
    return today >= day.addDays(-DaysBefore) && today <= day.addDays(DaysAfter);
}

QString dateText(const QDate &date)
{
    return QLocale().toString(date, QLocale::LongFormat);
}
} // namespace

QList<LifeEvent> lifeEvents(const QDate &birthDate, const QDate &today)
{
    QList<LifeEvent> events;
    if (!birthDate.isValid() || !today.isValid() || birthDate > today) {
        return events;
    }
    // QDate::addYears takes 29 February to 28 February in other years.
    const QDate twelve = birthDate.addYears(12);
    const QDate seventeen = birthDate.addYears(17);
    const QDate eighteen = birthDate.addYears(18);
    const QString elektronischeIdentiteitskaart = QStringLiteral("elektronische identiteitskaart");
    if (around(twelve, today)) {
        events.append(
            {LifeEvent::Kind::FirstIdentityCard,
             twelve,
             today < twelve
                 ? i18nc("@info life event; %1 a date", "Turns 12 on %1: the Kids-ID ends then, and the first identity card is due.", dateText(twelve))
                 : i18nc("@info life event; %1 a date", "Turned 12 on %1: the Kids-ID has ended, and the first identity card is due.", dateText(twelve)),
             elektronischeIdentiteitskaart});
    } else if (today < twelve) {
        events.append(
            {LifeEvent::Kind::KidsId, twelve, i18nc("@info life event", "Under 12: a Kids-ID is needed to travel abroad."), QStringLiteral("kids-id")});
    }
    if (today >= seventeen.addDays(-DaysBefore) && today < eighteen) {
        events.append(
            {LifeEvent::Kind::LearnerLicence,
             seventeen,
             today < seventeen
                 ? i18nc("@info life event; %1 a date", "Turns 17 on %1: from then on, a learner's driving licence can be applied for.", dateText(seventeen))
                 : i18nc("@info life event", "Is 17: a learner's driving licence can be applied for."),
             QStringLiteral("voorlopig rijbewijs")});
    }
    if (around(eighteen, today)) {
        events.append({LifeEvent::Kind::IdentityCardExpires,
                       eighteen,
                       today < eighteen ? i18nc("@info life event; %1 a date",
                                                "Turns 18 on %1: an identity card made at 12 is valid for six years and expires around then.",
                                                dateText(eighteen))
                                        : i18nc("@info life event; %1 a date",
                                                "Turned 18 on %1: an identity card made at 12 was valid for six years and expires around now.",
                                                dateText(eighteen)),
                       elektronischeIdentiteitskaart});
    }
    return events;
}

} // namespace C360
