// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// c360-bench's store: N citizens synchronised from the reference back end and a full audit log,
// made once per N in the data folder and reused by later runs.
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace C360
{
class Database;
}

namespace C360::Bench
{
// The store's reference date: kept in it, the legacy one for a store finished before it was kept,
// today's (UTC) for a store begun now. Invalid when the store cannot be read or written.
QDate storeReferenceDate(const QString &path);

// The store of N citizens, made (or finished) when it is not there yet. false when it cannot be.
bool prepareStore(const QString &path, quint32 citizens, const QDate &referenceDate);

// The store source (prepareStore's) copied into the PostgreSQL database uri with its audit key,
// when it is not there yet (copy-store's path). false, saying why, when it cannot be, or when uri
// holds another store.
bool prepareServerStore(const QString &uri, const QString &source);

// Reads the store's file once, so that every path and its baseline find it in the page cache
// (making another store may have pushed it out): the first path measured pays no cold reads.
void warmUp(const QString &path);

// Picks count citizens of the store at random, the same ones in every run on the same store.
QList<qint64> randomCitizens(Database &db, int count);
} // namespace C360::Bench
