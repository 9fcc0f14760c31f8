// ClientFeed: what of the server's bytes the tap passes on to its own QWebSocket, and what it leaves out.
#include "capture/clientfeed.h"

#include "protocol/utf8validator.h"

#include <utility>

namespace wsi {

namespace {

// QWebSocket's largest frame and message by default (std::numeric_limits<int>::max() - 1 in Qt 6.4): a frame
// past it must reach the socket, which fails the connection with 1009.
constexpr quint64 kQtLargestFrame = 0x7FFFFFFE;
// A response head that long without its end is not one QWebSocket will accept: it gets the bytes as they are.
constexpr qsizetype kLongestHead = 64 * 1024;

} // namespace

ClientFeed::ClientFeed(Write write, Held held)
    : m_write(std::move(write))
    , m_held(std::move(held))
{ }

void ClientFeed::push(const QByteArray &data)
{
    if (m_passAll) {
        m_write(data);
        return;
    }
    if (!m_headDone) {
        if (!m_holding && !m_skipping && m_head.isEmpty()) {
            m_passAll = true; // never cut: the bytes may not even be frames (a TLS tunnel)
            m_write(data);
            return;
        }
        takeHead(data);
        return;
    }
    if (m_pending.isEmpty()) {
        const qsizetype used = cutFrames(data);
        if (m_passAll)
            passRest(QByteArrayView(data).sliced(used));
        else if (used < data.size())
            m_pending = data.sliced(used);
        return;
    }
    m_pending += data;
    const qsizetype used = cutFrames(m_pending);
    if (m_passAll) {
        passRest(QByteArrayView(m_pending).sliced(used));
        m_pending.clear();
    } else {
        m_pending.remove(0, used);
    }
}

void ClientFeed::takeHead(const QByteArray &data)
{
    m_head += data;
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_head.size() > kLongestHead) {
            m_passAll = true;
            m_write(std::exchange(m_head, {}));
        }
        return;
    }
    const QByteArray head = m_head.first(end + 4);
    const QByteArray rest = m_head.sliced(end + 4);
    m_head.clear();
    m_headDone = true;
    m_write(head);
    // Anything but 101 Switching Protocols is followed by a body, not frames. A head past the limit passes
    // however it arrived (whole, or in pieces that outgrew the limit before its end came).
    const bool switching
        = head.size() <= kLongestHead && head.startsWith("HTTP/1.1 101") && (head.at(12) == ' ' || head.at(12) == '\r');
    if (!switching) {
        m_passAll = true;
        passRest(rest);
        return;
    }
    if (!rest.isEmpty())
        push(rest);
}

void ClientFeed::passRest(QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        m_write(bytes);
}

qsizetype ClientFeed::cutFrames(QByteArrayView bytes)
{
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype at = 0;
    qsizetype runStart = 0; // passed bytes not written yet: [runStart, at), written in one piece
    const auto writeRun = [&](qsizetype end) {
        if (end > runStart)
            m_write(bytes.sliced(runStart, end - runStart));
        runStart = end;
    };
    while (at < size) {
        if (m_frameLeft > 0) {
            const qsizetype n = qsizetype(qMin<quint64>(m_frameLeft, quint64(size - at)));
            at += n;
            m_frameLeft -= quint64(n);
            if (m_frameLeaves)
                runStart = at;
            continue;
        }
        const qsizetype available = size - at;
        if (available < 2)
            break;
        const qsizetype headerSize = frameHeaderSize(b[at + 1]);
        if (available < headerSize)
            break;
        FrameHeader header;
        readFrameHeader(b + at, header);
        const bool whole = header.payloadLength <= quint64(available - headerSize);
        const QByteArrayView payload
            = whole ? bytes.sliced(at + headerSize, qsizetype(header.payloadLength)) : QByteArrayView();
        const Fate fate = fateOf(header, payload, whole);
        if (fate == Fate::WaitWhole)
            break;
        if (fate == Fate::Broken) {
            writeRun(at);
            m_passAll = true;
            return at;
        }
        m_frameLeaves = fate == Fate::Leave;
        if (m_frameLeaves) {
            writeRun(at);
            if (header.opcode == quint8(Opcode::Ping))
                m_held();
            else
                ++m_skipped;
        }
        m_frameLeft = quint64(headerSize) + header.payloadLength;
    }
    writeRun(at);
    return at;
}

ClientFeed::Fate ClientFeed::fateOf(const FrameHeader &header, QByteArrayView payload, bool whole)
{
    if (breaksFraming(header))
        return Fate::Broken;
    switch (Opcode(header.opcode)) {
    case Opcode::Close:
        return Fate::Broken; // the close and whatever follows it pass as they are: nothing may follow a close
    case Opcode::Ping:
        return m_holding ? Fate::Leave : Fate::Pass;
    case Opcode::Pong:
        return Fate::Pass;
    case Opcode::Continuation:
        m_inMessage = !header.fin;
        return Fate::Pass;
    case Opcode::Text:
    case Opcode::Binary:
        break;
    }
    if (!header.fin) {
        m_inMessage = true; // fragmented messages pass whole: QWebSocket sees every frame of them
        return Fate::Pass;
    }
    if (!m_skipping)
        return Fate::Pass;
    if (header.opcode == quint8(Opcode::Binary))
        return Fate::Leave;
    if (header.payloadLength > kLongestCheckedText)
        return Fate::Pass;
    if (!whole)
        return Fate::WaitWhole;
    // Text QWebSocket would refuse (1007) reaches it, and so does everything after it.
    return Utf8Validator::isValidUtf8(payload.data(), payload.size()) ? Fate::Leave : Fate::Broken;
}

bool ClientFeed::breaksFraming(const FrameHeader &header) const
{
    // What QWebSocket fails the connection for; it must see the frame to do so.
    if (header.rsv1 || header.rsv2 || header.rsv3 || header.masked || header.payloadLength > kQtLargestFrame)
        return true;
    switch (Opcode(header.opcode)) {
    case Opcode::Continuation:
        if (!m_inMessage)
            return true;
        break;
    case Opcode::Text:
    case Opcode::Binary:
        if (m_inMessage)
            return true;
        break;
    case Opcode::Close:
    case Opcode::Ping:
    case Opcode::Pong:
        if (!header.fin || header.payloadLength > 125)
            return true;
        break;
    default:
        return true; // a reserved opcode
    }
    // The length in the fewest bytes (RFC 6455 section 5.2); the header is unmasked here.
    if (header.headerSize == 4 && header.payloadLength < 126)
        return true;
    if (header.headerSize == 10 && header.payloadLength <= 0xFFFF)
        return true;
    return false;
}

} // namespace wsi
