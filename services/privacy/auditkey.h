// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>

namespace C360
{
class Database;
class SecretStore;

// The key of the audit log's hash chain: 32 random bytes. A workstation's store (a file) has it
// outside the store and its folder, in the person's secret store (the OS keychain;
// SecretStore::personal()) under the store's identity; a shared store on a server, which every
// workstation appends to, in the store (audit_chain_key).
namespace AuditKey
{
// The name under which the key of the store with storeId is kept.
QString secretName(const QString &storeId);
// Where earlier versions kept the key: a file beside the store (PATH.auditkey).
QString legacyPathFor(const QString &databasePath);
// The key of db's audit log. A new one is made only while the log is empty; a key file of an
// earlier version beside the store is moved into secrets. A missing key for a log with entries is
// an error (translated), never a new key: that would let whoever holds it write a new history.
Expected<QByteArray, QString> load(Database &db, SecretStore &secrets);
// Keeps key as db's audit key where load() finds it: a shared store's in the store (from schema
// 7, read by every workstation), a file's in secrets. For a store copy (copy-store).
Expected<void, QString> keep(Database &db, SecretStore &secrets, const QByteArray &key);
} // namespace AuditKey

} // namespace C360
