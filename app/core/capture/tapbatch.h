// TapBatch: what a tap recorded since its last batch, handed from the capture thread to the GUI thread at once.
#pragma once

#include "store/eventrecord.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace wsi {

// What a TapDecoder made of a batch's chunks on the capture thread, for the GUI side that gave the tap its decoder
// (the tap does not know what it is: a connection's rows, in the layer above).
class TapDecoded
{
public:
    virtual ~TapDecoded() = default;
};

// One read (or one injected frame) exactly as the tap recorded it.
struct TapChunk
{
    Direction direction = Direction::Outgoing;
    bool injected = false; // written upstream by the app itself (TapHandle::inject), not relayed from its client
    qint64 timeUs = 0;
    QByteArray bytes;
};

// The chunks in wire order, and the tap's state as the batch left, so that the GUI side never asks the tap.
struct TapBatch
{
    QList<TapChunk> chunks; // none when the tap decodes: then `decoded` holds what they said
    std::shared_ptr<const TapDecoded> decoded;
    qint64 bytes = 0; // the chunks' bytes: what the receiver acknowledges (TapHandle does, once it handed them on)
    qint64 upstreamBacklog = 0; // bytes the tap has yet to hand to the kernel towards the server
    qint64 injectionsSettled = 0; // frame bytes injected or dropped (the tunnel was gone) since the last batch
};

} // namespace wsi
