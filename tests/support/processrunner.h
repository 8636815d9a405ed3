// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace C360::Test
{

// What a finished program printed and returned.
struct ProcessResult
{
    int exitCode = -1;
    bool crashed = false;
    bool started = false;
    QString out;
    QString err;
};

// Runs one of the project's executables (from C360_BIN_DIR) to completion, with a clean
// environment: C.UTF-8, English unless language is given, settings and data in home.
class ProcessRunner
{
public:
    explicit ProcessRunner(const QString &home);

    void setLanguage(const QString &language) { m_language = language; }
    void setEnvironment(const QString &name, const QString &value) { m_extra.insert(name, value); }
    // Runs the child as an unprivileged user when the tests run as root, so that file permissions
    // (a read-only store) mean what they say.
    void setDropPrivileges(bool drop) { m_dropPrivileges = drop; }
    // A limit on the size of files the child writes (bytes): a full disk without a mount.
    void setFileSizeLimit(qint64 bytes) { m_fileSizeLimit = bytes; }
    // What the child reads on its standard input (then end of file).
    void setInput(const QByteArray &input) { m_input = input; }

    ProcessResult run(const QString &program, const QStringList &arguments, int timeoutMs = 60000) const;
    static QString binary(const QString &name);
    static bool isRoot();

private:
    QString m_home;
    QString m_language;
    QProcessEnvironment m_extra;
    bool m_dropPrivileges = false;
    qint64 m_fileSizeLimit = 0;
    QByteArray m_input;
};

} // namespace C360::Test
