// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QString>

namespace C360
{
class Database;

// How long requests are kept: Request::DefaultRetentionDays (30) unless an administrator set
// another period, which the store keeps (store_settings "retention_days").
namespace RetentionPolicy
{
Expected<int, StoreError> days(Database &db);
constexpr int MinimumDays = 1;
constexpr int MaximumDays = 3650;
// Its key in store_settings.
extern const QString settingKey;
} // namespace RetentionPolicy

} // namespace C360
