// SharedRules: the rules' current snapshot, shared by the GUI thread that edits them and the relays that apply them.
#include "proxy/sharedrules.h"

#include "proxy/proxyruleset.h"

namespace wsi {

SharedRules::SharedRules(ProxyRuleSet *desk, std::shared_ptr<const RulesSnapshot> first)
    : m_current(std::move(first))
    , m_desk(desk)
{ }

std::shared_ptr<const RulesSnapshot> SharedRules::current() const
{
    const QMutexLocker lock(&m_mutex);
    return m_current;
}

void SharedRules::replace(std::shared_ptr<const RulesSnapshot> rules)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_current = std::move(rules);
    }
    // After the swap: a relay that sees the new version takes the new snapshot.
    m_version.fetch_add(1, std::memory_order_release);
}

} // namespace wsi
