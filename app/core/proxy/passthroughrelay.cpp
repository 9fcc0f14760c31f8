// PassThroughRelay: copies a non-WebSocket exchange between a forward proxy client and its target, counting bytes.
#include "proxy/passthroughrelay.h"

#include "proxy/upstreamdialer.h"
#include "server/upgradeanswers.h"

#include <QTcpSocket>

namespace wsi {

namespace {

constexpr qint64 kReadChunk = 256 * 1024;
constexpr qint64 kSocketReadBuffer = 1024 * 1024;
// A side is not read while the other holds more unsent bytes than this (bounded memory both ways).
constexpr qint64 kMaxUnsentBytes = 4 * 1024 * 1024;

} // namespace

PassThroughRelay::PassThroughRelay(QTcpSocket *client, const ReverseProxyOptions &target, const QByteArray &firstBytes,
    const QHostAddress &listeningAddress, quint16 listeningPort, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_firstBytes(firstBytes)
{
    client->setParent(this);
    client->setReadBufferSize(kSocketReadBuffer);
    m_dialer = new UpstreamDialer(target, listeningAddress, listeningPort, this);
    connect(m_dialer, &UpstreamDialer::socketCreated, this, &PassThroughRelay::onUpstreamSocketCreated);
    connect(m_dialer, &UpstreamDialer::ready, this, &PassThroughRelay::onReady);
    connect(m_dialer, &UpstreamDialer::failed, this,
        [this](ErrorLayer, const RecordedText &why) { refuse(502, "Bad Gateway", why); });
    connect(m_dialer, &UpstreamDialer::looped, this,
        [this](const RecordedText &why) { refuse(508, "Loop Detected", why); });
}

PassThroughRelay::~PassThroughRelay() = default;

void PassThroughRelay::start()
{
    connect(m_client, &QTcpSocket::readyRead, this, &PassThroughRelay::pump);
    connect(m_client, &QTcpSocket::bytesWritten, this, &PassThroughRelay::pump);
    connect(m_client, &QTcpSocket::disconnected, this, &PassThroughRelay::onDisconnected);
    m_dialer->dial(nullptr); // nothing is recorded: no connection
}

void PassThroughRelay::onUpstreamSocketCreated(QTcpSocket *socket)
{
    m_upstream = socket;
    socket->setReadBufferSize(kSocketReadBuffer);
    connect(socket, &QTcpSocket::readyRead, this, &PassThroughRelay::pump);
    connect(socket, &QTcpSocket::bytesWritten, this, &PassThroughRelay::pump);
    connect(socket, &QTcpSocket::disconnected, this, &PassThroughRelay::onDisconnected);
}

void PassThroughRelay::onReady()
{
    m_ready = true;
    if (!m_firstBytes.isEmpty() && m_upstream) {
        m_upstream->write(m_firstBytes);
        Q_EMIT counted(m_firstBytes.size());
        m_firstBytes.clear();
    }
    pump();
}

void PassThroughRelay::refuse(int status, const QByteArray &reason, const RecordedText &why)
{
    if (m_ready || m_finished)
        return;
    Q_EMIT refused(why);
    if (m_client && m_client->state() == QAbstractSocket::ConnectedState) {
        m_client->write(
            UpgradeAnswers::plain(status, reason, {}, why.english().toUtf8() + '\n')); // English on the wire
        m_client->disconnectFromHost();
    }
    if (m_upstream)
        m_upstream->abort();
    maybeFinish();
}

void PassThroughRelay::pump()
{
    if (!m_ready || !m_client || !m_upstream)
        return;
    const struct
    {
        QTcpSocket *from;
        QTcpSocket *to;
    } ways[] = { { m_client, m_upstream }, { m_upstream, m_client } };
    for (const auto &way : ways) {
        while (way.from->bytesAvailable() > 0 && way.to->state() == QAbstractSocket::ConnectedState
            && way.to->bytesToWrite() <= kMaxUnsentBytes) {
            const QByteArray bytes = way.from->read(kReadChunk);
            if (bytes.isEmpty())
                break;
            way.to->write(bytes);
            Q_EMIT counted(bytes.size());
        }
    }
}

void PassThroughRelay::onDisconnected()
{
    pump(); // what either side sent last still goes on
    for (QTcpSocket *socket : { m_client.data(), m_upstream.data() }) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            socket->disconnectFromHost(); // after what is queued for it
    }
    if (!m_upstream)
        m_dialer->stopLookup();
    maybeFinish();
}

void PassThroughRelay::shutdown()
{
    m_dialer->stopLookup();
    for (QTcpSocket *socket : { m_client.data(), m_upstream.data() }) {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    }
    maybeFinish();
}

void PassThroughRelay::maybeFinish()
{
    const auto closed
        = [](QTcpSocket *socket) { return !socket || socket->state() == QAbstractSocket::UnconnectedState; };
    if (m_finished || !closed(m_client) || (m_ready && !closed(m_upstream)))
        return;
    if (m_upstream && m_upstream->state() != QAbstractSocket::UnconnectedState)
        m_upstream->abort(); // still dialling for a client already gone
    m_finished = true;
    Q_EMIT finished();
}

} // namespace wsi
