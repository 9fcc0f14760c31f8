// ServedClient: the transport of a client of the local test server, which the front relay records and serves.
#pragma once

#include "connection/connectionlegwriter.h"
#include "connection/connectiontransport.h"
#include "connection/recorderstate.h"
#include "store/eventrecord.h"

namespace wsi {

class ServerSideEndpoint;
struct DecodedBatch;

// The relay owns the client's socket, on the server thread (issue 12): it decodes and records there and hands the
// rows over in DecodedBatches (apply), says when the WebSocket opened, when the server closed on its own and when
// both sides are done. The Connection's send API goes out through the endpoint attached here (on the GUI thread a
// handle that posts to the relay), and can send while the batches say the WebSocket is open.
class ServedClient : public ConnectionTransport
{
public:
    explicit ServedClient(Connection *connection);
    ~ServedClient() override;

    // Rows the relay's recorder decoded on the server thread, with its state after them.
    void apply(const DecodedBatch &batch);
    // When the relay accepted the client: the connection's start (its timings count from there).
    void startedAt(qint64 timeUs);
    // The relay sent the 101 at this time.
    void openedAt(qint64 timeUs);
    // The server sent a Close on its own (idle timeout, stopping): the connection is closing.
    void closingByServer();

    // The relay's server side of this client (not owned); null detaches. It learns of this transport (attachedTo).
    void attachEndpoint(ServerSideEndpoint *endpoint);
    // The relay sent the 101 now.
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

    ConnectionLegWriter m_rows;
    RecorderState m_state; // the relay's recorder's, as of the last batch
    ServerSideEndpoint *m_endpoint = nullptr;
    bool m_wireClosed = false; // the relay's socket is the only one: when it is done, everything is
};

} // namespace wsi
