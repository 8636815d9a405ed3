// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"

#include <QObject>

namespace C360
{
class CasePresenter;
class CaseService;
class LiveRefresh;
class MainWindow;
class RequestService;

// The hidden option --automation, for the tests of several workstations on one shared store
// (tests/app/tst_livedesks.cpp): the signed-in window takes lines on standard input and says on
// standard output what it shows, ids and counts only. It acts as the person signed in, through
// the same services and their audit, and can do nothing the window cannot.
//   open CITIZEN PURPOSE   opens the case       -> "opened CITIZEN contacts N requests M"
//   contact SUBJECT…       registers a contact  -> "done contact ID"
//   assign REQUEST NAME    assigns to a person  -> "done assign REQUEST"
//   quit
// and, as others change the store: "case contacts N requests M", "worklist N", "notified REQUEST".
// A refusal is "error " and its message.
class Automation : public QObject
{
    Q_OBJECT
public:
    Automation(MainWindow &window,
               CasePresenter &presenter,
               CaseService &cases,
               RequestService &requests,
               LiveRefresh *live,
               const StaffMember &staff,
               QObject *parent = nullptr);

    // Says "ready" and reads standard input as lines come, until it ends (then the application
    // quits). Unix only (a socket notifier on standard input), as the tests that use it.
    void start();

private:
    void run(const QString &line);
    void say(const QString &line);

    MainWindow &m_window;
    CasePresenter &m_presenter;
    CaseService &m_cases;
    RequestService &m_requests;
    StaffMember m_staff;
    Purpose m_purpose;
    QByteArray m_pending; // what came on standard input after the last whole line
};

} // namespace C360
