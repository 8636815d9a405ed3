// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "store/walcheckpointer.h"

#include "common/logging.h"

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace C360
{

namespace
{
class Checkpointer
{
public:
    static Checkpointer &instance()
    {
        static Checkpointer checkpointer;
        return checkpointer;
    }

    // Where the hook's context points: the store's path, kept for the process's lifetime.
    const std::string *pathFor(const QString &path)
    {
        std::lock_guard lock(m_mutex);
        return &*m_paths.insert(path.toStdString()).first;
    }

    void request(const std::string *path)
    {
        {
            std::lock_guard lock(m_mutex);
            for (const std::string *queued : m_queue) {
                if (queued == path) {
                    return; // one is coming already
                }
            }
            m_queue.push_back(path);
            ++m_requested;
            if (!m_thread.joinable()) {
                m_thread = std::thread([this] {
                    run();
                });
            }
        }
        m_wake.notify_one();
    }

    void drain()
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] {
            return m_done == m_requested;
        });
    }

    std::uint64_t completed()
    {
        std::lock_guard lock(m_mutex);
        return m_done;
    }

    ~Checkpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

private:
    void run()
    {
        struct Connection
        {
            sqlite3 *db = nullptr;
            bool opened = false; // it has read once
        };
        std::map<const std::string *, Connection> connections;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] {
                return m_stopping || !m_queue.empty();
            });
            if (m_queue.empty()) {
                break; // stopping, nothing left
            }
            const std::string *path = m_queue.front();
            m_queue.pop_front();
            lock.unlock();
            Connection &connection = connections[path];
            sqlite3 *&db = connection.db;
            if (!db && sqlite3_open_v2(path->c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
                qCWarning(C360_STORE) << "cannot open the store for a checkpoint:" << sqlite3_errmsg(db);
                sqlite3_close(db);
                db = nullptr;
            }
            if (db && !connection.opened) {
                // The WAL is opened by the connection's first read, not by sqlite3_open.
                sqlite3_busy_timeout(db, 1000);
                connection.opened = sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr) == SQLITE_OK;
            }
            if (db) {
                const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
                if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
                    qCWarning(C360_STORE) << "checkpoint failed:" << sqlite3_errmsg(db);
                }
            }
            lock.lock();
            ++m_done;
            m_idle.notify_all();
        }
        lock.unlock();
        for (auto &[path, connection] : connections) {
            sqlite3_close(connection.db);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::set<std::string> m_paths;
    std::deque<const std::string *> m_queue;
    std::uint64_t m_requested = 0;
    std::uint64_t m_done = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

int onCommit(void *context, sqlite3 *, const char *, int pages)
{
    if (pages >= WalCheckpointer::Threshold) {
        Checkpointer::instance().request(static_cast<const std::string *>(context));
    }
    return SQLITE_OK;
}
} // namespace

void WalCheckpointer::attach(sqlite3 *handle, const QString &path)
{
    // Replaces SQLite's automatic checkpoint (itself a WAL hook) for this connection.
    sqlite3_wal_hook(handle, onCommit, const_cast<std::string *>(Checkpointer::instance().pathFor(path)));
}

void WalCheckpointer::drain()
{
    Checkpointer::instance().drain();
}

std::uint64_t WalCheckpointer::completed()
{
    return Checkpointer::instance().completed();
}

} // namespace C360
