// maskedCopy(): a connection's recording with its secrets masked, for exports without secrets.
#include "files/maskedcopy.h"

#include "connection/connection.h"
#include "explain/secretmasker.h"

namespace wsi {

namespace {

void maskHead(HttpHead &head)
{
    if (head.isRequest)
        head.target = SecretMasker::maskUrl(QString::fromUtf8(head.target)).toUtf8();
    for (HttpHeader &header : head.headers)
        header.value = SecretMasker::maskHeaderValue(header.name, header.value);
    head.raw = SecretMasker::maskHttpHead(head.raw);
}

// One wire's events, its handshake heads masked, with what a proxy did to its messages.
void copyLeg(const ConnectionLeg &from, ConnectionLeg::Facing facing, Connection &to)
{
    const EventStore &store = from.events;
    for (qsizetype i = 0; i < store.size(); ++i) {
        EventRecord r = store.at(i);
        const QByteArrayView payload = store.payload(i);
        if (r.type == EventType::HandshakeRequest) {
            to.appendEvent(facing, r, SecretMasker::maskHttpHead(payload.toByteArray()));
        } else if (r.type == EventType::HandshakeResponse) {
            // The payload is the head followed by the body; value is the head's size.
            const qsizetype headSize = qsizetype(qMin<quint64>(r.value, quint64(payload.size())));
            const QByteArray head = SecretMasker::maskHttpHead(payload.first(headSize).toByteArray());
            r.value = quint64(head.size());
            to.appendEvent(facing, r, head + payload.sliced(headSize).toByteArray());
        } else {
            to.appendEvent(facing, r, payload);
        }
        const auto mark = from.proxyMarks.constFind(i);
        if (mark != from.proxyMarks.constEnd())
            to.markLastEvent(facing, *mark);
    }
}

HandshakeRecord maskedHandshake(HandshakeRecord handshake)
{
    maskHead(handshake.request);
    maskHead(handshake.response);
    for (auto &header : handshake.socketRequestHeaders)
        header.second = SecretMasker::maskHeaderValue(header.first, header.second);
    return handshake;
}

} // namespace

std::unique_ptr<Connection> MaskedCopy::make(const Connection &connection)
{
    ConnectionOptions options = connection.options();
    options.url = QUrl(SecretMasker::maskUrl(connection.url().toString(QUrl::FullyEncoded)));
    for (auto &header : options.headers)
        header.second = SecretMasker::maskHeaderValue(header.first, header.second);
    const Connection::Kind kind = connection.kind();
    auto copy = kind == Connection::Kind::Outgoing ? std::make_unique<Connection>(options)
                                                   : std::make_unique<Connection>(kind, options, connection.peer());
    // A proxied connection keeps both legs; every other one has the leg events() reads.
    const ConnectionLeg *clientLeg = connection.hasTwoLegs() ? connection.leg(ConnectionLeg::Facing::Client) : nullptr;
    const ConnectionLeg::Facing facing
        = connection.leg(ConnectionLeg::Facing::Server) ? ConnectionLeg::Facing::Server : ConnectionLeg::Facing::Client;
    copyLeg(*connection.leg(facing), facing, *copy);
    if (clientLeg) {
        copyLeg(*clientLeg, ConnectionLeg::Facing::Client, *copy);
        copy->restoreImportedClientLeg(maskedHandshake(clientLeg->handshake), clientLeg->timings);
    }
    copy->restoreImported(maskedHandshake(connection.handshake()), connection.timings(), connection.state(),
        RecordedText::plain(connection.recordedStatusText()));
    return copy;
}

} // namespace wsi
