// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The desktop application's composition root.

#include "c360version.h"
#include "clock.h"
#include "database.h"
#include "logging.h"
#include "mainwindow.h"
#include "qttranslations.h"
#include "settings.h"

#include <KLocalizedString>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>

namespace
{
void printError(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName() << QLatin1String(": ") << message << Qt::endl;
}

int saveScreenshot(QWidget &window, const QString &directory)
{
    if (!QDir().mkpath(directory)) {
        printError(i18nc("@info:shell", "Cannot create the screenshot folder %1.", QDir::toNativeSeparators(directory)));
        return 1;
    }
    window.show();
    QCoreApplication::processEvents();
    const QString file = QDir(directory).absoluteFilePath(QStringLiteral("main.png"));
    if (!window.grab().save(file)) {
        printError(i18nc("@info:shell", "Cannot write the screenshot %1.", QDir::toNativeSeparators(file)));
        return 1;
    }
    QTextStream(stdout) << file << Qt::endl;
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("citizen360"));
    QCoreApplication::setOrganizationName(QStringLiteral("citizen360"));
    QCoreApplication::setApplicationVersion(QStringLiteral(C360_VERSION_STRING));
    KLocalizedString::setApplicationDomain("citizen360");
    QApplication::setApplicationDisplayName(i18nc("@title", "Citizen 360"));
    QApplication::setDesktopFileName(QStringLiteral("org.citizen360.Citizen360"));
    c360::installQtTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(i18nc("@info:shell", "One view of a citizen for municipal front offices."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            i18nc("@info:shell", "Use the local store in <file> (created when missing) instead of the configured one."),
                                            i18nc("@info:shell value name", "file"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), i18nc("@info:shell", "Render the main window to <folder>/main.png and exit."), i18nc("@info:shell value name", "folder"));
    parser.addOption(databaseOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const bool screenshot = parser.isSet(screenshotOption);
    auto fail = [&](const QString &message) {
        printError(message);
        if (!screenshot) {
            QMessageBox::critical(nullptr, i18nc("@title:window", "Citizen 360"), message);
        }
        return 1;
    };

    c360::Settings settings;
    QString path = parser.value(databaseOption);
    if (path.isEmpty()) {
        path = settings.databasePath();
        // The default store lives in the user's data folder, created on first start.
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    auto database = c360::Database::open(path, c360::Database::OpenMode::Create, c360::SystemClock::instance());
    if (!database) {
        return fail(database.error().message());
    }

    c360::MainWindow window(settings);
    window.setStoreInfo(path, (*database)->schemaVersion());
    if (screenshot) {
        return saveScreenshot(window, parser.value(screenshotOption));
    }
    window.show();
    return app.exec();
}
