// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The residents' cases (zaken) in the case system and the case types of its catalogue: a permit
// in progress, a benefit being decided, a passport to collect. Generated from (seed, index) like
// every other record, from streams of their own.

#include "population/dataset.h"
#include "server/streams.h"

#include <algorithm>

namespace C360::Ref
{

namespace
{
struct CaseTypeText
{
    const char *identification;
    const char *description;
    const char *purpose;
    int days;
    bool extendable;
    QList<const char *> statuses;
    QList<const char *> subjects;
};

// Flemish municipalities: the Omgevingsloket's permit (105 days in the ordinary procedure), the
// OCMW's integration income, the counter's documents, the tax objection (six months).
const QList<CaseTypeText> flemishTypes = {
    {"OMV-GEWOON",
     "Omgevingsvergunning",
     "Beslissen over een aanvraag omgevingsvergunning (gewone procedure)",
     105,
     true,
     {"Aanvraag ontvangen", "Ontvankelijk en volledig", "Openbaar onderzoek", "Adviezen ontvangen", "Beslissing genomen"},
     {"verbouwing woning", "bouw carport", "kappen van een boom", "plaatsen van zonnepanelen", "uitbreiding bijgebouw"}},
    {"PARK-BEWONER",
     "Bewonerskaart parkeren",
     "Een bewonerskaart voor parkeren in de eigen zone afleveren",
     14,
     false,
     {"Aanvraag ontvangen", "In behandeling", "Kaart afgeleverd"},
     {"eerste wagen", "tweede wagen", "nieuwe nummerplaat"}},
    {"OCMW-LEEFLOON",
     "Aanvraag leefloon",
     "Beslissen over het recht op een leefloon",
     30,
     false,
     {"Aanvraag ontvangen", "Sociaal onderzoek", "Beslissing bijzonder comité", "Beslissing meegedeeld"},
     {"leefloon alleenstaande", "leefloon samenwonende", "leefloon met gezinslast"}},
    {"RIJBEWIJS",
     "Aanvraag rijbewijs",
     "Een Belgisch rijbewijs aanmaken en afleveren",
     10,
     false,
     {"Aanvraag ontvangen", "In productie", "Klaar om af te halen", "Afgehaald"},
     {"voorlopig rijbewijs", "rijbewijs B", "vernieuwing rijbewijs"}},
    {"REISPAS",
     "Aanvraag reispas",
     "Een reispas aanmaken en afleveren",
     10,
     false,
     {"Aanvraag ontvangen", "In productie", "Klaar om af te halen", "Afgehaald"},
     {"reispas volwassene", "reispas minderjarige", "reispas spoedprocedure"}},
    {"ADRESWIJZIGING",
     "Adreswijziging",
     "Een verhuis binnen of naar de gemeente inschrijven",
     20,
     false,
     {"Aangifte ontvangen", "Woonstvaststelling", "Ingeschreven"},
     {"verhuis binnen de gemeente", "verhuis naar de gemeente"}},
    {"EVENEMENT",
     "Evenementenvergunning",
     "Beslissen over een aanvraag voor een evenement",
     42,
     false,
     {"Aanvraag ontvangen", "Advies politie en brandweer", "Beslissing college"},
     {"buurtfeest", "rommelmarkt", "sportwedstrijd"}},
    {"PREMIE-ENERGIE",
     "Premie energiebesparing",
     "Een gemeentelijke premie voor energiebesparende maatregelen toekennen",
     60,
     false,
     {"Aanvraag ontvangen", "Controle facturen", "Premie uitbetaald"},
     {"dakisolatie", "warmtepomp", "hoogrendementsbeglazing"}},
    {"BEZWAAR-BELASTING",
     "Bezwaar gemeentebelasting",
     "Beslissen over een bezwaarschrift tegen een gemeentebelasting",
     180,
     true,
     {"Bezwaarschrift ontvangen", "Hoorzitting", "Beslissing college"},
     {"belasting tweede verblijf", "afvalbelasting", "belasting leegstand"}},
};

// Dutch municipalities: the Omgevingswet's permit (eight weeks), the Participatiewet's benefit,
// the WOZ objection, the documents at the counter.
const QList<CaseTypeText> dutchTypes = {
    {"OMGEVINGSVERGUNNING",
     "Omgevingsvergunning",
     "Besluiten op een aanvraag omgevingsvergunning (reguliere procedure)",
     56,
     true,
     {"Aanvraag ontvangen", "Ontvankelijk", "In behandeling", "Besluit genomen"},
     {"verbouwing woning", "dakkapel", "kappen van een boom", "uitbouw"}},
    {"PARKEERVERGUNNING",
     "Parkeervergunning bewoners",
     "Een parkeervergunning voor bewoners verlenen",
     14,
     false,
     {"Aanvraag ontvangen", "In behandeling", "Vergunning verleend"},
     {"eerste auto", "tweede auto", "kentekenwijziging"}},
    {"BIJSTAND",
     "Aanvraag bijstandsuitkering",
     "Besluiten over het recht op bijstand (Participatiewet)",
     56,
     true,
     {"Aanvraag ontvangen", "Onderzoek", "Besluit genomen", "Besluit verzonden"},
     {"bijstand alleenstaande", "bijstand gezin", "bijzondere bijstand"}},
    {"RIJBEWIJS",
     "Aanvraag rijbewijs",
     "Een rijbewijs aanvragen en uitreiken",
     5,
     false,
     {"Aanvraag ontvangen", "In productie", "Gereed voor uitreiking", "Uitgereikt"},
     {"rijbewijs B", "verlenging rijbewijs"}},
    {"PASPOORT",
     "Aanvraag paspoort",
     "Een paspoort of identiteitskaart aanvragen en uitreiken",
     5,
     false,
     {"Aanvraag ontvangen", "In productie", "Gereed voor uitreiking", "Uitgereikt"},
     {"paspoort", "identiteitskaart", "spoedaanvraag paspoort"}},
    {"VERHUIZING",
     "Verhuizing",
     "Een adreswijziging in de BRP verwerken",
     5,
     false,
     {"Melding ontvangen", "Adresonderzoek", "Verwerkt in de BRP"},
     {"verhuizing binnen de gemeente", "verhuizing naar de gemeente"}},
    {"EVENEMENTENVERGUNNING",
     "Evenementenvergunning",
     "Besluiten op een aanvraag evenementenvergunning",
     56,
     false,
     {"Aanvraag ontvangen", "Advies veiligheidsregio", "Besluit genomen"},
     {"buurtfeest", "braderie", "sportevenement"}},
    {"BEZWAAR-WOZ",
     "Bezwaar WOZ-beschikking",
     "Uitspraak doen op een bezwaar tegen de WOZ-waarde",
     42,
     true,
     {"Bezwaar ontvangen", "Taxatie", "Uitspraak verzonden"},
     {"WOZ-waarde woning", "WOZ-waarde bedrijfspand"}},
    {"KWIJTSCHELDING",
     "Kwijtschelding gemeentelijke belastingen",
     "Besluiten over kwijtschelding van gemeentelijke belastingen",
     56,
     false,
     {"Verzoek ontvangen", "Toets inkomen en vermogen", "Besluit verzonden"},
     {"afvalstoffenheffing", "rioolheffing"}},
};

const char *const statusExplanations[] = {
    "",
    "",
    "Zie dossier.",
    "Aanvrager telefonisch op de hoogte gebracht.",
    "Bijkomende stukken ontvangen.",
    "Volgens planning.",
};
} // namespace

QList<CaseTypeRecord> caseTypeList(Profile profile)
{
    QList<CaseTypeRecord> result;
    for (const CaseTypeText &t : profile == Profile::Netherlands ? dutchTypes : flemishTypes) {
        CaseTypeRecord r;
        r.identification = QString::fromUtf8(t.identification);
        r.description = QString::fromUtf8(t.description);
        r.purpose = QString::fromUtf8(t.purpose);
        r.days = t.days;
        r.extendable = t.extendable;
        for (const char *s : t.statuses) {
            r.statuses.append(QString::fromUtf8(s));
        }
        for (const char *s : t.subjects) {
            r.subjects.append(QString::fromUtf8(s));
        }
        result.append(r);
    }
    return result;
}

quint32 DataSet::caseCountFor(quint32 citizen) const
{
    // Somewhat fewer than one in two residents has a case; a few have two or three.
    Rng rng(m_seed, Stream::CaseCount, citizen);
    if (!rng.chance(0.45)) {
        return 0;
    }
    quint32 n = 1;
    while (n < 3 && rng.chance(0.3)) {
        ++n;
    }
    return n;
}

DataSet::CaseHead DataSet::caseHead(quint64 index) const
{
    Rng rng(m_seed, Stream::Case, index);
    CaseHead h;
    h.type = int(rng.bounded(quint32(m_caseTypes.size())));
    const CaseTypeRecord &type = m_caseTypes.at(h.type);
    // Two in three started in the last year, the others up to three years ago.
    h.ageDays = rng.chance(0.65) ? qint64(rng.bounded(365)) : 365 + qint64(rng.bounded(730));
    const double progress = double(h.ageDays) / double(type.days);
    h.closed = progress >= 1.0 ? rng.chance(0.92) : rng.chance(0.2 * progress);
    const int s = int(type.statuses.size());
    h.statuses = h.closed ? s : std::clamp(1 + int(progress * double(s - 1)), 1, s - 1);
    return h;
}

quint32 DataSet::caseCitizen(quint64 index) const
{
    const auto it = std::upper_bound(m_casesBefore.cbegin(), m_casesBefore.cend(), quint32(index));
    return quint32(std::distance(m_casesBefore.cbegin(), it) - 1);
}

quint64 DataSet::caseOfStatus(quint64 status) const
{
    const auto it = std::upper_bound(m_caseStatusesBefore.cbegin(), m_caseStatusesBefore.cend(), quint32(status));
    return quint64(std::distance(m_caseStatusesBefore.cbegin(), it) - 1);
}

CaseRecord DataSet::caseRecord(quint64 index) const
{
    const CaseHead h = caseHead(index);
    const CaseTypeRecord &type = m_caseTypes.at(h.type);
    Rng rng(m_seed, Stream::Case, index ^ 0x5A5A5A5A00000000ULL);
    CaseRecord c;
    c.index = index;
    c.citizen = caseCitizen(index);
    c.type = h.type;
    c.start = m_referenceDate.addDays(-1 - h.ageDays);
    c.identification = QStringLiteral("ZAAK-%1-%2").arg(c.start.year()).arg(index + 1, 7, 10, QLatin1Char('0'));
    c.description = QString(type.description + QStringLiteral(": ") + type.subjects.at(qsizetype(rng.bounded(quint32(type.subjects.size()))))).left(80);
    c.plannedEnd = c.start.addDays(std::max(1, type.days * 4 / 5));
    c.deadline = c.start.addDays(type.days);
    if (type.extendable && rng.chance(0.15)) {
        c.deadline = c.deadline.addDays(type.days / 2); // verlenging
    }
    // The statuses between the start and the end (closed) or the last day (open), each later than
    // the one before, the first on the start date during office hours.
    const qint64 startSecs = c.start.startOfDay(Qt::UTC).toSecsSinceEpoch() + 7 * 3600 + qint64(rng.bounded(8 * 3600));
    const qint64 lastSecs = m_referenceTime.toSecsSinceEpoch() - 60;
    qint64 endSecs = lastSecs;
    if (h.closed) {
        const qint64 took = std::max<qint64>(1, qint64(double(type.days) * (0.4 + 0.7 * rng.uniform())));
        endSecs = std::min(lastSecs, c.start.addDays(took).startOfDay(Qt::UTC).toSecsSinceEpoch() + 9 * 3600 + qint64(rng.bounded(7 * 3600)));
    } else {
        endSecs = std::min(lastSecs, startSecs + std::max<qint64>(3600, h.ageDays * 86400));
    }
    endSecs = std::max(endSecs, startSecs + qint64(h.statuses));
    qint64 previous = startSecs - 1;
    for (int k = 0; k < h.statuses; ++k) {
        qint64 at = startSecs;
        if (k > 0) {
            const double share = h.closed && k == h.statuses - 1 ? 1.0 : (double(k) + 0.8 * rng.uniform()) / double(h.statuses);
            at = startSecs + qint64(share * double(endSecs - startSecs));
        }
        at = std::max(at, previous + 1);
        previous = at;
        CaseStatusRecord s;
        s.number = k;
        s.set = QDateTime::fromSecsSinceEpoch(at, Qt::UTC);
        s.explanation = QString::fromUtf8(statusExplanations[rng.bounded(quint32(std::size(statusExplanations)))]);
        c.statuses.append(s);
    }
    if (h.closed) {
        c.end = c.statuses.constLast().set.date();
    }
    return c;
}

quint64 DataSet::liveCaseCount() const
{
    quint64 count = caseCount();
    for (const quint32 deleted : m_deleted) {
        count -= m_casesBefore[deleted + 1] - m_casesBefore[deleted];
    }
    return count;
}

quint64 DataSet::liveCaseStatusCount() const
{
    quint64 count = caseStatusCount();
    for (const quint32 deleted : m_deleted) {
        count -= m_caseStatusesBefore[m_casesBefore[deleted + 1]] - m_caseStatusesBefore[m_casesBefore[deleted]];
    }
    return count;
}

quint64 DataSet::liveCase(quint64 ordinal) const
{
    // Skip the cases of deleted residents below: few, sorted.
    quint64 candidate = ordinal;
    for (const quint32 deleted : m_deleted) {
        const quint64 first = m_casesBefore[deleted];
        if (first > candidate) {
            break;
        }
        candidate += m_casesBefore[deleted + 1] - first;
    }
    return candidate;
}

quint64 DataSet::liveCaseStatus(quint64 ordinal) const
{
    quint64 candidate = ordinal;
    for (const quint32 deleted : m_deleted) {
        const quint64 first = m_caseStatusesBefore[m_casesBefore[deleted]];
        if (first > candidate) {
            break;
        }
        candidate += m_caseStatusesBefore[m_casesBefore[deleted + 1]] - first;
    }
    return candidate;
}

} // namespace C360::Ref
