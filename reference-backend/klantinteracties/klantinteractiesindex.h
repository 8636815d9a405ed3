// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

namespace C360::Ref
{

// Rank and select over positions that each hold a few records (digital addresses per citizen,
// subject objects per contact): where the n-th record of a sparse collection lies, in time
// logarithmic in the positions, so that a page never has to generate the records before it.
class WeightedIndex
{
public:
    void append(quint8 weight);
    quint64 size() const { return m_weights.size(); }
    quint64 total() const { return m_total; }
    quint8 weight(quint64 position) const { return m_weights[position]; }
    // Records at positions before position.
    quint64 rank(quint64 position) const;
    // The position of the rank-th record (from 0), and the record's number at that position.
    std::pair<quint64, quint8> select(quint64 rank) const;
    // The same, counting only records at positions that are not excluded (ascending, unique).
    std::pair<quint64, quint8> selectSkipping(quint64 rank, const std::vector<quint64> &excluded) const;
    // Records at excluded positions.
    quint64 excludedTotal(const std::vector<quint64> &excluded) const;

private:
    static constexpr quint64 Block = 64;
    std::vector<quint8> m_weights;
    std::vector<quint64> m_blockStart; // records before each block of positions
    quint64 m_total = 0;
};

} // namespace C360::Ref
