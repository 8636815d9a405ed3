// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// Bearer tokens as a ZGW client sends them to the reference back end, checked as Open Zaak checks
// them; and what the connectors make of any client id reads back.

#include "fuzzing.h"
#include "zgwtoken.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const QByteArray input = Fuzz::bytes(data, size);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1772355600, Qt::UTC);
    const auto secretOf = [](const QString &clientId) -> std::optional<QByteArray> {
        return clientId.isEmpty() ? std::nullopt : std::optional<QByteArray>(clientId.toUtf8() + "-secret");
    };
    const ZgwToken::Check check = ZgwToken::verify(input, secretOf, now, 3600, 5);
    if (check.problem == ZgwToken::Problem::None && check.claims.value(QLatin1String("client_id")).toString() != check.clientId) {
        __builtin_trap(); // what is accepted names the client it was checked for
    }
    const QString clientId = QString::fromUtf8(input.left(64));
    if (!clientId.isEmpty()) {
        const QByteArray made = ZgwToken::make(clientId, clientId.toUtf8() + "-secret", now, clientId, clientId);
        if (ZgwToken::verify(made, secretOf, now, 3600, 5).problem != ZgwToken::Problem::None) {
            __builtin_trap(); // a token made is a token accepted
        }
    }
    Fuzz::consume(check.clientId);
    return 0;
}
