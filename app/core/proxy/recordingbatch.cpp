// RecordingBatch: holds back a proxied connection's row announcements for the length of one step.
#include "proxy/recordingbatch.h"

#include "connection/connection.h"
#include "connection/proxiedtransport.h"

namespace wsi {

RecordingBatch::RecordingBatch(Connection *connection)
    : m_connection(connection)
{
    if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
        t->beginBatch();
}

RecordingBatch::~RecordingBatch()
{
    if (ProxiedTransport *t = m_connection ? m_connection->proxied() : nullptr)
        t->endBatch();
}

} // namespace wsi
