// PassThroughRelay: the forward proxy's relay for what is not a WebSocket: bytes both ways, counted, not recorded.
#pragma once

#include "language/recordedtext.h"
#include "proxy/reverseproxyoptions.h"
#include "store/eventrecord.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace wsi {

class UpstreamDialer;

// Other HTTP through the forward proxy (a page, a script, a tunnel that never upgrades) goes on untouched: this
// dials the target with the UpstreamDialer (so a loop to the proxy itself is refused and TLS is verified as for
// outgoing connections), sends firstBytes (a plain request rewritten to origin-form, or nothing), then copies
// bytes both ways until either side closes. Only the byte count is kept.
class PassThroughRelay : public QObject
{
    Q_OBJECT
public:
    // target: a ws:// (plain) or wss:// (TLS) URL naming the host and port. Takes the client socket.
    PassThroughRelay(QTcpSocket *client, const ReverseProxyOptions &target, const QByteArray &firstBytes,
        const QHostAddress &listeningAddress, quint16 listeningPort, QObject *parent = nullptr);
    ~PassThroughRelay() override;

    void start();
    // The proxy stops: both sockets are aborted.
    void shutdown();

Q_SIGNALS:
    // bytes crossed the proxy (either way).
    void counted(qint64 bytes);
    // The upstream could not be reached or would loop; the client got a 502 or 508 naming why.
    void refused(const wsi::RecordedText &why);
    // Both sockets are closed.
    void finished();

private:
    void onUpstreamSocketCreated(QTcpSocket *socket);
    void onReady();
    void refuse(int status, const QByteArray &reason, const RecordedText &why);
    void pump();
    void onDisconnected();
    void maybeFinish();

    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream;
    UpstreamDialer *m_dialer;
    QByteArray m_firstBytes;
    bool m_ready = false;
    bool m_finished = false;
};

} // namespace wsi
