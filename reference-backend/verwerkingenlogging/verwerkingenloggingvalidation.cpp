// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Request validation for the Verwerkingenlogging API, field by field as
// verwerkingenlogging-bewerking-api-openapi.yaml and verwerkingenlogging-inzage-api-openapi.yaml
// describe them, with messages in the style of the VNG reference implementations.

#include "verwerkingenlogging/verwerkingenloggingvalidation.h"

#include "server/refserver.h"

#include <QRegularExpression>
#include <QUrl>

namespace C360::Ref
{

namespace
{
enum class Check { Text, Uuid, Uri, DateTime, Duration, Oin, Vertrouwelijkheid, Objecttype };

struct Field
{
    const char *name;
    Check check;
    int maxLength = 0; // 0: none
    bool required = false;
};

// VerwerkingsactieUitgebreidBasis, less the read-only url, actieId and tijdstipRegistratie.
constexpr Field actionFields[] = {
    {"actieNaam", Check::Text, 242},
    {"handelingNaam", Check::Text, 242},
    {"verwerkingNaam", Check::Text, 242},
    {"verwerkingId", Check::Uuid},
    {"verwerkingsactiviteitId", Check::Uuid},
    {"verwerkingsactiviteitUrl", Check::Uri, 2042},
    {"vertrouwelijkheid", Check::Vertrouwelijkheid, 0, true},
    {"bewaartermijn", Check::Duration},
    {"uitvoerder", Check::Oin},
    {"systeem", Check::Text, 242},
    {"gebruiker", Check::Text, 40},
    {"gegevensbron", Check::Text, 242},
    {"soortAfnemerId", Check::Text, 242},
    {"afnemerId", Check::Text, 40},
    {"verwerkingsactiviteitIdAfnemer", Check::Uuid},
    {"verwerkingsactiviteitUrlAfnemer", Check::Uri, 2042},
    {"verwerkingIdAfnemer", Check::Uuid},
    {"tijdstip", Check::DateTime, 0, true},
};

// VerwerktObjectBasis.
constexpr Field objectFields[] = {
    {"objecttype", Check::Objecttype, 0, true},
    {"soortObjectId", Check::Text, 242, true},
    {"objectId", Check::Text, 40, true},
    {"betrokkenheid", Check::Text, 242},
};

const QStringList vertrouwelijkheden = {QStringLiteral("normaal"), QStringLiteral("vertrouwelijk"), QStringLiteral("opgeheven")};

bool isUuid(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

bool isUri(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty() && (url.scheme() == QStringLiteral("urn") || !url.host().isEmpty());
}

bool isDuration(const QString &text)
{
    static const QRegularExpression duration(QStringLiteral("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$"));
    return duration.match(text).hasMatch();
}

QDate parseDate(const QString &text)
{
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return date.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
}

// Checks one field; a valid value is copied into out.
void check(const QJsonObject &in, const Field &field, const QString &prefix, QJsonObject *out, Invalid *problems)
{
    const QString key = QLatin1String(field.name);
    const QString name = prefix + key;
    const QJsonValue value = in.value(key);
    if (value.isUndefined()) {
        if (field.required) {
            problems->add(name, "required", QStringLiteral("Dit veld is vereist."));
        }
        return;
    }
    if (value.isNull()) {
        problems->add(name, "null", QStringLiteral("Dit veld mag niet leeg zijn."));
        return;
    }
    if (!value.isString()) {
        problems->add(name, "invalid", QStringLiteral("Geen geldige tekst."));
        return;
    }
    const QString text = value.toString();
    if (field.required && text.trimmed().isEmpty()) {
        problems->add(name, "blank", QStringLiteral("Dit veld mag niet leeg zijn."));
        return;
    }
    // maxLength counts characters (code points), not UTF-16 units.
    if (field.maxLength > 0 && text.toUcs4().size() > field.maxLength) {
        problems->add(name, "max_length", QStringLiteral("Zorg ervoor dat dit veld niet meer dan %1 karakters bevat.").arg(field.maxLength));
        return;
    }
    bool ok = true;
    QString reason;
    switch (field.check) {
    case Check::Text:
        break;
    case Check::Uuid:
        ok = isUuid(text);
        reason = QStringLiteral("Vul een geldige UUID in.");
        break;
    case Check::Uri:
        ok = isUri(text);
        reason = QStringLiteral("Vul een geldige URL in.");
        break;
    case Check::DateTime:
        ok = parseDateTime(text).isValid();
        reason = QStringLiteral("Datetime heeft een ongeldig formaat, gebruik YYYY-MM-DDThh:mm:ss[.uuuuuu](Z|+HH:MM|-HH:MM).");
        break;
    case Check::Duration:
        ok = isDuration(text);
        reason = QStringLiteral("Duur heeft een ongeldig formaat, gebruik ISO 8601 (bijvoorbeeld P10Y).");
        break;
    case Check::Oin:
        // The schema's pattern is [0-9]{20}; an OIN is exactly that, nothing around it.
        ok = QRegularExpression(QStringLiteral("^[0-9]{20}$")).match(text).hasMatch();
        reason = QStringLiteral("Een OIN bestaat uit precies 20 cijfers.");
        break;
    case Check::Vertrouwelijkheid:
        ok = vertrouwelijkheden.contains(text);
        reason = QStringLiteral("\"%1\" is een ongeldige keuze.").arg(text);
        break;
    case Check::Objecttype:
        ok = text == QStringLiteral("persoon");
        reason = QStringLiteral("\"%1\" is een ongeldige keuze.").arg(text);
        break;
    }
    if (!ok) {
        problems->add(name, field.check == Check::Vertrouwelijkheid || field.check == Check::Objecttype ? "invalid_choice" : "invalid", reason);
        return;
    }
    out->insert(key, text);
}

QJsonArray checkSoortenGegevens(const QJsonValue &value, const QString &prefix, Invalid *problems)
{
    QJsonArray out;
    if (!value.isArray()) {
        problems->add(prefix, "not_a_list", QStringLiteral("Verwachtte een lijst met items."));
        return out;
    }
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = QStringLiteral("%1.%2.").arg(prefix).arg(i);
        if (!items.at(i).isObject()) {
            problems->add(at + QStringLiteral("nonFieldErrors"), "invalid", QStringLiteral("Verwachtte een object."));
            continue;
        }
        QJsonObject gegeven;
        check(items.at(i).toObject(), Field{"soortGegeven", Check::Text, 242, true}, at, &gegeven, problems);
        out.append(gegeven);
    }
    return out;
}
} // namespace

void Invalid::add(const QString &name, const char *code, const QString &reason)
{
    params.append(QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("code"), QLatin1String(code)},
        {QStringLiteral("reason"), reason},
    });
}

