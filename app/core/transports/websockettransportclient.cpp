// WebSocketTransportClient: the comparison's WebSocket client: one connection, messages both ways as frames.
#include "transports/websockettransportclient.h"

#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QWebSocket>

namespace wsi {

WebSocketTransportClient::WebSocketTransportClient(QObject *parent)
    : TransportClient(parent)
{ }

void WebSocketTransportClient::start(const QUrl &server, const BrowserHeaders::List &headers)
{
    // Made here rather than in the constructor: the client may have been moved to another thread in between, and
    // what QWebSocket makes of its own should be made on the thread that reads it.
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QWebSocket::connected, this, &TransportClient::ready);
    connect(
        m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) { take(message.toUtf8()); });
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this] {
        if (!m_stopped)
            Q_EMIT failed(m_socket->errorString());
    });
    QUrl url = server;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/transports/websocket"));
    QNetworkRequest request(url);
    for (const auto &header : headers) {
        // A browser's WebSocket handshake carries no Fetch metadata of a fetch() and no Accept of one.
        const QByteArray name = header.first.toLower();
        if (name != "accept" && name != "sec-fetch-mode" && name != "sec-fetch-dest")
            request.setRawHeader(header.first, header.second);
    }
    m_socket->open(request);
}

void WebSocketTransportClient::send(const QByteArray &message)
{
    if (!m_stopped && m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(message));
}

void WebSocketTransportClient::stop()
{
    m_stopped = true;
    if (m_socket)
        m_socket->close();
}

} // namespace wsi
