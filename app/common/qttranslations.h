// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

class QCoreApplication;

namespace C360
{
// Loads Qt's own catalogue (qtbase: standard dialogs, "Usage:", "Options:" of --help) for the
// first of the application's languages that has one.
void installQtTranslations(QCoreApplication &app);
} // namespace C360
