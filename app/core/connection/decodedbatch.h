// DecodedBatch: what a WireRecorder decoded where its connection is not, for the leg's thread to apply at once.
#pragma once

#include "capture/tapbatch.h"
#include "connection/connectionleg.h"
#include "connection/recorderstate.h"
#include "language/recordedtext.h"
#include "store/handshakerecord.h"
#include "store/rowbatch.h"

#include <functional>
#include <vector>

namespace wsi {

// The writes of a recorder decoding on the capture thread (BatchLegWriter), applied by ConnectionLegWriter::apply on
// the GUI thread in one call: the rows in the store's own format (RowBatch: appended in bulk), and the few writes that
// are not rows (the opening's handshake and timings, the app's words for its error rows, the status line) as ordered
// changes that say after which of the batch's records they apply, so the leg sees them in wire order. A tap's batch
// carries one (TapBatch::decoded) when the tap decodes (TapRecorder).
struct DecodedBatch : TapDecoded
{
    struct Change
    {
        enum class Kind : quint8 { RowText, Handshake, Timings, HandshakeUpdated, Status };
        Kind kind = Kind::Status;
        // Applies once the batch's first atRecord records are in the leg (RowText: the words of record atRecord).
        qsizetype atRecord = 0;
        RecordedText text; // RowText, Status
        std::function<void(HandshakeRecord &)> handshake;
        std::function<void(ConnectionTimings &)> timings;
    };

    RowBatch rows;
    std::vector<Change> changes;
    ConnectionLeg::Counters counters; // added to the leg's (the recorder only ever adds)
    RecorderState state; // the recorder's answers after the batch's last row
};

// How far into a DecodedBatch: its first `records` records, its first `changes` changes and the counters they add. A
// proxied connection's two legs decode on the proxy thread into a batch each, and the steps between their rows say
// how far each leg's batch goes at that point (ConnectionLegWriter::applyPart), so the legs keep their wire order.
struct DecodedPart
{
    qsizetype records = 0;
    size_t changes = 0;
    ConnectionLeg::Counters counters;
};

} // namespace wsi
