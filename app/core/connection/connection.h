// Connection: one WebSocket connection's state machine and record, over the transport that feeds it.
#pragma once

#include "connection/connectionleg.h"
#include "endpoints/connectionoptions.h"
#include "protocol/frameencoder.h"

#include <QObject>
#include <memory>

class QWebSocket;

namespace wsi {

class CertificateAuthority;
struct CloseExplanation;
class ConnectionTransport;
class InterceptionTls;
class Keepalive;
class OutgoingSender;
class OutgoingTransport;
class ProxiedTransport;
class ProtocolDutyRunner;
class ServedClient;
class ServerSideEndpoint;
class WireRecorder;

// One WebSocket connection: the state machine (Idle, Connecting, Open, Closing, Closed/Failed, and the one
// finished() at the end) and the record (its leg: events, handshake, timings, counters; and the status
// line), apart from the transport that carries the bytes:
// - OutgoingTransport: a connection this app opens, a QWebSocket through its own WireTap;
// - ServedClient: a client of the local test server, recorded and served by the front relay;
// - ImportedRecord: a finished, read-only record from a session file (restoreImported());
// - ProxiedTransport: a client of the reverse proxy relayed to its upstream, recorded on both legs.
// The transport fills the leg through the record API below (the transports are friends) and owns the state of
// its wire; the Connection finishes once the transport has nothing more to record.
//
// Two legs: a connection records one wire (m_leg, facing the server for outgoing connections and the client
// for served ones), except a proxied one (Kind::Proxied), which holds a second ConnectionLeg facing the client
// next to the server-facing one: its own WireRecorder (Server perspective) fills it from the client's socket,
// as ServedClient's does, while the upstream side fills the first. events(), handshake(), timings() and
// counters() keep meaning m_leg (the server-facing leg of a proxied connection); leg(Facing) gives either.
class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Open, Closing, Closed, Failed };
    Q_ENUM(State)

    using Counters = ConnectionLeg::Counters;

    // Outgoing: a connection this app opens (open()). Incoming: a client of the local test server, which the front
    // relay records on the server thread (ServedClient::apply()) and serves itself (attachEndpoint()).
    // Proxied: a client of the reverse proxy, relayed to the upstream by the proxy, which records both legs
    // (recordLeg()).
    enum class Kind { Outgoing, Incoming, Proxied };
    Q_ENUM(Kind)

    explicit Connection(const ConnectionOptions &options, QObject *parent = nullptr);
    // An incoming client; options.url describes where it connected (the local server's URL).
    Connection(Kind kind, const ConnectionOptions &options, const QString &peer, QObject *parent = nullptr);
    ~Connection() override;

    Kind kind() const { return m_kind; }
    // What the list shows: the URL for outgoing connections, "client 127.0.0.1:53122 /path" for incoming ones.
    QString title() const;
    // The title as shown on screen: secret query values and passwords masked unless revealSecrets (a client's
    // request target can carry a token too: /chat?token=...).
    QString shownTitle(bool revealSecrets) const;
    QString peer() const { return m_peer; }

    int id() const { return m_id; }
    const ConnectionOptions &options() const { return m_options; }
    QUrl url() const { return m_options.url; }
    State state() const { return m_state; }
    static QString stateText(State state); // "connecting", "open", ...
    const EventStore &events() const { return m_leg.events; }
    // What the store keeps (EventStore::Retention): a consumer that reads each row once (the CLI) streams,
    // releasing the rows it has read; whatever explains the ending still finds what it reads.
    // A proxied connection's two legs both follow it.
    void setEventRetention(EventStore::Retention retention);
    void releaseEvents(qsizetype before) { m_leg.events.release(before); }
    // The rows before `before` of a proxied connection's client leg have been read (Streaming); no-op without it.
    void releaseClientLegEvents(qsizetype before);
    const HandshakeRecord &handshake() const { return m_leg.handshake; }
    const ConnectionTimings &timings() const { return m_leg.timings; }
    const Counters &counters() const { return m_leg.counters; }
    // The leg facing that peer: null when this connection has none (only a proxied one has both).
    const ConnectionLeg *leg(ConnectionLeg::Facing facing) const;
    bool hasTwoLegs() const { return m_clientLeg != nullptr; }
    QString negotiatedSubprotocol() const;
    // Plain words for why the connection failed or closed, naming the layer; empty while all is well. In the
    // window's language at the time of the call (it follows a switch); recordedStatusText() is the English that
    // files hold (the HAR comment).
    QString statusText() const;
    QString recordedStatusText() const;
    qint64 startedUs() const { return m_startedUs; }
    // How it ended (or why it has not yet), read from the recorded events: CloseExplainer over this connection.
    CloseExplanation closeExplanation() const;

    // Opens the connection. Invalid options fail at once with an App error event (never silently).
    void open();
    // Messages of kFramedSendBytes or more (and any message queued behind one) go out through the tap frame
    // by frame (FramedSender) so that the UI never blocks; smaller ones through QWebSocket.
    static constexpr qsizetype kFramedSendBytes = 1 << 20;
    bool sendText(const QString &text);
    // A text the app sends by itself for the protocol (ProtocolDutyRunner): its row is marked automatic.
    bool sendAutomaticText(const QString &text);
    bool sendBinary(const QByteArray &data);
    // Sends a data message split into frames of frameSize payload bytes, injected by the tap without
    // blocking (a fragmentation test of the server). Outgoing connections through a plaintext tap only.
    bool sendFramed(const QByteArray &payload, bool isText, qint64 frameSize, QString *error = nullptr);
    // A framed send is still going out (later sends queue behind it).
    bool isSendingFramed() const;
    bool ping(const QByteArray &payload = {});
    // Sends a Close frame with this code and reason (code 1000-4999 valid on the wire; reason <= 123 bytes).
    // byUser false: the app itself closes (keepalive), so auto-reconnect may bring the endpoint back.
    bool close(int code = 1000, const QString &reason = {}, bool byUser = true);
    // Drops the connection without a Close handshake.
    void abort(bool byUser = true);
    // The user closed, cancelled or aborted it: auto-reconnect never undoes that.
    bool closedByUser() const { return m_closedByUser; }

    // Auto-reconnect: every attempt at one endpoint shares the group id (the first attempt's id); attempt 1
    // is the connection the user opened. 0 / 1 for a connection that is not part of a reconnect group.
    void setGroup(int groupId, int attempt)
    {
        m_groupId = groupId;
        m_attempt = attempt;
    }
    int groupId() const { return m_groupId > 0 ? m_groupId : m_id; }
    bool inGroup() const { return m_groupId > 0; }
    int attempt() const { return m_attempt; }
    // The keepalive pinging this connection, when its options ask for one.
    Keepalive *keepalive() const { return m_keepalive; }
    // Protocol duties (options().protocolDuties, on by default for outgoing connections): answers to what the
    // detected protocol needs to stay connected. protocolOrAuto as for ProtocolAnnotator; "none" or enabled
    // false turns them off. Set before open().
    void setProtocolDuties(bool enabled, const QString &protocolOrAuto = QStringLiteral("auto"));
    ProtocolDutyRunner *protocolDuties() const { return m_duties; }
    // An error found outside the socket (keepalive): an error row with its layer, and the status line.
    void reportError(ErrorLayer layer, const RecordedText &message) { appendError(layer, message); }
    // A note from outside the socket (auto-reconnect's decisions): an info row.
    void reportInfo(const RecordedText &message) { appendInfo(message); }
    // The row's text as the window shows it: the app's own words in the current language, else the payload as
    // recorded (a peer's words, rows read from a file).
    QString rowText(qsizetype eventRow) const;
    // The same for a row of the leg facing that peer (a proxied connection's client leg has its own rows).
    QString rowText(ConnectionLeg::Facing facing, qsizetype eventRow) const;

    // Raw frame mode (for testing servers): the tap writes this frame upstream at the next frame boundary
    // of the client's stream. Outgoing connections through a tap that sees plaintext only.
    bool sendRawFrame(const RawFrameSpec &spec, QString *error = nullptr);
    // Auto-pong off: the server's pings are logged but held back from QWebSocket, which then never answers.
    void setAutoPong(bool enabled);
    bool autoPong() const;

    // wss interception: the CA whose leaves the tap presents to this connection's QWebSocket. Without one,
    // the process default (defaultCertificateAuthority()) is used.
    void setCertificateAuthority(CertificateAuthority *authority) { m_authority = authority; }
    static CertificateAuthority *defaultCertificateAuthority(QString *warning = nullptr);
    // The same, with a warning to record (English in files, translated in the window).
    static CertificateAuthority *defaultCertificateAuthority(RecordedText *warning);
    // After tlsDecisionNeeded: go on despite the reported certificate errors (and remember the certificate
    // for this host when alwaysTrust), or give up.
    void proceedTls(bool alwaysTrust = false);
    void cancelTls();
    bool awaitingTlsDecision() const;

    // Adds an event that did not come from this connection's own socket: session import, tests.
    void appendEvent(const EventRecord &record, QByteArrayView payload);
    // The same for a row in the app's own words (a HAR import's note): English in files, the window's language.
    void appendTextEvent(const EventRecord &record, const RecordedText &text);
    // Session import: what a proxy did to the message just added with appendEvent() (format version 2).
    void markLastEvent(const ProxyMark &mark) { m_leg.proxyMarks.insert(m_leg.events.size() - 1, mark); }
    // Session import of a proxied connection (made with Kind::Proxied): the same on the leg facing that peer.
    void appendEvent(ConnectionLeg::Facing facing, const EventRecord &record, QByteArrayView payload);
    void markLastEvent(ConnectionLeg::Facing facing, const ProxyMark &mark);
    // What a proxy did to a message recorded earlier on the leg facing that peer (a held message decided after
    // its row was recorded; a "proxy_mark" line of a session file): the row shows the mark from now on, and
    // eventMarked tells whoever shows it. Either leg of a proxied connection; the only leg of the others.
    void markEvent(ConnectionLeg::Facing facing, qsizetype row, const ProxyMark &mark);
    // Session import of a proxied connection: the client leg's handshake and timings read from the file, before
    // restoreImported() (which restores the server-facing leg); its counters are recomputed from its events.
    void restoreImportedClientLeg(const HandshakeRecord &handshake, const ConnectionTimings &timings);
    // Session import: after the events were added with appendEvent(), makes this connection a finished,
    // read-only record from a file (it never opens a socket) with the handshake, timings and outcome read
    // there. Counters are recomputed from the events, since files do not store them.
    // The status in the app's own words is translated when shown; a file's or a peer's words are plain.
    void restoreImported(const HandshakeRecord &handshake, const ConnectionTimings &timings, State finalState,
        const RecordedText &status);
    bool isImported() const;

    // Incoming connections: the relay's server side of this client (not owned); null detaches. The send API
    // goes through it, and the recorder tells it what the client sent.
    void attachEndpoint(ServerSideEndpoint *endpoint);
    // Incoming connections: the relay sent the 101; the WebSocket is open.
    void endpointOpened();
    // Proxied connections: the proxy's record API for both legs (null for the other kinds).
    ProxiedTransport *proxied() const { return m_proxied; }
    // Outgoing connections: the QWebSocket (null for incoming ones, and until open()).
    QWebSocket *socket() const;
    // Incoming connections: the relay is done with both sides.
    void wireClosed();

