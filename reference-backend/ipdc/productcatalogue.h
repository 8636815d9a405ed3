// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "population/referencedata.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <vector>

namespace C360::Ref
{

// A text per BCP 47 language tag (nl, nl-BE-x-formal, nl-BE-x-informal, fr, de, en), in that order.
using LanguageMap = QList<std::pair<QString, QString>>;

// One version of one product, resolved to everything the IPDC feed publishes about it (a
// ConceptSnapshot: names, texts, codes, dates).
struct ProductSnapshot
{
    quint32 product = 0;
    quint32 version = 0; // 0 for the first published version
    QString productNumber;
    QUuid conceptId; // the product (isVersionOf)
    QUuid snapshotId; // this version
    QDateTime created;
    QDateTime modified;
    QDateTime generated;

    QString type;
    QStringList themes;
    QStringList audiences;
    QStringList competentLevels;
    QStringList executingLevels;
    QStringList keywords; // Dutch; LPDC processes only those
    bool yourEurope = false;
    bool financialAdvantage = false;
    double amount = 0; // EUR: the price, or the premium for a financial advantage

    LanguageMap name;
    LanguageMap description;
    LanguageMap additionalDescription; // may be empty
    LanguageMap requirementName;
    LanguageMap requirement;
    LanguageMap evidenceName;
    LanguageMap evidence;
    LanguageMap procedureName;
    LanguageMap procedure;
    QString procedureUrl; // may be empty
    LanguageMap procedureSite;
    LanguageMap costName;
    LanguageMap cost;
    LanguageMap advantageName; // empty unless financialAdvantage
    LanguageMap advantage;
    QString websiteUrl;
    LanguageMap websiteName;
    QString regulationUrl; // may be empty
};

// The Flemish product catalogue (IPDC) of the synthetic municipality: about 300 products built from a
// hand-written list of base products and their variants, each published in several versions over
// time, plus the versions published at run time. Same seed, same catalogue; small enough to keep the
// version timeline in memory, while the texts are generated on demand.
class ProductCatalogue
{
public:
    // Versions are published over the years before referenceTime (the data set's), run-time
    // changes after it.
    ProductCatalogue(quint64 seed, Profile profile, const QDateTime &referenceTime);
    QDateTime referenceTime() const { return m_referenceTime; }
    ~ProductCatalogue();

    // Distinct products (what a complete sync ends up with).
    qint64 count() const;
    // Publishes a new version of n distinct products, after everything published before;
    // deterministic in the seed and the number of changes before. Returns their product numbers.
    QStringList change(int n);

    // The versions in publication order (the order of the event stream), oldest first.
    qint64 versionCount() const { return qint64(m_versions.size()); }
    ProductSnapshot snapshot(qint64 position) const;
    QDateTime generatedAt(qint64 position) const;
    quint32 productAt(qint64 position) const { return m_versions[std::size_t(position)].product; }

    QString productNumber(quint32 product) const;
    QUuid conceptUuid(quint32 product) const;
    // How many versions of the product are published.
    quint32 versionsOf(quint32 product) const { return m_published[product]; }

    // The informal ("je") register of a formal ("u") Dutch text, as IPDC generates it.
    static QString informalDutch(const QString &formal);

private:
    struct Definition;
    struct Version
    {
        quint32 product;
        quint32 version;
        qint64 generatedMs; // since the epoch, UTC
    };

    quint64 m_seed;
    Profile m_profile;
    QDateTime m_referenceTime;
    std::vector<Definition> m_definitions;
    std::vector<Version> m_versions;
    std::vector<quint32> m_published; // versions per product
    std::vector<qint64> m_createdMs; // per product
    quint64 m_changes = 0;
};

} // namespace C360::Ref
