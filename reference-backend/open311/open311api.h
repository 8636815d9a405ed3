// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

namespace C360::Ref
{
class DataSet;
class RefServer;

// Serves the data set's reports as an Open311 GeoReport v2 endpoint under /open311/v2/: services,
// service definitions, service requests (with the page/page_size, updated_after and extensions of
// the Chicago endpoint) and POST of new requests with apiKey, in JSON and in XML.
void installOpen311Api(RefServer &server, DataSet &data, const QString &apiKey);

} // namespace C360::Ref
