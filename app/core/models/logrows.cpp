// LogRows: the rows an EventLogModel shows, as store rows (with LegRows' client bit on a proxied connection).
#include "models/logrows.h"

#include <algorithm>

namespace wsi {

void LogRows::clear(bool twoLegs)
{
    m_subset.clear();
    std::vector<quint32>().swap(m_merged);
    m_twoLegs = twoLegs;
}

void LogRows::append(quint32 row)
{
    if (m_twoLegs)
        m_merged.push_back(row);
    else
        m_subset.append(qsizetype(row));
}

int LogRows::at(qsizetype viewRow) const
{
    if (viewRow < 0 || viewRow >= size())
        return -1;
    return m_twoLegs ? int(m_merged[size_t(viewRow)]) : int(m_subset.at(viewRow));
}

int LogRows::indexOf(quint32 row) const
{
    if (!m_twoLegs)
        return int(m_subset.indexOf(qsizetype(row)));
    // Two legs merged by time: the rows are not sorted by index.
    const auto it = std::find(m_merged.begin(), m_merged.end(), row);
    return it == m_merged.end() ? -1 : int(it - m_merged.begin());
}

} // namespace wsi
