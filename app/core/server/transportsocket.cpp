// TransportSocket: one TCP connection to the test server's transport endpoints, its bytes counted as they cross.
#include "server/transportsocket.h"

#include "protocol/frameencoder.h"
#include "server/transportendpoints.h"

#include <QTcpSocket>

namespace wsi {

namespace {
// A request body bigger than this is no transport message: the connection is refused.
constexpr qint64 kMaxBody = 1024 * 1024;
} // namespace

TransportSocket::TransportSocket(QTcpSocket *socket, TransportEndpoints *endpoints, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_endpoints(endpoints)
{
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QTcpSocket::readyRead, this, &TransportSocket::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_closing = true;
        Q_EMIT closed();
    });
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &TransportSocket::onReadyRead, Qt::QueuedConnection);
}

TransportSocket::~TransportSocket() = default;

void TransportSocket::onReadyRead()
{
    if (!m_socket)
        return;
    m_in += m_socket->readAll();
    process();
}

void TransportSocket::process()
{
    while (!m_closing && !m_in.isEmpty()) {
        if (m_webSocket) {
            const QByteArray bytes = std::exchange(m_in, {});
            m_decoder.feed(bytes, *this);
            return;
        }
        if (m_busy)
            return; // the answer to the previous request comes first (HTTP/1.1 keeps the order)
        if (!m_head) {
            if (!m_parser)
                m_parser.emplace(HandshakeParser::Kind::Request);
            m_in.remove(0, m_parser->feed(m_in));
            if (m_parser->state() == HandshakeParser::State::Failed) {
                respond("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", {}, true);
                return;
            }
            if (!m_parser->headComplete())
                return;
            m_head = m_parser->head();
            m_parser.reset();
            bool ok = true;
            m_bodyLength = m_head->has("Content-Length") ? m_head->value("Content-Length").toLongLong(&ok) : 0;
            if (!ok || m_bodyLength < 0 || m_bodyLength > kMaxBody) {
                respond("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", {}, true);
                return;
            }
        }
        if (m_in.size() < m_bodyLength)
            return;
        const QByteArray body = m_in.left(m_bodyLength);
        m_in.remove(0, m_bodyLength);
        const HttpHead head = *std::exchange(m_head, std::nullopt);
        m_busy = true;
        m_endpoints->onRequest(this, head, body);
    }
}

void TransportSocket::write(const QByteArray &bytes, qint64 headerBytes)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_counted) // before the write: what a client has received is already counted
        m_endpoints->tallies().addBytes(m_kind, headerBytes, bytes.size() - headerBytes);
    m_socket->write(bytes);
}

void TransportSocket::respond(const QByteArray &head, const QByteArray &body, bool close)
{
    write(head + body, head.size());
    m_busy = false;
    if (close) {
        this->close();
        return;
    }
    // The next pipelined request, after this turn: the caller may still be walking a list of sockets.
    if (!m_in.isEmpty())
        QMetaObject::invokeMethod(this, &TransportSocket::process, Qt::QueuedConnection);
}

void TransportSocket::beginBody(const QByteArray &head)
{
    write(head, head.size());
}

void TransportSocket::writeBody(const QByteArray &bytes)
{
    write(bytes, 0);
}

void TransportSocket::upgrade(const QByteArray &switchingProtocols)
{
    write(switchingProtocols, switchingProtocols.size());
    m_busy = false;
    m_webSocket = true;
    if (!m_in.isEmpty())
        QMetaObject::invokeMethod(this, &TransportSocket::process, Qt::QueuedConnection);
}

void TransportSocket::sendFrame(quint8 opcode, QByteArrayView payload)
{
    QByteArray frame;
    appendServerFrame(frame, opcode, payload);
    write(frame, frame.size() - payload.size());
}

void TransportSocket::sendText(QByteArrayView message)
{
    sendFrame(0x1, message);
}

void TransportSocket::close()
{
    m_closing = true;
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost(); // after what was written
}

void TransportSocket::onFrame(const FrameHeader &, QByteArrayView headerBytes, QByteArrayView payload)
{
    m_endpoints->tallies().addBytes(m_kind, headerBytes.size(), payload.size());
}

void TransportSocket::onMessage(bool, QByteArrayView payload, int)
{
    m_endpoints->onClientMessage(m_kind, payload.toByteArray());
}

void TransportSocket::onPing(QByteArrayView payload)
{
    sendFrame(0xA, payload);
}

void TransportSocket::onClose(int code, QByteArrayView reason)
{
    QByteArray payload;
    if (code >= 0) {
        payload.append(char(code >> 8));
        payload.append(char(code & 0xFF));
        payload.append(reason.data(), reason.size());
    }
    sendFrame(0x8, payload);
    close(); // the server closes TCP first (RFC 6455 section 7.1.1)
}

void TransportSocket::onViolation(const ProtocolViolation &)
{
    close();
}

} // namespace wsi
