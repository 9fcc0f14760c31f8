// ProxyRuleSet: applies the proxy's rules to whole messages, holds, resumes and injects.
#include "proxy/proxyruleset.h"

#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "protocol/deflatenegotiation.h"
#include "proxy/framerelay.h"
#include "proxy/proxydirection.h"

#include <limits>

namespace wsi {

namespace {

int sideIndex(FrameHook::Toward toward)
{
    return toward == FrameHook::Toward::Server ? 0 : 1;
}

// The leg the sender's bytes arrive on, and the leg the receiver gets them on.
ConnectionLeg::Facing senderLeg(FrameHook::Toward toward)
{
    return toward == FrameHook::Toward::Server ? ConnectionLeg::Facing::Client : ConnectionLeg::Facing::Server;
}

ConnectionLeg::Facing receiverLeg(FrameHook::Toward toward)
{
    return toward == FrameHook::Toward::Server ? ConnectionLeg::Facing::Server : ConnectionLeg::Facing::Client;
}

} // namespace

struct ProxyRuleSet::Side
{
    std::unique_ptr<ProxyDirection> direction;
    ProxyDirection::Message current; // the message just gathered, or the one held
    bool held = false;
    quint64 heldId = 0;
    quint64 heldOrdinal = 0; // the held message's ordinal on the sending leg
    std::vector<QByteArray> injections; // frames waiting for the end of a message or of a hold
};

struct ProxyRuleSet::Link
{
    QPointer<Connection> connection;
    int connectionId = 0;
    FrameRelay *relay = nullptr;
    Side sides[2];

    void mark(ConnectionLeg::Facing facing, Direction direction, quint64 ordinal, ProxyMark::Action action,
        const QByteArray &original = {})
    {
        if (ProxiedTransport *t = connection ? connection->proxied() : nullptr)
            t->markMessage(facing, direction, ordinal, ProxyMark { action, original });
    }

