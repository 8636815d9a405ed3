// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "automation.h"

#include "case/caseservice.h"
#include "case/requestservice.h"
#include "casepresenter.h"
#include "caseview.h"
#include "liverefresh.h"
#include "mainwindow.h"
#include "worklistmodel.h"
#include "worklistpanel.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace C360
{

Automation::Automation(
    MainWindow &window, CasePresenter &presenter, CaseService &cases, RequestService &requests, LiveRefresh *live, const StaffMember &staff, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_presenter(presenter)
    , m_cases(cases)
    , m_requests(requests)
    , m_staff(staff)
{
    if (live) {
        connect(live, &LiveRefresh::caseReloaded, this, [this] {
            const CaseFile &file = m_presenter.caseView()->caseFile();
            say(QStringLiteral("case contacts %1 requests %2").arg(file.contacts.size()).arg(file.requests.size()));
        });
        connect(live, &LiveRefresh::worklistRefreshed, this, [this] {
            say(QStringLiteral("worklist %1").arg(m_window.worklistPanel()->model()->rowCount()));
        });
        connect(live, &LiveRefresh::requestAssigned, this, [this](qint64 requestId) {
            say(QStringLiteral("notified %1").arg(requestId));
        });
    }
}

void Automation::start()
{
#ifdef Q_OS_UNIX
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this, notifier] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            notifier->setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        m_pending.append(buffer, n);
        qsizetype end = 0;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_pending.left(end));
            m_pending.remove(0, end + 1);
            run(line);
        }
    });
    say(QStringLiteral("ready"));
#else
    say(QStringLiteral("error --automation reads standard input on Unix only"));
#endif
}

void Automation::say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void Automation::run(const QString &line)
{
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        return;
    }
    const QString command = words.constFirst();
    if (command == QLatin1String("open") && words.size() == 3) {
        m_purpose = Purpose{words.at(2), QString()};
        const qint64 citizen = words.at(1).toLongLong();
        if (!m_presenter.openCase(citizen, m_purpose)) {
            say(QStringLiteral("error the case did not open"));
            return;
        }
        const CaseFile &file = m_presenter.caseView()->caseFile();
        say(QStringLiteral("opened %1 contacts %2 requests %3").arg(citizen).arg(file.contacts.size()).arg(file.requests.size()));
    } else if (command == QLatin1String("contact") && words.size() >= 2) {
        ContactMoment contact;
        contact.citizenId = m_presenter.openCitizen();
        contact.subject = words.mid(1).join(QLatin1Char(' '));
        const auto id = m_cases.registerContact(m_staff, m_purpose, contact);
        if (!id) {
            say(QStringLiteral("error ") + id.error().message);
            return;
        }
        say(QStringLiteral("done contact %1").arg(*id));
    } else if (command == QLatin1String("assign") && words.size() == 3) {
        const qint64 request = words.at(1).toLongLong();
        const auto assigned = m_requests.assignRequest(m_staff, m_purpose, SeenRequest(request), Assignee{AssigneeKind::Person, words.at(2)});
        if (!assigned) {
            say(QStringLiteral("error ") + assigned.error().message);
            return;
        }
        say(QStringLiteral("done assign %1").arg(request));
    } else if (command == QLatin1String("quit")) {
        QCoreApplication::quit();
    } else {
        say(QStringLiteral("error unknown command"));
    }
}

} // namespace C360
