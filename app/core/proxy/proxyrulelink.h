// ProxyRuleLink: one proxied connection's rules, on its relay's thread: breakpoints, replaces, drops, injections.
#pragma once

#include "connection/connectionleg.h"
#include "proxy/framehook.h"
#include "proxy/proxydirection.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <vector>

namespace wsi {

class FrameRelay;
class ProxiedRecording;
class RulesSnapshot;
class SharedRules;

// Rules act on whole messages of one direction, in this order: the first matching drop rule drops it; every
// replace rule is applied in turn; then, if a hold rule matches (the replaced message), it is held: that
// direction of that connection waits while the other flows. A message no rule changed goes on byte for byte as it
// came. Every change is marked on the recorded rows (ProxiedTransport::markMessage): the receiving leg's row is what
// went on, with the original kept; a dropped message is marked on the sending leg.
// Issue 12: this runs where the relay runs (the ProxyThread for the reverse proxy, the GUI thread for the forward
// proxy). It reads the rules' current snapshot, and everything it tells the Connection (marks, settled messages)
// or the user (a hold) goes through the relay's ProxiedRecording: steps of its batches, in order with the bytes,
// when the relay is on the ProxyThread. The user's decision and injections come back through decide() and inject().
class ProxyRuleLink
{
public:
    using Toward = FrameHook::Toward;
    using Verdict = FrameHook::Verdict;
    // How the GUI thread reaches a link: at once (the forward proxy's, on the GUI thread) or queued to its thread.
    using Post = std::function<void(std::function<void(ProxyRuleLink &)>)>;

    // request and response: the upgrade and its 101, for the extensions the peers agreed on. recording and relay
    // outlive the link (the relay's own).
    ProxyRuleLink(std::shared_ptr<SharedRules> rules, ProxiedRecording *recording, FrameRelay *relay,
        const HttpHead &request, const HttpHead &response);
    ~ProxyRuleLink();

    // Unique in the run: how the GUI thread names this link (ProxyRuleSet).
    quint64 key() const { return m_key; }
    // FrameHook::onFrame for this connection.
    Verdict onFrame(Toward toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out);
    // The user's decision on the hold numbered `hold` of that direction (HeldMessage::holdNumber): forward payload
    // (the held one, or an edit), or drop it (ProxyRuleSet marks the drop). A decision on a hold that is not the
    // current one does nothing.
    void decide(Toward toward, quint64 hold, bool drop, const QByteArray &payload);
    // A message sent into one leg, between whole messages of that direction (after a held one, when one is held).
    void inject(Toward toward, bool text, const QByteArray &payload);
    // The relay ended: nothing will be marked any more, every message is settled.
    void end();

private:
    struct Side
    {
        std::unique_ptr<ProxyDirection> direction;
        ProxyDirection::Message current; // the message just gathered, or the one held
        bool held = false;
        quint64 holdNumber = 0;
        QByteArray heldPayload; // what the replace rules made of the held message
        quint64 heldOrdinal = 0; // the held message's ordinal on the sending leg
        std::vector<QByteArray> injections; // frames waiting for the end of a message or of a hold
        quint64 settled = 0; // what settle() said last
    };

    const RulesSnapshot &rules();
    Side &side(Toward toward) { return m_sides[toward == Toward::Server ? 0 : 1]; }
    Verdict takeMessage(Toward toward, QByteArray &out);
    void hold(Toward toward, const QByteArray &payload);
    void flushInjections(Toward toward, QByteArray &out);
    void mark(ConnectionLeg::Facing facing, Direction direction, quint64 ordinal, ProxyMark::Action action,
        const QByteArray &original = {});
    // The rules are done with every message the sender of toward sent so far but a held one: the sending leg may
    // let their rows go (ProxiedTransport::keepUnsettledMessages).
    void settle(Toward toward);

    std::shared_ptr<SharedRules> m_shared;
    std::shared_ptr<const RulesSnapshot> m_rules; // the snapshot of m_version
    quint64 m_version = 0;
    ProxiedRecording *m_recording;
    FrameRelay *m_relay;
    quint64 m_key;
    quint64 m_nextHold = 1;
    Side m_sides[2];
};

} // namespace wsi