QDateTime parseDateTime(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch()) {
        return {};
    }
    // Qt reads milliseconds; the schema allows any precision.
    const QString fraction = m.captured(2).left(4);
    return QDateTime::fromString(m.captured(1) + fraction + m.captured(3), Qt::ISODateWithMs);
}

QJsonObject validateAction(const QJsonObject &body, Invalid *problems)
{
    QJsonObject action;
    for (const Field &field : actionFields) {
        check(body, field, QString(), &action, problems);
    }
    const QJsonValue objects = body.value(QStringLiteral("verwerkteObjecten"));
    if (objects.isUndefined()) {
        problems->add(QStringLiteral("verwerkteObjecten"), "required", QStringLiteral("Dit veld is vereist."));
        return action;
    }
    if (!objects.isArray()) {
        problems->add(QStringLiteral("verwerkteObjecten"), "not_a_list", QStringLiteral("Verwachtte een lijst met items."));
        return action;
    }
    QJsonArray stored;
    const QJsonArray items = objects.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString prefix = QStringLiteral("verwerkteObjecten.%1.").arg(i);
        if (!items.at(i).isObject()) {
            problems->add(prefix + QStringLiteral("nonFieldErrors"), "invalid", QStringLiteral("Verwachtte een object."));
            continue;
        }
        const QJsonObject item = items.at(i).toObject();
        QJsonObject object;
        for (const Field &field : objectFields) {
            check(item, field, prefix, &object, problems);
        }
        if (item.contains(QStringLiteral("verwerkteSoortenGegevens"))) {
            object.insert(
                QStringLiteral("verwerkteSoortenGegevens"),
                checkSoortenGegevens(item.value(QStringLiteral("verwerkteSoortenGegevens")), prefix + QStringLiteral("verwerkteSoortenGegevens"), problems));
        }
        stored.append(object);
    }
    action.insert(QStringLiteral("verwerkteObjecten"), stored);
    return action;
}

