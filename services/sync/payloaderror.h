// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

namespace C360
{

// Why a back end's answer cannot be read as a page at all; the run stops at that page (Malformed).
// The detail is English, for the log and the sync panel, and quotes nothing of the answer.
struct PageError
{
    enum class Kind {
        Empty, // no body, or only white space
        WebPage, // an HTML page where data was expected: a proxy's error page, a portal's sign-in
        Syntax, // not well-formed in the format the source speaks (JSON, XML)
        ErrorDocument, // a well-formed error answer in the data format
        Shape, // well-formed, but not the page the specification describes
    };
    Kind kind = Kind::Syntax;
    QString detail;

    static PageError empty() { return {Kind::Empty, QStringLiteral("the answer is empty")}; }
    static PageError webPage() { return {Kind::WebPage, QStringLiteral("the server answered with an HTML page, not data (a proxy or portal error page?)")}; }
    static PageError syntax(const QString &detail) { return {Kind::Syntax, detail}; }
    static PageError errorDocument(const QString &detail) { return {Kind::ErrorDocument, detail}; }
    static PageError shape(const QString &detail) { return {Kind::Shape, detail}; }
};

// Why one record of a page is refused: it is skipped alone, with the detail as its reason, and the
// rest of the page is stored. field is the member at fault as a path ("identificatoren[0].
// codeSoortObjectId"), empty when it is the record as a whole. The detail is English and names
// the field, never its content.
struct RecordError
{
    enum class Kind {
        NotAnObject, // the record is not a JSON object (or XML element) at all
        Missing, // a required member is absent or null
        WrongType, // a member has another JSON type than the specification gives it
        UnknownValue, // an enumerated member has a value the specification does not list
        Malformed, // a member of the right type that does not read: a uuid, a date, an identifier
        TooLarge, // a text, or a nesting, over the parser's bounds
        InvalidUtf8, // the record held bytes that are not UTF-8
        Refused, // readable, but not something this application keeps (a past retention, no id)
    };
    Kind kind = Kind::Malformed;
    QString field;
    QString detail;
};

} // namespace C360
