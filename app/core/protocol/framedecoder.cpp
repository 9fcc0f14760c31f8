// FrameDecoder: incremental, sans-IO RFC 6455 frame decoding, message reassembly and every violation named.
#include "protocol/framedecoder.h"

#include "protocol/closecodes.h"

#include <QStringList>

#include <algorithm>
#include <cstring>
#include <utility>

namespace wsi {

namespace {

// Keep a reassembly buffer's allocation between messages unless it grew past this: small messages
// then cost no allocation, and one huge message does not pin its memory for the connection's life.
constexpr qsizetype kKeptMessageCapacity = 1024 * 1024;
// Messages at least this large are handed to the sink with their buffer (FrameSink::onMessageBuffer).
constexpr qsizetype kHandOverMessageSize = 256 * 1024;

// XORs src into dst with the masking key, eight bytes per step; phase is how many payload bytes of
// this frame came before src (the key repeats every four bytes).
void unmaskCopy(char *dst, const char *src, qsizetype size, quint32 key, quint64 phase)
{
    const unsigned char k[4] = { quint8(key >> 24), quint8(key >> 16), quint8(key >> 8), quint8(key) };
    unsigned char rotated[8];
    for (int i = 0; i < 8; ++i)
        rotated[i] = k[(phase + quint64(i)) & 3];
    quint64 word;
    std::memcpy(&word, rotated, 8);
    qsizetype i = 0;
    // Plain loads and stores through memcpy: no alignment assumptions, and the compiler vectorizes it.
    for (; i + 32 <= size; i += 32) {
        quint64 a[4];
        std::memcpy(a, src + i, 32);
        a[0] ^= word;
        a[1] ^= word;
        a[2] ^= word;
        a[3] ^= word;
        std::memcpy(dst + i, a, 32);
    }
    for (; i + 8 <= size; i += 8) {
        quint64 a;
        std::memcpy(&a, src + i, 8);
        a ^= word;
        std::memcpy(dst + i, &a, 8);
    }
    for (; i < size; ++i)
        dst[i] = char(quint8(src[i]) ^ rotated[i & 7]);
}

// A detail's words: recorded in English, shown in the window's language (see ProtocolViolation::text()).
RecordedText said(const char *source)
{
    return RecordedText("wsi::FrameDecoder", source);
}

QString hexByte(quint8 byte)
{
    return QStringLiteral("0x") + QString::number(byte, 16).rightJustified(2, QLatin1Char('0')).toUpper();
}

} // namespace

FrameDecoder::FrameDecoder(Role role, quint64 maxMessageSize)
    : m_role(role)
    , m_maxMessageSize(maxMessageSize)
{ }

void FrameDecoder::setAllowRsv1(bool allow)
{
    m_allowRsv1 = allow;
}

bool FrameDecoder::failed() const
{
    return m_failed;
}

bool FrameDecoder::closeReceived() const
{
    return m_closeReceived;
}

quint64 FrameDecoder::bytesConsumed() const
{
    return m_consumed;
}

void FrameDecoder::fail(ViolationKind kind, const RecordedText &detail, FrameSink &sink)
{
    m_failed = true;
    ProtocolViolation violation { kind, m_frameStart, detail.english(), detail };
    sink.onViolation(violation);
}

void FrameDecoder::feed(QByteArrayView bytes, FrameSink &sink)
{
    const char *p = bytes.data();
    qsizetype avail = bytes.size();
    while (avail > 0 && !m_failed) {
        if (!m_inPayload) {
            if (m_headerHave == 0)
                m_frameStart = m_consumed;
            qsizetype need;
            if (m_headerHave == 0 && avail >= qsizetype(sizeof(m_headerBuf))) {
                // Common case: the whole header is in this chunk. A fixed-size copy compiles to two
                // moves; bytes past the header are copied too but never read.
                std::memcpy(m_headerBuf, p, sizeof(m_headerBuf));
                need = frameHeaderSize(m_headerBuf[1]);
                m_headerHave = int(need);
                p += need;
                avail -= need;
                m_consumed += quint64(need);
            } else {
                // The first two bytes say how long the rest of the header is.
                need = m_headerHave >= 2 ? frameHeaderSize(m_headerBuf[1]) : 2;
                qsizetype take = std::min(need - m_headerHave, avail);
                std::memcpy(m_headerBuf + m_headerHave, p, size_t(take));
                m_headerHave += int(take);
                p += take;
                avail -= take;
                m_consumed += quint64(take);
                if (m_headerHave == 2) {
                    need = frameHeaderSize(m_headerBuf[1]);
                    take = std::min(need - m_headerHave, avail);
                    std::memcpy(m_headerBuf + m_headerHave, p, size_t(take));
                    m_headerHave += int(take);
                    p += take;
                    avail -= take;
                    m_consumed += quint64(take);
                }
            }
            if (m_headerHave < need)
                continue;
            if (!decodeHeader(sink))
                return;
            m_headerHave = 0; // m_headerBuf keeps the bytes until the frame is finished
            m_inPayload = true;
            m_payloadHave = 0;
            const quint64 length = m_header.payloadLength;
            if (length == 0) {
                finishFrame({}, false, sink);
                continue;
            }
            // Zero copy: a whole unmasked frame that is a message (or control frame) by itself is
            // handed to the sink straight from the caller's buffer.
            const bool standalone = m_header.isControl() || (m_header.fin && !m_messageInProgress);
            if (!m_header.masked && standalone && quint64(avail) >= length) {
                const QByteArrayView payload(p, qsizetype(length));
                if (!m_header.isControl() && m_messageIsText && !m_messageCompressed)
                    m_textValidator.feed(payload.data(), payload.size());
                p += length;
                avail -= qsizetype(length);
                m_consumed += length;
                m_payloadHave = length;
                finishFrame(payload, true, sink);
            }
            continue;
        }
        const quint64 remaining = m_header.payloadLength - m_payloadHave;
        const qsizetype take = qsizetype(std::min<quint64>(remaining, quint64(avail)));
        appendPayload(p, take);
        p += take;
        avail -= take;
        m_consumed += quint64(take);
        m_payloadHave += quint64(take);
        if (m_payloadHave == m_header.payloadLength) {
            if (m_header.isControl())
                finishFrame(QByteArrayView(m_framePayload), false, sink);
            else
                finishFrame(QByteArrayView(m_message).sliced(m_frameOffsetInMessage), false, sink);
        }
    }
}

bool FrameDecoder::decodeHeader(FrameSink &sink)
{
    FrameHeader &h = m_header;
    readFrameHeader(m_headerBuf, h);
    const quint8 len7 = m_headerBuf[1] & 0x7F; // the length's wire form, for the minimal-length rule
    const quint64 length = h.payloadLength;

    // Built only when a violation needs it: the common path must not allocate per frame.
    const auto name = [&h] { return opcodeName(h.opcode); };
    if (m_closeReceived) {
        fail(ViolationKind::FrameAfterClose,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "a %1 frame followed the Close frame")).arg(name()), sink);
        return false;
    }
    const bool reserved = (h.opcode >= 0x3 && h.opcode <= 0x7) || h.opcode >= 0xB;
    if (reserved) {
        fail(ViolationKind::ReservedOpcode,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "opcode %1")).arg(hexByte(h.opcode)), sink);
        return false;
    }
    if ((h.rsv1 && !m_allowRsv1) || h.rsv2 || h.rsv3) {
        QStringList bits;
        if (h.rsv1 && !m_allowRsv1)
            bits << QStringLiteral("RSV1");
        if (h.rsv2)
            bits << QStringLiteral("RSV2");
        if (h.rsv3)
            bits << QStringLiteral("RSV3");
        RecordedText detail = said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "%1 set on a %2 frame"))
                                  .arg(bits.join(QLatin1Char('+')))
                                  .arg(name());
        if (h.rsv1 && !m_allowRsv1) {
            detail = detail
                + said(QT_TRANSLATE_NOOP("wsi::FrameDecoder",
                    ". RSV1 almost always means the peer compressed the frame with permessage-deflate. "
                    "Qt WebSockets does not support permessage-deflate (compression): Qt fails such a "
                    "connection with close code 1002 \"Rsv field is non-zero\""));
        }
        fail(ViolationKind::ReservedBitSet, detail, sink);
        return false;
    }
    if (h.rsv1 && h.isControl()) {
        fail(ViolationKind::CompressedControlFrame,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "RSV1 set on a %1 frame")).arg(name()), sink);
        return false;
    }
    if (h.rsv1 && h.opcode == quint8(Opcode::Continuation)) {
        fail(ViolationKind::CompressedContinuation,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "RSV1 set on a CONT frame")), sink);
        return false;
    }
    if (h.isControl() && !h.fin) {
        fail(ViolationKind::FragmentedControlFrame,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "%1 frame with FIN=0")).arg(name()), sink);
        return false;
    }
    if (h.isControl() && length > 125) {
        fail(ViolationKind::OversizedControlFrame,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "%1 frame with a %2-byte payload")).arg(name()).arg(length),
            sink);
        return false;
    }
    if (m_role == Role::ServerToClient && h.masked) {
        fail(ViolationKind::MaskedServerFrame,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "%1 frame with MASK=1")).arg(name()), sink);
        return false;
    }
    if (m_role == Role::ClientToServer && !h.masked) {
        fail(ViolationKind::UnmaskedClientFrame,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "%1 frame with MASK=0")).arg(name()), sink);
        return false;
    }
    if (len7 == 127 && (length >> 63)) {
        fail(ViolationKind::LengthHighBitSet,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "64-bit length field 0x%1"))
                .arg(QStringLiteral("%1").arg(length, 16, 16, QLatin1Char('0'))),
            sink);
        return false;
    }
    if ((len7 == 126 && length < 126) || (len7 == 127 && length <= 0xFFFF)) {
        fail(ViolationKind::NonMinimalLength,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "length %1 sent in the %2-bit form"))
                .arg(length)
                .arg(len7 == 126 ? 16 : 64),
            sink);
        return false;
    }
    if (h.isControl())
        return true;

    if (h.opcode == 0 && !m_messageInProgress) {
        fail(ViolationKind::UnexpectedContinuation,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "CONT frame with no message started")), sink);
        return false;
    }
    if (h.opcode != 0 && m_messageInProgress) {
        fail(ViolationKind::ExpectedContinuation,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "%1 frame while a %2-frame %3 message was unfinished"))
                .arg(name())
                .arg(m_messageFrames)
                .arg(m_messageIsText ? said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "text"))
                                     : said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "binary"))),
            sink);
        return false;
    }
    const quint64 sizeSoFar = h.opcode == 0 ? quint64(m_message.size()) : 0;
    if (length > m_maxMessageSize || sizeSoFar + length > m_maxMessageSize) {
        fail(ViolationKind::MessageTooLarge,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "message would reach %1 bytes; the limit is %2 bytes"))
                .arg(QString::number(sizeSoFar + length))
                .arg(QString::number(m_maxMessageSize)),
            sink);
        return false;
    }
    if (h.opcode != 0) {
        // First frame of a message: it fixes the type (and whether the payload is compressed).
        if (!m_message.isEmpty())
            m_message.resize(0);
        m_messageIsText = h.opcode == quint8(Opcode::Text);
        m_messageCompressed = h.rsv1;
        m_messageFrames = 0;
        m_textValidator.reset();
        m_messageInProgress = !h.fin;
    }
    m_frameOffsetInMessage = m_message.size();
    return true;
}

