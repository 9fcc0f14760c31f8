// ProxyRuleSet: the proxy's FrameHook: breakpoints, match-and-replace, drops and injection, per connection.
#pragma once

#include "proxy/framehook.h"
#include "proxy/heldmessages.h"
#include "proxy/proxyrule.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <unordered_map>
#include <vector>

namespace wsi {

class FrameRelay;
class ProxyDirection;

// Rules act on whole messages of one direction, in this order: the first matching drop rule drops it; every
// replace rule is applied in turn; then, if a hold rule matches (the replaced message), it is held: that
// direction of that connection waits (HeldMessages) while the other flows. A message no rule changed goes on
// byte for byte as it came. Every change is marked on the recorded rows (ProxiedTransport::markMessage): the
// receiving leg's row is what went on, with the original kept; a dropped message is marked on the sending leg.
class ProxyRuleSet : public QObject, public FrameHook
{
    Q_OBJECT
public:
    explicit ProxyRuleSet(QObject *parent = nullptr);
    ~ProxyRuleSet() override;

    // Applies to the messages that complete from now on.
    void setRules(const QList<ProxyRule> &rules) { m_rules = rules; }
    void addRule(const ProxyRule &rule) { m_rules.append(rule); }
    const QList<ProxyRule> &rules() const { return m_rules; }
    // The most a message gathered for the rules may hold; a larger one goes on unmatched, frame by frame.
    void setMaxMessageBytes(quint64 bytes) { m_maxMessageBytes = bytes; }

    HeldMessages *heldMessages() { return &m_held; }

    // Sends a message into one leg of a proxied connection whose WebSocket is open: toward Server, to the server
    // as the client would (masked); toward Client, to the client as the server would (unmasked). It goes between
    // whole messages of that direction (after a held one, when one is held). False when the connection is not
    // relaying (not open yet, or ended).
    bool inject(Connection *connection, Toward toward, bool text, const QByteArray &payload);
    bool isRelaying(Connection *connection) const { return m_links.count(connection) > 0; }

    Verdict onFrame(Connection *connection, Toward toward, const FrameHeader &header, QByteArrayView frame,
        QByteArray &out) override;
    void relayStarted(
        Connection *connection, FrameRelay *relay, const HttpHead &request, const HttpHead &response) override;
    void relayEnded(Connection *connection) override;

private:
    struct Link;
    struct Side;

    Verdict takeMessage(Link &link, Toward toward, QByteArray &out);
    void resolve(const HeldMessage &message, HeldMessages::Decision decision, const QByteArray &payload);
    // Queued injections of a direction go into out, each counted and marked.
    void flushInjections(Link &link, Toward toward, QByteArray &out);
    bool hasRules(Toward toward) const;
    Link *linkFor(int connectionId);

    QList<ProxyRule> m_rules;
    quint64 m_maxMessageBytes = 64ull << 20;
    HeldMessages m_held;
    std::unordered_map<Connection *, std::unique_ptr<Link>> m_links;
};

} // namespace wsi
