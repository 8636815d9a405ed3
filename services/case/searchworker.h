// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include "casefile.h"
#include "searchhit.h"

#include <QAtomicInteger>
#include <QObject>
#include <QThread>

namespace C360
{
class Clock;

// SearchService on a thread of its own with its own connection to the store, so that typing
// never waits for the store. search() may be called at every keystroke: a search that a newer one
// overtook before it started is skipped (and so not audited), and the answer to one that finishes
// late is marked with its generation for the model to ignore.
class SearchWorker : public QObject
{
    Q_OBJECT
public:
    SearchWorker(const QString &databasePath, const QByteArray &auditKey, Clock &clock, QObject *parent = nullptr);
    ~SearchWorker() override;

    // Searches text for staff; found() or failed() follows with generation (unless overtaken).
    void search(quint64 generation, const StaffMember &staff, const QString &text);

Q_SIGNALS:
    void found(quint64 generation, const C360::SearchResult &result);
    void failed(quint64 generation, const QString &message);

private:
    class Runner;
    QThread m_thread;
    Runner *m_runner;
    QAtomicInteger<quint64> m_latest = 0;
};

} // namespace C360

Q_DECLARE_METATYPE(C360::SearchResult)
