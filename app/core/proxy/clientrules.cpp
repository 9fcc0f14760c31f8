// ClientRules: the window's rules for one reverse proxy client, on the ProxyThread (its FrameHook there).
#include "proxy/clientrules.h"

#include "proxy/proxiedrecording.h"
#include "proxy/proxyrulelink.h"
#include "proxy/proxyruleset.h"
#include "proxy/sharedrules.h"

namespace wsi {

ClientRules::ClientRules(std::shared_ptr<SharedRules> rules, ProxiedRecording *recording, Post post)
    : m_rules(std::move(rules))
    , m_recording(recording)
    , m_post(std::move(post))
{ }

ClientRules::~ClientRules() = default;

FrameHook::Verdict ClientRules::onFrame(
    Connection *, Toward toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out)
{
    if (!m_link) {
        out.append(frame);
        return Verdict::Forwarded;
    }
    return m_link->onFrame(toward, header, frame, out);
}

void ClientRules::relayStarted(Connection *, FrameRelay *relay, const HttpHead &request, const HttpHead &response)
{
    m_link = std::make_unique<ProxyRuleLink>(m_rules, m_recording, relay, request, response);
    m_recording->forRules([rules = m_rules, key = m_link->key(), post = m_post](Connection *connection) {
        if (ProxyRuleSet *desk = rules->desk())
            desk->relayOpened(key, connection, post);
    });
}

void ClientRules::relayEnded(Connection *)
{
    if (!m_link)
        return;
    m_link->end();
    m_recording->forRules([rules = m_rules, key = m_link->key()](Connection *) {
        if (ProxyRuleSet *desk = rules->desk())
            desk->relayClosed(key);
    });
    m_link.reset();
}

} // namespace wsi
