// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The service definitions: per group of report types the questions a Flemish or Dutch municipal
// form asks, covering every datatype the spec knows, and one group without any (metadata false).

#include "open311/open311services.h"

#include "population/dataset.h"

namespace C360::Ref::Open311
{

namespace
{
Attribute info(const ServiceType &service)
{
    // variable = false: shown to the person reporting, not asked.
    Attribute a;
    a.variable = false;
    a.code = QStringLiteral("INFO");
    a.datatype = QStringLiteral("string");
    a.datatypeDescription = QStringLiteral("Alleen ter informatie.");
    a.order = 1;
    a.description = QStringLiteral("%1 behandelt meldingen van dit type doorgaans binnen %2 dagen. Bij direct gevaar belt u 112.")
                        .arg(agencyFor(service))
                        .arg(service.typicalDays);
    return a;
}

Attribute list(const char *code, bool multiple, bool required, int order, const QString &description, std::initializer_list<const char *> keys)
{
    Attribute a;
    a.code = QString::fromLatin1(code);
    a.datatype = multiple ? QStringLiteral("multivaluelist") : QStringLiteral("singlevaluelist");
    a.required = required;
    a.datatypeDescription = multiple ? QStringLiteral("Kies een of meer waarden.") : QStringLiteral("Kies een waarde.");
    a.order = order;
    a.description = description;
    for (const char *key : keys) {
        const QString k = QString::fromUtf8(key);
        QString name = k;
        name.replace(QLatin1Char('-'), QLatin1Char(' '));
        name[0] = name[0].toUpper();
        a.values.append({k, name});
    }
    return a;
}

Attribute plain(const char *code, const char *datatype, bool required, int order, const QString &description, const QString &datatypeDescription)
{
    Attribute a;
    a.code = QString::fromLatin1(code);
    a.datatype = QString::fromLatin1(datatype);
    a.required = required;
    a.datatypeDescription = datatypeDescription;
    a.order = order;
    a.description = description;
    return a;
}
} // namespace

QList<Attribute> attributesFor(const ServiceType &service)
{
    const QString &group = service.group;
    if (group == QLatin1String("Samenleven")) {
        return {};
    }
    QList<Attribute> attributes{info(service)};
    if (group == QLatin1String("Afval")) {
        attributes.append(list("AFVALSOORT",
                               false,
                               true,
                               2,
                               QStringLiteral("Om welk soort afval gaat het?"),
                               {"restafval", "pmd", "gft", "papier-karton", "glas", "grofvuil", "bouwafval", "ander"}));
    } else if (group == QLatin1String("Wegen")) {
        attributes.append(list("GEVAAR", false, true, 2, QStringLiteral("Is er direct gevaar voor voetgangers, fietsers of bestuurders?"), {"ja", "nee"}));
        attributes.append(
            plain("AFMETING", "number", false, 3, QStringLiteral("Hoe groot is de schade ongeveer?"), QStringLiteral("Een getal, in centimeter.")));
    } else if (group == QLatin1String("Groen")) {
        attributes.append(list("HINDER", true, true, 2, QStringLiteral("Wat wordt er gehinderd?"), {"rijweg", "fietspad", "voetpad", "zicht", "leidingen"}));
    } else if (group == QLatin1String("Water")) {
        attributes.append(list("OVERLAST", false, true, 2, QStringLiteral("Waar staat het water?"), {"straat", "kelder", "tuin"}));
        attributes.append(plain("SCHADE",
                                "text",
                                false,
                                3,
                                QStringLiteral("Is er schade aan woningen of wagens? Beschrijf ze kort."),
                                QStringLiteral("Vrije tekst, meerdere regels.")));
    } else if (group == QLatin1String("Mobiliteit")) {
        attributes.append(plain("SINDS",
                                "datetime",
                                false,
                                2,
                                QStringLiteral("Sinds wanneer stelt u het probleem vast?"),
                                QStringLiteral("Datum en tijd, bijvoorbeeld 2026-10-31T14:00:00+01:00.")));
    } else {
        attributes.append(plain("TOESTELNUMMER",
                                "string",
                                false,
                                2,
                                QStringLiteral("Het nummer op de paal of het toestel, als u het ziet."),
                                QStringLiteral("Tekst op een regel.")));
    }
    return attributes;
}

QString agencyFor(const ServiceType &service)
{
    // The teams of DataSet::actors() that handle public-space reports.
    const QString &group = service.group;
    if (group == QLatin1String("Afval")) {
        return QStringLiteral("Afvalbeheer");
    }
    if (group == QLatin1String("Groen")) {
        return QStringLiteral("Omgeving");
    }
    if (group == QLatin1String("Mobiliteit")) {
        return QStringLiteral("Mobiliteit");
    }
    if (group == QLatin1String("Samenleven")) {
        return QStringLiteral("Burgerzaken");
    }
    return QStringLiteral("Technische dienst");
}

QString serviceNoticeFor(const ServiceType &service)
{
    return QStringLiteral("%1 bekijkt uw melding en plant een oplossing binnen %2 dagen.").arg(agencyFor(service)).arg(service.typicalDays);
}

} // namespace C360::Ref::Open311
