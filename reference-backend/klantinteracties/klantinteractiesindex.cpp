// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "klantinteracties/klantinteractiesindex.h"

#include <algorithm>

namespace C360::Ref
{

void WeightedIndex::append(quint8 weight)
{
    if (m_weights.size() % Block == 0) {
        m_blockStart.push_back(m_total);
    }
    m_weights.push_back(weight);
    m_total += weight;
}

quint64 WeightedIndex::rank(quint64 position) const
{
    if (position >= m_weights.size()) {
        return m_total;
    }
    quint64 r = m_blockStart[position / Block];
    for (quint64 p = position - position % Block; p < position; ++p) {
        r += m_weights[p];
    }
    return r;
}

std::pair<quint64, quint8> WeightedIndex::select(quint64 rank) const
{
    // The last block starting at or before rank, then a walk of at most a block.
    const auto block = std::upper_bound(m_blockStart.cbegin(), m_blockStart.cend(), rank) - m_blockStart.cbegin() - 1;
    quint64 position = quint64(block) * Block;
    quint64 before = m_blockStart[std::size_t(block)];
    while (before + m_weights[position] <= rank) {
        before += m_weights[position];
        ++position;
    }
    return {position, quint8(rank - before)};
}

std::pair<quint64, quint8> WeightedIndex::selectSkipping(quint64 rank, const std::vector<quint64> &excluded) const
{
    // As DataSet::liveCitizen does: every excluded position whose records start at or before the
    // candidate pushes it past them.
    quint64 candidate = rank;
    for (const quint64 position : excluded) {
        if (position >= m_weights.size() || m_weights[position] == 0) {
            continue;
        }
        if (this->rank(position) <= candidate) {
            candidate += m_weights[position];
        } else {
            break;
        }
    }
    return select(candidate);
}

quint64 WeightedIndex::excludedTotal(const std::vector<quint64> &excluded) const
{
    quint64 sum = 0;
    for (const quint64 position : excluded) {
        sum += position < m_weights.size() ? m_weights[position] : 0;
    }
    return sum;
}

} // namespace C360::Ref
