// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The main window comes up in Dutch with LANGUAGE=nl, from the compiled catalogue of the build.

#include "common/settings.h"
#include "mainwindow.h"

#include <KLocalizedString>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;

class TestMainWindowDutch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(qgetenv("LANGUAGE"), QByteArrayLiteral("nl"));
        KLocalizedString::setApplicationDomain("citizen360");
    }

    void comesUpInDutch()
    {
        QTemporaryDir dir;
        QSettings backing(dir.filePath(QStringLiteral("w.ini")), QSettings::IniFormat);
        Settings settings(&backing);
        MainWindow window(settings);

        QStringList menus;
        for (QAction *action : window.menuBar()->actions()) {
            if (action->isVisible()) { // Supervision appears for supervisors once signed in
                menus.append(action->text());
            }
        }
        QCOMPARE(menus, (QStringList{QStringLiteral("&Bestand"), QStringLiteral("&Dossier"), QStringLiteral("Bee&ld"), QStringLiteral("&Help")}));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("QuitAction"))->text(), QStringLiteral("&Afsluiten"));
        QCOMPARE(window.searchDock()->windowTitle(), QStringLiteral("Burger zoeken"));
        QCOMPARE(window.catalogueDock()->windowTitle(), QStringLiteral("Producten en diensten"));
        QCOMPARE(window.searchField()->placeholderText(), QStringLiteral("Naam, nummer, telefoon of adres"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("EmptyCaseHint"))->text().startsWith(QStringLiteral("Er is geen dossier geopend.")));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Gereed"));
        // The product name is not translated.
        QCOMPARE(window.windowTitle(), QStringLiteral("Citizen 360"));
    }
};

QTEST_MAIN(TestMainWindowDutch)
#include "tst_mainwindow_nl.moc"
