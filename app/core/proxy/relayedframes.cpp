// RelayedFrames: one direction of a reverse proxy client's frames, from whole frames through the hook, held or not.
#include "proxy/relayedframes.h"

#include <QTcpSocket>

#include <utility>

namespace wsi {

void RelayedFrames::take(FrameHook *hook, Connection *connection, QByteArray &out)
{
    FrameHeader header;
    QByteArrayView frame;
    while (!m_held && m_scanner.nextFrame(&header, &frame)) {
        if (!hook)
            out.append(frame);
        else if (hook->onFrame(connection, m_toward, header, frame, out) == FrameHook::Verdict::Held)
            m_held = true; // the frames after it stay in the scanner until release()
    }
}

bool RelayedFrames::readPaused(const QTcpSocket *receiver) const
{
    return m_held || (receiver && receiver->bytesToWrite() > kMaxUnsentBytes);
}

bool RelayedFrames::drained(const QTcpSocket *receiver)
{
    return receiver->bytesToWrite() <= kMaxUnsentBytes / 2;
}

bool RelayedFrames::release()
{
    return std::exchange(m_held, false);
}

bool RelayedFrames::takeSenderLeft()
{
    return std::exchange(m_senderLeft, false);
}

} // namespace wsi