void FrameDecoder::appendPayload(const char *data, qsizetype size)
{
    QByteArray &target = m_header.isControl() ? m_framePayload : m_message;
    const qsizetype start
        = m_header.isControl() ? qsizetype(m_payloadHave) : m_frameOffsetInMessage + qsizetype(m_payloadHave);
    if (m_payloadHave == 0 && !m_header.isControl()) {
        // Room for the whole frame at once: growing a large buffer chunk by chunk would copy it at every
        // doubling. Bounded, because the length is the peer's claim, not bytes we have.
        constexpr quint64 kMaxUpfront = 256ull << 20;
        const qsizetype wanted = start + qsizetype(std::min(m_header.payloadLength, kMaxUpfront));
        if (wanted > target.capacity())
            target.reserve(wanted);
    }
    target.resize(start + size);
    char *dst = target.data() + start;
    if (m_header.masked)
        unmaskCopy(dst, data, size, m_header.maskKey, m_payloadHave);
    else
        std::memcpy(dst, data, size_t(size));
    if (!m_header.isControl() && m_messageIsText && !m_messageCompressed)
        m_textValidator.feed(dst, size);
}

void FrameDecoder::finishFrame(QByteArrayView payload, bool zeroCopy, FrameSink &sink)
{
    m_inPayload = false;
    const FrameHeader header = m_header;
    const QByteArrayView headerBytes(reinterpret_cast<const char *>(m_headerBuf), header.headerSize);
    if (header.isControl()) {
        sink.onFrame(header, headerBytes, payload);
        switch (Opcode(header.opcode)) {
        case Opcode::Ping:
            sink.onPing(payload);
            break;
        case Opcode::Pong:
            sink.onPong(payload);
            break;
        default:
            finishClose(payload, sink);
            break;
        }
        if (!m_framePayload.isEmpty())
            m_framePayload.resize(0); // keeps the allocation; resize(0) of a null array would allocate
        return;
    }

    ++m_messageFrames;
    sink.onFrame(header, headerBytes, payload);
    const QByteArrayView message = zeroCopy ? payload : QByteArrayView(m_message);
    if (m_messageIsText && !m_messageCompressed) {
        if (!m_textValidator.isValid()) {
            const quint64 at = m_textValidator.errorOffset();
            fail(ViolationKind::InvalidUtf8Text,
                said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "byte %1 at offset %2 of the text message"))
                    .arg(hexByte(quint8(message[qsizetype(at)])))
                    .arg(at),
                sink);
            return;
        }
        if (header.fin && !m_textValidator.isComplete()) {
            fail(ViolationKind::InvalidUtf8Text,
                said(QT_TRANSLATE_NOOP(
                    "wsi::FrameDecoder", "the text message ends in the middle of a multi-byte character")),
                sink);
            return;
        }
    }
    if (!header.fin)
        return;
    if (!zeroCopy && m_message.size() >= kHandOverMessageSize)
        sink.onMessageBuffer(m_messageIsText, std::exchange(m_message, QByteArray()), m_messageFrames);
    else
        sink.onMessage(m_messageIsText, message, m_messageFrames);
    resetMessage();
}

