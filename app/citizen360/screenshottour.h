// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

class QWidget;

namespace C360
{
class CasePresenter;
class CatalogueService;
class Database;
class MainWindow;
struct StaffMember;

// citizen360 --training --screenshot DIR: walks through what a new user does and saves each
// step: main.png (the window after the first synchronisation), search.png (the results for the
// most common family name), case.png (a case with reports, contacts, requests and a linked
// product) and catalogue.png (the product catalogue). The steps go through the same presenter
// and services as a person would, so every profile opened is audited. A store without citizens
// gives main.png only; one without a citizen who has all three kinds, no case and catalogue
// pictures. Returns the exit code.
// Without a signed-in staff member, main.png only. ownLogin: staff is signed in as their own login
// of a shared store, who reads nothing around the audited paths: the worklist's first citizen is
// searched for and opened.
int runScreenshotTour(MainWindow &window,
                      CasePresenter &presenter,
                      CatalogueService &catalogue,
                      Database &db,
                      const StaffMember &staff,
                      const QString &directory,
                      bool ownLogin = false);

// Grabs widget as directory/name and prints the path; false (said on stderr) when it cannot be written.
bool saveScreenshot(QWidget &widget, const QString &directory, const QString &name);

} // namespace C360
