// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The headless administration tool's composition root. Links no Qt Widgets.

#include "admintool.h"
#include "c360version.h"
#include "qttranslations.h"

#include <KLocalizedString>

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("citizen360-admin"));
    QCoreApplication::setOrganizationName(QStringLiteral("citizen360"));
    QCoreApplication::setApplicationVersion(QStringLiteral(C360_VERSION_STRING));
    KLocalizedString::setApplicationDomain("citizen360");
    c360::installQtTranslations(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    c360::AdminTool tool(out, err);
    return tool.run(QCoreApplication::arguments());
}
