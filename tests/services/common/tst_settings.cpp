// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2

#include "common/settings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace C360;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("citizen360"));
        QCoreApplication::setApplicationName(QStringLiteral("citizen360"));
    }

    void defaultsToTheUserDataFolder()
    {
        QTemporaryDir dir;
        QSettings backing(dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
        Settings settings(&backing);
        const QString path = settings.databasePath();
        QCOMPARE(path, Settings::defaultDatabasePath());
        QCOMPARE(path, QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/citizen360/citizen360.sqlite"));
        QVERIFY(settings.mainWindowGeometry().isEmpty());
    }

    void persistsAcrossInstances()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("c.ini"));
        {
            QSettings backing(file, QSettings::IniFormat);
            Settings settings(&backing);
            settings.setDatabasePath(QStringLiteral("/srv/citizen360/town-hall.sqlite"));
            settings.setMainWindowGeometry(QByteArrayLiteral("geometry-bytes"));
            settings.setMainWindowState(QByteArray("\x00\x01state", 7));
            settings.sync();
        }
        QSettings backing(file, QSettings::IniFormat);
        Settings settings(&backing);
        QCOMPARE(settings.databasePath(), QStringLiteral("/srv/citizen360/town-hall.sqlite"));
        QCOMPARE(settings.mainWindowGeometry(), QByteArrayLiteral("geometry-bytes"));
        QCOMPARE(settings.mainWindowState(), QByteArray("\x00\x01state", 7));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
