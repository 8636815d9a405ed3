// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "population/rng.h"

namespace C360::Ref
{

namespace
{
constexpr int Rounds = 4;
}

Permutation::Permutation(quint64 key, quint64 size)
    : m_key(key)
    , m_size(size)
{
    while ((quint64(1) << (2 * m_halfBits)) < size) {
        ++m_halfBits;
    }
    m_mask = (quint64(1) << m_halfBits) - 1;
}

quint64 Permutation::forward(quint64 x) const
{
    quint64 left = x >> m_halfBits;
    quint64 right = x & m_mask;
    for (int r = 0; r < Rounds; ++r) {
        const quint64 next = left ^ round(right, r);
        left = right;
        right = next;
    }
    return (left << m_halfBits) | right;
}

quint64 Permutation::backward(quint64 y) const
{
    quint64 left = y >> m_halfBits;
    quint64 right = y & m_mask;
    for (int r = Rounds - 1; r >= 0; --r) {
        const quint64 previous = right ^ round(left, r);
        right = left;
        left = previous;
    }
    return (left << m_halfBits) | right;
}

quint64 Permutation::map(quint64 x) const
{
    // The domain is at most four times the range, so the walk is short.
    quint64 y = forward(x);
    while (y >= m_size) {
        y = forward(y);
    }
    return y;
}

quint64 Permutation::unmap(quint64 y) const
{
    quint64 x = backward(y);
    while (x >= m_size) {
        x = backward(x);
    }
    return x;
}

} // namespace C360::Ref
