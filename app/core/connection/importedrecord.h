// ImportedRecord: the transport of a connection read from a session file; it never had a socket.
#pragma once

#include "connection/connectionleg.h"
#include "connection/connectiontransport.h"

namespace wsi {

// A finished, read-only record: nothing is left to record, and every send is refused. The counters are not
// stored in files, so they are recounted from the events (countersOf).
class ImportedRecord : public ConnectionTransport
{
public:
    explicit ImportedRecord(Connection *connection);

    // Wire bytes are the handshake heads plus frame headers and payloads; a file without frame rows (frames
    // were not recorded, or the wire was TLS) counts what it has: the message, control and close payloads.
    static ConnectionLeg::Counters countersOf(const EventStore &events);

    bool recordingDone() const override { return true; }
    bool isReadOnly() const override { return true; }
    bool sendText(const QString &text) override;
    bool sendBinary(const QByteArray &data) override;
    bool ping(const QByteArray &payload) override;
    bool close(int code, const QString &reason, bool byUser) override;
    void abort(bool byUser) override;
};

} // namespace wsi
