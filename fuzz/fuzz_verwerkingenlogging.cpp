// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
// The answers of a Verwerkingenlogging server to a pushed verwerkingsactie: the body, and the
// Location header (the input's first line), from which the remote id is read.

#include "fuzzing.h"
#include "sync/verwerkingenlogging/verwerkingenloggingtarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace C360;
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    const QByteArray location = newline < 0 ? QByteArray() : input.left(newline);
    const QByteArray body = newline < 0 ? input : input.mid(newline + 1);
    Fuzz::consume(VerwerkingenloggingTarget::remoteId(body, location));
    return 0;
}
