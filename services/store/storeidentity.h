// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"

#include <QString>

namespace C360
{
class Database;

// Which store this is: its identity (schema 6), under which its audit key and checkpoints are kept
// outside it, and whether it is a training store, with practice data and published passwords,
// which no command takes for a real store (and which training mode is the only one to make).
namespace StoreIdentity
{
// The store's random identity (32 hexadecimal digits); empty for a store older than schema 6
// opened read-only.
Expected<QString, StoreError> id(Database &db);
Expected<bool, StoreError> isTraining(Database &db);
// Marks a store that training mode has just made. Only training mode calls this.
Expected<void, StoreError> markAsTraining(Database &db);
// Whether the store holds anything at all: citizens, catalogue entries, audit entries or a sync.
Expected<bool, StoreError> holdsData(Database &db);

// The translated refusals, naming the file.
QString trainingStoreRefused(const QString &path);
QString realStoreRefusedForTraining(const QString &path);
} // namespace StoreIdentity

} // namespace C360
