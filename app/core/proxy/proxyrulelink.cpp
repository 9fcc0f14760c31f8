// ProxyRuleLink: one proxied connection's rules, on its relay's thread: breakpoints, replaces, drops, injections.
#include "proxy/proxyrulelink.h"

#include "protocol/deflatenegotiation.h"
#include "proxy/framerelay.h"
#include "proxy/heldmessage.h"
#include "proxy/proxiedrecording.h"
#include "proxy/proxyruleset.h"
#include "proxy/sharedrules.h"

#include <atomic>
#include <limits>

namespace wsi {

namespace {

// The leg the sender's bytes arrive on, and the leg the receiver gets them on.
ConnectionLeg::Facing senderLeg(FrameHook::Toward toward)
{
    return toward == FrameHook::Toward::Server ? ConnectionLeg::Facing::Client : ConnectionLeg::Facing::Server;
}

ConnectionLeg::Facing receiverLeg(FrameHook::Toward toward)
{
    return toward == FrameHook::Toward::Server ? ConnectionLeg::Facing::Server : ConnectionLeg::Facing::Client;
}

std::atomic<quint64> g_nextKey { 1 };

} // namespace

ProxyRuleLink::ProxyRuleLink(std::shared_ptr<SharedRules> rules, ProxiedRecording *recording, FrameRelay *relay,
    const HttpHead &request, const HttpHead &response)
    : m_shared(std::move(rules))
    , m_recording(recording)
    , m_relay(relay)
    , m_key(g_nextKey.fetch_add(1))
{
    const DeflateNegotiation deflate = DeflateNegotiation::fromHeads(request, response);
    for (Toward toward : { Toward::Server, Toward::Client }) {
        Side &s = side(toward);
        s.direction = std::make_unique<ProxyDirection>(toward, this->rules().maxMessageBytes());
        if (deflate.negotiated()) {
            const bool sentByServer = toward == Toward::Client;
            s.direction->setDeflate(
                deflate.params().windowBits(sentByServer), deflate.params().noContextTakeover(sentByServer));
        }
    }
    m_recording->keepUnsettledMessages();
}

ProxyRuleLink::~ProxyRuleLink() = default;

const RulesSnapshot &ProxyRuleLink::rules()
{
    const quint64 version = m_shared->version();
    if (version != m_version) { // the user edited the rules: later messages meet the new ones
        m_rules = m_shared->current();
        m_version = version;
    }
    return *m_rules;
}

void ProxyRuleLink::mark(ConnectionLeg::Facing facing, Direction direction, quint64 ordinal, ProxyMark::Action action,
    const QByteArray &original)
{
    m_recording->markMessage(facing, direction, ordinal, ProxyMark { action, original });
}

void ProxyRuleLink::settle(Toward toward)
{
    Side &s = side(toward);
    const quint64 count = s.direction->fromSender() - (s.held ? 1 : 0);
    if (count == s.settled)
        return; // a step per message at most, not per frame
    s.settled = count;
    m_recording->settleMessages(senderLeg(toward), count);
}

void ProxyRuleLink::end()
{
    m_recording->settleMessages(ConnectionLeg::Facing::Client, std::numeric_limits<quint64>::max());
    m_recording->settleMessages(ConnectionLeg::Facing::Server, std::numeric_limits<quint64>::max());
}

FrameHook::Verdict ProxyRuleLink::onFrame(
    Toward toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out)
{
    Side &s = side(toward);
    if (!s.direction->feed(header, frame, rules().hasRules(toward), out, &s.current)) {
        if (!s.direction->midMessage())
            flushInjections(toward, out);
        settle(toward);
        return Verdict::Forwarded;
    }
    const Verdict verdict = takeMessage(toward, out);
    settle(toward);
    return verdict;
}

FrameHook::Verdict ProxyRuleLink::takeMessage(Toward toward, QByteArray &out)
{
    Side &s = side(toward);
    ProxyDirection &direction = *s.direction;
    const ProxyDirection::Message &message = s.current;
    const std::shared_ptr<const RulesSnapshot> snapshot = m_rules; // one snapshot for the whole message
    for (const ProxyRule &rule : snapshot->rules()) {
        if (rule.toward() == toward && rule.action() == ProxyRule::Action::Drop
            && rule.matches(message.opcode, message.payload)) {
            direction.changed(message);
            mark(senderLeg(toward), Direction::Incoming, direction.fromSender(), ProxyMark::Action::Dropped);
            flushInjections(toward, out);
            return Verdict::Forwarded;
        }
    }
    QByteArray payload = message.payload;
    for (const ProxyRule &rule : snapshot->rules()) {
        if (rule.toward() == toward && rule.action() == ProxyRule::Action::Replace)
            payload = rule.replace(message.opcode, payload);
    }
    for (const ProxyRule &rule : snapshot->rules()) {
        if (rule.toward() == toward && rule.action() == ProxyRule::Action::Hold
            && rule.matches(message.opcode, payload)) {
            hold(toward, payload);
            return Verdict::Held;
        }
    }
    if (payload != message.payload) {
        direction.changed(message);
        out.append(direction.encode(message, &payload));
        direction.countWritten();
        mark(receiverLeg(toward), Direction::Outgoing, direction.toReceiver(), ProxyMark::Action::Replaced,
            message.payload);
    } else {
        out.append(direction.encode(message, nullptr));
        direction.countWritten();
    }
    flushInjections(toward, out);
    return Verdict::Forwarded;
}

void ProxyRuleLink::hold(Toward toward, const QByteArray &payload)
{
    Side &s = side(toward);
    s.held = true;
    s.holdNumber = m_nextHold++;
    s.heldPayload = payload;
    s.heldOrdinal = s.direction->fromSender();
    HeldMessage held;
    held.toward = toward;
    held.opcode = s.current.opcode;
    held.payload = payload;
    held.original = s.current.payload;
    held.holdNumber = s.holdNumber;
    held.ordinal = s.heldOrdinal;
    // After the rows of the read that carried it (a step of the same batch): the list shows what the log has.
    m_recording->forRules([shared = m_shared, key = m_key, held](Connection *) {
        if (ProxyRuleSet *desk = shared->desk())
            desk->heldOnRelay(key, held);
    });
}

void ProxyRuleLink::decide(Toward toward, quint64 hold, bool drop, const QByteArray &payload)
{
    Side &s = side(toward);
    if (!s.held || s.holdNumber != hold)
        return;
    s.held = false;
    ProxyDirection &direction = *s.direction;
    const ProxyDirection::Message &original = s.current;
    QByteArray out;
    if (drop) {
        // Marked by the side that decided, at once (ProxyRuleSet::resolve): the row is there (the hold was listed
        // after it), and a reader of the rows learns of the drop before it learns that the hold was let go.
        direction.changed(original);
    } else if (payload != original.payload) {
        direction.changed(original);
        out.append(direction.encode(original, &payload));
        direction.countWritten();
        // Unchanged from what the replace rules made of it: a replacement; changed by the user: an edit.
        const ProxyMark::Action action
            = payload == s.heldPayload ? ProxyMark::Action::Replaced : ProxyMark::Action::Edited;
        mark(receiverLeg(toward), Direction::Outgoing, direction.toReceiver(), action, original.payload);
    } else {
        out.append(direction.encode(original, nullptr));
        direction.countWritten();
    }
    s.current = {};
    s.heldPayload.clear();
    settle(toward);
    flushInjections(toward, out);
    m_relay->resume(toward, out);
}

void ProxyRuleLink::inject(Toward toward, bool text, const QByteArray &payload)
{
    Side &s = side(toward);
    s.injections.push_back(s.direction->encodeInjected(text ? 0x1 : 0x2, payload));
    if (s.held || s.direction->midMessage())
        return; // it goes when the held message is decided, or after the message's last frame
    QByteArray out;
    flushInjections(toward, out);
    m_relay->write(toward, out);
}

void ProxyRuleLink::flushInjections(Toward toward, QByteArray &out)
{
    Side &s = side(toward);
    for (const QByteArray &frame : s.injections) {
        s.direction->countWritten();
        mark(receiverLeg(toward), Direction::Outgoing, s.direction->toReceiver(), ProxyMark::Action::Injected);
        out.append(frame);
    }
    s.injections.clear();
}

} // namespace wsi
