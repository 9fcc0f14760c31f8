// bench_deflate_inflate: MB/s of inflating a permessage-deflate flood the way the recorder does (frames decoded,
// each message inflated by MessageInflation, capped), against plain zlib inflating the same bytes in the same run.
#include "connection/messageinflation.h"
#include "protocol/framedecoder.h"
#include "protocol/frameencoder.h"
#include "protocol/messagedeflater.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <cstdio>
#include <cstdlib>
#include <zlib.h>

using namespace wsi;

namespace {

// Messages like a chatty JSON feed: repetitive keys, changing numbers.
QList<QByteArray> makeMessages(int count, int size)
{
    QList<QByteArray> messages;
    messages.reserve(count);
    for (int i = 0; i < count; ++i) {
        QByteArray m;
        int n = 0;
        while (m.size() < size) {
            m += "{\"type\":\"tick\",\"symbol\":\"WSI" + QByteArray::number((i + n) % 97) + "\",\"price\":"
                + QByteArray::number(1000 + (i * 7919 + n * 31) % 5000) + ",\"seq\":" + QByteArray::number(i) + "},";
            ++n;
        }
        m.truncate(size);
        messages << m;
    }
    return messages;
}

// The recorder's path: server frames (RSV1 on each message) through FrameDecoder, inflated per message.
class InflatingSink : public FrameSink
{
public:
    explicit InflatingSink(MessageInflation *inflation)
        : m_inflation(inflation)
    { }
    void onFrame(const FrameHeader &header, QByteArrayView, QByteArrayView) override { m_inflation->onFrame(header); }
    void onMessage(bool, QByteArrayView payload, int) override
    {
        QByteArray out;
        if (!m_inflation->inflate(payload, &out))
            ok = false;
        inflated += quint64(out.size());
    }
    void onPing(QByteArrayView) override { }
    void onPong(QByteArrayView) override { }
    void onClose(int, QByteArrayView) override { }
    void onViolation(const ProtocolViolation &) override { ok = false; }
    quint64 inflated = 0;
    bool ok = true;

private:
    MessageInflation *m_inflation;
};

double recorderPath(const QByteArray &wire, quint64 *inflated)
{
    PerMessageDeflateParams params;
    MessageInflation inflation(params, true, quint64(64) * 1024 * 1024);
    InflatingSink sink(&inflation);
    FrameDecoder decoder(FrameDecoder::Role::ServerToClient);
    decoder.setAllowRsv1(true);
    QElapsedTimer timer;
    timer.start();
    constexpr qsizetype kRead = 64 * 1024; // as a socket read hands it over
    for (qsizetype at = 0; at < wire.size(); at += kRead)
        decoder.feed(QByteArrayView(wire).sliced(at, qMin(kRead, wire.size() - at)), sink);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!sink.ok) {
        std::fprintf(stderr, "the recorder path failed to inflate\n");
        std::exit(1);
    }
    *inflated = sink.inflated;
    return seconds;
}

// Plain zlib: the same compressed messages, raw inflate with the tail appended, one reused output buffer.
double plainZlib(const QList<QByteArray> &compressed, quint64 *inflated)
{
    z_stream z {};
    inflateInit2(&z, -15);
    static const unsigned char kTail[4] = { 0x00, 0x00, 0xff, 0xff };
    QByteArray out(1 << 20, Qt::Uninitialized);
    quint64 total = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &message : compressed) {
        for (int part = 0; part < 2; ++part) {
            z.next_in = part == 0 ? reinterpret_cast<Bytef *>(const_cast<char *>(message.constData()))
                                  : const_cast<Bytef *>(kTail);
            z.avail_in = part == 0 ? uInt(message.size()) : 4;
            do {
                z.next_out = reinterpret_cast<Bytef *>(out.data());
                z.avail_out = uInt(out.size());
                if (inflate(&z, Z_SYNC_FLUSH) < Z_OK) {
                    std::fprintf(stderr, "zlib failed\n");
                    std::exit(1);
                }
                total += quint64(out.size()) - z.avail_out;
            } while (z.avail_in > 0 || z.avail_out == 0);
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    inflateEnd(&z);
    *inflated = total;
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int size = argc > 2 ? std::atoi(argv[2]) : 4096;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
    const QList<QByteArray> messages = makeMessages(count, size);
    MessageDeflater deflater(15, false);
    QList<QByteArray> compressed;
    QByteArray wire;
    quint64 compressedBytes = 0;
    for (const QByteArray &m : messages) {
        compressed << deflater.deflateMessage(m);
        compressedBytes += quint64(compressed.last().size());
        const qsizetype start = wire.size();
        appendServerFrame(wire, 0x1, compressed.last());
        wire[start] = char(quint8(wire[start]) | 0x40);
    }
    const double mib = double(count) * size / (1024.0 * 1024.0);
    double bestRecorder = 1e9;
    double bestZlib = 1e9;
    for (int r = 0; r < rounds; ++r) { // alternating, best of each
        quint64 a = 0;
        quint64 b = 0;
        bestRecorder = qMin(bestRecorder, recorderPath(wire, &a));
        bestZlib = qMin(bestZlib, plainZlib(compressed, &b));
        if (a != quint64(count) * quint64(size) || b != a) {
            std::fprintf(stderr, "inflated %llu and %llu bytes, expected %llu\n", (unsigned long long)a,
                (unsigned long long)b, (unsigned long long)count * size);
            return 1;
        }
    }
    std::printf("messages %d x %d B (%.1f MiB inflated, %.2f MiB compressed, wire/inflated %.3f), best of %d\n", count,
        size, mib, double(compressedBytes) / (1024.0 * 1024.0), double(compressedBytes) / (mib * 1048576.0), rounds);
    std::printf("plain zlib inflate:        %8.1f MiB/s\n", mib / bestZlib);
    std::printf("recorder (decode+inflate): %8.1f MiB/s  = %.2fx plain zlib; %.2f ms per inflated MiB\n",
        mib / bestRecorder, bestZlib / bestRecorder, bestRecorder * 1000.0 / mib);
    return 0;
}
