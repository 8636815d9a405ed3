// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Reports, contacts and tasks: what residents report, ask and are helped with, in the words a
// municipal front office uses.

#include "population/dataset.h"
#include "server/streams.h"

namespace C360::Ref
{

namespace
{
struct ServiceText
{
    const char *code;
    const char *name;
    const char *group;
    int typicalDays;
    const char *keywords;
    std::initializer_list<const char *> descriptions;
    std::initializer_list<const char *> closing;
};

// %1 = street, %2 = house number, %3 = a small number
const ServiceText serviceTexts[] = {
    {"straatverlichting",
     "Straatverlichting defect",
     "Openbaar domein",
     10,
     "lantaarnpaal,verlichting,licht",
     {"De lantaarnpaal ter hoogte van %1 %2 brandt niet meer.",
      "Al %3 dagen is de straatverlichting in de %1 uit.",
      "Lantaarnpaal aan %1 %2 flikkert de hele nacht."},
     {"De lamp is vervangen.", "Netbeheerder heeft de storing hersteld."}},
    {"afval-niet-opgehaald",
     "Afval niet opgehaald",
     "Afval",
     3,
     "huisvuil,pmd,gft,ophaling",
     {"Het restafval in de %1 is vandaag niet opgehaald.", "De pmd-zakken aan %1 %2 staan er nog.", "Gft-container aan %1 %2 is overgeslagen."},
     {"De ophaaldienst is alsnog langsgekomen.", "Opgehaald bij de inhaalronde."}},
    {"sluikstort",
     "Sluikstort",
     "Afval",
     7,
     "sluikstorten,vuilniszakken,dumping",
     {"Sluikstort van %3 vuilniszakken naast de glasbol in de %1.", "Iemand heeft een matras gedumpt aan %1 %2.", "Bouwafval achtergelaten langs de %1."},
     {"Opgeruimd door de uitvoeringsdienst; proces-verbaal opgemaakt.", "Sluikstort verwijderd."}},
    {"zwerfvuil",
     "Zwerfvuil",
     "Afval",
     7,
     "papier,blikjes,vuil",
     {"Veel zwerfvuil in de berm van de %1.", "Blikjes en papier aan de bushalte in de %1."},
     {"De straatvegers zijn langsgekomen.", "Opgeruimd."}},
    {"wegdek-beschadigd",
     "Put in de weg",
     "Wegen",
     21,
     "put,asfalt,weg,wegdek",
     {"Diepe put in het wegdek voor %1 %2, gevaarlijk voor fietsers.", "Asfalt in de %1 is verzakt over %3 meter.", "Losliggende kasseien in de %1."},
     {"De put is voorlopig gedicht.", "Het wegdek is hersteld."}},
    {"voetpad-beschadigd",
     "Voetpad beschadigd",
     "Wegen",
     30,
     "stoep,voetpad,tegels",
     {"Losliggende stoeptegels aan %1 %2.", "Boomwortels duwen het voetpad omhoog in de %1."},
     {"Tegels opnieuw gelegd.", "Opgenomen in de planning van de wegenwerken."}},
    {"fietspad",
     "Fietspad beschadigd",
     "Wegen",
     21,
     "fietspad,fiets",
     {"Gat in het fietspad langs de %1.", "Fietspad in de %1 ligt vol glasscherven."},
     {"Fietspad hersteld.", "Glas opgeruimd."}},
    {"verkeersbord",
     "Verkeersbord beschadigd of ontbrekend",
     "Mobiliteit",
     14,
     "bord,verkeersbord,signalisatie",
     {"Verkeersbord omgereden aan de hoek van de %1.", "Het stopbord in de %1 is verdwenen."},
     {"Verkeersbord teruggeplaatst.", "Nieuw bord geplaatst."}},
    {"groen-snoeien",
     "Overhangend groen",
     "Groen",
     30,
     "haag,takken,snoeien,boom",
     {"Takken hangen over het voetpad aan %1 %2.", "Haag belemmert het zicht aan het kruispunt in de %1."},
     {"Gesnoeid door de groendienst.", "Eigenaar is aangeschreven om te snoeien."}},
    {"boom-omgevallen",
     "Omgevallen boom",
     "Groen",
     2,
     "boom,storm",
     {"Na de storm ligt een boom over de %1.", "Grote tak afgebroken boven de speeltuin in de %1."},
     {"Boom verwijderd.", "Tak weggezaagd."}},
    {"graffiti",
     "Graffiti",
     "Openbaar domein",
     21,
     "graffiti,tags",
     {"Graffiti op de gevel van het gemeentehuis.", "Tags op de geluidsmuur langs de %1."},
     {"Graffiti verwijderd.", "Gereinigd door de technische dienst."}},
    {"hondenpoep",
     "Hondenpoep",
     "Openbaar domein",
     7,
     "hond,uitwerpselen",
     {"Veel hondenpoep op het grasveld in de %1.", "Voetpad aan %1 %2 ligt vol hondenpoep."},
     {"Extra controle door de gemeenschapswachten.", "Gereinigd."}},
    {"riolering",
     "Wateroverlast of verstopte kolk",
     "Water",
     5,
     "riool,kolk,water,overstroming",
     {"Verstopte straatkolk aan %1 %2, water blijft staan.", "Wateroverlast in de %1 na de regen."},
     {"Kolk geruimd.", "Rioolbeheerder heeft de leiding doorgespoten."}},
    {"speeltuin",
     "Speeltuin defect",
     "Openbaar domein",
     14,
     "speeltuin,schommel,glijbaan",
     {"De schommel in het speelplein aan de %1 is kapot.", "Loszittende plank aan de glijbaan in de %1."},
     {"Speeltoestel hersteld.", "Toestel afgesloten in afwachting van herstel."}},
    {"geluidsoverlast",
     "Geluidsoverlast",
     "Samenleven",
     10,
     "lawaai,geluid,overlast",
     {"Nachtelijk lawaai aan %1 %2.", "Luide muziek elke avond in de %1."},
     {"Doorgegeven aan de lokale politie.", "Bemiddeling door de dienst samenleven."}},
    {"parkeren",
     "Foutparkeren",
     "Mobiliteit",
     5,
     "parkeren,auto,inrit",
     {"Auto staat al %3 dagen voor mijn inrit aan %1 %2.", "Wagens parkeren op het fietspad in de %1."},
     {"Doorgegeven aan de parkeerwachters.", "Voertuig getakeld."}},
};

QString fill(const char *pattern, const QString &street, const QString &number, int n)
{
    return QString::fromUtf8(pattern)
        .replace(QLatin1String("%1"), street)
        .replace(QLatin1String("%2"), number)
        .replace(QLatin1String("%3"), QString::number(n));
}

// Contact subjects and what was said, by channel.
const char *const contactSubjects[] = {
    "Aanvraag identiteitskaart",
    "Verlies rijbewijs",
    "Adreswijziging",
    "Vraag over afvalkalender",
    "Parkeerkaart bewoners",
    "Huwelijksplanning",
    "Uittreksel strafregister",
    "Aanvraag reispas",
    "Vraag over bouwaanvraag",
    "Premie zonnepanelen",
    "Grofvuil ophalen",
    "Vraag over een melding",
    "Aangifte geboorte",
    "Vuilniszakken bestellen",
    "Inname openbaar domein",
    "Vraag over belastingaanslag",
};
const char *const contactTexts[] = {
    "Burger vraagt welke documenten nodig zijn en hoe lang het duurt.",
    "Uitleg gegeven over de procedure en de kostprijs.",
    "Afspraak ingepland aan het loket.",
    "Burger belt opnieuw omdat hij nog geen antwoord kreeg.",
    "Doorverwezen naar de bevoegde dienst.",
    "Formulier per e-mail bezorgd.",
    "Vraag beantwoord; geen verdere actie nodig.",
    "Terugbelverzoek genoteerd voor de vakdienst.",
};
const char *const channels[] = {"balie", "telefoon", "e-mail", "chat", "brief", "app"};
const double channelWeights[] = {0.32, 0.38, 0.17, 0.06, 0.03, 0.04};

const char *const taskActions[] = {
    "Burger terugbellen",
    "Antwoord per e-mail bezorgen",
    "Dossier nakijken",
    "Attest opmaken",
    "Afspraak inplannen",
    "Doorsturen naar vakdienst",
};
const char *const taskExplanations[] = {
    "Burger wacht op een antwoord over de stand van zaken.",
    "Graag vóór het einde van de week terugbellen.",
    "Bijkomende documenten nodig voor de aanvraag.",
    "Burger wil een afspraak buiten de kantooruren.",
};
} // namespace

QList<ServiceType> serviceTypes()
{
    QList<ServiceType> list;
    for (const ServiceText &s : serviceTexts) {
        const QString name = QString::fromUtf8(s.name);
        list.append({QString::fromLatin1(s.code),
                     name,
                     name + QStringLiteral(": melden bij de gemeente."),
                     QString::fromUtf8(s.group),
                     QString::fromUtf8(s.keywords).split(QLatin1Char(',')),
                     s.typicalDays});
    }
    return list;
}

QList<Actor> actorList(Profile profile)
{
    const QString domain = profile == Profile::Flanders ? QStringLiteral("gemeente.be") : QStringLiteral("gemeente.nl");
    QList<Actor> list;
    for (const char *team : {"Burgerzaken", "Omgeving", "Technische dienst", "Afvalbeheer", "Financiën", "Mobiliteit"}) {
        list.append({QString::fromUtf8(team), true, QString()});
    }
    for (const char *person : {"An Peeters", "Koen Wouters", "Sofie Maes", "Jeroen Claes", "Fatima El Idrissi", "Pieter De Smet"}) {
        const QString name = QString::fromUtf8(person);
        list.append({name, false, name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) + QLatin1Char('@') + domain});
    }
    return list;
}

