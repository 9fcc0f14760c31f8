// UnsettledRows: the message rows of one leg that a proxy's rules may still mark.
#include "connection/unsettledrows.h"

#include "store/eventstore.h"

#include <vector>

namespace wsi {

void UnsettledRows::track(EventStore &events, Direction dir, qsizetype from, quint64 lastOrdinal)
{
    // Walk back over the new rows: the last message is lastOrdinal, the one before it lastOrdinal - 1, ...
    std::vector<std::pair<quint64, qsizetype>> found;
    quint64 ordinal = lastOrdinal;
    for (qsizetype row = events.size() - 1; row >= from && ordinal > m_settled; --row) {
        const EventRecord r = events.at(row);
        if (r.type != EventType::Message || r.dir != dir)
            continue;
        found.emplace_back(ordinal--, row);
    }
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        if (!m_rows.empty() && m_rows.back().first >= it->first)
            continue; // tracked already
        events.pin(it->second);
        m_rows.push_back(*it);
    }
}

void UnsettledRows::settle(EventStore &events, quint64 count)
{
    m_settled = qMax(m_settled, count);
    while (!m_rows.empty() && m_rows.front().first <= m_settled) {
        events.unpin(m_rows.front().second);
        m_rows.pop_front();
    }
}

qsizetype UnsettledRows::rowOf(quint64 ordinal) const
{
    for (const auto &[tracked, row] : m_rows) {
        if (tracked == ordinal)
            return row;
    }
    return -1;
}

} // namespace wsi
