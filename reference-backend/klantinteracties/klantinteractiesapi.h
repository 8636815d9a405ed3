// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <functional>

#include <QString>

namespace C360::Ref
{
class DataSet;
class RefServer;

// Serves the Klantinteracties API as Open Klant 2.x does, under /klantinteracties/api/v1/: the
// data set's residents as partijen with their identifiers and digital addresses, their contacts
// (klantcontacten, betrokkenen, onderwerpobjecten), internal tasks and actors; POSTs kept in
// memory. Every request needs "Authorization: Token <token>".
// Returns the number of klantcontacten created through the API so far (for /admin/stats).
std::function<qint64()> installKlantinteractiesApi(RefServer &server, DataSet &data, const QString &token);

} // namespace C360::Ref