QString closingNote(int service, Rng &rng)
{
    const ServiceText &s = serviceTexts[std::size_t(service) % std::size(serviceTexts)];
    return QString::fromUtf8(s.closing.begin()[rng.bounded(quint32(s.closing.size()))]);
}

QString reopeningNote(Rng &rng)
{
    return rng.chance(0.5) ? QStringLiteral("Heropend: het probleem is er opnieuw.") : QStringLiteral("Heropend na een nieuwe melding van een bewoner.");
}

namespace
{
struct ReportDraws
{
    bool anonymous = false;
    bool nationalNumber = false;
    bool byEmail = true;
    int service = 0;
};

// A report's first draws, up to its category. Shared by makeReport() and reportHead(), so that
// the one never drifts from the other.
ReportDraws drawReportHead(Rng &rng)
{
    ReportDraws d;
    d.anonymous = rng.chance(0.08);
    d.nationalNumber = !d.anonymous && rng.chance(0.55);
    d.byEmail = rng.chance(0.75);
    d.service = int(rng.bounded(quint32(std::size(serviceTexts))));
    return d;
}
} // namespace

ReportHead DataSet::reportHead(quint64 index) const
{
    const ReportTimes t = times(index);
    ReportHead head;
    head.closed = t.closed;
    head.requested = t.requested;
    head.updated = t.updated;
    if (const auto submitted = m_submittedReports.constFind(index); submitted != m_submittedReports.cend()) {
        head.service = submitted->service;
    } else {
        Rng rng(hashKey(m_seed, index >= m_baseReports ? Stream::AddedReport : Stream::Report, index), Stream::Report, 0);
        head.service = drawReportHead(rng).service;
    }
    return head;
}

