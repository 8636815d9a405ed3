// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// klantcontacten, betrokkenen and onderwerpobjecten: each generated contact with its citizen as
// betrokkene (rol "klant") and, when it was about a report category, that category as its subject.

#include "klantinteracties/klantinteractiesroutes.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace C360::Ref
{

namespace
{
const QStringList contactExpand = {u"gingOverOnderwerpobjecten"_s,
                                   u"hadBetrokkenen"_s,
                                   u"hadBetrokkenen.digitaleAdressen"_s,
                                   u"hadBetrokkenen.wasPartij"_s,
                                   u"leiddeTotInterneTaken"_s,
                                   u"omvatteBijlagen"_s};
const QStringList involvedExpand = {u"digitaleAdressen"_s};
const QStringList identificatorFields = {u"CodeObjecttype"_s, u"CodeRegister"_s, u"CodeSoortObjectId"_s, u"ObjectId"_s};

const QStringList contactFilters = {
    u"hadBetrokkene__digitaaladres__adres__icontains"_s,
    u"hadBetrokkene__url"_s,
    u"hadBetrokkene__uuid"_s,
    u"hadBetrokkene__wasPartij"_s,
    u"hadBetrokkene__wasPartij__partijIdentificator__codeObjecttype"_s,
    u"hadBetrokkene__wasPartij__partijIdentificator__codeRegister"_s,
    u"hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId"_s,
    u"hadBetrokkene__wasPartij__partijIdentificator__objectId"_s,
    u"hadBetrokkene__wasPartij__url"_s,
    u"hadBetrokkene__wasPartij__uuid"_s,
    u"indicatieContactGelukt"_s,
    u"inhoud"_s,
    u"kanaal"_s,
    u"leiddeTotInterneTaken"_s,
    u"nummer"_s,
    u"onderwerp"_s,
    u"onderwerpobject__onderwerpobjectidentificatorCodeObjecttype"_s,
    u"onderwerpobject__onderwerpobjectidentificatorCodeRegister"_s,
    u"onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId"_s,
    u"onderwerpobject__onderwerpobjectidentificatorObjectId"_s,
    u"onderwerpobject__url"_s,
    u"onderwerpobject__uuid"_s,
    u"plaatsgevondenOp"_s,
    u"reactie"_s,
    u"referentienummer"_s,
    u"vertrouwelijk"_s,
    u"wasOnderwerpobject__onderwerpobjectidentificatorCodeObjecttype"_s,
    u"wasOnderwerpobject__onderwerpobjectidentificatorCodeRegister"_s,
    u"wasOnderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId"_s,
    u"wasOnderwerpobject__onderwerpobjectidentificatorObjectId"_s,
    u"wasOnderwerpobject__url"_s,
    u"wasOnderwerpobject__uuid"_s,
};
const QStringList involvedFilters = {
    u"contactnaamAchternaam"_s,
    u"contactnaamVoorletters"_s,
    u"contactnaamVoornaam"_s,
    u"contactnaamVoorvoegselAchternaam"_s,
    u"hadKlantcontact__nummer"_s,
    u"hadKlantcontact__referentienummer"_s,
    u"hadKlantcontact__url"_s,
    u"hadKlantcontact__uuid"_s,
    u"organisatienaam"_s,
    u"verstrektedigitaalAdres__adres"_s,
    u"verstrektedigitaalAdres__url"_s,
    u"verstrektedigitaalAdres__uuid"_s,
    u"wasPartij__nummer"_s,
    u"wasPartij__partijIdentificator__codeObjecttype"_s,
    u"wasPartij__partijIdentificator__codeRegister"_s,
    u"wasPartij__partijIdentificator__codeSoortObjectId"_s,
    u"wasPartij__partijIdentificator__objectId"_s,
    u"wasPartij__url"_s,
    u"wasPartij__uuid"_s,
};
const QStringList subjectFilters = {u"klantcontact__url"_s,
                                    u"klantcontact__uuid"_s,
                                    u"onderwerpobjectidentificatorCodeObjecttype"_s,
                                    u"onderwerpobjectidentificatorCodeRegister"_s,
                                    u"onderwerpobjectidentificatorCodeSoortObjectId"_s,
                                    u"onderwerpobjectidentificatorObjectId"_s,
                                    u"wasKlantcontact__url"_s,
                                    u"wasKlantcontact__uuid"_s};

QJsonObject contactExpansion(const KlantinteractiesBackend &backend, quint64 contact, const QSet<QString> &expand, const QString &root)
{
    QJsonObject x;
    if (expand.contains(u"hadBetrokkenen"_s)) {
        QJsonArray involved;
        for (const quint64 i : backend.involvedOfContact(contact)) {
            QJsonObject b = backend.betrokkene(i, root);
            QJsonObject nested;
            if (expand.contains(u"hadBetrokkenen.wasPartij"_s)) {
                const auto party = backend.partyOfInvolved(i);
                nested[u"wasPartij"_s] = party ? QJsonValue(backend.partij(*party, root)) : QJsonValue(QJsonValue::Null);
            }
            if (expand.contains(u"hadBetrokkenen.digitaleAdressen"_s)) {
                nested[u"digitaleAdressen"_s] = QJsonArray();
            }
            if (!nested.isEmpty()) {
                b[u"_expand"_s] = nested;
            }
            involved.append(b);
        }
        x[u"hadBetrokkenen"_s] = involved;
    }
    if (expand.contains(u"leiddeTotInterneTaken"_s)) {
        QJsonArray tasks;
        for (const quint64 t : backend.tasksOfContact(contact)) {
            tasks.append(backend.interneTaak(t, root));
        }
        x[u"leiddeTotInterneTaken"_s] = tasks;
    }
    if (expand.contains(u"gingOverOnderwerpobjecten"_s)) {
        QJsonArray subjects;
        for (const quint64 s : backend.subjectsOfContact(contact)) {
            subjects.append(backend.onderwerpobject(s, root));
        }
        x[u"gingOverOnderwerpobjecten"_s] = subjects;
    }
    if (expand.contains(u"omvatteBijlagen"_s)) {
        x[u"omvatteBijlagen"_s] = QJsonArray();
    }
    return x;
}

QJsonObject involvedExpansion(const QSet<QString> &expand)
{
    QJsonObject x;
    if (expand.contains(u"digitaleAdressen"_s)) {
        x[u"digitaleAdressen"_s] = QJsonArray(); // betrokkenen here give no addresses of their own
    }
    return x;
}

std::vector<quint64> contactOf(std::optional<quint64> contact)
{
    return contact ? std::vector<quint64>{*contact} : std::vector<quint64>{};
}

// A contact named by uuid or url in name__uuid / name__url.
void contactFilter(KlantinteractiesBackend &backend, KlantinteractiesQuery &q, const QString &name, const std::function<void(std::optional<quint64>)> &found)
{
    if (const auto uuid = q.uuid(name + u"__uuid"_s)) {
        found(backend.find(UuidKind::Contact, *uuid));
    }
    if (const auto url = q.url(name + u"__url"_s)) {
        found(backend.findUrl(UuidKind::Contact, *url));
    }
}

HttpReply listContacts(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, contactFilters);
    const QSet<QString> expand = effectiveExpand(q.expand(contactExpand));
    KlantinteractiesList list;
    bool given = false;
    const auto party = partyFilter(backend, q, u"hadBetrokkene__wasPartij"_s, &given);
    if (given) {
        list.narrow(party ? backend.contactsOfParty(*party) : QList<quint64>());
    }
    for (const QString &kind : {u"uuid"_s, u"url"_s}) {
        const QString name = u"hadBetrokkene__"_s + kind;
        const auto value = kind == QLatin1String("uuid") ? q.uuid(name) : q.url(name);
        if (value) {
            const auto involved = kind == QLatin1String("uuid") ? backend.find(UuidKind::Involved, *value) : backend.findUrl(UuidKind::Involved, *value);
            list.narrow(contactOf(involved ? std::optional<quint64>(backend.contactOfInvolved(*involved)) : std::nullopt));
        }
        const QString subjectName = u"onderwerpobject__"_s + kind;
        if (const auto s = kind == QLatin1String("uuid") ? q.uuid(subjectName) : q.url(subjectName)) {
            const auto subject = kind == QLatin1String("uuid") ? backend.find(UuidKind::Subject, *s) : backend.findUrl(UuidKind::Subject, *s);
            std::optional<quint64> contact;
            if (subject) {
                contact = *subject < KlantinteractiesCreatedBase ? std::optional<quint64>(*subject)
                                                                 : backend.createdSubjects().at(qsizetype(*subject - KlantinteractiesCreatedBase)).contact;
            }
            list.narrow(contactOf(contact));
        }
        const QString wasName = u"wasOnderwerpobject__"_s + kind;
        if (const auto s = kind == QLatin1String("uuid") ? q.uuid(wasName) : q.url(wasName)) {
            const auto subject = kind == QLatin1String("uuid") ? backend.find(UuidKind::Subject, *s) : backend.findUrl(UuidKind::Subject, *s);
            std::optional<quint64> contact;
            if (subject && *subject >= KlantinteractiesCreatedBase) {
                contact = backend.createdSubjects().at(qsizetype(*subject - KlantinteractiesCreatedBase)).wasContact;
            }
            list.narrow(contactOf(contact));
        }
    }
    for (const QString &field : {u"nummer"_s, u"referentienummer"_s}) {
        if (const auto value = q.text(field)) {
            list.narrow(klantinteractiesContactsNumbered(backend, field, *value));
        }
    }
    if (const auto wasPartij = q.boolean(u"hadBetrokkene__wasPartij"_s)) {
        list.add(
            u"hadBetrokkene__wasPartij"_s,
            [&backend, v = *wasPartij](quint64 i, const QJsonObject &) {
                const QList<quint64> involved = backend.involvedOfContact(i);
                return std::any_of(involved.cbegin(), involved.cend(), [&](quint64 b) {
                           return backend.partyOfInvolved(b).has_value();
                       }) == v;
            },
            *wasPartij);
    }
    identifierCodeFilters(backend, q, list, u"hadBetrokkene__wasPartij__partijIdentificator__"_s, [&backend](quint64 i, const QJsonObject &) {
        QJsonArray ids;
        for (const quint64 b : backend.involvedOfContact(i)) {
            if (const auto p = backend.partyOfInvolved(b)) {
                ids.append(backend.identificator(*p, QString()));
            }
        }
        return ids;
    });
    // No betrokkene here gave a digital address of its own.
    list.none = q.text(u"hadBetrokkene__digitaaladres__adres__icontains"_s).has_value() || list.none;
    list.flag(q, u"indicatieContactGelukt"_s, u"indicatieContactGelukt"_s);
    list.contains(q, u"inhoud"_s, u"inhoud"_s);
    list.exact(q, u"kanaal"_s, u"kanaal"_s);
    list.contains(q, u"onderwerp"_s, u"onderwerp"_s);
    list.contains(q, u"reactie"_s, u"reactie"_s, QString());
    list.flag(q, u"vertrouwelijk"_s, u"vertrouwelijk"_s);
    if (const auto leidde = q.boolean(u"leiddeTotInterneTaken"_s)) {
        list.add(
            u"leiddeTotInterneTaken"_s,
            [v = *leidde](quint64, const QJsonObject &r) {
                return r.value(u"leiddeTotInterneTaken"_s).toArray().isEmpty() != v;
            },
            std::nullopt);
    }
    if (const auto when = q.dateTime(u"plaatsgevondenOp"_s)) {
        list.add(
            u"plaatsgevondenOp"_s,
            [when = *when](quint64, const QJsonObject &r) {
                return QDateTime::fromString(r.value(u"plaatsgevondenOp"_s).toString(), Qt::ISODateWithMs) == when;
            },
            std::nullopt);
    }
    for (const QString &field : identificatorFields) {
        const QString key = field.at(0).toLower() + field.mid(1);
        if (const auto value = q.text(u"onderwerpobject__onderwerpobjectidentificator"_s + field)) {
            list.add(
                u"onderwerpobject__onderwerpobjectidentificator"_s + field,
                [&backend, key, v = *value](quint64 i, const QJsonObject &) {
                    const QList<quint64> subjects = backend.subjectsOfContact(i);
                    return std::any_of(subjects.cbegin(), subjects.cend(), [&](quint64 s) {
                        return backend.onderwerpobject(s, QString())[u"onderwerpobjectidentificator"_s][key].toString() == v;
                    });
                },
                std::nullopt);
        }
        if (const auto value = q.text(u"wasOnderwerpobject__onderwerpobjectidentificator"_s + field)) {
            list.add(
                u"wasOnderwerpobject__onderwerpobjectidentificator"_s + field,
                [&backend, key, v = *value](quint64 i, const QJsonObject &) {
                    // Only created subject objects point back at a contact they were.
                    for (const KlantinteractiesCreatedSubject &s : backend.createdSubjects()) {
                        if (s.wasContact == i && s.identificator[key].toString() == v) {
                            return true;
                        }
                    }
                    return false;
                },
                false);
        }
    }
    list.check(q);
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.klantcontact(i, root);
    };
    list.decorate = [&backend, root, expand](QJsonObject &record, quint64 i) {
        record[u"_expand"_s] = contactExpansion(backend, i, expand, root);
    };
    list.generatedBy(backend, &KlantinteractiesBackend::liveContactCount, &KlantinteractiesBackend::liveContacts);
    list.created = backend.liveCreated(UuidKind::Contact);
    return serveList(request, list);
}

