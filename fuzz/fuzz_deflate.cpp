// libFuzzer target: permessage-deflate on arbitrary bytes. The first byte picks what is fuzzed: the
// Sec-WebSocket-Extensions parser and negotiation (offer and response split at the first newline), the
// inflater on arbitrary compressed messages under a small cap, or a deflate-then-inflate round trip.
#include "protocol/deflatenegotiation.h"
#include "protocol/extensionheader.h"
#include "protocol/messagedeflater.h"
#include "protocol/messageinflater.h"

#include <cstdlib>

using namespace wsi;

namespace {

void fuzzNegotiation(QByteArrayView bytes)
{
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArrayView offer = newline < 0 ? bytes : bytes.first(newline);
    const QByteArrayView response = newline < 0 ? QByteArrayView() : bytes.sliced(newline + 1);
    QList<ExtensionEntry> entries;
    QString error;
    if (!ExtensionHeader::parse(response, &entries, &error) && error.isEmpty())
        std::abort();
    ExtensionHeader::serialize(entries);

    const DeflateNegotiation n = DeflateNegotiation::fromHandshake(offer, response);
    for (const DeflateViolation &v : n.offerViolations() + n.responseViolations()) {
        if (v.describe().isEmpty() || DeflateViolation::id(v.kind) == QLatin1String("unknown"))
            std::abort();
    }
    const PerMessageDeflateParams &p = n.params();
    if (p.serverMaxWindowBits < 8 || p.serverMaxWindowBits > 15 || p.clientMaxWindowBits < 8
        || p.clientMaxWindowBits > 15)
        std::abort();

    // Whatever the server side answers to this offer, the client side must accept as it is.
    PerMessageDeflateParams accepted;
    const QByteArray answer = DeflateNegotiation::answerOffers(offer, &accepted);
    if (answer.isEmpty() != n.offers().isEmpty())
        std::abort();
    if (!answer.isEmpty()) {
        const DeflateNegotiation back = DeflateNegotiation::fromHandshake(offer, answer);
        if (!back.negotiated() || !back.responseViolations().isEmpty() || !(back.params() == accepted))
            std::abort();
    }
}

// Messages are length-prefixed (one byte), each fed as up to two frames.
void fuzzInflater(quint8 settings, quint8 capByte, QByteArrayView bytes)
{
    const quint64 cap = 1 + quint64(capByte) * 64;
    MessageInflater inflater(8 + (settings & 7), settings & 8, cap);
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype length = std::min<qsizetype>(quint8(bytes[at]), bytes.size() - at - 1);
        const QByteArrayView message = bytes.sliced(at + 1, length);
        at += 1 + length;
        const qsizetype split = length / 2;
        QByteArray out;
        const bool ok = inflater.feed(message.first(split), &out) && inflater.feed(message.sliced(split), &out)
            && inflater.finishMessage(&out);
        if (quint64(out.size()) > cap || quint64(out.capacity()) > cap + 64)
            std::abort();
        if (!ok) {
            if (!inflater.failed() || inflater.violation().describe().isEmpty())
                std::abort();
            QByteArray more;
            if (inflater.inflateMessage("\xf2\x48\xcd\xc9\xc9\x07\x00", &more) || !more.isEmpty())
                std::abort(); // a failed inflater stays failed
            return;
        }
    }
}

void fuzzRoundTrip(quint8 settings, QByteArrayView bytes)
{
    const int bits = 8 + (settings & 7);
    const bool noTakeover = settings & 8;
    MessageDeflater deflater(bits, noTakeover, (settings >> 4) % 10);
    MessageInflater inflater(bits, noTakeover, 1 << 20);
    // Two messages from the input, so that the window carried over is exercised.
    const qsizetype half = bytes.size() / 2;
    for (const QByteArrayView message : { bytes.first(half), bytes.sliced(half) }) {
        const QByteArray compressed = deflater.deflateMessage(message);
        QByteArray out;
        if (!inflater.inflateMessage(compressed, &out) || out != message)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 3, qsizetype(size - 3));
    switch (data[0] % 3) {
    case 0:
        fuzzNegotiation(rest);
        break;
    case 1:
        fuzzInflater(data[1], data[2], rest);
        break;
    default:
        fuzzRoundTrip(data[1], rest);
        break;
    }
    return 0;
}
