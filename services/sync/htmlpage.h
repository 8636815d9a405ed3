// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>

namespace C360
{

// Whether an answer is an HTML page (a proxy's error page, a sign-in page, a portal's "not found")
// rather than the data asked for: it starts, past white space and a byte order mark, with
// "<!DOCTYPE html" or "<html", in any case.
inline bool isHtmlPage(const QByteArray &body)
{
    qsizetype start = body.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (start < body.size() && (body.at(start) == ' ' || body.at(start) == '\t' || body.at(start) == '\r' || body.at(start) == '\n')) {
        ++start;
    }
    const QByteArray head = body.mid(start, 14).toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html");
}

} // namespace C360
