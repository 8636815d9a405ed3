// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

class QXmlStreamWriter;

namespace C360::Ref
{
struct HttpReply;
struct HttpRequest;

namespace Open311
{

enum class Format { Json, Xml };

// "json" or "xml", as the path's extension names it; anything else is JSON (the catch-all 404).
Format formatFromExtension(const QString &extension);

// One element of a GeoReport response, built once and written as XML or as JSON: the spec defines
// its JSON as a mapping of the XML (the "Spark convention"), so one tree serves both.
class Node
{
public:
    enum class Kind { Null, Text, Number, Boolean, Object, List };

    static Node null(const QString &name) { return Node(name, Kind::Null); }
    static Node text(const QString &name, const QString &value);
    // Empty text is the spec's empty element in XML and null in JSON.
    static Node optionalText(const QString &name, const QString &value);
    static Node number(const QString &name, double value);
    static Node boolean(const QString &name, bool value);
    // Named fields, in the order XML writes them.
    static Node object(const QString &name, const QList<Node> &fields = {});
    // Repeated elements: a JSON array, an XML element holding one child element per item.
    static Node list(const QString &name, const QList<Node> &items = {});

    Node &append(const Node &child)
    {
        m_children.append(child);
        return *this;
    }

    const QString &name() const { return m_name; }
    Kind kind() const { return m_kind; }
    QJsonValue toJson() const;
    // A whole document: the XML declaration and this node as its root element.
    QByteArray toXmlDocument() const;

private:
    Node(const QString &name, Kind kind)
        : m_name(name)
        , m_kind(kind)
    {
    }
    void writeXml(QXmlStreamWriter &xml) const;

    QString m_name;
    Kind m_kind;
    QString m_text;
    double m_number = 0;
    bool m_boolean = false;
    QList<Node> m_children;
};

// A GeoReport error body ([{"code": …, "description": …}] / <errors><error>…) with its status.
struct Problem
{
    int code = 400;
    QString description;
};
HttpReply errorReply(Format format, int status, const QList<Problem> &problems);
HttpReply errorReply(Format format, int status, const QString &description);

// The document in the requested format, with the spec's content types.
HttpReply documentReply(Format format, const Node &root, int status = 200);

// Adds an ETag (a hash of the body) to a successful GET reply, and turns it into 304 Not Modified
// when the request's If-None-Match already names it.
HttpReply withEntityTag(const HttpRequest &request, HttpReply reply);

} // namespace Open311
} // namespace C360::Ref
