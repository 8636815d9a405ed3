// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

namespace C360::RichText
{

// An HTML fragment from a feed (the product catalogue's texts) reduced to what a reader needs and
// nothing a stranger could use: paragraphs, line breaks, lists, emphasis and headings, without any
// attribute; a link becomes its text (its address in brackets when it differs), images, scripts,
// styles, forms and frames go with what is inside script and style. Text and entities stay as they
// are; a stray "<" is escaped.
QString safeFeedHtml(const QString &html);

} // namespace C360::RichText
