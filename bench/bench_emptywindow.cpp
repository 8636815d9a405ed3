// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// cold_start's baseline: an empty Qt Widgets main window, started and painted once, then gone.
// Prints what citizen360 --startup-probe prints.

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QMainWindow>
#include <QTextStream>
#include <QTimer>

namespace
{
class FirstPaint : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !painted) {
            painted = true;
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }
};

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    FirstPaint probe;
    window.installEventFilter(&probe);
    window.show();
    QApplication::exec();
    QTextStream(stdout) << QStringLiteral("{\"first_paint\": %1, \"rss_mb\": %2}")
                               .arg(probe.painted ? QStringLiteral("true") : QStringLiteral("false"))
                               .arg(peakRssMb(), 0, 'f', 1)
                        << Qt::endl;
    return probe.painted ? 0 : 1;
}
