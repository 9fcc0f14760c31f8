// PerMessageDeflateOffer: the parameters of one permessage-deflate element (RFC 7692 section 7.1), validated.
#include "protocol/permessagedeflateoffer.h"

#include <QCoreApplication>

namespace wsi {

namespace {

// Words of a violation's detail: recorded in English, shown in the window's language (DeflateViolation::text()).
RecordedText said(const char *source)
{
    return RecordedText("wsi::PerMessageDeflateOffer", source);
}

// RFC 7692 section 7.1.2: a decimal integer 8..15 without leading zeroes.
int windowBits(const QByteArray &value)
{
    if (value.size() == 1 && value[0] >= '8' && value[0] <= '9')
        return value[0] - '0';
    if (value.size() == 2 && value[0] == '1' && value[1] >= '0' && value[1] <= '5')
        return 10 + (value[1] - '0');
    return 0;
}

} // namespace

bool PerMessageDeflateOffer::fromEntry(
    const ExtensionEntry &entry, bool isResponse, PerMessageDeflateOffer *out, DeflateViolation *violation)
{
    *out = PerMessageDeflateOffer();
    QList<QByteArray> seen;
    const auto fail = [violation](DeflateViolationKind kind, const RecordedText &detail) {
        if (violation)
            *violation = DeflateViolation::of(kind, detail);
        return false;
    };
    for (const ExtensionParam &p : entry.params) {
        const QString shown = QString::fromLatin1(p.hasValue ? p.name + '=' + p.value : p.name);
        if (seen.contains(p.name))
            return fail(DeflateViolationKind::DuplicateParameter, RecordedText::plain(shown));
        seen.append(p.name);
        if (p.name == "server_no_context_takeover" || p.name == "client_no_context_takeover") {
            if (p.hasValue)
                return fail(DeflateViolationKind::InvalidParameterValue,
                    said(QT_TRANSLATE_NOOP("wsi::PerMessageDeflateOffer", "%1 (this parameter takes no value)"))
                        .arg(shown));
            (p.name[0] == 's' ? out->serverNoContextTakeover : out->clientNoContextTakeover) = true;
        } else if (p.name == "server_max_window_bits") {
            const int bits = p.hasValue ? windowBits(p.value) : 0;
            if (bits == 0)
                return fail(DeflateViolationKind::InvalidParameterValue, RecordedText::plain(shown));
            out->serverMaxWindowBits = bits;
        } else if (p.name == "client_max_window_bits") {
            // An offer may give it bare (the client can honour a limit); a response must give the limit.
            const int bits = p.hasValue ? windowBits(p.value) : 0;
            if (bits == 0 && (p.hasValue || isResponse))
                return fail(DeflateViolationKind::InvalidParameterValue, RecordedText::plain(shown));
            out->hasClientMaxWindowBits = true;
            out->clientMaxWindowBits = bits;
        } else {
            return fail(DeflateViolationKind::UnknownParameter, RecordedText::plain(shown));
        }
    }
    return true;
}

QList<PerMessageDeflateOffer> PerMessageDeflateOffer::parseOffers(
    QByteArrayView header, QList<DeflateViolation> *violations)
{
    QList<PerMessageDeflateOffer> offers;
    QList<ExtensionEntry> entries;
    QString error;
    if (!ExtensionHeader::parse(header, &entries, &error) && violations)
        violations->append(
            DeflateViolation::of(DeflateViolationKind::MalformedExtensionHeader, RecordedText::plain(error)));
    for (const ExtensionEntry &entry : entries) {
        if (entry.name != kName)
            continue;
        PerMessageDeflateOffer offer;
        DeflateViolation violation;
        if (fromEntry(entry, false, &offer, &violation))
            offers.append(offer);
        else if (violations)
            violations->append(violation);
    }
    return offers;
}

QByteArray PerMessageDeflateOffer::toHeaderValue() const
{
    QByteArray out = kName;
    if (serverNoContextTakeover)
        out += "; server_no_context_takeover";
    if (clientNoContextTakeover)
        out += "; client_no_context_takeover";
    if (serverMaxWindowBits)
        out += "; server_max_window_bits=" + QByteArray::number(serverMaxWindowBits);
    if (hasClientMaxWindowBits) {
        out += "; client_max_window_bits";
        if (clientMaxWindowBits)
            out += '=' + QByteArray::number(clientMaxWindowBits);
    }
    return out;
}

bool PerMessageDeflateOffer::operator==(const PerMessageDeflateOffer &o) const
{
    return serverNoContextTakeover == o.serverNoContextTakeover && clientNoContextTakeover == o.clientNoContextTakeover
        && serverMaxWindowBits == o.serverMaxWindowBits && hasClientMaxWindowBits == o.hasClientMaxWindowBits
        && clientMaxWindowBits == o.clientMaxWindowBits;
}

} // namespace wsi
