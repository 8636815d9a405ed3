// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>

namespace c360
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

// The sentence for the log (English) when such a page came instead of data.
inline constexpr const char *htmlPageProblem = "the server answered with an HTML page, not data (a proxy or portal error page?)";

} // namespace c360
