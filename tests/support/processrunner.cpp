// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "processrunner.h"

#include <QDir>
#include <QProcess>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

namespace C360::Test
{

ProcessRunner::ProcessRunner(const QString &home)
    : m_home(home)
{
}

QString ProcessRunner::binary(const QString &name)
{
    return QDir(QString::fromLocal8Bit(qgetenv("C360_BIN_DIR"))).filePath(name);
}

bool ProcessRunner::isRoot()
{
    return ::geteuid() == 0;
}

ProcessResult ProcessRunner::run(const QString &program, const QStringList &arguments, int timeoutMs) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LC_ALL"));
    env.insert(QStringLiteral("LANGUAGE"), m_language);
    env.insert(QStringLiteral("HOME"), m_home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home + QStringLiteral("/runtime"));
    QDir(m_home).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(m_home + QStringLiteral("/runtime"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    for (const QString &key : m_extra.keys()) {
        env.insert(key, m_extra.value(key));
    }

    QProcess process;
    process.setProcessEnvironment(env);
    const bool drop = m_dropPrivileges && isRoot();
    const qint64 limit = m_fileSizeLimit;
    if (drop) {
        // The runtime folder must belong to the user the child runs as.
        if (::chown(QFile::encodeName(m_home + QStringLiteral("/runtime")).constData(), 65534, 65534) != 0) {
            qWarning("cannot hand the runtime folder to nobody");
        }
    }
    process.setChildProcessModifier([drop, limit]() {
        if (limit > 0) {
            // Writes past the limit fail with EFBIG instead of killing the child with SIGXFSZ.
            ::signal(SIGXFSZ, SIG_IGN);
            struct rlimit rl;
            rl.rlim_cur = static_cast<rlim_t>(limit);
            rl.rlim_max = static_cast<rlim_t>(limit);
            ::setrlimit(RLIMIT_FSIZE, &rl);
        }
        if (drop) {
            // nobody:nogroup on Debian.
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
                ::_exit(127);
            }
        }
    });

    ProcessResult result;
    process.start(program, arguments);
    result.started = process.waitForStarted(timeoutMs);
    if (!result.started) {
        result.err = process.errorString();
        return result;
    }
    if (!m_input.isEmpty()) {
        process.write(m_input);
        process.waitForBytesWritten(timeoutMs);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace C360::Test
