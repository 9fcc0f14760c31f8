// PayloadArena: append-only payload bytes in large chunks, addressed by offset.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include "store/bulkmemory.h"
#include <vector>

namespace wsi {

// Append-only byte storage in large chunks: a million small payloads cost one allocation per chunk,
// not one QByteArray each. Stored bytes never move, so views stay valid for the arena's lifetime.
class PayloadArena
{
public:
    // Payloads larger than this get a chunk of their own, so that small ones keep packing densely.
    static constexpr qsizetype kLargePayload = qsizetype(256) << 10;
    // Chunks for small payloads start at 4 KB and double up to this: 8 MiB, four huge pages (BulkMemory).
    static constexpr qsizetype kMaxChunkSize = qsizetype(8) << 20;

    PayloadArena() = default;
    PayloadArena(const PayloadArena &) = delete;
    PayloadArena &operator=(const PayloadArena &) = delete;

    // Returns the offset to pass to view().
    quint64 append(QByteArrayView bytes);
    // Takes over an already filled buffer (a large reassembled message) instead of copying it: copying 64 MiB
    // into fresh pages blocks the event loop for hundreds of milliseconds, the buffer is already faulted in.
    quint64 adopt(QByteArray &&bytes);
    QByteArrayView view(quint64 offset, qsizetype size) const;
    qsizetype bytesStored() const { return m_bytesStored; }
    qsizetype bytesReserved() const { return m_bytesReserved; }

private:
    // Offsets encode (chunk index << 32 | position in chunk): a payload never straddles chunks.
    struct Chunk
    {
        BulkMemory data;
        QByteArray adopted; // set instead of data for adopt()ed buffers
        const char *bytes() const { return data.data() ? data.data() : adopted.constData(); }
        qsizetype capacity = 0;
        qsizetype used = 0;
    };
    std::vector<Chunk> m_chunks;
    qsizetype m_current = -1; // chunk that small payloads go into
    // Chunks for small payloads start small: a connection with a handshake and a few frames (10,000 idle
    // test-server clients) must not reserve a megabyte each.
    qsizetype m_nextChunkSize = 4096;
    qsizetype m_bytesStored = 0;
    qsizetype m_bytesReserved = 0;
};

} // namespace wsi
