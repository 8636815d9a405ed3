// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QStringList>
#include <QTextStream>

namespace C360
{

// The headless administration tool: parses `citizen360-admin <command> [options]`, runs the
// command and returns the exit code (0 done, 1 failed, 2 wrong usage). Results go to stdout as
// JSON, messages to stderr, translated.
class AdminTool
{
public:
    AdminTool(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

private:
    // Makes (or migrates) the store; a new store only with its administrator (admin, password on
    // standard input), so that no store exists without one.
    int init(const QString &path, const QString &admin, const QString &adminName);
    int status(const QString &path);
    int usageError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace C360
