// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/open311/open311parser.h"

#include "sync/htmlpage.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QXmlStreamReader>

namespace C360
{

namespace
{
constexpr QChar Replacement(0xFFFD);
// Deeper than any service request needs; bounds the recursion on hostile input.
constexpr int MaxXmlDepth = 16;
// Children of one element (a server's page never needs more; each costs memory and time).
constexpr int MaxXmlChildren = 10000;

QByteArray withoutBom(const QByteArray &body)
{
    return body.startsWith("\xEF\xBB\xBF") ? body.mid(3) : body;
}

// body with every byte sequence that is not UTF-8 replaced by U+FFFD, so that one bad field does
// not make the whole page unreadable; *replaced says whether there was any.
QByteArray asValidUtf8(const QByteArray &body, bool *replaced)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body);
    *replaced = decoder.hasError();
    return *replaced ? text.toUtf8() : body;
}

bool containsReplacement(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString().contains(Replacement);
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &v) {
            return containsReplacement(v);
        });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().contains(Replacement) || containsReplacement(it.value())) {
                return true;
            }
        }
    }
    return false;
}

QByteArray canonicalJson(const QJsonObject &object)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// An array of {code, description} objects and nothing else: the specification's error answer.
bool isErrorList(const QJsonArray &array)
{
    if (array.isEmpty()) {
        return false;
    }
    return std::all_of(array.begin(), array.end(), [](const QJsonValue &v) {
        const QJsonObject o = v.toObject();
        return v.isObject() && o.contains(QLatin1String("code")) && o.contains(QLatin1String("description")) &&
            !o.contains(QLatin1String("service_request_id"));
    });
}

// The element the reader is at, as a string (a leaf) or an object of its children; a repeated
// element (<attribute> in <attributes>, <note> in <notes>) becomes an array. Children are collected
// once and the object built at the end (appending to an array inside a QJsonObject copies it: a
// long run of repeated children cost quadratic time); past MaxXmlChildren they are left out.
QJsonValue readElement(QXmlStreamReader &xml, int depth, QString *problem)
{
    QHash<QString, QJsonArray> byName;
    QStringList order;
    QString text;
    bool hasChildren = false;
    int count = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            hasChildren = true;
            if (depth >= MaxXmlDepth) {
                *problem = QStringLiteral("the record is nested too deeply");
                xml.skipCurrentElement();
                continue;
            }
            if (++count > MaxXmlChildren) {
                *problem = QStringLiteral("an element has more than %1 children").arg(MaxXmlChildren);
                xml.skipCurrentElement();
                continue;
            }
            const QString name = xml.name().toString();
            auto it = byName.find(name);
            if (it == byName.end()) {
                order.append(name);
                it = byName.insert(name, QJsonArray());
            }
            it->append(readElement(xml, depth + 1, problem));
        } else if (xml.isCharacters()) {
            text += xml.text();
        } else if (xml.isEndElement()) {
            break;
        }
    }
    if (!hasChildren) {
        return text;
    }
    QJsonObject children;
    for (const QString &name : std::as_const(order)) {
        const QJsonArray &values = byName[name];
        children.insert(name, values.size() == 1 ? values.first() : QJsonValue(values));
    }
    return children;
}

Open311Record recordFrom(const QJsonValue &value, int position)
{
    Open311Record r;
    r.position = position;
    if (!value.isObject()) {
        r.problem = RecordError{RecordError::Kind::NotAnObject, {}, QStringLiteral("the record is not an object")};
        return r;
    }
    r.fields = value.toObject();
    r.canonical = canonicalJson(r.fields);
    return r;
}
} // namespace

Expected<QList<Open311Record>, PageError> Open311Parser::parse(const QByteArray &received)
{
    bool replaced = false;
    const QByteArray body = asValidUtf8(withoutBom(received), &replaced);
    const auto start = std::find_if(body.begin(), body.end(), [](char c) {
        return c != ' ' && c != '\t' && c != '\r' && c != '\n';
    });
    if (start == body.end()) {
        return unexpected(PageError::empty());
    }
    Expected<QList<Open311Record>, PageError> records = QList<Open311Record>();
    if (isHtmlPage(body)) {
        return unexpected(PageError::webPage());
    }
    if (*start == '<') {
        records = parseXml(body);
    } else if (*start == '[' || *start == '{') {
        records = parseJson(body);
    } else {
        return unexpected(PageError::syntax(QStringLiteral("the answer is neither JSON nor XML")));
    }
    if (records && replaced) {
        for (Open311Record &r : *records) {
            r.invalidUtf8 = containsReplacement(r.fields);
        }
    }
    return records;
}

Expected<QList<Open311Record>, PageError> Open311Parser::parseJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return unexpected(PageError::syntax(QStringLiteral("not valid JSON at offset %1: %2").arg(error.offset).arg(error.errorString())));
    }
    QJsonArray array;
    if (document.isArray()) {
        array = document.array();
    } else {
        // Not the specification's bare array, but a wrapped form some servers use.
        const QJsonValue wrapped = document.object().value(QLatin1String("service_requests"));
        if (wrapped.isArray()) {
            array = wrapped.toArray();
        } else if (wrapped.isObject() && wrapped.toObject().value(QLatin1String("request")).isArray()) {
            array = wrapped.toObject().value(QLatin1String("request")).toArray();
        } else if (wrapped.isObject() && wrapped.toObject().value(QLatin1String("request")).isObject()) {
            array = QJsonArray{wrapped.toObject().value(QLatin1String("request"))};
        } else if (document.object().contains(QLatin1String("errors"))) {
            return unexpected(PageError::errorDocument(QStringLiteral("the server answered with an error document")));
        } else {
            return unexpected(PageError::shape(QStringLiteral("the JSON is not a list of service requests")));
        }
    }
    if (isErrorList(array)) {
        return unexpected(PageError::errorDocument(QStringLiteral("the server answered with an error document (code %1)")
                                                       .arg(array.first().toObject().value(QLatin1String("code")).toVariant().toString().left(10))));
    }
    QList<Open311Record> records;
    records.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        records.append(recordFrom(array.at(i), int(i)));
    }
    return records;
}

Expected<QList<Open311Record>, PageError> Open311Parser::parseXml(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement()) {
        return unexpected(PageError::syntax(QStringLiteral("not valid XML: %1").arg(xml.errorString().left(120))));
    }
    const QStringView root = xml.name();
    if (root == QLatin1String("errors") || root == QLatin1String("error")) {
        return unexpected(PageError::errorDocument(QStringLiteral("the server answered with an error document")));
    }
    if (root != QLatin1String("service_requests")) {
        return unexpected(PageError::shape(QStringLiteral("the XML is not a list of service requests")));
    }
    QList<Open311Record> records;
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("request")) {
            xml.skipCurrentElement();
            continue;
        }
        QString problem;
        const QJsonValue value = readElement(xml, 1, &problem);
        Open311Record r = recordFrom(value.isObject() ? value : QJsonValue(QJsonObject()), int(records.size()));
        if (!problem.isEmpty()) {
            r.problem = RecordError{RecordError::Kind::TooLarge, {}, problem};
        }
        records.append(r);
    }
    if (xml.hasError()) {
        // A truncated or broken document: nothing of it is used.
        return unexpected(PageError::syntax(QStringLiteral("not valid XML at line %1: %2").arg(xml.lineNumber()).arg(xml.errorString().left(120))));
    }
    return records;
}

} // namespace C360
