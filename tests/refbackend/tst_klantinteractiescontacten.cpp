// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Klantinteracties API of the reference back end, contact side: klantcontacten, betrokkenen,
// onderwerpobjecten and internetaken, walked page by page against the data set, their filters and
// expansions, contacts added by mutations, and deleted parties taking their records with them.

#include "klantinteracties/klantinteractiesbackend.h"
#include "klantinteractiestesting.h"
#include "referencedate.h"

#include <QSet>

using namespace C360::Ref;
using namespace C360::Ref::Testing;
using namespace Qt::StringLiterals;

namespace
{
QString uuidOf(const DataSet &data, UuidKind kind, quint64 index)
{
    return data.uuid(kind, index).toString(QUuid::WithoutBraces);
}

std::optional<quint64> indexOf(const DataSet &data, UuidKind kind, const QJsonValue &uuid)
{
    return data.indexOf(kind, QUuid::fromString(uuid.toString()));
}

// A live resident with tasks and a contact about a report category.
quint32 busyCitizen(const DataSet &data)
{
    for (quint32 c = 0; c < data.citizenCount(); ++c) {
        const auto [first, end] = data.tasksOf(c);
        bool subject = false;
        for (const quint64 contact : data.contactsOf(c)) {
            subject = subject || data.contact(contact).service >= 0;
        }
        if (!data.isDeleted(c) && end > first && subject) {
            return c;
        }
    }
    return 0;
}
} // namespace

