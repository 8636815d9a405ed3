// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// POST on klantcontacten, betrokkenen, onderwerpobjecten, internetaken and maak-klantcontact, and
// PATCH on internetaken: the body checked as Open Klant's serializers check it (ValidatieFout on
// the first wrong field of each), the records kept in memory and shown from then on alongside (or
// over) the generated ones.

#include "klantinteracties/klantinteractiesbodyreader.h"
#include "klantinteracties/klantinteractiesroutes.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace C360::Ref
{

namespace
{
QJsonObject readContact(KlantinteractiesBackend &backend, KlantinteractiesBodyReader &in)
{
    QJsonObject f;
    const auto nummer = in.string(u"nummer"_s, 10, false, true);
    const QString number = nummer && !nummer->isEmpty() ? *nummer : backend.nextCreatedNumber();
    f[u"nummer"_s] = number;
    f[u"referentienummer"_s] = in.string(u"referentienummer"_s, 10, false, true).value_or(number);
    f[u"kanaal"_s] = in.string(u"kanaal"_s, 50, true).value_or(QString());
    f[u"onderwerp"_s] = in.string(u"onderwerp"_s, 200, true).value_or(QString());
    f[u"inhoud"_s] = in.string(u"inhoud"_s, 1000, false).value_or(QString());
    f[u"reactie"_s] = in.string(u"reactie"_s, 4000, false).value_or(QString());
    const auto gelukt = in.boolean(u"indicatieContactGelukt"_s, false, true);
    f[u"indicatieContactGelukt"_s] = gelukt ? QJsonValue(*gelukt) : QJsonValue(QJsonValue::Null);
    const auto type = in.string(u"hoofdOnderwerpType"_s, 200, false);
    if (type && !type->isEmpty() && QUrl(*type).scheme().isEmpty()) {
        in.fail(u"hoofdOnderwerpType"_s, u"invalid"_s, u"Voer een geldige URL in."_s);
    }
    f[u"hoofdOnderwerpType"_s] = type.value_or(QString());
    f[u"verdereActieOndernomen"_s] = in.boolean(u"verdereActieOndernomen"_s, false).value_or(false);
    f[u"taal"_s] = in.string(u"taal"_s, 3, true).value_or(QString());
    f[u"vertrouwelijk"_s] = in.boolean(u"vertrouwelijk"_s, true).value_or(false);
    const auto when = in.dateTime(u"plaatsgevondenOp"_s, false);
    f[u"plaatsgevondenOp"_s] = when ? *when : KlantinteractiesBackend::timestamp(backend.nextCreationTime());
    QJsonObject metadata;
    if (const auto m = in.object(u"metadata"_s, false)) {
        for (auto it = m->constBegin(); it != m->constEnd(); ++it) {
            if (!it.value().isString() || it.value().toString().size() > 255) {
                in.fail(u"metadata."_s + it.key(), u"invalid"_s, u"Geen geldige string van hoogstens 255 tekens."_s);
            }
        }
        metadata = *m;
    }
    f[u"metadata"_s] = metadata;
    return f;
}

// An address as the client gave it, with the fields Open Klant checks; empty values of the
// patterned fields are left out so that the record stays valid against the OpenAPI document.
QJsonValue readAddress(KlantinteractiesBodyReader &in, const QString &name)
{
    const auto o = in.object(name, false);
    if (!o) {
        return QJsonValue::Null;
    }
    KlantinteractiesBodyReader a(*o, in.prefix() + name + QLatin1Char('.'), in.errors());
    QJsonObject out;
    const struct
    {
        const char *field;
        int maxLength;
        const char *pattern;
    } fields[] = {
        {"nummeraanduidingId", 16, "^[0-9]{16}$"},
        {"straatnaam", 255, nullptr},
        {"huisnummertoevoeging", 20, nullptr},
        {"postcode", 7, "^[1-9][0-9]{3} [A-Z]{2}$"},
        {"stad", 255, nullptr},
        {"adresregel1", 80, nullptr},
        {"adresregel2", 80, nullptr},
        {"adresregel3", 80, nullptr},
        {"land", 2, "^[A-Z]{2}$"},
    };
    for (const auto &f : fields) {
        const QString field = QLatin1String(f.field);
        const auto value = a.string(field, f.maxLength, false);
        if (!value || (f.pattern && value->isEmpty())) {
            if (!f.pattern) {
                out[field] = QString();
            }
            continue;
        }
        if (f.pattern && !QRegularExpression(QLatin1String(f.pattern)).match(*value).hasMatch()) {
            a.fail(field, u"invalid"_s, u"Ongeldige waarde: %1"_s.arg(*value));
        }
        out[field] = *value;
    }
    const QJsonValue number = o->value(u"huisnummer"_s);
    if (number.isDouble() && number.toInt() >= 1 && number.toInt() <= 99999) {
        out[u"huisnummer"_s] = number.toInt();
    } else if (number.isUndefined() || number.isNull()) {
        out[u"huisnummer"_s] = QJsonValue::Null;
    } else {
        a.fail(u"huisnummer"_s, u"invalid"_s, u"Een geldig getal tussen 1 en 99999 is vereist."_s);
    }
    return out;
}

KlantinteractiesCreatedInvolved readInvolved(KlantinteractiesBackend &backend, KlantinteractiesBodyReader &in, bool withContact)
{
    KlantinteractiesCreatedInvolved involved;
    if (withContact) {
        involved.contact = in.reference(backend, u"hadKlantcontact"_s, UuidKind::Contact, true, false).value_or(0);
    }
    if (const auto party = in.reference(backend, u"wasPartij"_s, UuidKind::Party, false)) {
        involved.party = quint32(*party);
    }
    QJsonObject &f = involved.fields;
    f[u"bezoekadres"_s] = readAddress(in, u"bezoekadres"_s);
    f[u"correspondentieadres"_s] = readAddress(in, u"correspondentieadres"_s);
    QJsonValue naam = QJsonValue::Null;
    if (const auto o = in.object(u"contactnaam"_s, false)) {
        KlantinteractiesBodyReader n(*o, in.prefix() + u"contactnaam."_s, in.errors());
        naam = QJsonObject{{u"voorletters"_s, n.string(u"voorletters"_s, 10, false).value_or(QString())},
                           {u"voornaam"_s, n.string(u"voornaam"_s, 200, false).value_or(QString())},
                           {u"voorvoegselAchternaam"_s, n.string(u"voorvoegselAchternaam"_s, 10, false).value_or(QString())},
                           {u"achternaam"_s, n.string(u"achternaam"_s, 200, false).value_or(QString())}};
    }
    f[u"contactnaam"_s] = naam;
    f[u"volledigeNaam"_s] = KlantinteractiesBackend::volledigeNaam(naam.toObject());
    f[u"rol"_s] = in.choice(u"rol"_s, {u"vertegenwoordiger"_s, u"klant"_s}, true).value_or(QString());
    f[u"organisatienaam"_s] = in.string(u"organisatienaam"_s, 200, false).value_or(QString());
    f[u"initiator"_s] = in.boolean(u"initiator"_s, true).value_or(false);
    return involved;
}

KlantinteractiesCreatedSubject readSubject(KlantinteractiesBackend &backend, KlantinteractiesBodyReader &in, bool withContact)
{
    KlantinteractiesCreatedSubject subject;
    if (withContact) {
        subject.contact = in.reference(backend, u"klantcontact"_s, UuidKind::Contact, false);
    }
    subject.wasContact = in.reference(backend, u"wasKlantcontact"_s, UuidKind::Contact, false);
    subject.identificator = QJsonValue::Null;
    if (const auto o = in.object(u"onderwerpobjectidentificator"_s, false)) {
        KlantinteractiesBodyReader id(*o, in.prefix() + u"onderwerpobjectidentificator."_s, in.errors());
        QJsonObject out;
        for (const char *field : {"objectId", "codeObjecttype", "codeRegister", "codeSoortObjectId"}) {
            out[QLatin1String(field)] = id.string(QLatin1String(field), 200, false).value_or(QString());
        }
        subject.identificator = out;
    }
    return subject;
}

KlantinteractiesCreatedTask readTask(KlantinteractiesBackend &backend, KlantinteractiesBodyReader &in)
{
    KlantinteractiesCreatedTask task;
    QJsonObject &f = task.fields;
    const auto nummer = in.string(u"nummer"_s, 10, false, true);
    const QString number = nummer && !nummer->isEmpty() ? *nummer : backend.nextCreatedNumber();
    f[u"nummer"_s] = number;
    f[u"referentienummer"_s] = in.string(u"referentienummer"_s, 10, false, true).value_or(number);
    f[u"gevraagdeHandeling"_s] = in.string(u"gevraagdeHandeling"_s, 200, true).value_or(QString());
    task.contact = in.reference(backend, u"aanleidinggevendKlantcontact"_s, UuidKind::Contact, true, false).value_or(0);
    if (const auto actor = in.reference(backend, u"toegewezenAanActor"_s, UuidKind::Actor, false)) {
        task.actors.append(*actor);
    }
    f[u"toelichting"_s] = in.string(u"toelichting"_s, 1000, false).value_or(QString());
    const auto status = in.choice(u"status"_s, {u"te_verwerken"_s, u"verwerkt"_s}, true);
    f[u"status"_s] = status.value_or(QString());
    const QDateTime now = backend.nextCreationTime();
    f[u"toegewezenOp"_s] = KlantinteractiesBackend::timestamp(now);
    const auto done = in.dateTime(u"afgehandeldOp"_s, true);
    f[u"afgehandeldOp"_s] = done                         ? QJsonValue(*done)
        : status && *status == QLatin1String("verwerkt") ? QJsonValue(KlantinteractiesBackend::timestamp(now))
                                                         : QJsonValue(QJsonValue::Null);
    return task;
}

// toegewezenAanActoren: an array of {"uuid": …}; at least one actor in all.
void readActors(KlantinteractiesBackend &backend, const QJsonObject &body, KlantinteractiesCreatedTask &task, QList<KlantinteractiesInvalidParam> *errors)
{
    const QJsonArray actors = body.value(u"toegewezenAanActoren"_s).toArray();
    for (qsizetype i = 0; i < actors.size(); ++i) {
        const QString uuid = actors.at(i)[u"uuid"_s].toString();
        if (const auto index = backend.find(UuidKind::Actor, uuid)) {
            if (!task.actors.contains(*index)) {
                task.actors.append(*index);
            }
        } else {
            errors->append({u"toegewezenAanActoren.%1.uuid"_s.arg(i), u"does_not_exist"_s, u"Object met uuid \"%1\" bestaat niet."_s.arg(uuid)});
        }
    }
    if (task.actors.isEmpty() && errors->isEmpty()) {
        errors->append({u"toegewezenAanActoren"_s, u"required"_s, u"Dit veld is vereist."_s});
    }
}

// A PATCH on an internetaak: only the fields present are checked and set. Like Open Klant, setting
// the status to verwerkt stamps afgehandeldOp when the body does not give it, and back to
// te_verwerken clears it. The aanleidinggevend klantcontact stays what it was: this back end keeps
// tasks with the contact they came from (a different one is refused with a ValidatieFout).
std::optional<KlantinteractiesTaskChange>
readTaskChange(KlantinteractiesBackend &backend, quint64 index, const QJsonObject &body, QList<KlantinteractiesInvalidParam> *errors)
{
    KlantinteractiesBodyReader in(body, QString(), errors);
    KlantinteractiesTaskChange change;
    QJsonObject &f = change.fields;
    for (const auto &[name, length] : {std::pair{u"nummer"_s, 10}, std::pair{u"referentienummer"_s, 10}}) {
        if (in.present(name)) {
            if (const auto v = in.string(name, length, false, true)) {
                f[name] = *v;
            }
        }
    }
    if (in.present(u"gevraagdeHandeling"_s)) {
        if (const auto v = in.string(u"gevraagdeHandeling"_s, 200, true)) {
            f[u"gevraagdeHandeling"_s] = *v;
        }
    }
    if (in.present(u"toelichting"_s)) {
        if (const auto v = in.string(u"toelichting"_s, 1000, false)) {
            f[u"toelichting"_s] = *v;
        }
    }
    if (in.present(u"aanleidinggevendKlantcontact"_s)) {
        const auto contact = in.reference(backend, u"aanleidinggevendKlantcontact"_s, UuidKind::Contact, true, false);
        const QJsonObject current = backend.interneTaak(index, QString()).value(u"aanleidinggevendKlantcontact"_s).toObject();
        if (contact && backend.ref(UuidKind::Contact, *contact, QString()).value(u"uuid"_s) != current.value(u"uuid"_s)) {
            in.fail(u"aanleidinggevendKlantcontact"_s, u"immutable"_s, u"De referentie-backend verplaatst geen interne taak naar een ander klantcontact."_s);
        }
    }
    std::optional<QString> status;
    if (in.present(u"status"_s)) {
        status = in.choice(u"status"_s, {u"te_verwerken"_s, u"verwerkt"_s}, true);
    }
    const bool givesDone = in.present(u"afgehandeldOp"_s);
    const auto done = in.dateTime(u"afgehandeldOp"_s, true);
    if (givesDone) {
        f[u"afgehandeldOp"_s] = done ? QJsonValue(*done) : QJsonValue(QJsonValue::Null);
    }
    if (status) {
        f[u"status"_s] = *status;
        if (*status == QLatin1String("te_verwerken")) {
            f[u"afgehandeldOp"_s] = QJsonValue::Null;
        } else if (!givesDone && backend.taskStatus(index) != QLatin1String("verwerkt")) {
            f[u"afgehandeldOp"_s] = KlantinteractiesBackend::timestamp(backend.nextCreationTime());
        }
    }
    if (body.contains(u"toegewezenAanActoren"_s) || body.contains(u"toegewezenAanActor"_s)) {
        KlantinteractiesCreatedTask actors;
        if (const auto actor = in.reference(backend, u"toegewezenAanActor"_s, UuidKind::Actor, false)) {
            actors.actors.append(*actor);
        }
        readActors(backend, body, actors, errors);
        change.actors = actors.actors;
    }
    if (!errors->isEmpty()) {
        return std::nullopt;
    }
    return change;
}

template<typename Create>
Handler creating(RefServer &server, const KlantinteractiesBackendPtr &backend, Create create)
{
    // Creates honour Idempotency-Key, so that a client's retried push never creates twice.
    return server.idempotent([backend, create](const HttpRequest &request) {
        HttpReply error;
        const auto body = KlantinteractiesBodyReader::parse(request, &error);
        if (!body) {
            return error;
        }
        QList<KlantinteractiesInvalidParam> errors;
        return create(*backend, request, *body, &errors);
    });
}
} // namespace

void installKlantinteractiesCreateRoutes(RefServer &server, const KlantinteractiesBackendPtr &backend, const QString &token)
{
    server.route("POST",
                 klantinteractiesPath("klantcontacten"),
                 KlantinteractiesHttp::guarded(
                     token,
                     creating(server,
                              backend,
                              [](KlantinteractiesBackend &b, const HttpRequest &request, const QJsonObject &body, QList<KlantinteractiesInvalidParam> *errors) {
                                  KlantinteractiesBodyReader in(body, QString(), errors);
                                  const QJsonObject fields = readContact(b, in);
                                  if (!errors->isEmpty()) {
                                      return KlantinteractiesHttp::invalid(request, *errors);
                                  }
                                  return HttpReply::json(b.klantcontact(b.addContact({fields}), KlantinteractiesHttp::root(request)), 201);
                              })));
    server.route("POST",
                 klantinteractiesPath("betrokkenen"),
                 KlantinteractiesHttp::guarded(
                     token,
                     creating(server,
                              backend,
                              [](KlantinteractiesBackend &b, const HttpRequest &request, const QJsonObject &body, QList<KlantinteractiesInvalidParam> *errors) {
                                  KlantinteractiesBodyReader in(body, QString(), errors);
                                  const KlantinteractiesCreatedInvolved involved = readInvolved(b, in, true);
                                  if (!errors->isEmpty()) {
                                      return KlantinteractiesHttp::invalid(request, *errors);
                                  }
                                  return HttpReply::json(b.betrokkene(b.addInvolved(involved), KlantinteractiesHttp::root(request)), 201);
                              })));
    server.route("POST",
                 klantinteractiesPath("onderwerpobjecten"),
                 KlantinteractiesHttp::guarded(
                     token,
                     creating(server,
                              backend,
                              [](KlantinteractiesBackend &b, const HttpRequest &request, const QJsonObject &body, QList<KlantinteractiesInvalidParam> *errors) {
                                  KlantinteractiesBodyReader in(body, QString(), errors);
                                  const KlantinteractiesCreatedSubject subject = readSubject(b, in, true);
                                  if (!errors->isEmpty()) {
                                      return KlantinteractiesHttp::invalid(request, *errors);
                                  }
                                  return HttpReply::json(b.onderwerpobject(b.addSubject(subject), KlantinteractiesHttp::root(request)), 201);
                              })));
    server.route("POST",
                 klantinteractiesPath("internetaken"),
                 KlantinteractiesHttp::guarded(
                     token,
                     creating(server,
                              backend,
                              [](KlantinteractiesBackend &b, const HttpRequest &request, const QJsonObject &body, QList<KlantinteractiesInvalidParam> *errors) {
                                  KlantinteractiesBodyReader in(body, QString(), errors);
                                  KlantinteractiesCreatedTask task = readTask(b, in);
                                  readActors(b, body, task, errors);
                                  if (!errors->isEmpty()) {
                                      return KlantinteractiesHttp::invalid(request, *errors);
                                  }
                                  return HttpReply::json(b.interneTaak(b.addTask(task), KlantinteractiesHttp::root(request)), 201);
                              })));
    server.route(
        "PATCH", klantinteractiesPath("internetaken", true), KlantinteractiesHttp::guarded(token, server.idempotent([backend](const HttpRequest &request) {
            const auto index = backend->find(UuidKind::Task, request.match.captured(1));
            if (!index) {
                return KlantinteractiesHttp::notFound(request);
            }
            HttpReply error;
            const auto body = KlantinteractiesBodyReader::parse(request, &error);
            if (!body) {
                return error;
            }
            QList<KlantinteractiesInvalidParam> errors;
            const auto change = readTaskChange(*backend, *index, *body, &errors);
            if (!change) {
                return KlantinteractiesHttp::invalid(request, errors);
            }
            backend->changeTask(*index, *change);
            return HttpReply::json(backend->interneTaak(*index, KlantinteractiesHttp::root(request)));
        })));
    // One call, three records: all checked before any is made.
    server.route("POST",
                 klantinteractiesPath("maak-klantcontact"),
                 KlantinteractiesHttp::guarded(
                     token,
                     creating(server,
                              backend,
                              [](KlantinteractiesBackend &b, const HttpRequest &request, const QJsonObject &body, QList<KlantinteractiesInvalidParam> *errors) {
                                  KlantinteractiesBodyReader top(body, QString(), errors);
                                  const auto contactBody = top.object(u"klantcontact"_s, true, false);
                                  KlantinteractiesBodyReader contactIn(contactBody.value_or(QJsonObject()), u"klantcontact."_s, errors);
                                  const QJsonObject fields = contactBody ? readContact(b, contactIn) : QJsonObject();
                                  std::optional<KlantinteractiesCreatedInvolved> involved;
                                  if (const auto o = top.object(u"betrokkene"_s, false)) {
                                      KlantinteractiesBodyReader in(*o, u"betrokkene."_s, errors);
                                      involved = readInvolved(b, in, false);
                                  }
                                  std::optional<KlantinteractiesCreatedSubject> subject;
                                  if (const auto o = top.object(u"onderwerpobject"_s, false)) {
                                      KlantinteractiesBodyReader in(*o, u"onderwerpobject."_s, errors);
                                      subject = readSubject(b, in, false);
                                  }
                                  if (!errors->isEmpty()) {
                                      return KlantinteractiesHttp::invalid(request, *errors);
                                  }
                                  const QString root = KlantinteractiesHttp::root(request);
                                  const quint64 contact = b.addContact({fields});
                                  // Left out when not asked for: Open Klant sends null,
                                  // which its own OpenAPI document does not allow.
                                  QJsonObject reply;
                                  if (involved) {
                                      involved->contact = contact;
                                      reply[u"betrokkene"_s] = b.betrokkene(b.addInvolved(*involved), root);
                                  }
                                  if (subject) {
                                      subject->contact = contact;
                                      reply[u"onderwerpobject"_s] = b.onderwerpobject(b.addSubject(*subject), root);
                                  }
                                  reply[u"klantcontact"_s] = b.klantcontact(contact, root);
                                  return HttpReply::json(reply, 201);
                              })));
}

} // namespace C360::Ref
