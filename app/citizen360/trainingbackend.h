// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDate>
#include <QThread>
#include <QUrl>

namespace C360::Ref
{
class ReferenceBackend;
}

namespace C360
{

// Training mode's municipal back end: the reference back end in this process, on a thread of its
// own (so that serving it never stalls the window) and on a free loopback port.
class TrainingBackend
{
public:
    TrainingBackend();
    ~TrainingBackend();
    TrainingBackend(const TrainingBackend &) = delete;
    TrainingBackend &operator=(const TrainingBackend &) = delete;

    // Starts it with a small data set whose history ends on referenceDate (today, for a practice
    // municipality that looks current on any day); the base URL, or an empty URL with error set.
    QUrl start(quint32 citizens, quint64 seed, const QDate &referenceDate, const QString &token, QString *error);

private:
    QThread m_thread;
    Ref::ReferenceBackend *m_backend = nullptr;
};

} // namespace C360