ReportRecord DataSet::makeReport(quint64 index, quint32 reporter, quint64 key, const ReportTimes &t) const
{
    Rng rng(key, Stream::Report, 0);
    ReportRecord r;
    r.index = index;
    r.reporter = reporter;
    const ReportDraws draws = drawReportHead(rng);
    r.anonymous = draws.anonymous;
    r.reporterNationalNumber = draws.nationalNumber;
    r.reporterByEmail = draws.byEmail;
    r.service = draws.service;
    const ServiceText &s = serviceTexts[std::size_t(r.service)];
    const Person p = person(reporter);
    // Most people report what is in their own street or close by.
    if (rng.chance(0.6)) {
        r.street = p.street;
        r.houseNumber = QString::number(std::max(1, p.houseNumber.toInt() + int(rng.bounded(21)) - 10));
    } else {
        r.street = m_reference.street(rng);
        r.houseNumber = QString::number(1 + rng.bounded(180));
    }
    r.postcode = p.postcode;
    r.municipality = p.municipality;
    r.latitude = p.latitude + (rng.uniform() - 0.5) * 0.01;
    r.longitude = p.longitude + (rng.uniform() - 0.5) * 0.015;
    r.description = fill(s.descriptions.begin()[rng.bounded(quint32(s.descriptions.size()))], r.street, r.houseNumber, 2 + int(rng.bounded(9)));
    r.requested = QDateTime::fromSecsSinceEpoch(t.requested, Qt::UTC);
    r.updated = QDateTime::fromSecsSinceEpoch(t.updated, Qt::UTC);
    r.expected = r.requested.addDays(s.typicalDays);
    r.closed = t.closed;
    if (r.closed) {
        r.statusNotes = QString::fromUtf8(s.closing.begin()[rng.bounded(quint32(s.closing.size()))]);
    }
    return r;
}

