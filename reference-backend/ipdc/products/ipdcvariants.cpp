// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The variants products come in (urgency, target group, size, zone…) and the procedures they follow.

#include "ipdc/ipdcdata.h"

namespace C360::Ref::Ipdc
{

namespace
{
constexpr Variant variantTable[] = {
    {"std", {}, {}},
    // Urgency.
    {"urgent",
     {"spoedprocedure", "procédure urgente", "Eilverfahren", "urgent procedure"},
     {"Bij een spoedprocedure is het document binnen twee werkdagen beschikbaar.",
      "En procédure urgente, le document est disponible dans les deux jours ouvrables.",
      "Im Eilverfahren ist das Dokument innerhalb von zwei Werktagen verfügbar.",
      "With the urgent procedure, the document is available within two working days."}},
    {"veryurgent",
     {"zeer dringende procedure", "procédure très urgente", "sehr dringendes Verfahren", "very urgent procedure"},
     {"Bij een zeer dringende procedure is het document de volgende werkdag beschikbaar, als de aanvraag voor 15 uur gebeurt.",
      "En procédure très urgente, le document est disponible le jour ouvrable suivant si la demande est faite avant 15 heures.",
      "Im sehr dringenden Verfahren ist das Dokument am nächsten Werktag verfügbar, wenn der Antrag vor 15 Uhr gestellt wird.",
      "With the very urgent procedure, the document is available the next working day if you apply before 3 pm."}},
    // Age and target group.
    {"minor", {"minderjarigen", "mineurs", "Minderjährige", "minors"}, {}},
    {"adult", {"meerderjarigen", "majeurs", "Volljährige", "adults"}, {}},
    {"child", {"kinderen", "enfants", "Kinder", "children"}, {}},
    {"youth", {"jongeren tot 18 jaar", "jeunes jusqu'à 18 ans", "Jugendliche bis 18 Jahre", "young people up to 18"}, {}},
    {"senior", {"65-plussers", "65 ans et plus", "ab 65 Jahren", "over-65s"}, {}},
    {"resident", {"voor inwoners", "pour les habitants", "für Einwohner", "for residents"}, {}, "Burger"},
    {"nonresident", {"voor niet-inwoners", "pour les non-résidents", "für Nicht-Einwohner", "for non-residents"}, {}, "Burger"},
    {"association", {"voor verenigingen", "pour les associations", "für Vereine", "for associations"}, {}, "Vereniging"},
    {"company", {"voor ondernemingen", "pour les entreprises", "für Unternehmen", "for businesses"}, {}, "Onderneming"},
    {"kansen",
     {"kansentarief", "tarif social", "Sozialtarif", "concession rate"},
     {"Het kansentarief geldt voor wie een UiTPAS met kansenstatuut heeft.",
      "Le tarif social s'applique aux détenteurs d'une UiTPAS avec statut d'opportunité.",
      "Der Sozialtarif gilt für Inhaber eines UiTPAS mit Chancenstatus.",
      "The concession rate applies to holders of a UiTPAS with opportunity status."}},
    {"athome",
     {"aan huis voor minder mobiele personen",
      "à domicile pour les personnes à mobilité réduite",
      "zu Hause für Personen mit eingeschränkter Mobilität",
      "at home for people with reduced mobility"},
     {"Een medewerker komt met een mobiele registratiekit bij u thuis langs. U hebt een medisch attest nodig dat bevestigt dat u zich niet kunt "
      "verplaatsen.",
      "Un agent se rend à votre domicile avec un kit d'enregistrement mobile. Vous avez besoin d'un certificat médical confirmant que vous ne "
      "pouvez pas vous déplacer.",
      "Ein Mitarbeiter kommt mit einem mobilen Registrierungsset zu Ihnen nach Hause. Sie benötigen ein ärztliches Attest, das bestätigt, dass "
      "Sie sich nicht fortbewegen können.",
      "A member of staff visits your home with a mobile registration kit. You need a medical certificate confirming that you cannot travel."}},
    {"reduced", {"verminderd tarief", "tarif réduit", "ermäßigter Tarif", "reduced rate"}, {}},
    // Channel.
    {"counter", {"aan het loket", "au guichet", "am Schalter", "at the counter"}, {}, nullptr, "counter"},
    {"online", {"online", "en ligne", "online", "online"}, {}, nullptr, "eloket"},
    {"post", {"per post", "par courrier", "per Post", "by post"}, {}, nullptr, "post"},
    {"history",
     {"met adreshistoriek", "avec historique des adresses", "mit Adressverlauf", "with address history"},
     {"Het attest vermeldt ook alle vorige adressen in België.",
      "Le certificat mentionne aussi toutes les adresses précédentes en Belgique.",
      "Die Bescheinigung enthält auch alle früheren Adressen in Belgien.",
      "The certificate also lists all previous addresses in Belgium."},
     nullptr,
     "counter"},
    // Identity documents for foreign nationals.
    {"cardEU", {"EU-burgers (kaart EU of EU+)", "citoyens de l'UE (carte EU ou EU+)", "EU-Bürger (Karte EU oder EU+)", "EU citizens (EU or EU+ card)"}, {}},
    {"cardNonEU",
     {"niet-EU-burgers (kaart A of B)", "ressortissants hors UE (carte A ou B)", "Nicht-EU-Bürger (Karte A oder B)", "non-EU nationals (A or B card)"},
     {}},
    {"cardFamily",
     {"familieleden (kaart F of F+)", "membres de la famille (carte F ou F+)", "Familienangehörige (Karte F oder F+)", "family members (F or F+ card)"},
     {}},
    {"euCitizen", {"EU-burgers", "citoyens de l'UE", "EU-Bürger", "EU citizens"}, {}},
    {"nonEu", {"niet-EU-burgers", "ressortissants hors UE", "Nicht-EU-Bürger", "non-EU nationals"}, {}},
    {"student", {"studenten", "étudiants", "Studierende", "students"}, {}},
    // Driving licences.
    {"first", {"eerste aanvraag", "première demande", "Erstantrag", "first application"}, {}},
    {"replace", {"duplicaat", "duplicata", "Duplikat", "duplicate"}, {}},
    {"exchange",
     {"omwisseling buitenlands rijbewijs", "échange d'un permis étranger", "Umtausch eines ausländischen Führerscheins", "exchange of a foreign licence"},
     {}},
    {"professional",
     {"verlenging groep C of D", "renouvellement groupe C ou D", "Verlängerung Gruppe C oder D", "renewal for group C or D"},
     {"De geldigheid van het rijbewijs voor de groepen C en D is beperkt tot vijf jaar.",
      "La validité du permis pour les groupes C et D est limitée à cinq ans.",
      "Die Gültigkeit des Führerscheins für die Gruppen C und D ist auf fünf Jahre begrenzt.",
      "A licence for groups C and D is valid for five years."}},
    {"m18",
     {"model 18 maanden", "modèle 18 mois", "Modell 18 Monate", "18-month model"},
     {"Met dit model rijdt u met een begeleider.",
      "Avec ce modèle, vous conduisez accompagné d'un guide.",
      "Mit diesem Modell fahren Sie mit einer Begleitperson.",
      "With this model you drive with an accompanying person."}},
    {"m36",
     {"model 36 maanden", "modèle 36 mois", "Modell 36 Monate", "36-month model"},
     {"Met dit model rijdt u zonder begeleider, na minstens 20 uur rijschool.",
      "Avec ce modèle, vous conduisez sans guide, après au moins 20 heures d'auto-école.",
      "Mit diesem Modell fahren Sie ohne Begleitperson, nach mindestens 20 Fahrstunden.",
      "With this model you drive unaccompanied, after at least 20 hours of driving lessons."}},
    {"m12",
     {"model 12 maanden", "modèle 12 mois", "Modell 12 Monate", "12-month model"},
     {"Met dit model rijdt u met een begeleider, na 8 uur rijschool.",
      "Avec ce modèle, vous conduisez accompagné d'un guide, après 8 heures d'auto-école.",
      "Mit diesem Modell fahren Sie mit einer Begleitperson, nach 8 Fahrstunden.",
      "With this model you drive with an accompanying person, after 8 hours of driving lessons."}},
    // Moving house.
    {"within", {"binnen de gemeente", "au sein de la commune", "innerhalb der Gemeinde", "within the municipality"}, {}},
    {"fromOther",
     {"vanuit een andere Belgische gemeente", "depuis une autre commune belge", "aus einer anderen belgischen Gemeinde", "from another Belgian municipality"},
     {}},
    {"fromAbroad", {"vanuit het buitenland", "depuis l'étranger", "aus dem Ausland", "from abroad"}, {}},
    // Criminal record.
    {"art595",
     {"model 1 (artikel 595)", "modèle 1 (article 595)", "Muster 1 (Artikel 595)", "model 1 (article 595)"},
     {"Dit is het algemene model, voor de meeste toepassingen.",
      "C'est le modèle général, pour la plupart des usages.",
      "Dies ist das allgemeine Muster für die meisten Zwecke.",
      "This is the general model, for most purposes."}},
    {"art5961",
     {"model 2 (artikel 596.1)", "modèle 2 (article 596.1)", "Muster 2 (Artikel 596.1)", "model 2 (article 596.1)"},
     {"Dit model is nodig voor een gereglementeerde activiteit, zoals bewakingsagent of taxichauffeur.",
      "Ce modèle est requis pour une activité réglementée, comme agent de gardiennage ou chauffeur de taxi.",
      "Dieses Muster ist für eine reglementierte Tätigkeit erforderlich, etwa als Wachmann oder Taxifahrer.",
      "This model is required for a regulated activity, such as security guard or taxi driver."}},
    {"art5962",
     {"model 2 (artikel 596.2)", "modèle 2 (article 596.2)", "Muster 2 (Artikel 596.2)", "model 2 (article 596.2)"},
     {"Dit model is nodig voor een activiteit met minderjarigen in opvoeding, begeleiding, jeugdwerk of zorg.",
      "Ce modèle est requis pour une activité avec des mineurs dans l'éducation, l'encadrement, l'animation ou les soins.",
      "Dieses Muster ist für eine Tätigkeit mit Minderjährigen in Erziehung, Betreuung, Jugendarbeit oder Pflege erforderlich.",
      "This model is required for an activity with minors in education, supervision, youth work or care."}},
    // Civil status.
    {"prenatal", {"voor de geboorte", "avant la naissance", "vor der Geburt", "before birth"}, {}},
    {"postnatal", {"na de geboorte", "après la naissance", "nach der Geburt", "after birth"}, {}},
    {"weekday", {"op een weekdag", "un jour de semaine", "an einem Wochentag", "on a weekday"}, {}},
    {"saturday", {"op zaterdag", "le samedi", "am Samstag", "on a Saturday"}, {}},
    {"external",
     {"op een externe locatie", "dans un lieu externe", "an einem externen Ort", "at an external venue"},
     {"De locatie moet openbaar toegankelijk zijn en vooraf door het college goedgekeurd.",
      "Le lieu doit être accessible au public et approuvé au préalable par le collège.",
      "Der Ort muss öffentlich zugänglich sein und vorab vom Kollegium genehmigt werden.",
      "The venue must be open to the public and approved in advance by the Board."}},
    {"declare", {"verklaring", "déclaration", "Erklärung", "declaration"}, {}},
    {"end", {"beëindiging", "cessation", "Beendigung", "termination"}, {}},
    {"copy", {"afschrift", "copie", "Abschrift", "copy"}, {}},
    {"extract", {"uittreksel", "extrait", "Auszug", "extract"}, {}},
    {"multilingual",
     {"meertalig uittreksel", "extrait plurilingue", "mehrsprachiger Auszug", "multilingual extract"},
     {"Het meertalig uittreksel wordt zonder vertaling aanvaard in de landen van de Internationale Commissie voor de Burgerlijke Stand.",
      "L'extrait plurilingue est accepté sans traduction dans les pays de la Commission internationale de l'état civil.",
      "Der mehrsprachige Auszug wird in den Ländern der Internationalen Kommission für das Zivilstandswesen ohne Übersetzung anerkannt.",
      "The multilingual extract is accepted without translation in the countries of the International Commission on Civil Status."}},
    // Funerals.
    {"burial", {"begraving in volle grond", "inhumation en pleine terre", "Erdbestattung", "burial in the ground"}, {}},
    {"scattering", {"asverstrooiing", "dispersion des cendres", "Ascheverstreuung", "scattering of ashes"}, {}},
    {"niche", {"nis in het columbarium", "niche au columbarium", "Nische im Kolumbarium", "niche in the columbarium"}, {}},
    {"y15", {"15 jaar", "15 ans", "15 Jahre", "15 years"}, {}},
    {"y30", {"30 jaar", "30 ans", "30 Jahre", "30 years"}, {}},
    {"y50", {"50 jaar", "50 ans", "50 Jahre", "50 years"}, {}},
    // Parking.
    {"zoneCentre", {"zone centrum", "zone centre", "Zone Zentrum", "city-centre zone"}, {}},
    {"zoneRing", {"zone stadsrand", "zone périphérie", "Zone Stadtrand", "outer zone"}, {}},
    {"zoneVillage", {"zone deelgemeenten", "zone des sections", "Zone Ortsteile", "village zone"}, {}},
    {"car1", {"eerste voertuig", "premier véhicule", "erstes Fahrzeug", "first vehicle"}, {}},
    {"car2", {"tweede voertuig", "deuxième véhicule", "zweites Fahrzeug", "second vehicle"}, {}},
    {"visitor",
     {"bezoekerskaart", "carte visiteur", "Besucherausweis", "visitor permit"},
     {"Met de bezoekerskaart parkeren uw bezoekers maximaal 4 uur per dag in de zone.",
      "Avec la carte visiteur, vos visiteurs stationnent au maximum 4 heures par jour dans la zone.",
      "Mit dem Besucherausweis parken Ihre Besucher höchstens 4 Stunden pro Tag in der Zone.",
      "With the visitor permit your visitors can park in the zone for up to 4 hours a day."}},
    {"dayPass", {"dagpas", "pass journalier", "Tagespass", "day pass"}, {}},
    {"exemption", {"ontheffing", "dérogation", "Ausnahmegenehmigung", "exemption"}, {}},
    {"container", {"container", "conteneur", "Container", "skip"}, {}},
    {"scaffolding", {"stelling", "échafaudage", "Gerüst", "scaffolding"}, {}},
    {"lift", {"verhuislift", "monte-meubles", "Möbellift", "furniture lift"}, {}},
    {"speedpedelec", {"speedpedelec", "speed pedelec", "S-Pedelec", "speed pedelec"}, {}},
    {"cityBike", {"stadsfiets", "vélo de ville", "Stadtrad", "city bike"}, {}},
    {"ebike", {"elektrische fiets", "vélo électrique", "Elektrofahrrad", "electric bike"}, {}},
    {"cargo", {"bakfiets", "vélo cargo", "Lastenrad", "cargo bike"}, {}},
    // Building and living.
    {"simple", {"vereenvoudigde procedure", "procédure simplifiée", "vereinfachtes Verfahren", "simplified procedure"}, {}},
    {"regular",
     {"gewone procedure", "procédure ordinaire", "reguläres Verfahren", "regular procedure"},
     {"Bij de gewone procedure organiseert de gemeente een openbaar onderzoek van 30 dagen.",
      "Dans la procédure ordinaire, la commune organise une enquête publique de 30 jours.",
      "Im regulären Verfahren führt die Gemeinde eine öffentliche Untersuchung von 30 Tagen durch.",
      "In the regular procedure, the municipality holds a 30-day public inquiry."}},
    {"notice", {"melding", "déclaration", "Meldung", "notification"}, {}},
    {"extractUrb", {"stedenbouwkundig uittreksel", "extrait urbanistique", "städtebaulicher Auszug", "planning extract"}, {}},
    {"attestUrb", {"stedenbouwkundig attest", "certificat d'urbanisme", "städtebauliche Bescheinigung", "planning certificate"}, {}},
    {"dwelling", {"zelfstandige woning", "logement individuel", "abgeschlossene Wohnung", "self-contained home"}, {}},
    {"room", {"kamer", "chambre", "Zimmer", "room"}, {}},
    {"roof", {"dakisolatie", "isolation de toiture", "Dachdämmung", "roof insulation"}, {}},
    {"wall", {"muurisolatie", "isolation des murs", "Wanddämmung", "wall insulation"}, {}},
    {"floor", {"vloerisolatie", "isolation du sol", "Bodendämmung", "floor insulation"}, {}},
    {"glazing", {"hoogrendementsglas", "vitrage à haut rendement", "Hochleistungsverglasung", "high-efficiency glazing"}, {}},
    {"heatpump", {"warmtepomp", "pompe à chaleur", "Wärmepumpe", "heat pump"}, {}},
    {"solarboiler", {"zonneboiler", "chauffe-eau solaire", "Solarwarmwasserbereiter", "solar water heater"}, {}},
    {"ventilation", {"ventilatiesysteem", "système de ventilation", "Lüftungsanlage", "ventilation system"}, {}},
    {"electrical", {"elektrische installatie", "installation électrique", "Elektroinstallation", "electrical installation"}, {}},
    {"cat1",
     {"inkomenscategorie 1", "catégorie de revenus 1", "Einkommenskategorie 1", "income category 1"},
     {"Categorie 1 geldt voor de laagste inkomens en geeft de hoogste premie.",
      "La catégorie 1 s'applique aux revenus les plus bas et donne la prime la plus élevée.",
      "Kategorie 1 gilt für die niedrigsten Einkommen und ergibt die höchste Prämie.",
      "Category 1 applies to the lowest incomes and gives the highest premium."}},
    {"cat2", {"inkomenscategorie 2", "catégorie de revenus 2", "Einkommenskategorie 2", "income category 2"}, {}},
    {"cat3", {"inkomenscategorie 3", "catégorie de revenus 3", "Einkommenskategorie 3", "income category 3"}, {}},
    {"ownerOccupant", {"eigenaar-bewoner", "propriétaire occupant", "selbstnutzender Eigentümer", "owner-occupier"}, {}},
    {"landlord", {"verhuurder", "bailleur", "Vermieter", "landlord"}, {}},
    {"rainTank", {"hemelwaterput", "citerne d'eau de pluie", "Regenwasserzisterne", "rainwater tank"}, {}},
    {"infiltration", {"infiltratievoorziening", "système d'infiltration", "Versickerungsanlage", "infiltration system"}, {}},
    {"greenRoof", {"groendak", "toiture verte", "Gründach", "green roof"}, {}},
    {"sheets", {"ophaling asbestplaten", "enlèvement de plaques d'amiante", "Abholung von Asbestplatten", "collection of asbestos sheets"}, {}},
    {"bigbag", {"asbestzak (big bag)", "sac pour amiante (big bag)", "Asbestsack (Big Bag)", "asbestos bag (big bag)"}, {}},
    {"standardConn", {"standaardaansluiting", "raccordement standard", "Standardanschluss", "standard connection"}, {}},
    {"extraConn", {"bijkomende aansluiting", "raccordement supplémentaire", "zusätzlicher Anschluss", "additional connection"}, {}},
    {"house", {"woning", "logement", "Wohnung", "dwelling"}, {}},
    {"building", {"gebouw", "bâtiment", "Gebäude", "building"}, {}},
    // Waste.
    {"municipal", {"gemeenteraadsverkiezingen", "élections communales", "Gemeinderatswahlen", "municipal elections"}, {}},
    {"european", {"Europese verkiezingen", "élections européennes", "Europawahlen", "European elections"}, {}},
    {"lostEid", {"identiteitskaart of Kids-ID", "carte d'identité ou Kids-ID", "Personalausweis oder Kids-ID", "identity card or Kids-ID"}, {}},
    {"lostPassport",
     {"reispas", "passeport", "Reisepass", "passport"},
     {"Een verloren of gestolen reispas wordt altijd bij de politie aangegeven.",
      "Un passeport perdu ou volé est toujours déclaré à la police.",
      "Ein verlorener oder gestohlener Reisepass wird immer bei der Polizei angezeigt.",
      "A lost or stolen passport is always reported to the police."}},
    {"taxiRank",
     {"met standplaats op de openbare weg", "avec station sur la voie publique", "mit Standplatz auf öffentlicher Straße", "with a rank on the public road"},
     {}},
    {"taxiOrder", {"op bestelling", "sur commande", "auf Bestellung", "by booking"}, {}},
    {"permanent", {"vaste vergunning", "autorisation permanente", "Dauergenehmigung", "permanent licence"}, {}},
    {"temporary",
     {"tijdelijke vergunning voor een evenement",
      "autorisation temporaire pour un événement",
      "befristete Genehmigung für eine Veranstaltung",
      "temporary licence for an event"},
     {}},
    {"m1", {"tot 1 m³", "jusqu'à 1 m³", "bis 1 m³", "up to 1 m³"}, {}},
    {"m2", {"tot 2 m³", "jusqu'à 2 m³", "bis 2 m³", "up to 2 m³"}, {}},
    {"m3", {"tot 3 m³", "jusqu'à 3 m³", "bis 3 m³", "up to 3 m³"}, {}},
    {"m4", {"tot 4 m³", "jusqu'à 4 m³", "bis 4 m³", "up to 4 m³"}, {}},
    {"l40", {"40 liter", "40 litres", "40 Liter", "40 litres"}, {}},
    {"l120", {"120 liter", "120 litres", "120 Liter", "120 litres"}, {}},
    {"l240", {"240 liter", "240 litres", "240 Liter", "240 litres"}, {}},
    {"l360", {"360 liter", "360 litres", "360 Liter", "360 litres"}, {}},
    {"l770", {"770 liter", "770 litres", "770 Liter", "770 litres"}, {}},
    {"l1100", {"1.100 liter", "1 100 litres", "1.100 Liter", "1,100 litres"}, {}},
    {"r60", {"rol van 10 zakken van 60 liter", "rouleau de 10 sacs de 60 litres", "Rolle mit 10 Säcken à 60 Liter", "roll of 10 60-litre bags"}, {}},
    {"r30", {"rol van 10 zakken van 30 liter", "rouleau de 10 sacs de 30 litres", "Rolle mit 10 Säcken à 30 Liter", "roll of 10 30-litre bags"}, {}},
    {"pmd", {"rol van 20 pmd-zakken", "rouleau de 20 sacs PMC", "Rolle mit 20 PMK-Säcken", "roll of 20 PMD bags"}, {}},
    {"dupCard", {"vervangkaart", "carte de remplacement", "Ersatzkarte", "replacement card"}, {}},
    {"bin", {"compostvat", "fût à compost", "Komposttonne", "compost bin"}, {}},
    {"box", {"compostbak", "bac à compost", "Kompostkasten", "compost box"}, {}},
    // Economy and events.
    {"summer", {"zomerterras", "terrasse d'été", "Sommerterrasse", "summer terrace"}, {}},
    {"yearRound", {"jaarterras", "terrasse à l'année", "Ganzjahresterrasse", "year-round terrace"}, {}},
    {"enclosed", {"terras met windschermen", "terrasse avec paravents", "Terrasse mit Windschutz", "terrace with windbreaks"}, {}},
    {"weekMarket", {"weekmarkt", "marché hebdomadaire", "Wochenmarkt", "weekly market"}, {}},
    {"fair", {"jaarmarkt", "foire annuelle", "Jahrmarkt", "annual fair"}, {}},
    {"subscription", {"abonnement", "abonnement", "Abonnement", "subscription"}, {}},
    {"single", {"losse standplaats", "emplacement occasionnel", "Einzelstandplatz", "casual pitch"}, {}},
    {"small", {"tot 500 bezoekers", "jusqu'à 500 visiteurs", "bis 500 Besucher", "up to 500 visitors"}, {}},
    {"medium", {"500 tot 5.000 bezoekers", "de 500 à 5 000 visiteurs", "500 bis 5.000 Besucher", "500 to 5,000 visitors"}, {}},
    {"large", {"meer dan 5.000 bezoekers", "plus de 5 000 visiteurs", "mehr als 5.000 Besucher", "more than 5,000 visitors"}, {}},
    {"illuminated", {"lichtreclame", "publicité lumineuse", "Leuchtreklame", "illuminated sign"}, {}},
    {"plain", {"niet-verlichte reclame", "publicité non lumineuse", "unbeleuchtete Werbung", "non-illuminated sign"}, {}},
    {"tables", {"tafels en stoelen", "tables et chaises", "Tische und Stühle", "tables and chairs"}, {}},
    {"stage", {"podium", "podium", "Bühne", "stage"}, {}},
    {"fences", {"nadarhekken", "barrières Nadar", "Absperrgitter", "crowd barriers"}, {}},
    {"tent", {"partytent", "tente de réception", "Partyzelt", "party tent"}, {}},
    {"sound", {"geluidsinstallatie", "sonorisation", "Beschallungsanlage", "sound system"}, {}},
    // Leisure.
    {"ticket", {"los ticket", "entrée unique", "Einzeleintritt", "single ticket"}, {}},
    {"ten", {"10-beurtenkaart", "carte 10 entrées", "10er-Karte", "10-visit card"}, {}},
    {"yearSub", {"jaarabonnement", "abonnement annuel", "Jahresabonnement", "annual pass"}, {}},
    {"lessons", {"zwemlessen (reeks van 10)", "cours de natation (série de 10)", "Schwimmkurs (10 Einheiten)", "swimming lessons (course of 10)"}, {}},
    {"fullHall", {"volledige sporthal", "salle entière", "ganze Sporthalle", "full sports hall"}, {}},
    {"thirdHall", {"een derde van de sporthal", "un tiers de la salle", "ein Drittel der Sporthalle", "one third of the sports hall"}, {}},
    {"bigRoom", {"grote zaal", "grande salle", "großer Saal", "main hall"}, {}},
    {"meetingRoom", {"vergaderzaal", "salle de réunion", "Besprechungsraum", "meeting room"}, {}},
    {"day", {"per dag", "par jour", "pro Tag", "per day"}, {}},
    {"week", {"per week", "par semaine", "pro Woche", "per week"}, {}},
    {"toddler", {"kleuters", "enfants de maternelle", "Kindergartenkinder", "pre-schoolers"}, {}},
    {"sportcamp", {"sportkamp", "stage sportif", "Sportcamp", "sports camp"}, {}},
    {"before", {"voorschoolse opvang", "accueil avant l'école", "Betreuung vor der Schule", "before-school care"}, {}},
    {"after", {"naschoolse opvang", "accueil après l'école", "Betreuung nach der Schule", "after-school care"}, {}},
    {"wednesday", {"woensdagnamiddag", "mercredi après-midi", "Mittwochnachmittag", "Wednesday afternoon"}, {}},
    {"holiday", {"schoolvakanties", "vacances scolaires", "Schulferien", "school holidays"}, {}},
    {"youthAssoc", {"jeugdverenigingen", "associations de jeunesse", "Jugendvereine", "youth associations"}, {}},
    {"sportAssoc", {"sportverenigingen", "clubs sportifs", "Sportvereine", "sports clubs"}, {}},
    {"cultureAssoc", {"cultuurverenigingen", "associations culturelles", "Kulturvereine", "cultural associations"}, {}},
    {"project", {"projectsubsidie", "subside de projet", "Projektzuschuss", "project grant"}, {}},
    // Care.
    {"singleRoom", {"eenpersoonskamer", "chambre individuelle", "Einzelzimmer", "single room"}, {}},
    {"doubleRoom", {"tweepersoonskamer", "chambre double", "Doppelzimmer", "double room"}, {}},
    {"shortStay", {"kortverblijf", "court séjour", "Kurzzeitpflege", "short stay"}, {}},
    {"dayCentre", {"dagverzorgingscentrum", "centre de soins de jour", "Tagespflegezentrum", "day care centre"}, {}},
    {"familyCare", {"gezinszorg", "aide familiale", "Familienhilfe", "family care"}, {}},
    {"cleaning", {"poetshulp", "aide ménagère", "Haushaltshilfe", "home cleaning"}, {}},
    {"meals", {"maaltijden aan huis", "repas à domicile", "Essen auf Rädern", "meals on wheels"}, {}},
    {"alarm", {"personenalarm", "téléassistance", "Hausnotruf", "personal alarm"}, {}},
};

constexpr Procedure procedureTable[] = {
    {"eid",
     {"<p>U maakt een afspraak bij de dienst Burgerzaken, online of telefonisch. Tijdens de afspraak registreert de medewerker uw gegevens en "
      "vingerafdrukken. Wanneer het document klaar is, ontvangt u een brief met uw pin- en pukcode. Met die brief haalt u het document af aan het "
      "loket.</p>",
      "<p>Vous prenez rendez-vous auprès du service Population, en ligne ou par téléphone. Lors du rendez-vous, l'agent enregistre vos données et "
      "vos empreintes digitales. Lorsque le document est prêt, vous recevez une lettre avec vos codes PIN et PUK. Avec cette lettre, vous retirez "
      "le document au guichet.</p>",
      "<p>Sie vereinbaren online oder telefonisch einen Termin beim Bürgerservice. Beim Termin erfasst der Mitarbeiter Ihre Daten und "
      "Fingerabdrücke. Sobald das Dokument fertig ist, erhalten Sie einen Brief mit Ihrem PIN- und PUK-Code. Mit diesem Brief holen Sie das "
      "Dokument am Schalter ab.</p>",
      "<p>You make an appointment with the Civil Affairs department, online or by phone. During the appointment, the clerk records your details "
      "and fingerprints. When the document is ready, you receive a letter with your PIN and PUK codes. You collect the document at the counter "
      "with that letter.</p>"}},
    {"passport",
     {"<p>U maakt een afspraak bij de dienst Burgerzaken. Tijdens de afspraak registreert de medewerker uw gegevens, foto en vingerafdrukken. "
      "Zodra de reispas klaar is, krijgt u een bericht en haalt u hem persoonlijk af aan het loket.</p>",
      "<p>Vous prenez rendez-vous auprès du service Population. Lors du rendez-vous, l'agent enregistre vos données, votre photo et vos empreintes "
      "digitales. Dès que le passeport est prêt, vous recevez un message et vous le retirez en personne au guichet.</p>",
      "<p>Sie vereinbaren einen Termin beim Bürgerservice. Beim Termin erfasst der Mitarbeiter Ihre Daten, Ihr Foto und Ihre Fingerabdrücke. "
      "Sobald der Reisepass fertig ist, erhalten Sie eine Nachricht und holen ihn persönlich am Schalter ab.</p>",
      "<p>You make an appointment with the Civil Affairs department. During the appointment, the clerk records your details, photo and "
      "fingerprints. As soon as the passport is ready, you receive a message and collect it in person at the counter.</p>"}},
    {"counter",
     {"<p>U vraagt het document aan aan het loket van de dienst Burgerzaken. U krijgt het document meteen mee.</p>",
      "<p>Vous demandez le document au guichet du service Population. Le document vous est remis immédiatement.</p>",
      "<p>Sie beantragen das Dokument am Schalter des Bürgerservice. Sie erhalten das Dokument sofort.</p>",
      "<p>You apply for the document at the Civil Affairs counter. You receive the document straight away.</p>"}},
    {"eloket",
     {"<p>U vraagt het document aan via het e-loket van de gemeente of via Mijn Burgerprofiel. U meldt aan met uw eID of de app itsme. U "
      "ontvangt het document onmiddellijk als pdf met een elektronisch zegel.</p>",
      "<p>Vous demandez le document via le guichet électronique de la commune ou via Mon profil citoyen. Vous vous connectez avec votre eID ou "
      "l'application itsme. Vous recevez immédiatement le document en PDF muni d'un cachet électronique.</p>",
      "<p>Sie beantragen das Dokument über den E-Schalter der Gemeinde oder über Mein Bürgerprofil. Sie melden sich mit Ihrem eID oder der App "
      "itsme an. Sie erhalten das Dokument sofort als PDF mit elektronischem Siegel.</p>",
      "<p>You apply for the document via the municipality's e-desk or via My Citizen Profile. You log in with your eID or the itsme app. You "
      "receive the document immediately as a PDF with an electronic seal.</p>"},
     "https://www.vlaanderen.be/mijn-burgerprofiel",
     {"Mijn Burgerprofiel", "Mon profil citoyen", "Mein Bürgerprofil", "My Citizen Profile"}},
    {"post",
     {"<p>U vraagt het document schriftelijk aan bij de dienst Burgerzaken, met een kopie van uw identiteitskaart. De gemeente stuurt het "
      "document naar uw adres.</p>",
      "<p>Vous demandez le document par écrit au service Population, avec une copie de votre carte d'identité. La commune envoie le document à "
      "votre adresse.</p>",
      "<p>Sie beantragen das Dokument schriftlich beim Bürgerservice, mit einer Kopie Ihres Personalausweises. Die Gemeinde schickt das Dokument "
      "an Ihre Adresse.</p>",
      "<p>You apply for the document in writing to the Civil Affairs department, enclosing a copy of your identity card. The municipality sends "
      "the document to your address.</p>"}},
    {"loss",
     {"<p>U belt eerst Doc Stop (00800 2123 2123) om het document te laten blokkeren. Daarna doet u aangifte bij de politie of bij de dienst "
      "Burgerzaken en krijgt u een attest van verlies of diefstal.</p>",
      "<p>Vous appelez d'abord Doc Stop (00800 2123 2123) pour faire bloquer le document. Ensuite, vous faites une déclaration à la police ou au "
      "service Population et recevez une attestation de perte ou de vol.</p>",
      "<p>Sie rufen zuerst Doc Stop (00800 2123 2123) an, um das Dokument sperren zu lassen. Danach erstatten Sie Anzeige bei der Polizei oder "
      "beim Bürgerservice und erhalten eine Verlust- oder Diebstahlsbescheinigung.</p>",
      "<p>You first call Doc Stop (00800 2123 2123) to have the document blocked. Then you report it to the police or to the Civil Affairs "
      "department and receive a certificate of loss or theft.</p>"},
     "https://www.docstop.be",
     {"Doc Stop", "Doc Stop", "Doc Stop", "Doc Stop"}},
    {"licence",
     {"<p>U vraagt het rijbewijs aan aan het loket van de dienst Burgerzaken. Het rijbewijs wordt gemaakt in bankkaartmodel; na ongeveer vijf "
      "werkdagen haalt u het af aan het loket.</p>",
      "<p>Vous demandez le permis au guichet du service Population. Le permis est fabriqué au format carte bancaire ; après environ cinq jours "
      "ouvrables, vous le retirez au guichet.</p>",
      "<p>Sie beantragen den Führerschein am Schalter des Bürgerservice. Der Führerschein wird im Scheckkartenformat hergestellt; nach etwa fünf "
      "Werktagen holen Sie ihn am Schalter ab.</p>",
      "<p>You apply for the licence at the Civil Affairs counter. The licence is produced as a credit-card-sized card; after about five working "
      "days you collect it at the counter.</p>"}},
    {"address",
     {"<p>U meldt uw verhuis online via Mijn Burgerprofiel of aan het loket. Daarna komt de wijkagent langs om te controleren of u effectief op "
      "het nieuwe adres woont. Na een positieve controle past de gemeente uw adres aan in het Rijksregister. U wordt uitgenodigd om het nieuwe "
      "adres op uw identiteitskaart te laten zetten.</p>",
      "<p>Vous déclarez votre déménagement en ligne via Mon profil citoyen ou au guichet. L'agent de quartier passe ensuite vérifier que vous "
      "résidez effectivement à la nouvelle adresse. Après un contrôle positif, la commune adapte votre adresse dans le Registre national. Vous "
      "êtes invité à faire modifier l'adresse sur votre carte d'identité.</p>",
      "<p>Sie melden Ihren Umzug online über Mein Bürgerprofil oder am Schalter. Danach überprüft der Bezirksbeamte, ob Sie tatsächlich an der "
      "neuen Adresse wohnen. Nach einer positiven Kontrolle passt die Gemeinde Ihre Adresse im Nationalregister an. Sie werden eingeladen, die "
      "neue Adresse auf Ihrem Personalausweis eintragen zu lassen.</p>",
      "<p>You report your move online via My Citizen Profile or at the counter. The community police officer then visits to check that you "
      "actually live at the new address. After a positive check, the municipality updates your address in the National Register. You are "
      "invited to have the new address put on your identity card.</p>"},
     "https://www.vlaanderen.be/mijn-burgerprofiel",
     {"Mijn Burgerprofiel", "Mon profil citoyen", "Mein Bürgerprofil", "My Citizen Profile"}},
    {"civilStatus",
     {"<p>U doet de aangifte aan het loket van de dienst Burgerlijke Stand. De ambtenaar van de burgerlijke stand stelt de akte op in de Databank "
      "van de Akten van de Burgerlijke Stand (DABS).</p>",
      "<p>Vous faites la déclaration au guichet du service État civil. L'officier de l'état civil établit l'acte dans la Banque de données des "
      "actes de l'état civil (BAEC).</p>",
      "<p>Sie machen die Anzeige am Schalter des Standesamts. Der Standesbeamte erstellt die Urkunde in der Datenbank der Personenstandsurkunden "
      "(DABS).</p>",
      "<p>You make the declaration at the Civil Registry counter. The registrar draws up the certificate in the Database of Civil Status "
      "Certificates (DABS).</p>"}},
    {"ceremony",
     {"<p>U doet eerst de huwelijksaangifte bij de dienst Burgerlijke Stand en u kiest samen een datum en uur voor de plechtigheid. Het huwelijk "
      "wordt voltrokken door de ambtenaar van de burgerlijke stand in aanwezigheid van maximaal vier getuigen.</p>",
      "<p>Vous faites d'abord la déclaration de mariage auprès du service État civil et vous choisissez ensemble une date et une heure pour la "
      "cérémonie. Le mariage est célébré par l'officier de l'état civil en présence de quatre témoins au maximum.</p>",
      "<p>Sie melden zunächst die Eheschließung beim Standesamt an und wählen gemeinsam Datum und Uhrzeit der Trauung. Die Ehe wird vom "
      "Standesbeamten im Beisein von höchstens vier Trauzeugen geschlossen.</p>",
      "<p>You first file the declaration of marriage with the Civil Registry and together choose a date and time for the ceremony. The marriage "
      "is conducted by the registrar in the presence of up to four witnesses.</p>"}},
    {"omgevingsloket",
     {"<p>U dient de aanvraag digitaal in via het Omgevingsloket. De gemeente controleert of het dossier volledig is, organiseert indien nodig "
      "een openbaar onderzoek en neemt binnen de wettelijke termijn een beslissing.</p>",
      "<p>Vous introduisez la demande par voie numérique via l'Omgevingsloket. La commune vérifie si le dossier est complet, organise si "
      "nécessaire une enquête publique et prend une décision dans le délai légal.</p>",
      "<p>Sie reichen den Antrag digital über den Omgevingsloket ein. Die Gemeinde prüft die Vollständigkeit der Akte, führt bei Bedarf eine "
      "öffentliche Untersuchung durch und entscheidet innerhalb der gesetzlichen Frist.</p>",
      "<p>You submit the application digitally via the Omgevingsloket (environment permit portal). The municipality checks whether the file is "
      "complete, holds a public inquiry if necessary and takes a decision within the statutory time limit.</p>"},
     "https://omgevingsloket.omgeving.vlaanderen.be",
     {"Omgevingsloket", "Omgevingsloket", "Omgevingsloket", "Omgevingsloket"}},
    {"premium",
     {"<p>U dient de aanvraag online in met het aanvraagformulier en de gevraagde bewijsstukken. Na goedkeuring wordt de premie op uw rekening "
      "gestort.</p>",
      "<p>Vous introduisez la demande en ligne avec le formulaire de demande et les pièces justificatives demandées. Après approbation, la prime "
      "est versée sur votre compte.</p>",
      "<p>Sie stellen den Antrag online mit dem Antragsformular und den verlangten Nachweisen. Nach der Genehmigung wird die Prämie auf Ihr Konto "
      "überwiesen.</p>",
      "<p>You apply online using the application form and the required supporting documents. Once approved, the premium is paid into your bank "
      "account.</p>"}},
    {"verbouwpremie",
     {"<p>U dient de aanvraag in via Mijn VerbouwPremie, na de eindfactuur. Fluvius controleert het dossier en stort de premie op uw rekening.</p>",
      "<p>Vous introduisez la demande via Mijn VerbouwPremie, après la facture finale. Fluvius contrôle le dossier et verse la prime sur votre "
      "compte.</p>",
      "<p>Sie stellen den Antrag über Mijn VerbouwPremie nach der Schlussrechnung. Fluvius prüft die Akte und überweist die Prämie auf Ihr "
      "Konto.</p>",
      "<p>You apply via Mijn VerbouwPremie after the final invoice. Fluvius checks the file and pays the premium into your bank account.</p>"},
     "https://www.mijnverbouwpremie.be",
     {"Mijn VerbouwPremie", "Mijn VerbouwPremie", "Mijn VerbouwPremie", "Mijn VerbouwPremie"}},
    {"permit",
     {"<p>U dient de aanvraag in via het e-loket van de gemeente. De dienst behandelt uw aanvraag en u ontvangt de beslissing per e-mail.</p>",
      "<p>Vous introduisez la demande via le guichet électronique de la commune. Le service traite votre demande et vous recevez la décision par "
      "e-mail.</p>",
      "<p>Sie stellen den Antrag über den E-Schalter der Gemeinde. Die Dienststelle bearbeitet Ihren Antrag und Sie erhalten die Entscheidung "
      "per E-Mail.</p>",
      "<p>You submit the application via the municipality's e-desk. The department handles your application and you receive the decision by "
      "email.</p>"}},
    {"event",
     {"<p>U dient de aanvraag in via het evenementenloket. De gemeente vraagt advies aan politie en brandweer en het college van burgemeester en "
      "schepenen beslist over de vergunning.</p>",
      "<p>Vous introduisez la demande via le guichet des événements. La commune demande l'avis de la police et des pompiers, et le collège des "
      "bourgmestre et échevins statue sur l'autorisation.</p>",
      "<p>Sie stellen den Antrag über den Veranstaltungsschalter. Die Gemeinde holt die Stellungnahme von Polizei und Feuerwehr ein und das "
      "Bürgermeister- und Schöffenkollegium entscheidet über die Genehmigung.</p>",
      "<p>You submit the application via the events desk. The municipality asks the police and fire service for advice, and the Board of Mayor "
      "and Aldermen decides on the permit.</p>"}},
    {"parking",
     {"<p>U vraagt de kaart aan via het e-loket of aan het loket van de dienst Mobiliteit. Na controle van uw gegevens wordt de kaart digitaal "
      "gekoppeld aan uw nummerplaat.</p>",
      "<p>Vous demandez la carte via le guichet électronique ou au guichet du service Mobilité. Après vérification de vos données, la carte est "
      "liée numériquement à votre plaque d'immatriculation.</p>",
      "<p>Sie beantragen den Ausweis über den E-Schalter oder am Schalter der Mobilitätsabteilung. Nach Prüfung Ihrer Daten wird der Ausweis "
      "digital mit Ihrem Kennzeichen verknüpft.</p>",
      "<p>You apply for the permit via the e-desk or at the Mobility department counter. After your details have been checked, the permit is "
      "linked digitally to your number plate.</p>"}},
    {"booking",
     {"<p>U reserveert online via het reservatieplatform van de gemeente of aan het onthaal. U betaalt bij de reservatie en ontvangt een "
      "bevestiging per e-mail.</p>",
      "<p>Vous réservez en ligne via la plateforme de réservation de la commune ou à l'accueil. Vous payez lors de la réservation et recevez une "
      "confirmation par e-mail.</p>",
      "<p>Sie reservieren online über die Reservierungsplattform der Gemeinde oder am Empfang. Sie bezahlen bei der Reservierung und erhalten "
      "eine Bestätigung per E-Mail.</p>",
      "<p>You book online via the municipality's booking platform or at reception. You pay when booking and receive a confirmation by "
      "email.</p>"}},
    {"waste",
     {"<p>U bestelt online via het e-loket van de intercommunale of telefonisch. U betaalt vooraf; daarna krijgt u de datum van levering of "
      "ophaling.</p>",
      "<p>Vous commandez en ligne via le guichet électronique de l'intercommunale ou par téléphone. Vous payez à l'avance ; vous recevez ensuite "
      "la date de livraison ou d'enlèvement.</p>",
      "<p>Sie bestellen online über den E-Schalter des Zweckverbands oder telefonisch. Sie bezahlen im Voraus; danach erhalten Sie das Liefer- "
      "oder Abholdatum.</p>",
      "<p>You order online via the intermunicipal waste company's e-desk or by phone. You pay in advance and then receive the delivery or "
      "pick-up date.</p>"}},
    {"social",
     {"<p>U maakt een afspraak met een maatschappelijk werker van het OCMW. Samen bekijkt u uw situatie en het OCMW beslist binnen 30 dagen over "
      "uw aanvraag.</p>",
      "<p>Vous prenez rendez-vous avec un assistant social du CPAS. Ensemble, vous examinez votre situation et le CPAS statue sur votre demande "
      "dans les 30 jours.</p>",
      "<p>Sie vereinbaren einen Termin mit einem Sozialarbeiter des ÖSHZ. Gemeinsam prüfen Sie Ihre Situation und das ÖSHZ entscheidet "
      "innerhalb von 30 Tagen über Ihren Antrag.</p>",
      "<p>You make an appointment with a social worker at the public social welfare centre (OCMW). Together you look at your situation, and the "
      "OCMW decides on your application within 30 days.</p>"}},
    {"enrol",
     {"<p>U schrijft in via het online inschrijvingsplatform vanaf de aangekondigde startdatum. De plaatsen worden toegekend in volgorde van "
      "inschrijving.</p>",
      "<p>Vous vous inscrivez via la plateforme d'inscription en ligne à partir de la date d'ouverture annoncée. Les places sont attribuées par "
      "ordre d'inscription.</p>",
      "<p>Sie melden sich ab dem angekündigten Startdatum über die Online-Anmeldeplattform an. Die Plätze werden in der Reihenfolge der Anmeldung "
      "vergeben.</p>",
      "<p>You register via the online registration platform from the announced opening date. Places are allocated in order of "
      "registration.</p>"}},
    {"engraving",
     {"<p>U komt met uw fiets naar een graveeractie van de politie of u maakt een afspraak bij de dienst Mobiliteit. Uw rijksregisternummer wordt "
      "in het frame gegraveerd en u krijgt een sticker.</p>",
      "<p>Vous venez avec votre vélo à une action de gravure de la police ou vous prenez rendez-vous auprès du service Mobilité. Votre numéro de "
      "registre national est gravé dans le cadre et vous recevez un autocollant.</p>",
      "<p>Sie bringen Ihr Fahrrad zu einer Gravuraktion der Polizei oder vereinbaren einen Termin bei der Mobilitätsabteilung. Ihre "
      "Nationalregisternummer wird in den Rahmen graviert und Sie erhalten einen Aufkleber.</p>",
      "<p>You bring your bike to a police engraving session or make an appointment with the Mobility department. Your national register number "
      "is engraved into the frame and you receive a sticker.</p>"}},
    {"advice",
     {"<p>U neemt contact op met de dienst via het algemene telefoonnummer of het contactformulier. Een medewerker neemt binnen vijf werkdagen "
      "contact met u op.</p>",
      "<p>Vous contactez le service via le numéro de téléphone général ou le formulaire de contact. Un collaborateur vous recontacte dans les "
      "cinq jours ouvrables.</p>",
      "<p>Sie wenden sich über die allgemeine Telefonnummer oder das Kontaktformular an die Dienststelle. Ein Mitarbeiter meldet sich innerhalb "
      "von fünf Werktagen bei Ihnen.</p>",
      "<p>You contact the department via the general phone number or the contact form. A member of staff gets back to you within five working "
      "days.</p>"}},
};
} // namespace

std::span<const Variant> variants()
{
    return variantTable;
}

std::span<const Procedure> procedures()
{
    return procedureTable;
}

} // namespace C360::Ref::Ipdc
