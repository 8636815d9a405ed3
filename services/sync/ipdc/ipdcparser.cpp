// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/ipdc/ipdcparser.h"

#include "sync/htmlpage.h"
#include "sync/timestamp.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace C360
{

namespace
{
using Error = RecordError;

RecordError fault(RecordError::Kind kind, const QString &field, const QString &detail)
{
    return {kind, field, detail};
}

QString lastSegment(const QString &iri)
{
    return iri.section(QLatin1Char('/'), -1).section(QLatin1Char('#'), -1);
}

// A compact term ("InstantieSnapshot") or the IRI it expands to.
bool isTerm(const QString &value, const QString &term)
{
    return value == term || lastSegment(value) == term || value.endsWith(QLatin1Char(':') + term);
}

// The snapshot classes of the ipdc-lpdc-im context, compacted and expanded.
bool isSnapshotType(const QString &type)
{
    static const QStringList types = {QStringLiteral("InstantieSnapshot"),
                                      QStringLiteral("ConceptSnapshot"),
                                      QStringLiteral("InstancePublicServiceSnapshot"),
                                      QStringLiteral("ConceptualPublicServiceSnapshot")};
    return std::any_of(types.cbegin(), types.cend(), [&type](const QString &t) {
        return isTerm(type, t);
    });
}

// Any string in value longer than the limit, or carrying the replacement character the page's
// invalid UTF-8 became (only looked for when the page had some).
Expected<void, Error> checkStrings(const QJsonValue &value, bool lookForReplacement)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.size() > IpdcParser::maxTextLength) {
            return unexpected(fault(RecordError::Kind::TooLarge, {}, QStringLiteral("a text is larger than 64 KiB")));
        }
        if (lookForReplacement && s.contains(QChar::ReplacementCharacter)) {
            return unexpected(fault(RecordError::Kind::InvalidUtf8, {}, QStringLiteral("a text is not valid UTF-8")));
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (auto r = checkStrings(v, lookForReplacement); !r) {
                return r;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (lookForReplacement && it.key().contains(QChar::ReplacementCharacter)) {
                return unexpected(fault(RecordError::Kind::InvalidUtf8, {}, QStringLiteral("a key is not valid UTF-8")));
            }
            if (auto r = checkStrings(it.value(), lookForReplacement); !r) {
                return r;
            }
        }
    }
    return {};
}

// A JSON-LD language map ({"nl": "…", "en": "…"}, @container @language) into text.
Expected<LocalizedText, Error> languageMap(const QJsonObject &owner, const QString &field)
{
    LocalizedText text;
    const QJsonValue value = owner.value(field);
    if (value.isUndefined() || value.isNull()) {
        return text;
    }
    if (!value.isObject()) {
        return unexpected(fault(RecordError::Kind::WrongType, field, QStringLiteral("\"%1\" is not a language map").arg(field)));
    }
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString language = IpdcParser::canonicalLanguage(it.key());
        if (language.isEmpty()) {
            return unexpected(fault(RecordError::Kind::UnknownValue, field, QStringLiteral("\"%1\" has an unknown language tag").arg(field)));
        }
        if (!it.value().isString()) {
            return unexpected(fault(RecordError::Kind::WrongType, field, QStringLiteral("\"%1\" has a text that is not a string").arg(field)));
        }
        text.set(language, it.value().toString().trimmed());
    }
    return text;
}

// zoektermen (@container [@language, @set]): per language a list, joined with ", ".
Expected<LocalizedText, Error> keywords(const QJsonObject &member)
{
    LocalizedText text;
    const QJsonValue value = member.value(QStringLiteral("zoektermen"));
    if (value.isUndefined() || value.isNull()) {
        return text;
    }
    if (!value.isObject()) {
        return unexpected(fault(RecordError::Kind::WrongType, QStringLiteral("zoektermen"), QStringLiteral("\"zoektermen\" is not a language map")));
    }
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString language = IpdcParser::canonicalLanguage(it.key());
        if (language.isEmpty()) {
            return unexpected(
                fault(RecordError::Kind::UnknownValue, QStringLiteral("zoektermen"), QStringLiteral("\"zoektermen\" has an unknown language tag")));
        }
        QStringList words;
        const QJsonArray list = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
        for (const QJsonValue &word : list) {
            if (!word.isString()) {
                return unexpected(
                    fault(RecordError::Kind::WrongType, QStringLiteral("zoektermen"), QStringLiteral("\"zoektermen\" has a keyword that is not a string")));
            }
            // Commas separate keywords in the store.
            const QString w = word.toString().simplified().remove(QLatin1Char(','));
            if (!w.isEmpty()) {
                words.append(w);
            }
        }
        text.set(language, words.join(QStringLiteral(", ")));
    }
    return text;
}

