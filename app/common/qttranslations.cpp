// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "qttranslations.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace C360
{

void installQtTranslations(QCoreApplication &app)
{
    const QString directory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString &language : KLocalizedString::languages()) {
        if (language.startsWith(QLatin1String("en"))) {
            return; // Qt's source language
        }
        auto *translator = new QTranslator(&app);
        if (translator->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator);
            return;
        }
        delete translator;
    }
}

} // namespace C360
