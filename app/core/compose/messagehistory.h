// MessageHistory: the messages sent this session, for Alt+Up / Alt+Down in the composer.
#pragma once

#include "compose/payloadparser.h"

#include <QList>
#include <QString>

namespace wsi {

// Every message sent this session, newest last, for Alt+Up / Alt+Down in the composer. Consecutive
// duplicates are kept once; the list is bounded.
class MessageHistory
{
public:
    struct Entry
    {
        PayloadFormat format = PayloadFormat::Text;
        QString body;
    };

    explicit MessageHistory(int limit = 500)
        : m_limit(limit)
    { }

    void add(const Entry &entry);
    // Walks back (older) or forward (newer) from the current position; returns false at either end.
    bool previous(Entry *entry);
    bool next(Entry *entry);
    void resetPosition() { m_position = int(m_entries.size()); }
    const QList<Entry> &entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
    int m_limit;
    int m_position = 0;
};

} // namespace wsi
