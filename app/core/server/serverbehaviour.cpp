// ServerBehaviour: what the local server answers (gate, echo, broadcast, auto-replies), on the server thread.
#include "server/serverbehaviour.h"

#include "protocol/httphead.h"
#include "server/relayedclient.h"

namespace wsi {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray httpResponse(int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bool hasType = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType && !body.isEmpty())
        out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    return out;
}

} // namespace

ServerBehaviour::ServerBehaviour(const ServerOptions &options, std::shared_ptr<Counts> counts)
    : m_options(options)
    , m_counts(std::move(counts))
{
    setAutoReplies(options.autoReplies);
}

void ServerBehaviour::setAutoReplies(const QList<AutoReplyRule> &rules)
{
    m_options.autoReplies = rules;
    m_ruleExpressions.clear();
    for (const AutoReplyRule &rule : rules) {
        m_ruleExpressions << (rule.isRegex ? QRegularExpression(rule.pattern) : QRegularExpression());
        if (rule.isRegex)
            m_ruleExpressions.last().optimize(); // compiled now, not on the first message
    }
}

QByteArray ServerBehaviour::gate(const HttpHead &request, int admitted) const
{
    if (m_options.mode == ServerMode::Reject)
        return httpResponse(m_options.rejectStatus, m_options.rejectHeaders, m_options.rejectBody);
    if (!m_options.allowedOrigins.isEmpty()) {
        const QString origin = QString::fromUtf8(request.value("Origin"));
        if (!m_options.allowedOrigins.contains(origin, Qt::CaseInsensitive)) {
            const QByteArray body = origin.isEmpty()
                ? QByteArray("Forbidden: the request has no Origin header, and this test server only allows: ")
                    + m_options.allowedOrigins.join(QStringLiteral(", ")).toUtf8() + '\n'
                : "Forbidden: origin " + origin.toUtf8() + " is not allowed by this test server; allowed: "
                    + m_options.allowedOrigins.join(QStringLiteral(", ")).toUtf8() + '\n';
            return httpResponse(403, {}, body);
        }
    }
    if (m_options.maxClients > 0 && admitted >= m_options.maxClients)
        return httpResponse(503, { { "Retry-After", "1" } },
            "Service Unavailable: this test server allows " + QByteArray::number(m_options.maxClients)
                + " client(s) at once.\n");
    return {};
}

void ServerBehaviour::onMessage(
    RelayedClient *from, bool isText, QByteArrayView payload, const QSet<RelayedClient *> &everyone)
{
    m_counts->messagesIn.fetch_add(1, std::memory_order_relaxed);
    if (m_options.mode == ServerMode::Silent)
        return;
    if (isText && !m_options.autoReplies.isEmpty() && applyAutoReplies(from, payload))
        return;
    switch (m_options.mode) {
    case ServerMode::Echo:
        // The decoded bytes go straight back: no QString round trip, no copy but the one into the frame.
        send(from, isText, payload);
        break;
    case ServerMode::Broadcast:
        for (RelayedClient *other : everyone) {
            if (other != from || m_options.broadcastToSender)
                send(other, isText, payload);
        }
        break;
    default:
        break;
    }
}

bool ServerBehaviour::applyAutoReplies(RelayedClient *client, QByteArrayView text)
{
    const QString decoded = QString::fromUtf8(text);
    for (qsizetype i = 0; i < m_options.autoReplies.size(); ++i) {
        const AutoReplyRule &rule = m_options.autoReplies.at(i);
        const bool match
            = rule.isRegex ? m_ruleExpressions.at(i).match(decoded).hasMatch() : decoded.contains(rule.pattern);
        if (match) {
            send(client, true, m_template.resolve(rule.replyTemplate).toUtf8());
            return true;
        }
    }
    return false;
}

void ServerBehaviour::send(RelayedClient *to, bool isText, QByteArrayView payload)
{
    if (to->sendMessage(isText, payload))
        m_counts->messagesOut.fetch_add(1, std::memory_order_relaxed);
}

} // namespace wsi
