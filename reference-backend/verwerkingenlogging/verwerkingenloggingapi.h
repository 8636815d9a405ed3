// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QString>

namespace C360::Ref
{
class RefServer;

// VNG Verwerkingenlogging (0.9.0), where the client exports its audit log:
//   POST /verwerkingenlogging/api/v1/verwerkingsacties           Bewerking API: store one action
//   GET  /verwerkingenlogging/api/v1/verwerkingsacties           Bewerking API: by object, period…
//   GET  /verwerkingenlogging/api/v1/verwerkingsacties/{actieId}
//   GET  /verwerkingenlogging/api/v1/verwerkte-objecten          Inzage API: by object and period
//   GET  /verwerkingenlogging/api/v1/verwerkte-objecten/{verwerktObjectId}
// Every call needs "Authorization: Bearer <token>" (none: 401, another token: 403). A POST with an
// Idempotency-Key already seen with the same body answers the stored action again instead of
// storing it twice. The log keeps at most capacity actions in memory, dropping the oldest.
void installVerwerkingenloggingApi(RefServer &server, const QString &token, qsizetype capacity = 1000000);

} // namespace C360::Ref
