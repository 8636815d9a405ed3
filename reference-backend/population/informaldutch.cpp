// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The informal Dutch register IPDC publishes next to the formal one (nl-BE-x-informal), derived
// by rule as IPDC's own generator does: "kunt u" becomes "kun je", "u bent" "je bent", "uw" "je".
// The formal texts it is fed write "u hebt", never "u heeft" at the end of a clause.

#include "ipdc/productcatalogue.h"

#include <QHash>
#include <QRegularExpression>

namespace C360::Ref
{

namespace
{
// Verbs as they stand before "u" in a question or after a fronted phrase, and their "je" form
// (which drops the -t: "krijgt u" becomes "krijg je").
const QHash<QString, QString> &invertedVerbs()
{
    static const QHash<QString, QString> verbs = {
        {QStringLiteral("bekijkt"), QStringLiteral("bekijk")},
        {QStringLiteral("belt"), QStringLiteral("bel")},
        {QStringLiteral("bent"), QStringLiteral("ben")},
        {QStringLiteral("betaalt"), QStringLiteral("betaal")},
        {QStringLiteral("blijft"), QStringLiteral("blijf")},
        {QStringLiteral("brengt"), QStringLiteral("breng")},
        {QStringLiteral("dient"), QStringLiteral("dien")},
        {QStringLiteral("doet"), QStringLiteral("doe")},
        {QStringLiteral("gaat"), QStringLiteral("ga")},
        {QStringLiteral("gebruikt"), QStringLiteral("gebruik")},
        {QStringLiteral("geeft"), QStringLiteral("geef")},
        {QStringLiteral("haalt"), QStringLiteral("haal")},
        {QStringLiteral("hebt"), QStringLiteral("heb")},
        {QStringLiteral("heeft"), QStringLiteral("heb")},
        {QStringLiteral("hoeft"), QStringLiteral("hoef")},
        {QStringLiteral("houdt"), QStringLiteral("houd")},
        {QStringLiteral("huurt"), QStringLiteral("huur")},
        {QStringLiteral("kan"), QStringLiteral("kan")},
        {QStringLiteral("kiest"), QStringLiteral("kies")},
        {QStringLiteral("komt"), QStringLiteral("kom")},
        {QStringLiteral("koopt"), QStringLiteral("koop")},
        {QStringLiteral("krijgt"), QStringLiteral("krijg")},
        {QStringLiteral("kunt"), QStringLiteral("kun")},
        {QStringLiteral("laat"), QStringLiteral("laat")},
        {QStringLiteral("leent"), QStringLiteral("leen")},
        {QStringLiteral("leert"), QStringLiteral("leer")},
        {QStringLiteral("legt"), QStringLiteral("leg")},
        {QStringLiteral("maakt"), QStringLiteral("maak")},
        {QStringLiteral("mag"), QStringLiteral("mag")},
        {QStringLiteral("meldt"), QStringLiteral("meld")},
        {QStringLiteral("moet"), QStringLiteral("moet")},
        {QStringLiteral("neemt"), QStringLiteral("neem")},
        {QStringLiteral("oefent"), QStringLiteral("oefen")},
        {QStringLiteral("ontvangt"), QStringLiteral("ontvang")},
        {QStringLiteral("organiseert"), QStringLiteral("organiseer")},
        {QStringLiteral("parkeert"), QStringLiteral("parkeer")},
        {QStringLiteral("plaatst"), QStringLiteral("plaats")},
        {QStringLiteral("regelt"), QStringLiteral("regel")},
        {QStringLiteral("reist"), QStringLiteral("reis")},
        {QStringLiteral("reserveert"), QStringLiteral("reserveer")},
        {QStringLiteral("rijdt"), QStringLiteral("rijd")},
        {QStringLiteral("ruilt"), QStringLiteral("ruil")},
        {QStringLiteral("schrijft"), QStringLiteral("schrijf")},
        {QStringLiteral("spaart"), QStringLiteral("spaar")},
        {QStringLiteral("start"), QStringLiteral("start")},
        {QStringLiteral("stuurt"), QStringLiteral("stuur")},
        {QStringLiteral("trouwt"), QStringLiteral("trouw")},
        {QStringLiteral("verhuist"), QStringLiteral("verhuis")},
        {QStringLiteral("verliest"), QStringLiteral("verlies")},
        {QStringLiteral("vindt"), QStringLiteral("vind")},
        {QStringLiteral("vraagt"), QStringLiteral("vraag")},
        {QStringLiteral("vult"), QStringLiteral("vul")},
        {QStringLiteral("wacht"), QStringLiteral("wacht")},
        {QStringLiteral("weet"), QStringLiteral("weet")},
        {QStringLiteral("wilt"), QStringLiteral("wil")},
        {QStringLiteral("woont"), QStringLiteral("woon")},
        {QStringLiteral("wordt"), QStringLiteral("word")},
        {QStringLiteral("zal"), QStringLiteral("zal")},
        {QStringLiteral("zet"), QStringLiteral("zet")},
        {QStringLiteral("zoekt"), QStringLiteral("zoek")},
        {QStringLiteral("zult"), QStringLiteral("zal")},
    };
    return verbs;
}

QString capitalizedLike(const QString &word, const QString &model)
{
    return !model.isEmpty() && model.at(0).isUpper() ? word.left(1).toUpper() + word.mid(1) : word;
}

// Replaces every match, whose first capture is "U" or "u", by replacement, capitalised like it.
QString replaceCased(const QString &text, const QRegularExpression &expression, const QString &replacement)
{
    QString out;
    qsizetype last = 0;
    for (auto it = expression.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last) + capitalizedLike(replacement, m.captured(1));
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

QRegularExpression pattern(const QString &expression)
{
    return QRegularExpression(expression, QRegularExpression::UseUnicodePropertiesOption);
}
} // namespace

QString ProductCatalogue::informalDutch(const QString &formal)
{
    static const QRegularExpression inverted = pattern(QStringLiteral("\\b(\\w+) u\\b"));
    static const QRegularExpression hasVerb = pattern(QStringLiteral("\\b([Uu]) heeft\\b"));
    static const QRegularExpression object = pattern(QStringLiteral("\\b(voor|bij|aan|naar|met|op|van|tot|door|over|zonder|tegen|om) u\\b"));
    static const QRegularExpression self = pattern(QStringLiteral("\\b([Uu])zelf\\b"));
    static const QRegularExpression possessive = pattern(QStringLiteral("\\b([Uu])w\\b"));
    static const QRegularExpression subject = pattern(QStringLiteral("\\b([Uu])\\b"));
    static const QRegularExpression reflexive = pattern(QStringLiteral("\\b([Jj]e(?: \\w+)?) zich\\b"));

    QString text;
    // Inversion first: "Kunt u" → "Kun je", leaving "dat u", "zodat u" to the plain rule.
    qsizetype last = 0;
    for (auto it = inverted.globalMatch(formal); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString verb = m.captured(1);
        const auto stem = invertedVerbs().constFind(verb.toLower());
        if (stem == invertedVerbs().constEnd()) {
            continue;
        }
        text += formal.mid(last, m.capturedStart() - last) + capitalizedLike(*stem, verb) + QStringLiteral(" je");
        last = m.capturedEnd();
    }
    text += formal.mid(last);

    text.replace(hasVerb, QStringLiteral("\\1 hebt"));
    text.replace(object, QStringLiteral("\\1 jou"));
    text = replaceCased(text, self, QStringLiteral("jezelf"));
    text = replaceCased(text, possessive, QStringLiteral("je"));
    text = replaceCased(text, subject, QStringLiteral("je"));
    // "u zich aanmelden" has become "je zich aanmelden": the reflexive follows the subject.
    text.replace(reflexive, QStringLiteral("\\1 je"));
    return text;
}

} // namespace C360::Ref
