// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QLoggingCategory>

// One category per component. Log lines name records by their ids, never by personal data.
Q_DECLARE_LOGGING_CATEGORY(C360_STORE)
Q_DECLARE_LOGGING_CATEGORY(C360_AUDIT)
Q_DECLARE_LOGGING_CATEGORY(C360_SYNC)
Q_DECLARE_LOGGING_CATEGORY(C360_APP)
