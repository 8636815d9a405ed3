// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The Klantinteracties API's installation, and its internetaken and actoren: the tasks contacts
// gave rise to, and the teams and clerks they went to.

#include "klantinteracties/klantinteractiesapi.h"

#include "klantinteracties/klantinteractiesroutes.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace C360::Ref
{

namespace
{
const QStringList taskFilters = {
    u"aanleidinggevendKlantcontact__url"_s,
    u"aanleidinggevendKlantcontact__uuid"_s,
    u"actoren__naam"_s,
    u"klantcontact__nummer"_s,
    u"klantcontact__referentienummer"_s,
    u"klantcontact__uuid"_s,
    u"nummer"_s,
    u"referentienummer"_s,
    u"status"_s,
    u"toegewezenAanActor__url"_s,
    u"toegewezenAanActor__uuid"_s,
    u"toegewezenOp"_s,
};
const QStringList actorFilters = {
    u"actoridentificatorCodeObjecttype"_s,
    u"actoridentificatorCodeRegister"_s,
    u"actoridentificatorCodeSoortObjectId"_s,
    u"actoridentificatorObjectId"_s,
    u"indicatieActief"_s,
    u"naam"_s,
    u"soortActor"_s,
};
// Resources the municipality keeps none of: empty lists, no details.
const char *const emptyCollections[] = {"bijlagen", "categorieen", "categorie-relaties", "rekeningnummers", "vertegenwoordigingen", "actorklantcontacten"};

HttpReply listTasks(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, taskFilters);
    KlantinteractiesList list;
    auto byContact = [&](std::optional<quint64> contact) {
        list.narrow(contact ? backend.tasksOfContact(*contact) : QList<quint64>());
    };
    for (const QString &name : {u"aanleidinggevendKlantcontact__uuid"_s, u"klantcontact__uuid"_s}) {
        if (const auto uuid = q.uuid(name)) {
            byContact(backend.find(UuidKind::Contact, *uuid));
        }
    }
    if (const auto url = q.url(u"aanleidinggevendKlantcontact__url"_s)) {
        byContact(backend.findUrl(UuidKind::Contact, *url));
    }
    for (const QString &field : {u"nummer"_s, u"referentienummer"_s}) {
        if (const auto value = q.text(u"klantcontact__"_s + field)) {
            QList<quint64> tasks;
            for (const quint64 c : klantinteractiesContactsNumbered(backend, field, *value)) {
                tasks += backend.tasksOfContact(c);
            }
            list.narrow(tasks);
        }
        if (const auto value = q.text(field)) {
            // Generated tasks are numbered index + 1; created ones carry theirs.
            std::vector<quint64> tasks;
            bool ok = false;
            const quint64 n = value->toULongLong(&ok);
            if (ok && n >= 1 && value->size() == 10 && n - 1 < KlantinteractiesCreatedBase && backend.live(UuidKind::Task, n - 1)) {
                tasks.push_back(n - 1);
            }
            for (const quint64 t : backend.liveCreated(UuidKind::Task)) {
                if (backend.createdTasks().at(qsizetype(t - KlantinteractiesCreatedBase)).fields.value(field).toString() == *value) {
                    tasks.push_back(t);
                }
            }
            list.narrow(tasks);
        }
    }
    if (const auto status = q.choice(u"status"_s, {u"te_verwerken"_s, u"verwerkt"_s})) {
        list.exact(q, u"status"_s, u"status"_s);
    }
    if (const auto naam = q.text(u"actoren__naam"_s)) {
        list.add(
            u"actoren__naam"_s,
            [&backend, v = *naam](quint64, const QJsonObject &r) {
                const QJsonArray actors = r.value(u"toegewezenAanActoren"_s).toArray();
                return std::any_of(actors.cbegin(), actors.cend(), [&](const QJsonValue &a) {
                    const auto index = backend.find(UuidKind::Actor, a[u"uuid"_s].toString());
                    return index && backend.data().actors().at(qsizetype(*index)).name == v;
                });
            },
            std::nullopt);
    }
    std::optional<QString> actor = q.uuid(u"toegewezenAanActor__uuid"_s);
    if (const auto url = q.url(u"toegewezenAanActor__url"_s)) {
        const auto index = backend.findUrl(UuidKind::Actor, *url);
        actor = index ? backend.data().uuid(UuidKind::Actor, *index).toString(QUuid::WithoutBraces) : u"-"_s;
    }
    if (actor) {
        list.add(
            u"toegewezenAanActor__uuid"_s,
            [v = *actor](quint64, const QJsonObject &r) {
                const QJsonArray actors = r.value(u"toegewezenAanActoren"_s).toArray();
                return std::any_of(actors.cbegin(), actors.cend(), [&](const QJsonValue &a) {
                    return a[u"uuid"_s].toString() == v;
                });
            },
            std::nullopt);
    }
    if (const auto when = q.dateTime(u"toegewezenOp"_s)) {
        list.add(
            u"toegewezenOp"_s,
            [when = *when](quint64, const QJsonObject &r) {
                return QDateTime::fromString(r.value(u"toegewezenOp"_s).toString(), Qt::ISODateWithMs) == when;
            },
            std::nullopt);
    }
    list.check(q);
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.interneTaak(i, root);
    };
    list.generatedBy(backend, &KlantinteractiesBackend::liveTaskCount, &KlantinteractiesBackend::liveTasks);
    list.created = backend.liveCreated(UuidKind::Task);
    return serveList(request, list);
}

