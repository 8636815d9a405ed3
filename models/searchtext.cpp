// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "searchtext.h"

#include "citizen.h"

#include <QStringList>

namespace C360::SearchText
{

QString fold(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool lastWasSpace = true;
    for (const QChar c : decomposed) {
        if (c.isMark()) {
            continue;
        }
        if (c.isLetterOrNumber()) {
            out.append(c.toLower());
            lastWasSpace = false;
        } else if (!lastWasSpace) {
            // Hyphens, apostrophes and spaces all separate words: "Van den Bossche-D'Hondt".
            out.append(QLatin1Char(' '));
            lastWasSpace = true;
        }
    }
    if (out.endsWith(QLatin1Char(' '))) {
        out.chop(1);
    }
    // Letters that do not decompose into a base letter plus a mark.
    out.replace(QChar(0x00DF), QLatin1String("ss")); // ß
    out.replace(QChar(0x00F8), QLatin1Char('o')); // ø
    out.replace(QChar(0x00E6), QLatin1String("ae")); // æ
    out.replace(QChar(0x0131), QLatin1Char('i')); // dotless ı
    out.replace(QChar(0x0142), QLatin1Char('l')); // ł
    out.replace(QChar(0x0111), QLatin1Char('d')); // đ
    return out;
}

QString citizenNames(const Citizen &citizen)
{
    const QString given = fold(citizen.givenNames);
    const QString family = fold(citizen.familyName);
    QStringList parts;
    if (!given.isEmpty()) {
        parts.append(given);
    }
    if (!family.isEmpty()) {
        parts.append(family);
        if (family.contains(QLatin1Char(' '))) {
            parts.append(QString(family).remove(QLatin1Char(' ')));
        }
    }
    return parts.join(QLatin1Char(' '));
}

QString normalizePhone(QStringView phone, QStringView countryCode)
{
    QString digits;
    QString trimmed = phone.trimmed().toString();
    const bool plus = trimmed.startsWith(QLatin1Char('+'));
    if (plus || trimmed.startsWith(QLatin1String("00"))) {
        // "+32 (0)470 12 34 56": the trunk zero in brackets is only dialled from inside the country.
        trimmed.remove(QLatin1String("(0)"));
    }
    for (const QChar c : trimmed) {
        if (c.isDigit()) {
            digits.append(c);
        }
    }
    if (plus) {
        return digits;
    }
    if (digits.startsWith(QLatin1String("00"))) {
        return digits.mid(2);
    }
    if (digits.startsWith(QLatin1Char('0'))) {
        return countryCode + QStringView(digits).mid(1);
    }
    return digits;
}

QString normalizeEmail(QStringView email)
{
    return email.trimmed().toString().toLower();
}

} // namespace C360::SearchText
