// TransportEndpoints: the test server's HTTP polling, long polling, streaming and WebSocket endpoints under
// /transports/.
#pragma once

#include "server/transportkind.h"
#include "server/transporttallies.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

class QTcpSocket;

namespace wsi {

class TransportSocket;
struct HttpHead;

// What the local test server answers under /transports/ next to its WebSocket side, so that one workload can
// be carried by each way a server has to push (docs/architecture.md, "Transports compared"):
//   GET  /transports/polling/poll?after=N        the messages after N at once (maybe none), newline-separated
//   GET  /transports/long-polling/poll?after=N   the same, but held until there is one (204 after 20 s)
//   GET  /transports/streaming/events?after=N    text/event-stream: every message as it comes, until close
//   POST /transports/<polling|long-polling|streaming>/send   a message from the client (204)
//   GET  /transports/websocket                   a WebSocket: messages both ways as text frames
// The server's messages form one feed, numbered from 1; publish() adds one and pushes it to whoever waits.
// Every byte is counted per transport as it crosses the sockets (tallies()).
// Issue 12: it lives on the ServerThread, owned by the FrontRelay whose side door it is, so its sockets stay on the
// thread that accepted them; the GUI thread holds a TransportEndpointsHandle, which posts publish(), reset() and the
// long-poll timeout here, reads the tallies they share, and gets clientMessage() queued.
class TransportEndpoints : public QObject
{
    Q_OBJECT
public:
    enum class Claim { No, NeedMore, Yes };

    // The tallies are shared with whoever reads them on another thread (TransportEndpointsHandle).
    explicit TransportEndpoints(std::shared_ptr<TransportTallies> tallies, QObject *parent = nullptr);
    ~TransportEndpoints() override;

    // Whether a connection that starts with these bytes asks for these endpoints (GET or POST under /transports/),
    // or more bytes are needed to tell.
    static Claim claims(QByteArrayView firstBytes);
    // Serves this connection from now on (the socket is taken over).
    void take(QTcpSocket *socket);

    // The server's event: the message joins the feed and goes to every waiting long poll, stream and WebSocket.
    // Returns its number.
    int publish(const QByteArray &message);
    int feedSize() const { return int(m_feed.size()); }
    // A new run: the feed and the tallies start empty, and the connections of the last run are closed.
    void reset();
    TransportTally tally(TransportKind kind) const { return m_tallies->snapshot(kind); }
    // How long a long poll is held before it is answered with 204 No Content.
    void setLongPollTimeout(int ms) { m_longPollTimeoutMs = ms; }

    // For TransportSocket: a complete request, the tallies bytes go to, a client's message.
    void onRequest(TransportSocket *socket, const HttpHead &head, const QByteArray &body);
    TransportTallies &tallies() { return *m_tallies; }
    void onClientMessage(TransportKind kind, const QByteArray &message);

Q_SIGNALS:
    // A message the client sent up, by any transport.
    void clientMessage(wsi::TransportKind kind, const QByteArray &message);

private:
    QByteArray messagesAfter(int after) const;
    void answerPoll(TransportSocket *socket, int after);
    void hold(TransportSocket *socket, int after);
    void forget(TransportSocket *socket);

    QList<QByteArray> m_feed;
    std::shared_ptr<TransportTallies> m_tallies;
    QSet<TransportSocket *> m_sockets;
    QSet<TransportSocket *> m_counted; // connections already counted for their first request's transport
    QHash<TransportSocket *, int> m_held; // long polls waiting, with the number they wait after
    QSet<TransportSocket *> m_streams;
    QSet<TransportSocket *> m_webSockets;
    int m_longPollTimeoutMs = 20000;
};

} // namespace wsi
