// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The search worker: searches on a thread of its own with its own connection, answers with the
// generation it was given, and says clearly when the store cannot be opened.

#include "case/searchworker.h"
#include "citizenbuilder.h"
#include "store/citizenrepository.h"
#include "storetesting.h"
#include "tempstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace C360;
using namespace Qt::StringLiterals;

class TestSearchWorker : public QObject
{
    Q_OBJECT

    const StaffMember m_clerk{u"an.balie"_s, Role::CounterClerk, u"balie-3"_s};

private Q_SLOTS:
    void answersOnItsOwnThread()
    {
        Test::TempStore store;
        Database &db = store.open();
        QVERIFY(CitizenRepository(db).insert(Test::CitizenBuilder().withName(u"Lotte"_s, u"Claes"_s).build()));
        store.close(); // the worker opens its own connection
        SearchWorker worker(store.path(), QByteArray(32, 'k'), store.clock());
        QSignalSpy found(&worker, &SearchWorker::found);
        worker.search(7, m_clerk, u"claes"_s);
        // The spy counts on the worker's thread: the answer may be in before the wait starts.
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 1, 10000);
        QCOMPARE(found.first().at(0).value<quint64>(), 7u);
        const auto hits = found.first().at(1).value<SearchResult>().hits;
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().familyName, u"Claes"_s);
        // The searches that ran are in the audit log, written by the worker's connection.
        worker.search(8, m_clerk, u"lotte"_s);
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 2, 10000);
        QCOMPARE(found.last().at(0).value<quint64>(), 8u);
        QCOMPARE(Test::scalar(store.open(), u"SELECT COUNT(*) FROM audit_log WHERE action = 'search'"_s), 2);
    }

    void aMissingStoreIsAClearError()
    {
        Test::TempStore store;
        SearchWorker worker(store.dir() + u"/nothing-here.sqlite"_s, QByteArray(32, 'k'), store.clock());
        QSignalSpy failed(&worker, &SearchWorker::failed);
        worker.search(1, m_clerk, u"claes"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(failed.first().at(0).value<quint64>(), 1u);
        QVERIFY(failed.first().at(1).toString().contains(u"nothing-here.sqlite"_s));
    }
};

QTEST_GUILESS_MAIN(TestSearchWorker)
#include "tst_searchworker.moc"
