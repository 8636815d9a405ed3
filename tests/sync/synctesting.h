// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What every connector's sync test needs: one engine run waited for, and its totals.

#include "sync/syncengine.h"

#include <QSignalSpy>

namespace C360::Test
{

// Runs the engine once; the summary, or an empty one (with a warning) when it did not finish.
inline SyncSummary runOnce(SyncEngine &engine, int timeoutMs = 120000)
{
    QSignalSpy finished(&engine, &SyncEngine::finished);
    engine.runOnce();
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        qWarning("the sync did not finish");
        return {};
    }
    return finished.first().first().value<SyncSummary>();
}

// The run's changes over every resource.
inline ResourceStats statsOf(const SyncSummary &summary)
{
    ResourceStats total;
    for (const SyncSummary::Resource &r : summary.resources) {
        total += r.stats;
    }
    return total;
}

} // namespace C360::Test
