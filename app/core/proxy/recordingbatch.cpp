// RecordingBatch: holds back a proxied connection's row announcements for the length of one step.
#include "proxy/recordingbatch.h"

#include "proxy/proxiedrecording.h"

namespace wsi {

RecordingBatch::RecordingBatch(ProxiedRecording *recording)
    : m_recording(recording)
{
    m_recording->beginBatch();
}

RecordingBatch::~RecordingBatch()
{
    m_recording->endBatch();
}

} // namespace wsi