namespace
{
struct ContactHead
{
    std::size_t channel = 0;
    int service = -1;
};

// A contact's first draws: its channel and the report category it is about, if any. Shared by
// contact() and contactService(), so that the one never drifts from the other.
ContactHead drawContactHead(Rng &rng)
{
    ContactHead head;
    double u = rng.uniform();
    while (head.channel + 1 < std::size(channels) && u >= channelWeights[head.channel]) {
        u -= channelWeights[head.channel];
        ++head.channel;
    }
    if (rng.chance(0.2)) {
        head.service = int(rng.bounded(quint32(std::size(serviceTexts))));
    }
    return head;
}
} // namespace

int DataSet::contactService(quint64 index) const
{
    Rng rng(m_seed, index >= m_contactsBefore.back() ? Stream::Mutation : Stream::Contact, index);
    return drawContactHead(rng).service;
}

ContactRecord DataSet::contact(quint64 index) const
{
    ContactRecord c;
    c.index = index;
    c.citizen = contactCitizen(index);
    const bool added = index >= m_contactsBefore.back();
    Rng rng(m_seed, added ? Stream::Mutation : Stream::Contact, index);
    const ContactHead head = drawContactHead(rng);
    c.channel = QString::fromLatin1(channels[head.channel]);
    if (head.service >= 0) {
        c.service = head.service;
        c.subject = QStringLiteral("Melding: ") + QString::fromUtf8(serviceTexts[std::size_t(c.service)].name);
    } else {
        c.subject = QString::fromUtf8(contactSubjects[rng.bounded(quint32(std::size(contactSubjects)))]);
    }
    c.text = QString::fromUtf8(contactTexts[rng.bounded(quint32(std::size(contactTexts)))]);
    c.succeeded = !rng.chance(0.07);
    const Person p = person(c.citizen);
    c.language = p.language == QLatin1String("fr") ? QStringLiteral("fra")
        : p.language == QLatin1String("de")        ? QStringLiteral("deu")
        : p.language == QLatin1String("en")        ? QStringLiteral("eng")
                                                   : QStringLiteral("nld");
    c.confidential = rng.chance(0.03);
    if (added) {
        c.time = m_addedContacts.at(qsizetype(index - m_contactsBefore.back())).time;
    } else {
        // Office hours on working days, spread over the last years.
        const QDate first = m_referenceDate.addDays(-HistoryDays);
        QDate day = first.addDays(qint64(rng.uniform() * double(HistoryDays - 1)));
        if (day.dayOfWeek() > 5) {
            day = day.addDays(8 - day.dayOfWeek());
        }
        c.time = QDateTime(day, QTime(8, 30).addSecs(int(rng.bounded(8 * 3600))), Qt::UTC);
        if (c.time >= m_referenceTime) {
            c.time = m_referenceTime.addSecs(-3600);
        }
    }
    return c;
}

TaskRecord DataSet::task(quint64 index) const
{
    TaskRecord t;
    t.index = index;
    t.citizen = taskCitizen(index);
    Rng rng(m_seed, Stream::Task, index);
    const quint64 first = m_contactsBefore[t.citizen];
    const quint64 count = m_contactsBefore[t.citizen + 1] - first;
    t.contact = first + rng.bounded(quint32(std::max<quint64>(count, 1)));
    const ContactRecord origin = contact(t.contact);
    t.requestedAction = QString::fromUtf8(taskActions[rng.bounded(quint32(std::size(taskActions)))]);
    t.explanation = QString::fromUtf8(taskExplanations[rng.bounded(quint32(std::size(taskExplanations)))]);
    t.actor = int(rng.bounded(quint32(m_actors.size())));
    t.assigned = origin.time.addSecs(60 + rng.bounded(3600));
    const qint64 age = t.assigned.daysTo(m_referenceTime);
    t.done = rng.chance(age > 30 ? 0.95 : 0.4);
    if (t.done) {
        t.completed = std::min(t.assigned.addSecs(3600 + qint64(rng.bounded(14 * 86400))), m_referenceTime.addSecs(-60));
    }
    return t;
}

} // namespace C360::Ref