class TestKlantinteractiesContacten : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagingAgreesWithBruteForce()
    {
        // Every offset of every generated collection against a plain enumeration, with deleted
        // residents (some of them owners of contacts added at run time) to skip.
        DataSet data(47, 140, Profile::Flanders, C360::Test::fixedReferenceDate());
        data.mutate(0, 0, 25, 0);
        data.mutate(0, 0, 0, 9);
        data.mutate(0, 0, 10, 0);
        KlantinteractiesBackend backend(data);
        std::vector<quint64> parties, contacts, tasks, subjects;
        std::vector<quint64> addresses[3];
        const KlantinteractiesAddressFilter filters[3] = {{}, {0, std::nullopt}, {-1, true}};
        for (quint32 c = 0; c < data.citizenCount(); ++c) {
            if (data.isDeleted(c)) {
                continue;
            }
            parties.push_back(c);
            const Person p = data.person(c);
            for (int f = 0; f < 3; ++f) {
                if (!p.email.isEmpty() && filters[f].accepts(0, p.emailVerified)) {
                    addresses[f].push_back(quint64(c) * 2);
                }
                if (!p.phone.isEmpty() && filters[f].accepts(1, p.phoneVerified)) {
                    addresses[f].push_back(quint64(c) * 2 + 1);
                }
            }
        }
        for (quint64 i = 0; i < data.contactCount(); ++i) {
            if (!data.isDeleted(data.contactCitizen(i))) {
                contacts.push_back(i);
                if (data.contact(i).service >= 0) {
                    subjects.push_back(i);
                }
            }
        }
        for (quint64 t = 0; t < data.taskCount(); ++t) {
            if (!data.isDeleted(data.taskCitizen(t))) {
                tasks.push_back(t);
            }
        }
        QCOMPARE(contacts.size(), data.liveContactCount());
        QCOMPARE(tasks.size(), data.liveTaskCount());
        QCOMPARE(backend.liveSubjectCount(), subjects.size());
        auto slice = [](const std::vector<quint64> &all, quint64 offset, quint64 limit) {
            return std::vector<quint64>(all.begin() + qint64(std::min<quint64>(offset, all.size())),
                                        all.begin() + qint64(std::min<quint64>(offset + limit, all.size())));
        };
        for (const quint64 limit : {1, 4}) {
            for (quint64 offset = 0; offset <= contacts.size(); ++offset) {
                QCOMPARE(backend.liveContacts(offset, limit), slice(contacts, offset, limit));
            }
            for (quint64 offset = 0; offset <= tasks.size(); ++offset) {
                QCOMPARE(backend.liveTasks(offset, limit), slice(tasks, offset, limit));
            }
            for (quint64 offset = 0; offset <= parties.size(); ++offset) {
                QCOMPARE(backend.liveParties(offset, limit), slice(parties, offset, limit));
            }
            for (quint64 offset = 0; offset <= subjects.size(); ++offset) {
                QCOMPARE(backend.liveSubjects(offset, limit), slice(subjects, offset, limit));
            }
            for (int f = 0; f < 3; ++f) {
                QCOMPARE(backend.liveAddressCount(filters[f]), addresses[f].size());
                for (quint64 offset = 0; offset <= addresses[f].size(); ++offset) {
                    QCOMPARE(backend.liveAddresses(filters[f], offset, limit), slice(addresses[f], offset, limit));
                }
            }
        }
    }

    void walks()
    {
        // Every live record once, as many as the data set says, newest first.
        KlantinteractiesServer s(41, 180, Profile::Flanders);
        s.data.mutate(0, 0, 6, 4);
        const QList<QJsonObject> contacts = s.walk(u"/klantcontacten?pageSize=111"_s);
        QCOMPARE(quint64(contacts.size()), s.data.liveContactCount());
        QSet<QString> seen;
        quint64 previous = ~quint64(0);
        for (const QJsonObject &c : contacts) {
            QVERIFY(!seen.contains(c[u"uuid"_s].toString()));
            seen.insert(c[u"uuid"_s].toString());
            const auto index = indexOf(s.data, UuidKind::Contact, c[u"uuid"_s]);
            QVERIFY(index && *index < previous);
            previous = *index;
            QVERIFY(!s.data.isDeleted(s.data.contactCitizen(*index)));
            const ContactRecord record = s.data.contact(*index);
            QCOMPARE(c[u"kanaal"_s].toString(), record.channel);
            QCOMPARE(c[u"onderwerp"_s].toString(), record.subject);
            QCOMPARE(c[u"inhoud"_s].toString(), record.text);
            QCOMPARE(c[u"taal"_s].toString(), record.language);
            QCOMPARE(c[u"vertrouwelijk"_s].toBool(), record.confidential);
            QCOMPARE(c[u"indicatieContactGelukt"_s].toBool(), record.succeeded);
            QCOMPARE(c[u"plaatsgevondenOp"_s].toString(), record.time.toString(Qt::ISODate));
            QCOMPARE(c[u"gingOverOnderwerpobjecten"_s].toArray().size(), record.service >= 0 ? 1 : 0);
            QCOMPARE(c[u"hadBetrokkenen"_s].toArray().size(), 1);
        }
        // The contacts the mutation added come first.
        QCOMPARE(indexOf(s.data, UuidKind::Contact, contacts.first()[u"uuid"_s]), s.data.contactCount() - 1);

        const QList<QJsonObject> involved = s.walk(u"/betrokkenen?pageSize=200"_s);
        QCOMPARE(quint64(involved.size()), s.data.liveContactCount());
        for (const QJsonObject &b : involved.mid(0, 50)) {
            const auto contact = indexOf(s.data, UuidKind::Contact, b[u"hadKlantcontact"_s][u"uuid"_s]);
            QCOMPARE(indexOf(s.data, UuidKind::Involved, b[u"uuid"_s]), contact);
            QCOMPARE(indexOf(s.data, UuidKind::Party, b[u"wasPartij"_s][u"uuid"_s]), quint64(s.data.contactCitizen(*contact)));
            QCOMPARE(b[u"rol"_s].toString(), u"klant"_s);
            QCOMPARE(b[u"volledigeNaam"_s].toString().isEmpty(), false);
        }

        quint64 subjects = 0;
        for (quint64 i = 0; i < s.data.contactCount(); ++i) {
            subjects += !s.data.isDeleted(s.data.contactCitizen(i)) && s.data.contact(i).service >= 0 ? 1 : 0;
        }
        const QList<QJsonObject> objects = s.walk(u"/onderwerpobjecten?pageSize=29"_s);
        QCOMPARE(quint64(objects.size()), subjects);
        for (const QJsonObject &o : objects) {
            const auto contact = indexOf(s.data, UuidKind::Contact, o[u"klantcontact"_s][u"uuid"_s]);
            QVERIFY(contact);
            QCOMPARE(o[u"onderwerpobjectidentificator"_s][u"objectId"_s].toString(), s.data.services().at(s.data.contact(*contact).service).code);
            QCOMPARE(o[u"onderwerpobjectidentificator"_s][u"codeRegister"_s].toString(), u"open311"_s);
        }

        const QList<QJsonObject> tasks = s.walk(u"/internetaken?pageSize=77"_s);
        QCOMPARE(quint64(tasks.size()), s.data.liveTaskCount());
        for (const QJsonObject &t : tasks) {
            const auto index = indexOf(s.data, UuidKind::Task, t[u"uuid"_s]);
            QVERIFY(index);
            const TaskRecord record = s.data.task(*index);
            QCOMPARE(t[u"gevraagdeHandeling"_s].toString(), record.requestedAction);
            QCOMPARE(t[u"toelichting"_s].toString(), record.explanation);
            QCOMPARE(t[u"status"_s].toString(), record.done ? u"verwerkt"_s : u"te_verwerken"_s);
            QCOMPARE(t[u"afgehandeldOp"_s].isNull(), !record.done);
            QCOMPARE(t[u"toegewezenOp"_s].toString(), record.assigned.toString(Qt::ISODate));
            QCOMPARE(indexOf(s.data, UuidKind::Contact, t[u"aanleidinggevendKlantcontact"_s][u"uuid"_s]), record.contact);
            QCOMPARE(indexOf(s.data, UuidKind::Actor, t[u"toegewezenAanActoren"_s][0][u"uuid"_s]), quint64(record.actor));
            QCOMPARE(t[u"toegewezenAanActor"_s], t[u"toegewezenAanActoren"_s][0]);
        }
    }

    void contactFilters()
    {
        KlantinteractiesServer s(42, 200, Profile::Netherlands);
        const quint32 c = busyCitizen(s.data);
        const QString party = uuidOf(s.data, UuidKind::Party, c);
        const QList<quint64> own = s.data.contactsOf(c);
        Fetched f = s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party);
        QCOMPARE(f.count(), own.size());
        for (const QJsonValue &v : f.results()) {
            QVERIFY(own.contains(*indexOf(s.data, UuidKind::Contact, v[u"uuid"_s])));
        }
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__url="_s + s.root() + u"/partijen/"_s + party).count(), own.size());
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__partijIdentificator__objectId="_s + s.data.person(c).identifier).count(), own.size());
        // With one party named, any filter works; alone, one that varies is refused.
        const QString channel = s.data.contact(own.first()).channel;
        int sameChannel = 0;
        for (const quint64 i : own) {
            sameChannel += s.data.contact(i).channel == channel ? 1 : 0;
        }
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party + u"&kanaal="_s + channel).count(), sameChannel);
        f = s.get(u"/klantcontacten?kanaal="_s + channel);
        QCOMPARE(f.status, 400);
        QCOMPARE(f.json[u"invalidParams"_s][0][u"name"_s].toString(), u"kanaal"_s);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party + u"&leiddeTotInterneTaken=true"_s).count(),
                 qint64(std::count_if(own.cbegin(), own.cend(), [&](quint64 i) {
                     const auto [first, end] = s.data.tasksOf(c);
                     for (quint64 t = first; t < end; ++t) {
                         if (s.data.task(t).contact == i) {
                             return true;
                         }
                     }
                     return false;
                 })));
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij=true"_s).count(), qint64(s.data.liveContactCount()));
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij=false"_s).count(), 0);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__partijIdentificator__codeRegister=brp"_s).count(), qint64(s.data.liveContactCount()));
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__digitaaladres__adres__icontains=gmail"_s).count(), 0);
        QCOMPARE(s.get(u"/klantcontacten?reactie=x"_s).count(), 0);
        QCOMPARE(s.get(u"/klantcontacten?nummer=%1"_s.arg(own.first() + 1, 10, 10, QLatin1Char('0'))).count(), 1);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__uuid="_s + uuidOf(s.data, UuidKind::Involved, own.last())).results().at(0)[u"uuid"_s].toString(),
                 uuidOf(s.data, UuidKind::Contact, own.last()));
        // A subject object leads to its contact.
        quint64 about = own.first();
        for (const quint64 i : own) {
            about = s.data.contact(i).service >= 0 ? i : about;
        }
        f = s.get(u"/klantcontacten?onderwerpobject__uuid="_s + uuidOf(s.data, UuidKind::Subject, about));
        QCOMPARE(f.count(), 1);
        QCOMPARE(f.results().at(0)[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Contact, about));
        const QString code = s.data.services().at(s.data.contact(about).service).code;
        QVERIFY(
            s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party + u"&onderwerpobject__onderwerpobjectidentificatorObjectId="_s + code).count() >=
            1);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + uuidOf(s.data, UuidKind::Party, 9999)).count(), 0);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid=nope"_s).status, 400);
    }

    void contactExpand()
    {
        KlantinteractiesServer s(43, 120, Profile::Flanders);
        const quint32 c = busyCitizen(s.data);
        const auto [first, end] = s.data.tasksOf(c);
        const quint64 contact = s.data.task(first).contact;
        const QString expand = u"?expand=hadBetrokkenen,hadBetrokkenen.wasPartij,hadBetrokkenen.digitaleAdressen,leiddeTotInterneTaken,"
                               u"gingOverOnderwerpobjecten,omvatteBijlagen"_s;
        Fetched f = s.get(u"/klantcontacten/"_s + uuidOf(s.data, UuidKind::Contact, contact) + expand);
        QCOMPARE(f.status, 200);
        const QJsonObject x = f.json[u"_expand"_s].toObject();
        const QJsonObject involved = x[u"hadBetrokkenen"_s][0].toObject();
        QCOMPARE(involved[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Involved, contact));
        QCOMPARE(involved[u"_expand"_s][u"wasPartij"_s][u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Party, c));
        QCOMPARE(involved[u"_expand"_s][u"wasPartij"_s][u"partijIdentificatie"_s][u"contactnaam"_s][u"voornaam"_s].toString(), s.data.person(c).givenNames);
        QCOMPARE(involved[u"_expand"_s][u"digitaleAdressen"_s].toArray().size(), 0);
        QVERIFY(x[u"leiddeTotInterneTaken"_s].toArray().size() >= 1);
        QCOMPARE(x[u"leiddeTotInterneTaken"_s][0][u"gevraagdeHandeling"_s].toString(), s.data.task(first).requestedAction);
        QCOMPARE(x[u"gingOverOnderwerpobjecten"_s].toArray().size(), s.data.contact(contact).service >= 0 ? 1 : 0);
        QCOMPARE(x[u"omvatteBijlagen"_s].toArray().size(), 0);
        f = s.get(u"/klantcontacten?pageSize=4"_s + expand.mid(1).prepend(u"&"_s));
        QCOMPARE(f.results().size(), 4);
        for (const QJsonValue &v : f.results()) {
            QCOMPARE(v[u"_expand"_s][u"hadBetrokkenen"_s].toArray().size(), 1);
        }
        f = s.get(u"/betrokkenen/"_s + uuidOf(s.data, UuidKind::Involved, contact) + u"?expand=digitaleAdressen"_s);
        QCOMPARE(f.json[u"_expand"_s][u"digitaleAdressen"_s].toArray().size(), 0);
        QCOMPARE(s.get(u"/klantcontacten?expand=hadKlantcontact"_s).status, 400);
    }

    void involvedSubjectTaskFilters()
    {
        KlantinteractiesServer s(44, 150, Profile::Flanders);
        const quint32 c = busyCitizen(s.data);
        const QList<quint64> own = s.data.contactsOf(c);
        const QString party = uuidOf(s.data, UuidKind::Party, c);
        QCOMPARE(s.get(u"/betrokkenen?wasPartij__uuid="_s + party).count(), own.size());
        QCOMPARE(s.get(u"/betrokkenen?wasPartij__nummer=%1"_s.arg(c + 1, 10, 10, QLatin1Char('0'))).count(), own.size());
        QCOMPARE(s.get(u"/betrokkenen?hadKlantcontact__uuid="_s + uuidOf(s.data, UuidKind::Contact, own.first())).count(), 1);
        QCOMPARE(s.get(u"/betrokkenen?wasPartij__uuid="_s + party + u"&contactnaamVoornaam="_s + s.data.person(c).givenNames).count(), own.size());
        QCOMPARE(s.get(u"/betrokkenen?organisatienaam=ACME"_s).count(), 0);
        QCOMPARE(s.get(u"/betrokkenen?contactnaamAchternaam=Peeters"_s).status, 400);
        QCOMPARE(s.get(u"/betrokkenen?verstrektedigitaalAdres__adres=a@b.be"_s).count(), 0);

        quint64 about = 0;
        for (const quint64 i : own) {
            about = s.data.contact(i).service >= 0 ? i : about;
        }
        Fetched f = s.get(u"/onderwerpobjecten?klantcontact__uuid="_s + uuidOf(s.data, UuidKind::Contact, about));
        QCOMPARE(f.count(), 1);
        QCOMPARE(f.results().at(0)[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Subject, about));
        QCOMPARE(s.get(u"/onderwerpobjecten?onderwerpobjectidentificatorCodeRegister=open311"_s).count(), s.get(u"/onderwerpobjecten"_s).count());
        QCOMPARE(s.get(u"/onderwerpobjecten?onderwerpobjectidentificatorCodeRegister=openzaak"_s).count(), 0);
        QCOMPARE(s.get(u"/onderwerpobjecten?onderwerpobjectidentificatorObjectId=graffiti"_s).status, 400);
        QCOMPARE(s.get(u"/onderwerpobjecten/"_s + uuidOf(s.data, UuidKind::Subject, about)).json[u"klantcontact"_s][u"uuid"_s].toString(),
                 uuidOf(s.data, UuidKind::Contact, about));
        // A contact not about a report category has no subject object.
        for (const quint64 i : own) {
            if (s.data.contact(i).service < 0) {
                QCOMPARE(s.get(u"/onderwerpobjecten/"_s + uuidOf(s.data, UuidKind::Subject, i)).status, 404);
                break;
            }
        }

        const auto [first, end] = s.data.tasksOf(c);
        const TaskRecord task = s.data.task(first);
        f = s.get(u"/internetaken?aanleidinggevendKlantcontact__uuid="_s + uuidOf(s.data, UuidKind::Contact, task.contact));
        QVERIFY(f.count() >= 1);
        QCOMPARE(s.get(u"/internetaken?nummer=%1"_s.arg(first + 1, 10, 10, QLatin1Char('0'))).count(), 1);
        const QString status = task.done ? u"verwerkt"_s : u"te_verwerken"_s;
        QCOMPARE(s.get(u"/internetaken?nummer=%1&status=%2"_s.arg(first + 1, 10, 10, QLatin1Char('0')).arg(status)).count(), 1);
        QCOMPARE(s.get(u"/internetaken?status=verwerkt"_s).status, 400); // would need a scan
        QCOMPARE(s.get(u"/internetaken?status=klaar"_s).json[u"invalidParams"_s][0][u"code"_s].toString(), u"invalid_choice"_s);
        const QString actor = uuidOf(s.data, UuidKind::Actor, quint64(task.actor));
        QCOMPARE(s.get(u"/internetaken?klantcontact__uuid="_s + uuidOf(s.data, UuidKind::Contact, task.contact) + u"&toegewezenAanActor__uuid="_s + actor)
                     .results()
                     .at(0)[u"uuid"_s]
                     .toString()
                     .isEmpty(),
                 false);
        f = s.get(u"/internetaken/"_s + uuidOf(s.data, UuidKind::Task, first));
        QCOMPARE(f.json[u"nummer"_s].toString(), u"%1"_s.arg(first + 1, 10, 10, QLatin1Char('0')));
    }

    void deletedParties()
    {
        KlantinteractiesServer s(45, 160, Profile::Flanders);
        const quint32 c = busyCitizen(s.data);
        const QList<quint64> own = s.data.contactsOf(c);
        const auto [first, end] = s.data.tasksOf(c);
        const QString party = uuidOf(s.data, UuidKind::Party, c);
        QCOMPARE(s.get(u"/partijen/"_s + party).status, 200);
        const qint64 contacts = s.get(u"/klantcontacten"_s).count();
        const qint64 tasks = s.get(u"/internetaken"_s).count();
        const qint64 subjects = s.get(u"/onderwerpobjecten"_s).count();
        const qint64 addresses = s.get(u"/digitaleadressen"_s).count();

        // Delete exactly this resident: mutate until it is gone (deterministic in the seed).
        int rounds = 0;
        while (!s.data.isDeleted(c) && rounds++ < 2000) {
            s.data.mutate(0, 0, 0, 1);
        }
        QVERIFY(s.data.isDeleted(c));
        QCOMPARE(s.get(u"/partijen/"_s + party).status, 404);
        QCOMPARE(s.get(u"/partij-identificatoren/"_s + uuidOf(s.data, UuidKind::PartyIdentifier, c)).status, 404);
        QCOMPARE(s.get(u"/digitaleadressen/"_s + uuidOf(s.data, UuidKind::DigitalAddress, quint64(c) * 2)).status, 404);
        QCOMPARE(s.get(u"/digitaleadressen/"_s + uuidOf(s.data, UuidKind::DigitalAddress, quint64(c) * 2 + 1)).status, 404);
        for (const quint64 i : own) {
            QCOMPARE(s.get(u"/klantcontacten/"_s + uuidOf(s.data, UuidKind::Contact, i)).status, 404);
            QCOMPARE(s.get(u"/betrokkenen/"_s + uuidOf(s.data, UuidKind::Involved, i)).status, 404);
            QCOMPARE(s.get(u"/onderwerpobjecten/"_s + uuidOf(s.data, UuidKind::Subject, i)).status, 404);
        }
        for (quint64 t = first; t < end; ++t) {
            QCOMPARE(s.get(u"/internetaken/"_s + uuidOf(s.data, UuidKind::Task, t)).status, 404);
        }
        QCOMPARE(s.get(u"/partijen?partijIdentificator__objectId="_s + s.data.person(c).identifier).count(), 0);
        QCOMPARE(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + party).count(), 0);
        QCOMPARE(s.get(u"/digitaleadressen?verstrektDoorPartij__uuid="_s + party).count(), 0);
        // The lists lose them and keep the data set's counts.
        QCOMPARE(quint64(s.get(u"/klantcontacten"_s).count()), s.data.liveContactCount());
        QVERIFY(s.get(u"/klantcontacten"_s).count() <= contacts - own.size());
        QVERIFY(s.get(u"/internetaken"_s).count() <= tasks - qint64(end - first));
        QCOMPARE(quint64(s.get(u"/internetaken"_s).count()), s.data.liveTaskCount());
        QVERIFY(s.get(u"/onderwerpobjecten"_s).count() < subjects);
        QVERIFY(s.get(u"/digitaleadressen"_s).count() <= addresses);
        QCOMPARE(quint64(s.walk(u"/betrokkenen?pageSize=500"_s).size()), s.data.liveContactCount());
        QCOMPARE(quint64(s.walk(u"/onderwerpobjecten?pageSize=100"_s).size()), quint64(s.get(u"/onderwerpobjecten"_s).count()));
    }

    void mutationsAppear()
    {
        KlantinteractiesServer s(46, 100, Profile::Netherlands);
        const qint64 before = s.get(u"/klantcontacten"_s).count();
        const MutationResult m = s.data.mutate(0, 0, 3, 0);
        const Fetched f = s.get(u"/klantcontacten?pageSize=3"_s);
        QCOMPARE(f.count(), before + 3);
        // Newest first: the three new contacts make the first page.
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(f.results().at(i)[u"uuid"_s].toString(), uuidOf(s.data, UuidKind::Contact, m.newContacts.at(2 - i)));
        }
        const quint32 citizen = s.data.contactCitizen(m.newContacts.first());
        QVERIFY(s.get(u"/klantcontacten?hadBetrokkene__wasPartij__uuid="_s + uuidOf(s.data, UuidKind::Party, citizen)).results().contains(f.results().at(2)));
        QCOMPARE(s.get(u"/betrokkenen/"_s + uuidOf(s.data, UuidKind::Involved, m.newContacts.first())).json[u"wasPartij"_s][u"uuid"_s].toString(),
                 uuidOf(s.data, UuidKind::Party, citizen));
        QCOMPARE(quint64(s.walk(u"/onderwerpobjecten?pageSize=500"_s).size()), quint64(s.get(u"/onderwerpobjecten"_s).count()));
    }
};

QTEST_GUILESS_MAIN(TestKlantinteractiesContacten)
#include "tst_klantinteractiescontacten.moc"
