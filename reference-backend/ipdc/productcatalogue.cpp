// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "ipdc/productcatalogue.h"

#include "ipdc/ipdcdata.h"
#include "population/dataset.h"
#include "population/rng.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace C360::Ref
{

namespace
{
// Random streams of the catalogue, apart from the data set's ("IPDC" in the high bytes).
constexpr quint64 streamCreated = 0x4950444300000001ULL;
constexpr quint64 streamVersions = 0x4950444300000002ULL;
constexpr quint64 streamConcept = 0x4950444300000003ULL;
constexpr quint64 streamSnapshot = 0x4950444300000004ULL;
constexpr quint64 streamNumber = 0x4950444300000005ULL;
constexpr quint64 streamChange = 0x4950444300000006ULL;
constexpr quint64 streamLanguages = 0x4950444300000007ULL;

// Products were first published from 1,765 days (four years and ten months) to 153 days (five
// months) before the reference time; later versions up to a day before it.
constexpr qint64 catalogueStartDaysBefore = 1765;
constexpr qint64 catalogueLastNewDaysBefore = 153;

QList<QByteArray> splitList(const char *list)
{
    QList<QByteArray> parts;
    if (list == nullptr || *list == '\0') {
        return parts;
    }
    for (const QByteArray &part : QByteArray(list).split('|')) {
        parts.append(part.trimmed());
    }
    return parts;
}

QStringList splitStrings(const char *list)
{
    QStringList strings;
    for (const QByteArray &part : splitList(list)) {
        strings.append(QString::fromUtf8(part));
    }
    return strings;
}

template<typename T>
const T *find(std::span<const T> table, const QByteArray &key)
{
    for (const T &entry : table) {
        if (key == entry.key) {
            return &entry;
        }
    }
    // A typo in the hand-written tables: tst_productcatalogue builds every product and fails here.
    qFatal("IPDC catalogue tables: unknown key \"%s\"", key.constData());
    return nullptr;
}

QUuid uuidFrom(quint64 seed, quint64 stream, quint64 index)
{
    QByteArray bytes(16, Qt::Uninitialized);
    const quint64 high = hashKey(seed, stream, index);
    const quint64 low = hashKey(seed, stream ^ 0xFFFFULL, index);
    for (int i = 0; i < 8; ++i) {
        bytes[i] = char(high >> (56 - 8 * i));
        bytes[8 + i] = char(low >> (56 - 8 * i));
    }
    bytes[6] = char((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes);
}

// A text in the four source languages, composed from the tables.
struct Text
{
    QString nl, fr, de, en;

    static Text from(const Ipdc::Text4 &t) { return {QString::fromUtf8(t.nl), QString::fromUtf8(t.fr), QString::fromUtf8(t.de), QString::fromUtf8(t.en)}; }
    static Text same(const QString &all) { return {all, all, all, all}; }
    bool isEmpty() const { return nl.isEmpty(); }
    Text operator+(const Text &o) const { return {nl + o.nl, fr + o.fr, de + o.de, en + o.en}; }
};

Text paragraph(const Text &t)
{
    return {QStringLiteral("<p>") + t.nl + QStringLiteral("</p>"),
            QStringLiteral("<p>") + t.fr + QStringLiteral("</p>"),
            QStringLiteral("<p>") + t.de + QStringLiteral("</p>"),
            QStringLiteral("<p>") + t.en + QStringLiteral("</p>")};
}

Text bulletList(const QList<const Ipdc::Phrase *> &items)
{
    Text t = Text::same(QStringLiteral("<ul>"));
    for (const Ipdc::Phrase *item : items) {
        t = t + Text::same(QStringLiteral("<li>")) + Text::from(item->text) + Text::same(QStringLiteral("</li>"));
    }
    return t + Text::same(QStringLiteral("</ul>"));
}

// An amount as each language writes it: "€ 1.250,50", "1 250,50 €", "1.250,50 €", "€1,250.50".
Text money(double amount)
{
    const qint64 cents = std::llround(amount * 100);
    const QString whole = QString::number(cents / 100);
    auto grouped = [&whole](const QString &separator) {
        QString out;
        for (qsizetype i = 0; i < whole.size(); ++i) {
            if (i > 0 && (whole.size() - i) % 3 == 0) {
                out += separator;
            }
            out += whole.at(i);
        }
        return out;
    };
    const QString fraction = cents % 100 == 0 ? QString() : QStringLiteral("%1").arg(cents % 100, 2, 10, QLatin1Char('0'));
    auto withFraction = [&fraction](const QString &number, QChar mark) {
        return fraction.isEmpty() ? number : number + mark + fraction;
    };
    const QString nbsp(QChar(0x00A0));
    return {QStringLiteral("€ ") + withFraction(grouped(QStringLiteral(".")), QLatin1Char(',')),
            withFraction(grouped(nbsp), QLatin1Char(',')) + nbsp + QStringLiteral("€"),
            withFraction(grouped(QStringLiteral(".")), QLatin1Char(',')) + QStringLiteral(" €"),
            QStringLiteral("€") + withFraction(grouped(QStringLiteral(",")), QLatin1Char('.'))};
}

Text withUnit(const Text &amount, const Ipdc::Phrase *unit)
{
    if (unit == nullptr) {
        return amount;
    }
    const Text u = Text::from(unit->text);
    return {amount.nl + QLatin1Char(' ') + u.nl, amount.fr + QLatin1Char(' ') + u.fr, amount.de + QLatin1Char(' ') + u.de, amount.en + QLatin1Char(' ') + u.en};
}

LanguageMap expand(const Text &t, bool allLanguages)
{
    LanguageMap map;
    if (t.isEmpty()) {
        return map;
    }
    map.append({QStringLiteral("nl"), t.nl});
    map.append({QStringLiteral("nl-BE-x-formal"), t.nl});
    map.append({QStringLiteral("nl-BE-x-informal"), ProductCatalogue::informalDutch(t.nl)});
    if (allLanguages) {
        map.append({QStringLiteral("fr"), t.fr});
        map.append({QStringLiteral("de"), t.de});
    }
    map.append({QStringLiteral("en"), t.en});
    return map;
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
} // namespace

// One product: a base product in one combination of its variants.
struct ProductCatalogue::Definition
{
    const Ipdc::BaseProduct *base = nullptr;
    QList<const Ipdc::Variant *> variants;
    double amount = 0;
    const Ipdc::Phrase *unit = nullptr;
    QStringList audiences;
    const Ipdc::Procedure *procedure = nullptr;
    QList<const Ipdc::Phrase *> conditions;
    QList<const Ipdc::Phrase *> documents;
    bool allLanguages = true;
};

ProductCatalogue::ProductCatalogue(quint64 seed, Profile profile, const QDateTime &referenceTime)
    : m_seed(seed)
    , m_profile(profile)
    , m_referenceTime(referenceTime)
{
    // The catalogue is Flemish by nature (IPDC); both profiles serve the same products.
    Q_UNUSED(m_profile);
    for (const auto &table : {Ipdc::civilProducts(),
                              Ipdc::civilRegistryProducts(),
                              Ipdc::livingProducts(),
                              Ipdc::environmentProducts(),
                              Ipdc::communityProducts(),
                              Ipdc::careProducts()}) {
        for (const Ipdc::BaseProduct &base : table) {
            for (const QByteArray &entry : splitList(base.variants)) {
                Definition d;
                d.base = &base;
                const qsizetype equals = entry.indexOf('=');
                const QByteArray keys = entry.left(equals);
                QByteArray amount = entry.mid(equals + 1);
                d.unit = base.unit ? find(Ipdc::units(), base.unit) : nullptr;
                if (const qsizetype at = amount.indexOf('@'); at >= 0) {
                    const QByteArray unit = amount.mid(at + 1);
                    d.unit = unit.isEmpty() ? nullptr : find(Ipdc::units(), unit);
                    amount.truncate(at);
                }
                d.amount = amount.toDouble();
                d.audiences = splitStrings(base.audiences);
                d.procedure = find(Ipdc::procedures(), base.procedure);
                for (const QByteArray &key : keys.split('+')) {
                    const Ipdc::Variant *variant = find(Ipdc::variants(), key);
                    d.variants.append(variant);
                    if (variant->audience) {
                        d.audiences = splitStrings(variant->audience);
                    }
                    if (variant->procedure) {
                        d.procedure = find(Ipdc::procedures(), variant->procedure);
                    }
                }
                for (const QByteArray &key : splitList(base.conditions)) {
                    d.conditions.append(find(Ipdc::conditions(), key));
                }
                for (const QByteArray &key : splitList(base.evidence)) {
                    d.documents.append(find(Ipdc::documents(), key));
                }
                m_definitions.push_back(std::move(d));
            }
        }
    }

    // Some products lack the French and German texts, as many IPDC concepts do.
    for (std::size_t i = 0; i < m_definitions.size(); ++i) {
        m_definitions[i].allLanguages = Rng(seed, streamLanguages, i).bounded(7) != 0;
    }

    // The timeline: each product first published between the start and the last new date, then
    // revised a few times up to a day before the reference time.
    const qint64 start = m_referenceTime.addDays(-catalogueStartDaysBefore).toMSecsSinceEpoch();
    const qint64 lastNew = m_referenceTime.addDays(-catalogueLastNewDaysBefore).toMSecsSinceEpoch();
    const qint64 end = m_referenceTime.toMSecsSinceEpoch() - 24LL * 3600 * 1000;
    m_published.assign(m_definitions.size(), 0);
    m_createdMs.assign(m_definitions.size(), 0);
    for (quint32 p = 0; p < m_definitions.size(); ++p) {
        Rng rng(seed, streamCreated, p);
        const qint64 created = start + qint64(rng.uniform() * double(lastNew - start));
        m_createdMs[p] = created;
        const double r = rng.uniform();
        const quint32 versions = r < 0.35 ? 1 : r < 0.70 ? 2 : r < 0.90 ? 3 : 4;
        Rng times(seed, streamVersions, p);
        std::vector<qint64> generated;
        const qint64 first = created + 3600000LL + qint64(times.uniform() * 71.0 * 3600000.0);
        generated.push_back(first);
        for (quint32 v = 1; v < versions; ++v) {
            generated.push_back(first + 1 + qint64(times.uniform() * double(end - first - 1)));
        }
        std::sort(generated.begin(), generated.end());
        for (quint32 v = 0; v < versions; ++v) {
            m_versions.push_back({p, v, generated[v]});
        }
        m_published[p] = versions;
    }
    std::sort(m_versions.begin(), m_versions.end(), [](const Version &a, const Version &b) {
        return std::tie(a.generatedMs, a.product, a.version) < std::tie(b.generatedMs, b.product, b.version);
    });
}

ProductCatalogue::~ProductCatalogue() = default;

qint64 ProductCatalogue::count() const
{
    return qint64(m_definitions.size());
}

QStringList ProductCatalogue::change(int n)
{
    QStringList changed;
    n = std::clamp(n, 0, int(m_definitions.size()));
    QSet<quint32> picked;
    while (changed.size() < n) {
        Rng rng(m_seed, streamChange, m_changes);
        quint32 product = rng.bounded(quint32(m_definitions.size()));
        while (picked.contains(product)) {
            product = (product + 1) % quint32(m_definitions.size());
        }
        picked.insert(product);
        ++m_changes;
        // A minute apart after the reference time, as the data set's own run-time changes: always
        // newer than anything published before.
        const qint64 when = m_referenceTime.toMSecsSinceEpoch() + qint64(m_changes) * 60000;
        m_versions.push_back({product, m_published[product], when});
        ++m_published[product];
        changed.append(productNumber(product));
    }
    return changed;
}

QString ProductCatalogue::productNumber(quint32 product) const
{
    // Four-digit numbers as IPDC gives them ("1502"), scattered by the seed.
    const Permutation numbers(hashKey(m_seed, streamNumber, 0), 9000);
    return QString::number(1000 + numbers.map(product));
}

QUuid ProductCatalogue::conceptUuid(quint32 product) const
{
    return uuidFrom(m_seed, streamConcept, product);
}

QDateTime ProductCatalogue::generatedAt(qint64 position) const
{
    return fromMs(m_versions[std::size_t(position)].generatedMs);
}

ProductSnapshot ProductCatalogue::snapshot(qint64 position) const
{
    const Version &version = m_versions[std::size_t(position)];
    const Definition &d = m_definitions[version.product];
    const Ipdc::BaseProduct &base = *d.base;
    const bool all = d.allLanguages;

    ProductSnapshot s;
    s.product = version.product;
    s.version = version.version;
    s.productNumber = productNumber(version.product);
    s.conceptId = conceptUuid(version.product);
    s.snapshotId = uuidFrom(m_seed, streamSnapshot, (quint64(version.product) << 20) | version.version);
    s.created = fromMs(m_createdMs[version.product]);
    s.generated = fromMs(version.generatedMs);
    // Edited shortly before it was published.
    Rng edit(m_seed, streamSnapshot ^ 0x5A5AULL, (quint64(version.product) << 20) | version.version);
    s.modified = fromMs(std::max(m_createdMs[version.product], version.generatedMs - 60000 - qint64(edit.bounded(120)) * 60000));

    s.type = QString::fromUtf8(base.type);
    s.themes = splitStrings(base.themes);
    s.audiences = d.audiences;
    s.competentLevels = splitStrings(base.competent);
    s.executingLevels = {QStringLiteral("Lokaal")};
    if (qstrcmp(d.procedure->key, "waste") == 0 || qstrcmp(d.procedure->key, "verbouwpremie") == 0) {
        s.executingLevels.append(QStringLiteral("Derden")); // the intercommunale, Fluvius
    }
    s.keywords = splitStrings(base.keywords);
    s.yourEurope = base.yourEurope;
    s.financialAdvantage = qstrcmp(base.type, "FinancieelVoordeel") == 0;

    // Each revision indexes the amount by 2 %, as municipal tariffs are: prices to 10 cents,
    // premiums to whole euros.
    const double factor = std::pow(1.02, double(version.version));
    s.amount = s.financialAdvantage ? std::round(d.amount * factor) : std::round(d.amount * factor * 10.0) / 10.0;

    Text name = Text::from(base.name);
    Text notes;
    for (qsizetype i = 0, suffixes = 0; i < d.variants.size(); ++i) {
        const Ipdc::Variant *v = d.variants[i];
        if (v->suffix.nl) {
            const Text separator = Text::same(suffixes++ == 0 ? QStringLiteral(" – ") : QStringLiteral(", "));
            name = name + separator + Text::from(v->suffix);
        }
        if (v->note.nl) {
            notes = notes + paragraph(Text::from(v->note));
        }
    }
    s.name = expand(name, all);
    s.description = expand(paragraph(Text::from(base.description)), all);
    s.additionalDescription = expand(notes, all);
    s.requirementName = expand(Text::from({"Voorwaarden", "Conditions", "Voraussetzungen", "Requirements"}), all);
    s.requirement = expand(bulletList(d.conditions), all);
    s.evidenceName = expand(Text::from({"Wat meebrengen", "Documents à fournir", "Mitzubringende Unterlagen", "What to bring"}), all);
    s.evidence = expand(bulletList(d.documents), all);
    s.procedureName = expand(Text::from({"Procedure", "Procédure", "Verfahren", "Procedure"}), all);
    s.procedure = expand(Text::from(d.procedure->text), all);
    if (d.procedure->url) {
        s.procedureUrl = QString::fromUtf8(d.procedure->url);
        s.procedureSite = expand(Text::from(d.procedure->site), all);
    }

    s.costName = expand(Text::from({"Kostprijs", "Coût", "Kosten", "Cost"}), all);
    const Text amount = withUnit(money(s.amount), d.unit);
    if (s.financialAdvantage) {
        s.cost = expand(
            Text::from(
                {"<p>De aanvraag is gratis.</p>", "<p>La demande est gratuite.</p>", "<p>Der Antrag ist kostenlos.</p>", "<p>Applying is free of charge.</p>"}),
            all);
        s.advantageName = expand(Text::from({"Bedrag", "Montant", "Betrag", "Amount"}), all);
        s.advantage = expand(Text::from({"<p>U ontvangt maximaal ", "<p>Vous recevez au maximum ", "<p>Sie erhalten höchstens ", "<p>You receive up to "}) +
                                 amount + Text::same(QStringLiteral(".</p>")),
                             all);
    } else if (s.amount == 0) {
        s.cost = expand(Text::from({"<p>Dit product is gratis.</p>",
                                    "<p>Ce produit est gratuit.</p>",
                                    "<p>Dieses Produkt ist kostenlos.</p>",
                                    "<p>This product is free of charge.</p>"}),
                        all);
    } else if (qstrcmp(base.type, "FinancieleVerplichting") == 0) {
        s.cost = expand(Text::from({"<p>De belasting bedraagt ", "<p>La taxe s'élève à ", "<p>Die Steuer beträgt ", "<p>The tax is "}) + amount +
                            Text::same(QStringLiteral(".</p>")),
                        all);
    } else {
        s.cost = expand(Text::from({"<p>De kostprijs bedraagt ", "<p>Le coût s'élève à ", "<p>Die Kosten betragen ", "<p>The cost is "}) + amount +
                            Text::same(QStringLiteral(".</p>")),
                        all);
    }

    s.websiteUrl = QString::fromUtf8(base.website);
    const QString host = QUrl(s.websiteUrl).host();
    s.websiteName =
        expand(Text::from({"Meer informatie op ", "Plus d'informations sur ", "Weitere Informationen auf ", "More information on "}) + Text::same(host), all);
    if (s.competentLevels.contains(QStringLiteral("Federaal"))) {
        s.regulationUrl = QStringLiteral("https://www.ejustice.just.fgov.be");
    } else if (s.competentLevels.contains(QStringLiteral("Vlaams"))) {
        s.regulationUrl = QStringLiteral("https://codex.vlaanderen.be");
    }
    return s;
}

} // namespace C360::Ref
