// TapServer: the tap's listening socket, which accepts every client as a QSslSocket.
#pragma once

#include <QTcpServer>

namespace wsi {

// A client speaks plain HTTP CONNECT first and, when the tap intercepts wss, the same socket then switches
// to TLS with the leaf the app's CA issued: so every client must be a QSslSocket from the start.
class TapServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit TapServer(QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace wsi
