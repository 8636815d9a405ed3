// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "population/referencedata.h"

#include "population/rng.h"

#include <QFile>
#include <QHash>
#include <QTextStream>
#include <QVarLengthArray>

#include <algorithm>

namespace C360::Ref
{

namespace
{
QStringList readLines(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qFatal("reference data %s is missing from the resources", qPrintable(resource));
    }
    QStringList lines;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#'))) {
            lines.append(line);
        }
    }
    return lines;
}

QStringList splitCsv(const QString &line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (const QChar c : line) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char(',') && !quoted) {
            fields.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    fields.append(current);
    return fields;
}

ReferenceData loadFlanders()
{
    ReferenceData d;
    d.countryCode = QStringLiteral("BE");
    d.phoneCountry = QStringLiteral("32");
    for (const QString &line : readLines(QStringLiteral(":/refdata/flemish-given-names.txt"))) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() >= 3) {
            d.givenNames.append({f.at(0).trimmed(), f.at(1).trimmed() == QLatin1String("M") ? 'M' : 'F', f.at(2).trimmed().toInt()});
        }
    }
    for (const QString &line : readLines(QStringLiteral(":/refdata/flemish-family-names.txt"))) {
        d.familyNames.append(line.trimmed());
    }
    for (const QString &line : readLines(QStringLiteral(":/refdata/flemish-street-names.txt"))) {
        d.streets.append(line.trimmed());
    }
    QHash<QString, std::pair<double, double>> positions;
    for (const QString &line : readLines(QStringLiteral(":/refdata/belgian-postcodes-latlong.csv"))) {
        const QStringList f = splitCsv(line);
        if (f.size() >= 4 && !positions.contains(f.at(0))) {
            positions.insert(f.at(0), {f.at(3).toDouble(), f.at(2).toDouble()});
        }
    }
    const QStringList municipalities = readLines(QStringLiteral(":/refdata/belgian-municipalities-2020.csv"));
    for (qsizetype i = 1; i < municipalities.size(); ++i) {
        const QStringList f = splitCsv(municipalities.at(i));
        // The Flemish Region: the municipalities a Flemish front office serves.
        if (f.size() < 11 || f.at(7) != QLatin1String("Vlaams Gewest")) {
            continue;
        }
        const auto position = positions.value(f.at(10), {50.85, 4.35});
        d.municipalities.append({f.at(1), f.at(10), f.at(9).toUInt(), position.first, position.second});
    }
    d.emailDomains = {QStringLiteral("telenet.be"),
                      QStringLiteral("gmail.com"),
                      QStringLiteral("hotmail.com"),
                      QStringLiteral("skynet.be"),
                      QStringLiteral("outlook.be"),
                      QStringLiteral("proximus.be"),
                      QStringLiteral("icloud.com")};
    return d;
}

// A small, factual picture of the Netherlands for the strictly spec-valid "nl" profile.
ReferenceData loadNetherlands()
{
    ReferenceData d;
    d.countryCode = QStringLiteral("NL");
    d.phoneCountry = QStringLiteral("31");
    const std::pair<const char *, int> women[] = {
        {"Johanna", 1930}, {"Maria", 1940},   {"Cornelia", 1940}, {"Anna", 1950},   {"Wilhelmina", 1950}, {"Monique", 1960}, {"Petra", 1960}, {"Sandra", 1970},
        {"Linda", 1970},   {"Marieke", 1980}, {"Esther", 1980},   {"Anouk", 1990},  {"Lisa", 1990},       {"Fleur", 2000},   {"Sanne", 2000}, {"Emma", 2010},
        {"Julia", 2010},   {"Tess", 2020},    {"Nora", 2020},     {"Fatima", 1990}, {"Ayşe", 1980},       {"Zoë", 2010}};
    const std::pair<const char *, int> men[] = {{"Johannes", 1930}, {"Cornelis", 1940}, {"Hendrik", 1940}, {"Jan", 1950},   {"Pieter", 1950}, {"Gerard", 1960},
                                                {"Peter", 1960},    {"Marcel", 1970},   {"Dennis", 1970},  {"Mark", 1980},  {"Bas", 1980},    {"Thomas", 1990},
                                                {"Tim", 1990},      {"Daan", 2000},     {"Sem", 2000},     {"Lucas", 2010}, {"Finn", 2010},   {"Noah", 2020},
                                                {"Luuk", 2020},     {"Mohamed", 1990},  {"Mehmet", 1980},  {"Joël", 2000}};
    for (const auto &[name, decade] : women) {
        d.givenNames.append({QString::fromUtf8(name), 'F', decade});
    }
    for (const auto &[name, decade] : men) {
        d.givenNames.append({QString::fromUtf8(name), 'M', decade});
    }
    for (const char *name :
         {"de Jong",     "Jansen",  "de Vries",   "van den Berg",   "van Dijk",     "Bakker",        "Janssen",      "Visser",          "Smit",
          "Meijer",      "de Boer", "Mulder",     "de Groot",       "Bos",          "Vos",           "Peters",       "Hendriks",        "van Leeuwen",
          "Dekker",      "Brouwer", "de Wit",     "Dijkstra",       "Smits",        "de Graaf",      "van der Meer", "van der Linden",  "Kok",
          "Jacobs",      "de Haan", "Vermeulen",  "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",    "van der Heijden", "Schouten",
          "van Beek",    "Willems", "van Vliet",  "van de Ven",     "Hoekstra",     "Maas",          "Verhoeven",    "Koster",          "van Dam",
          "van der Wal", "Prins",   "Blom",       "Huisman",        "Yılmaz",       "El Amrani",     "Kaya",         "Nguyen",          "Şahin",
          "Boukhari",    "Doğan",   "van 't Hof", "ter Horst",      "in 't Veld"}) {
        d.familyNames.append(QString::fromUtf8(name));
    }
    for (const char *street :
         {"Kerkstraat",  "Schoolstraat",         "Molenstraat", "Dorpsstraat",  "Hoofdstraat", "Julianastraat", "Wilhelminastraat", "Beatrixstraat",
          "Stationsweg", "Nieuwstraat",          "Markt",       "Kastanjelaan", "Eikenlaan",   "Parallelweg",   "Industrieweg",     "Oranjestraat",
          "Emmastraat",  "Prins Bernhardstraat", "Sportlaan",   "Lindenlaan"}) {
        d.streets.append(QString::fromUtf8(street));
    }
    const struct
    {
        const char *name;
        const char *postcode;
        quint32 inhabitants;
        double lat;
        double lon;
    } cities[] = {
        {"Amsterdam", "1012", 918000, 52.3728, 4.8936},
        {"Rotterdam", "3011", 664000, 51.9225, 4.4792},
        {"'s-Gravenhage", "2511", 562000, 52.0705, 4.3007},
        {"Utrecht", "3511", 368000, 52.0907, 5.1214},
        {"Eindhoven", "5611", 243000, 51.4416, 5.4697},
        {"Groningen", "9711", 238000, 53.2194, 6.5665},
        {"Tilburg", "5038", 224000, 51.5555, 5.0913},
        {"Almere", "1315", 218000, 52.3508, 5.2647},
        {"Breda", "4811", 185000, 51.5719, 4.7683},
        {"Nijmegen", "6511", 179000, 51.8126, 5.8372},
        {"Zwolle", "8011", 130000, 52.5168, 6.0830},
        {"Leeuwarden", "8911", 125000, 53.2012, 5.7999},
        {"Maastricht", "6211", 121000, 50.8514, 5.6910},
        {"Dordrecht", "3311", 120000, 51.8133, 4.6901},
        {"Enschede", "7511", 160000, 52.2215, 6.8937},
    };
    for (const auto &c : cities) {
        d.municipalities.append({QString::fromUtf8(c.name), QString::fromLatin1(c.postcode), c.inhabitants, c.lat, c.lon});
    }
    d.emailDomains = {QStringLiteral("ziggo.nl"),
                      QStringLiteral("kpnmail.nl"),
                      QStringLiteral("gmail.com"),
                      QStringLiteral("hotmail.com"),
                      QStringLiteral("outlook.com"),
                      QStringLiteral("xs4all.nl")};
    return d;
}

