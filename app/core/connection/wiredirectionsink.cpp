// WireDirectionSink: records the frames, messages, pings, pongs, closes and violations of one direction of a wire.
#include "connection/wiredirectionsink.h"

#include "connection/connection.h"
#include "connection/receivedmessages.h"
#include "connection/serversideendpoint.h"
#include "connection/wirerecorder.h"
#include "protocol/utf8validator.h"

namespace wsi {

namespace {

quint8 frameFlags(const FrameHeader &h)
{
    quint8 flags = 0;
    if (h.fin)
        flags |= FlagFin;
    if (h.rsv1)
        flags |= FlagRsv1;
    if (h.rsv2)
        flags |= FlagRsv2;
    if (h.rsv3)
        flags |= FlagRsv3;
    if (h.masked)
        flags |= FlagMasked;
    return flags;
}

} // namespace

void WireDirectionSink::onFrame(const FrameHeader &header, QByteArrayView headerBytes, QByteArrayView payload)
{
    MessageInflation *inflating = inflation();
    if (inflating)
        inflating->onFrame(header);
    if (!header.isControl())
        m_messageOpen = !header.fin;
    // Every frame the decoder reports becomes a Frame row (now, or paired with its message just after).
    if (m_dir == Direction::Outgoing && header.opcode != quint8(Opcode::Pong))
        ++m_recorder->m_rows->counters().framesOut;
    if (inflating && !header.isControl() && inflating->messageCompressed()) {
        // A compressed message's frames keep their payload after the header: the Message row holds only what it
        // inflated to, and the compressed bytes are what crossed the wire (RFC 7692).
        QByteArray bytes;
        bytes.reserve(headerBytes.size() + payload.size());
        bytes.append(headerBytes).append(payload);
        m_recorder->append(
            EventType::Frame, m_dir, bytes, header.payloadLength, header.opcode, frameFlags(header), header.maskKey);
        return;
    }
    const bool wholeMessage
        = header.fin && (header.opcode == quint8(Opcode::Text) || header.opcode == quint8(Opcode::Binary));
    WireRecorder::PendingFrame &pending = m_recorder->m_pendingFrame;
    if (!wholeMessage || size_t(headerBytes.size()) > pending.header.size()) {
        m_recorder->append(EventType::Frame, m_dir, headerBytes, header.payloadLength, header.opcode,
            frameFlags(header), header.maskKey);
        return;
    }
    m_recorder->flushPendingFrame();
    EventRecord &r = pending.record;
    r = EventRecord();
    r.timeUs = m_recorder->m_now;
    r.type = EventType::Frame;
    r.dir = m_dir;
    r.value = header.payloadLength;
    r.sub = header.opcode;
    r.flags = frameFlags(header);
    r.maskKey = header.maskKey;
    std::copy(headerBytes.begin(), headerBytes.end(), pending.header.begin());
    pending.headerSize = quint8(headerBytes.size());
    pending.active = true;
}

void WireDirectionSink::onMessage(bool isText, QByteArrayView payload, int frameCount)
{
    if (MessageInflation *inflating = inflation(); inflating && inflating->messageCompressed()) {
        onCompressedMessage(*inflating, isText, payload, frameCount);
        return;
    }
    WireRecorder::PendingFrame &pending = m_recorder->m_pendingFrame;
    if (pending.active && frameCount == 1 && pending.record.dir == m_dir) {
        pending.active = false;
        EventRecord message;
        message.timeUs = m_recorder->m_now;
        message.type = EventType::Message;
        message.dir = m_dir;
        message.value = quint64(payload.size());
        message.sub = 1;
        message.flags = quint8((isText ? FlagText : 0) | automaticFlag());
        const QByteArrayView headerBytes(pending.header.data(), pending.headerSize);
        const qsizetype frameRow
            = m_recorder->m_rows->appendFrameAndMessage(pending.record, headerBytes, message, payload);
        if (frameRow >= 0)
            listReceived(headerBytes, payload.size(), frameRow + 1); // the Message row follows its Frame row
    } else {
        m_recorder->append(EventType::Message, m_dir, payload, quint64(payload.size()), quint8(qMin(frameCount, 255)),
            quint8((isText ? FlagText : 0) | automaticFlag()));
    }
    countMessage(isText, payload);
}

void WireDirectionSink::onMessageBuffer(bool isText, QByteArray &&payload, int frameCount)
{
    if (MessageInflation *inflating = inflation(); inflating && inflating->messageCompressed()) {
        onCompressedMessage(*inflating, isText, payload, frameCount);
        return;
    }
    // The frame's row goes first, on its own; its header may still name the message for the forwarding leg.
    const WireRecorder::PendingFrame frame = m_recorder->m_pendingFrame;
    m_recorder->flushPendingFrame();
    EventRecord r;
    r.timeUs = m_recorder->m_now;
    r.type = EventType::Message;
    r.dir = m_dir;
    r.value = quint64(payload.size());
    r.sub = quint8(qMin(frameCount, 255));
    r.flags = quint8((isText ? FlagText : 0) | automaticFlag());
    LegWriter &rows = *m_recorder->m_rows;
    // The local server's side answers from these bytes after the row is written; a recorder writing into a batch
    // (the server thread's) gives the buffer away with the row, so the endpoint keeps a reference (no copy).
    const QByteArray forEndpoint = m_recorder->m_endpoint && m_dir == m_recorder->m_clientDir ? payload : QByteArray();
    const qsizetype row = rows.appendAdopting(r, std::move(payload));
    if (frame.active && frameCount == 1 && frame.record.dir == m_dir && row >= 0)
        listReceived(QByteArrayView(frame.header.data(), frame.headerSize), qsizetype(r.value), row);
    // The store may have kept only a part (its budget) and left the buffer here: the echo needs it whole.
    countMessage(isText, !forEndpoint.isNull() ? QByteArrayView(forEndpoint) : QByteArrayView(payload));
}

MessageInflation *WireDirectionSink::inflation() const
{
    if (m_recorder->m_feedingInjected)
        return nullptr;
    return m_dir == m_recorder->m_clientDir ? m_recorder->m_clientInflation.get() : m_recorder->m_serverInflation.get();
}

void WireDirectionSink::onCompressedMessage(
    MessageInflation &inflation, bool isText, QByteArrayView payload, int frameCount)
{
    QByteArray inflated;
    if (!inflation.inflate(payload, &inflated)) {
        // A deflate bomb stops at the cap (the max message size): a named error, never an exhausted memory.
        const DeflateViolation &why = inflation.violation();
        const bool byServer = m_dir == m_recorder->m_serverDir;
        const RecordedText message = byServer
            ? RecordedText("wsi::WireRecorder",
                QT_TRANSLATE_NOOP("wsi::WireRecorder", "The server's compressed message could not be inflated: %1"))
                  .arg(why.text())
            : RecordedText("wsi::WireRecorder",
                QT_TRANSLATE_NOOP("wsi::WireRecorder", "The client's compressed message could not be inflated: %1"))
                  .arg(why.text());
        m_recorder->appendError(m_dir, ErrorLayer::WebSocket, message);
        countViolation();
        if (byServer == (m_recorder->m_perspective == WireRecorder::Perspective::Client)) {
            m_recorder->m_violationSeen = true;
            m_recorder->setConnectionStatus(message);
        }
        if (m_recorder->m_endpoint && m_dir == m_recorder->m_clientDir) {
            const bool bomb = why.kind == DeflateViolationKind::DeflateBomb;
            m_recorder->m_endpoint->onViolation(
                { bomb ? ViolationKind::MessageTooLarge : ViolationKind::InvalidUtf8Text, 0, why.text().english(),
                    why.text() });
        }
        return;
    }
    if (isText && !Utf8Validator::isValidUtf8(inflated.constData(), inflated.size())) {
        // The decoder could not check a compressed text message: its inflated bytes are checked here.
        const RecordedText detail("wsi::WireRecorder", QT_TRANSLATE_NOOP("wsi::WireRecorder", "after inflating"));
        onViolation({ ViolationKind::InvalidUtf8Text, 0, detail.english(), detail });
        return;
    }
    // The Message row: the inflated payload, marked compressed (RSV1) with its wire length in maskKey.
    const quint8 flags = quint8((isText ? FlagText : 0) | FlagRsv1 | automaticFlag());
    m_recorder->append(EventType::Message, m_dir, inflated, quint64(inflated.size()), quint8(qMin(frameCount, 255)),
        flags, quint32(qMin<qsizetype>(payload.size(), 0xFFFFFFFF)));
    countMessage(isText, inflated);
}

void WireDirectionSink::listReceived(QByteArrayView headerBytes, qsizetype payloadSize, qsizetype row)
{
    ReceivedMessages *list = m_recorder->m_receivedList;
    if (!list || m_dir != Direction::Incoming || m_recorder->m_feedingInjected)
        return;
    // The decoder reports a message as its last byte is consumed: the frame started header and payload before.
    const FrameDecoder &decoder
        = m_dir == m_recorder->m_clientDir ? m_recorder->m_clientFrames : m_recorder->m_serverFrames;
    const quint64 frameSize = quint64(headerBytes.size()) + quint64(payloadSize);
    list->add(decoder.bytesConsumed() - frameSize, headerBytes, quint64(payloadSize), row);
}

quint8 WireDirectionSink::automaticFlag() const
{
    const QList<quint64> &marked = m_recorder->m_automatic;
    if (marked.empty() || m_dir != m_recorder->m_clientDir || m_recorder->m_feedingInjected)
        return 0;
    return marked.front() == m_recorder->m_clientStreamMessages + 1 ? quint8(FlagAutomatic) : 0;
}

void WireDirectionSink::countMessage(bool isText, QByteArrayView payload)
{
    if (m_dir == m_recorder->m_clientDir && !m_recorder->m_feedingInjected) {
        ++m_recorder->m_clientStreamMessages;
        QList<quint64> &marked = m_recorder->m_automatic;
        while (!marked.empty() && marked.front() <= m_recorder->m_clientStreamMessages)
            marked.pop_front();
    }
    ConnectionLeg::Counters &c = m_recorder->m_rows->counters();
    if (m_dir == Direction::Outgoing)
        c.messagesOut++;
    else
        c.messagesIn++;
    if (m_recorder->m_endpoint && m_dir == m_recorder->m_clientDir)
        m_recorder->m_endpoint->onMessage(isText, payload);
}

void WireDirectionSink::countViolation()
{
    ConnectionLeg::Counters &c = m_recorder->m_rows->counters();
    c.errors++;
    if (m_dir == Direction::Outgoing)
        c.violationsOut++;
}

void WireDirectionSink::onPing(QByteArrayView payload)
{
    if (m_dir == m_recorder->m_clientDir && !m_recorder->m_feedingInjected)
        ++m_recorder->m_clientStreamPings;
    if (m_dir == Direction::Outgoing)
        m_recorder->m_lastPingOutUs = m_recorder->m_now;
    else
        m_recorder->m_lastPingInUs = m_recorder->m_now;
    m_recorder->append(EventType::Ping, m_dir, payload);
    if (m_recorder->m_endpoint && m_dir == m_recorder->m_clientDir)
        m_recorder->m_endpoint->onPing(payload);
}

void WireDirectionSink::onPong(QByteArrayView payload)
{
    // Round trip from the wire: our last ping out to this pong in (or the peer's ping to our pong).
    const qint64 pingUs = m_dir == Direction::Incoming ? m_recorder->m_lastPingOutUs : m_recorder->m_lastPingInUs;
    const quint64 rtt = pingUs >= 0 ? quint64(m_recorder->m_now - pingUs) : 0;
    m_recorder->append(EventType::Pong, m_dir, payload, rtt);
}

void WireDirectionSink::onClose(int code, QByteArrayView reason)
{
    if (m_recorder->m_firstCloseDir < 0)
        m_recorder->m_firstCloseDir = int(m_dir);
    m_recorder->append(EventType::Close, m_dir, reason, code < 0 ? kNoCloseCode : quint64(code));
    if (m_recorder->m_endpoint && m_dir == m_recorder->m_clientDir)
        m_recorder->m_endpoint->onClose(code, reason);
}

void WireDirectionSink::onViolation(const ProtocolViolation &violation)
{
    const bool byServer = m_dir == m_recorder->m_serverDir;
    const RecordedText rule = violation.text();
    const RecordedText message = byServer
        ? RecordedText(
            "wsi::WireRecorder", QT_TRANSLATE_NOOP("wsi::WireRecorder", "The server broke the WebSocket protocol: %1"))
              .arg(rule)
        : RecordedText(
            "wsi::WireRecorder", QT_TRANSLATE_NOOP("wsi::WireRecorder", "The client broke the WebSocket protocol: %1"))
              .arg(rule);
    m_recorder->appendError(m_dir, ErrorLayer::WebSocket, message);
    countViolation();
    // The peer's violations explain why the connection ends; our own side's are worth a row only.
    const bool byPeer = byServer == (m_recorder->m_perspective == WireRecorder::Perspective::Client);
    if (byPeer) {
        m_recorder->m_violationSeen = true;
        m_recorder->setConnectionStatus(message);
    }
    if (m_recorder->m_endpoint && m_dir == m_recorder->m_clientDir)
        m_recorder->m_endpoint->onViolation(violation);
}

} // namespace wsi
