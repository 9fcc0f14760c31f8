// RecordingBatch: while it lives, a proxied connection's new rows are announced (or handed over) once, at its end.
#pragma once

namespace wsi {

class ProxiedRecording;

// Rows recorded while the proxy handles one read (or one later write of its hook's) are announced together at
// the end, after the hook marked what it did to them: whoever prints rows as they come sees the marks. On the proxy
// thread the same scope has the read's batch handed over after the relayed bytes were flushed.
class RecordingBatch
{
public:
    explicit RecordingBatch(ProxiedRecording *recording);
    ~RecordingBatch();
    RecordingBatch(const RecordingBatch &) = delete;
    RecordingBatch &operator=(const RecordingBatch &) = delete;

private:
    ProxiedRecording *m_recording;
};

} // namespace wsi
