// PingHoldBack: passes the server's bytes on to the tap's WebSocket, holding back its pings (auto-pong off).
#include "capture/pingholdback.h"

#include <utility>

namespace wsi {

PingHoldBack::PingHoldBack(Write write, Held held)
    : m_write(std::move(write))
    , m_held(std::move(held))
{ }

void PingHoldBack::setHolding(bool hold)
{
    m_holding = hold;
    if (!hold && m_headDone && !m_frames.isEmpty())
        m_write(m_frames.takeBuffered());
}

void PingHoldBack::push(const QByteArray &data)
{
    // Nothing held and nothing waiting: the bytes go on as they came.
    if (!m_holding && m_head.isEmpty() && m_frames.isEmpty()) {
        m_write(data);
        return;
    }
    if (m_headDone) {
        m_frames.append(data);
    } else {
        m_head += data;
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_write(QByteArrayView(m_head).first(end + 4));
        m_frames.append(QByteArrayView(m_head).sliced(end + 4));
        m_head.clear();
        m_headDone = true;
    }
    FrameHeader header;
    QByteArrayView frame;
    while (m_frames.nextFrame(&header, &frame)) {
        if (m_holding && header.opcode == quint8(Opcode::Ping))
            m_held();
        else
            m_write(frame);
    }
}

} // namespace wsi