void appendText(LocalizedText &to, const LocalizedText &more)
{
    for (auto it = more.all().cbegin(); it != more.all().cend(); ++it) {
        const QString before = to.exact(it.key());
        to.set(it.key(), before.isEmpty() ? it.value() : before + QStringLiteral("\n\n") + it.value());
    }
}

// A list of requirements, procedures or costs ({"naam": {…}, "beschrijving": {…}, "order": n}),
// in order, as one text per language: each item's name on a line above its description. With
// nested set, the text of each item's nested object (a requirement's "bewijs") instead.
Expected<LocalizedText, Error> itemList(const QJsonObject &member, const QString &field, const QString &nested = {})
{
    LocalizedText text;
    const QJsonValue value = member.value(field);
    if (value.isUndefined() || value.isNull()) {
        return text;
    }
    if (!value.isArray()) {
        return unexpected(fault(RecordError::Kind::WrongType, field, QStringLiteral("\"%1\" is not a list").arg(field)));
    }
    QList<std::pair<double, QJsonObject>> items;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isObject()) {
            return unexpected(fault(RecordError::Kind::WrongType, field, QStringLiteral("\"%1\" has an item that is not an object").arg(field)));
        }
        const QJsonObject item = v.toObject();
        const QJsonValue order = item.value(QStringLiteral("order"));
        if (!order.isUndefined() && !order.isDouble()) {
            return unexpected(fault(RecordError::Kind::WrongType, field, QStringLiteral("\"%1\" has an order that is not a number").arg(field)));
        }
        items.append({order.isDouble() ? order.toDouble() : std::numeric_limits<double>::max(), item});
    }
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    for (const auto &[order, listed] : std::as_const(items)) {
        Q_UNUSED(order)
        QJsonObject item = listed;
        if (!nested.isEmpty()) {
            const QJsonValue inner = item.value(nested);
            if (inner.isUndefined() || inner.isNull()) {
                continue;
            }
            if (!inner.isObject()) {
                return unexpected(
                    fault(RecordError::Kind::WrongType, field + QLatin1Char('.') + nested, QStringLiteral("\"%1\" is not an object").arg(nested)));
            }
            item = inner.toObject();
        }
        auto name = languageMap(item, QStringLiteral("naam"));
        auto description = languageMap(item, QStringLiteral("beschrijving"));
        if (!name || !description) {
            const RecordError &inner = !name ? name.error() : description.error();
            return unexpected(fault(inner.kind, field + QLatin1Char('.') + inner.field, QStringLiteral("in \"%1\": %2").arg(field, inner.detail)));
        }
        LocalizedText block = *name;
        for (auto it = description->all().cbegin(); it != description->all().cend(); ++it) {
            const QString heading = block.exact(it.key());
            block.set(it.key(), heading.isEmpty() ? it.value() : heading + QLatin1Char('\n') + it.value());
        }
        appendText(text, block);
    }
    return text;
}

// A list of code-list concepts (@type @id with an @base): the codes, each known, in order.
Expected<QStringList, Error> codes(const QJsonObject &member, const QString &field, const QHash<QString, QString> &known)
{
    QStringList keys;
    const QJsonValue value = member.value(field);
    if (value.isUndefined() || value.isNull()) {
        return keys;
    }
    const QJsonArray list = value.isArray() ? value.toArray() : QJsonArray{value};
    for (const QJsonValue &v : list) {
        if (!v.isString()) {
            return unexpected(fault(RecordError::Kind::WrongType, field, QStringLiteral("\"%1\" has a value that is not a string").arg(field)));
        }
        const auto key = known.constFind(lastSegment(v.toString()));
        if (key == known.cend()) {
            return unexpected(fault(RecordError::Kind::UnknownValue, field, QStringLiteral("\"%1\" has an unknown code").arg(field)));
        }
        if (!keys.contains(*key)) {
            keys.append(*key);
        }
    }
    return keys;
}

