// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Every kind of Klantinteracties response validated against Open Klant's OpenAPI document with
// specvalidate.py: strictly in the nl profile; in the Flemish profile after putting the Dutch
// identifier codes in place of the Flemish ones (the one documented departure).

#include "klantinteractiestesting.h"

using namespace C360::Ref;
using namespace C360::Ref::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(C360::Ref::Profile)

class TestKlantinteractiesSchemas : public QObject
{
    Q_OBJECT

    std::unique_ptr<KlantinteractiesServer> m_server;
    bool m_flemish = false;

    QString uuid(UuidKind kind, quint64 index) const { return m_server->data.uuid(kind, index).toString(QUuid::WithoutBraces); }

    // Fetches the paths (all 200) and validates their bodies as answers to specPath.
    void check(const QStringList &paths, const QString &specPath)
    {
        QList<QByteArray> bodies;
        for (const QString &path : paths) {
            const Fetched f = m_server->get(path);
            QVERIFY2(f.status == 200, qPrintable(path + u": "_s + QString::number(f.status) + u" "_s + QString::fromUtf8(f.body.left(500))));
            bodies.append(f.body);
        }
        const QString problems = validate(bodies, specPath, u"GET"_s, 200, m_flemish);
        QVERIFY2(problems.isEmpty(), qPrintable(specPath + u"\n"_s + problems));
    }

    // Some residents worth a look: with contacts about a report category and tasks, a BIS number,
    // a child without addresses, one with a box number.
    QList<quint32> interesting() const
    {
        QList<quint32> list;
        const DataSet &data = m_server->data;
        auto pick = [&](const std::function<bool(const Person &)> &wanted) {
            for (quint32 c = 0; c < data.citizenCount(); ++c) {
                if (!data.isDeleted(c) && !list.contains(c) && wanted(data.person(c))) {
                    list.append(c);
                    return;
                }
            }
        };
        pick([&](const Person &p) {
            const auto [first, end] = data.tasksOf(p.index);
            bool subject = false;
            for (const quint64 c : data.contactsOf(p.index)) {
                subject = subject || data.contact(c).service >= 0;
            }
            return end > first && subject;
        });
        pick([](const Person &p) {
            return p.bis;
        });
        pick([](const Person &p) {
            return p.email.isEmpty() && p.phone.isEmpty();
        });
        pick([](const Person &p) {
            return !p.box.isEmpty();
        });
        pick([](const Person &p) {
            return p.familyEmail;
        });
        return list;
    }

private Q_SLOTS:
    void init()
    {
        QFETCH_GLOBAL(Profile, profile);
        m_server = std::make_unique<KlantinteractiesServer>(31, 300, profile);
        m_server->data.mutate(2, 2, 5, 3);
        m_flemish = profile == Profile::Flanders;
    }

