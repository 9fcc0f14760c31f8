// PayloadArena: append-only payload bytes in large chunks, addressed by offset.
#include "store/payloadarena.h"

#include <cstring>

namespace wsi {

quint64 PayloadArena::append(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    if (size == 0)
        return 0;

    if (size > kLargePayload) {
        Chunk chunk;
        chunk.data = BulkMemory(size_t(size));
        chunk.capacity = size;
        chunk.used = size;
        std::memcpy(chunk.data.data(), bytes.data(), size_t(size));
        m_chunks.push_back(std::move(chunk));
        m_bytesStored += size;
        m_bytesReserved += size;
        return quint64(m_chunks.size() - 1) << 32;
    }

    if (m_current < 0 || m_chunks[size_t(m_current)].capacity - m_chunks[size_t(m_current)].used < size) {
        Chunk chunk;
        const qsizetype capacity = qMax(size, m_nextChunkSize);
        m_nextChunkSize = qMin(m_nextChunkSize * 2, kMaxChunkSize);
        chunk.data = BulkMemory(size_t(capacity));
        chunk.capacity = capacity;
        m_chunks.push_back(std::move(chunk));
        m_current = qsizetype(m_chunks.size() - 1);
        m_bytesReserved += capacity;
    }
    Chunk &chunk = m_chunks[size_t(m_current)];
    const quint64 offset = (quint64(m_current) << 32) | quint64(chunk.used);
    std::memcpy(chunk.data.data() + chunk.used, bytes.data(), size_t(size));
    chunk.used += size;
    m_bytesStored += size;
    return offset;
}

quint64 PayloadArena::adopt(QByteArray &&bytes)
{
    const qsizetype size = bytes.size();
    if (size <= kLargePayload)
        return append(bytes);
    Chunk chunk;
    chunk.adopted = std::move(bytes);
    chunk.capacity = size;
    chunk.used = size;
    m_chunks.push_back(std::move(chunk));
    m_bytesStored += size;
    m_bytesReserved += size;
    return quint64(m_chunks.size() - 1) << 32;
}

QByteArrayView PayloadArena::view(quint64 offset, qsizetype size) const
{
    if (size == 0)
        return {};
    const size_t chunkIndex = size_t(offset >> 32);
    const qsizetype position = qsizetype(offset & 0xFFFFFFFFu);
    if (chunkIndex >= m_chunks.size())
        return {};
    const Chunk &chunk = m_chunks[chunkIndex];
    if (position + size > chunk.used)
        return {};
    return QByteArrayView(chunk.bytes() + position, size);
}

} // namespace wsi