HttpReply listInvolved(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, involvedFilters);
    const QSet<QString> expand = effectiveExpand(q.expand(involvedExpand));
    KlantinteractiesList list;
    bool given = false;
    const auto party = partyFilter(backend, q, u"wasPartij"_s, &given);
    if (given) {
        list.narrow(party ? backend.involvedOfParty(*party) : QList<quint64>());
    }
    contactFilter(backend, q, u"hadKlantcontact"_s, [&](std::optional<quint64> contact) {
        list.narrow(contact ? backend.involvedOfContact(*contact) : QList<quint64>());
    });
    for (const QString &field : {u"nummer"_s, u"referentienummer"_s}) {
        if (const auto value = q.text(u"hadKlantcontact__"_s + field)) {
            QList<quint64> involved;
            for (const quint64 c : klantinteractiesContactsNumbered(backend, field, *value)) {
                involved += backend.involvedOfContact(c);
            }
            list.narrow(involved);
        }
    }
    // No betrokkene here gave a digital address.
    list.none = q.uuid(u"verstrektedigitaalAdres__uuid"_s).has_value();
    list.none = q.url(u"verstrektedigitaalAdres__url"_s).has_value() || list.none;
    list.none = q.text(u"verstrektedigitaalAdres__adres"_s).has_value() || list.none;
    list.exact(q, u"organisatienaam"_s, u"organisatienaam"_s, QString());
    identifierCodeFilters(backend, q, list, u"wasPartij__partijIdentificator__"_s, [&backend](quint64 i, const QJsonObject &) {
        const auto p = backend.partyOfInvolved(i);
        return p ? QJsonArray{backend.identificator(*p, QString())} : QJsonArray();
    });
    for (const char *field : {"Achternaam", "Voorletters", "Voornaam", "VoorvoegselAchternaam"}) {
        const QString f = QLatin1String(field);
        list.exact(q, u"contactnaam"_s + f, u"contactnaam."_s + f.at(0).toLower() + f.mid(1));
    }
    list.check(q);
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.betrokkene(i, root);
    };
    list.decorate = [expand](QJsonObject &record, quint64) {
        record[u"_expand"_s] = involvedExpansion(expand);
    };
    // A generated betrokkene per generated contact, numbered alike.
    list.generatedBy(backend, &KlantinteractiesBackend::liveContactCount, &KlantinteractiesBackend::liveContacts);
    list.created = backend.liveCreated(UuidKind::Involved);
    return serveList(request, list);
}

