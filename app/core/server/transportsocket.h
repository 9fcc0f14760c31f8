// TransportSocket: one TCP connection to the test server's transport endpoints, its bytes counted as they cross.
#pragma once

#include "protocol/framedecoder.h"
#include "protocol/handshakeparser.h"
#include "server/transportkind.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <optional>

class QTcpSocket;

namespace wsi {

class TransportEndpoints;

// One TCP connection to the transport endpoints: HTTP/1.1 requests one after the other (keep-alive), or one
// WebSocket after an upgrade. Every byte read or written is counted into the tally of the transport the
// current request names, split where the wire splits it: heads and frame headers, bodies and payloads.
class TransportSocket : public QObject, private FrameSink
{
    Q_OBJECT
public:
    // Takes the socket (and what was already read from it, nothing for a diverted one).
    TransportSocket(QTcpSocket *socket, TransportEndpoints *endpoints, QObject *parent = nullptr);
    ~TransportSocket() override;

    // The transport of the request being answered (and of the connection, once its first request is routed).
    void setKind(TransportKind kind)
    {
        m_kind = kind;
        m_counted = true;
    }
    TransportKind kind() const { return m_kind; }

    // A complete response; the next request is read after it. close: the connection ends after it.
    void respond(const QByteArray &head, const QByteArray &body, bool close = false);
    // A response whose body goes on (a stream): the head now, the body in parts with writeBody().
    void beginBody(const QByteArray &head);
    void writeBody(const QByteArray &bytes);
    // The 101 went out: from now on the bytes are WebSocket frames.
    void upgrade(const QByteArray &switchingProtocols);
    void sendText(QByteArrayView message);
    bool isWebSocket() const { return m_webSocket; }
    void close();

Q_SIGNALS:
    void closed();

private:
    void onReadyRead();
    void process();
    void write(const QByteArray &bytes, qint64 headerBytes);
    void sendFrame(quint8 opcode, QByteArrayView payload);

    // FrameSink: the client's frames.
    void onFrame(const FrameHeader &header, QByteArrayView headerBytes, QByteArrayView payload) override;
    void onMessage(bool isText, QByteArrayView payload, int frameCount) override;
    void onPing(QByteArrayView payload) override;
    void onPong(QByteArrayView) override { }
    void onClose(int code, QByteArrayView reason) override;
    void onViolation(const ProtocolViolation &violation) override;

    QPointer<QTcpSocket> m_socket;
    TransportEndpoints *m_endpoints;
    TransportKind m_kind = TransportKind::Polling;
    bool m_counted = false; // a request named a transport: its bytes count (a 404 before one does not)
    QByteArray m_in;
    std::optional<HandshakeParser> m_parser;
    std::optional<HttpHead> m_head; // a complete head waiting for its body
    qint64 m_bodyLength = 0;
    bool m_busy = false; // a request is being answered (held long poll, stream): later ones wait
    bool m_webSocket = false;
    bool m_closing = false;
    FrameDecoder m_decoder { FrameDecoder::Role::ClientToServer, 1024 * 1024 };
};

} // namespace wsi
