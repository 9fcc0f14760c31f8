// RulesSnapshot: the proxy's rules as one value that never changes, read by the relays on any thread.
#pragma once

#include "proxy/proxyrule.h"

#include <QList>

namespace wsi {

// Issue 12: the reverse proxy's relays run on the ProxyThread while the user edits the rules on the GUI thread. An
// edit makes a new snapshot and replaces the old one as a whole (SharedRules), as the local server's ServerBehaviour
// is handed to the server thread: a relay never sees half an edit, and a snapshot it still reads stays valid.
class RulesSnapshot
{
public:
    RulesSnapshot(QList<ProxyRule> rules, quint64 maxMessageBytes);

    const QList<ProxyRule> &rules() const { return m_rules; }
    // The most a message gathered for the rules may hold; a larger one goes on unmatched, frame by frame.
    quint64 maxMessageBytes() const { return m_maxMessageBytes; }
    // Whether any rule looks at this direction: without one its messages are not even gathered.
    bool hasRules(FrameHook::Toward toward) const
    {
        return toward == FrameHook::Toward::Server ? m_towardServer : m_towardClient;
    }

private:
    QList<ProxyRule> m_rules;
    quint64 m_maxMessageBytes;
    bool m_towardServer = false;
    bool m_towardClient = false;
};

} // namespace wsi
