// rawProxyUpgrade: a raw TCP client's WebSocket upgrade through the reverse proxy to a raw TCP upstream.
#pragma once

#include "connection/workspace.h"
#include "proxy/reverseproxy.h"

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

inline const QByteArray kRawUpgradeKey = "dGhlIHNhbXBsZSBub25jZQ==";

inline QByteArray acceptFor(const QByteArray &key)
{
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
}

// Tests that watch the proxy's own sockets (their reads, their write queues) need both ends bare: the client connects
// to the proxy at proxyPort and sends the upgrade, the upstream's connection is taken from upstreamServer and answers
// 101, and the client reads the 101. Returns the upstream's socket, or null (with *failure saying which step) when a
// step did not happen within 5 s.
inline std::unique_ptr<QTcpSocket> rawProxyUpgrade(
    quint16 proxyPort, QTcpServer &upstreamServer, QTcpSocket &client, QByteArray *failure)
{
    client.connectToHost(QHostAddress::LocalHost, proxyPort);
    if (!client.waitForConnected(5000)) {
        *failure = "the client could not connect to the proxy";
        return nullptr;
    }
    client.write("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: "
        + kRawUpgradeKey + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    if (!QTest::qWaitFor([&] { return upstreamServer.hasPendingConnections(); }, 5000)) {
        *failure = "the proxy did not connect upstream";
        return nullptr;
    }
    std::unique_ptr<QTcpSocket> upstream(upstreamServer.nextPendingConnection());
    QByteArray request;
    if (!QTest::qWaitFor([&] { return (request += upstream->readAll()).contains("\r\n\r\n"); }, 5000)
        || !request.contains("Sec-WebSocket-Key: " + kRawUpgradeKey)) {
        *failure = "the upgrade did not reach the upstream with its key: " + request;
        return nullptr;
    }
    upstream->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Accept: "
        + acceptFor(kRawUpgradeKey) + "\r\n\r\n");
    QByteArray response;
    if (!QTest::qWaitFor([&] { return (response += client.readAll()).contains("\r\n\r\n"); }, 5000)
        || !response.startsWith("HTTP/1.1 101")) {
        *failure = "the client did not get the 101: " + response;
        return nullptr;
    }
    return upstream;
}

// A reverse proxy in front of a bare TCP server that answers the upgrade by hand (rawProxyUpgrade), so that nothing
// but the proxy's own sockets takes part.
struct RawUpstreamProxy
{
    QTcpServer upstreamServer;
    wsi::Workspace workspace;
    wsi::ReverseProxy proxy { &workspace };

    // Both listening on 127.0.0.1; false with *error when either could not.
    bool start(QString *error)
    {
        if (!upstreamServer.listen(QHostAddress::LocalHost, 0)) {
            *error = upstreamServer.errorString();
            return false;
        }
        wsi::ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstreamServer.serverPort()));
        return proxy.start(options, error);
    }
    std::unique_ptr<QTcpSocket> upgrade(QTcpSocket &client, QByteArray *failure)
    {
        return rawProxyUpgrade(proxy.url().port(), upstreamServer, client, failure);
    }
};
