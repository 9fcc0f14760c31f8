// TransportEndpointsHandle: the GUI thread's side of the test server's transport endpoints, which run on the server
// thread.
#pragma once

#include "server/transportkind.h"
#include "server/transporttally.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace wsi {

class TransportEndpoints;
class TransportTallies;

// Issue 12: the GUI thread never reads a socket, the side door's neither. The TransportEndpoints and their sockets live
// on the ServerThread (the FrontRelay owns them); this handle, which outlives the server's restarts, is what the
// transport comparison talks to: publish(), reset() and the long-poll timeout are posted there in the order they were
// made, the tallies are read from the TransportTallies both share (a snapshot under their lock, counted before the
// bytes are written), and clientMessage() comes queued. The feed's numbers are kept here too, so that publish()
// answers at once with the number the server will give the message.
class TransportEndpointsHandle : public QObject
{
    Q_OBJECT
public:
    explicit TransportEndpointsHandle(QObject *parent = nullptr);
    ~TransportEndpointsHandle() override;

    // The tallies a new server's endpoints count into (new ones: a new server starts from nothing).
    std::shared_ptr<TransportTallies> talliesForNewServer();
    // The endpoints of the server just started (on its thread), or none once it stops. Nothing is posted to
    // endpoints after detach(): they go with their relay.
    void attach(TransportEndpoints *endpoints);
    void detach();
    // The endpoints on the server thread, for tests (which thread they and their sockets are on).
    TransportEndpoints *endpointsOnServerThread() const { return m_endpoints; }

    // The message joins the feed on the server thread; returns its number.
    int publish(const QByteArray &message);
    int feedSize() const { return m_feedSize; }
    // A new run: the feed and the tallies start empty, and the connections of the last run are closed.
    void reset();
    // What the server counted so far for this transport, as one moment's snapshot.
    TransportTally tally(TransportKind kind) const;
    // How long a long poll is held before it is answered with 204 No Content (kept for the next server too).
    void setLongPollTimeout(int ms);

Q_SIGNALS:
    // A message the client sent up, by any transport (queued from the server thread, after it was counted).
    void clientMessage(wsi::TransportKind kind, const QByteArray &message);

private:
    template <typename F> void post(F f);

    std::shared_ptr<TransportTallies> m_tallies;
    TransportEndpoints *m_endpoints = nullptr; // lives on the server thread
    int m_feedSize = 0;
    int m_longPollTimeoutMs = -1; // -1: the endpoints' own default
};

} // namespace wsi
