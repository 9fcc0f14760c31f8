// SharedRules: the rules' current snapshot, shared by the GUI thread that edits them and the relays that apply them.
#pragma once

#include "proxy/rulessnapshot.h"

#include <QMutex>
#include <QPointer>

#include <atomic>
#include <memory>

namespace wsi {

class ProxyRuleSet;

// One per ProxyRuleSet. The GUI thread replaces the snapshot (replace()); a relay on any thread takes it again only
// when version() moved, so a flood costs one atomic load per frame, not a lock. desk(): where a relay's holds,
// and its start and end, are shown and decided: the ProxyRuleSet, on the GUI thread only.
class SharedRules
{
public:
    SharedRules(ProxyRuleSet *desk, std::shared_ptr<const RulesSnapshot> first);

    std::shared_ptr<const RulesSnapshot> current() const;
    quint64 version() const { return m_version.load(std::memory_order_acquire); }
    void replace(std::shared_ptr<const RulesSnapshot> rules);
    // GUI thread only; null once the ProxyRuleSet is gone.
    ProxyRuleSet *desk() const { return m_desk.data(); }

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const RulesSnapshot> m_current;
    std::atomic<quint64> m_version { 1 };
    QPointer<ProxyRuleSet> m_desk;
};

} // namespace wsi
