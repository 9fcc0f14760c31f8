// DeflateNegotiation: reads what a handshake's two Sec-WebSocket-Extensions agreed on, and every rule broken.
#pragma once

#include "protocol/deflateviolation.h"
#include "protocol/permessagedeflateoffer.h"
#include "protocol/permessagedeflateparams.h"

#include <QByteArrayView>
#include <QList>

namespace wsi {

struct HttpHead;

// The outcome of one handshake for permessage-deflate, sans-IO: the client's offers, the server's answer
// checked against them (RFC 7692 sections 5 and 7.1), and the parameters in force when it was accepted.
class DeflateNegotiation
{
public:
    // offerHeader and responseHeader are the (comma-joined) Sec-WebSocket-Extensions values of the request
    // and of the 101; empty when absent.
    static DeflateNegotiation fromHandshake(QByteArrayView offerHeader, QByteArrayView responseHeader);
    // The same from the two heads as recorded: every Sec-WebSocket-Extensions line of each, in order (a
    // header may be split over several lines, RFC 6455 section 9.1).
    static DeflateNegotiation fromHeads(const HttpHead &request, const HttpHead &response);
    // The server side: the first valid offer accepted with its own requests granted (empty when there is none).
    // *accepted receives the parameters; the return value is the response's Sec-WebSocket-Extensions value.
    static QByteArray answerOffers(QByteArrayView offerHeader, PerMessageDeflateParams *accepted);

    // The server accepted permessage-deflate with a valid response: frames may carry RSV1.
    bool negotiated() const { return m_negotiated; }
    const PerMessageDeflateParams &params() const { return m_params; }
    const QList<PerMessageDeflateOffer> &offers() const { return m_offers; }
    // Invalid offers (a server declines them; the connection is not failed for them).
    const QList<DeflateViolation> &offerViolations() const { return m_offerViolations; }
    // Rules the response broke: a client must fail the connection (RFC 7692 section 5).
    const QList<DeflateViolation> &responseViolations() const { return m_responseViolations; }

private:
    bool m_negotiated = false;
    PerMessageDeflateParams m_params;
    QList<PerMessageDeflateOffer> m_offers;
    QList<DeflateViolation> m_offerViolations;
    QList<DeflateViolation> m_responseViolations;
};

} // namespace wsi
