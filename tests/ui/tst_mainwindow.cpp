// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The main window shell: its regions, menus, keyboard access, accessible names and remembered layout.

#include "common/settings.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_backing;
    std::unique_ptr<Settings> m_settings;

private Q_SLOTS:
    void init()
    {
        m_backing = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
        m_backing->clear();
        m_settings = std::make_unique<Settings>(m_backing.get());
    }

    void cleanup()
    {
        m_settings.reset();
        m_backing.reset();
    }

    void hasTheThreeRegions()
    {
        MainWindow window(*m_settings);
        QVERIFY(window.searchDock());
        QVERIFY(window.catalogueDock());
        QCOMPARE(window.dockWidgetArea(window.searchDock()), Qt::LeftDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(window.catalogueDock()), Qt::RightDockWidgetArea);
        auto *caseArea = qobject_cast<QStackedWidget *>(window.centralWidget());
        QVERIFY(caseArea);
        QCOMPARE(caseArea->objectName(), QStringLiteral("CaseArea"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("EmptyCaseHint")));
        QCOMPARE(window.windowTitle(), QStringLiteral("Citizen 360"));
    }

    void hasMenus()
    {
        MainWindow window(*m_settings);
        QStringList titles;
        QStringList hidden;
        for (QAction *action : window.menuBar()->actions()) {
            (action->isVisible() ? titles : hidden).append(action->text());
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&Case"), QStringLiteral("&View"), QStringLiteral("&Help")}));
        // Supervision (the audit log) waits for a supervisor or administrator to sign in.
        QCOMPARE(hidden, QStringList{QStringLiteral("S&upervision")});
        auto *quit = window.findChild<QAction *>(QStringLiteral("QuitAction"));
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    }

    void everyControlHasAnAccessibleName()
    {
        MainWindow window(*m_settings);
        const QList<QWidget *> controls = window.findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *w : controls) {
            if (qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QStackedWidget *>(w) ||
                (qobject_cast<QLabel *>(w) && w->parent() == window.statusBar())) {
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName() + QLatin1Char(' ') + QString::fromLatin1(w->metaObject()->className())));
                ++checked;
            }
        }
        QVERIFY(checked >= 7);
    }

    void findShortcutFocusesSearch()
    {
        MainWindow window(*m_settings);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.searchDock()->hide();
        window.catalogueDock()->findChild<QLineEdit *>()->setFocus();
        QTest::keySequence(&window, QKeySequence::Find);
        QVERIFY(window.searchDock()->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), window.searchField());
    }

    void showsTheStore()
    {
        MainWindow window(*m_settings);
        window.setStoreInfo(QStringLiteral("/srv/data/gemeente.sqlite"), 1);
        auto *label = window.findChild<QLabel *>(QStringLiteral("StoreLabel"));
        QVERIFY(label);
        QVERIFY(label->text().contains(QStringLiteral("gemeente.sqlite")));
        QVERIFY(label->text().contains(QStringLiteral("1")));
        QCOMPARE(label->toolTip(), QStringLiteral("/srv/data/gemeente.sqlite"));
    }

    void remembersItsLayout()
    {
        {
            MainWindow window(*m_settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1000, 700);
            window.catalogueDock()->hide();
            window.close();
        }
        QVERIFY(!m_settings->mainWindowGeometry().isEmpty());
        QVERIFY(!m_settings->mainWindowState().isEmpty());

        MainWindow again(*m_settings);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.catalogueDock()->isVisible());
        QVERIFY(again.searchDock()->isVisible());
        QCOMPARE(again.size(), QSize(1000, 700));
    }

    void rendersToAPicture()
    {
        MainWindow window(*m_settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QPixmap picture = window.grab();
        QVERIFY(!picture.isNull());
        QCOMPARE(picture.size(), window.size());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
