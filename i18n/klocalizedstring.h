// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// The subset of KDE KI18n's API that Citizen 360 uses, implemented over GNU gettext for systems
// without KDE Frameworks 6. Where KF6::I18n is found, CMake uses it instead of this file.

#include <QByteArray>
#include <QChar>
#include <QLocale>
#include <QSet>
#include <QString>
#include <QStringList>

#include <concepts>
#include <optional>

class KLocalizedString
{
public:
    // Sets the gettext domain of the application and binds it to the catalogue directory.
    static void setApplicationDomain(const QByteArray &domain);
    static QByteArray applicationDomain();

    // Overrides the languages taken from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    static void setLanguages(const QStringList &languages);
    static void clearLanguages();
    static QStringList languages();

    // The directory the application domain's catalogues are read from ("" before the domain is set).
    static QString localeDirectory();
    // As KI18n: the languages with a catalogue of the application's domain, and whether language
    // ("nl", "nl_BE") is one of them.
    static QSet<QString> availableApplicationTranslations();
    static bool isApplicationTranslatedInto(const QString &language);

    // Internal: the translation of text (and plural) in context, untranslated when no catalogue has it.
    static QString translateRaw(const char *context, const char *text, const char *plural, std::optional<qulonglong> count);
    static QString substitute(const QString &pattern, const QStringList &arguments);
};

namespace KI18nFallback
{
inline QString argument(const QString &s)
{
    return s;
}
inline QString argument(QStringView s)
{
    return s.toString();
}
inline QString argument(QLatin1String s)
{
    return QString(s);
}
inline QString argument(QChar c)
{
    return QString(c);
}
// Integers are formatted for the locale, as KI18n does (use QString::number for years and codes).
template<std::integral T>
QString argument(T n)
{
    if constexpr (std::is_same_v<T, bool>) {
        return n ? QStringLiteral("true") : QStringLiteral("false");
    } else if constexpr (std::is_signed_v<T>) {
        return QLocale().toString(static_cast<qlonglong>(n));
    } else {
        return QLocale().toString(static_cast<qulonglong>(n));
    }
}
inline QString argument(double d)
{
    return QLocale().toString(d, 'g', 15);
}

template<typename N>
qulonglong pluralCount(const N &n)
{
    static_assert(std::is_integral_v<N>, "the first argument of i18np/i18ncp is the count and must be an integer");
    return n < 0 ? static_cast<qulonglong>(-static_cast<qlonglong>(n)) : static_cast<qulonglong>(n);
}

template<typename... A>
QString format(const char *context, const char *text, const char *plural, std::optional<qulonglong> count, const A &...a)
{
    const QString translated = KLocalizedString::translateRaw(context, text, plural, count);
    if constexpr (sizeof...(A) == 0) {
        return translated;
    } else {
        return KLocalizedString::substitute(translated, QStringList{argument(a)...});
    }
}
} // namespace KI18nFallback

template<typename... A>
inline QString i18n(const char *text, const A &...a)
{
    return KI18nFallback::format(nullptr, text, nullptr, std::nullopt, a...);
}

template<typename... A>
inline QString i18nc(const char *context, const char *text, const A &...a)
{
    return KI18nFallback::format(context, text, nullptr, std::nullopt, a...);
}

template<typename N, typename... A>
inline QString i18np(const char *singular, const char *plural, const N &n, const A &...a)
{
    return KI18nFallback::format(nullptr, singular, plural, KI18nFallback::pluralCount(n), n, a...);
}

template<typename N, typename... A>
inline QString i18ncp(const char *context, const char *singular, const char *plural, const N &n, const A &...a)
{
    return KI18nFallback::format(context, singular, plural, KI18nFallback::pluralCount(n), n, a...);
}
