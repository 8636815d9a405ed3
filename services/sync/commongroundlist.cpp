// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "sync/commongroundlist.h"

#include "jsonnumber.h"
#include "sync/commongroundreader.h"
#include "sync/htmlpage.h"

#include <QCborMap>
#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace C360
{

namespace
{
using CommonGround::Reader;

// Where a value is in a record: named only when one is bad (building every path would cost more
// than the check).
struct Where
{
    const Where *parent = nullptr;
    QString key; // a member's name, or empty for an array item
    qsizetype index = -1; // an array item's index
    QString path() const
    {
        if (!parent) {
            return {};
        }
        const QString above = parent->path();
        if (index >= 0) {
            return above + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
        }
        return above.isEmpty() ? key : above + QLatin1Char('.') + key;
    }
};

// The first string in value (recursively) that is too long or holds a replacement character of a
// repaired invalid UTF-8 body, as a reason naming where it is.
RecordError badString(const QJsonValue &value, const Where &where, bool invalidUtf8)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.size() > CommonGroundList::MaxStringBytes / 3 && s.toUtf8().size() > CommonGroundList::MaxStringBytes) {
            return {RecordError::Kind::TooLarge, where.path(), QStringLiteral("%1 is longer than 64 KiB").arg(where.path())};
        }
        if (invalidUtf8 && s.contains(QChar::ReplacementCharacter)) {
            return {RecordError::Kind::InvalidUtf8, where.path(), QStringLiteral("%1 is not valid UTF-8").arg(where.path())};
        }
    } else if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (RecordError bad = badString(items.at(i), Where{&where, {}, i}, invalidUtf8); !bad.detail.isEmpty()) {
                return bad;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const Where member{&where, it.key(), -1};
            if (invalidUtf8 && member.key.contains(QChar::ReplacementCharacter)) {
                const QString path = where.path();
                return {RecordError::Kind::InvalidUtf8,
                        path,
                        QStringLiteral("a member name in %1 is not valid UTF-8").arg(path.isEmpty() ? QStringLiteral("the record") : path)};
            }
            if (member.key.size() > CommonGroundList::MaxStringBytes / 3) {
                const QString path = where.path();
                return {RecordError::Kind::TooLarge,
                        path,
                        QStringLiteral("a member name in %1 is longer than 64 KiB").arg(path.isEmpty() ? QStringLiteral("the record") : path)};
            }
            if (RecordError bad = badString(it.value(), member, invalidUtf8); !bad.detail.isEmpty()) {
                return bad;
            }
        }
    }
    return {};
}

QJsonValue withoutUrls(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        o.remove(QStringLiteral("url"));
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isObject() || it.value().isArray()) {
                *it = withoutUrls(it.value());
            }
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            a[i] = withoutUrls(a.at(i));
        }
        return a;
    }
    return value;
}
} // namespace

Expected<CommonGroundPage, PageError> CommonGroundList::page(const QByteArray &body)
{
    if (body.trimmed().isEmpty()) {
        return unexpected(PageError::empty());
    }
    if (isHtmlPage(body)) {
        return unexpected(PageError::webPage());
    }
    CommonGroundPage page;
    QByteArray text = body;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(body);
    if (decoder.hasError()) {
        // Repaired (U+FFFD for each bad sequence) so that the other records of the page still go in.
        text = decoded.toUtf8();
        page.invalidUtf8 = true;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        return unexpected(PageError::syntax(QStringLiteral("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset)));
    }
    if (!document.isObject()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: the body is not an object")));
    }
    const QJsonObject o = document.object();
    const QJsonValue results = o.value(QStringLiteral("results"));
    if (!results.isArray()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: no results array")));
    }
    const QJsonValue count = o.value(QStringLiteral("count"));
    if (count.isDouble()) {
        // A count no list can have (negative, a fraction, beyond 2^53) is kept as one too large to
        // believe: the crawl then deletes nothing on its word.
        const auto n = wholeNumber(count);
        page.count = n && *n >= 0 ? *n : CommonGroundPage::UnbelievableCount;
    } else if (!count.isUndefined() && !count.isNull()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: count is not a number")));
    }
    const QJsonValue next = o.value(QStringLiteral("next"));
    if (next.isString() && !next.toString().isEmpty()) {
        page.hasNext = true;
        page.next = next.toString();
        page.nextPage = QUrlQuery(QUrl(page.next)).queryItemValue(QStringLiteral("page")).toInt();
    } else if (!next.isUndefined() && !next.isNull() && !next.isString()) {
        return unexpected(PageError::shape(QStringLiteral("not a paginated list: next is not a link")));
    }
    for (const QJsonValue &v : results.toArray()) {
        page.records.append(v.isObject() ? v.toObject() : QJsonObject());
    }
    return page;
}

QString CommonGroundList::recordId(const QJsonObject &record)
{
    const QJsonValue v = record.value(QStringLiteral("uuid"));
    if (!v.isString() || QUuid::fromString(v.toString()).isNull()) {
        return {};
    }
    return v.toString();
}

Expected<QString, RecordError> CommonGroundList::checkRecord(const QJsonObject &record, bool invalidUtf8)
{
    if (record.isEmpty()) {
        return unexpected(RecordError{RecordError::Kind::NotAnObject, {}, QStringLiteral("the record is not an object")});
    }
    Reader r(record);
    const QString id = r.uuid(QStringLiteral("uuid"), true);
    if (!r.ok()) {
        return unexpected(r.error());
    }
    if (RecordError bad = badString(record, Where{}, invalidUtf8); !bad.detail.isEmpty()) {
        return unexpected(bad);
    }
    return id;
}

QByteArray CommonGroundList::contentHash(const char *version, const QJsonObject &record, const QStringList &dropKeys)
{
    QJsonObject canonical = withoutUrls(record).toObject();
    for (const QString &key : dropKeys) {
        canonical.remove(key);
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(version));
    // CBOR of the JSON's own data (shared, not converted): a fraction of the cost of JSON text.
    hash.addData(QCborMap::fromJsonObject(canonical).toCborValue().toCbor());
    return hash.result();
}

} // namespace C360
