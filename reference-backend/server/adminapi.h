// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace C360::Ref
{
class DataSet;
class RefServer;

// The back end's own API, for tests and trainers: /admin/stats (what a complete sync must end up
// with), /admin/mutate (changes for incremental sync), /admin/faults (misbehaviour at run time).
struct CatalogueHooks
{
    std::function<qint64()> count;
    // Publishes new versions of n products; returns their ids.
    std::function<QStringList(int)> change;
};

// Records made through the dialects' APIs that the data set does not hold itself.
struct CreatedHooks
{
    std::function<qint64()> contacts; // klantcontacten made with POST
};

void installAdminApi(RefServer &server, DataSet &data, const CatalogueHooks &catalogue, const CreatedHooks &created = {});

} // namespace C360::Ref
