// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

namespace C360::Ref
{
class DataSet;
class RefServer;

// Serves the ZGW Zaken API 1.5 under /zaken/api/v1/ (zaken, statussen, rollen) and the Catalogi
// API 1.3 under /catalogi/api/v1/ (zaaktypen, statustypen) as Open Zaak does, from the data set's
// cases: read-only, 100 records a page, every request authenticated with a JWT (HS256) whose
// client_id is clientId, signed with secret and issued within the last hour (five minutes of
// clock skew allowed either way); anything else is 403 with a Fout body that says what is wrong.
// The zaken list and details want "Accept-Crs: EPSG:4326" (412 without it), as Open Zaak does.
void installZgwApi(RefServer &server, DataSet &data, const QString &clientId, const QString &secret);

} // namespace C360::Ref
