// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "sync/payloaderror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace C360
{

// One page of a list of a Common Ground API as Django REST Framework pages it (Open Klant's
// Klantinteracties, the ZGW Zaken and Catalogi APIs): {count, next, previous, results}.
struct CommonGroundPage
{
    // A count that is no count at all (negative, not whole, beyond 2^53) comes as this.
    static constexpr qint64 UnbelievableCount = std::numeric_limits<qint64>::max();

    QList<QJsonObject> records;
    qint64 count = -1; // -1: none given
    bool hasNext = false;
    QString next; // the next link as given
    int nextPage = 0; // the `page` of the next link, 0 when it has none
    bool invalidUtf8 = false; // the body was not valid UTF-8: records holding U+FFFD are suspect
};

// What every record of such a list is read with before its dialect's parser looks at it: the
// envelope, the record's uuid, strings no longer than 64 KiB and valid UTF-8, and a content hash.
// Reasons are English and name the field, never its value.
namespace CommonGroundList
{
constexpr qsizetype MaxStringBytes = 64 * 1024;

// The list envelope. The body may be served with any Content-Type: a good body is accepted.
Expected<CommonGroundPage, PageError> page(const QByteArray &body);
// The record's uuid when it is a well-formed one, else empty (for naming a skipped record).
QString recordId(const QJsonObject &record);
// Checks that apply to any record: its uuid, no over-long strings, no invalid UTF-8.
Expected<QString, RecordError> checkRecord(const QJsonObject &record, bool invalidUtf8);
// SHA-256 of version (the dialect's mapping version: a new one makes every record apply again)
// and the record as received in canonical form, without the `url` members (they carry the
// server's host, not content) and without dropKeys (reverse relations that change when other
// records are added), so that an unchanged record hashes the same on every run.
QByteArray contentHash(const char *version, const QJsonObject &record, const QStringList &dropKeys = {});
} // namespace CommonGroundList

} // namespace C360
