// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

namespace C360
{

// cold_start's probe, shared by citizen360 --startup-probe and its baseline (an empty window), so
// that both are measured the same way: shows window and, once it has painted, prints
// {"first_paint": true, "rss_mb": peak resident memory} on stdout and returns 0.
inline int probeFirstPaint(QWidget &window)
{
    class FirstPaint : public QObject
    {
    public:
        bool painted = false;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint && !painted) {
                painted = true;
                // Quit once this paint is through, not in the middle of it.
                QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
            }
            return QObject::eventFilter(watched, event);
        }
    };
    FirstPaint probe;
    window.installEventFilter(&probe);
    window.show();
    QCoreApplication::exec();
    double rss = -1;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:")) {
                rss = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
            }
        }
    }
    QTextStream(stdout)
        << QStringLiteral("{\"first_paint\": %1, \"rss_mb\": %2}").arg(probe.painted ? QStringLiteral("true") : QStringLiteral("false")).arg(rss, 0, 'f', 1)
        << Qt::endl;
    return probe.painted ? 0 : 1;
}

} // namespace C360
