// UpstreamRequest: the upgrade request the reverse proxy sends upstream, built from the client's (sans-IO).
#pragma once

#include "language/recordedtext.h"

#include <QByteArray>
#include <QUrl>

namespace wsi {

struct HttpHead;

// The client's request as the upstream should get it: the target joined to the upstream URL's path and query,
// the Host header rewritten to the upstream's (unless kept), every other header and its order, case and
// repeats unchanged, so that the server leg differs from the client leg only where the proxy must differ.
class UpstreamRequest
{
public:
    // The client's target must be origin-form ("/path?query"): anything else (absolute-form "http://...",
    // authority-form, "*") is not the proxy's to follow. Empty when valid, else why not.
    static RecordedText problemWithTarget(const QByteArray &target);
    // The forward proxy's check: origin-form, or absolute-form (http, https, ws or wss) naming upstream's own
    // host and port. Empty when valid, else why not.
    static RecordedText problemWithForwardTarget(const QByteArray &target, const QUrl &upstream);
    // "/path?query" of an absolute-form target ("/" when it has no path); an origin-form target unchanged.
    static QByteArray originForm(const QByteArray &target);
    // The upstream path with the client's path appended: upstream "/api" + client "/chat?x=1" is "/api/chat?x=1";
    // a client path of "/" adds nothing ("/api?x=1"). Queries of both are kept, the upstream's first.
    static QByteArray joinTarget(const QUrl &upstream, const QByteArray &clientTarget);
    // "host:port", the port left out when it is the scheme's default; IPv6 literals in brackets.
    static QByteArray hostHeader(const QUrl &upstream);
    // The whole request head (request line, headers, CRLF CRLF) to send upstream. viaToken, when not empty, is
    // appended to the request's Via as "1.1 <viaToken>" (to its last Via line, else as a Via line of its own).
    static QByteArray build(
        const HttpHead &client, const QUrl &upstream, bool keepHost, const QByteArray &viaToken = {});
    // A name for one proxy instance's Via entries: "wsinspector-" and 16 random hex digits.
    static QByteArray newViaToken();
    // Whether a Via entry of the request names viaToken as its receiver: the request came through this proxy.
    static bool cameThrough(const HttpHead &request, const QByteArray &viaToken);
    // The 508 answer's reason for such a request.
    static RecordedText loopThroughVia(const QByteArray &viaToken);
};

} // namespace wsi
