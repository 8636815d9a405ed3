// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Residents: names of their generation, households, unique valid identifiers, addresses in real
// municipalities, and the phones and e-mail addresses front offices meet (shared, unverified).

#include "population/dataset.h"
#include "server/streams.h"

#include <QStringList>

namespace C360::Ref
{

namespace
{
// The birth slots are laid out on a fixed calendar, from 1925 to lastBirth, then moved as one
// block so that the youngest resident is born lastBirthDaysBefore days before the reference date:
// ages keep their distribution whatever the date, and a shift keeps every slot unique.
const QDate lastBirth(2025, 12, 31);
constexpr qint64 lastBirthDaysBefore = 305;
constexpr int Layers = 498; // serials 001–996: two per layer (odd men, even women)

// Birth dates and serials, unique by construction: layer l visits each date of its range once
// (in a keyed random order) and gives serial 2l+1 or 2l+2. Later layers start later, so that
// there are fewer old people than young ones.
QDate layerStart(int layer)
{
    return QDate(1925 + (layer % 8) * 6, 1, 1);
}

struct BirthSlot
{
    QDate date;
    int layer;
};

BirthSlot birthSlot(quint64 seed, quint32 index)
{
    quint64 remaining = index;
    for (int layer = 0; layer < Layers; ++layer) {
        const quint64 days = quint64(layerStart(layer).daysTo(lastBirth) + 1);
        if (remaining < days) {
            const Permutation order(hashKey(seed, Stream::BirthLayer, quint64(layer)), days);
            return {layerStart(layer).addDays(qint64(order.map(remaining))), layer};
        }
        remaining -= days;
    }
    return {lastBirth, Layers - 1}; // beyond ~10 million residents: not unique any more
}

QString belgianNumber(const QDate &birth, int monthOffset, int serial)
{
    const QString nine = QStringLiteral("%1%2%3%4")
                             .arg(birth.year() % 100, 2, 10, QLatin1Char('0'))
                             .arg(birth.month() + monthOffset, 2, 10, QLatin1Char('0'))
                             .arg(birth.day(), 2, 10, QLatin1Char('0'))
                             .arg(serial, 3, 10, QLatin1Char('0'));
    qint64 n = nine.toLongLong();
    if (birth.year() >= 2000) {
        n += 2000000000LL;
    }
    return nine + QStringLiteral("%1").arg(97 - n % 97, 2, 10, QLatin1Char('0'));
}

// Nine digits passing the 11-check, unique per index: seven digits from a keyed permutation of
// the index, an eighth that keeps the weighted sum's remainder below 10, the check digit last.
QString dutchBsn(quint64 seed, quint32 index)
{
    const Permutation scramble(hashKey(seed, Stream::Person, 0xB5), 9000000);
    const quint64 seven = 1000000 + scramble.map(index % 9000000);
    const QString head = QString::number(seven);
    int sum = 0;
    for (int i = 0; i < 7; ++i) {
        sum += (9 - i) * head.at(i).digitValue();
    }
    const int eighth = sum % 11 == 10 ? 1 : 0;
    sum += 2 * eighth;
    return head + QString::number(eighth) + QString::number(sum % 11);
}

QString asciiLocalPart(const QString &name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            out.append(c.toLower());
        } else if (c == QChar(0x131)) {
            out.append(QLatin1Char('i'));
        } else if (c == QChar(0x142)) {
            out.append(QLatin1Char('l'));
        }
    }
    return out;
}

QString phoneNumber(Rng &rng, const QString &country)
{
    if (country == QLatin1String("31")) {
        return QStringLiteral("+31 6 %1").arg(10000000 + rng.bounded(89999999));
    }
    const quint32 mobile = 70 + rng.bounded(30); // 0470–0499
    return QStringLiteral("+32 4%1 %2 %3 %4")
        .arg(mobile)
        .arg(rng.bounded(100), 2, 10, QLatin1Char('0'))
        .arg(rng.bounded(100), 2, 10, QLatin1Char('0'))
        .arg(rng.bounded(100), 2, 10, QLatin1Char('0'));
}

