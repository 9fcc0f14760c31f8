// AnswerBuffer: the frames a relayed client's server side answers with during one read, written and recorded at once.
#include "server/answerbuffer.h"

#include "protocol/deflatenegotiation.h"
#include "protocol/frameencoder.h"
#include "protocol/httphead.h"
#include "protocol/messagedeflater.h"
#include "server/directsocketwrite.h"

#include <QTcpSocket>

namespace wsi {

AnswerBuffer::AnswerBuffer(bool plainTcp)
    : m_plainTcp(plainTcp)
{ }

AnswerBuffer::~AnswerBuffer() = default;

QByteArray AnswerBuffer::acceptDeflateOffers(const HttpHead &request)
{
    PerMessageDeflateParams params;
    const QByteArray extensions
        = DeflateNegotiation::answerOffers(request.values("Sec-WebSocket-Extensions").join(", "), &params);
    if (!extensions.isEmpty())
        m_deflater = std::make_unique<MessageDeflater>(params.serverMaxWindowBits, params.serverNoContextTakeover);
    return extensions;
}

void AnswerBuffer::appendMessage(bool isText, QByteArrayView payload)
{
    if (m_deflater) {
        const QByteArray compressed = m_deflater->deflateMessage(payload);
        if (m_deflater->isValid()) {
            appendFrame(isText ? 0x1 : 0x2, compressed, true);
            return;
        }
    }
    appendFrame(isText ? 0x1 : 0x2, payload);
}

void AnswerBuffer::appendFrame(quint8 opcode, QByteArrayView payload, bool rsv1)
{
    const qsizetype start = m_bytes.size();
    appendServerFrame(m_bytes, opcode, payload);
    if (rsv1)
        m_bytes[start] = char(quint8(m_bytes[start]) | 0x40);
}

void AnswerBuffer::appendClose(int code, QByteArrayView reason)
{
    if (code < 0) {
        appendFrame(0x8, {});
        return;
    }
    QByteArray payload;
    payload.reserve(2 + reason.size());
    payload.append(char(code >> 8));
    payload.append(char(code & 0xFF));
    payload.append(reason);
    appendFrame(0x8, payload);
}

qsizetype AnswerBuffer::writeRest(QTcpSocket *socket)
{
    if (socket->state() == QAbstractSocket::ConnectedState && m_written < m_bytes.size()) {
        DirectSocketWrite::write(socket, m_plainTcp, m_bytes.constData() + m_written, m_bytes.size() - m_written);
        m_written = m_bytes.size();
    }
    return m_written;
}

void AnswerBuffer::clear()
{
    m_bytes.resize(0);
    m_written = 0;
}

} // namespace wsi
