// UpstreamDialer: opens a reverse proxy client's upstream socket (DNS, TCP, TLS verified) and reports once.
#pragma once

#include "language/recordedtext.h"
#include "proxy/reverseproxyoptions.h"
#include "store/eventrecord.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslError>

class QHostInfo;
class QTcpSocket;

namespace wsi {

class ProxiedRecording;

// The ProxiedClient's way to its upstream: it resolves the upstream host, refuses an address that is the proxy
// itself (a loop), connects, and for wss verifies the certificate as outgoing connections verify it. The
// timings and the TLS report go on the server leg as they are known. The socket is its child; socketCreated
// announces it before it connects, so that the relay is wired before any byte can cross it.
class UpstreamDialer : public QObject
{
    Q_OBJECT
public:
    // listening: the proxy's own address and port, which the upstream must never resolve to.
    explicit UpstreamDialer(const ReverseProxyOptions &options, const QHostAddress &listeningAddress,
        quint16 listeningPort, QObject *parent = nullptr);
    ~UpstreamDialer() override;

    // Starts dialling; the timings and the TLS report are recorded into recording (null: nothing is; the client's,
    // which outlives this).
    void dial(ProxiedRecording *recording);
    // The proxied connection is ending: a pending lookup is abandoned and no socket is created after it.
    void stopLookup();
    QTcpSocket *socket() const { return m_socket; }

Q_SIGNALS:
    // The socket exists and is about to connect.
    void socketCreated(QTcpSocket *socket);
    // Connected (and encrypted for wss): the socket is ready for the request.
    void ready();
    // The upstream could not be reached; why is the complete explanation (the layer, the upstream, the cause).
    void failed(wsi::ErrorLayer layer, const wsi::RecordedText &why);
    // The upstream resolved to the proxy itself; why is the complete explanation.
    void looped(const wsi::RecordedText &why);

private:
    void onLookedUp(const QHostInfo &info);
    void connectUpstream();
    void onConnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void onError();
    // Every failure names its layer and the upstream before its cause, as the 502 body and the leg show it.
    void fail(ErrorLayer layer, const RecordedText &message);

    ReverseProxyOptions m_options;
    QHostAddress m_listeningAddress;
    quint16 m_listeningPort = 0;
    ProxiedRecording *m_recording = nullptr;
    QPointer<QTcpSocket> m_socket;
    QHostAddress m_address;
    QElapsedTimer m_clock;
    qint64 m_dnsUs = -1;
    qint64 m_tcpUs = -1;
    int m_lookupId = -1;
    bool m_stopped = false;
    bool m_tlsUp = false;
    bool m_ready = false;
};

} // namespace wsi
