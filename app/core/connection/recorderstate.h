// RecorderState: what a WireRecorder knows about its wire besides the rows (asked by the transport and injector).
#pragma once

#include <QtGlobal>

namespace wsi {

// A WireRecorder's answers about its wire at one moment, as its transport and TapInjector ask for them: when the
// recorder decodes on another thread, each DecodedBatch carries them as they were after its last row.
struct RecorderState
{
    bool openSeen = false;
    bool upgradeFailed = false;
    bool violationSeen = false;
    bool clientStreamAtBoundary = false;
    int firstCloseDirection = -1; // -1 none, else int(Direction)
    qint64 handshakeStartUs = -1;
    qint64 responseHeadUs = -1;
    quint64 clientStreamMessages = 0;
    quint64 clientStreamPings = 0;
};

} // namespace wsi
