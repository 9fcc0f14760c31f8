// TransportEndpoints: the test server's HTTP polling, long polling, streaming and WebSocket endpoints under
// /transports/.
#include "server/transportendpoints.h"

#include "protocol/httphead.h"
#include "server/transportsocket.h"
#include "server/upgradeanswers.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace wsi {

namespace {

constexpr QByteArrayView kPrefix = "/transports/";

// The head of a plain HTTP/1.1 response with a known length (keep-alive, as servers answer browsers).
QByteArray responseHead(const QByteArray &statusLine, const QByteArray &contentType, qint64 length)
{
    QByteArray head = "HTTP/1.1 " + statusLine + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    if (length >= 0)
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    return head + "Cache-Control: no-store\r\n\r\n";
}

const QByteArray kNoContent = responseHead("204 No Content", {}, -1);

int afterOf(const HttpHead &head)
{
    const qsizetype question = head.target.indexOf('?');
    if (question >= 0) {
        const QUrlQuery query(QString::fromLatin1(head.target.mid(question + 1)));
        const int after = query.queryItemValue(QStringLiteral("after")).toInt();
        if (after > 0)
            return after;
    }
    return head.value("Last-Event-ID").toInt(); // an EventSource that reconnects says where it was
}

} // namespace

TransportEndpoints::TransportEndpoints(std::shared_ptr<TransportTallies> tallies, QObject *parent)
    : QObject(parent)
    , m_tallies(std::move(tallies))
{ }

TransportEndpoints::~TransportEndpoints() = default;

TransportEndpoints::Claim TransportEndpoints::claims(QByteArrayView firstBytes)
{
    for (QByteArrayView method : { QByteArrayView("GET "), QByteArrayView("POST ") }) {
        const QByteArray wanted = method.toByteArray() + kPrefix.toByteArray();
        const qsizetype n = qMin(firstBytes.size(), wanted.size());
        if (firstBytes.first(n) != QByteArrayView(wanted).first(n))
            continue;
        return n == wanted.size() ? Claim::Yes : Claim::NeedMore;
    }
    return Claim::No;
}

void TransportEndpoints::take(QTcpSocket *socket)
{
    auto *served = new TransportSocket(socket, this, this);
    m_sockets.insert(served);
    connect(served, &TransportSocket::closed, this, [this, served] {
        forget(served);
        served->deleteLater();
    });
}

void TransportEndpoints::forget(TransportSocket *socket)
{
    m_sockets.remove(socket);
    m_counted.remove(socket);
    m_held.remove(socket);
    m_streams.remove(socket);
    m_webSockets.remove(socket);
}

void TransportEndpoints::reset()
{
    const QSet<TransportSocket *> open = m_sockets;
    for (TransportSocket *socket : open) {
        forget(socket);
        socket->close();
        socket->deleteLater();
    }
    m_feed.clear();
    m_tallies->clear();
}

void TransportEndpoints::onRequest(TransportSocket *socket, const HttpHead &head, const QByteArray &body)
{
    const QByteArray path = head.target.split('?').first();
    const QList<QByteArray> parts = path.mid(kPrefix.size()).split('/');
    TransportKind kind;
    if (!path.startsWith(kPrefix) || parts.isEmpty() || !transportFromName(parts.first(), &kind)) {
        socket->respond("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", {}, true);
        return;
    }
    const QByteArray action = parts.value(1);
    socket->setKind(kind);
    if (!m_counted.contains(socket)) {
        m_counted.insert(socket);
        m_tallies->addConnection(kind);
    }
    m_tallies->addRequest(kind, head.raw.size(), body.size());

    if (kind == TransportKind::WebSocket && action.isEmpty() && head.method == "GET") {
        const QByteArray problem = UpgradeAnswers::problemWith(head);
        if (!problem.isEmpty()) {
            socket->respond(problem, {}, true);
            return;
        }
        socket->upgrade(UpgradeAnswers::switchingProtocols(head, {}));
        m_webSockets.insert(socket);
        return;
    }
    if (kind != TransportKind::WebSocket && action == "send" && head.method == "POST") {
        // Counted before the 204 leaves: a client that got its answer finds its message in the tally.
        onClientMessage(kind, body);
        socket->respond(kNoContent, {});
        return;
    }
    if (head.method == "GET"
        && ((kind == TransportKind::Polling && action == "poll")
            || (kind == TransportKind::LongPolling && action == "poll"))) {
        const int after = afterOf(head);
        if (kind == TransportKind::LongPolling && after >= m_feed.size())
            hold(socket, after);
        else
            answerPoll(socket, after);
        return;
    }
    if (kind == TransportKind::Streaming && action == "events" && head.method == "GET") {
        // No length: the body runs until the server closes (text/event-stream, HTML Living Standard 9.2).
        socket->beginBody("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
                          "Connection: close\r\n\r\n");
        m_streams.insert(socket);
        for (int seq = afterOf(head) + 1; seq <= m_feed.size(); ++seq)
            socket->writeBody("id: " + QByteArray::number(seq) + "\ndata: " + m_feed.at(seq - 1) + "\n\n");
        return;
    }
    socket->respond(responseHead("405 Method Not Allowed", {}, 0), {});
}

QByteArray TransportEndpoints::messagesAfter(int after) const
{
    QByteArray body;
    for (qsizetype i = qMax(0, after); i < m_feed.size(); ++i)
        body += m_feed.at(i) + '\n';
    return body;
}

void TransportEndpoints::answerPoll(TransportSocket *socket, int after)
{
    const QByteArray body = messagesAfter(after);
    socket->respond(responseHead("200 OK", "application/x-ndjson", body.size()), body);
}

void TransportEndpoints::hold(TransportSocket *socket, int after)
{
    m_held.insert(socket, after);
    QTimer::singleShot(m_longPollTimeoutMs, socket, [this, socket] {
        if (m_held.remove(socket))
            socket->respond(kNoContent, {});
    });
}

int TransportEndpoints::publish(const QByteArray &message)
{
    m_feed.append(message);
    const int seq = int(m_feed.size());
    const QHash<TransportSocket *, int> held = std::exchange(m_held, {});
    for (auto it = held.cbegin(); it != held.cend(); ++it)
        answerPoll(it.key(), it.value());
    const QByteArray event = "id: " + QByteArray::number(seq) + "\ndata: " + message + "\n\n";
    for (TransportSocket *stream : std::as_const(m_streams))
        stream->writeBody(event);
    for (TransportSocket *webSocket : std::as_const(m_webSockets))
        webSocket->sendText(message);
    return seq;
}

void TransportEndpoints::onClientMessage(TransportKind kind, const QByteArray &message)
{
    m_tallies->addClientMessage(kind);
    Q_EMIT clientMessage(kind, message);
}

} // namespace wsi
