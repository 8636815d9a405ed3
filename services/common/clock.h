// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDateTime>

#include <atomic>

namespace C360
{

// The time as services see it; injected so that retention, deadlines and audit times can be tested.
class Clock
{
public:
    virtual ~Clock() = default;
    // Current time in UTC.
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    // A process-wide instance for the composition root.
    static SystemClock &instance();
};

// The system clock moved by a fixed offset: for a benchmark that measures a store as on the day it
// was made, whatever the day it runs.
class ShiftedClock final : public Clock
{
public:
    explicit ShiftedClock(qint64 offsetMs)
        : m_offsetMs(offsetMs)
    {
    }
    QDateTime now() const override { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs); }
    qint64 offsetMs() const { return m_offsetMs; }

private:
    qint64 m_offsetMs;
};

// A clock that stands still until told otherwise: for tests and for "as of" runs of the admin tool.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start)
        : m_msecs(start.toMSecsSinceEpoch())
    {
    }
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC); }
    void set(const QDateTime &time) { m_msecs = time.toMSecsSinceEpoch(); }
    void advance(qint64 msecs) { m_msecs += msecs; }
    void advanceDays(int days) { m_msecs += qint64(days) * 24 * 3600 * 1000; }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace C360