HttpReply listSubjects(KlantinteractiesBackend &backend, const HttpRequest &request)
{
    const QString root = KlantinteractiesHttp::root(request);
    KlantinteractiesQuery q(request, subjectFilters);
    KlantinteractiesList list;
    contactFilter(backend, q, u"klantcontact"_s, [&](std::optional<quint64> contact) {
        list.narrow(contact ? backend.subjectsOfContact(*contact) : QList<quint64>());
    });
    contactFilter(backend, q, u"wasKlantcontact"_s, [&](std::optional<quint64> contact) {
        std::vector<quint64> subjects;
        for (const quint64 s : backend.liveCreated(UuidKind::Subject)) {
            if (contact && backend.createdSubjects().at(qsizetype(s - KlantinteractiesCreatedBase)).wasContact == contact) {
                subjects.push_back(s);
            }
        }
        list.narrow(subjects);
    });
    // The generated ones all name an Open311 service by its code.
    const QString group = u"onderwerpobjectidentificator."_s;
    list.exact(q, u"onderwerpobjectidentificatorCodeObjecttype"_s, group + u"codeObjecttype"_s, u"service"_s);
    list.exact(q, u"onderwerpobjectidentificatorCodeRegister"_s, group + u"codeRegister"_s, u"open311"_s);
    list.exact(q, u"onderwerpobjectidentificatorCodeSoortObjectId"_s, group + u"codeSoortObjectId"_s, u"service_code"_s);
    list.exact(q, u"onderwerpobjectidentificatorObjectId"_s, group + u"objectId"_s);
    list.check(q);
    if (const QList<KlantinteractiesInvalidParam> errors = q.finish(); !errors.isEmpty()) {
        return KlantinteractiesHttp::invalid(request, errors);
    }
    list.render = [&backend, root](quint64 i) {
        return backend.onderwerpobject(i, root);
    };
    list.generatedBy(backend, &KlantinteractiesBackend::liveSubjectCount, &KlantinteractiesBackend::liveSubjects);
    list.created = backend.liveCreated(UuidKind::Subject);
    return serveList(request, list);
}
} // namespace

