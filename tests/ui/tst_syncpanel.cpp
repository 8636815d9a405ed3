// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The sync panel and the status bar's sync line: what staff see of synchronisation, and the two
// ways to ask for it now (the button, File → Synchronise Now / F5).

#include "common/settings.h"
#include "mainwindow.h"
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

using namespace C360;

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

    // Withheld deletions: shown to an administrator, for the row that waits; the click names it.
    void anAdministratorConfirmsWithheldDeletions()
    {
        SyncPanel panel;
        SyncStatusModel model;
        model.upsert(row(QStringLiteral("open311"), SyncStatusRow::State::Succeeded, QStringLiteral("Up to date with the reports server.")));
        SyncStatusRow waiting = row(QStringLiteral("openklant"), SyncStatusRow::State::Attention, QStringLiteral("Nothing was deleted …"));
        waiting.resource = QStringLiteral("partijen");
        waiting.confirmable = true;
        model.upsert(waiting);
        panel.setModel(&model);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(model.index(1, SyncStatusModel::StateColumn).data().toString(), QStringLiteral("needs a decision"));
        QVERIFY(model.anyFailed());
        auto *confirm = panel.findChild<QPushButton *>(QStringLiteral("ConfirmDeletionsButton"));
        QVERIFY(confirm);
        QVERIFY(!confirm->isVisible()); // not for a counter clerk
        panel.setMayConfirmDeletions(true);
        QVERIFY(confirm->isVisible());
        panel.view()->setCurrentIndex(model.index(0, 0));
        QVERIFY(!confirm->isEnabled());
        panel.view()->setCurrentIndex(model.index(1, 0));
        QVERIFY(confirm->isEnabled());
        QSignalSpy asked(&panel, &SyncPanel::confirmDeletionsRequested);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(0).toString(), QStringLiteral("openklant"));
        QCOMPARE(asked.first().at(1).toString(), QStringLiteral("partijen"));
        // Decided: the button goes.
        waiting.state = SyncStatusRow::State::Succeeded;
        waiting.confirmable = false;
        model.upsert(waiting);
        QVERIFY(!confirm->isVisible());
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
