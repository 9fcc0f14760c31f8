// RowMap: which stored record each row of a connection's log shows.
#pragma once

#include "store/bitcount.h"

#include <QtGlobal>
#include <vector>

namespace wsi {

// Which stored record each row of a connection's log shows. Usually one record per row; but a single-frame
// message's Frame row and Message row can share one record, the Message row being its "second half".
// Costs a quarter of a byte per row: for each group of 64 rows, the number of records that start before
// the group and one bit per row that is a second half. Finding a row's record is one popcount.
class RowMap
{
public:
    struct Slot
    {
        qsizetype record;
        bool secondHalf;
    };

    qsizetype size() const { return m_rows; }
    Slot at(qsizetype row) const
    {
        const Group &g = m_groups[size_t(row) >> kGroupBits];
        const unsigned offset = unsigned(row) & (kGroupRows - 1);
        const quint64 upTo = offset == kGroupRows - 1 ? ~quint64(0) : (quint64(2) << offset) - 1;
        const qsizetype firstHalves = qsizetype(offset) + 1 - qsizetype(bitCount(g.secondHalves & upTo));
        return { qsizetype(g.recordsBefore) + firstHalves - 1, ((g.secondHalves >> offset) & 1) != 0 };
    }

    // A row for the record just stored (records are numbered 0, 1, 2, ... in the order their rows are added).
    void addRecordRow()
    {
        addGroupIfNeeded();
        ++m_records;
        ++m_rows;
    }
    // A second row for the last stored record.
    void addSecondHalfRow()
    {
        Q_ASSERT(m_records > 0);
        addGroupIfNeeded();
        m_groups.back().secondHalves |= quint64(1) << (unsigned(m_rows) & (kGroupRows - 1));
        ++m_rows;
    }
    qsizetype bytesReserved() const { return qsizetype(m_groups.capacity() * sizeof(Group)); }

private:
    static constexpr int kGroupBits = 6;
    static constexpr unsigned kGroupRows = 1u << kGroupBits;
    struct Group
    {
        quint64 recordsBefore; // records whose first row lies before this group
        quint64 secondHalves; // bit i: row i of the group is the second half of a record
    };

    void addGroupIfNeeded()
    {
        if ((unsigned(m_rows) & (kGroupRows - 1)) == 0)
            m_groups.push_back({ quint64(m_records), 0 });
    }

    std::vector<Group> m_groups;
    qsizetype m_rows = 0;
    qsizetype m_records = 0;
};

} // namespace wsi
