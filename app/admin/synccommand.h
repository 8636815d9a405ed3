// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "adminsession.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace C360
{

struct SyncCommand
{
    QString database;
    AdminCredentials who; // an administrator or a sync_service account
    QString backend; // a reference back end's base URL; its token from C360_SECRET_REFERENCE (default: training)
    QString config; // or a configuration file
    bool once = false;
    QStringList confirmedDeletions; // "source/resource"
};

// `citizen360-admin sync`: the application's sync engine, headless. Progress goes to err; the
// last line on out is the JSON summary of the (last) run. 0 when every resource synced, 1 when
// one had a problem (the summary says which), 2 for a configuration that cannot be used.
int runSync(const SyncCommand &command, QTextStream &out, QTextStream &err);

} // namespace C360