// codelijst-doelgroep.ttl, onto the store's keys (citizen, company, organisation).
const QHash<QString, QString> &audiences()
{
    static const QHash<QString, QString> map = {
        {QStringLiteral("Burger"), QStringLiteral("citizen")},
        {QStringLiteral("Onderneming"), QStringLiteral("company")},
        {QStringLiteral("Organisatie"), QStringLiteral("organisation")},
        {QStringLiteral("Vereniging"), QStringLiteral("organisation")},
        {QStringLiteral("VlaamseOverheid"), QStringLiteral("organisation")},
        {QStringLiteral("LokaalBestuur"), QStringLiteral("organisation")},
    };
    return map;
}

// codelijst-thema.ttl: the codes are kept as they are.
const QHash<QString, QString> &themes()
{
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        for (const char *code : {"BurgerOverheid",
                                 "CultuurSportVrijeTijd",
                                 "EconomieWerk",
                                 "MilieuEnergie",
                                 "MobiliteitOpenbareWerken",
                                 "OnderwijsWetenschap",
                                 "WelzijnGezondheid",
                                 "BouwenWonen"}) {
            m.insert(QLatin1String(code), QLatin1String(code));
        }
        return m;
    }();
    return map;
}

Expected<QString, Error> requiredIri(const QJsonObject &member, const QString &field)
{
    QJsonValue value = member.value(field);
    if (value.isObject()) {
        value = value.toObject().value(QStringLiteral("@id"));
    }
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        return unexpected(value.isUndefined() ? fault(RecordError::Kind::Missing, field, QStringLiteral("\"%1\" is missing").arg(field))
                                              : fault(RecordError::Kind::Malformed, field, QStringLiteral("\"%1\" is not an IRI").arg(field)));
    }
    return value.toString().trimmed();
}
} // namespace

QByteArray IpdcMember::versionStamp() const
{
    return generatedAt.toString(Qt::ISODateWithMs).toLatin1() + ' ' + contentHash;
}

IpdcParser::IpdcParser(const QString &sourceId, const QTimeZone &localZone)
    : m_sourceId(sourceId)
    , m_zone(localZone.isValid() ? localZone : Timestamp::defaultZone())
{
}

QString IpdcParser::canonicalLanguage(const QString &tag)
{
    static const QHash<QString, QString> tags = {
        {QStringLiteral("nl"), QStringLiteral("nl")},
        {QStringLiteral("fr"), QStringLiteral("fr")},
        {QStringLiteral("de"), QStringLiteral("de")},
        {QStringLiteral("en"), QStringLiteral("en")},
        {QStringLiteral("nl-be-x-formal"), QStringLiteral("nl-BE-x-formal")},
        {QStringLiteral("nl-be-x-informal"), QStringLiteral("nl-BE-x-informal")},
        {QStringLiteral("nl-be-x-generated-formal"), QStringLiteral("nl-BE-x-generated-formal")},
        {QStringLiteral("nl-be-x-generated-informal"), QStringLiteral("nl-BE-x-generated-informal")},
    };
    return tags.value(tag.toLower());
}

QDateTime IpdcParser::parseDateTime(const QString &text, const QTimeZone &localZone)
{
    // Fractions beyond milliseconds (IPDC writes nanoseconds) are cut off, not rounded.
    return Timestamp::parse(text, localZone);
}