// Dutch names keep their prefix apart ("de Vries": voorvoegsel "de", achternaam "Vries").
std::pair<QString, QString> splitDutchName(const QString &name)
{
    static const QStringList prefixes = {QStringLiteral("van den"),
                                         QStringLiteral("van der"),
                                         QStringLiteral("van de"),
                                         QStringLiteral("van 't"),
                                         QStringLiteral("in 't"),
                                         QStringLiteral("van"),
                                         QStringLiteral("de"),
                                         QStringLiteral("ter")};
    for (const QString &prefix : prefixes) {
        if (name.startsWith(prefix + QLatin1Char(' '))) {
            return {prefix, name.mid(prefix.size() + 1)};
        }
    }
    return {QString(), name};
}
} // namespace

Person DataSet::person(quint32 index) const
{
    Person p;
    p.index = index;
    p.countryCode = m_reference.countryCode;
    Rng rng(m_seed, Stream::Person, index);

    // Households: blocks of four indices; a member joins the block's first resident, sharing the
    // address and, for children, the family name. Minors always live with someone: a minor who
    // heads a block joins the block before.
    Rng household(m_seed, Stream::Household, index);
    const quint32 blockHead = index - index % 4;
    const bool adultJoins = index != blockHead && household.chance(0.55);

    if (m_profile == Profile::Flanders) {
        const BirthSlot slot = birthSlot(m_seed, index);
        p.birthDate = slot.date.addDays(lastBirth.daysTo(m_referenceDate) - lastBirthDaysBefore);
        p.sex = rng.chance(0.5) ? 'M' : 'F';
        const int serial = 2 * slot.layer + (p.sex == 'M' ? 1 : 2);
        // Non-residents and newcomers without a register entry have a BIS number.
        p.bis = rng.chance(0.025);
        p.identifier = belgianNumber(p.birthDate, p.bis ? (rng.chance(0.5) ? 40 : 20) : 0, serial);
    } else {
        const int age = int(rng.uniform() * 95);
        p.birthDate = m_referenceDate.addYears(-age - 1).addDays(rng.bounded(365));
        p.sex = rng.chance(0.5) ? 'M' : 'F';
        p.identifier = dutchBsn(m_seed, index);
    }
    const bool minor = p.birthDate.addYears(18) > m_referenceDate;
    quint32 head = index;
    if (minor) {
        head = index != blockHead ? blockHead : (index >= 4 ? index - 4 : index);
    } else if (adultJoins) {
        head = blockHead;
    }
    const bool joins = head != index;
    p.household = joins ? head : index;
    p.givenNames = m_reference.givenName(rng, p.sex, p.birthDate.year()).name;
    if (rng.chance(0.08)) {
        // A second given name, as on the identity card.
        const QString second = m_reference.givenName(rng, p.sex, p.birthDate.year() - 30).name;
        if (second != p.givenNames) {
            p.givenNames += QLatin1Char(' ') + second;
        }
    }
    QString family = m_reference.familyName(rng);

    Person headPerson;
    if (joins) {
        headPerson = person(head);
        if (minor || p.birthDate.year() - headPerson.birthDate.year() >= 18) {
            family = headPerson.fullFamilyName(); // a child
        }
    }
    if (m_profile == Profile::Netherlands) {
        std::tie(p.prefix, p.familyName) = splitDutchName(family);
    } else {
        p.familyName = family;
    }

    if (joins) {
        p.street = headPerson.street;
        p.houseNumber = headPerson.houseNumber;
        p.box = headPerson.box;
        p.postcode = headPerson.postcode;
        p.municipality = headPerson.municipality;
        p.latitude = headPerson.latitude;
        p.longitude = headPerson.longitude;
    } else {
        const Municipality &m = m_reference.municipality(rng);
        p.street = m_reference.street(rng);
        p.houseNumber = QString::number(1 + rng.bounded(rng.chance(0.8) ? 120 : 400));
        if (rng.chance(0.12)) {
            p.box = QString::number(1 + rng.bounded(24)); // an apartment
        }
        p.municipality = m.name;
        p.postcode = m.postcode;
        if (m_profile == Profile::Netherlands) {
            static const char letters[] = "ABCEGHJKLMNPRTVWXZ"; // no SA, SD, SS combinations
            p.postcode += QLatin1Char(' ') + QLatin1Char(letters[rng.bounded(18)]) + QLatin1Char(letters[rng.bounded(18)]);
        }
        p.latitude = m.latitude + (rng.uniform() - 0.5) * 0.03;
        p.longitude = m.longitude + (rng.uniform() - 0.5) * 0.045;
    }

    // Language: Flanders is Dutch-speaking, with French, English and German minorities.
    const double l = rng.uniform();
    if (m_profile == Profile::Flanders) {
        p.language = l < 0.88 ? QStringLiteral("nl") : l < 0.95 ? QStringLiteral("fr") : l < 0.99 ? QStringLiteral("en") : QStringLiteral("de");
    } else {
        p.language = l < 0.96 ? QStringLiteral("nl") : QStringLiteral("en");
    }

    // Digital addresses: children under 14 have none; some households share one e-mail address.
    const int age = p.birthDate.daysTo(m_referenceDate) / 365;
    if (age >= 14) {
        if (joins && !headPerson.email.isEmpty() && household.chance(0.3)) {
            p.email = headPerson.email;
            p.familyEmail = true;
            p.emailVerified = household.chance(0.5);
        } else if (rng.chance(0.85)) {
            const QString local = asciiLocalPart(p.givenNames.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('.') + asciiLocalPart(p.fullFamilyName());
            p.email = local + (rng.chance(0.3) ? QString::number(rng.bounded(100)) : QString()) + QLatin1Char('@') +
                m_reference.emailDomains.at(rng.bounded(quint32(m_reference.emailDomains.size())));
            p.emailVerified = rng.chance(0.7);
        }
        if (rng.chance(0.8)) {
            p.phone = phoneNumber(rng, m_reference.phoneCountry);
            p.phoneVerified = rng.chance(0.6);
        }
    }
    return p;
}

std::optional<quint32> DataSet::citizenWithIdentifier(const QString &identifier) const
{
    // The generators above run backwards: a Belgian number gives the birth date and the serial,
    // hence the layer and the date's place in it; a BSN's first seven digits give the index.
    for (const QChar c : identifier) {
        if (!c.isDigit()) {
            return std::nullopt;
        }
    }
    quint64 index = 0;
    if (m_profile == Profile::Flanders) {
        if (identifier.size() != 11) {
            return std::nullopt;
        }
        const qint64 nine = identifier.left(9).toLongLong();
        const int check = identifier.right(2).toInt();
        int year = 1900 + identifier.left(2).toInt();
        if (97 - nine % 97 != check) {
            if (97 - (nine + 2000000000LL) % 97 != check) {
                return std::nullopt;
            }
            year += 100;
        }
        int month = identifier.mid(2, 2).toInt();
        month -= month > 40 ? 40 : month > 20 ? 20 : 0; // BIS numbers
        const QDate date(year, month, identifier.mid(4, 2).toInt());
        const int serial = identifier.mid(6, 3).toInt();
        const int layer = (serial - 1) / 2;
        if (!date.isValid() || serial < 1 || layer >= Layers || date < layerStart(layer) || date > lastBirth) {
            return std::nullopt;
        }
        for (int l = 0; l < layer; ++l) {
            index += quint64(layerStart(l).daysTo(lastBirth) + 1);
        }
        const Permutation order(hashKey(m_seed, Stream::BirthLayer, quint64(layer)), quint64(layerStart(layer).daysTo(lastBirth) + 1));
        index += order.unmap(quint64(layerStart(layer).daysTo(date)));
    } else {
        if (identifier.size() != 9 || identifier.left(7).toULongLong() < 1000000) {
            return std::nullopt;
        }
        const Permutation scramble(hashKey(m_seed, Stream::Person, 0xB5), 9000000);
        index = scramble.unmap(identifier.left(7).toULongLong() - 1000000);
    }
    if (index >= m_citizens || person(quint32(index)).identifier != identifier) {
        return std::nullopt;
    }
    return quint32(index);
}

} // namespace C360::Ref
