// IdCounter: the next request id of a protocol (JSON-RPC id, Socket.IO ack id, MQTT packet id...), numbered per
// connection.
#pragma once

namespace wsi {

// A preview shows peek() without using it; a send calls take(). Ids run from first to last and wrap, so an
// MQTT packet id never becomes 0 (which the protocol forbids).
class IdCounter
{
public:
    explicit IdCounter(int first = 1, int last = 2147483647)
        : m_first(first)
        , m_last(last)
        , m_next(first)
    { }

    int peek() const { return m_next; }
    int take()
    {
        const int id = m_next;
        m_next = m_next >= m_last ? m_first : m_next + 1;
        return id;
    }
    void reset() { m_next = m_first; }

private:
    int m_first;
    int m_last;
    int m_next;
};

} // namespace wsi
