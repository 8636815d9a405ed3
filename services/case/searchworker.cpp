// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "case/searchworker.h"

#include "audit/auditservice.h"
#include "case/searchservice.h"
#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"

namespace C360
{

// Lives on the worker thread; opens its connection there, at the first search.
class SearchWorker::Runner : public QObject
{
public:
    Runner(const QString &path, const QByteArray &key, Clock &clock, const QAtomicInteger<quint64> &latest)
        : m_path(path)
        , m_key(key)
        , m_clock(clock)
        , m_latest(latest)
    {
    }

    void run(SearchWorker *worker, quint64 generation, const StaffMember &staff, const QString &text)
    {
        if (generation < m_latest.loadRelaxed()) {
            return; // overtaken while it waited: never run, never audited
        }
        if (!m_db) {
            auto db = Database::open(m_path, Database::OpenMode::ReadWrite, m_clock);
            if (!db) {
                Q_EMIT worker->failed(generation, db.error().message());
                return;
            }
            m_db = std::move(*db);
            m_db->checkpointInBackground(); // no checkpoint lands on a keystroke
            m_audit = std::make_unique<AuditService>(*m_db, m_key);
            m_search = std::make_unique<SearchService>(*m_audit);
        }
        auto hits = m_search->search(staff, text);
        if (!hits) {
            qCWarning(C360_STORE) << "a search failed:" << int(hits.error().kind);
            Q_EMIT worker->failed(generation, hits.error().message);
            return;
        }
        Q_EMIT worker->found(generation, *hits);
    }

private:
    QString m_path;
    QByteArray m_key;
    Clock &m_clock;
    const QAtomicInteger<quint64> &m_latest;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<SearchService> m_search;
};

SearchWorker::SearchWorker(const QString &databasePath, const QByteArray &auditKey, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_runner(new Runner(databasePath, auditKey, clock, m_latest))
{
    qRegisterMetaType<C360::SearchResult>();
    m_thread.setObjectName(QStringLiteral("c360-search"));
    m_runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    m_thread.start();
}

SearchWorker::~SearchWorker()
{
    m_thread.quit();
    m_thread.wait();
}

void SearchWorker::search(quint64 generation, const StaffMember &staff, const QString &text)
{
    m_latest.storeRelaxed(generation);
    QMetaObject::invokeMethod(m_runner, [this, generation, staff, text] {
        m_runner->run(this, generation, staff, text);
    });
}

} // namespace C360
