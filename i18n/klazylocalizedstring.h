// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// KI18n's KLazyLocalizedString for the gettext fallback: a string marked for translation in a static
// table, translated when it is shown (so a language chosen at run time still applies).

#include "klocalizedstring.h"

class KLazyLocalizedString
{
public:
    constexpr KLazyLocalizedString() = default;
    constexpr KLazyLocalizedString(const char *context, const char *text, const char *plural)
        : m_context(context)
        , m_text(text)
        , m_plural(plural)
    {
    }

    QString toString() const
    {
        if (!m_text) {
            return {};
        }
        return KLocalizedString::translateRaw(m_context, m_text, m_plural, std::nullopt);
    }
    constexpr bool isEmpty() const { return !m_text || !*m_text; }
    constexpr const char *untranslatedText() const { return m_text; }
    constexpr const char *context() const { return m_context; }

private:
    const char *m_context = nullptr;
    const char *m_text = nullptr;
    const char *m_plural = nullptr;
};

constexpr KLazyLocalizedString kli18n(const char *text)
{
    return {nullptr, text, nullptr};
}

constexpr KLazyLocalizedString kli18nc(const char *context, const char *text)
{
    return {context, text, nullptr};
}
