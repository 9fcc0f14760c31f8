// WebSocketTransportClient: the comparison's WebSocket client: one connection, messages both ways as frames.
#pragma once

#include "transports/transportclient.h"

class QWebSocket;

namespace wsi {

// One QWebSocket to /transports/websocket, opened with the browser's headers (those a WebSocket handshake
// owns left out): the server's messages and the client's share the one connection.
class WebSocketTransportClient : public TransportClient
{
    Q_OBJECT
public:
    explicit WebSocketTransportClient(QObject *parent = nullptr);

    void start(const QUrl &server, const BrowserHeaders::List &headers) override;
    void send(const QByteArray &message) override;
    void stop() override;

private:
    QWebSocket *m_socket = nullptr; // made by start(), on the thread the client runs on
    bool m_stopped = false;
};

} // namespace wsi
