// libFuzzer target: FrameDecoder on arbitrary bytes. Besides crashes and sanitizer reports it checks
// the decoder's promises: the same events for any split of the input, one violation at most and
// nothing after it, payload sizes that match the headers, and text messages that are valid UTF-8.
#include "protocol/framedecoder.h"
#include "protocol/utf8validator.h"

#include <QByteArray>
#include <QStringDecoder>

#include <cstdlib>
#include <cstring>

using namespace wsi;

namespace {

// Compact record of every sink call; two decodes agree when their records are equal.
class RecordingSink : public FrameSink
{
public:
    QByteArray record;
    bool violated = false;

    void onFrame(const FrameHeader &h, QByteArrayView headerBytes, QByteArrayView payload) override
    {
        checkAlive();
        if (quint64(payload.size()) != h.payloadLength || headerBytes.size() != h.headerSize || h.headerSize < 2
            || h.headerSize > 14)
            std::abort();
        add('F', headerBytes);
        add('p', payload);
    }
    void onMessage(bool isText, QByteArrayView payload, int frameCount) override
    {
        checkAlive();
        if (frameCount < 1)
            std::abort();
        if (isText && m_checkUtf8) {
            // Cross-check the validator against Qt's own UTF-8 decoder.
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString text = decoder.decode(payload);
            if (decoder.hasError())
                std::abort();
        }
        add(isText ? 'T' : 'B', payload);
        record.append(char(frameCount & 0xFF));
    }
    void onPing(QByteArrayView payload) override
    {
        checkAlive();
        add('i', payload);
    }
    void onPong(QByteArrayView payload) override
    {
        checkAlive();
        add('o', payload);
    }
    void onClose(int code, QByteArrayView reason) override
    {
        checkAlive();
        if (code != -1 && (code < 1000 || code > 4999))
            std::abort();
        add('C', reason);
        record.append(reinterpret_cast<const char *>(&code), sizeof code);
    }
    void onViolation(const ProtocolViolation &v) override
    {
        checkAlive();
        violated = true;
        if (v.describe().isEmpty() || violationId(v.kind).isEmpty())
            std::abort();
        record.append('V');
        record.append(char(v.kind));
        record.append(reinterpret_cast<const char *>(&v.streamOffset), sizeof v.streamOffset);
        record.append(v.detail.toUtf8());
    }

    bool m_checkUtf8 = true;

private:
    void checkAlive()
    {
        if (violated)
            std::abort(); // nothing may follow a violation
    }
    void add(char tag, QByteArrayView bytes)
    {
        record.append(tag);
        const qsizetype n = bytes.size();
        record.append(reinterpret_cast<const char *>(&n), sizeof n);
        record.append(bytes);
    }
};

struct Outcome
{
    QByteArray record;
    bool failed;
    bool closeReceived;
    quint64 consumed;
};

Outcome decode(
    FrameDecoder::Role role, bool allowRsv1, quint64 limit, QByteArrayView bytes, const quint8 *cuts, size_t cutCount)
{
    FrameDecoder decoder(role, limit);
    decoder.setAllowRsv1(allowRsv1);
    RecordingSink sink;
    sink.m_checkUtf8 = !allowRsv1; // compressed text is not UTF-8
    qsizetype at = 0;
    for (size_t i = 0; i < cutCount && at < bytes.size(); ++i) {
        const qsizetype step = std::min<qsizetype>(cuts[i] % 17, bytes.size() - at);
        decoder.feed(bytes.sliced(at, step), sink);
        at += step;
    }
    decoder.feed(bytes.sliced(at), sink);
    return Outcome { sink.record, decoder.failed(), decoder.closeReceived(), decoder.bytesConsumed() };
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 flags = data[0];
    const size_t cutCount = data[1] % 16;
    data += 2;
    size -= 2;
    if (size < cutCount)
        return 0;
    const quint8 *cuts = data;
    data += cutCount;
    size -= cutCount;

    const auto role = (flags & 1) ? FrameDecoder::Role::ClientToServer : FrameDecoder::Role::ServerToClient;
    const bool allowRsv1 = flags & 2;
    const quint64 limit = (flags & 4) ? 64 : quint64(1) << 20;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const Outcome whole = decode(role, allowRsv1, limit, bytes, nullptr, 0);
    const Outcome split = decode(role, allowRsv1, limit, bytes, cuts, cutCount);
    if (whole.record != split.record || whole.failed != split.failed || whole.closeReceived != split.closeReceived)
        std::abort();
    if (!whole.failed && whole.consumed != quint64(size))
        std::abort();

    // Byte by byte, for small inputs (it is the harshest split).
    if (size <= 256) {
        FrameDecoder decoder(role, limit);
        decoder.setAllowRsv1(allowRsv1);
        RecordingSink sink;
        sink.m_checkUtf8 = !allowRsv1;
        for (size_t i = 0; i < size; ++i)
            decoder.feed(bytes.sliced(qsizetype(i), 1), sink);
        if (sink.record != whole.record)
            std::abort();
    }

    // The validator alone against Qt's decoder, on the raw input.
    const bool valid = Utf8Validator::isValidUtf8(bytes.data(), bytes.size());
    QStringDecoder reference(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = reference.decode(bytes);
    if (valid == reference.hasError())
        std::abort();
    return 0;
}
