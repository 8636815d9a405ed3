// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The headless administration tool's composition root. Links no Qt Widgets.

#include "admintool.h"
#include "c360version.h"
#include "common/uilanguage.h"
#include "qttranslations.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

namespace
{
// PDFs are laid out with Qt's fonts, which need a QGuiApplication: on the offscreen platform, so
// that the tool stays headless. Every other command makes do with a QCoreApplication.
bool needsFonts(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "export-citizen") == 0 || qstrcmp(argv[i], "--pdf") == 0) {
            return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (needsFonts(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("citizen360-admin"));
    QCoreApplication::setOrganizationName(QStringLiteral("citizen360"));
    QCoreApplication::setApplicationVersion(QStringLiteral(C360_VERSION_STRING));
    KLocalizedString::setApplicationDomain("citizen360");
    const C360::UiLanguage::Choice language = C360::UiLanguage::apply(KLocalizedString::languages());
    C360::installQtTranslations(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const QString missing = C360::UiLanguage::missingMessage(language); !missing.isEmpty()) {
        err << missing << Qt::endl;
    }
    C360::AdminTool tool(out, err);
    return tool.run(QCoreApplication::arguments());
}
