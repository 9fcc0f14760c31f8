#pragma once

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

    // Stores the record with its payload; returns the new row index.
    qsizetype append(EventRecord record, QByteArrayView payload);

    qsizetype size() const { return qsizetype(m_records.size()); }
    const EventRecord &at(qsizetype row) const { return m_records[size_t(row)]; }
    // A view into the arena; valid as long as the store lives.
    QByteArrayView payload(qsizetype row) const;
    QByteArray payloadCopy(qsizetype row) const { return payload(row).toByteArray(); }
    QString payloadText(qsizetype row) const { return QString::fromUtf8(payload(row)); }

    qsizetype memoryUsed() const;

private:
    std::vector<EventRecord> m_records;
    PayloadArena m_arena;
};

} // namespace wsi
