// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

#include <cstdint>

struct sqlite3;

namespace C360
{

// Moves SQLite's WAL checkpoints off a connection that answers a person (the UI's, the search
// worker's). SQLite checkpoints in the committing connection once the WAL holds 1,000 pages: it
// copies them into the database file and flushes it, tens of milliseconds that land on whichever
// keystroke or case open commits then. Attached, that connection only reports the WAL's size
// after each commit; from Threshold pages on, a thread of its own (one for the process, with its
// own read-only connection per store) runs a passive checkpoint, which never blocks a reader or
// a writer.
class WalCheckpointer
{
public:
    static constexpr int Threshold = 1000; // pages, SQLite's own default

    // Installs the hook on handle, a connection to the store at path.
    static void attach(sqlite3 *handle, const QString &path);
    // Blocks until every checkpoint asked for so far has run (for tests and orderly exits).
    static void drain();
    // Checkpoints run so far in this process.
    static std::uint64_t completed();
};

} // namespace C360
