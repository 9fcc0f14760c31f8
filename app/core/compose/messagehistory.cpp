// MessageHistory: the messages sent this session, for Alt+Up / Alt+Down in the composer.
#include "compose/messagehistory.h"

namespace wsi {

void MessageHistory::add(const Entry &entry)
{
    if (m_entries.isEmpty() || m_entries.last().body != entry.body || m_entries.last().format != entry.format)
        m_entries << entry;
    while (m_entries.size() > m_limit)
        m_entries.removeFirst();
    resetPosition();
}

bool MessageHistory::previous(Entry *entry)
{
    if (m_position <= 0)
        return false;
    *entry = m_entries.at(--m_position);
    return true;
}

bool MessageHistory::next(Entry *entry)
{
    if (m_position >= m_entries.size() - 1) {
        m_position = int(m_entries.size());
        return false;
    }
    *entry = m_entries.at(++m_position);
    return true;
}

} // namespace wsi
