// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// cold_start's baseline: an empty Qt Widgets main window, started and painted once, then gone,
// measured with the probe citizen360 --startup-probe uses.

#include "firstpaintprobe.h"

#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    return C360::probeFirstPaint(window);
}