void FrameDecoder::finishClose(QByteArrayView payload, FrameSink &sink)
{
    m_closeReceived = true;
    if (payload.isEmpty()) {
        sink.onClose(-1, {});
        return;
    }
    if (payload.size() == 1) {
        fail(ViolationKind::OneByteClosePayload,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "payload byte %1")).arg(hexByte(quint8(payload[0]))), sink);
        return;
    }
    const int code = quint8(payload[0]) << 8 | quint8(payload[1]);
    if (!isValidWireCloseCode(code)) {
        fail(ViolationKind::InvalidCloseCode,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "close code %1 (%2)")).arg(code).arg(closeCodeName(code)),
            sink);
        return;
    }
    const QByteArrayView reason = payload.sliced(2);
    Utf8Validator validator;
    if (!validator.feed(reason.data(), reason.size()) || !validator.isComplete()) {
        const RecordedText where = validator.isValid()
            ? said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "the reason ends in the middle of a multi-byte character"))
            : said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "byte %1 at offset %2 of the reason"))
                  .arg(hexByte(quint8(reason[qsizetype(validator.errorOffset())])))
                  .arg(QString::number(validator.errorOffset()));
        fail(ViolationKind::InvalidUtf8CloseReason,
            said(QT_TRANSLATE_NOOP("wsi::FrameDecoder", "close code %1, %2")).arg(code).arg(where), sink);
        return;
    }
    sink.onClose(code, reason);
}

void FrameDecoder::resetMessage()
{
    m_messageInProgress = false;
    m_messageFrames = 0;
    m_messageCompressed = false;
    m_frameOffsetInMessage = 0;
    m_textValidator.reset();
    if (m_message.capacity() > kKeptMessageCapacity)
        m_message = QByteArray();
    else if (!m_message.isEmpty())
        m_message.resize(0);
}

} // namespace wsi
