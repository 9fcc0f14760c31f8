// RulesSnapshot: the proxy's rules as one value that never changes, read by the relays on any thread.
#include "proxy/rulessnapshot.h"

namespace wsi {

RulesSnapshot::RulesSnapshot(QList<ProxyRule> rules, quint64 maxMessageBytes)
    : m_rules(std::move(rules))
    , m_maxMessageBytes(maxMessageBytes)
{
    for (const ProxyRule &rule : std::as_const(m_rules)) {
        if (rule.toward() == FrameHook::Toward::Server)
            m_towardServer = true;
        else
            m_towardClient = true;
    }
}

} // namespace wsi
