// ProxiedClient: one client of the reverse proxy, relayed frame by frame to the upstream, both legs recorded.
#pragma once

#include "language/recordedtext.h"
#include "proxy/framehook.h"
#include "proxy/framerelay.h"
#include "proxy/relayedframes.h"
#include "proxy/relayedwrites.h"
#include "proxy/reverseproxyoptions.h"
#include "proxy/upgradeexchange.h"
#include "store/eventrecord.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>

class QTcpSocket;

namespace wsi {

class ClientRules;
class Connection;
class ProxiedRecording;
class ProxiedTransport;
class UpstreamDialer;

// One client socket and its own upstream socket. It reads the client's upgrade request (an UpgradeExchange), opens the
// upstream (an UpstreamDialer: DNS, TCP, TLS verified as outgoing connections verify it), sends the request with the
// target joined to the upstream URL and Host rewritten, relays the upstream's answer (101 or not), then relays whole
// frames both ways through the FrameHook. Every byte is recorded on the leg of the socket it crossed, at the
// moment it crossed it: the client leg as the client sent and got it, the server leg as the server did.
// A leg stops being read while the other's socket holds too many unsent bytes (bounded memory both ways). While the
// hook holds a message of its direction, its pings and pongs still pass and its later frames wait (in memory up to
// a bound, then in the kernel); the other leg flows.
class ProxiedClient : public QObject, public FrameRelay
{
    Q_OBJECT
public:
    // listening: the proxy's own address and port, which the upstream must never resolve to (a loop).
    ProxiedClient(QTcpSocket *client, const ReverseProxyOptions &options, const QHostAddress &listeningAddress,
        quint16 listeningPort, QObject *parent = nullptr);
    ~ProxiedClient() override;

    // Starts relaying, recording into connection (a proxied one, not owned; it may go away first). hook may be
    // null (forward unchanged); not owned.
    void start(Connection *connection, FrameHook *hook);
    // Starts relaying on the ProxyThread, recording into batches for the GUI thread (issue 12), with the window's
    // rules applied there or none (null).
    void start(std::unique_ptr<ProxiedRecording> recording, std::unique_ptr<ClientRules> rules = nullptr);
    ProxiedRecording *recording() const { return m_recording.get(); }
    ClientRules *rules() const { return m_rules.get(); }
    // The GUI thread acknowledged batches, or the disk caught up: reads what waits unless still held back.
    void readOn();
    // The proxy stops: both sockets are closed (TCP), each leg notes why.
    void shutdown();
    QString peer() const { return m_peer; }

    // FrameRelay: the hook's later writes (a held message going on, an injection).
    void resume(FrameHook::Toward toward, const QByteArray &bytes) override;
    void write(FrameHook::Toward toward, const QByteArray &bytes) override;

Q_SIGNALS:
    // Both sockets are closed; nothing more will be recorded.
    void finished();

private:
    enum class Stage { ReadingRequest, ConnectingUpstream, AwaitingResponse, Relaying, PassingThrough, Ending };

    void onClientReadyRead();
    void onClientDisconnected();
    void onUpstreamSocketCreated(QTcpSocket *socket);
    void onUpstreamFailed(ErrorLayer layer, const RecordedText &why);
    void onUpstreamLooped(const RecordedText &why);
    void onUpstreamReadyRead();
    // The read loops of the two handlers above: read, record and relay until nothing is left or reading pauses.
    void relayFromClient();
    void relayFromUpstream();
    void onUpstreamDisconnected();
    void onBytesWritten();

    void takeRequest(const QByteArray &bytes);
    void sendRequestUpstream();
    void takeResponse(const QByteArray &bytes);
    // Whole frames from the scanner through the hook to the other socket; false when the connection ended.
    // readTimeUs >= 0: the read just appended is recorded (at that time) once its frames were cut.
    bool relayFrames(FrameHook::Toward toward, qint64 readTimeUs = -1);
    // Answers the client with a complete HTTP response and closes it (before any upstream answer); why is
    // recorded in English and shown translated, the client's body is its English.
    void refuse(int status, const QByteArray &reason, const RecordedText &why, ErrorLayer layer, bool upstreamSide);
    // A whole frame larger than the limit: the memory bound ends the connection on both sides.
    void dropOversized(FrameHook::Toward toward);
    void closeOtherSide(bool clientLeft);
    void maybeFinish();
    RelayedFrames &framesToward(FrameHook::Toward toward)
    {
        return toward == FrameHook::Toward::Server ? m_fromClient : m_fromServer;
    }

    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream; // the dialer's, once it exists
    UpstreamDialer *m_dialer = nullptr;
    QPointer<Connection> m_connection; // the direct path only (the forward proxy, a test's hook): on this thread
    std::unique_ptr<ProxiedRecording> m_recording; // both legs' recording, direct or batched
    std::unique_ptr<ClientRules> m_rules; // on the ProxyThread with rules: the hook
    FrameHook *m_hook = nullptr;
    ReverseProxyOptions m_options;
    QString m_peer;
    Stage m_stage = Stage::ReadingRequest;
    UpgradeExchange m_upgrade;
    RelayedFrames m_fromClient { FrameHook::Toward::Server }; // waiting for their whole (or for the 101)
    RelayedFrames m_fromServer { FrameHook::Toward::Client };
    bool m_clientGone = false;
    bool m_upstreamGone = false;
    bool m_finished = false;
    bool m_readingLast = false; // a socket closed: what it still holds is read even when held back
    RelayedWrites m_writes;
    // The hook was told of the relay (relayStarted), with this connection (null on the ProxyThread); it is told again
    // when it ends, even if the connection was deleted since.
    bool m_hookTold = false;
    Connection *m_relayConnection = nullptr;
};

} // namespace wsi
