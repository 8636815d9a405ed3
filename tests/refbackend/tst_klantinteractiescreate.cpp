// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Writing to the Klantinteracties API of the reference back end: POST on klantcontacten,
// betrokkenen, onderwerpobjecten, internetaken and maak-klantcontact, PATCH on internetaken, their
// validation errors (ValidatieFout), and the records showing up in lists, filters and expansions.

#include "klantinteractiestesting.h"
#include "referencedate.h"

using namespace C360::Ref;
using namespace C360::Ref::Testing;
using namespace Qt::StringLiterals;

namespace
{
QString uuidOf(const DataSet &data, UuidKind kind, quint64 index)
{
    return data.uuid(kind, index).toString(QUuid::WithoutBraces);
}

QJsonObject ref(const QString &uuid)
{
    return QJsonObject{{u"uuid"_s, uuid}};
}

QJsonObject contactBody()
{
    return QJsonObject{{u"kanaal"_s, u"contactformulier"_s},
                       {u"onderwerp"_s, u"vraag"_s},
                       {u"inhoud"_s, u"Dit is een vraag"_s},
                       {u"taal"_s, u"nld"_s},
                       {u"vertrouwelijk"_s, true}};
}

// The invalidParams of a ValidatieFout, as "name:code".
QStringList problems(const Fetched &f)
{
    QStringList out;
    for (const QJsonValue &p : f.json.value(u"invalidParams"_s).toArray()) {
        out.append(p[u"name"_s].toString() + u":"_s + p[u"code"_s].toString());
    }
    out.sort();
    return out;
}
} // namespace

class TestKlantinteractiesCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void klantcontact()
    {
        KlantinteractiesServer s(51, 80, Profile::Flanders);
        const qint64 before = s.get(u"/klantcontacten"_s).count();
        QJsonObject body = contactBody();
        body[u"plaatsgevondenOp"_s] = u"2021-03-10T15:56:41.240337"_s;
        const Fetched f = s.post(u"/klantcontacten"_s, body);
        QCOMPARE(f.status, 201);
        QCOMPARE(f.header("API-version"), QByteArray("0.9.0"));
        QCOMPARE(f.json[u"kanaal"_s].toString(), u"contactformulier"_s);
        QCOMPARE(f.json[u"inhoud"_s].toString(), u"Dit is een vraag"_s);
        QCOMPARE(f.json[u"plaatsgevondenOp"_s].toString(), u"2021-03-10T15:56:41.240337Z"_s); // a naive time is UTC, as recorded
        QVERIFY(f.json[u"indicatieContactGelukt"_s].isNull());
        QCOMPARE(f.json[u"hadBetrokkenen"_s].toArray().size(), 0);
        QVERIFY(!f.json.contains(u"_expand"_s));
        QCOMPARE(f.json[u"url"_s].toString(), s.root() + u"/klantcontacten/"_s + f.json[u"uuid"_s].toString());
        QVERIFY(!f.json[u"nummer"_s].toString().isEmpty());

        // From now on it is there: first in the list (newest first), and by itself.
        const Fetched list = s.get(u"/klantcontacten?pageSize=1"_s);
        QCOMPARE(list.count(), before + 1);
        QCOMPARE(list.results().at(0)[u"uuid"_s], f.json[u"uuid"_s]);
        QCOMPARE(list.results().at(0)[u"_expand"_s].toObject(), QJsonObject());
        QCOMPARE(s.get(u"/klantcontacten/"_s + f.json[u"uuid"_s].toString()).json[u"onderwerp"_s].toString(), u"vraag"_s);
        QCOMPARE(s.get(u"/klantcontacten?nummer="_s + f.json[u"nummer"_s].toString()).count(), 1);
        // The server's clock for it: after the data set, never the wall clock.
        QVERIFY(QDateTime::fromString(s.post(u"/klantcontacten"_s, contactBody()).json[u"plaatsgevondenOp"_s].toString(), Qt::ISODate) >
                C360::Test::fixedReferenceTime());
        QCOMPARE(s.walk(u"/klantcontacten?pageSize=300"_s).size(), before + 2);
    }

    void klantcontactInvalid()
    {
        KlantinteractiesServer s(52, 20, Profile::Netherlands);
        Fetched f = s.post(u"/klantcontacten"_s, QJsonObject{{u"kanaal"_s, u""_s}, {u"taal"_s, u"nederlands"_s}, {u"vertrouwelijk"_s, u"ja"_s}});
        QCOMPARE(f.status, 400);
        QCOMPARE(f.json[u"code"_s].toString(), u"invalid"_s);
        QCOMPARE(f.json[u"title"_s].toString(), u"Ongeldige invoer."_s);
        QCOMPARE(f.json[u"status"_s].toInt(), 400);
        QVERIFY(f.json[u"instance"_s].toString().startsWith(u"urn:uuid:"_s));
        QCOMPARE(problems(f), QStringList({u"kanaal:blank"_s, u"onderwerp:required"_s, u"taal:max_length"_s, u"vertrouwelijk:invalid"_s}));
        QCOMPARE(f.json[u"invalidParams"_s][0][u"reason"_s].toString().isEmpty(), false);

        QJsonObject body = contactBody();
        body[u"plaatsgevondenOp"_s] = u"gisteren"_s;
        body[u"onderwerp"_s] = QString(201, QLatin1Char('x'));
        QCOMPARE(problems(s.post(u"/klantcontacten"_s, body)), QStringList({u"onderwerp:max_length"_s, u"plaatsgevondenOp:invalid"_s}));
        // Not JSON, or not an object.
        f = s.postRaw(u"/klantcontacten"_s, "{kanaal");
        QCOMPARE(f.status, 400);
        QCOMPARE(f.json[u"code"_s].toString(), u"parse_error"_s);
        QCOMPARE(s.postRaw(u"/klantcontacten"_s, "[1]").status, 400);
        // Nothing was made.
        QCOMPARE(quint64(s.get(u"/klantcontacten"_s).count()), s.data.liveContactCount());
    }

    void betrokkene()
    {
        KlantinteractiesServer s(53, 60, Profile::Flanders);
        const QString contact = s.post(u"/klantcontacten"_s, contactBody()).json[u"uuid"_s].toString();
        const quint32 citizen = 12;
        const QString party = uuidOf(s.data, UuidKind::Party, citizen);
        const Fetched f = s.post(
            u"/betrokkenen"_s,
            QJsonObject{
                {u"wasPartij"_s, ref(party)},
                {u"hadKlantcontact"_s, ref(contact)},
                {u"bezoekadres"_s, QJsonValue::Null},
                {u"contactnaam"_s,
                 QJsonObject{{u"voorletters"_s, u"C."_s}, {u"voornaam"_s, u"Cory"_s}, {u"voorvoegselAchternaam"_s, u""_s}, {u"achternaam"_s, u"Russell"_s}}},
                {u"rol"_s, u"klant"_s},
                {u"organisatienaam"_s, u"Johnson-Farmer"_s},
                {u"initiator"_s, false}});
        QCOMPARE(f.status, 201);
        QCOMPARE(f.json[u"volledigeNaam"_s].toString(), u"Cory Russell"_s);
        QCOMPARE(f.json[u"wasPartij"_s][u"url"_s].toString(), s.root() + u"/partijen/"_s + party);
        QCOMPARE(f.json[u"hadKlantcontact"_s][u"uuid"_s].toString(), contact);
        QVERIFY(f.json[u"bezoekadres"_s].isNull());

        // The contact has it, the party has it, and the party's contacts include the new one.
        QCOMPARE(s.get(u"/klantcontacten/"_s + contact).json[u"hadBetrokkenen"_s][0][u"uuid"_s], f.json[u"uuid"_s]);
        const QJsonArray involved = s.get(u"/partijen/"_s + party).json[u"betrokkenen"_s].toArray();
        QCOMPARE(involved.last()[u"uuid"_s], f.json[u"uuid"_s]);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party).count(), s.data.contactsOf(citizen).size() + 1);
        QCOMPARE(s.get(u"/betrokkenen?wasPartij__uuid="_s + party + u"&organisatienaam=Johnson-Farmer"_s).count(), 1);
        QCOMPARE(s.get(u"/betrokkenen?organisatienaam=Johnson-Farmer"_s).count(), 1); // generated ones have none: no scan
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__uuid="_s + f.json[u"uuid"_s].toString()).results().at(0)[u"uuid"_s].toString(), contact);

        const Fetched bad = s.post(u"/betrokkenen"_s,
                                   QJsonObject{{u"wasPartij"_s, ref(uuidOf(s.data, UuidKind::Party, 999))},
                                               {u"hadKlantcontact"_s, ref(contact)},
                                               {u"rol"_s, u"getuige"_s},
                                               {u"correspondentieadres"_s, QJsonObject{{u"postcode"_s, u"9000"_s}}}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(
            problems(bad),
            QStringList({u"correspondentieadres.postcode:invalid"_s, u"initiator:required"_s, u"rol:invalid_choice"_s, u"wasPartij.uuid:does_not_exist"_s}));
        QCOMPARE(problems(s.post(u"/betrokkenen"_s, QJsonObject{{u"rol"_s, u"klant"_s}, {u"initiator"_s, true}})),
                 QStringList({u"hadKlantcontact:required"_s}));
    }

    void interneTaak()
    {
        KlantinteractiesServer s(54, 60, Profile::Flanders);
        const quint64 generated = s.data.contactsOf(5).first();
        const QString contact = uuidOf(s.data, UuidKind::Contact, generated);
        const QString actor = uuidOf(s.data, UuidKind::Actor, 2);
        Fetched f = s.post(u"/internetaken"_s,
                           QJsonObject{{u"nummer"_s, u"0000000006"_s},
                                       {u"gevraagdeHandeling"_s, u"Burger terugbellen"_s},
                                       {u"aanleidinggevendKlantcontact"_s, ref(contact)},
                                       {u"toegewezenAanActor"_s, ref(actor)},
                                       {u"status"_s, u"verwerkt"_s}});
        QCOMPARE(f.status, 201);
        QCOMPARE(f.json[u"toegewezenAanActoren"_s].toArray().size(), 1);
        QCOMPARE(f.json[u"toegewezenAanActor"_s][u"uuid"_s].toString(), actor);
        QCOMPARE(f.json[u"toelichting"_s].toString(), QString());
        QVERIFY(!f.json[u"afgehandeldOp"_s].isNull()); // done now, as Open Klant stamps it
        QVERIFY(!f.json[u"toegewezenOp"_s].toString().isEmpty());
        // The contact led to it.
        const QJsonArray tasks = s.get(u"/klantcontacten/"_s + contact).json[u"leiddeTotInterneTaken"_s].toArray();
        QCOMPARE(tasks.last()[u"uuid"_s], f.json[u"uuid"_s]);
        QCOMPARE(s.get(u"/internetaken?aanleidinggevendKlantcontact__uuid="_s + contact).count(), tasks.size());
        QCOMPARE(s.get(u"/internetaken?nummer=0000000006"_s).results().size() >= 1, true);
        QCOMPARE(quint64(s.get(u"/internetaken"_s).count()), s.data.liveTaskCount() + 1);

        f = s.post(u"/internetaken"_s,
                   QJsonObject{{u"gevraagdeHandeling"_s, u"Dossier nakijken"_s},
                               {u"aanleidinggevendKlantcontact"_s, ref(contact)},
                               {u"toegewezenAanActoren"_s, QJsonArray{ref(actor), ref(uuidOf(s.data, UuidKind::Actor, 9))}},
                               {u"status"_s, u"te_verwerken"_s}});
        QCOMPARE(f.status, 201);
        QCOMPARE(f.json[u"toegewezenAanActoren"_s].toArray().size(), 2);
        QVERIFY(f.json[u"afgehandeldOp"_s].isNull());

        f = s.post(u"/internetaken"_s,
                   QJsonObject{{u"aanleidinggevendKlantcontact"_s, ref(uuidOf(s.data, UuidKind::Contact, 99999))}, {u"status"_s, u"klaar"_s}});
        QCOMPARE(f.status, 400);
        QCOMPARE(problems(f),
                 QStringList({u"aanleidinggevendKlantcontact.uuid:does_not_exist"_s, u"gevraagdeHandeling:required"_s, u"status:invalid_choice"_s}));
        f = s.post(u"/internetaken"_s,
                   QJsonObject{{u"gevraagdeHandeling"_s, u"x"_s}, {u"aanleidinggevendKlantcontact"_s, ref(contact)}, {u"status"_s, u"verwerkt"_s}});
        QCOMPARE(problems(f), QStringList({u"toegewezenAanActoren:required"_s}));
    }

    void interneTaakPatched()
    {
        KlantinteractiesServer s(56, 60, Profile::Flanders);
        // A generated open task, and one made through the API.
        quint64 open = 0;
        while (s.data.task(open).done) {
            ++open;
        }
        const QString generated = uuidOf(s.data, UuidKind::Task, open);
        const QString contact = uuidOf(s.data, UuidKind::Contact, s.data.task(open).contact);
        const QString actor = uuidOf(s.data, UuidKind::Actor, 3);
        const QString created = s.post(u"/internetaken"_s,
                                       QJsonObject{{u"gevraagdeHandeling"_s, u"Burger terugbellen"_s},
                                                   {u"aanleidinggevendKlantcontact"_s, ref(contact)},
                                                   {u"toegewezenAanActor"_s, ref(uuidOf(s.data, UuidKind::Actor, 1))},
                                                   {u"status"_s, u"te_verwerken"_s}})
                                    .json[u"uuid"_s]
                                    .toString();
        QVERIFY(!created.isEmpty());
        const QString doneOfContact = u"/internetaken?status=verwerkt&aanleidinggevendKlantcontact__uuid="_s + contact;
        const qint64 doneBefore = s.get(doneOfContact).count();
        const QByteArray listTag = s.get(u"/internetaken"_s).header("ETag");

        for (const QString &uuid : {generated, created}) {
            const QJsonObject before = s.get(u"/internetaken/"_s + uuid).json;
            Fetched f = s.patch(u"/internetaken/"_s + uuid, QJsonObject{{u"status"_s, u"verwerkt"_s}, {u"toegewezenAanActoren"_s, QJsonArray{ref(actor)}}});
            QCOMPARE(f.status, 200);
            QCOMPARE(f.json[u"status"_s].toString(), u"verwerkt"_s);
            QVERIFY(!f.json[u"afgehandeldOp"_s].isNull()); // stamped, as Open Klant does
            QCOMPARE(f.json[u"toegewezenAanActor"_s][u"uuid"_s].toString(), actor);
            // What the PATCH left out stays.
            QCOMPARE(f.json[u"gevraagdeHandeling"_s], before[u"gevraagdeHandeling"_s]);
            QCOMPARE(f.json[u"toegewezenOp"_s], before[u"toegewezenOp"_s]);
            QCOMPARE(f.json[u"aanleidinggevendKlantcontact"_s], before[u"aanleidinggevendKlantcontact"_s]);
            // The detail and the list show the change.
            QCOMPARE(s.get(u"/internetaken/"_s + uuid).json, f.json);
        }
        QCOMPARE(s.get(doneOfContact).count(), doneBefore + 2);
        QVERIFY(s.get(u"/internetaken"_s).header("ETag") != listTag);

        // Back to te_verwerken clears afgehandeldOp; an explicit time is kept as given.
        Fetched f = s.patch(u"/internetaken/"_s + generated, QJsonObject{{u"status"_s, u"te_verwerken"_s}, {u"toelichting"_s, u"Heropend"_s}});
        QCOMPARE(f.status, 200);
        QVERIFY(f.json[u"afgehandeldOp"_s].isNull());
        QCOMPARE(f.json[u"toelichting"_s].toString(), u"Heropend"_s);
        f = s.patch(u"/internetaken/"_s + created, QJsonObject{{u"afgehandeldOp"_s, u"2026-03-01T10:00:00Z"_s}});
        QCOMPARE(f.json[u"afgehandeldOp"_s].toString(), u"2026-03-01T10:00:00Z"_s);
        QCOMPARE(f.json[u"status"_s].toString(), u"verwerkt"_s);

        // Wrong fields change nothing.
        const QJsonObject kept = s.get(u"/internetaken/"_s + generated).json;
        f = s.patch(u"/internetaken/"_s + generated,
                    QJsonObject{{u"status"_s, u"klaar"_s},
                                {u"gevraagdeHandeling"_s, u""_s},
                                {u"toegewezenAanActoren"_s, QJsonArray{ref(uuidOf(s.data, UuidKind::Contact, 1))}}});
        QCOMPARE(f.status, 400);
        QCOMPARE(problems(f), QStringList({u"gevraagdeHandeling:blank"_s, u"status:invalid_choice"_s, u"toegewezenAanActoren.0.uuid:does_not_exist"_s}));
        f = s.patch(u"/internetaken/"_s + generated, QJsonObject{{u"aanleidinggevendKlantcontact"_s, ref(uuidOf(s.data, UuidKind::Contact, 0))}});
        QCOMPARE(f.status, 400);
        QCOMPARE(problems(f), QStringList({u"aanleidinggevendKlantcontact:immutable"_s}));
        QCOMPARE(s.get(u"/internetaken/"_s + generated).json, kept);
        QCOMPARE(s.patch(u"/internetaken/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), QJsonObject{}).status, 404);
        QCOMPARE(s.patch(u"/internetaken/"_s + generated, QJsonObject{{u"status"_s, u"verwerkt"_s}}, "wrong").status, 401);
    }

    void onderwerpobject()
    {
        KlantinteractiesServer s(55, 40, Profile::Netherlands);
        const QString a = s.post(u"/klantcontacten"_s, contactBody()).json[u"uuid"_s].toString();
        const QString b = s.post(u"/klantcontacten"_s, contactBody()).json[u"uuid"_s].toString();
        const Fetched f = s.post(u"/onderwerpobjecten"_s, QJsonObject{{u"klantcontact"_s, ref(a)}, {u"wasKlantcontact"_s, ref(b)}});
        QCOMPARE(f.status, 201);
        QCOMPARE(f.json[u"klantcontact"_s][u"uuid"_s].toString(), a);
        QCOMPARE(f.json[u"wasKlantcontact"_s][u"uuid"_s].toString(), b);
        QVERIFY(f.json[u"onderwerpobjectidentificator"_s].isNull());
        QCOMPARE(s.get(u"/onderwerpobjecten?wasKlantcontact__uuid="_s + b).count(), 1);
        QCOMPARE(s.get(u"/klantcontacten?wasOnderwerpobject__uuid="_s + f.json[u"uuid"_s].toString()).results().at(0)[u"uuid"_s].toString(), b);
        QCOMPARE(s.get(u"/klantcontacten/"_s + a).json[u"gingOverOnderwerpobjecten"_s][0][u"uuid"_s], f.json[u"uuid"_s]);
        QCOMPARE(problems(s.post(u"/onderwerpobjecten"_s, QJsonObject{{u"klantcontact"_s, ref(u"nope"_s)}})),
                 QStringList({u"klantcontact.uuid:does_not_exist"_s}));
    }

    void maakKlantcontact()
    {
        KlantinteractiesServer s(56, 50, Profile::Flanders);
        const QString party = uuidOf(s.data, UuidKind::Party, 7);
        Fetched f = s.post(u"/maak-klantcontact"_s, QJsonObject{{u"klantcontact"_s, contactBody()}});
        QCOMPARE(f.status, 201);
        QCOMPARE(f.json[u"klantcontact"_s][u"onderwerp"_s].toString(), u"vraag"_s);
        // Not asked for, not there (Open Klant sends null, which its OpenAPI document forbids).
        QVERIFY(!f.json.contains(u"betrokkene"_s));
        QVERIFY(!f.json.contains(u"onderwerpobject"_s));

        f = s.post(u"/maak-klantcontact"_s,
                   QJsonObject{{u"klantcontact"_s, contactBody()},
                               {u"betrokkene"_s, QJsonObject{{u"wasPartij"_s, ref(party)}, {u"rol"_s, u"klant"_s}, {u"initiator"_s, true}}},
                               {u"onderwerpobject"_s,
                                QJsonObject{{u"onderwerpobjectidentificator"_s,
                                             QJsonObject{{u"objectId"_s, u"graffiti"_s},
                                                         {u"codeObjecttype"_s, u"service"_s},
                                                         {u"codeRegister"_s, u"open311"_s},
                                                         {u"codeSoortObjectId"_s, u"service_code"_s}}}}}});
        QCOMPARE(f.status, 201);
        const QString contact = f.json[u"klantcontact"_s][u"uuid"_s].toString();
        QCOMPARE(f.json[u"betrokkene"_s][u"hadKlantcontact"_s][u"uuid"_s].toString(), contact);
        QCOMPARE(f.json[u"onderwerpobject"_s][u"klantcontact"_s][u"uuid"_s].toString(), contact);
        QCOMPARE(f.json[u"klantcontact"_s][u"hadBetrokkenen"_s][0][u"uuid"_s], f.json[u"betrokkene"_s][u"uuid"_s]);
        QCOMPARE(f.json[u"klantcontact"_s][u"gingOverOnderwerpobjecten"_s][0][u"uuid"_s], f.json[u"onderwerpobject"_s][u"uuid"_s]);

        // The citizen's contacts now include it, expanded as any other.
        const Fetched mine = s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party +
                                   u"&expand=hadBetrokkenen,hadBetrokkenen.wasPartij,gingOverOnderwerpobjecten"_s);
        QCOMPARE(mine.count(), s.data.contactsOf(7).size() + 1);
        const QJsonObject first = mine.results().at(0).toObject();
        QCOMPARE(first[u"uuid"_s].toString(), contact);
        QCOMPARE(first[u"_expand"_s][u"hadBetrokkenen"_s][0][u"_expand"_s][u"wasPartij"_s][u"uuid"_s].toString(), party);
        QCOMPARE(first[u"_expand"_s][u"gingOverOnderwerpobjecten"_s][0][u"onderwerpobjectidentificator"_s][u"objectId"_s].toString(), u"graffiti"_s);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party + u"&onderwerpobject__onderwerpobjectidentificatorObjectId=graffiti"_s)
                     .results()
                     .at(0)[u"uuid"_s]
                     .toString(),
                 contact);

        // All checked before anything is made: one bad part, nothing created.
        const qint64 before = s.get(u"/klantcontacten"_s).count();
        QJsonObject badContact = contactBody();
        badContact.remove(u"taal"_s);
        f = s.post(u"/maak-klantcontact"_s, QJsonObject{{u"klantcontact"_s, badContact}, {u"betrokkene"_s, QJsonObject{{u"rol"_s, u"klant"_s}}}});
        QCOMPARE(f.status, 400);
        QCOMPARE(problems(f), QStringList({u"betrokkene.initiator:required"_s, u"klantcontact.taal:required"_s}));
        QCOMPARE(problems(s.post(u"/maak-klantcontact"_s, QJsonObject())), QStringList({u"klantcontact:required"_s}));
        QCOMPARE(s.get(u"/klantcontacten"_s).count(), before);

        // A deleted party takes the contacts it was betrokkene of with it.
        int rounds = 0;
        while (!s.data.isDeleted(7) && rounds++ < 2000) {
            s.data.mutate(0, 0, 0, 1);
        }
        QCOMPARE(s.get(u"/klantcontacten/"_s + contact).status, 404);
        QCOMPARE(s.get(u"/betrokkenen/"_s + f.json[u"betrokkene"_s][u"uuid"_s].toString()).status, 404);
        QCOMPARE(quint64(s.get(u"/klantcontacten"_s).count()), s.data.liveContactCount() + 1); // the one without betrokkene stays
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesCreate)
#include "tst_klantinteractiescreate.moc"
