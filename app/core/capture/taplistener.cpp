// TapListener: a tap's door on 127.0.0.1: reads proxy request heads and lets exactly one authenticated CONNECT in.
#include "capture/taplistener.h"

#include "capture/tapserver.h"
#include "language/qterrortext.h"
#include "store/wallclock.h"

#include <QCoreApplication>
#include <QTcpSocket>

namespace wsi {

TapListener::TapListener(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_gate(targetHost, targetPort)
    , m_server(new TapServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TapListener::onNewConnection);
}

bool TapListener::listen(RecordedText *error)
{
    if (m_server->listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = RecordedText(
            "wsi::WireTap", QT_TRANSLATE_NOOP("wsi::WireTap", "The capture tap could not listen on 127.0.0.1: %1"))
                     .arg(QtErrorText::recorded(m_server->errorString()));
    return false;
}

void TapListener::close()
{
    m_server->close();
}

quint16 TapListener::port() const
{
    return m_server->serverPort();
}

QNetworkProxy TapListener::proxy() const
{
    QNetworkProxy proxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), port(), user(), password());
    // Tunnel only: the tap must see the raw stream, never act as a caching HTTP proxy.
    proxy.setCapabilities(QNetworkProxy::TunnelingCapability);
    return proxy;
}

// Its words keep WireTap's context: they were the tap's before it had a door of its own, and are translated there.
void TapListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_tunnelClient || ++m_attempts > ConnectGate::kMaxAttempts) {
            // One tunnel per tap: whoever else connects learns why and is dropped.
            Q_EMIT refused(
                QCoreApplication::translate("wsi::WireTap", "a second connection to a tap whose tunnel is in use"));
            reply(socket, "HTTP/1.1 403 Forbidden", {}, "This capture tap carries one tunnel only.\n", true);
            continue;
        }
        if (m_acceptedUs < 0)
            m_acceptedUs = wallClockUs();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onHeadBytes(socket); });
        connect(socket, &QObject::destroyed, this, [this, socket] { m_headBuffers.remove(socket); });
    }
}

void TapListener::onHeadBytes(QTcpSocket *client)
{
    QByteArray &buffer = m_headBuffers[client];
    buffer += client->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > ConnectGate::kMaxHeadSize) {
            Q_EMIT refused(QCoreApplication::translate("wsi::WireTap", "an oversized proxy request"));
            reply(client, "HTTP/1.1 431 Request Header Fields Too Large", {}, {}, true);
        }
        return;
    }
    const QByteArray head = buffer.first(end);
    const QByteArray afterHead = buffer.mid(end + 4);
    m_headBuffers.remove(client); // buffer is gone from here on

    const ConnectGate::Answer answer = m_gate.answer(head);
    if (!answer.openTunnel) {
        if (!answer.refusal.isEmpty())
            Q_EMIT refused(answer.refusal);
        reply(client, answer.statusLine, answer.extraHeaders, answer.body, answer.closeAfter);
        return;
    }
    m_tunnelClient = client;
    disconnect(client, &QTcpSocket::readyRead, this, nullptr); // the tap reads it from now on
    m_server->close(); // the one tunnel is taken; nothing else may connect
    m_connectParsedUs = wallClockUs();
    Q_EMIT tunnelRequested(client, afterHead);
}

void TapListener::reply(QTcpSocket *client, const QByteArray &statusLine, const QByteArray &extraHeaders,
    const QByteArray &body, bool closeAfter)
{
    if (!client || client->state() != QAbstractSocket::ConnectedState)
        return;
    client->write(ConnectGate::response(statusLine, extraHeaders, body, closeAfter));
    if (closeAfter)
        client->disconnectFromHost();
}

} // namespace wsi
