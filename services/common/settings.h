// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

namespace C360
{

// The workstation's settings (QSettings: ~/.config/citizen360/citizen360.conf on Linux). Typed
// accessors, so that nobody reads settings back from widgets or spells a key twice.
class Settings
{
public:
    // Uses the application's default QSettings when settings is null.
    explicit Settings(QSettings *settings = nullptr);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    // The local store: the configured path, else the default in the user's data folder.
    QString databasePath() const;
    void setDatabasePath(const QString &path);
    static QString defaultDatabasePath();
    // Training mode's own store, apart from real data.
    static QString defaultTrainingDatabasePath();
    // The back ends to synchronise with: a configuration file set by the administrator (see
    // SourceConfig::fromJson); empty when this workstation works offline.
    QString syncConfigurationPath() const;
    void setSyncConfigurationPath(const QString &path);

    // Where the audit checkpoints of the store with storeId are written and compared with: in the
    // folder the administrator set (audit/checkpointFolder; best one the desk may add to but not
    // rewrite), else in this person's data folder.
    QString auditCheckpointFile(const QString &storeId) const;

    // The team of the staff member at this workstation (for "my team's" worklist); may be empty.
    QString team() const;
    void setTeam(const QString &team);

    // Minutes without use after which the window locks (Staff/idleLockMinutes; default 5, at most
    // 240; 0 turns the lock off, for a desk that the operating system locks itself).
    static constexpr int DefaultIdleLockMinutes = 5;
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);

    void sync();

private:
    QSettings *m_settings;
    bool m_owned;
};

} // namespace C360