    void initTestCase_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::newRow("nl") << Profile::Netherlands;
        QTest::newRow("flanders") << Profile::Flanders;
    }

    void validatorIsStrict()
    {
        // The checks can fail: a Belgian postcode in the Dutch field, an unknown kind of party; and
        // the Flemish identifier codes are outside the enums, so that profile needs the swap.
        const Fetched f = m_server->get(u"/partijen/"_s + uuid(UuidKind::Party, interesting().first()));
        QCOMPARE(f.status, 200);
        QJsonObject postcode = f.json;
        QJsonObject address = postcode[u"bezoekadres"_s].toObject();
        address[u"postcode"_s] = u"9000"_s;
        postcode[u"bezoekadres"_s] = address;
        QJsonObject kind = f.json;
        kind[u"soortPartij"_s] = u"iemand"_s;
        for (const QJsonObject &broken : {postcode, kind}) {
            QVERIFY(!validate({QJsonDocument(broken).toJson()}, u"/partijen/{uuid}"_s, u"GET"_s, 200, m_flemish).isEmpty());
        }
        const QString raw = validate({f.body}, u"/partijen/{uuid}"_s, u"GET"_s, 200, false);
        QCOMPARE(raw.isEmpty(), !m_flemish);
        if (m_flemish) {
            QVERIFY2(raw.contains(u"codeRegister"_s) && raw.contains(u"codeSoortObjectId"_s), qPrintable(raw));
        }
    }

    void partijen()
    {
        check({u"/partijen"_s,
               u"/partijen?pageSize=20&page=2&expand=betrokkenen,betrokkenen.hadKlantcontact,digitaleAdressen,categorieRelaties"_s,
               u"/partijen?soortPartij=organisatie"_s},
              u"/partijen"_s);
        QStringList details;
        for (const quint32 c : interesting()) {
            details << u"/partijen/"_s + uuid(UuidKind::Party, c)
                    << u"/partijen/"_s + uuid(UuidKind::Party, c) + u"?expand=betrokkenen,betrokkenen.hadKlantcontact,digitaleAdressen,categorieRelaties"_s;
        }
        check(details, u"/partijen/{uuid}"_s);
    }

    void identificatoren()
    {
        check({u"/partij-identificatoren?pageSize=300"_s}, u"/partij-identificatoren"_s);
        QStringList details;
        for (const quint32 c : interesting()) {
            details << u"/partij-identificatoren/"_s + uuid(UuidKind::PartyIdentifier, c);
        }
        check(details, u"/partij-identificatoren/{uuid}"_s);
    }

    void digitaleAdressen()
    {
        const QString expand = u"expand=verstrektDoorBetrokkene,verstrektDoorBetrokkene.hadKlantcontact"_s;
        check({u"/digitaleadressen?pageSize=500"_s, u"/digitaleadressen?isGeverifieerd=true&"_s + expand}, u"/digitaleadressen"_s);
        QStringList details;
        for (const quint32 c : interesting()) {
            const Person p = m_server->data.person(c);
            if (!p.email.isEmpty()) {
                details << u"/digitaleadressen/"_s + uuid(UuidKind::DigitalAddress, quint64(c) * 2);
            }
            if (!p.phone.isEmpty()) {
                details << u"/digitaleadressen/"_s + uuid(UuidKind::DigitalAddress, quint64(c) * 2 + 1) + u"?"_s + expand;
            }
        }
        check(details, u"/digitaleadressen/{uuid}"_s);
    }

    void klantcontacten()
    {
        const QString expand = u"expand=gingOverOnderwerpobjecten,hadBetrokkenen,hadBetrokkenen.digitaleAdressen,hadBetrokkenen.wasPartij,"
                               u"leiddeTotInterneTaken,omvatteBijlagen"_s;
        const quint32 c = interesting().first();
        check({u"/klantcontacten?pageSize=200"_s, u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + uuid(UuidKind::Party, c) + u"&"_s + expand},
              u"/klantcontacten"_s);
        QStringList details;
        for (const quint64 contact : m_server->data.contactsOf(c)) {
            details << u"/klantcontacten/"_s + uuid(UuidKind::Contact, contact) + u"?"_s + expand << u"/klantcontacten/"_s + uuid(UuidKind::Contact, contact);
        }
        check(details, u"/klantcontacten/{uuid}"_s);
    }

    void betrokkenen()
    {
        check({u"/betrokkenen?pageSize=300&expand=digitaleAdressen"_s}, u"/betrokkenen"_s);
        const quint64 contact = m_server->data.contactsOf(interesting().first()).first();
        check({u"/betrokkenen/"_s + uuid(UuidKind::Involved, contact), u"/betrokkenen/"_s + uuid(UuidKind::Involved, contact) + u"?expand=digitaleAdressen"_s},
              u"/betrokkenen/{uuid}"_s);
    }

    void onderwerpobjecten()
    {
        const Fetched list = m_server->get(u"/onderwerpobjecten?pageSize=50"_s);
        QVERIFY(list.count() > 0);
        check({u"/onderwerpobjecten?pageSize=50"_s}, u"/onderwerpobjecten"_s);
        check({u"/onderwerpobjecten/"_s + list.results().at(0)[u"uuid"_s].toString()}, u"/onderwerpobjecten/{uuid}"_s);
    }

    void internetaken()
    {
        const Fetched list = m_server->get(u"/internetaken?pageSize=300"_s);
        QVERIFY(list.count() > 0);
        check({u"/internetaken?pageSize=300"_s}, u"/internetaken"_s);
        QStringList details;
        for (int i = 0; i < 5 && i < list.results().size(); ++i) {
            details << u"/internetaken/"_s + list.results().at(i)[u"uuid"_s].toString();
        }
        check(details, u"/internetaken/{uuid}"_s);
    }

    void actoren()
    {
        check({u"/actoren"_s}, u"/actoren"_s);
        QStringList details;
        for (qsizetype i = 0; i < m_server->data.actors().size(); ++i) {
            details << u"/actoren/"_s + uuid(UuidKind::Actor, quint64(i));
        }
        check(details, u"/actoren/{uuid}"_s);
    }

    void emptyCollections()
    {
        for (const QString &collection :
             {u"/bijlagen"_s, u"/categorieen"_s, u"/categorie-relaties"_s, u"/rekeningnummers"_s, u"/vertegenwoordigingen"_s, u"/actorklantcontacten"_s}) {
            check({collection}, collection);
        }
    }

    void created()
    {
        // What POST answers, and the created records as the lists show them.
        KlantinteractiesServer &s = *m_server;
        const QString party = uuid(UuidKind::Party, interesting().first());
        const Fetched contact = s.post(u"/klantcontacten"_s,
                                       QJsonObject{{u"kanaal"_s, u"telefoon"_s},
                                                   {u"onderwerp"_s, u"Vraag over afvalkalender"_s},
                                                   {u"taal"_s, u"nld"_s},
                                                   {u"vertrouwelijk"_s, false},
                                                   {u"plaatsgevondenOp"_s, u"2026-11-02T09:30:00.250+01:00"_s}});
        QCOMPARE(contact.status, 201);
        QString problems = validate({contact.body}, u"/klantcontacten"_s, u"POST"_s, 201, m_flemish);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QJsonObject contactRef{{u"uuid"_s, contact.json[u"uuid"_s]}};

        const Fetched involved =
            s.post(u"/betrokkenen"_s,
                   QJsonObject{{u"hadKlantcontact"_s, contactRef},
                               {u"wasPartij"_s, QJsonObject{{u"uuid"_s, party}}},
                               {u"rol"_s, u"klant"_s},
                               {u"initiator"_s, true},
                               {u"bezoekadres"_s, QJsonObject{{u"straatnaam"_s, u"Kerkstraat"_s}, {u"huisnummer"_s, 3}, {u"postcode"_s, u""_s}}},
                               {u"contactnaam"_s, QJsonObject{{u"voornaam"_s, u"An"_s}, {u"achternaam"_s, u"Peeters"_s}}}});
        QCOMPARE(involved.status, 201);
        problems = validate({involved.body}, u"/betrokkenen"_s, u"POST"_s, 201, m_flemish);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        const Fetched subject = s.post(u"/onderwerpobjecten"_s, QJsonObject{{u"klantcontact"_s, contactRef}, {u"wasKlantcontact"_s, QJsonValue::Null}});
        QCOMPARE(subject.status, 201);
        problems = validate({subject.body}, u"/onderwerpobjecten"_s, u"POST"_s, 201, m_flemish);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        const Fetched task = s.post(u"/internetaken"_s,
                                    QJsonObject{{u"gevraagdeHandeling"_s, u"Burger terugbellen"_s},
                                                {u"aanleidinggevendKlantcontact"_s, contactRef},
                                                {u"toegewezenAanActoren"_s, QJsonArray{QJsonObject{{u"uuid"_s, uuid(UuidKind::Actor, 6)}}}},
                                                {u"status"_s, u"verwerkt"_s}});
        QCOMPARE(task.status, 201);
        problems = validate({task.body}, u"/internetaken"_s, u"POST"_s, 201, m_flemish);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        const Fetched made = s.post(
            u"/maak-klantcontact"_s,
            QJsonObject{{u"klantcontact"_s,
                         QJsonObject{{u"kanaal"_s, u"balie"_s}, {u"onderwerp"_s, u"Melding: Sluikstort"_s}, {u"taal"_s, u"nld"_s}, {u"vertrouwelijk"_s, true}}},
                        {u"betrokkene"_s, QJsonObject{{u"wasPartij"_s, QJsonObject{{u"uuid"_s, party}}}, {u"rol"_s, u"klant"_s}, {u"initiator"_s, true}}},
                        {u"onderwerpobject"_s,
                         QJsonObject{{u"onderwerpobjectidentificator"_s,
                                      QJsonObject{{u"objectId"_s, u"sluikstort"_s},
                                                  {u"codeObjecttype"_s, u"service"_s},
                                                  {u"codeRegister"_s, u"open311"_s},
                                                  {u"codeSoortObjectId"_s, u"service_code"_s}}}}}});
        QCOMPARE(made.status, 201);
        const Fetched bare =
            s.post(u"/maak-klantcontact"_s,
                   QJsonObject{{u"klantcontact"_s,
                                QJsonObject{{u"kanaal"_s, u"e-mail"_s}, {u"onderwerp"_s, u"vraag"_s}, {u"taal"_s, u"nld"_s}, {u"vertrouwelijk"_s, false}}}});
        QCOMPARE(bare.status, 201);
        problems = validate({made.body, bare.body}, u"/maak-klantcontact"_s, u"POST"_s, 201, m_flemish);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        const QString expand = u"expand=gingOverOnderwerpobjecten,hadBetrokkenen,hadBetrokkenen.wasPartij,leiddeTotInterneTaken"_s;
        check({u"/klantcontacten?pageSize=5&"_s + expand, u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party + u"&"_s + expand},
              u"/klantcontacten"_s);
        check({u"/betrokkenen?pageSize=5"_s}, u"/betrokkenen"_s);
        check({u"/onderwerpobjecten?pageSize=5"_s}, u"/onderwerpobjecten"_s);
        check({u"/internetaken?pageSize=5"_s}, u"/internetaken"_s);
        check({u"/partijen/"_s + party + u"?expand=betrokkenen,betrokkenen.hadKlantcontact"_s}, u"/partijen/{uuid}"_s);
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesSchemas)
#include "tst_klantinteractiesschemas.moc"