Expected<IpdcMember, RecordError> IpdcParser::parseMember(const QJsonObject &member) const
{
    IpdcMember m;
    const QJsonValue id = member.value(QStringLiteral("@id"));
    if (!id.isString() || id.toString().trimmed().isEmpty()) {
        return unexpected(fault(RecordError::Kind::Missing, QStringLiteral("@id"), QStringLiteral("the member has no @id")));
    }
    m.memberId = id.toString().trimmed();

    const QJsonValue type = member.value(QStringLiteral("@type"));
    const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
    const bool snapshot = std::any_of(types.begin(), types.end(), [](const QJsonValue &t) {
        return t.isString() && isSnapshotType(t.toString());
    });
    if (!snapshot) {
        return unexpected(fault(RecordError::Kind::Refused, QStringLiteral("@type"), QStringLiteral("the member is not an IPDC snapshot (@type)")));
    }
    if (auto r = checkStrings(member, false); !r) {
        return unexpected(r.error());
    }
    auto product = requiredIri(member, QStringLiteral("isVersionOf"));
    if (!product) {
        return unexpected(product.error());
    }
    m.productIri = *product;
    const QJsonValue generated = member.value(QStringLiteral("generatedAtTime"));
    m.generatedAt = parseDateTime(generated.toString(), m_zone);
    if (!m.generatedAt.isValid()) {
        const QString field = QStringLiteral("generatedAtTime");
        return unexpected(generated.isUndefined() ? fault(RecordError::Kind::Missing, field, QStringLiteral("\"generatedAtTime\" is missing"))
                                                  : fault(RecordError::Kind::Malformed, field, QStringLiteral("\"generatedAtTime\" is not a date-time")));
    }
    // xsd:boolean: the instance stub writes it as a string, the concept feed as a JSON boolean.
    const QJsonValue archived = member.value(QStringLiteral("gearchiveerd"));
    if (archived.isBool()) {
        m.archived = archived.toBool();
    } else if (archived.isString() && (archived.toString() == QLatin1String("true") || archived.toString() == QLatin1String("1"))) {
        m.archived = true;
    } else if (archived.isString() && (archived.toString() == QLatin1String("false") || archived.toString() == QLatin1String("0"))) {
        m.archived = false;
    } else if (!archived.isUndefined() && !archived.isNull()) {
        return unexpected(fault(RecordError::Kind::WrongType, QStringLiteral("gearchiveerd"), QStringLiteral("\"gearchiveerd\" is not a boolean")));
    }

    CatalogueEntry &e = m.entry;
    e.source = {m_sourceId, m.productIri};
    e.productId = m.productIri;
    const QJsonValue modified = member.value(QStringLiteral("laatstGewijzigd"));
    e.lastModified = modified.isUndefined() ? m.generatedAt : parseDateTime(modified.toString(), m_zone);
    if (!e.lastModified.isValid()) {
        return unexpected(fault(RecordError::Kind::Malformed, QStringLiteral("laatstGewijzigd"), QStringLiteral("\"laatstGewijzigd\" is not a date-time")));
    }

    auto name = languageMap(member, QStringLiteral("naam"));
    auto description = languageMap(member, QStringLiteral("beschrijving"));
    auto further = languageMap(member, QStringLiteral("verdereBeschrijving"));
    auto exceptions = languageMap(member, QStringLiteral("uitzonderingen"));
    auto conditions = itemList(member, QStringLiteral("voorwaarden"));
    auto evidence = itemList(member, QStringLiteral("voorwaarden"), QStringLiteral("bewijs"));
    auto procedure = itemList(member, QStringLiteral("procedures"));
    auto cost = itemList(member, QStringLiteral("kosten"));
    auto words = keywords(member);
    auto audience = codes(member, QStringLiteral("doelgroepen"), audiences());
    auto theme = codes(member, QStringLiteral("themas"), themes());
    for (const auto *r : {&name, &description, &further, &exceptions, &conditions, &evidence, &procedure, &cost, &words}) {
        if (!*r) {
            return unexpected(r->error());
        }
    }
    for (const auto *r : {&audience, &theme}) {
        if (!*r) {
            return unexpected(r->error());
        }
    }
    // A withdrawn product needs no texts: it leaves the catalogue.
    if (name->isEmpty() && !m.archived) {
        return unexpected(fault(RecordError::Kind::Missing, QStringLiteral("naam"), QStringLiteral("\"naam\" is missing")));
    }
    e.name = *name;
    e.description = *description;
    appendText(e.description, *further);
    e.conditions = *conditions;
    appendText(e.conditions, *exceptions);
    e.requiredDocuments = *evidence;
    e.procedure = *procedure;
    e.cost = *cost;
    e.keywords = *words;
    e.targetAudiences = *audience;
    e.themes = *theme;
    // QJsonObject keeps its keys sorted: its compact form is canonical.
    m.contentHash = QCryptographicHash::hash(QJsonDocument(member).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex();
    return m;
}

Expected<IpdcPage, PageError> IpdcParser::parsePage(const QByteArray &body, const QUrl &pageUrl) const
{
    if (body.trimmed().isEmpty()) {
        return unexpected(PageError::empty());
    }
    if (isHtmlPage(body)) {
        return unexpected(PageError::webPage());
    }
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(body, &error);
    // Invalid UTF-8 in one text should cost that member, not the page: the page is read again with
    // such bytes replaced, and members holding a replacement character are rejected.
    bool repaired = false;
    if (error.error == QJsonParseError::IllegalUTF8String) {
        document = QJsonDocument::fromJson(QString::fromUtf8(body).toUtf8(), &error);
        repaired = true;
    }
    if (error.error != QJsonParseError::NoError) {
        return unexpected(PageError::syntax(QStringLiteral("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset)));
    }
    if (!document.isObject()) {
        return unexpected(PageError::shape(QStringLiteral("not an LDES page: the document is not an object")));
    }
    const QJsonObject root = document.object();
    const QJsonValue members = root.value(QStringLiteral("member"));
    const QJsonValue view = root.value(QStringLiteral("view"));
    if (!members.isUndefined() && !members.isArray()) {
        return unexpected(PageError::shape(QStringLiteral("not an LDES page: \"member\" is not a list")));
    }
    if (members.isUndefined() && view.isUndefined() && root.value(QStringLiteral("relation")).isUndefined()) {
        return unexpected(PageError::shape(QStringLiteral("not an LDES page: no members and no view")));
    }

    IpdcPage page;
    page.pageId = root.value(QStringLiteral("@id")).toString();
    // The relations of the view (an EventStream page) or of the page itself (a tree:Node).
    QJsonValue relations = view.isObject() ? view.toObject().value(QStringLiteral("relation")) : root.value(QStringLiteral("relation"));
    if (!relations.isUndefined() && !relations.isArray()) {
        relations = QJsonArray{relations};
    }
    for (const QJsonValue &r : relations.toArray()) {
        const QJsonObject relation = r.toObject();
        const QString type = relation.value(QStringLiteral("@type")).toString();
        // Less-than relations lead to older members, which a reader that came from the root has
        // seen already; every other relation (greater-than, or an untyped tree:Relation) is followed.
        if (isTerm(type, QStringLiteral("LessThanRelation")) || isTerm(type, QStringLiteral("LessThanOrEqualToRelation"))) {
            continue;
        }
        QJsonValue node = relation.value(QStringLiteral("node"));
        if (node.isObject()) {
            node = node.toObject().value(QStringLiteral("@id"));
        }
        const QUrl target = pageUrl.resolved(QUrl(node.toString()));
        if (node.isString() && target.isValid() && !target.isRelative() && !page.forward.contains(target)) {
            page.forward.append(target);
        }
    }

    int index = 0;
    for (const QJsonValue &v : members.toArray()) {
        ++index;
        const QJsonObject object = v.toObject();
        const QString id = object.value(QStringLiteral("@id")).isString() ? object.value(QStringLiteral("@id")).toString().left(300)
                                                                          : QStringLiteral("#%1").arg(index); // its place on the page
        if (!v.isObject()) {
            page.rejected.append({id, fault(RecordError::Kind::NotAnObject, {}, QStringLiteral("the member is not an object"))});
            continue;
        }
        if (repaired) {
            if (auto r = checkStrings(object, true); !r) {
                page.rejected.append({id, r.error()});
                continue;
            }
        }
        auto member = parseMember(object);
        if (!member) {
            page.rejected.append({id, member.error()});
            continue;
        }
        page.members.append(std::move(*member));
    }
    return page;
}

} // namespace C360
