// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace C360::Test
{

// citizen360-refbackend as a child process on a free loopback port, for the tests and the
// benchmarks. It stops when this object goes (its standard input closes), and with whatever
// started it, as it exits when its standard input closes.
class BackendProcess
{
public:
    // program: the citizen360-refbackend to run; arguments: besides --port 0 and
    // --exit-on-stdin-close. errors: where its standard error goes (the benchmarks forward it).
    BackendProcess(const QString &program, const QStringList &arguments, QProcess::ProcessChannelMode errors = QProcess::SeparateChannels);
    ~BackendProcess();
    BackendProcess(const BackendProcess &) = delete;
    BackendProcess &operator=(const BackendProcess &) = delete;

    // The base URL, the first line the server prints, waited for at most timeoutMs (making a large
    // municipality takes a while); invalid when the server did not start.
    QUrl url(int timeoutMs = 600000);
    QProcess &process() { return m_process; }
    // The server's peak resident memory (VmHWM), in KiB; -1 when it cannot be read.
    qint64 peakRssKb() const;
    // The peak resident memory of the process pid (0: this one), in KiB; -1 when unknown.
    static qint64 peakRssKbOf(qint64 pid);

private:
    QProcess m_process;
    QUrl m_url;
};

} // namespace C360::Test
