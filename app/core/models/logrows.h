// LogRows: the rows an EventLogModel shows, as store rows (with LegRows' client bit on a proxied connection).
#pragma once

#include "models/rowsubset.h"

#include <QtGlobal>
#include <vector>

namespace wsi {

// The rows the event log shows, in order. A connection with one leg shows an ascending subset of its store's
// rows: a RowSubset, a quarter byte per store row. A proxied connection's two legs are merged by time, so its
// rows are kept as they come (4 bytes each, LegRows::kClientLegBit marking the client leg's).
class LogRows
{
public:
    void clear(bool twoLegs);
    qsizetype size() const { return m_twoLegs ? qsizetype(m_merged.size()) : m_subset.size(); }
    bool empty() const { return size() == 0; }
    void append(quint32 row);
    // The view row's store row (-1 when out of range), and the view row of a store row (-1 when not shown).
    int at(qsizetype viewRow) const;
    int indexOf(quint32 row) const;
    qsizetype bytesReserved() const
    {
        return m_subset.bytesReserved() + qsizetype(m_merged.capacity() * sizeof(quint32));
    }

private:
    RowSubset m_subset; // one leg
    std::vector<quint32> m_merged; // two legs
    bool m_twoLegs = false;
};

} // namespace wsi
