// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "catalogueentry.h"

namespace C360
{

LocalizedText::LocalizedText(std::initializer_list<std::pair<QString, QString>> texts)
{
    for (const auto &[language, text] : texts) {
        set(language, text);
    }
}

void LocalizedText::set(const QString &language, const QString &text)
{
    if (text.isEmpty()) {
        m_texts.remove(language);
    } else {
        m_texts.insert(language, text);
    }
}

QString LocalizedText::text(const QString &language) const
{
    if (const auto it = m_texts.constFind(language); it != m_texts.cend()) {
        return *it;
    }
    const QString base = language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0);
    if (const auto it = m_texts.constFind(base); it != m_texts.cend()) {
        return *it;
    }
    // Dutch is the catalogue's source language; its formal variant is what IPDC always fills.
    for (const QString &fallback : {QStringLiteral("nl"), QStringLiteral("nl-BE-x-formal"), QStringLiteral("nl-BE-x-informal")}) {
        if (const auto it = m_texts.constFind(fallback); it != m_texts.cend()) {
            return *it;
        }
    }
    return m_texts.isEmpty() ? QString() : m_texts.first();
}

} // namespace C360
