// libFuzzer target: the local test server's answer to whatever a client sends as its upgrade request.
// Every complete request head gets either the 101 or a refusal, and both must be well-formed HTTP that a
// client's parser reads back: a refusal is a 4xx with the body its Content-Length says; a 101 carries the
// Sec-WebSocket-Accept for the request's key and at most a subprotocol the client offered.
#include "protocol/handshakecheck.h"
#include "protocol/handshakeparser.h"
#include "server/upgradeanswers.h"

#include <QStringList>
#include <cstdlib>

using namespace wsi;

namespace {

HttpHead readBack(const QByteArray &response, QByteArray *body)
{
    HandshakeParser parser(HandshakeParser::Kind::Response);
    if (parser.feed(response) != response.size())
        std::abort(); // a 101 ends the HTTP part; a refusal's body is exactly Content-Length long
    parser.finish();
    if (parser.state() != HandshakeParser::State::Done)
        std::abort();
    *body = parser.body();
    return parser.head();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    HandshakeParser request(HandshakeParser::Kind::Request);
    request.feed(bytes);
    if (!request.headComplete())
        return 0;
    const HttpHead &head = request.head();
    const QByteArray refusal = UpgradeAnswers::problemWith(head);
    QByteArray body;
    if (!refusal.isEmpty()) {
        const HttpHead answer = readBack(refusal, &body);
        if (answer.status != 400 && answer.status != 426)
            std::abort();
        if (body.isEmpty() || !answer.has("Content-Length"))
            std::abort();
        return 0;
    }
    const QStringList supported { QStringLiteral("chat"), QStringLiteral("v2.json"), QStringLiteral("mqtt") };
    const QByteArray accepted = UpgradeAnswers::switchingProtocols(head, supported);
    const HttpHead answer = readBack(accepted, &body);
    if (answer.status != 101 || !body.isEmpty())
        std::abort();
    const AcceptComputation accept
        = computeAccept(head.value("Sec-WebSocket-Key"), answer.value("Sec-WebSocket-Accept"));
    if (!accept.valid)
        std::abort();
    const QByteArray chosen = answer.value("Sec-WebSocket-Protocol");
    if (!chosen.isEmpty()) {
        bool offered = false;
        for (const QByteArray &value : head.values("Sec-WebSocket-Protocol")) {
            for (const QByteArray &part : value.split(','))
                offered = offered || part.trimmed() == chosen;
        }
        if (!offered || !supported.contains(QString::fromUtf8(chosen)))
            std::abort();
    }
    return 0;
}
