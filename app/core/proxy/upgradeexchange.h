// UpgradeExchange: a reverse proxy client's upgrade request and the upstream's answer head, read as they come.
#pragma once

#include "language/recordedtext.h"
#include "protocol/handshakeparser.h"
#include "proxy/reverseproxyoptions.h"
#include "store/eventrecord.h"

#include <QByteArray>

namespace wsi {

// ProxiedClient's stage before frames, sans-IO: the client's request head (bounded, with a target the proxy may
// follow), the request as the upstream gets it, then the upstream's answer head, which decides whether frames
// follow (101) or the rest passes through as it comes. A refusal's reason is a RecordedText: the client's body
// and the recorded row hold its English, the window shows it in its language.
class UpgradeExchange
{
public:
    explicit UpgradeExchange(const ReverseProxyOptions &options);

    struct Refusal
    {
        int status = 0;
        QByteArray reason;
        RecordedText why;
        ErrorLayer layer = ErrorLayer::Http;
    };

    enum class Request { Incomplete, Complete, Refused };
    // Bytes from the client. Complete: *rest holds what followed the head (frames sent before the 101);
    // Refused: *refusal is the answer to give.
    Request takeRequest(const QByteArray &bytes, QByteArray *rest, Refusal *refusal);
    // The request for the upstream: the target joined to the upstream URL, Host rewritten unless kept.
    QByteArray upstreamRequest() const;

    enum class Response { Incomplete, Upgraded, NotUpgraded };
    // Bytes from the upstream. Upgraded: the first *headLength bytes are the 101's head, the rest are frames.
    // NotUpgraded: another status or no HTTP at all; the rest of the stream is not the proxy's to read.
    Response takeResponse(const QByteArray &bytes, qsizetype *headLength);

    const HttpHead &request() const { return m_request.head(); }
    const HttpHead &response() const { return m_response.head(); }

private:
    ReverseProxyOptions m_options;
    HandshakeParser m_request;
    HandshakeParser m_response { HandshakeParser::Kind::Response };
    qsizetype m_requestBytes = 0;
};

} // namespace wsi
