// DeflateNegotiation: reads what a handshake's two Sec-WebSocket-Extensions agreed on, and every rule broken.
#include "protocol/deflatenegotiation.h"

#include "protocol/extensionheader.h"
#include "protocol/httphead.h"

#include <QCoreApplication>
#include <algorithm>

namespace wsi {

namespace {

// Words of a violation's detail: recorded in English, shown in the window's language (DeflateViolation::text()).
RecordedText said(const char *source)
{
    return RecordedText("wsi::DeflateNegotiation", source);
}

// Empty when response is a valid acceptance of offer (RFC 7692 section 7.1); else why it is not.
DeflateViolation mismatch(const PerMessageDeflateOffer &offer, const PerMessageDeflateOffer &response, bool *ok)
{
    *ok = false;
    if (offer.serverNoContextTakeover && !response.serverNoContextTakeover)
        return DeflateViolation::of(DeflateViolationKind::ResponseMissesParameter,
            said(QT_TRANSLATE_NOOP(
                "wsi::DeflateNegotiation", "the offer has server_no_context_takeover, the response does not")));
    if (offer.serverMaxWindowBits && !response.serverMaxWindowBits)
        return DeflateViolation::of(DeflateViolationKind::ResponseMissesParameter,
            said(QT_TRANSLATE_NOOP("wsi::DeflateNegotiation",
                     "the offer has server_max_window_bits=%1, the response has no server_max_window_bits"))
                .arg(offer.serverMaxWindowBits));
    if (offer.serverMaxWindowBits && response.serverMaxWindowBits > offer.serverMaxWindowBits)
        return DeflateViolation::of(DeflateViolationKind::ResponseParameterNotAllowed,
            said(QT_TRANSLATE_NOOP(
                     "wsi::DeflateNegotiation", "server_max_window_bits=%1 is more than the %2 the offer allowed"))
                .arg(response.serverMaxWindowBits)
                .arg(offer.serverMaxWindowBits));
    if (response.hasClientMaxWindowBits && !offer.hasClientMaxWindowBits)
        return DeflateViolation::of(DeflateViolationKind::ResponseParameterNotAllowed,
            said(QT_TRANSLATE_NOOP("wsi::DeflateNegotiation",
                     "client_max_window_bits=%1, but the offer did not include client_max_window_bits"))
                .arg(response.clientMaxWindowBits));
    if (response.hasClientMaxWindowBits && offer.clientMaxWindowBits
        && response.clientMaxWindowBits > offer.clientMaxWindowBits)
        return DeflateViolation::of(DeflateViolationKind::ResponseParameterNotAllowed,
            said(QT_TRANSLATE_NOOP(
                     "wsi::DeflateNegotiation", "client_max_window_bits=%1 is more than the %2 the offer allowed"))
                .arg(response.clientMaxWindowBits)
                .arg(offer.clientMaxWindowBits));
    *ok = true;
    return {};
}

} // namespace

DeflateNegotiation DeflateNegotiation::fromHandshake(QByteArrayView offerHeader, QByteArrayView responseHeader)
{
    DeflateNegotiation n;
    n.m_offers = PerMessageDeflateOffer::parseOffers(offerHeader, &n.m_offerViolations);
    QList<ExtensionEntry> offered;
    ExtensionHeader::parse(offerHeader, &offered);

    QList<ExtensionEntry> answered;
    QString error;
    if (!ExtensionHeader::parse(responseHeader, &answered, &error))
        n.m_responseViolations.append({ DeflateViolationKind::MalformedExtensionHeader, error, {} });
    bool deflateSeen = false;
    for (const ExtensionEntry &entry : answered) {
        const bool wasOffered = std::any_of(
            offered.cbegin(), offered.cend(), [&entry](const ExtensionEntry &o) { return o.name == entry.name; });
        if (!wasOffered) {
            n.m_responseViolations.append({ DeflateViolationKind::ExtensionNotOffered,
                QString::fromLatin1(ExtensionHeader::serialize({ entry })), {} });
            continue;
        }
        if (entry.name != PerMessageDeflateOffer::kName)
            continue; // another extension the client offered: not ours to judge
        if (deflateSeen) {
            n.m_responseViolations.append({ DeflateViolationKind::ExtensionRepeated,
                QString::fromLatin1(ExtensionHeader::serialize({ entry })), {} });
            n.m_negotiated = false;
            continue;
        }
        deflateSeen = true;
        PerMessageDeflateOffer response;
        DeflateViolation violation;
        if (!PerMessageDeflateOffer::fromEntry(entry, true, &response, &violation)) {
            n.m_responseViolations.append(violation);
            continue;
        }
        // The server accepted one of the offers; which one it does not say, so any that fits will do.
        DeflateViolation firstMismatch;
        bool accepted = false;
        for (const PerMessageDeflateOffer &offer : std::as_const(n.m_offers)) {
            bool ok = false;
            const DeflateViolation why = mismatch(offer, response, &ok);
            if (ok) {
                accepted = true;
                break;
            }
            if (firstMismatch.detail.isEmpty())
                firstMismatch = why;
        }
        if (n.m_offers.isEmpty())
            firstMismatch = DeflateViolation::of(DeflateViolationKind::ResponseParameterNotAllowed,
                said(QT_TRANSLATE_NOOP("wsi::DeflateNegotiation",
                    "the client's every permessage-deflate offer was invalid, so none could be accepted")));
        if (!accepted) {
            n.m_responseViolations.append(firstMismatch);
            continue;
        }
        n.m_negotiated = true;
        n.m_params = PerMessageDeflateParams::fromResponse(response);
    }
    return n;
}

DeflateNegotiation DeflateNegotiation::fromHeads(const HttpHead &request, const HttpHead &response)
{
    static constexpr QByteArrayView kHeader = "Sec-WebSocket-Extensions";
    return fromHandshake(request.values(kHeader).join(", "), response.values(kHeader).join(", "));
}

QByteArray DeflateNegotiation::answerOffers(QByteArrayView offerHeader, PerMessageDeflateParams *accepted)
{
    const QList<PerMessageDeflateOffer> offers = PerMessageDeflateOffer::parseOffers(offerHeader, nullptr);
    if (offers.isEmpty())
        return {};
    if (accepted)
        *accepted = PerMessageDeflateParams::acceptingOffer(offers.first());
    // The offer's own requests echoed: an offered server_max_window_bits must come back even at 15 (RFC 7692
    // section 7.1.2.1); a bare client_max_window_bits only says the client could take a limit.
    PerMessageDeflateOffer response = offers.first();
    if (response.hasClientMaxWindowBits && response.clientMaxWindowBits == 0)
        response.hasClientMaxWindowBits = false;
    return response.toHeaderValue();
}

} // namespace wsi
