// UpgradeExchange: a reverse proxy client's upgrade request and the upstream's answer head, read as they come.
#include "proxy/upgradeexchange.h"

#include "proxy/upstreamrequest.h"

namespace wsi {

UpgradeExchange::UpgradeExchange(const ReverseProxyOptions &options)
    : m_options(options)
    , m_request(HandshakeParser::Kind::Request, options.maxRequestHeadBytes)
{ }

UpgradeExchange::Request UpgradeExchange::takeRequest(const QByteArray &bytes, QByteArray *rest, Refusal *refusal)
{
    m_requestBytes += bytes.size();
    const qsizetype used = m_request.feed(bytes);
    // The texts were ProxiedClient's before this stage moved here; their translations are filed under it.
    if (m_request.state() == HandshakeParser::State::Failed) {
        if (m_requestBytes > m_options.maxRequestHeadBytes)
            *refusal = { 431, "Request Header Fields Too Large",
                RecordedText("wsi::ProxiedClient",
                    QT_TRANSLATE_NOOP(
                        "wsi::ProxiedClient", "The upgrade request head is larger than %1 bytes (the proxy's limit)."))
                    .arg(m_options.maxRequestHeadBytes) };
        else
            *refusal = { 400, "Bad Request",
                RecordedText("wsi::ProxiedClient",
                    QT_TRANSLATE_NOOP("wsi::ProxiedClient", "The upgrade request could not be parsed: %1"))
                    .arg(m_request.errorText()) };
        return Request::Refused;
    }
    if (!m_request.headComplete())
        return Request::Incomplete;
    if (UpstreamRequest::cameThrough(m_request.head(), m_options.viaToken)) {
        *refusal = { 508, "Loop Detected", UpstreamRequest::loopThroughVia(m_options.viaToken), ErrorLayer::Proxy };
        return Request::Refused;
    }
    const QByteArray &target = m_request.head().target;
    const RecordedText targetProblem = m_options.acceptAbsoluteTarget
        ? UpstreamRequest::problemWithForwardTarget(target, m_options.upstream.url)
        : UpstreamRequest::problemWithTarget(target);
    if (!targetProblem.isEmpty()) {
        *refusal = { 400, "Bad Request", targetProblem };
        return Request::Refused;
    }
    *rest = bytes.sliced(used);
    return Request::Complete;
}

QByteArray UpgradeExchange::upstreamRequest() const
{
    return UpstreamRequest::build(m_request.head(), m_options.upstream.url, m_options.keepHost, m_options.viaToken);
}

UpgradeExchange::Response UpgradeExchange::takeResponse(const QByteArray &bytes, qsizetype *headLength)
{
    const qsizetype used = m_response.feed(bytes);
    if (m_response.state() == HandshakeParser::State::Failed)
        return Response::NotUpgraded; // not HTTP: the server leg names the problem
    if (!m_response.headComplete())
        return Response::Incomplete;
    if (m_response.head().status != 101)
        return Response::NotUpgraded;
    *headLength = used;
    return Response::Upgraded;
}

} // namespace wsi
