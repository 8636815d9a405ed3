// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync panel and the status bar's sync line: what staff see of synchronisation, and the two
// ways to ask for it now (the button, File → Synchronise Now / F5).

#include "mainwindow.h"
#include "settings.h"
#include "syncpanel.h"
#include "syncstatusmodel.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace c360;

namespace
{
SyncStatusRow row(const QString &source, SyncStatusRow::State state, const QString &message)
{
    SyncStatusRow r;
    r.source = source;
    r.resource = QStringLiteral("requests");
    r.sourceName = QStringLiteral("the reports server");
    r.state = state;
    r.message = message;
    r.lastSuccess = QDateTime(QDate(2026, 11, 23), QTime(8, 30), Qt::UTC);
    r.inserted = 12;
    r.updated = 3;
    return r;
}
} // namespace

class TestSyncPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void showsEveryResourceWithTranslatedHeaders()
    {
        SyncPanel panel;
        SyncStatusModel model;
        model.upsert(row(
            QStringLiteral("open311"), SyncStatusRow::State::Succeeded, QStringLiteral("From the reports server: 12 new, 3 changed, 0 removed, 0 skipped.")));
        SyncStatusRow failed = row(QStringLiteral("openklant"), SyncStatusRow::State::Failed, QStringLiteral("Cannot reach the customer contact server."));
        failed.resource = QStringLiteral("partijen");
        model.upsert(failed);
        panel.setModel(&model);
        QCOMPARE(panel.view()->model(), &model);
        QCOMPARE(panel.view()->model()->rowCount(), 2);
        QCOMPARE(model.headerData(SyncStatusModel::SourceColumn, Qt::Horizontal).toString(), QStringLiteral("Server"));
        QCOMPARE(model.headerData(SyncStatusModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Message"));
        QCOMPARE(model.index(0, SyncStatusModel::StateColumn).data().toString(), QStringLiteral("up to date"));
        QCOMPARE(model.index(1, SyncStatusModel::StateColumn).data().toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(1, SyncStatusModel::MessageColumn).data().toString(), QStringLiteral("Cannot reach the customer contact server."));
        QVERIFY(!panel.view()->accessibleName().isEmpty());
    }

    void buttonAsksForASync()
    {
        SyncPanel panel;
        QSignalSpy asked(&panel, &SyncPanel::syncNowRequested);
        auto *button = panel.findChild<QPushButton *>(QStringLiteral("SyncNowButton"));
        QVERIFY(button);
        QVERIFY(!button->accessibleName().isEmpty());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
    }

    void showsWhatWaitsInTheOutbox()
    {
        SyncPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *label = panel.findChild<QLabel *>(QStringLiteral("OutboxSummary"));
        QVERIFY(label);
        QVERIFY(!label->isVisible()); // nothing waits
        panel.setOutboxSummary(QStringLiteral("1 change was refused"), QStringLiteral("A contact moment was refused: HTTP 400"), true);
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(QLatin1String("HTTP 400")));
        QVERIFY(!label->accessibleName().isEmpty());
        panel.setOutboxSummary({}, {}, false);
        QVERIFY(!label->isVisible());
    }

    void mainWindowForwardsSyncRequests()
    {
        QSettings backing(m_dir.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
        Settings settings(&backing);
        MainWindow window(settings);
        QSignalSpy asked(&window, &MainWindow::syncNowRequested);
        auto *action = window.findChild<QAction *>(QStringLiteral("SyncNowAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::Refresh));
        action->trigger();
        QTest::mouseClick(window.syncPanel()->findChild<QPushButton *>(QStringLiteral("SyncNowButton")), Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        QVERIFY(window.syncDock());
        QCOMPARE(window.syncDock()->widget(), window.syncPanel());
    }

    void statusBarShowsTheSyncLine()
    {
        QSettings backing(m_dir.filePath(QStringLiteral("window2.ini")), QSettings::IniFormat);
        Settings settings(&backing);
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *label = window.findChild<QLabel *>(QStringLiteral("ConnectionLabel"));
        auto *icon = window.findChild<QLabel *>(QStringLiteral("SyncIcon"));
        QVERIFY(label && icon);

        window.showSyncState(QStringLiteral("Synchronising…"), QStringLiteral("the reports server: 40 pages"), true, false);
        QCOMPARE(label->text(), QStringLiteral("Synchronising…"));
        QCOMPARE(label->toolTip(), QStringLiteral("the reports server: 40 pages"));
        QVERIFY(icon->isVisible());

        window.showSyncState(QStringLiteral("Up to date"), QStringLiteral("all servers"), false, false);
        QVERIFY(!icon->isVisible());

        window.showSyncState(QStringLiteral("1 server could not be reached"), QStringLiteral("Cannot reach the reports server."), false, true);
        QVERIFY(icon->isVisible());
        QCOMPARE(icon->toolTip(), QStringLiteral("Cannot reach the reports server."));
        QCOMPARE(label->accessibleDescription(), QStringLiteral("Cannot reach the reports server."));
    }
};

QTEST_MAIN(TestSyncPanel)
#include "tst_syncpanel.moc"
