// ServedClient: the transport of a client of the local test server, which the front relay records and serves.
#pragma once

#include "connection/connectiontransport.h"
#include "store/eventrecord.h"

#include <memory>

namespace wsi {

class ServerSideEndpoint;
class WireRecorder;

// The relay owns the client's socket: it hands the recorded bytes in (recordWire), serves the client through
// its ServerSideEndpoint (attachEndpoint), and says when the WebSocket opened and when both sides are done.
// The recorder decodes the client's stream once, for the log and for the endpoint.
class ServedClient : public ConnectionTransport
{
public:
    explicit ServedClient(Connection *connection);
    ~ServedClient() override;

    // Bytes the front relay recorded (Incoming = from the client).
    void recordWire(Direction direction, qint64 timeUs, const QByteArray &bytes);
    // The relay's server side of this client (not owned); null detaches.
    void attachEndpoint(ServerSideEndpoint *endpoint);
    // The relay sent the 101.
    void endpointOpened();
    // The relay is done with both sides.
    void wireClosed();

    bool recordingDone() const override { return m_wireClosed; }
    int firstCloseDirection() const override;
    bool sendText(const QString &text) override;
    bool sendBinary(const QByteArray &data) override;
    bool ping(const QByteArray &payload) override;
    bool close(int code, const QString &reason, bool byUser) override;
    void abort(bool byUser) override;

private:
    bool isOpen() const;

    std::unique_ptr<WireRecorder> m_recorder;
    ServerSideEndpoint *m_endpoint = nullptr;
    bool m_wireClosed = false; // the relay's socket is the only one: when it is done, everything is
};

} // namespace wsi
