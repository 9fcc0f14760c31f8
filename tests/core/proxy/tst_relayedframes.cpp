// tst_relayedframes: one direction of the reverse proxy's relay cuts whole frames out of reads however they were
// split, byte for byte, through a hook or without one; without a hook a read of whole frames goes on as the read
// itself (shared, not copied: issue 13's copies at 10 x 64 KiB) and a read is found again in the pieces it was cut
// into (issue 12: recorded from them), and a hold stops the data frames and the Close
// behind it while its pings and pongs pass (a keepalive must not time out while the user decides).
#include "proxy/relayedframes.h"
#include "wireframe.h"

#include <QtTest>

using namespace wsi;

namespace {

QByteArray pattern(int size, int seed)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char(i * 7 + seed);
    return out;
}

// Every kind of frame a relay meets: masked and not, each length form, control frames between the fragments of a
// message, compressed (RSV1), and empty.
QList<QByteArray> sampleFrames()
{
    return {
        wireFrame(0x81, "hello", 0x37FA213Du),
        wireFrame(0x82, pattern(300, 1)),
        wireFrame(0x01, pattern(70000, 2), 0x01020304u), // a text message's first fragment, 64-bit length
        wireFrame(0x89, "ping", 0xA1B2C3D4u),
        wireFrame(0x80, pattern(125, 3), 0x0F0F0F0Fu), // its last fragment
        wireFrame(0xC1, pattern(40, 4)), // RSV1: compressed
        wireFrame(0x82, QByteArray()),
        wireFrame(0x88, QByteArray::fromHex("03e8") + "bye", 0x11223344u),
    };
}

// The ends of the frames in the stream they make.
QList<qsizetype> frameEnds(const QList<QByteArray> &frames)
{
    QList<qsizetype> ends;
    qsizetype end = 0;
    for (const QByteArray &frame : frames)
        ends << (end += frame.size());
    return ends;
}

// Passes every frame on unchanged and keeps what it saw; holds the frame numbered holdAt (from 0), if any.
class RecordingHook : public FrameHook
{
public:
    Verdict onFrame(Connection *, Toward, const FrameHeader &header, QByteArrayView frame, QByteArray &out) override
    {
        seen << frame.toByteArray();
        headerSizes << header.headerSize;
        out.append(frame);
        return seen.size() - 1 == holdAt ? Verdict::Held : Verdict::Forwarded;
    }
    QList<QByteArray> seen;
    QList<int> headerSizes;
    qsizetype holdAt = -1;
};

struct Relayed
{
    QByteArray bytes; // every block taken, in order
    bool wholeFramesOnly = true; // after every take(), what went on so far ended at a frame boundary
    bool emptyBlock = false; // a block handed out was empty
    qsizetype buffered = 0; // left at the end
    bool readsFound = true; // without a hook: lastRead() gave back each read's bytes after its take()
};

// lastRead()'s pieces joined: the read's bytes, wherever the take() left them.
QByteArray joined(const RelayedFrames::Pieces &pieces)
{
    QByteArray bytes;
    for (const RelayedFrames::Piece &piece : pieces)
        bytes += QByteArrayView(piece.buffer).sliced(piece.from, piece.size);
    return bytes;
}

// Feeds the stream as reads split at the given offsets and takes whole frames after each, as ProxiedClient does.
Relayed relay(
    const QByteArray &stream, const QList<qsizetype> &splits, const QList<qsizetype> &ends, FrameHook *hook = nullptr)
{
    RelayedFrames frames(FrameHook::Toward::Server);
    Relayed result;
    QList<qsizetype> reads = splits;
    reads << stream.size();
    qsizetype from = 0;
    for (const qsizetype end : std::as_const(reads)) {
        const QByteArray read = stream.sliced(from, end - from);
        frames.append(read);
        from = end;
        QByteArrayList out;
        const quint64 outFrom = frames.takenBytes();
        frames.take(hook, nullptr, out);
        if (!hook && joined(frames.lastRead(out, outFrom)) != read)
            result.readsFound = false;
        for (const QByteArray &block : std::as_const(out)) {
            result.emptyBlock = result.emptyBlock || block.isEmpty();
            result.bytes += block;
        }
        if (!result.bytes.isEmpty() && !ends.contains(result.bytes.size()))
            result.wholeFramesOnly = false;
    }
    result.buffered = frames.bufferedSize();
    return result;
}

} // namespace

