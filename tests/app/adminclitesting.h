// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What the citizen360-admin command-line tests share: the tool run with a home of its own,
// plainly or as an administrator, and what it printed.

#include "processrunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

namespace C360::Test::AdminCli
{

// The JSON object on the last line of out; empty when there is none.
inline QJsonObject lastJsonLine(const QString &out)
{
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
}

// What a finished run returned and printed, for a failure message.
inline QString describe(const ProcessResult &r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
}

// The base of the citizen360-admin tests: the tool, run with a temporary home.
class AdminCliTest : public QObject
{
protected:
    QTemporaryDir m_home;
    QString admin() const { return ProcessRunner::binary(QStringLiteral("citizen360-admin")); }
    ProcessResult run(const QStringList &args) const { return ProcessRunner(m_home.path()).run(admin(), args); }
    // As the administrator "beheer" of a store made by storeWithAdministrator().
    ProcessResult runAs(const QString &credentials, const QStringList &args) const
    {
        ProcessRunner runner(m_home.path());
        runner.setEnvironment(QStringLiteral("C360_CREDENTIALS"), credentials);
        return runner.run(admin(), args);
    }
};

} // namespace C360::Test::AdminCli
