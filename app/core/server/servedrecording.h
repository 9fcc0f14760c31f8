// ServedRecording: one client's WireRecorder on the server thread, gathering ServedBatches for the GUI thread.
#pragma once

#include "connection/wirerecorder.h"
#include "server/servedbatch.h"

#include <memory>

namespace wsi {

class BatchLegWriter;
class RowBatchPool;
class ServerSideEndpoint;

// Issue 12: the client's bytes are decoded where they are read, on the server thread, by a WireRecorder (server
// perspective) that tells the RelayedClient what the client said while it decodes (so the answers are made there)
// and writes its rows through a BatchLegWriter into DecodedBatches, the store's own format, which the GUI thread
// applies in one call. The moments that are not rows (opened, closing, finished) ride in the batch after its rows.
class ServedRecording
{
public:
    ServedRecording(quint64 client, const QString &peer, qint64 acceptedUs);
    ~ServedRecording();

    void setEndpoint(ServerSideEndpoint *endpoint) { m_recorder.setEndpoint(endpoint); }
    void record(Direction direction, qint64 timeUs, const QByteArray &bytes);
    void opened(qint64 timeUs) { m_next.openedUs = timeUs; }
    void closing() { m_next.closing = true; }
    void diverted() { m_next.diverted = true; }
    // The socket is done: completes what waited for the end (a body read until close).
    void finished(qint64 timeUs);
    bool isFinished() const { return m_next.finished || m_finishedSent; }

    // Recorded bytes not yet taken.
    qint64 pendingBytes() const { return m_next.wireBytes; }
    // What happened since the last take(): rows, moments. The first one (the arrival) always goes.
    bool hasNews() const;
    ServedBatch take();
    // The memory held for the next batch's rows (none until its first row).
    qsizetype roomBytes() const;

private:
    BatchLegWriter *m_rows; // owned by m_recorder
    WireRecorder m_recorder;
    // Where the GUI thread gives a batch's memory back once it applied it.
    std::shared_ptr<RowBatchPool> m_pool;
    ServedBatch m_next;
    bool m_arrivalSent = false;
    bool m_finishedSent = false;
};

} // namespace wsi
