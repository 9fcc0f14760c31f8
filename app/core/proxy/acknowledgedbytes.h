// AcknowledgedBytes: how far the GUI thread applied a proxied client's batches, shared with the proxy thread.
#pragma once

#include <QtGlobal>

#include <atomic>

namespace wsi {

// Issue 12: an acknowledgement posted back per applied batch woke the proxy thread (an event-loop turn polling every
// socket) once per batch, most of the proxy thread's extra CPU per 64 KiB echo. The GUI thread adds what it applied
// here instead, and wakes the proxy thread only when the client said it waits (it stopped reading, held back).
// Why no wake-up is lost: the proxy thread sets `waiting` and then reads `bytes` again; the GUI thread adds to
// `bytes` and then takes `waiting` (both sequentially consistent), so one of the two sees the other.
struct AcknowledgedBytes
{
    std::atomic<qint64> bytes { 0 };
    std::atomic<bool> waiting { false };
};

} // namespace wsi
