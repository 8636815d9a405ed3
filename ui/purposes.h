// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "purposemodel.h"

namespace C360
{
// The purposes staff choose from when they open a profile (codes as the audit log keeps them).
QList<PurposeModel::Choice> standardPurposes();
} // namespace C360
