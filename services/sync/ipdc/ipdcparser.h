// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "catalogueentry.h"
#include "expected.h"
#include "sync/payloaderror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

namespace C360
{

// One version of a product as an IPDC LDES member (an InstantieSnapshot or ConceptSnapshot).
struct IpdcMember
{
    QString memberId; // the snapshot's @id
    QString productIri; // isVersionOf: the product all versions belong to
    QDateTime generatedAt; // generatedAtTime (the feed's timestampPath), UTC, milliseconds
    bool archived = false; // gearchiveerd: the product is withdrawn
    CatalogueEntry entry; // source {source id, productIri}, productId = productIri
    QByteArray contentHash; // SHA-256 (hex) of the member's canonical JSON

    // "<generatedAt ISO, ms> <contentHash>": what the store keeps to order versions; compares
    // lexicographically in version order (time first, the hash breaking ties the same everywhere).
    QByteArray versionStamp() const;
};

// A member left out, and why (English, never the member's content).
struct IpdcRejected
{
    QString memberId;
    RecordError error;
};

// One page (tree:Node) of the feed.
struct IpdcPage
{
    QString pageId;
    QList<QUrl> forward; // the nodes of relations leading to newer members, resolved
    QList<IpdcMember> members;
    QList<IpdcRejected> rejected;
};

// Reads IPDC LDES pages as the Flemish IPDC/LPDC publishes them (compacted JSON-LD with the
// ipdc-lpdc-im and ldes contexts, language maps, TREE relations on generatedAtTime) into catalogue
// entries. Defensive: a bad member is rejected with a reason, a page that is not an LDES page at all
// is an error.
class IpdcParser
{
public:
    // A text field larger than this (UTF-16 code units) rejects its member.
    static constexpr qsizetype maxTextLength = 64 * 1024;

    // Date-times without an offset are read in localZone (the source's; Europe/Brussels when none).
    explicit IpdcParser(const QString &sourceId, const QTimeZone &localZone = {});

    Expected<IpdcPage, PageError> parsePage(const QByteArray &body, const QUrl &pageUrl) const;
    Expected<IpdcMember, RecordError> parseMember(const QJsonObject &member) const;

    // The language tags the IPDC shapes allow (sh:languageIn), in the case LocalizedText uses
    // ("nl-BE-x-formal"); empty for any other tag.
    static QString canonicalLanguage(const QString &tag);
    // xsd:dateTime with any number of fraction digits, as UTC with milliseconds; invalid otherwise.
    // Without an offset it is a wall-clock time in localZone (Timestamp::parse).
    static QDateTime parseDateTime(const QString &text, const QTimeZone &localZone);

private:
    QString m_sourceId;
    QTimeZone m_zone;
};

} // namespace C360
