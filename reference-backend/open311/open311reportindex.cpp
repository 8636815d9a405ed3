// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#include "open311/open311reportindex.h"

#include "population/dataset.h"

#include <bit>

namespace C360::Ref
{

Open311ReportIndex::Open311ReportIndex(const DataSet &data, quint64 blockSize)
    : m_data(data)
    , m_blockSize(std::max<quint64>(blockSize, 1))
    , m_keys(int(data.services().size()) * 2)
{
    Q_ASSERT(m_keys <= 64);
}

int Open311ReportIndex::keyOf(const ReportHead &head)
{
    return head.service * 2 + (head.closed ? 1 : 0);
}

quint64 Open311ReportIndex::allKeys() const
{
    return m_keys >= 64 ? ~quint64(0) : (quint64(1) << m_keys) - 1;
}

void Open311ReportIndex::followChanges()
{
    // Run-time changes (a status change, a new report) each move the mutation clock. New reports
    // only ever complete the last block, which is never counted while incomplete; a status change
    // alters its block, so those blocks are counted again. The changed reports are few.
    const QDateTime mutation = m_data.lastMutationTime();
    if (mutation == m_seenMutation) {
        return;
    }
    m_seenMutation = mutation;
    for (const quint64 changed : m_data.changedReports()) {
        const quint64 block = changed / m_blockSize;
        if (block < m_valid.size()) {
            m_valid[block] = false;
        }
    }
}

quint64 Open311ReportIndex::matchesInBlock(quint64 block, quint64 mask)
{
    if (block >= m_valid.size()) {
        m_valid.resize(block + 1, false);
        m_counts.resize((block + 1) * quint64(m_keys), 0);
    }
    quint32 *counts = m_counts.data() + block * quint64(m_keys);
    if (!m_valid[block]) {
        std::fill(counts, counts + m_keys, 0);
        for (quint64 i = block * m_blockSize; i < (block + 1) * m_blockSize; ++i) {
            ++counts[keyOf(m_data.reportHead(i))];
        }
        m_valid[block] = true;
        ++m_counted;
    }
    quint64 matches = 0;
    for (quint64 bits = mask & allKeys(); bits != 0; bits &= bits - 1) {
        matches += counts[std::countr_zero(bits)];
    }
    return matches;
}

QList<quint64> Open311ReportIndex::select(quint64 from, quint64 to, quint64 mask, quint64 skip, quint64 limit)
{
    followChanges();
    QList<quint64> found;
    to = std::min(to, m_data.reportCount());
    const quint64 complete = m_data.reportCount() / m_blockSize; // blocks wholly present
    quint64 i = from;
    while (i < to && quint64(found.size()) < limit) {
        const quint64 block = i / m_blockSize;
        const bool wholeBlock = i % m_blockSize == 0 && i + m_blockSize <= to && block < complete;
        if (wholeBlock) {
            // Skip a block when all its matches lie before the page, or when it has none.
            const quint64 matches = matchesInBlock(block, mask);
            if (matches <= skip) {
                skip -= matches;
                i += m_blockSize;
                continue;
            }
        }
        // Within the block that holds the page's start (or at a ragged end): report by report.
        const quint64 end = std::min(to, (block + 1) * m_blockSize);
        for (; i < end && quint64(found.size()) < limit; ++i) {
            if ((mask >> keyOf(m_data.reportHead(i))) & 1) {
                if (skip > 0) {
                    --skip;
                } else {
                    found.append(i);
                }
            }
        }
    }
    return found;
}

} // namespace C360::Ref
