#pragma once

#include "eventrecord.h"
#include "payloadarena.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <vector>

namespace wsi {

// The append-only event stream of one connection. Not a QObject: the owner (Connection) signals appends.
class EventStore
{
public:
    EventStore() = default;

    // Stores the record with its payload; returns the new row index.
    qsizetype append(EventRecord record, QByteArrayView payload);
    // The same, keeping a large payload's buffer instead of copying it (see PayloadArena::adopt).
    qsizetype appendAdopting(EventRecord record, QByteArray &&payload);

    qsizetype size() const { return m_size; }
    const EventRecord &at(qsizetype row) const
    {
        return m_blocks[size_t(row) >> kBlockBits][size_t(row) & (kBlockSize - 1)];
    }
    // A view into the arena; valid as long as the store lives.
    QByteArrayView payload(qsizetype row) const;
    QByteArray payloadCopy(qsizetype row) const { return payload(row).toByteArray(); }
    QString payloadText(qsizetype row) const { return QString::fromUtf8(payload(row)); }

    qsizetype memoryUsed() const;

private:
    qsizetype store(const EventRecord &record);
    // Records live in fixed blocks: appending never copies what is stored (a growing vector would copy and
    // fault in fresh memory at every doubling, which showed as a third of the CLI's time in a flood).
    static constexpr int kBlockBits = 14;
    static constexpr size_t kBlockSize = size_t(1) << kBlockBits;
    // The first block starts small and doubles up to kBlockSize (copying only itself): a full block is
    // 640 KB of constructed records, which 10,000 idle clients of the test server cannot each afford.
    static constexpr size_t kFirstBlockSize = 64;
    std::vector<std::unique_ptr<EventRecord[]>> m_blocks;
    size_t m_firstBlockCapacity = 0;
    qsizetype m_size = 0;
    PayloadArena m_arena;
};

} // namespace wsi
