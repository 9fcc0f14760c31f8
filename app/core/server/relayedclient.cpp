#include "relayedclient.h"

#include "wallclock.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace wsi {

RelayedClient::RelayedClient(QTcpSocket *client, quint16 backendPort, Gate gate, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_backendPort(backendPort)
    , m_gate(std::move(gate))
{
    client->setParent(this);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QHostAddress address = client->peerAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol && !address.toIPv4Address()
                             ? QStringLiteral("[%1]").arg(address.toString())
                             : QHostAddress(address.toIPv4Address()).toString();
    m_peer = QStringLiteral("%1:%2").arg(host).arg(client->peerPort());
    connect(client, &QTcpSocket::readyRead, this, &RelayedClient::onClientReadyRead);
    connect(client, &QTcpSocket::disconnected, this, &RelayedClient::onClientDisconnected);
}

RelayedClient::~RelayedClient() = default;

void RelayedClient::abort()
{
    if (m_client)
        m_client->abort();
    if (m_backend)
        m_backend->abort();
}

void RelayedClient::onClientReadyRead()
{
    const QByteArray data = m_client->readAll();
    if (data.isEmpty())
        return;
    Q_EMIT bytesRecorded(Direction::Incoming, wallClockUs(), data);
    if (m_rejected)
        return;
    if (m_forwarding) {
        if (m_backend && m_backend->state() == QAbstractSocket::ConnectedState)
            m_backend->write(data);
        else
            m_pending += data;
        return;
    }

    m_pending += data;
    m_request.feed(data);
    if (m_request.state() == HandshakeParser::State::Failed) {
        const QByteArray body = "Bad upgrade request: " + m_request.error().toUtf8() + '\n';
        answerAndClose("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        return;
    }
    if (!m_request.headComplete())
        return;
    const QByteArray answer = m_gate ? m_gate(m_request.head()) : QByteArray();
    if (!answer.isEmpty()) {
        answerAndClose(answer);
        return;
    }
    m_forwarding = true;
    m_backendDone = false;
    m_backend = new QTcpSocket(this);
    m_backend->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_backend->setProxy(QNetworkProxy::NoProxy);
    connect(m_backend, &QTcpSocket::connected, this, &RelayedClient::onBackendConnected);
    connect(m_backend, &QTcpSocket::readyRead, this, &RelayedClient::onBackendReadyRead);
    connect(m_backend, &QTcpSocket::disconnected, this, &RelayedClient::onBackendDisconnected);
    connect(m_backend, &QTcpSocket::errorOccurred, this, [this] {
        if (m_backend->state() != QAbstractSocket::ConnectedState)
            onBackendDisconnected();
    });
    m_backend->connectToHost(QHostAddress::LocalHost, m_backendPort);
}

void RelayedClient::answerAndClose(const QByteArray &response)
{
    m_rejected = true;
    m_client->write(response);
    Q_EMIT bytesRecorded(Direction::Outgoing, wallClockUs(), response);
    m_client->disconnectFromHost();
}

void RelayedClient::onBackendConnected()
{
    m_backendLocalPort = m_backend->localPort();
    Q_EMIT backendConnected(m_backendLocalPort);
    if (!m_pending.isEmpty())
        m_backend->write(std::exchange(m_pending, {}));
    if (m_clientDone)
        m_backend->disconnectFromHost();
}

void RelayedClient::onBackendReadyRead()
{
    const QByteArray data = m_backend->readAll();
    if (data.isEmpty())
        return;
    if (m_client && m_client->state() == QAbstractSocket::ConnectedState)
        m_client->write(data);
    Q_EMIT bytesRecorded(Direction::Outgoing, wallClockUs(), data);
}

void RelayedClient::onClientDisconnected()
{
    if (m_clientDone)
        return;
    m_clientDone = true;
    if (m_backend && m_backend->state() == QAbstractSocket::ConnectedState)
        m_backend->disconnectFromHost(); // flushes what the client sent last
    maybeFinish();
}

void RelayedClient::onBackendDisconnected()
{
    if (m_backendDone)
        return;
    if (m_backend->bytesAvailable())
        onBackendReadyRead();
    m_backendDone = true;
    if (m_client && m_client->state() == QAbstractSocket::ConnectedState)
        m_client->disconnectFromHost();
    maybeFinish();
}

void RelayedClient::maybeFinish()
{
    if (m_finished || !m_clientDone || !m_backendDone)
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace wsi