Q_SIGNALS:
    void stateChanged(wsi::Connection::State state);
    void eventsAppended();
    void handshakeUpdated();
    void statusTextChanged(const QString &text);
    // The socket handed this many more bytes (frames of sent messages) to the network: send progress.
    void bytesWritten(qint64 bytes);
    void countersChanged();
    // A proxy's mark landed on a row already recorded (markEvent): a view showing that row draws it again.
    void eventMarked(wsi::ConnectionLeg::Facing facing, qsizetype row);
    // Emitted once, when the connection reaches Closed or Failed and the tap has finished recording.
    void finished();
    // wss interception: the real server's certificate failed verification; the connection waits for
    // proceedTls() or cancelTls() (its timeout is paused meanwhile).
    void tlsDecisionNeeded(const wsi::TlsReport &report);

private:
    // The record API: the transports and the recorders fill the leg and drive the state through these.
    friend class InterceptionTls;
    friend class OutgoingSender;
    friend class OutgoingTransport;
    friend class ProxiedTransport;
    friend class ServedClient;
    friend class WireRecorder;
    void setState(State state);
    void setStatusText(const QString &text) { setStatus(RecordedText::plain(text)); }
    void setStatus(const RecordedText &text);
    void appendError(ErrorLayer layer, const RecordedText &message);
    void appendInfo(const RecordedText &message);
    void noteClosedByUser(bool byUser) { m_closedByUser = m_closedByUser || byUser; }
    // Reports how it ended and emits finished(), once the transport has recorded everything.
    void maybeFinish();
    void explainEnding();
    // The status line once the connection ended: the close explanation, made in the current language.
    QString explainedStatus() const;
    template <class Transport> Transport *adopt(std::unique_ptr<Transport> transport);

    static int s_nextId;
    int m_id;
    Kind m_kind = Kind::Outgoing;
    QString m_peer;
    ConnectionOptions m_options;
    State m_state = State::Idle;
    ConnectionLeg m_leg;
    std::unique_ptr<ConnectionLeg> m_clientLeg; // a proxied connection's leg facing its client
    RecordedText m_status;
    bool m_statusExplained = false; // the status is explainedStatus(), made when asked for
    mutable QString m_explainedCache; // explainedStatus() in m_explainedLanguage: the events no longer change
    mutable QString m_explainedLanguage;
    qint64 m_startedUs = 0;
    bool m_finished = false; // finished() was emitted
    bool m_closedByUser = false;
    int m_groupId = 0;
    int m_attempt = 1;
    Keepalive *m_keepalive = nullptr;
    ProtocolDutyRunner *m_duties = nullptr;
    CertificateAuthority *m_authority = nullptr;
    std::unique_ptr<ConnectionTransport> m_transport;
    OutgoingTransport *m_outgoing = nullptr; // m_transport when this app opens the connection
    ServedClient *m_served = nullptr; // m_transport for a client of the local server
    ProxiedTransport *m_proxied = nullptr; // m_transport for a client of the reverse proxy
};

} // namespace wsi
