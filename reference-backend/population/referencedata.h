// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace C360::Ref
{
class Rng;

enum class Profile { Flanders, Netherlands };

struct GivenName
{
    QString name;
    char sex = 'F';
    int decade = 1980;
};

struct Municipality
{
    QString name;
    QString postcode; // Belgian: 4 digits; Dutch: the 4 digits, letters are generated
    quint32 inhabitants = 0;
    double latitude = 0;
    double longitude = 0;
};

// The facts a realistic synthetic population is drawn from: names by generation, family names by
// frequency, street names, municipalities by population with their postcode and position. The
// Flemish set comes from the data files in reference-backend/data (see SOURCES.md there).
class ReferenceData
{
public:
    static const ReferenceData &forProfile(Profile profile);

    const GivenName &givenName(Rng &rng, char sex, int birthYear) const;
    // Frequent names more often (Zipf-like by rank), as in a real population.
    const QString &familyName(Rng &rng) const;
    const QString &street(Rng &rng) const;
    // Weighted by inhabitants.
    const Municipality &municipality(Rng &rng) const;

    QList<GivenName> givenNames;
    QStringList familyNames;
    QStringList streets;
    QList<Municipality> municipalities;
    QStringList emailDomains;
    QString countryCode; // "BE", "NL"
    QString phoneCountry; // "32", "31"

private:
    void finish();
    QList<double> m_familyWeights; // cumulative
    QList<double> m_streetWeights;
    QList<quint64> m_inhabitants; // cumulative
};

} // namespace C360::Ref
