// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QtGlobal>

#include <cmath>

namespace C360::Ref
{

// SplitMix64: a fast, well-mixed 64-bit generator; every record draws from its own stream keyed by
// (seed, stream, index), so that any record can be generated alone, in any order, identically.
inline quint64 mix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

inline quint64 hashKey(quint64 seed, quint64 stream, quint64 index)
{
    return mix64(mix64(seed ^ mix64(stream)) ^ mix64(index + 0x632BE59BD9B4E019ULL));
}

class Rng
{
public:
    Rng(quint64 seed, quint64 stream, quint64 index)
        : m_state(hashKey(seed, stream, index))
    {
    }

    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    quint32 bounded(quint32 n) { return n == 0 ? 0 : quint32((next() >> 32) * n >> 32); }
    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return uniform() < p; }
    // Standard normal (Box–Muller).
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-300);
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    quint64 m_state;
};

// A keyed pseudo-random permutation of [0, size): a balanced Feistel network over the next power
// of four, cycle-walking back into range. Lets records be numbered in time order while their
// owners are spread at random, without a table.
class Permutation
{
public:
    Permutation(quint64 key, quint64 size);
    quint64 map(quint64 x) const;
    quint64 unmap(quint64 y) const;
    quint64 size() const { return m_size; }

private:
    quint64 round(quint64 half, int r) const { return hashKey(m_key, quint64(r), half) & m_mask; }
    quint64 forward(quint64 x) const;
    quint64 backward(quint64 y) const;
    quint64 m_key;
    quint64 m_size;
    int m_halfBits = 1;
    quint64 m_mask = 1;
};

} // namespace C360::Ref
