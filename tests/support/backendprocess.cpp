// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "backendprocess.h"

#include <QFile>

namespace C360::Test
{

BackendProcess::BackendProcess(const QString &program, const QStringList &arguments, QProcess::ProcessChannelMode errors)
{
    m_process.setProgram(program);
    m_process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--exit-on-stdin-close")} + arguments);
    m_process.setProcessChannelMode(errors);
    m_process.start();
}

BackendProcess::~BackendProcess()
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

QUrl BackendProcess::url(int timeoutMs)
{
    if (m_url.isEmpty()) {
        while (!m_process.canReadLine() && m_process.waitForReadyRead(timeoutMs)) { }
        const QUrl url(QString::fromUtf8(m_process.readLine()).trimmed());
        m_url = url.scheme() == QLatin1String("http") ? url : QUrl();
    }
    return m_url;
}

qint64 BackendProcess::peakRssKb() const
{
    return m_process.processId() > 0 ? peakRssKbOf(m_process.processId()) : -1;
}

qint64 BackendProcess::peakRssKbOf(qint64 pid)
{
    QFile status(pid ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

} // namespace C360::Test
