// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common/uilanguage.h"

#include <KLocalizedString>

#include <QDir>

namespace C360::UiLanguage
{

Choice resolve(const QStringList &requested)
{
    Choice choice;
    choice.directory = KLocalizedString::localeDirectory();
    for (const QString &language : requested) {
        if (language.isEmpty() || language == QLatin1String("C") || language == QLatin1String("POSIX")) {
            continue;
        }
        if (language == QLatin1String("en") || language.startsWith(QLatin1String("en_"))) {
            choice.language = language;
            return choice;
        }
        if (KLocalizedString::isApplicationTranslatedInto(language)) {
            choice.language = language;
            return choice;
        }
        if (!choice.missing.contains(language)) {
            choice.missing.append(language);
        }
    }
    choice.language = QStringLiteral("en");
    return choice;
}

QLocale locale(const QString &language)
{
    if (language.contains(QLatin1Char('_'))) {
        return QLocale(language);
    }
    // The system's own formats when they are of this language (LANG=nl_NL.UTF-8 stays Dutch of
    // the Netherlands); Belgian ones otherwise. The formats' locale is the POSIX one: Qt's system
    // locale takes its language from LANGUAGE but its formats from LC_TIME, so with LANG=C.UTF-8
    // and LANGUAGE=nl it says "Dutch" and writes "16 Nov 2026".
    for (const char *variable : {"LC_ALL", "LC_TIME", "LANG"}) {
        const QString value = qEnvironmentVariable(variable).section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);
        if (value.isEmpty()) {
            continue;
        }
        if (value.section(QLatin1Char('_'), 0, 0) == language && value.contains(QLatin1Char('_'))) {
            return QLocale(value);
        }
        break;
    }
    return QLocale(language + QStringLiteral("_BE"));
}

Choice apply(const QStringList &requested)
{
    const Choice choice = resolve(requested);
    if (choice.language.startsWith(QLatin1String("en"))) {
        // The source language: the system's formats stay (LANG=en_BE.UTF-8 writes Belgian dates).
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
        QLocale::setDefault(QLocale::system());
    } else {
        KLocalizedString::setLanguages({choice.language});
        QLocale::setDefault(locale(choice.language));
    }
    return choice;
}

QString missingMessage(const Choice &choice)
{
    if (choice.missing.isEmpty()) {
        return {};
    }
    return QStringLiteral("No translation for %1 was found in %2; the interface is in %3. Install the application with its share/locale folder, or "
                          "set C360_LOCALE_DIR to the folder that holds the translations.")
        .arg(choice.missing.join(QStringLiteral(", ")), QDir::toNativeSeparators(choice.directory), locale(choice.language).nativeLanguageName());
}

} // namespace C360::UiLanguage