HttpReply listActors(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    // A dozen actors: every filter can look at each of them.
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, actorFilters);
    KlantinteractiesList list;
    std::vector<quint64> all;
    for (qsizetype i = 0; i < backend.data().actors().size(); ++i) {
        all.push_back(quint64(i));
    }
    list.narrow(all);
    for (const char *field : {"CodeObjecttype", "CodeRegister", "CodeSoortObjectId", "ObjectId"}) {
        const QString f = QLatin1String(field);
        list.exact(q, u"actoridentificator"_s + f, u"actoridentificator."_s + f.at(0).toLower() + f.mid(1));
    }
    list.flag(q, u"indicatieActief"_s, u"indicatieActief"_s);
    list.contains(q, u"naam"_s, u"naam"_s);
    if (q.choice(u"soortActor"_s, {u"geautomatiseerde_actor"_s, u"medewerker"_s, u"organisatorische_eenheid"_s})) {
        list.exact(q, u"soortActor"_s, u"soortActor"_s);
    }
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.actor(i, root);
    };
    return serveList(request, list);
}
} // namespace

void installKlantinteractiesTaskRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token)
{
    server.route("GET", klantinteractiesPath("internetaken"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listTasks(*backend, request);
                 }));
    server.route(
        "GET",
        klantinteractiesPath("internetaken", true),
        KlantinteractiesHttp::guarded(
            token, klantinteractiesDetail(backend, UuidKind::Task, {}, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &, const QString &root) {
                return b.interneTaak(i, root);
            })));
    server.route("GET", klantinteractiesPath("actoren"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listActors(*backend, request);
                 }));
    server.route(
        "GET",
        klantinteractiesPath("actoren", true),
        KlantinteractiesHttp::guarded(
            token, klantinteractiesDetail(backend, UuidKind::Actor, {}, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &, const QString &root) {
                return b.actor(i, root);
            })));
    for (const char *collection : emptyCollections) {
        server.route("GET", klantinteractiesPath(collection), KlantinteractiesHttp::guarded(token, [](const HttpRequest &request) {
                         return KlantinteractiesHttp::paged(request, 0, [](quint64, quint64) {
                             return QJsonArray();
                         });
                     }));
        server.route("GET", klantinteractiesPath(collection, true), KlantinteractiesHttp::guarded(token, [](const HttpRequest &request) {
                         return KlantinteractiesHttp::notFound(request);
                     }));
    }
}

std::function<qint64()> installKlantinteractiesApi(RefServer &server, DataSet &data, const QString &token)
{
    const auto backend = std::make_shared<KlantinteractiesBackend>(data);
    installKlantinteractiesPartyRoutes(server, backend, token);
    installKlantinteractiesContactRoutes(server, backend, token);
    installKlantinteractiesTaskRoutes(server, backend, token);
    installKlantinteractiesCreateRoutes(server, backend, token);
    return [backend]() {
        return qint64(backend->createdContacts().size());
    };
}

} // namespace C360::Ref