class TestRelayedFrames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSplitAnywhereRelayTheStreamByteForByte_data()
    {
        QTest::addColumn<QList<qsizetype>>("splits");
        const qsizetype total = frameEnds(sampleFrames()).last();
        QTest::newRow("one read") << QList<qsizetype> {};
        for (const qsizetype piece : { 1, 2, 3, 5, 13, 100, 4096, 65536 }) {
            QList<qsizetype> splits;
            for (qsizetype at = piece; at < total; at += piece)
                splits << at;
            QTest::addRow("reads of %lld bytes", qlonglong(piece)) << splits;
        }
        // Every split point of the first frames' headers and payloads, and around the long frame's ends.
        const QList<qsizetype> ends = frameEnds(sampleFrames());
        for (qsizetype at = 1; at < ends[1] + 20; ++at)
            QTest::addRow("split at %lld", qlonglong(at)) << QList<qsizetype> { at };
        for (qsizetype at = ends[2] - 3; at < ends[4] + 3; ++at)
            QTest::addRow("split at %lld", qlonglong(at)) << QList<qsizetype> { at };
        QTest::newRow("the long frame's header in three reads") << QList<qsizetype> { ends[1] + 1, ends[1] + 5 };
    }

    void readsSplitAnywhereRelayTheStreamByteForByte()
    {
        QFETCH(QList<qsizetype>, splits);
        const QList<QByteArray> sample = sampleFrames();
        const QByteArray stream = sample.join();
        const QList<qsizetype> ends = frameEnds(sample);

        const Relayed bare = relay(stream, splits, ends);
        QCOMPARE(bare.bytes.size(), stream.size());
        QVERIFY(bare.bytes == stream);
        QVERIFY(bare.readsFound);
        QVERIFY(bare.wholeFramesOnly);
        QVERIFY(!bare.emptyBlock);
        QCOMPARE(bare.buffered, 0);

        RecordingHook hook;
        const Relayed hooked = relay(stream, splits, ends, &hook);
        QVERIFY(hooked.bytes == stream);
        QVERIFY(hooked.wholeFramesOnly);
        QCOMPARE(hook.seen.size(), sample.size());
        for (qsizetype i = 0; i < sample.size(); ++i)
            QVERIFY2(hook.seen[i] == sample[i], qPrintable(QStringLiteral("frame %1").arg(i)));
        QCOMPARE(hook.headerSizes, (QList<int> { 6, 4, 14, 6, 6, 2, 2, 6 }));
    }

    void aReadOfWholeFramesGoesOnAsTheReadItself()
    {
        const QByteArray read = wireFrame(0x82, pattern(65535, 5), 0x01020304u) + wireFrame(0x81, "two");
        RelayedFrames frames(FrameHook::Toward::Server);
        frames.append(read);
        QByteArrayList out;
        frames.take(nullptr, nullptr, out);
        QCOMPARE(out.size(), 1);
        QVERIFY(out[0].constData() == read.constData()); // the same buffer: nothing was copied
        QVERIFY(frames.isEmpty());

        // A frame finished by a later read goes on whole, once; the whole frames behind it in that read go on in
        // the read's buffer, and only its unfinished end is copied to wait.
        const QByteArray big = wireFrame(0x82, pattern(65535, 6), 0x05060708u);
        const QByteArray next = wireFrame(0x81, "next", 0x0A0B0C0Du);
        const QByteArray tail = wireFrame(0x81, "tail");
        frames.append(big.first(1000));
        out.clear();
        frames.take(nullptr, nullptr, out);
        QVERIFY(out.isEmpty());
        QCOMPARE(frames.bufferedSize(), 1000);
        QByteArray read2 = big.sliced(1000) + next + tail.first(2);
        const char *read2Data = read2.constData();
        frames.append(std::move(read2)); // handed over, as the proxy does
        const quint64 outFrom = frames.takenBytes();
        frames.take(nullptr, nullptr, out);
        QCOMPARE(out, (QByteArrayList { big, next }));
        QVERIFY(out[1].constData() == read2Data + big.size() - 1000); // cut out of the read's own buffer
        QCOMPARE(frames.bufferedSize(), 2);
        // Issue 12: the proxy thread records the read after the cut by where its bytes went, sharing those buffers
        // (a copy of the read kept for the record would make the cut copy it): the end of the finished frame, the
        // read's own whole frames, the unfinished end that waits.
        const RelayedFrames::Pieces pieces = frames.lastRead(out, outFrom);
        QCOMPARE(pieces.size(), 3);
        QVERIFY(pieces[0].buffer.constData() == out[0].constData());
        QCOMPARE(pieces[0].from, 1000);
        QCOMPARE(pieces[0].size, big.size() - 1000);
        QVERIFY(pieces[1].buffer.constData() == out[1].constData());
        QCOMPARE(pieces[1].size, next.size());
        QCOMPARE(pieces[2].size, 2);
        QVERIFY(joined(pieces) == big.sliced(1000) + next + tail.first(2));
        const QByteArray last = tail.sliced(2);
        frames.append(last);
        out.clear();
        frames.take(nullptr, nullptr, out);
        QCOMPARE(out, QByteArrayList { tail });
        QVERIFY(frames.isEmpty());

        // Again a read of whole frames only, after the split ones: shared again.
        const QByteArray again = wireFrame(0x82, pattern(5000, 7));
        frames.append(again);
        out.clear();
        frames.take(nullptr, nullptr, out);
        QCOMPARE(out.size(), 1);
        QVERIFY(out[0].constData() == again.constData());
    }

    void aHeldFrameStopsTheFramesBehindItUntilReleased()
    {
        const QList<QByteArray> sample = sampleFrames();
        const QByteArray stream = sample.join();
        const QList<qsizetype> ends = frameEnds(sample);
        for (const qsizetype split : { qsizetype(0), ends[0] + 3, ends[2] - 10, ends[3] }) {
            RecordingHook hook;
            hook.holdAt = 3; // the ping, between the fragments
            RelayedFrames frames(FrameHook::Toward::Client);
            QByteArrayList out;
            if (split > 0) {
                frames.append(stream.first(split));
                frames.take(&hook, nullptr, out);
            }
            frames.append(stream.sliced(split));
            frames.take(&hook, nullptr, out);
            QVERIFY(frames.isHeld());
            QCOMPARE(out.join(), stream.first(ends[3])); // the held frame was written, as the hook asked
            QCOMPARE(frames.bufferedSize(), stream.size() - ends[3]);
            QVERIFY(!frames.overflows(10)); // what waits behind a hold is bounded by reading, not by size

            out.clear();
            frames.take(&hook, nullptr, out); // still held: nothing moves
            QVERIFY(out.isEmpty());
            QVERIFY(frames.release());
            frames.take(&hook, nullptr, out);
            QCOMPARE(out.join(), stream.sliced(ends[3]));
            QVERIFY(frames.isEmpty());
            QCOMPARE(hook.seen, sample);
        }
    }

    void pingsAndPongsPassAHeldMessageWhileDataAndCloseWait()
    {
        const QByteArray held = wireFrame(0x81, "hold me", 0x01020304u);
        const QByteArray data1 = wireFrame(0x01, "frag", 0x05060708u); // a fragmented message's first frame
        const QByteArray ping = wireFrame(0x89, "keepalive", 0x0A0B0C0Du);
        const QByteArray data2 = wireFrame(0x80, "ment", 0x11121314u);
        const QByteArray pong = wireFrame(0x8A, "pong", 0x15161718u);
        const QByteArray close = wireFrame(0x88, QByteArray::fromHex("03e8"), 0x191A1B1Cu);
        const QByteArray lateping = wireFrame(0x89, "after close", 0x1D1E1F20u);
        const QByteArray stream = held + data1 + ping + data2 + pong + close + lateping;
        for (const qsizetype split : { qsizetype(0), held.size() + 3, held.size() + data1.size() + 5 }) {
            RecordingHook hook;
            hook.holdAt = 0;
            RelayedFrames frames(FrameHook::Toward::Server);
            QByteArrayList out;
            if (split > 0) {
                frames.append(stream.first(split));
                frames.take(&hook, nullptr, out);
            }
            frames.append(stream.sliced(split));
            frames.take(&hook, nullptr, out);
            QVERIFY(frames.isHeld());
            // The held message (written by the hook, as it asked), then the ping and the pong; nothing else.
            QCOMPARE(out.join(), held + ping + pong);
            QCOMPARE(hook.seen, QList<QByteArray> { held }); // they passed without the hook
            QCOMPARE(frames.bufferedSize(), data1.size() + data2.size() + close.size() + lateping.size());
            QVERIFY(!frames.readPaused(nullptr)); // little waits: the sender is still read, its pings pass

            out.clear();
            QVERIFY(frames.release());
            frames.take(&hook, nullptr, out);
            // What waited goes on in order; a ping behind the Close stayed behind it.
            QCOMPARE(out.join(), data1 + data2 + close + lateping);
            QVERIFY(frames.isEmpty());
        }
    }

    void aHeldSenderIsNotReadOnceTooMuchWaits()
    {
        RecordingHook hook;
        hook.holdAt = 0;
        RelayedFrames frames(FrameHook::Toward::Client);
        frames.append(wireFrame(0x81, "held"));
        QByteArrayList out;
        frames.take(&hook, nullptr, out);
        QVERIFY(frames.isHeld() && !frames.readPaused(nullptr));
        const QByteArray block = wireFrame(0x82, pattern(60000, 9));
        qint64 appended = 0;
        while (appended <= RelayedFrames::kMaxWaitingBytes) {
            frames.append(block);
            frames.take(&hook, nullptr, out);
            appended += block.size();
        }
        QVERIFY(frames.readPaused(nullptr));
        QVERIFY(!frames.overflows(1000)); // bounded by reading, not ended
        QVERIFY(frames.release());
        out.clear();
        frames.take(&hook, nullptr, out);
        QCOMPARE(out.join().size(), appended);
        QVERIFY(!frames.readPaused(nullptr));
    }

    void anAnnouncedHugeFrameWaitsAndOverflows()
    {
        // A 64-bit length near 2^63: never whole, never wrapped around to a small total.
        QByteArray header = QByteArray::fromHex("827f7fffffffffffff00");
        RelayedFrames frames(FrameHook::Toward::Server);
        frames.append(header.first(3));
        frames.append(header.sliced(3) + pattern(200, 8));
        QByteArrayList out;
        frames.take(nullptr, nullptr, out);
        QVERIFY(out.isEmpty());
        QCOMPARE(frames.bufferedSize(), header.size() + 200);
        QVERIFY(!frames.overflows(1000));
        QVERIFY(frames.overflows(100));
    }
};

QTEST_GUILESS_MAIN(TestRelayedFrames)
#include "tst_relayedframes.moc"
