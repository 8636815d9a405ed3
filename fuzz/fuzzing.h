// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

// What every libFuzzer target of Citizen 360 shares: the input as the bytes a server or a file
// would give, and a guard that the answer is used (so that nothing is optimised away).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace C360::Fuzz
{

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    // A deep copy: Qt's parsers may keep views into what they parse.
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Keeps a value alive to the optimiser.
template<typename T>
inline void consume(const T &value)
{
    asm volatile("" : : "g"(&value) : "memory");
}

} // namespace C360::Fuzz
