// RowSubset: an ascending set of row numbers, a bit per row: which rows of a log a view shows.
#pragma once

#include <QtGlobal>

#include <deque>

namespace wsi {

// The rows a log view shows out of its source's rows (the log model's rows out of the store's, the filter's
// out of the log model's), always ascending. A vector of row numbers cost 4 bytes per shown row in each of
// the two models, 80 MB after a 10 M message flood, and copied itself at every doubling; this costs a quarter
// of a byte per source row: for each group of 64 rows, the shown rows before the group and a bit per row.
// at() (the k-th shown row) is a binary search over the groups and a bit scan; indexOf() one popcount.
// The groups are a deque, not a vector: a vector copied itself at each doubling, all in one append (3.3, 6.6 and
// 12.5 ms of one turn at 4, 8 and 16 M source rows; both the log model and its filter doubled in the same turn, and
// that turn made the window answer the window manager late, issue 12). A deque grows by 512-byte blocks.
class RowSubset
{
public:
    qsizetype size() const { return m_count; } // rows shown
    void clear();
    // Shows `row`, which must be above every row shown so far.
    void append(qsizetype row);
    // The k-th shown row (0 <= k < size()).
    qsizetype at(qsizetype k) const;
    // The position of `row` among the shown rows, or -1 when it is not shown.
    qsizetype indexOf(qsizetype row) const;
    // How many shown rows lie below `row`.
    qsizetype countBelow(qsizetype row) const;
    // The groups' blocks, whole (32 groups to a block), and the deque's map: a pointer per block.
    qsizetype bytesReserved() const
    {
        const qsizetype blocks = (qsizetype(m_groups.size()) + kGroupsPerBlock - 1) / kGroupsPerBlock;
        return blocks * (kGroupsPerBlock * qsizetype(sizeof(Group)) + qsizetype(sizeof(void *)));
    }

private:
    static constexpr int kGroupBits = 6;
    struct Group
    {
        quint64 shownBefore; // shown rows in the groups before this one
        quint64 bits; // bit i: row (group * 64 + i) is shown
    };
    static constexpr qsizetype kGroupsPerBlock = 512 / qsizetype(sizeof(Group)); // libstdc++'s deque blocks
    std::deque<Group> m_groups;
    qsizetype m_count = 0;
};

} // namespace wsi
