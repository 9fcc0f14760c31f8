// ProxyRuleSet: the proxy's rules as the user edits them, and their held messages and injections, on the GUI thread.
#include "proxy/proxyruleset.h"

#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "proxy/sharedrules.h"

namespace wsi {

ProxyRuleSet::ProxyRuleSet(QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<SharedRules>(this, std::make_shared<RulesSnapshot>(m_rules, m_maxMessageBytes)))
{
    m_held.setResolver([this](const HeldMessage &message, HeldMessages::Decision decision, const QByteArray &payload) {
        resolve(message, decision, payload);
    });
}

ProxyRuleSet::~ProxyRuleSet() = default;

void ProxyRuleSet::setRules(const QList<ProxyRule> &rules)
{
    m_rules = rules;
    publish();
}

void ProxyRuleSet::addRule(const ProxyRule &rule)
{
    m_rules.append(rule);
    publish();
}

void ProxyRuleSet::setMaxMessageBytes(quint64 bytes)
{
    m_maxMessageBytes = bytes;
    publish();
}

void ProxyRuleSet::publish()
{
    m_shared->replace(std::make_shared<RulesSnapshot>(m_rules, m_maxMessageBytes));
}

const ProxyRuleSet::Relay *ProxyRuleSet::relayOf(Connection *connection) const
{
    for (const auto &[key, relay] : m_relays) {
        if (relay.key == connection && relay.connection)
            return &relay;
    }
    return nullptr;
}

bool ProxyRuleSet::isRelaying(Connection *connection) const
{
    return relayOf(connection) != nullptr;
}

void ProxyRuleSet::relayOpened(quint64 key, Connection *connection, ProxyRuleLink::Post post)
{
    Relay relay;
    relay.connection = connection;
    relay.key = connection;
    relay.connectionId = connection ? connection->id() : 0;
    relay.post = std::move(post);
    m_relays[key] = std::move(relay);
}

void ProxyRuleSet::heldOnRelay(quint64 key, HeldMessage message)
{
    const auto found = m_relays.find(key);
    if (found == m_relays.end())
        return;
    if (!found->second.connection) { // nobody can see it to decide: it goes on as it came
        const quint64 number = message.holdNumber;
        const FrameHook::Toward toward = message.toward;
        const QByteArray payload = message.payload;
        found->second.post([=](ProxyRuleLink &link) { link.decide(toward, number, false, payload); });
        return;
    }
    message.connectionId = found->second.connectionId;
    message.relay = key;
    m_held.add(std::move(message));
}

void ProxyRuleSet::relayClosed(quint64 key)
{
    const auto found = m_relays.find(key);
    if (found == m_relays.end())
        return;
    const int id = found->second.connectionId;
    m_relays.erase(found);
    if (id != 0)
        m_held.discardConnection(id); // after the erase: the resolver finds no relay and posts nothing
}

void ProxyRuleSet::resolve(const HeldMessage &message, HeldMessages::Decision decision, const QByteArray &payload)
{
    const auto found = m_relays.find(message.relay);
    if (found == m_relays.end() || decision == HeldMessages::Decision::Discard)
        return;
    const bool drop = decision == HeldMessages::Decision::Drop;
    const FrameHook::Toward toward = message.toward;
    const quint64 number = message.holdNumber;
    ProxiedTransport *transport = found->second.connection ? found->second.connection->proxied() : nullptr;
    if (drop && transport) { // on the sending leg's row (pinned until the link settles it, after this)
        const ConnectionLeg::Facing sender
            = toward == Toward::Server ? ConnectionLeg::Facing::Client : ConnectionLeg::Facing::Server;
        transport->markMessage(
            sender, Direction::Incoming, message.ordinal, ProxyMark { ProxyMark::Action::Dropped, {} });
    }
    // Posted: the relay's thread resumes the direction (at once for a relay on this thread).
    found->second.post([=](ProxyRuleLink &link) { link.decide(toward, number, drop, payload); });
}

bool ProxyRuleSet::inject(Connection *connection, Toward toward, bool text, const QByteArray &payload)
{
    const Relay *relay = relayOf(connection);
    if (!relay)
        return false;
    relay->post([=](ProxyRuleLink &link) { link.inject(toward, text, payload); });
    return true;
}

FrameHook::Verdict ProxyRuleSet::onFrame(
    Connection *, Toward, const FrameHeader &, QByteArrayView frame, QByteArray &out)
{
    // Not reached: every proxy relays where the snapshot is read (rulesForRelayThread), each client with its
    // ClientRules.
    out.append(frame);
    return Verdict::Forwarded;
}

} // namespace wsi
