// ProxyRuleSet: the proxy's rules as the user edits them, and their held messages and injections, on the GUI thread.
#pragma once

#include "proxy/framehook.h"
#include "proxy/heldmessages.h"
#include "proxy/proxyrule.h"
#include "proxy/proxyrulelink.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>

namespace wsi {

class SharedRules;

// The rules act on each relayed connection through its ProxyRuleLink (what they do to a message is described there).
// Issue 12: a reverse proxy applies them on the ProxyThread (rulesForRelayThread(): each client's ClientRules reads
// the snapshot this object replaces on every edit); the links tell this object of their start, holds and end
// through their batches, and decisions and injections are posted back to them. The forward proxy does the same since
// its clients moved to the ProxyThread too; so this object is a FrameHook only to hand its rules over.
class ProxyRuleSet : public QObject, public FrameHook
{
    Q_OBJECT
public:
    explicit ProxyRuleSet(QObject *parent = nullptr);
    ~ProxyRuleSet() override;

    // Applies to the messages that complete from now on.
    void setRules(const QList<ProxyRule> &rules);
    void addRule(const ProxyRule &rule);
    const QList<ProxyRule> &rules() const { return m_rules; }
    // The most a message gathered for the rules may hold; a larger one goes on unmatched, frame by frame. For the
    // connections that open from now on.
    void setMaxMessageBytes(quint64 bytes);

    HeldMessages *heldMessages() { return &m_held; }

    // Sends a message into one leg of a proxied connection whose WebSocket is open: toward Server, to the server
    // as the client would (masked); toward Client, to the client as the server would (unmasked). It goes between
    // whole messages of that direction (after a held one, when one is held). False when the connection is not
    // relaying (not open yet, or ended).
    bool inject(Connection *connection, Toward toward, bool text, const QByteArray &payload);
    bool isRelaying(Connection *connection) const;

    // FrameHook: both proxies take the rules (rulesForRelayThread) and apply them where their clients relay.
    Verdict onFrame(Connection *connection, Toward toward, const FrameHeader &header, QByteArrayView frame,
        QByteArray &out) override;
    std::shared_ptr<SharedRules> rulesForRelayThread() override { return m_shared; }

    // A link's news, in the order its relay made it (ProxyRuleLink, ClientRules). connection: null when the user
    // deleted it before the relay opened (its holds then go on unchanged: nobody could decide them).
    void relayOpened(quint64 key, Connection *connection, ProxyRuleLink::Post post);
    void heldOnRelay(quint64 key, HeldMessage message);
    void relayClosed(quint64 key);

private:
    struct Relay
    {
        QPointer<Connection> connection;
        Connection *key = nullptr; // valid or not: inject() and isRelaying() name it
        int connectionId = 0;
        ProxyRuleLink::Post post;
    };

    void resolve(const HeldMessage &message, HeldMessages::Decision decision, const QByteArray &payload);
    void publish();
    const Relay *relayOf(Connection *connection) const;

    QList<ProxyRule> m_rules;
    quint64 m_maxMessageBytes = 64ull << 20;
    std::shared_ptr<SharedRules> m_shared;
    HeldMessages m_held;
    std::map<quint64, Relay> m_relays; // by link key
};

} // namespace wsi