std::vector<quint64> klantinteractiesContactsNumbered(KlantinteractiesBackend &backend, const QString &field, const QString &value)
{
    // Generated contacts are numbered index + 1; created ones carry theirs.
    std::vector<quint64> out;
    bool ok = false;
    const quint64 n = value.toULongLong(&ok);
    if (ok && n >= 1 && value.size() == 10 && n - 1 < KlantinteractiesCreatedBase && backend.live(UuidKind::Contact, n - 1)) {
        out.push_back(n - 1);
    }
    for (const quint64 c : backend.liveCreated(UuidKind::Contact)) {
        if (backend.createdContacts().at(qsizetype(c - KlantinteractiesCreatedBase)).fields.value(field).toString() == value) {
            out.push_back(c);
        }
    }
    return out;
}

void installKlantinteractiesContactRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token)
{
    server.route("GET", klantinteractiesPath("klantcontacten"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listContacts(*backend, request);
                 }));
    server.route(
        "GET",
        klantinteractiesPath("klantcontacten", true),
        KlantinteractiesHttp::guarded(
            token,
            klantinteractiesDetail(
                backend, UuidKind::Contact, contactExpand, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &expand, const QString &root) {
                    QJsonObject o = b.klantcontact(i, root);
                    expandDetail(o, contactExpansion(b, i, expand, root));
                    return o;
                })));
    server.route("GET", klantinteractiesPath("betrokkenen"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listInvolved(*backend, request);
                 }));
    server.route(
        "GET",
        klantinteractiesPath("betrokkenen", true),
        KlantinteractiesHttp::guarded(
            token,
            klantinteractiesDetail(
                backend, UuidKind::Involved, involvedExpand, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &expand, const QString &root) {
                    QJsonObject o = b.betrokkene(i, root);
                    expandDetail(o, involvedExpansion(expand));
                    return o;
                })));
    server.route("GET", klantinteractiesPath("onderwerpobjecten"), KlantinteractiesHttp::guarded(token, [backend](const HttpRequest &request) {
                     return listSubjects(*backend, request);
                 }));
    server.route(
        "GET",
        klantinteractiesPath("onderwerpobjecten", true),
        KlantinteractiesHttp::guarded(
            token,
            klantinteractiesDetail(backend, UuidKind::Subject, {}, [](KlantinteractiesBackend &b, quint64 i, const QSet<QString> &, const QString &root) {
                return b.onderwerpobject(i, root);
            })));
}

} // namespace C360::Ref
