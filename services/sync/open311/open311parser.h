// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "sync/payloaderror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace C360
{

// One service request of a GET requests answer, as received, whatever the format: the JSON object,
// or the XML <request> element turned into one (leaves become strings, the Spark convention the
// specification uses to derive its JSON from its XML).
struct Open311Record
{
    int position = 0; // 0-based place in the page, to name a record that has no usable id
    QJsonObject fields;
    QByteArray canonical; // compact JSON with sorted keys: what the content hash is taken over
    std::optional<RecordError> problem; // when the record cannot be read at all (not an object, nested too deeply)
    bool invalidUtf8 = false; // the page held bytes that are not UTF-8 and this record has some of them
};

// Reads the answer to GET requests.json / requests.xml into records. The format is recognised from
// the body, not from the Content-Type: a server that labels a good body wrongly is still read.
class Open311Parser
{
public:
    // The records of a page, or why the page cannot be read at all (English, no content quoted).
    static Expected<QList<Open311Record>, PageError> parse(const QByteArray &body);
    static Expected<QList<Open311Record>, PageError> parseJson(const QByteArray &body);
    static Expected<QList<Open311Record>, PageError> parseXml(const QByteArray &body);
};

} // namespace C360
