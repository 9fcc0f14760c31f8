// ClientFrameBoundary: where the tap's client stream is between two frames, so that an injected frame splits none.
#include "capture/clientframeboundary.h"

#include "protocol/frameheader.h"

namespace wsi {

void ClientFrameBoundary::append(QByteArrayView bytes)
{
    qsizetype pos = 0;
    static constexpr char kHeadEnd[] = "\r\n\r\n";
    while (!m_headDone && pos < bytes.size()) {
        const char c = bytes[pos++];
        m_headMatched = c == kHeadEnd[m_headMatched] ? m_headMatched + 1 : (c == '\r' ? 1 : 0);
        m_headDone = m_headMatched == 4;
    }
    while (pos < bytes.size()) {
        if (m_frameLeft > 0) {
            const quint64 take = qMin<quint64>(m_frameLeft, quint64(bytes.size() - pos));
            m_frameLeft -= take;
            pos += qsizetype(take);
            continue;
        }
        // A header: gather it whole (2 to 14 bytes), then skip its payload.
        const qsizetype need = m_header.size() < 2 ? 2 - m_header.size()
                                                   : qsizetype(frameHeaderSize(quint8(m_header[1]))) - m_header.size();
        const qsizetype take = qMin(need, bytes.size() - pos);
        m_header.append(bytes.data() + pos, take);
        pos += take;
        if (m_header.size() < 2 || m_header.size() < frameHeaderSize(quint8(m_header[1])))
            continue;
        FrameHeader header;
        readFrameHeader(reinterpret_cast<const unsigned char *>(m_header.constData()), header);
        m_frameLeft = header.payloadLength;
        m_header.clear();
    }
}

} // namespace wsi
