// RowSubset: an ascending set of row numbers, a bit per row: which rows of a log a view shows.
#include "models/rowsubset.h"

#include "store/bitcount.h"

#include <QtAlgorithms>

#include <algorithm>

namespace wsi {

void RowSubset::clear()
{
    std::deque<Group>().swap(m_groups); // gives the memory back
    m_count = 0;
}

void RowSubset::append(qsizetype row)
{
    Q_ASSERT(m_count == 0 || row > at(m_count - 1));
    const size_t group = size_t(row) >> kGroupBits;
    while (m_groups.size() <= group)
        m_groups.push_back({ quint64(m_count), 0 });
    m_groups[group].bits |= quint64(1) << (unsigned(row) & 63u);
    ++m_count;
}

qsizetype RowSubset::at(qsizetype k) const
{
    if (k < 0 || k >= m_count)
        return -1;
    // The last group whose shown rows start at or before k holds it (empty groups share their start with the
    // next one, so take the last).
    const auto it = std::upper_bound(m_groups.begin(), m_groups.end(), quint64(k), [](quint64 value, const Group &g) {
        return value < g.shownBefore;
    }) - 1;
    quint64 bits = it->bits;
    for (quint64 skip = quint64(k) - it->shownBefore; skip > 0; --skip)
        bits &= bits - 1; // drop the lowest shown row
    const qsizetype group = qsizetype(it - m_groups.begin());
    return (group << kGroupBits) + qsizetype(qCountTrailingZeroBits(bits));
}

qsizetype RowSubset::countBelow(qsizetype row) const
{
    if (row <= 0)
        return 0;
    const size_t group = size_t(row) >> kGroupBits;
    if (group >= m_groups.size())
        return m_count;
    const Group &g = m_groups[group];
    const quint64 below = (quint64(1) << (unsigned(row) & 63u)) - 1;
    return qsizetype(g.shownBefore) + qsizetype(bitCount(g.bits & below));
}

qsizetype RowSubset::indexOf(qsizetype row) const
{
    if (row < 0)
        return -1;
    const size_t group = size_t(row) >> kGroupBits;
    if (group >= m_groups.size() || ((m_groups[group].bits >> (unsigned(row) & 63u)) & 1u) == 0)
        return -1;
    return countBelow(row);
}

} // namespace wsi
