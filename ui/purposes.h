// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "purposemodel.h"

#include <QHash>

namespace C360
{
// The purposes staff choose from when they open a profile (codes as the audit log keeps them).
QList<PurposeModel::Choice> standardPurposes();
// The purposes the application and its tools record themselves (signing in, synchronisation,
// retention, account management, audit review, GDPR requests).
QList<PurposeModel::Choice> systemPurposes();
// The words for every purpose code the audit log may hold, by code.
QHash<QString, QString> purposeNames();
} // namespace C360
