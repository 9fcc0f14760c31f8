// The tap's half of injection on the capture thread (issue 12): it finds the client stream's frame boundaries
// itself now that the recorder is behind it, never splits one of QWebSocket's frames, keeps the order frames were
// given, and holds a framed send's frame until nothing the client wrote is unread. And TapBatcher's bounds.
#include "capture/injectionqueue.h"
#include "capture/tapbatcher.h"
#include "wireframe.h"

#include <QSignalSpy>
#include <QtTest>

using namespace wsi;

namespace {

const QByteArray kRequest = "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n";

// Every way of cutting bytes into two appends, the boundary checked after the whole.
bool boundaryAfterEveryCut(const QByteArray &bytes, bool expected)
{
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        ClientFrameBoundary boundary;
        boundary.append(QByteArrayView(bytes).first(cut));
        boundary.append(QByteArrayView(bytes).sliced(cut));
        if (boundary.atBoundary() != expected)
            return false;
    }
    return true;
}

} // namespace

class tst_InjectionQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theBoundaryFollowsTheRequestHeadThenFrameHeaders()
    {
        ClientFrameBoundary boundary;
        QVERIFY(!boundary.atBoundary()); // the request head first
        boundary.append(kRequest.first(kRequest.size() - 1));
        QVERIFY(!boundary.atBoundary());
        boundary.append(kRequest.last(1));
        QVERIFY(boundary.atBoundary());

        const QByteArray small = wireFrame(0x81, "hello", 0x01020304u);
        const QByteArray medium = wireFrame(0x82, QByteArray(300, 'm'), 0x0a0b0c0du); // 16-bit length
        const QByteArray large = wireFrame(0x82, QByteArray(70000, 'l'), 0x11223344u, 64);
        const QByteArray ping = wireFrame(0x89, "", 0x55667788u);
        const QByteArray stream = kRequest + small + medium + ping + large;
        QVERIFY(boundaryAfterEveryCut(stream, true));
        QVERIFY(boundaryAfterEveryCut(kRequest + small + medium.first(3), false)); // inside a header
        QVERIFY(boundaryAfterEveryCut(kRequest + small + large.first(20), false)); // inside a payload
        // Byte by byte: a boundary exactly after each whole frame.
        boundary = ClientFrameBoundary();
        boundary.append(kRequest);
        const QList<QByteArray> frames { small, medium, ping, large };
        for (const QByteArray &frame : frames) {
            for (qsizetype i = 0; i < frame.size(); ++i) {
                boundary.append(frame.sliced(i, 1));
                QCOMPARE(boundary.atBoundary(), i == frame.size() - 1);
            }
        }
    }

    void framesWaitForABoundaryAndKeepTheirOrder()
    {
        InjectionQueue queue;
        QList<QByteArray> written;
        auto write = [&written](const QByteArray &frame) { written << frame; };
        queue.clientBytes(kRequest);
        const QByteArray clientFrame = wireFrame(0x81, "from the socket", 0x01020304u);
        queue.clientBytes(QByteArrayView(clientFrame).first(4)); // QWebSocket's frame half relayed
        queue.push("raw-1", false);
        queue.push("raw-2", false);
        queue.pump(true, write);
        QVERIFY(written.isEmpty()); // it would split the client's frame
        queue.clientBytes(QByteArrayView(clientFrame).sliced(4));
        queue.pump(true, write);
        QCOMPARE(written, QList<QByteArray>({ "raw-1", "raw-2" }));
    }

    void aFramedSendsFrameAlsoWaitsForTheClientToBeQuietAndHoldsTheRestBack()
    {
        InjectionQueue queue;
        QList<QByteArray> written;
        auto write = [&written](const QByteArray &frame) { written << frame; };
        queue.clientBytes(kRequest);
        queue.push("raw", false);
        queue.push("framed", true);
        queue.push("raw-after", false);
        queue.pump(false, write); // the client wrote more than the tap has read
        QCOMPARE(written, QList<QByteArray>({ "raw" })); // a raw frame goes at the boundary; the framed one waits
        queue.pump(false, write);
        QCOMPARE(written.size(), 1); // and what was given after it waits behind it
        queue.pump(true, write);
        QCOMPARE(written, QList<QByteArray>({ "raw", "framed", "raw-after" }));
        queue.push("gone", true);
        QCOMPARE(queue.dropAll(), qint64(4));
    }

    void aBatchGoesAtOnceWhileUrgentOrFullAndCountsWhatIsHeld()
    {
        TapBatcher batcher([] { return qint64(42); });
        QSignalSpy ready(&batcher, &TapBatcher::ready);
        batcher.add(Direction::Outgoing, false, 1, "GET");
        batcher.add(Direction::Incoming, false, 2, "101");
        QCOMPARE(ready.count(), 2); // urgent (the opening): each at once
        batcher.setUrgent(false);
        batcher.flush();
        QCOMPARE(ready.count(), 2); // nothing new: no batch
        const QByteArray full(TapBatcher::kMaxBatchBytes, 'x');
        // Within 16 ms of the last batch a chunk may wait for the timer (or go at once, if this machine was slower
        // than that); a batch reaching 1 MiB goes at once either way, before add() returns.
        batcher.add(Direction::Incoming, false, 3, full.first(1000));
        batcher.add(Direction::Incoming, false, 4, full);
        QVERIFY(ready.count() >= 3);
        const TapBatch batch = ready.last().at(0).value<TapBatch>();
        QCOMPARE(batch.chunks.last().timeUs, qint64(4));
        QCOMPARE(batch.chunks.last().bytes.size(), TapBatcher::kMaxBatchBytes);
        QCOMPARE(batch.upstreamBacklog, qint64(42));
        qint64 sent = 0;
        for (const QList<QVariant> &signal : ready)
            sent += signal.at(0).value<TapBatch>().bytes;
        QCOMPARE(sent, qint64(6 + 1000) + TapBatcher::kMaxBatchBytes); // nothing lost or sent twice

        // Held until taken: the bound the tap stops reading at.
        QCOMPARE(batcher.heldBytes(), qint64(6 + 1000) + TapBatcher::kMaxBatchBytes);
        batcher.taken(6 + 1000 + TapBatcher::kMaxBatchBytes);
        QCOMPARE(batcher.heldBytes(), qint64(0));
        for (qint64 held = 0; held < TapBatcher::kMaxHeldBytes; held += full.size())
            batcher.add(Direction::Incoming, false, 5, full);
        QVERIFY(batcher.holdingTooMuch());
        batcher.taken(full.size());
        QVERIFY(!batcher.holdingTooMuch());
        QCOMPARE(batcher.peakHeldBytes(), TapBatcher::kMaxHeldBytes);
    }

    void anInjectedFrameIsFlaggedAndSettled()
    {
        TapBatcher batcher([] { return qint64(0); });
        QSignalSpy ready(&batcher, &TapBatcher::ready);
        batcher.add(Direction::Outgoing, true, 7, "frame");
        batcher.noteInjectionSettled(5);
        batcher.flush();
        qint64 settled = 0;
        bool injected = false;
        for (const QList<QVariant> &signal : ready) {
            const TapBatch batch = signal.at(0).value<TapBatch>();
            settled += batch.injectionsSettled;
            for (const TapChunk &chunk : batch.chunks)
                injected = injected || chunk.injected;
        }
        QVERIFY(injected);
        QCOMPARE(settled, qint64(5));
    }
};

QTEST_GUILESS_MAIN(tst_InjectionQueue)
#include "tst_injectionqueue.moc"
