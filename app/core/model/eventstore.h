#pragma once

#include "bulkmemory.h"
#include "eventrecord.h"
#include "payloadarena.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace wsi {

// The append-only event stream of one connection. Not a QObject: the owner (Connection) signals appends.
class EventStore
{
public:
    EventStore() = default;

    // Stores the record with its payload; returns the new row index. A message whose payload is the same as
    // the previous message's (an echo) shares that payload's bytes.
    qsizetype append(EventRecord record, QByteArrayView payload);
    // The same, keeping a large payload's buffer instead of copying it (see PayloadArena::adopt).
    qsizetype appendAdopting(EventRecord record, QByteArray &&payload);

    qsizetype size() const { return m_size; }
    const EventRecord &at(qsizetype row) const
    {
        const size_t r = size_t(row);
        if (r < kFirstBlockRecords)
            return records(0)[r];
        const size_t rest = r - kFirstBlockRecords;
        return records(1 + (rest >> kBlockBits))[rest & (kBlockRecords - 1)];
    }
    // A view into the arena; valid as long as the store lives.
    QByteArrayView payload(qsizetype row) const;
    QByteArray payloadCopy(qsizetype row) const { return payload(row).toByteArray(); }
    QString payloadText(qsizetype row) const { return QString::fromUtf8(payload(row)); }

    qsizetype memoryUsed() const;
    qsizetype payloadBytesStored() const { return m_arena.bytesStored(); } // shared payloads count once

private:
    qsizetype store(const EventRecord &record);
    // EventRecord is trivially copyable, so its storage is raw memory (records are copied in, never built in
    // place: constructing a whole block up front touched every page of it at once).
    const EventRecord *records(size_t block) const { return reinterpret_cast<const EventRecord *>(m_blocks[block].data()); }

    // Records live in blocks that never move once full: appending never copies what is stored (a growing
    // vector would copy and fault in fresh memory at every doubling, which showed as a third of the CLI's
    // time in a flood). The first block starts at 64 records and doubles (copying only itself) up to
    // kFirstBlockRecords (640 KB): 10,000 idle clients of the test server cannot each afford more. Every
    // later block holds kBlockRecords, which is 10 MiB: exactly five 2 MiB huge pages (see BulkMemory).
    static constexpr size_t kFirstBlockInitial = 64;
    static constexpr size_t kFirstBlockRecords = size_t(1) << 14;
    static constexpr int kBlockBits = 18;
    static constexpr size_t kBlockRecords = size_t(1) << kBlockBits;
    static_assert(kBlockRecords * sizeof(EventRecord) % BulkMemory::kHugePageSize == 0);
    std::vector<BulkMemory> m_blocks;
    size_t m_firstBlockCapacity = 0;
    qsizetype m_size = 0;
    PayloadArena m_arena;
    quint64 m_lastMessageOffset = 0;
    qsizetype m_lastMessageSize = 0;
};

} // namespace wsi
