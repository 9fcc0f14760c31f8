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

} // namespace

std::unique_ptr<Connection> MaskedCopy::make(const Connection &connection)
{
    ConnectionOptions options = connection.options();
    options.url = QUrl(SecretMasker::maskUrl(connection.url().toString(QUrl::FullyEncoded)));
    for (auto &header : options.headers)
        header.second = SecretMasker::maskHeaderValue(header.first, header.second);
    auto copy = connection.kind() == Connection::Kind::Incoming
        ? std::make_unique<Connection>(Connection::Kind::Incoming, options, connection.peer())
        : std::make_unique<Connection>(options);

    const EventStore &store = connection.events();
    for (qsizetype i = 0; i < store.size(); ++i) {
        EventRecord r = store.at(i);
        const QByteArrayView payload = store.payload(i);
        if (r.type == EventType::HandshakeRequest) {
            copy->appendEvent(r, SecretMasker::maskHttpHead(payload.toByteArray()));
        } else if (r.type == EventType::HandshakeResponse) {
            // The payload is the head followed by the body; value is the head's size.
            const qsizetype headSize = qsizetype(qMin<quint64>(r.value, quint64(payload.size())));
            const QByteArray head = SecretMasker::maskHttpHead(payload.first(headSize).toByteArray());
            r.value = quint64(head.size());
            copy->appendEvent(r, head + payload.sliced(headSize).toByteArray());
        } else {
            copy->appendEvent(r, payload);
        }
    }
    HandshakeRecord handshake = connection.handshake();
    maskHead(handshake.request);
    maskHead(handshake.response);
    for (auto &header : handshake.socketRequestHeaders)
        header.second = SecretMasker::maskHeaderValue(header.first, header.second);
    copy->restoreImported(handshake, connection.timings(), connection.state(), connection.recordedStatusText());
    return copy;
}

} // namespace wsi
