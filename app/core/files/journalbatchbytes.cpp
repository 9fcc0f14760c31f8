// JournalBatchBytes: a journal batch's bytes, small payloads copied in at once when the batch is posted.
#include "files/journalbatchbytes.h"

#include <cstring>

namespace wsi {

void JournalBatchBytes::append(QByteArrayView bytes)
{
    copyPending();
    m_copied.append(bytes);
}

QByteArray JournalBatchBytes::take()
{
    copyPending();
    QByteArray bytes = std::move(m_copied);
    m_copied = QByteArray();
    return bytes;
}

void JournalBatchBytes::copyPending()
{
    if (m_pending.empty())
        return;
    const qsizetype start = m_copied.size();
    m_copied.resize(start + m_pendingBytes); // one allocation at the final size; resize() leaves the bytes as they are
    char *to = m_copied.data() + start;
    for (const QByteArrayView payload : m_pending) {
        std::memcpy(to, payload.data(), size_t(payload.size()));
        to += payload.size();
    }
    m_pending.clear();
    m_pendingBytes = 0;
}

} // namespace wsi
