// ClientRules: the window's rules for one reverse proxy client, on the ProxyThread (its FrameHook there).
#pragma once

#include "proxy/framehook.h"
#include "proxy/proxyrulelink.h"

#include <memory>

namespace wsi {

class ProxiedRecording;
class SharedRules;

// Issue 12: a reverse proxy with rules runs its clients on the ProxyThread like one without. Each client gets one of
// these as its hook: once the WebSocket is open it makes the client's ProxyRuleLink (the rules, holds and injections,
// applied there) and tells the GUI thread's ProxyRuleSet through a step of the client's batches (after the 101's rows),
// with the way back to the link (Post: queued to the ProxyThread by client number, nothing once the client is gone).
// Its end is a step too: the ProxyRuleSet lets the connection's held messages go.
class ClientRules : public FrameHook
{
public:
    using Post = ProxyRuleLink::Post;

    ClientRules(std::shared_ptr<SharedRules> rules, ProxiedRecording *recording, Post post);
    ~ClientRules() override;

    // Null until the WebSocket is open, and after it ended.
    ProxyRuleLink *link() const { return m_link.get(); }

    Verdict onFrame(Connection *connection, Toward toward, const FrameHeader &header, QByteArrayView frame,
        QByteArray &out) override;
    void relayStarted(
        Connection *connection, FrameRelay *relay, const HttpHead &request, const HttpHead &response) override;
    void relayEnded(Connection *connection) override;

private:
    std::shared_ptr<SharedRules> m_rules;
    ProxiedRecording *m_recording;
    Post m_post;
    std::unique_ptr<ProxyRuleLink> m_link;
};

} // namespace wsi
