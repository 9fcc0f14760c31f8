// WireRecorder: turns a connection's recorded bytes into events: handshake, frames, messages, closes.
#include "connection/wirerecorder.h"

#include "connection/connection.h"
#include "connection/connectionlegwriter.h"
#include "connection/receivedmessages.h"
#include "connection/serversideendpoint.h"
#include "protocol/deflatenegotiation.h"
#include "protocol/wholeframe.h"

namespace wsi {

namespace {

constexpr quint8 kTlsApplicationData = 23;

// How far a message may inflate before it is a deflate bomb (issue 13: "the cap is the max message size"). A proxied
// connection's legs use the proxy's max message size, the test server's too (ReverseProxyOptions::maxFrameBytes,
// ServerOptions::maxMessageSize: 64 MiB), so that a bomb through the proxy costs at most that per leg, not 256 MiB.
constexpr quint64 kProxiedMaxMessageBytes = quint64(64) * 1024 * 1024;
constexpr quint64 kOtherMaxMessageBytes = quint64(256) * 1024 * 1024;

} // namespace

WireRecorder::WireRecorder(Connection *connection, ConnectionLeg *leg, Perspective perspective)
    : WireRecorder(std::make_unique<ConnectionLegWriter>(
                       connection, leg, [connection](const RecordedText &text) { connection->setStatus(text); }),
        perspective)
{
    m_connection = connection;
}

WireRecorder::WireRecorder(std::unique_ptr<LegWriter> rows, Perspective perspective)
    : m_connection(nullptr)
    , m_rows(std::move(rows))
    , m_perspective(perspective)
    , m_clientDir(perspective == Perspective::Client ? Direction::Outgoing : Direction::Incoming)
    , m_serverDir(perspective == Perspective::Client ? Direction::Incoming : Direction::Outgoing)
    , m_clientSink(this, m_clientDir)
    , m_serverSink(this, m_serverDir)
{ }

WireRecorder::~WireRecorder() = default;

RecorderState WireRecorder::state() const
{
    RecorderState s;
    s.openSeen = m_openSeen;
    s.upgradeFailed = m_upgradeFailed;
    s.violationSeen = m_violationSeen;
    s.clientStreamAtBoundary = clientStreamAtBoundary();
    s.firstCloseDirection = m_firstCloseDir;
    s.handshakeStartUs = handshakeStartUs();
    s.responseHeadUs = m_responseHeadUs;
    s.clientStreamMessages = m_clientStreamMessages;
    s.clientStreamPings = m_clientStreamPings;
    return s;
}

void WireRecorder::setEndpoint(ServerSideEndpoint *endpoint)
{
    m_endpoint = endpoint;
    if (endpoint && m_clientFrames.bytesConsumed() == 0)
        m_clientFrames = FrameDecoder(FrameDecoder::Role::ClientToServer, endpoint->maxMessageSize());
}

void WireRecorder::append(
    EventType type, Direction dir, QByteArrayView payload, quint64 value, quint8 sub, quint8 flags, quint32 maskKey)
{
    flushPendingFrame();
    EventRecord r;
    r.timeUs = m_now;
    r.type = type;
    r.dir = dir;
    r.value = value;
    r.sub = sub;
    r.flags = flags;
    r.maskKey = maskKey;
    m_rows->append(r, payload);
}

void WireRecorder::setConnectionStatus(const RecordedText &text)
{
    m_rows->setStatus(text);
}

void WireRecorder::appendError(Direction dir, ErrorLayer layer, const RecordedText &message)
{
    flushPendingFrame();
    EventRecord r;
    r.timeUs = m_now;
    r.type = EventType::Error;
    r.dir = dir;
    r.sub = quint8(layer);
    m_rows->appendText(r, message);
}

void WireRecorder::flushPendingFrame()
{
    if (!m_pendingFrame.active)
        return;
    m_pendingFrame.active = false;
    m_rows->append(m_pendingFrame.record, QByteArrayView(m_pendingFrame.header.data(), m_pendingFrame.headerSize));
}

void WireRecorder::record(Direction direction, qint64 timeUs, const QByteArray &bytes)
{
    m_now = timeUs;
    if (direction == Direction::Outgoing)
        m_rows->counters().bytesOut += quint64(bytes.size());
    else
        m_rows->counters().bytesIn += quint64(bytes.size());

    if (m_rows->wireEncrypted())
        recordEncrypted(direction, timeUs, bytes);
    else if (direction == m_clientDir)
        recordClientStream(timeUs, bytes);
    else
        recordServerStream(timeUs, bytes);
    flushPendingFrame(); // a guard: the decoder reports a frame's message in the same call
}

void WireRecorder::recordInjected(qint64 timeUs, const QByteArray &frame)
{
    m_now = timeUs;
    m_rows->counters().bytesOut += quint64(frame.size());
    // Injected frames share one decoder (a fragmented message sent frame by frame must reassemble), which
    // starts afresh after a deliberate violation.
    if (!m_injectedFrames || m_injectedFrames->failed())
        m_injectedFrames = std::make_unique<FrameDecoder>(FrameDecoder::Role::ClientToServer);
    m_feedingInjected = true;
    m_injectedFrames->feed(frame, m_clientSink);
    m_feedingInjected = false;
    flushPendingFrame();
}

void WireRecorder::recordForwarded(
    qint64 timeUs, const QByteArray &bytes, quint64 streamOffset, ReceivedMessages &received)
{
    const bool clientStream = m_clientDir == Direction::Outgoing;
    // Frames only once this direction's stream carries frames; the handshake and anything odd go the usual way.
    if (m_rows->wireEncrypted() || !(clientStream ? m_requestDone : m_openSeen)) {
        record(Direction::Outgoing, timeUs, bytes);
        return;
    }
    m_now = timeUs;
    m_rows->counters().bytesOut += quint64(bytes.size());
    FrameDecoder &decoder = clientStream ? m_clientFrames : m_serverFrames;
    WireDirectionSink &sink = clientStream ? m_clientSink : m_serverSink;
    const QByteArrayView all(bytes);
    qsizetype notFed = 0; // the frames from here to `at` go to the decoder together (small ones: many per write)
    qsizetype at = 0;
    FrameHeader header;
    // The relay forwards whole frames; should it not, the decoder takes the rest and waits for the remainder.
    while (qsizetype length = wholeFrameAt(all.sliced(at), &header)) {
        if (header.payloadLength >= quint64(ReceivedMessages::kMinShared)) {
            if (notFed < at)
                decoder.feed(all.sliced(notFed, at - notFed), sink);
            notFed = at;
            const QByteArrayView frame = all.sliced(at, length);
            if (recordReceivedFrame(decoder, sink, header, frame, streamOffset + quint64(at), received))
                notFed = at + length;
        }
        at += length;
    }
    if (notFed < all.size())
        decoder.feed(all.sliced(notFed), sink);
    flushPendingFrame();
}

bool WireRecorder::recordReceivedFrame(FrameDecoder &decoder, WireDirectionSink &sink, const FrameHeader &header,
    QByteArrayView frame, quint64 streamOffset, ReceivedMessages &received)
{
    const bool data = header.opcode == quint8(Opcode::Text) || header.opcode == quint8(Opcode::Binary);
    if (!data || !header.fin || header.rsv1 || header.rsv2 || header.rsv3 || decoder.failed() || decoder.closeReceived()
        || !decoder.atFrameBoundary() || sink.messageOpen())
        return false;
    const QByteArrayView headerBytes = frame.first(frameHeaderSize(quint8(frame[1])));
    const QByteArrayView payload = received.take(streamOffset, headerBytes, header.payloadLength);
    if (payload.isNull())
        return false;
    // What the decoder would have reported for this frame, with the other leg's unmasked, checked payload.
    sink.onFrame(header, headerBytes, payload);
    sink.onMessage(header.opcode == quint8(Opcode::Text), payload, 1);
    ++m_messagesDecodedOnce;
    return true;
}

void WireRecorder::recordClientStream(qint64 timeUs, QByteArrayView bytes)
{
    if (!m_requestDone) {
        const qsizetype used = m_request.feed(bytes);
        if (m_request.state() == HandshakeParser::State::Failed) {
            m_requestDone = true;
            appendError(m_clientDir, ErrorLayer::Http,
                RecordedText("wsi::WireRecorder",
                    QT_TRANSLATE_NOOP("wsi::WireRecorder", "The upgrade request could not be parsed: %1"))
                    .arg(m_request.errorText()));
            if (m_endpoint)
                m_endpoint->onRequestInvalid(m_request.error());
            return;
        }
        if (!m_request.headComplete())
            return;
        onRequestComplete(timeUs);
        m_now = timeUs; // the endpoint may have answered (and recorded its answer) meanwhile
        bytes = bytes.sliced(used);
    }
    if (!bytes.isEmpty())
        m_clientFrames.feed(bytes, m_clientSink);
}

void WireRecorder::recordServerStream(qint64 timeUs, QByteArrayView bytes)
{
    if (!m_responseDone) {
        const qsizetype used = m_response.feed(bytes);
        if (m_response.state() == HandshakeParser::State::Failed) {
            m_responseDone = true;
            m_upgradeFailed = true;
            m_rows->changeHandshake([head = m_response.head()](HandshakeRecord &hs) { hs.response = head; });
            append(EventType::HandshakeResponse, m_serverDir, bytes, quint64(bytes.size()));
            appendError(m_serverDir, ErrorLayer::Http,
                RecordedText("wsi::WireRecorder",
                    QT_TRANSLATE_NOOP("wsi::WireRecorder", "The server's answer to the upgrade is not valid HTTP: %1"))
                    .arg(m_response.errorText()));
            return;
        }
        if (m_response.headComplete() && !m_responseHeadDone)
            onResponseHeadComplete(timeUs);
        if (m_response.state() != HandshakeParser::State::Done)
            return;
        onResponseComplete(timeUs);
        bytes = bytes.sliced(used);
        if (m_upgradeFailed)
            return;
    }
    if (!bytes.isEmpty() && m_openSeen)
        m_serverFrames.feed(bytes, m_serverSink);
}

void WireRecorder::upstreamEnded(qint64 timeUs)
{
    flushPendingFrame();
    m_now = timeUs;
    if (!m_responseDone && m_responseHeadDone) {
        m_response.finish();
        onResponseComplete(timeUs);
    }
}

void WireRecorder::onRequestComplete(qint64 timeUs)
{
    m_requestDone = true;
    m_requestSentUs = timeUs;
    const HttpHead &request = m_request.head();
    m_rows->changeHandshake([request](HandshakeRecord &hs) {
        hs.request = request;
        hs.requestComplete = true;
    });
    append(EventType::HandshakeRequest, m_clientDir, request.raw);
    m_rows->handshakeUpdated();
    if (m_endpoint)
        m_endpoint->onRequestHead(request);
}

void WireRecorder::onResponseHeadComplete(qint64 timeUs)
{
    m_responseHeadDone = true;
    m_responseHeadUs = timeUs;
    if (m_requestSentUs >= 0)
        m_rows->changeTimings(
            [upgradeUs = timeUs - m_requestSentUs](ConnectionTimings &t) { t.upgradeUs = upgradeUs; });
    const HttpHead &request = m_request.head();
    const HttpHead &response = m_response.head();
    m_checks = checkHandshake(request, response);
    m_rows->changeHandshake([response, checks = m_checks,
                                accept = computeAccept(request.value("Sec-WebSocket-Key"),
                                    response.value("Sec-WebSocket-Accept"))](HandshakeRecord &hs) {
        hs.response = response;
        hs.checks = checks;
        hs.accept = accept;
    });
    m_upgradeFailed = response.status != 101;
}

void WireRecorder::onResponseComplete(qint64 timeUs)
{
    Q_UNUSED(timeUs)
    m_responseDone = true;
    // What the leg's handshake now holds, read from the parsers (the leg may be on another thread).
    HandshakeRecord hs;
    hs.request = m_request.head();
    hs.response = m_response.head();
    hs.checks = m_checks;
    hs.responseBody = m_response.body();
    hs.responseBodyTruncated = m_response.bodyTruncated();
    m_rows->changeHandshake([body = hs.responseBody, truncated = hs.responseBodyTruncated](HandshakeRecord &leg) {
        leg.responseComplete = true;
        leg.responseBody = body;
        leg.responseBodyTruncated = truncated;
    });
    append(
        EventType::HandshakeResponse, m_serverDir, hs.response.raw + hs.responseBody, quint64(hs.response.raw.size()));

    if (m_upgradeFailed) {
        const int status = hs.response.status;
        const RecordedText why
            = RecordedText::captured([status] { return upgradeStatusExplanation(status, TextLanguage::Translated); });
        RecordedText message = why.isEmpty()
            ? RecordedText("wsi::WireRecorder",
                QT_TRANSLATE_NOOP("wsi::WireRecorder",
                    "The server answered the upgrade with %1 %2 instead of 101 Switching Protocols."))
                  .arg(hs.response.status)
                  .arg(QString::fromLatin1(hs.response.reason))
            : RecordedText("wsi::WireRecorder",
                QT_TRANSLATE_NOOP("wsi::WireRecorder",
                    "The server answered the upgrade with %1 %2 instead of 101 Switching Protocols. %3"))
                  .arg(hs.response.status)
                  .arg(QString::fromLatin1(hs.response.reason))
                  .arg(why);
        if (!hs.responseBody.isEmpty())
            message = message
                + RecordedText("wsi::WireRecorder",
                    QT_TRANSLATE_NOOP("wsi::WireRecorder", " The response has a %n-byte body."),
                    int(hs.responseBody.size()));
        appendError(m_serverDir, ErrorLayer::Http, message);
        m_rows->setStatus(message);
        m_rows->counters().errors++;
    } else {
        QStringList failures;
        for (const HandshakeCheckItem &check : hs.checks) {
            if (!check.passed)
                failures << QStringLiteral("%1: %2").arg(check.name, check.explanation);
        }
        if (!failures.isEmpty()) {
            // The checks are English; the window shows them in its language (made again, translated).
            const RecordedText broken = RecordedText::captured([request = hs.request, response = hs.response] {
                QStringList said;
                for (const HandshakeCheckItem &check : checkHandshake(request, response, TextLanguage::Translated)) {
                    if (!check.passed)
                        said << QStringLiteral("%1: %2").arg(check.name, check.explanation);
                }
                return said.join(QStringLiteral("; "));
            });
            m_upgradeFailed = true;
            const RecordedText message = RecordedText("wsi::WireRecorder",
                QT_TRANSLATE_NOOP("wsi::WireRecorder", "The 101 response breaks the WebSocket handshake rules. %1"))
                                             .arg(broken);
            appendError(m_serverDir, ErrorLayer::WebSocket, message);
            m_rows->setStatus(message);
            m_rows->counters().errors++;
        } else {
            m_openSeen = true;
            append(EventType::Open, Direction::None, hs.response.value("Sec-WebSocket-Protocol"));
            setUpDeflate(hs);
        }
    }
    m_rows->handshakeUpdated();
}

void WireRecorder::setUpDeflate(const HandshakeRecord &hs)
{
    // Read from the heads as they crossed the wire: the 101's answer checked against what the request offered.
    const DeflateNegotiation deflate = DeflateNegotiation::fromHeads(hs.request, hs.response);
    for (const DeflateViolation &violation : deflate.responseViolations()) {
        const RecordedText message = RecordedText("wsi::WireRecorder",
            QT_TRANSLATE_NOOP("wsi::WireRecorder", "The server's permessage-deflate answer breaks a rule: %1"))
                                         .arg(violation.text());
        appendError(m_serverDir, ErrorLayer::WebSocket, message);
        m_rows->counters().errors++;
    }
    if (!deflate.negotiated())
        return; // RSV1 stays a violation: a compressed frame without the extension
    const quint64 cap
        = m_proxiedLeg || (m_connection && m_connection->proxied()) ? kProxiedMaxMessageBytes : kOtherMaxMessageBytes;
    m_clientInflation
        = std::make_unique<MessageInflation>(deflate.params(), false, m_endpoint ? m_endpoint->maxMessageSize() : cap);
    m_serverInflation = std::make_unique<MessageInflation>(deflate.params(), true, cap);
    m_clientFrames.setAllowRsv1(true);
    m_serverFrames.setAllowRsv1(true);
}

void WireRecorder::recordEncrypted(Direction direction, qint64 timeUs, QByteArrayView bytes)
{
    // Without interception only TLS record headers are readable: enough to time the TLS handshake
    // (first ClientHello byte to the first application-data record the client sends).
    if (direction != m_clientDir || m_firstAppDataOutUs >= 0)
        return;
    if (m_firstTlsByteUs < 0)
        m_firstTlsByteUs = timeUs;
    qsizetype pos = 0;
    while (pos < bytes.size() && m_firstAppDataOutUs < 0) {
        if (m_tlsOutSkip > 0) {
            const qsizetype step = qMin<qsizetype>(m_tlsOutSkip, bytes.size() - pos);
            m_tlsOutSkip -= int(step);
            pos += step;
            continue;
        }
        const qsizetype need = 5 - m_tlsOutHeader.size();
        m_tlsOutHeader += bytes.sliced(pos, qMin(need, bytes.size() - pos));
        pos += qMin(need, bytes.size() - pos);
        if (m_tlsOutHeader.size() < 5)
            break;
        const quint8 type = quint8(m_tlsOutHeader[0]);
        m_tlsOutSkip = (quint8(m_tlsOutHeader[3]) << 8) | quint8(m_tlsOutHeader[4]);
        m_tlsOutHeader.clear();
        if (type == kTlsApplicationData) {
            m_firstAppDataOutUs = timeUs;
            m_requestSentUs = timeUs;
            m_rows->changeTimings([tlsUs = timeUs - m_firstTlsByteUs](ConnectionTimings &t) { t.tlsUs = tlsUs; });
        }
    }
}

} // namespace wsi