    // The rules are done with every message the sender of toward sent so far but a held one: the sending leg may
    // let their rows go (ProxiedTransport::keepUnsettledMessages).
    void settle(Toward toward)
    {
        const Side &side = sides[sideIndex(toward)];
        if (ProxiedTransport *t = connection ? connection->proxied() : nullptr)
            t->settleMessages(senderLeg(toward), side.direction->fromSender() - (side.held ? 1 : 0));
    }
};

ProxyRuleSet::ProxyRuleSet(QObject *parent)
    : QObject(parent)
{
    m_held.setResolver([this](const HeldMessage &message, HeldMessages::Decision decision, const QByteArray &payload) {
        resolve(message, decision, payload);
    });
}

ProxyRuleSet::~ProxyRuleSet() = default;

bool ProxyRuleSet::hasRules(Toward toward) const
{
    for (const ProxyRule &rule : m_rules) {
        if (rule.toward() == toward)
            return true;
    }
    return false;
}

ProxyRuleSet::Link *ProxyRuleSet::linkFor(int connectionId)
{
    for (auto &entry : m_links) {
        if (entry.second->connectionId == connectionId)
            return entry.second.get();
    }
    return nullptr;
}

void ProxyRuleSet::relayStarted(
    Connection *connection, FrameRelay *relay, const HttpHead &request, const HttpHead &response)
{
    auto link = std::make_unique<Link>();
    link->connection = connection;
    link->connectionId = connection->id();
    link->relay = relay;
    const DeflateNegotiation deflate = DeflateNegotiation::fromHeads(request, response);
    for (Toward toward : { Toward::Server, Toward::Client }) {
        Side &side = link->sides[sideIndex(toward)];
        side.direction = std::make_unique<ProxyDirection>(toward, m_maxMessageBytes);
        if (deflate.negotiated()) {
            const bool sentByServer = toward == Toward::Client;
            side.direction->setDeflate(
                deflate.params().windowBits(sentByServer), deflate.params().noContextTakeover(sentByServer));
        }
    }
    if (ProxiedTransport *t = connection->proxied())
        t->keepUnsettledMessages();
    m_links[connection] = std::move(link);
}

void ProxyRuleSet::relayEnded(Connection *connection)
{
    auto it = m_links.find(connection);
    if (it == m_links.end())
        return;
    const int id = it->second->connectionId;
    if (ProxiedTransport *t = connection->proxied()) { // nothing will be marked any more
        t->settleMessages(ConnectionLeg::Facing::Client, std::numeric_limits<quint64>::max());
        t->settleMessages(ConnectionLeg::Facing::Server, std::numeric_limits<quint64>::max());
    }
    m_links.erase(it);
    m_held.discardConnection(id); // after the erase: the resolver finds no link and writes nothing
}

FrameHook::Verdict ProxyRuleSet::onFrame(
    Connection *connection, Toward toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out)
{
    auto it = m_links.find(connection);
    if (it == m_links.end()) {
        out.append(frame);
        return Verdict::Forwarded;
    }
    Link &link = *it->second;
    Side &side = link.sides[sideIndex(toward)];
    if (!side.direction->feed(header, frame, hasRules(toward), out, &side.current)) {
        if (!side.direction->midMessage())
            flushInjections(link, toward, out);
        link.settle(toward);
        return Verdict::Forwarded;
    }
    const Verdict verdict = takeMessage(link, toward, out);
    link.settle(toward);
    return verdict;
}

FrameHook::Verdict ProxyRuleSet::takeMessage(Link &link, Toward toward, QByteArray &out)
{
    Side &side = link.sides[sideIndex(toward)];
    ProxyDirection &direction = *side.direction;
    const ProxyDirection::Message &message = side.current;
    for (const ProxyRule &rule : m_rules) {
        if (rule.toward() == toward && rule.action() == ProxyRule::Action::Drop
            && rule.matches(message.opcode, message.payload)) {
            direction.changed(message);
            link.mark(senderLeg(toward), Direction::Incoming, direction.fromSender(), ProxyMark::Action::Dropped);
            flushInjections(link, toward, out);
            return Verdict::Forwarded;
        }
    }
    QByteArray payload = message.payload;
    for (const ProxyRule &rule : m_rules) {
        if (rule.toward() == toward && rule.action() == ProxyRule::Action::Replace)
            payload = rule.replace(message.opcode, payload);
    }
    for (const ProxyRule &rule : m_rules) {
        if (rule.toward() == toward && rule.action() == ProxyRule::Action::Hold
            && rule.matches(message.opcode, payload)) {
            HeldMessage held;
            held.connectionId = link.connectionId;
            held.toward = toward;
            held.opcode = message.opcode;
            held.payload = payload;
            held.original = message.payload;
            side.held = true;
            side.heldOrdinal = direction.fromSender();
            side.heldId = m_held.add(held);
            return Verdict::Held;
        }
    }
    if (payload != message.payload) {
        direction.changed(message);
        out.append(direction.encode(message, &payload));
        direction.countWritten();
        link.mark(receiverLeg(toward), Direction::Outgoing, direction.toReceiver(), ProxyMark::Action::Replaced,
            message.payload);
    } else {
        out.append(direction.encode(message, nullptr));
        direction.countWritten();
    }
    flushInjections(link, toward, out);
    return Verdict::Forwarded;
}

void ProxyRuleSet::resolve(const HeldMessage &message, HeldMessages::Decision decision, const QByteArray &payload)
{
    Link *link = linkFor(message.connectionId);
    if (!link || decision == HeldMessages::Decision::Discard)
        return;
    Side &side = link->sides[sideIndex(message.toward)];
    if (!side.held || side.heldId != message.id)
        return;
    side.held = false;
    ProxyDirection &direction = *side.direction;
    const ProxyDirection::Message &original = side.current;
    QByteArray out;
    if (decision == HeldMessages::Decision::Drop) {
        direction.changed(original);
        link->mark(senderLeg(message.toward), Direction::Incoming, side.heldOrdinal, ProxyMark::Action::Dropped);
    } else if (payload != original.payload) {
        direction.changed(original);
        out.append(direction.encode(original, &payload));
        direction.countWritten();
        // Unchanged from what the replace rules made of it: a replacement; changed by the user: an edit.
        const ProxyMark::Action action
            = payload == message.payload ? ProxyMark::Action::Replaced : ProxyMark::Action::Edited;
        link->mark(receiverLeg(message.toward), Direction::Outgoing, direction.toReceiver(), action, original.payload);
    } else {
        out.append(direction.encode(original, nullptr));
        direction.countWritten();
    }
    side.current = {};
    link->settle(message.toward);
    flushInjections(*link, message.toward, out);
    link->relay->resume(message.toward, out);
}

bool ProxyRuleSet::inject(Connection *connection, Toward toward, bool text, const QByteArray &payload)
{
    auto it = m_links.find(connection);
    if (it == m_links.end())
        return false;
    Link &link = *it->second;
    Side &side = link.sides[sideIndex(toward)];
    side.injections.push_back(side.direction->encodeInjected(text ? 0x1 : 0x2, payload));
    if (side.held || side.direction->midMessage())
        return true; // it goes when the held message is decided, or after the message's last frame
    QByteArray out;
    flushInjections(link, toward, out);
    link.relay->write(toward, out);
    return true;
}

void ProxyRuleSet::flushInjections(Link &link, Toward toward, QByteArray &out)
{
    Side &side = link.sides[sideIndex(toward)];
    for (const QByteArray &frame : side.injections) {
        side.direction->countWritten();
        link.mark(receiverLeg(toward), Direction::Outgoing, side.direction->toReceiver(), ProxyMark::Action::Injected);
        out.append(frame);
    }
    side.injections.clear();
}

} // namespace wsi
