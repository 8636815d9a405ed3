// SPDX-FileCopyrightText: 2026 Citizen 360 contributors
// SPDX-License-Identifier: EUPL-1.2
#pragma once

#include <QDateTime>
#include <QList>

#include <vector>

namespace C360::Ref
{
class DataSet;
struct ReportHead;

// Finds, page by page, the reports of an index range whose category and status a filter admits,
// without testing every report before the page for every page: per block of reports it keeps how
// many there are of each (category, status), counted the first time a page walks past the block
// and counted again when the data set changes a report in it.
class Open311ReportIndex
{
public:
    explicit Open311ReportIndex(const DataSet &data, quint64 blockSize = 4096);

    // A report's key: its category and status, as a bit number in a filter mask.
    static int keyOf(const ReportHead &head);
    // The mask admitting every report.
    quint64 allKeys() const;

    // The matches number [skip, skip + limit) among the reports [from, to) whose key is in mask,
    // ascending. Once the blocks are counted, costs a look at the counts of each block before the
    // page and report-by-report tests only in the blocks that hold reports of the page.
    QList<quint64> select(quint64 from, quint64 to, quint64 mask, quint64 skip, quint64 limit);

    // How many blocks were counted so far (for tests: counting is lazy and incremental).
    quint64 blocksCounted() const { return m_counted; }

private:
    void followChanges();
    // The counts of a block that lies wholly below reportCount(), counting it if need be.
    quint64 matchesInBlock(quint64 block, quint64 mask);

    const DataSet &m_data;
    quint64 m_blockSize;
    int m_keys;
    std::vector<quint32> m_counts; // m_keys per block
    std::vector<bool> m_valid;
    QDateTime m_seenMutation;
    quint64 m_counted = 0;
};

} // namespace C360::Ref
