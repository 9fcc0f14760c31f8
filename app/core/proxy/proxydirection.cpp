// ProxyDirection: gathers, inflates and re-encodes the messages of one direction of a proxied connection.
#include "proxy/proxydirection.h"

#include "protocol/frameencoder.h"
#include "protocol/messagedeflater.h"
#include "protocol/messageinflater.h"

namespace wsi {

ProxyDirection::ProxyDirection(FrameHook::Toward toward, quint64 maxMessageBytes)
    : m_toward(toward)
    , m_maxMessageBytes(maxMessageBytes)
{ }

ProxyDirection::~ProxyDirection() = default;

void ProxyDirection::setDeflate(int windowBits, bool noContextTakeover)
{
    m_windowBits = windowBits;
    m_noContextTakeover = noContextTakeover;
    m_inflater = std::make_unique<MessageInflater>(windowBits, noContextTakeover, m_maxMessageBytes);
}

bool ProxyDirection::feed(
    const FrameHeader &header, QByteArrayView frame, bool gather, QByteArray &out, Message *message)
{
    if (header.isControl()) {
        if (header.opcode == 0x8 && m_gatheringOn) {
            // A close in the middle of a message ends it: what was gathered goes on before the close, unchanged.
            out.append(m_gathering.wire);
            m_gathering = {};
            m_gatheringOn = false;
        }
        out.append(frame); // pings and pongs may go ahead of a message being gathered
        return false;
    }
    if (header.opcode != 0x0) { // the first frame of a message
        m_gatheringOn = gather || deflateNegotiated();
        m_passing = !m_gatheringOn;
        if (m_gatheringOn)
            m_gathering = Message { header.opcode, {}, {}, header.rsv1, 0 };
    }
    if (!m_gatheringOn) {
        out.append(frame);
        m_midMessage = !header.fin;
        if (header.fin) {
            ++m_fromSender;
            ++m_toReceiver;
            m_passing = false;
        }
        return false;
    }
    m_gathering.wire.append(frame);
    ++m_gathering.frames;
    const QByteArrayView payload = frame.sliced(header.headerSize);
    const qsizetype start = m_gathering.payload.size();
    m_gathering.payload.append(payload);
    if (header.masked) {
        char *p = m_gathering.payload.data() + start;
        for (qsizetype i = 0; i < payload.size(); ++i)
            p[i] = char(p[i] ^ char(header.maskKey >> (8 * (3 - (i % 4)))));
    }
    if (quint64(m_gathering.payload.size()) > m_maxMessageBytes) {
        // Too large to hold for the rules: what was gathered goes on as it is, the rest frame by frame.
        out.append(m_gathering.wire);
        if (m_gathering.compressed)
            m_inflaterLost = true;
        m_gathering = {};
        m_gatheringOn = false;
        m_passing = !header.fin;
        m_midMessage = !header.fin;
        if (header.fin) {
            ++m_fromSender;
            ++m_toReceiver;
        }
        return false;
    }
    if (!header.fin)
        return false; // nothing of it was written: an injection may still go first
    m_gatheringOn = false;
    ++m_fromSender;
    *message = std::move(m_gathering);
    m_gathering = {};
    m_problem.clear();
    if (message->compressed) {
        QByteArray inflated;
        if (!m_inflater || m_inflaterLost || !m_inflater->inflateMessage(message->payload, &inflated)) {
            // It cannot be read, so no rule can see it: it goes on as it came (the recording names the fault).
            m_inflaterLost = true;
            m_problem = m_inflater && m_inflater->failed()
                ? m_inflater->violation().describe()
                : QStringLiteral("a compressed message could not be inflated");
            out.append(message->wire);
            ++m_toReceiver;
            return false;
        }
        message->payload = std::move(inflated);
    }
    return true;
}

void ProxyDirection::changed(const Message &message)
{
    if (message.compressed && !m_noContextTakeover && !m_reencoding) {
        m_reencoding = true;
        m_deflater = std::make_unique<MessageDeflater>(m_windowBits, false);
    }
}

QByteArray ProxyDirection::encode(const Message &message, const QByteArray *payload)
{
    const bool same = !payload || *payload == message.payload;
    const bool deflate = m_reencoding && message.compressed;
    if (same && !deflate)
        return message.wire;
    const QByteArray &text = payload ? *payload : message.payload;
    if (deflate)
        return frameFor(message.opcode, true, m_deflater->deflateMessage(text));
    return frameFor(message.opcode, false, text);
}

QByteArray ProxyDirection::encodeInjected(quint8 opcode, const QByteArray &payload) const
{
    return frameFor(opcode, false, payload);
}

QByteArray ProxyDirection::frameFor(quint8 opcode, bool rsv1, const QByteArray &payload) const
{
    RawFrameSpec spec;
    spec.fin = true;
    spec.rsv1 = rsv1;
    spec.opcode = opcode;
    spec.masked = m_toward == FrameHook::Toward::Server; // a client masks every frame; a server none
    spec.payload = payload;
    return encodeFrame(spec);
}

} // namespace wsi
