// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common/settings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace C360
{

namespace
{
const QString keyDatabase = QStringLiteral("Store/database");
const QString keySyncConfiguration = QStringLiteral("Sync/configuration");
const QString keyGeometry = QStringLiteral("MainWindow/geometry");
const QString keyState = QStringLiteral("MainWindow/state");
} // namespace

Settings::Settings(QSettings *settings)
    : m_settings(settings ? settings : new QSettings)
    , m_owned(settings == nullptr)
{
}

Settings::~Settings()
{
    if (m_owned) {
        delete m_settings;
    }
}

QString Settings::defaultDatabasePath()
{
    // ~/.local/share/citizen360/citizen360.sqlite on Linux, beside where the settings live.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("citizen360/citizen360.sqlite"));
}

QString Settings::defaultTrainingDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("citizen360/training.sqlite"));
}

QString Settings::team() const
{
    return m_settings->value(QStringLiteral("Staff/team")).toString();
}

int Settings::idleLockMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(QStringLiteral("Staff/idleLockMinutes"), DefaultIdleLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, 0, 240) : DefaultIdleLockMinutes;
}

void Settings::setIdleLockMinutes(int minutes)
{
    m_settings->setValue(QStringLiteral("Staff/idleLockMinutes"), minutes);
}

void Settings::setTeam(const QString &team)
{
    m_settings->setValue(QStringLiteral("Staff/team"), team);
}

QString Settings::auditCheckpointFile(const QString &storeId) const
{
    const QString folder = m_settings->value(QStringLiteral("audit/checkpointFolder")).toString();
    // By default in the person's data folder, beside the stores and outside their folder.
    const QString base =
        folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/citizen360/audit-checkpoints") : folder;
    return base + QLatin1Char('/') + storeId + QStringLiteral(".jsonl");
}

QString Settings::syncConfigurationPath() const
{
    return m_settings->value(keySyncConfiguration).toString();
}

void Settings::setSyncConfigurationPath(const QString &path)
{
    m_settings->setValue(keySyncConfiguration, path);
}

QString Settings::databasePath() const
{
    const QString configured = m_settings->value(keyDatabase).toString();
    return configured.isEmpty() ? defaultDatabasePath() : configured;
}

void Settings::setDatabasePath(const QString &path)
{
    m_settings->setValue(keyDatabase, path);
}

QByteArray Settings::mainWindowGeometry() const
{
    return m_settings->value(keyGeometry).toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(keyGeometry, geometry);
}

QByteArray Settings::mainWindowState() const
{
    return m_settings->value(keyState).toByteArray();
}

void Settings::setMainWindowState(const QByteArray &state)
{
    m_settings->setValue(keyState, state);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace C360
