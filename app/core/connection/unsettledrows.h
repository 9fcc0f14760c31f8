// UnsettledRows: the message rows of one leg that a proxy's rules may still mark, pinned in its event store.
#pragma once

#include "store/eventrecord.h"

#include <QtGlobal>

#include <deque>
#include <utility>

namespace wsi {

class EventStore;

// The messages one peer sent (one leg, one direction), numbered from 1 as the proxy's rules count them: those the
// rules have not settled yet (a held one, those waiting behind it, one a drop rule has yet to meet) may still get a
// mark, perhaps long after their lines were printed. Their rows are pinned (EventStore::pin) so that a streaming
// store keeps them through any flood the other direction brings meanwhile; settling lets them go. Rows are recorded
// and settled in order, so this is a short queue: one message in the normal case, a hold and what one read
// brought behind it otherwise.
class UnsettledRows
{
public:
    // The rows from `from` on were just recorded in events; the last message in direction dir among them is the
    // lastOrdinal-th. Pins those not settled yet.
    void track(EventStore &events, Direction dir, qsizetype from, quint64 lastOrdinal);
    // The rules are done with the first `count` messages: their rows are unpinned.
    void settle(EventStore &events, quint64 count);
    // The row of the ordinal-th message while it is unsettled; -1 otherwise.
    qsizetype rowOf(quint64 ordinal) const;
    qsizetype size() const { return qsizetype(m_rows.size()); }

private:
    quint64 m_settled = 0;
    std::deque<std::pair<quint64, qsizetype>> m_rows; // (ordinal, row), ascending
};

} // namespace wsi
