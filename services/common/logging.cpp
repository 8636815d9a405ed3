// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "common/logging.h"

Q_LOGGING_CATEGORY(C360_STORE, "c360.store", QtInfoMsg)
Q_LOGGING_CATEGORY(C360_AUDIT, "c360.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(C360_SYNC, "c360.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(C360_APP, "c360.app", QtInfoMsg)