bool ObjectQuery::accepts(const LoggedAction &action) const
{
    return (!begin.isValid() || action.date >= begin) && (!end.isValid() || action.date < end) &&
        (vertrouwelijkheid.isEmpty() || vertrouwelijkheid.contains(action.vertrouwelijkheid)) && (activity.isNull() || action.activity == activity);
}

ObjectQuery parseObjectQuery(const HttpRequest &request, bool inzage, Invalid *problems)
{
    ObjectQuery query;
    auto required = [&](const QString &name) {
        const QString value = request.queryValue(name);
        if (!request.hasQuery(name) || value.isEmpty()) {
            problems->add(name, "required", QStringLiteral("Dit veld is vereist."));
        }
        return value;
    };
    const QString objecttype = required(QStringLiteral("objecttype"));
    if (!objecttype.isEmpty() && objecttype != QStringLiteral("persoon")) {
        problems->add(QStringLiteral("objecttype"), "invalid_choice", QStringLiteral("\"%1\" is een ongeldige keuze.").arg(objecttype));
    }
    const QString soort = required(QStringLiteral("soortObjectId"));
    if (soort.toUcs4().size() > 242) {
        problems->add(QStringLiteral("soortObjectId"), "max_length", QStringLiteral("Zorg ervoor dat dit veld niet meer dan 242 karakters bevat."));
    }
    const QString object = required(QStringLiteral("objectId"));
    if (object.toUcs4().size() > 40) {
        problems->add(QStringLiteral("objectId"), "max_length", QStringLiteral("Zorg ervoor dat dit veld niet meer dan 40 karakters bevat."));
    }
    query.objectKey = VerwerkingenloggingLog::objectKey(objecttype, soort, object);

    for (const auto &[name, date] : {std::pair{QStringLiteral("beginDatum"), &query.begin}, std::pair{QStringLiteral("eindDatum"), &query.end}}) {
        const QString text = inzage ? required(name) : request.queryValue(name);
        if (!text.isEmpty()) {
            *date = parseDate(text);
            if (!date->isValid()) {
                problems->add(name, "invalid", QStringLiteral("Datum heeft een ongeldig formaat, gebruik YYYY-MM-DD."));
            }
        }
    }
    if (!inzage) {
        // An array in the query: repeated (explode, as OpenAPI's default) or comma-separated.
        for (const QString &values : request.query.allQueryItemValues(QStringLiteral("vertrouwelijkheid"), QUrl::FullyDecoded)) {
            for (const QString &value : values.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (!vertrouwelijkheden.contains(value)) {
                    problems->add(QStringLiteral("vertrouwelijkheid"), "invalid_choice", QStringLiteral("\"%1\" is een ongeldige keuze.").arg(value));
                }
                query.vertrouwelijkheid.insert(value);
            }
        }
    }
    if (request.hasQuery(QStringLiteral("verwerkingsactiviteitId"))) {
        const QString activity = request.queryValue(QStringLiteral("verwerkingsactiviteitId"));
        if (!isUuid(activity)) {
            problems->add(QStringLiteral("verwerkingsactiviteitId"), "invalid", QStringLiteral("Vul een geldige UUID in."));
        }
        query.activity = QUuid::fromString(activity);
    }
    if (request.hasQuery(QStringLiteral("page"))) {
        bool ok = false;
        query.page = request.queryValue(QStringLiteral("page")).toInt(&ok);
        if (!ok || query.page < 1) {
            problems->add(QStringLiteral("page"), "invalid", QStringLiteral("Ongeldige pagina."));
            query.page = 1;
        }
    }
    return query;
}

} // namespace C360::Ref
