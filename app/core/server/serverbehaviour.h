// ServerBehaviour: what the local server answers (gate, echo, broadcast, auto-replies), on the server thread.
#pragma once

#include "compose/messagetemplate.h"
#include "server/serveroptions.h"

#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QSet>

#include <atomic>
#include <memory>

namespace wsi {

class RelayedClient;
struct HttpHead;

// Issue 12: the answers are made while the client's read is decoded, on the server thread, so what they depend on
// lives there: the mode, the auto-reply rules compiled, broadcast to the sender, the gate's refusals (reject mode,
// origins, max clients) and the template's {{counter}}. LocalServer keeps the options the user sees and posts every
// change here; nothing on the GUI thread reads this object, only the message counts (atomic: the panel's stats).
class ServerBehaviour
{
public:
    // Counted on the server thread, read by LocalServer::stats() on the GUI thread.
    struct Counts
    {
        std::atomic<quint64> messagesIn { 0 };
        std::atomic<quint64> messagesOut { 0 };
    };

    ServerBehaviour(const ServerOptions &options, std::shared_ptr<Counts> counts);

    void setMode(ServerMode mode) { m_options.mode = mode; }
    // Already checked by LocalServer (ServerOptions::autoRepliesProblem).
    void setAutoReplies(const QList<AutoReplyRule> &rules);

    // Empty to let the upgrade go on, else the whole HTTP response to refuse it with. admitted: clients open or
    // closing now (the asking client is still connecting).
    QByteArray gate(const HttpHead &request, int admitted) const;
    // A complete data message from an open client; everyone is every client of the relay (broadcast).
    void onMessage(RelayedClient *from, bool isText, QByteArrayView payload, const QSet<RelayedClient *> &everyone);

private:
    bool applyAutoReplies(RelayedClient *client, QByteArrayView text);
    void send(RelayedClient *to, bool isText, QByteArrayView payload);

    ServerOptions m_options;
    // The rules' regular expressions, compiled once (index for index with the rules; unused for plain text).
    QList<QRegularExpression> m_ruleExpressions;
    MessageTemplate m_template;
    std::shared_ptr<Counts> m_counts;
};

} // namespace wsi
