// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "expected.h"
#include "store/storeerror.h"
#include "store/storelocation.h"

#include <QString>
#include <QStringList>

#include <memory>

class QSqlError;

namespace C360
{
class Database;

// What the two store engines do differently, one place per concern: the connection's setup
// (pragmas or session settings), transactions and the locks that keep the audit chain and the
// migrations in one line, the queued maintenance of the search indexes, checkpoints, full-text
// search, date arithmetic and the classification of errors. Everything else, the repositories'
// SQL included, is the same on both (ON CONFLICT for upserts, RETURNING for new ids, times as
// ISO 8601 text, flags as integers).
class SqlDialect
{
public:
    static std::unique_ptr<SqlDialect> create(StoreLocation::Engine engine);
    virtual ~SqlDialect() = default;

    virtual StoreLocation::Engine engine() const = 0;
    // Qt's SQL driver.
    virtual QString driverName() const = 0;
    // The driver's package on Debian, named in the error when it is missing.
    virtual QString driverPackage() const = 0;

    // The connection's setup once it is open: SQLite's pragmas and WAL, PostgreSQL's session.
    virtual Expected<void, StoreError> configure(Database &db, bool readOnly) const = 0;
    // The names of the tables in the store's schema (one column).
    virtual QString tablesQuery() const = 0;
    // After the store is migrated: the role that installed a shared store acts as its owner
    // (schema 9, PostgreSQL); staff, the sync service and superusers stay who they signed in as.
    virtual Expected<void, StoreError> assumeOwner(Database &db) const = 0;

    // Starts the outermost transaction. SQLite takes the write lock at once (BEGIN IMMEDIATE), so
    // two connections never deadlock upgrading a read lock.
    virtual QString beginTransaction() const = 0;
    // Within a transaction: waits until no other connection migrates the store (PostgreSQL: a
    // transaction-level advisory lock; SQLite's write lock is already held).
    virtual Expected<void, StoreError> lockMigrations(Database &db) const = 0;
    // Within a transaction: waits until no other connection appends to the audit chain, so that
    // each append reads the chain's true end. Empty when the transaction's lock already does it.
    virtual QString lockAuditChain() const = 0;

    // The queued maintenance of full-text indexes (SQLite's FTS5, see Database): statements that
    // set up the queue on a writing connection and that apply it at commit. Empty when the
    // engine keeps its indexes itself (PostgreSQL's GIN indexes).
    virtual QStringList searchQueueSetup() const = 0;
    virtual QString searchQueuePending() const = 0;
    virtual QStringList searchQueueFlush() const = 0;

    // Checkpoints and the page cache (SQLite's WAL); nothing on a server.
    virtual void checkpointInBackground(Database &db) const = 0;
    virtual Expected<void, StoreError> setCheckpointSpacing(Database &db, int pages) const = 0;
    virtual Expected<void, StoreError> setCacheSize(Database &db, int mebibytes) const = 0;
    // Durable commits (on disk before commit returns) or not, for connections whose work can be
    // redone (the sync's, which commits each page with its cursor).
    virtual QString durableCommits(bool durable) const = 0;
    // Said once in a search's transaction, before its statement: PostgreSQL plans the statement
    // for the words searched for each time (a prepared statement's generic plan reads a common
    // prefix's whole posting list, where the plan for "de:*" scans until enough names match).
    virtual QString planEachSearch() const = 0;

    // Full-text search over the folded names (citizens.search_names, see SearchText): the ids of
    // citizens whose names have a word starting with each term, for the match nameMatch() makes
    // (the first ?), with born-in-range (two ? for the first and the next year's first day) if
    // asked, then LIMIT ?.
    virtual QString citizenIdsByName(bool bornInRange) const = 0;
    // The match for citizenIdsByName and catalogueMatches: every word of folded text as a prefix.
    // Empty when text has no word.
    virtual QString prefixMatch(const QString &foldedText) const = 0;
    // A subquery of catalogue_texts rows matching the ? made by prefixMatch: (rowid, relevance),
    // a lower relevance ranking first.
    virtual QString catalogueMatches() const = 0;

    // After rows with explicit ids were written into table (a store copy): the statement that
    // makes its identity column go on after the largest; empty when the engine does so itself.
    virtual QString continueIdentityAfterCopy(const QString &table) const = 0;

    // An ISO 8601 time (the text sqlvalue.h writes) column plus ? whole days, written alike.
    virtual QString timeAfterDays(const QString &column) const = 0;

    // The classified error of the driver for the store named storeName.
    virtual StoreError error(const QSqlError &error, const QString &storeName) const = 0;
};

} // namespace C360
