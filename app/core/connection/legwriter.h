// LegWriter: where a WireRecorder writes what it decoded (a connection's leg, or a batch on its way to one).
#pragma once

#include "connection/connectionleg.h"
#include "language/recordedtext.h"
#include "store/eventrecord.h"
#include "store/handshakerecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <functional>

namespace wsi {

// What a WireRecorder's decoding writes, apart from the decoding itself, so that the decoding can run where the
// leg is not (issue 12: on the capture thread, its rows handed to the GUI thread in one batch per frame):
// ConnectionLegWriter writes into a Connection's leg at once, BatchLegWriter gathers them into a DecodedBatch that
// the leg's thread applies in the same order (ConnectionLegWriter::apply). Rows are in wire order; the recorder only
// ever adds to the counters.
class LegWriter
{
public:
    virtual ~LegWriter() = default;

    // Each returns the row's index in the leg when the rows go straight into it, else -1 (they are on their way:
    // the receiving list of a proxy's leg and the local server's echo, which need the index, write straight).
    virtual qsizetype append(const EventRecord &record, QByteArrayView payload) = 0;
    virtual qsizetype appendAdopting(const EventRecord &record, QByteArray &&payload) = 0;
    // A single-frame message's Frame row and Message row, kept as one record (EventStore::appendFrameAndMessage);
    // returns the Frame row's index (or -1, as above).
    virtual qsizetype appendFrameAndMessage(
        const EventRecord &frame, QByteArrayView headerBytes, const EventRecord &message, QByteArrayView payload)
        = 0;
    // A row in the app's own words: its English in the store, the words themselves for the window (leg texts).
    virtual void appendText(const EventRecord &record, const RecordedText &text) = 0;
    // The payload of a row this writer gave an index for.
    virtual QByteArrayView payload(qsizetype row) const = 0;

    // What the recorder counts: only ever added to (a batch holds what it adds to the leg's counters).
    virtual ConnectionLeg::Counters &counters() = 0;
    // The wire carries TLS records the tap cannot read (wss without interception): known before the first byte.
    virtual bool wireEncrypted() const = 0;
    // The handshake and timings the recorder read from the heads: changes to the leg's own, the rest of which
    // (TLS, the socket's headers) its transport writes.
    virtual void changeHandshake(std::function<void(HandshakeRecord &)> change) = 0;
    virtual void changeTimings(std::function<void(ConnectionTimings &)> change) = 0;
    // The connection's handshakeUpdated() and status line.
    virtual void handshakeUpdated() = 0;
    virtual void setStatus(const RecordedText &text) = 0;
};

} // namespace wsi
