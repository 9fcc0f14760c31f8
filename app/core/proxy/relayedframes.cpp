// RelayedFrames: one direction of a reverse proxy client's frames, from whole frames through the hook, held or not.
#include "proxy/relayedframes.h"

#include "protocol/wholeframe.h"

#include <QTcpSocket>

#include <utility>

namespace wsi {

void RelayedFrames::append(QByteArray bytes)
{
    if (bytes.isEmpty())
        return;
    m_lastReadFrom = std::exchange(m_appended, m_appended + quint64(bytes.size()));
    keepRestOfRead();
    m_read = std::move(bytes);
    m_readStart = 0;
}

void RelayedFrames::keepRestOfRead()
{
    if (m_readStart < m_read.size()) {
        if (m_partial.isEmpty() && m_readStart == 0)
            m_partial = m_read; // still shared: a later append() to it copies
        else
            m_partial.append(QByteArrayView(m_read).sliced(m_readStart));
    }
    m_read = QByteArray();
    m_readStart = 0;
}

void RelayedFrames::take(FrameHook *hook, Connection *connection, QByteArrayList &out)
{
    QByteArray hookOut; // what the hook wrote for the frames of this call, one block
    while (!m_held && !m_partial.isEmpty()) {
        FrameHeader header;
        const qsizetype length = completeFirstPartialFrame(&header);
        if (length == 0)
            break;
        const QByteArray frame = length == m_partial.size() ? std::exchange(m_partial, {}) : m_partial.first(length);
        if (!m_partial.isEmpty())
            m_partial.remove(0, length); // from the front: Qt moves where the data starts, nothing is copied
        m_taken += quint64(length);
        if (!hook)
            out.append(frame);
        else if (hook->onFrame(connection, m_toward, header, frame, hookOut) == FrameHook::Verdict::Held)
            m_held = true; // the frames after it wait until release()
    }
    if (!m_held && m_partial.isEmpty())
        takeFromRead(hook, connection, hookOut, out);
    if (!hookOut.isEmpty())
        out.append(hookOut);
    if (m_held)
        passControlFramesWhileHeld(out);
}

RelayedFrames::Pieces RelayedFrames::lastRead(const QByteArrayList &out, quint64 outFrom) const
{
    Pieces pieces;
    // The part of the last read in buffer[at, at + size), which holds the stream's bytes from start on.
    const auto add = [&](const QByteArray &buffer, qsizetype at, quint64 start, qsizetype size) {
        const quint64 begin = qMax(start, m_lastReadFrom);
        const quint64 end = qMin(start + quint64(size), m_appended);
        if (begin < end)
            pieces.append({ buffer, at + qsizetype(begin - start), qsizetype(end - begin) });
    };
    // Without a hook the blocks are the sender's frames unchanged, in order, and what take() did not cut waits
    // in m_partial and then in the read from m_readStart (nothing is held, m_waiting is empty).
    quint64 at = outFrom;
    for (const QByteArray &block : out) {
        add(block, 0, at, block.size());
        at += quint64(block.size());
    }
    Q_ASSERT(at == m_taken && m_waiting.isEmpty());
    add(m_partial, 0, m_taken, m_partial.size());
    add(m_read, m_readStart, m_taken + quint64(m_partial.size()), m_read.size() - m_readStart);
    return pieces;
}

void RelayedFrames::passControlFramesWhileHeld(QByteArrayList &out)
{
    // Why a ping may overtake the data behind a held message: RFC 6455 section 5.4 lets control frames go between
    // any two frames, and no data frame of this direction has been written since the held message (it was gathered
    // whole, and what came after waits), so the receiver only sees the ping arrive before messages that arrive
    // later anyway. Its pong answers the ping's payload, not a position in the stream. A Close is no such frame:
    // it waits, so that a forwarded message still goes before it (the peer's own close timeout may run then).
    keepRestOfRead();
    QByteArray control;
    qsizetype at = 0;
    FrameHeader header;
    while (const qsizetype length = wholeFrameAt(QByteArrayView(m_partial).sliced(at), &header)) {
        const QByteArrayView frame = QByteArrayView(m_partial).sliced(at, length);
        if (!m_closeWaits && (header.opcode == 0x9 || header.opcode == 0xA)) {
            control.append(frame);
        } else {
            m_waiting.append(frame);
            m_closeWaits = m_closeWaits || header.opcode == 0x8;
        }
        at += length;
    }
    if (at > 0)
        m_partial.remove(0, at);
    if (!control.isEmpty())
        out.append(control);
}

void RelayedFrames::takeFromRead(FrameHook *hook, Connection *connection, QByteArray &hookOut, QByteArrayList &out)
{
    const QByteArrayView rest = QByteArrayView(m_read).sliced(m_readStart);
    qsizetype cut = 0;
    FrameHeader header;
    while (!m_held) {
        const qsizetype length = wholeFrameAt(rest.sliced(cut), &header);
        if (length == 0)
            break;
        if (hook
            && hook->onFrame(connection, m_toward, header, rest.sliced(cut, length), hookOut)
                == FrameHook::Verdict::Held)
            m_held = true;
        cut += length;
    }
    m_taken += quint64(cut);
    if (!hook && cut > 0) {
        // The whole frames go on in the read's own buffer, cut down to them: Qt drops bytes from either end of
        // a buffer nobody else holds without copying (it moves where the data starts). Only the unfinished
        // frame behind them is copied, as it waits for the next read.
        const qsizetype end = m_readStart + cut;
        m_partial = QByteArrayView(m_read).sliced(end).toByteArray();
        QByteArray whole = std::exchange(m_read, {});
        whole.truncate(end);
        whole.remove(0, std::exchange(m_readStart, 0));
        out.append(std::move(whole));
        return;
    }
    m_readStart += cut;
    if (m_readStart == m_read.size()) {
        m_read = QByteArray();
        m_readStart = 0;
    }
}

qsizetype RelayedFrames::completeFirstPartialFrame(FrameHeader *header)
{
    // Each turn moves bytes or returns: the two bytes that tell the header's size, the header, then the payload.
    for (;;) {
        const qsizetype have = m_partial.size();
        const qsizetype readLeft = m_read.size() - m_readStart;
        qsizetype needed = 2;
        if (have >= 2) {
            needed = frameHeaderSize(quint8(m_partial.at(1)));
            if (have >= needed) {
                readFrameHeader(reinterpret_cast<const unsigned char *>(m_partial.constData()), *header);
                // Not finished by this read: its bytes stay where they are (kept on the next append).
                if (header->payloadLength > quint64(have - needed) + quint64(readLeft))
                    return 0;
                needed += qsizetype(header->payloadLength);
                if (have >= needed)
                    return needed;
                m_partial.reserve(needed); // one allocation for the rest of the frame
            }
        }
        const qsizetype moved = qMin(needed - have, readLeft);
        if (moved == 0)
            return 0;
        m_partial.append(QByteArrayView(m_read).sliced(m_readStart, moved));
        m_readStart += moved;
    }
}

bool RelayedFrames::readPaused(const QTcpSocket *receiver) const
{
    return (m_held && bufferedSize() > kMaxWaitingBytes) || (receiver && receiver->bytesToWrite() > kMaxUnsentBytes);
}

bool RelayedFrames::drained(const QTcpSocket *receiver)
{
    return receiver->bytesToWrite() <= kMaxUnsentBytes / 2;
}

bool RelayedFrames::release()
{
    if (!m_waiting.isEmpty()) { // what waited goes first, ahead of the unfinished frame behind it
        m_partial.prepend(m_waiting);
        m_waiting.clear();
    }
    m_closeWaits = false;
    return std::exchange(m_held, false);
}

bool RelayedFrames::takeSenderLeft()
{
    return std::exchange(m_senderLeft, false);
}

} // namespace wsi
