// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// For the IPDC tests: a small SHACL check of JSON-LD members against the IPDC shapes
// (concept-shape.shacl.ttl) through the terms of the IPDC JSON-LD context: required and maximum
// counts, datatypes, languages, IRIs, nested nodes, and no keys outside the context.

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace C360::Test
{

// A small reading of the SHACL shapes: per target class, the property paths with their counts,
// datatypes, languages and classes.
struct PropertyShape
{
    QString path;
    int minCount = 0;
    int maxCount = -1;
    QString datatype;
    QString nodeClass;
    QString nodeKind;
    QStringList languages;
};

struct Shapes
{
    QHash<QString, QList<PropertyShape>> byClass;
};

inline Shapes readShapes(const QString &fileName)
{
    QFile file(fileName);
    Shapes shapes;
    if (!file.open(QIODevice::ReadOnly)) {
        return shapes;
    }
    const QString text = QString::fromUtf8(file.readAll());
    QHash<QString, QString> prefixes;
    static const QRegularExpression prefix(QStringLiteral("@prefix\\s+(\\w*):\\s*<([^>]+)>"));
    for (auto it = prefix.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        prefixes.insert(m.captured(1), m.captured(2));
    }
    auto expand = [&prefixes](const QString &name) {
        const qsizetype colon = name.indexOf(QLatin1Char(':'));
        return colon < 0 ? name : prefixes.value(name.left(colon)) + name.mid(colon + 1);
    };
    static const QRegularExpression shape(QStringLiteral("oss:\\w+Shape\\s+a shacl:NodeShape\\s*;(.*?)shacl:targetClass\\s+(\\S+?)\\s*\\."),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression split(QStringLiteral("\\]\\s*,\\s*\\["));
    static const QRegularExpression path(QStringLiteral("shacl:path\\s+([\\w:]+)"));
    static const QRegularExpression minCount(QStringLiteral("shacl:minCount\\s+(\\d+)"));
    static const QRegularExpression maxCount(QStringLiteral("shacl:maxCount\\s+(\\d+)"));
    static const QRegularExpression datatype(QStringLiteral("shacl:datatype\\s+([\\w:]+)"));
    static const QRegularExpression nodeClass(QStringLiteral("shacl:class\\s+([\\w:]+)"));
    static const QRegularExpression nodeKind(QStringLiteral("shacl:nodeKind\\s+([\\w:]+)"));
    static const QRegularExpression languageIn(QStringLiteral("shacl:languageIn\\s*\\(([^)]*)\\)"));
    for (auto it = shape.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QList<PropertyShape> properties;
        for (const QString &block : m.captured(1).split(split)) {
            PropertyShape p;
            p.path = expand(path.match(block).captured(1));
            if (p.path.isEmpty()) {
                continue;
            }
            p.minCount = minCount.match(block).hasMatch() ? minCount.match(block).captured(1).toInt() : 0;
            p.maxCount = maxCount.match(block).hasMatch() ? maxCount.match(block).captured(1).toInt() : -1;
            p.datatype = expand(datatype.match(block).captured(1));
            p.nodeClass = expand(nodeClass.match(block).captured(1));
            p.nodeKind = expand(nodeKind.match(block).captured(1));
            for (QString language : languageIn.match(block).captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                p.languages.append(language.remove(QLatin1Char('"')));
            }
            properties.append(p);
        }
        shapes.byClass.insert(expand(m.captured(2)), properties);
    }
    return shapes;
}

// The JSON-LD context the pages refer to: per type name (ConceptSnapshot, Voorwaarde…), its class
// IRI and its terms by property IRI.
struct Context
{
    QHash<QString, QString> typeOfClass; // class IRI → type name
    QHash<QString, QHash<QString, QString>> termOfProperty; // type name → property IRI → term
};

inline Context readContext(const QJsonObject &document)
{
    Context c;
    const QJsonObject context = document.value(QStringLiteral("@context")).toObject();
    for (auto it = context.begin(); it != context.end(); ++it) {
        const QJsonObject type = it.value().toObject();
        c.typeOfClass.insert(type.value(QStringLiteral("@id")).toString(), it.key());
        const QJsonObject scoped = type.value(QStringLiteral("@context")).toObject();
        for (auto term = scoped.begin(); term != scoped.end(); ++term) {
            c.termOfProperty[it.key()].insert(term.value().toObject().value(QStringLiteral("@id")).toString(), term.key());
        }
    }
    // The shape targets m8g:Output; the context types its subclass lpdcExt:FinancialAdvantage.
    c.typeOfClass.insert(QStringLiteral("http://data.europa.eu/m8g/Output"), QStringLiteral("FinancieelVoordeel"));
    return c;
}

inline void
checkNode(const QJsonObject &node, const QString &typeName, const Shapes &shapes, const Context &context, const QString &where, QStringList *problems)
{
    const QString classIri = context.typeOfClass.key(typeName);
    QList<PropertyShape> properties = shapes.byClass.value(classIri);
    if (typeName == QStringLiteral("FinancieelVoordeel")) {
        properties = shapes.byClass.value(QStringLiteral("http://data.europa.eu/m8g/Output"));
    }
    const QHash<QString, QString> terms = context.termOfProperty.value(typeName);
    // Every key is a term of the type's context: nothing a JSON-LD processor would drop.
    QSet<QString> allowed = {QStringLiteral("@id"), QStringLiteral("@type")};
    for (const QString &term : terms) {
        allowed.insert(term);
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!allowed.contains(it.key())) {
            problems->append(QStringLiteral("%1: %2 is not a term of %3").arg(where, it.key(), typeName));
        }
    }
    for (const PropertyShape &p : properties) {
        const QString term = terms.value(p.path);
        if (term.isEmpty()) {
            if (p.minCount > 0) {
                problems->append(QStringLiteral("%1: no term for required %2").arg(where, p.path));
            }
            continue;
        }
        const QJsonValue value = node.value(term);
        const bool langString = p.datatype.endsWith(QStringLiteral("#langString"));
        int count = 0;
        if (value.isArray()) {
            count = int(value.toArray().size());
        } else if (langString && value.isObject()) {
            count = int(value.toObject().size());
        } else if (!value.isUndefined() && !value.isNull()) {
            count = 1;
        }
        const QString at = where + QLatin1Char('/') + term;
        if (count < p.minCount) {
            problems->append(QStringLiteral("%1: required (%2) missing").arg(at, p.path));
        }
        if (p.maxCount >= 0 && count > p.maxCount) {
            problems->append(QStringLiteral("%1: %2 values, at most %3").arg(at).arg(count).arg(p.maxCount));
        }
        if (count == 0) {
            continue;
        }
        if (langString) {
            const QJsonObject map = value.toObject();
            for (auto it = map.begin(); it != map.end(); ++it) {
                // One text per language, or (keywords: @container [@language, @set]) several.
                const QJsonArray texts = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
                bool filled = !texts.isEmpty();
                for (const QJsonValue &t : texts) {
                    filled = filled && t.isString() && !t.toString().isEmpty();
                }
                if (!p.languages.contains(it.key().toLower()) || !filled) {
                    problems->append(QStringLiteral("%1: language %2").arg(at, it.key()));
                }
            }
        } else if (p.datatype.endsWith(QStringLiteral("#dateTime"))) {
            if (!QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid() || !value.toString().endsWith(QLatin1Char('Z'))) {
                problems->append(QStringLiteral("%1: not a UTC dateTime").arg(at));
            }
        } else if (p.datatype.endsWith(QStringLiteral("#integer"))) {
            if (!value.isDouble() || value.toDouble() != double(value.toInteger())) {
                problems->append(QStringLiteral("%1: not an integer").arg(at));
            }
        } else if (p.datatype.endsWith(QStringLiteral("#boolean"))) {
            if (!value.isBool()) {
                problems->append(QStringLiteral("%1: not a boolean").arg(at));
            }
        } else if (p.datatype.endsWith(QStringLiteral("#string"))) {
            if (!value.isString() || value.toString().isEmpty()) {
                problems->append(QStringLiteral("%1: not a string").arg(at));
            }
        } else if (p.nodeKind.endsWith(QStringLiteral("IRI"))) {
            if (!value.toString().startsWith(QStringLiteral("https://"))) {
                problems->append(QStringLiteral("%1: not an IRI").arg(at));
            }
        } else if (!p.nodeClass.isEmpty() && context.typeOfClass.contains(p.nodeClass)) {
            const QString nested = context.typeOfClass.value(p.nodeClass);
            const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray{value};
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QJsonObject item = items.at(i).toObject();
                if (item.value(QStringLiteral("@type")).toString() != nested) {
                    problems->append(QStringLiteral("%1: @type %2, expected %3").arg(at, item.value(QStringLiteral("@type")).toString(), nested));
                }
                checkNode(item, nested, shapes, context, at + QLatin1Char('/') + QString::number(i), problems);
            }
        }
    }
}

} // namespace C360::Test
