// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "open311/open311tree.h"

#include "server/refserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QXmlStreamWriter>

#include <cmath>

namespace C360::Ref::Open311
{

namespace
{
// The shortest text that reads back as the same double (no "51.05000000000001").
QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

Format formatFromExtension(const QString &extension)
{
    return extension == QLatin1String("xml") ? Format::Xml : Format::Json;
}

Node Node::text(const QString &name, const QString &value)
{
    Node n(name, Kind::Text);
    n.m_text = value;
    return n;
}

Node Node::optionalText(const QString &name, const QString &value)
{
    return value.isEmpty() ? null(name) : text(name, value);
}

Node Node::number(const QString &name, double value)
{
    if (std::isnan(value)) {
        return null(name);
    }
    Node n(name, Kind::Number);
    n.m_number = value;
    return n;
}

Node Node::boolean(const QString &name, bool value)
{
    Node n(name, Kind::Boolean);
    n.m_boolean = value;
    return n;
}

Node Node::object(const QString &name, const QList<Node> &fields)
{
    Node n(name, Kind::Object);
    n.m_children = fields;
    return n;
}

Node Node::list(const QString &name, const QList<Node> &items)
{
    Node n(name, Kind::List);
    n.m_children = items;
    return n;
}

QJsonValue Node::toJson() const
{
    switch (m_kind) {
    case Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Kind::Text:
        return m_text;
    case Kind::Number:
        return m_number;
    case Kind::Boolean:
        return m_boolean;
    case Kind::Object: {
        QJsonObject o;
        for (const Node &child : m_children) {
            o.insert(child.m_name, child.toJson());
        }
        return o;
    }
    case Kind::List: {
        QJsonArray a;
        for (const Node &child : m_children) {
            a.append(child.toJson());
        }
        return a;
    }
    }
    return {};
}

QByteArray Node::toXmlDocument() const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(4);
    xml.writeStartDocument();
    writeXml(xml);
    xml.writeEndDocument();
    return out;
}

void Node::writeXml(QXmlStreamWriter &xml) const
{
    switch (m_kind) {
    case Kind::Null:
        // The spec writes what JSON has as null as an empty element: <status_notes></status_notes>.
        xml.writeStartElement(m_name);
        xml.writeCharacters(QString());
        xml.writeEndElement();
        break;
    case Kind::Text:
        xml.writeTextElement(m_name, m_text);
        break;
    case Kind::Number:
        xml.writeTextElement(m_name, numberText(m_number));
        break;
    case Kind::Boolean:
        xml.writeTextElement(m_name, m_boolean ? QStringLiteral("true") : QStringLiteral("false"));
        break;
    case Kind::Object:
    case Kind::List:
        xml.writeStartElement(m_name);
        for (const Node &child : m_children) {
            child.writeXml(xml);
        }
        xml.writeEndElement();
        break;
    }
}

HttpReply errorReply(Format format, int status, const QList<Problem> &problems)
{
    Node errors = Node::list(QStringLiteral("errors"));
    for (const Problem &p : problems) {
        errors.append(
            Node::object(QStringLiteral("error"), {Node::number(QStringLiteral("code"), p.code), Node::text(QStringLiteral("description"), p.description)}));
    }
    return documentReply(format, errors, status);
}

HttpReply errorReply(Format format, int status, const QString &description)
{
    return errorReply(format, status, QList<Problem>{{status, description}});
}

HttpReply documentReply(Format format, const Node &root, int status)
{
    if (format == Format::Xml) {
        return HttpReply::xml(root.toXmlDocument(), status);
    }
    const QJsonValue value = root.toJson();
    HttpReply reply = value.isArray() ? HttpReply::json(value.toArray(), status) : HttpReply::json(value.toObject(), status);
    reply.contentType = "application/json; charset=utf-8";
    return reply;
}

HttpReply withEntityTag(const HttpRequest &request, HttpReply reply)
{
    if (request.method != "GET" || reply.status != 200) {
        return reply;
    }
    const QByteArray tag = HttpReply::entityTag(reply.body);
    reply.headers.append({"ETag", tag});
    const QByteArray condition = request.header("If-None-Match");
    for (QByteArray candidate : condition.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/")) {
            candidate = candidate.mid(2); // a weak comparison is what If-None-Match asks for
        }
        if (candidate == tag || candidate == "*") {
            HttpReply notModified = HttpReply::empty(304);
            notModified.headers.append({"ETag", tag});
            return notModified;
        }
    }
    return reply;
}

} // namespace C360::Ref::Open311