int pickCumulative(const QList<double> &cumulative, double u)
{
    const double target = u * cumulative.constLast();
    return int(std::upper_bound(cumulative.cbegin(), cumulative.cend(), target) - cumulative.cbegin());
}
} // namespace

void ReferenceData::finish()
{
    double total = 0;
    for (qsizetype rank = 0; rank < familyNames.size(); ++rank) {
        total += 1.0 / (rank + 4.0);
        m_familyWeights.append(total);
    }
    total = 0;
    for (qsizetype rank = 0; rank < streets.size(); ++rank) {
        total += 1.0 / (rank + 3.0);
        m_streetWeights.append(total);
    }
    quint64 people = 0;
    for (const Municipality &m : municipalities) {
        people += std::max<quint32>(m.inhabitants, 1);
        m_inhabitants.append(people);
    }
}

const ReferenceData &ReferenceData::forProfile(Profile profile)
{
    static const ReferenceData flanders = [] {
        ReferenceData d = loadFlanders();
        d.finish();
        return d;
    }();
    static const ReferenceData netherlands = [] {
        ReferenceData d = loadNetherlands();
        d.finish();
        return d;
    }();
    return profile == Profile::Flanders ? flanders : netherlands;
}

const GivenName &ReferenceData::givenName(Rng &rng, char sex, int birthYear) const
{
    // Names of the person's generation, give or take a decade; any name of that sex otherwise.
    const int decade = birthYear / 10 * 10;
    QVarLengthArray<int, 32> candidates;
    for (qsizetype i = 0; i < givenNames.size(); ++i) {
        const GivenName &g = givenNames.at(i);
        if (g.sex == sex && std::abs(g.decade - decade) <= 10) {
            candidates.append(int(i));
        }
    }
    if (candidates.isEmpty()) {
        for (qsizetype i = 0; i < givenNames.size(); ++i) {
            if (givenNames.at(i).sex == sex) {
                candidates.append(int(i));
            }
        }
    }
    return givenNames.at(candidates.at(rng.bounded(quint32(candidates.size()))));
}

const QString &ReferenceData::familyName(Rng &rng) const
{
    return familyNames.at(std::min<int>(pickCumulative(m_familyWeights, rng.uniform()), int(familyNames.size()) - 1));
}

const QString &ReferenceData::street(Rng &rng) const
{
    return streets.at(std::min<int>(pickCumulative(m_streetWeights, rng.uniform()), int(streets.size()) - 1));
}

const Municipality &ReferenceData::municipality(Rng &rng) const
{
    const quint64 target = quint64(rng.uniform() * double(m_inhabitants.constLast()));
    const auto it = std::upper_bound(m_inhabitants.cbegin(), m_inhabitants.cend(), target);
    return municipalities.at(std::min<qsizetype>(it - m_inhabitants.cbegin(), municipalities.size() - 1));
}

} // namespace C360::Ref
