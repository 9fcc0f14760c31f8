// Capture off the GUI thread (issue 12): an outgoing connection's tap, its sockets and its recorder live on the capture
// thread, the GUI thread gets the decoded rows in batches (the same rows as decoding the bytes itself), a GUI thread
// that stops taking them holds the server back instead of growing memory, and connections deleted mid-flood leave no
// thread behind.
#include "capture/capturethread.h"
#include "capture/tapbatcher.h"
#include "capture/taphandle.h"
#include "capture/wiretap.h"
#include "capturethreadcall.h"
#include "connection/connection.h"
#include "connection/connectionlegwriter.h"
#include "connection/wirerecorder.h"
#include "models/eventlogmodel.h"
#include "peerprocess.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace wsi;

namespace {

// The server's frames for "flood COUNT SIZE" as ws_server.py sends them: unmasked single-frame texts.
QByteArray floodFrames(int count, int size)
{
    QByteArray frames;
    auto append = [&frames](const QByteArray &payload) {
        frames += char(0x81);
        if (payload.size() < 126) {
            frames += char(payload.size());
        } else {
            frames += char(126);
            frames += char(payload.size() >> 8);
            frames += char(payload.size() & 0xFF);
        }
        frames += payload;
    };
    for (int i = 0; i < count; ++i) {
        const QByteArray head = QByteArray::number(i + 1).rightJustified(4, '0') + ' ';
        append(head + QByteArray(size - head.size(), 'x'));
    }
    append("flood done");
    return frames;
}

// The incoming Frame and Message rows of `events` from `first` on, with their payloads, as text to compare (every
// field but the time and where the store keeps the bytes).
QList<QByteArray> incomingTrafficRows(const EventStore &events, qsizetype first)
{
    QList<QByteArray> rows;
    for (qsizetype row = first; row < events.size(); ++row) {
        const EventRecord r = events.at(row);
        if (r.dir != Direction::Incoming || (r.type != EventType::Frame && r.type != EventType::Message))
            continue;
        rows << QStringLiteral("%1 %2 %3 %4 %5 %6|")
                    .arg(int(r.type))
                    .arg(r.value)
                    .arg(r.payloadSize)
                    .arg(r.maskKey)
                    .arg(int(r.sub))
                    .arg(int(r.flags))
                    .toLatin1()
                + events.payload(row).toByteArray();
    }
    return rows;
}

// The incoming messages of `events` from `first` on are the flood's, in order, then "flood done".
bool floodInOrder(const EventStore &events, qsizetype first, int count)
{
    int next = 1;
    for (qsizetype row = first; row < events.size(); ++row) {
        const EventRecord r = events.at(row);
        if (r.dir != Direction::Incoming || r.type != EventType::Message)
            continue;
        const QByteArray expected
            = next <= count ? QByteArray::number(next).rightJustified(4, '0') + ' ' : QByteArray("flood done");
        if (!events.payload(row).startsWith(expected))
            return false;
        ++next;
    }
    return next == count + 2;
}

// The batches as they arrived (an outgoing connection's carry decoded rows), and every incoming byte after the
// response head from those that carry chunks.
struct IncomingStream
{
    QByteArray bytes;
    qsizetype reads = 0;
    qsizetype batches = 0;
    qsizetype decodedBatches = 0;
    bool headDone = false;

    void follow(TapHandle *handle)
    {
        QObject::connect(handle, &TapHandle::batchArrived, handle, [this](const TapBatch &batch) {
            ++batches;
            if (batch.decoded)
                ++decodedBatches;
            for (const TapChunk &chunk : batch.chunks) {
                if (chunk.direction != Direction::Incoming)
                    continue;
                ++reads;
                bytes += chunk.bytes;
                if (!headDone && bytes.contains("\r\n\r\n")) {
                    bytes.remove(0, bytes.indexOf("\r\n\r\n") + 4);
                    headDone = true;
                }
            }
        });
    }
};

} // namespace

class tst_CaptureThread : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_server;

    ConnectionOptions pushback() const
    {
        ConnectionOptions options;
        options.url = QUrl(m_server.url(QStringLiteral("/pushback")));
        return options;
    }

    static TapHandle *openAndFindTap(Connection &c)
    {
        c.open();
        if (!QTest::qWaitFor([&c] { return c.state() == Connection::State::Open; }, 10000))
            return nullptr;
        return c.findChild<TapHandle *>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void cleanup()
    {
        // Every connection of a test is gone by now: so is the thread.
        QTRY_VERIFY(!CaptureThread::isRunning());
    }

    void theTapReadsOnTheCaptureThreadAndTheGuiGetsBatches()
    {
        Connection c(pushback());
        TapHandle *handle = openAndFindTap(c);
        QVERIFY(handle);
        QVERIFY(CaptureThread::isRunning());
        // The tap and every socket of it belong to the capture thread, none to this one.
        const QList<QThread *> threads = onCaptureThread(handle, [](WireTap *tap) {
            QList<QThread *> threads { tap->thread() };
            for (QObject *child : tap->findChildren<QTcpSocket *>())
                threads << child->thread();
            return threads;
        });
        QVERIFY(threads.size() >= 3); // the tap, its client side and its upstream socket
        for (QThread *thread : threads) {
            QVERIFY(thread != QThread::currentThread());
            QCOMPARE(thread, threads.first());
        }

        IncomingStream incoming;
        incoming.follow(handle);
        incoming.headDone = true; // the head came before
        const qsizetype floodFirstRow = c.events().size();
        constexpr int kCount = 20000;
        QVERIFY(c.sendText(QStringLiteral("flood %1 300").arg(kCount)));
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(kCount + 1), 60000);
        // Decoded on the capture thread: the batches carry rows, no bytes.
        QCOMPARE(incoming.decodedBatches, incoming.batches);
        QVERIFY(incoming.bytes.isEmpty());
        // The rows are those of the same bytes decoded here, one read at a time (the opening from the recorded heads).
        Connection reference { ConnectionOptions {} };
        ConnectionLeg leg;
        {
            WireRecorder recorder(std::make_unique<ConnectionLegWriter>(&reference, &leg, [](const RecordedText &) {}),
                WireRecorder::Perspective::Client);
            recorder.record(Direction::Outgoing, 1, c.handshake().request.raw);
            recorder.record(Direction::Incoming, 2, c.handshake().response.raw);
            const QByteArray frames = floodFrames(kCount, 300);
            for (qsizetype at = 0; at < frames.size(); at += 4093)
                recorder.record(Direction::Incoming, 3 + at, frames.mid(at, 4093));
        }
        const QList<QByteArray> expected = incomingTrafficRows(leg.events, 0);
        QCOMPARE(expected.size(), 2 * (kCount + 1)); // a Frame row and a Message row each
        const QList<QByteArray> decoded = incomingTrafficRows(c.events(), floodFirstRow);
        QCOMPARE(decoded.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QVERIFY2(decoded[i] == expected[i], qPrintable(QString::number(i)));
        // Batched: far fewer hand-overs than messages (at least 40 messages of 300 bytes per batch on average).
        const quint64 sent = onCaptureThread(handle, [](WireTap *tap) { return tap->batchesSent(); });
        qInfo("%d messages in %lld batches (%llu batches sent in all)", kCount, qlonglong(incoming.batches), sent);
        QVERIFY2(incoming.batches * 40 < kCount, qPrintable(QStringLiteral("%1 batches").arg(incoming.batches)));
    }

    // The app's own messages (protocol duties) are marked automatic by the recorder on the capture thread: the mark is
    // posted before the message is written, so it is there when the tap decodes it, mixed with the user's own.
    void automaticMessagesAreMarkedWhenTheTapDecodesThem()
    {
        Connection c(pushback());
        QVERIFY(openAndFindTap(c));
        const qsizetype first = c.events().size();
        constexpr int kCount = 300;
        for (int i = 0; i < kCount; ++i) {
            const QString text = QStringLiteral("message %1").arg(i);
            QVERIFY(i % 3 == 0 ? c.sendAutomaticText(text) : c.sendText(text));
        }
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(kCount), 30000); // every echo
        int seen = 0;
        for (qsizetype row = first; row < c.events().size(); ++row) {
            const EventRecord r = c.events().at(row);
            if (r.type != EventType::Message || r.dir != Direction::Outgoing)
                continue;
            QCOMPARE(c.events().payload(row), QStringLiteral("message %1").arg(seen).toUtf8());
            QVERIFY2(r.hasFlag(FlagAutomatic) == (seen % 3 == 0), qPrintable(QString::number(seen)));
            ++seen;
        }
        QCOMPARE(seen, kCount);
    }

    void theLogModelFollowsAFloodThroughTheThreadedTap()
    {
        Connection c(pushback());
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setConnection(&c);
        QVERIFY(openAndFindTap(c));
        constexpr int kCount = 5000;
        QVERIFY(c.sendText(QStringLiteral("flood %1 64").arg(kCount)));
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(kCount + 1), 60000);
        // The model shows messages (frames hidden): the flood, in order, then "flood done" last.
        auto preview = [&model](int row) { return model.index(row, EventLogModel::PreviewColumn).data().toString(); };
        QTRY_COMPARE(preview(model.rowCount() - 1), QStringLiteral("flood done"));
        const int first = model.rowCount() - 1 - kCount;
        QVERIFY(first >= 0);
        for (int i = 0; i < kCount; i += 499)
            QCOMPARE(preview(first + i).left(5), QString::number(i + 1).rightJustified(4, QLatin1Char('0')) + ' ');
    }

    // The GUI thread stops taking batches (busy here): the tap stops reading the server once TapBatcher's bound is
    // held, instead of holding the flood; then everything arrives, in order.
    void aGuiThreadThatDoesNotTakeBatchesHoldsTheServerBack()
    {
        Connection c(pushback());
        TapHandle *handle = openAndFindTap(c);
        QVERIFY(handle);
        const qsizetype floodFirstRow = c.events().size();
        constexpr int kCount = 100000; // 30 MB
        QVERIFY(c.sendText(QStringLiteral("flood %1 300").arg(kCount)));
        QTRY_VERIFY(c.counters().messagesIn > 0); // the request left (QWebSocket writes from this thread's loop)
        auto held = [handle] { return onCaptureThread(handle, [](WireTap *tap) { return tap->heldBytes(); }); };
        // Busy: no event of this thread runs, so no batch is taken.
        for (int i = 0; i < 200 && held() < TapBatcher::kMaxHeldBytes; ++i)
            QThread::msleep(50);
        QVERIFY2(held() >= TapBatcher::kMaxHeldBytes, qPrintable(QString::number(held())));
        QThread::msleep(500); // the server goes on sending: the tap must not go on reading
        const qint64 bound = TapBatcher::kMaxHeldBytes + 256 * 1024; // one read more at most
        const qint64 peak = onCaptureThread(handle, [](WireTap *tap) { return tap->peakHeldBytes(); });
        QVERIFY2(peak <= bound, qPrintable(QString::number(peak)));
        QVERIFY2(held() <= bound, qPrintable(QString::number(held())));

        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(kCount + 1), 120000);
        QVERIFY(floodInOrder(c.events(), floodFirstRow, kCount));
        QVERIFY(onCaptureThread(handle, [](WireTap *tap) { return tap->peakHeldBytes(); }) <= bound);
    }

    // A connection cancelled while still connecting finishes at once, while the tap may have recorded bytes whose
    // batch is still on its way to this thread: the recording ends at the finish, and such a late batch is dropped.
    void aBatchOnItsWayWhenTheConnectingIsCancelledIsNotRecordedAfterTheFinish()
    {
        QTcpServer server; // a server that answers the upgrade only when told to, from this (blocked) thread
        QVERIFY(server.listen(QHostAddress::LocalHost));
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort()));
        Connection c(options);
        c.open();
        QTRY_VERIFY(server.hasPendingConnections());
        QTcpSocket *peer = server.nextPendingConnection();
        QTRY_VERIFY(peer->peek(4096).contains("\r\n\r\n")); // the upgrade request went through the tap
        TapHandle *handle = c.findChild<TapHandle *>();
        QVERIFY(handle);
        QCOMPARE(c.state(), Connection::State::Connecting);
        QCOMPARE(c.counters().bytesIn, quint64(0));

        // From here this thread runs no event until the cancel: the tap's batch of the answer stays on its way.
        const quint64 sentBefore = onCaptureThread(handle, [](WireTap *tap) { return tap->batchesSent(); });
        peer->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        QVERIFY(peer->waitForBytesWritten(5000));
        for (int i = 0;
             i < 500 && onCaptureThread(handle, [](WireTap *tap) { return tap->batchesSent(); }) == sentBefore; ++i)
            QThread::msleep(10);
        QVERIFY(onCaptureThread(handle, [](WireTap *tap) { return tap->batchesSent(); }) > sentBefore);

        QSignalSpy finished(&c, &Connection::finished);
        QSignalSpy appended(&c, &Connection::eventsAppended);
        c.abort();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(c.state(), Connection::State::Failed);
        const qsizetype rowsAtFinish = c.events().size();
        appended.clear();

        QTest::qWait(200); // the batch arrives now, after the finish
        QCOMPARE(c.events().size(), rowsAtFinish);
        QCOMPARE(c.counters().bytesIn, quint64(0));
        QCOMPARE(appended.size(), 0);
        QCOMPARE(finished.size(), 1);
    }

    void connectionsDeletedMidFloodLeaveNoThread()
    {
        for (int round = 0; round < 3; ++round) {
            auto *a = new Connection(pushback());
            auto *b = new Connection(pushback());
            QVERIFY(openAndFindTap(*a));
            QVERIFY(openAndFindTap(*b));
            QVERIFY(a->sendText(QStringLiteral("flood 50000 300")));
            QVERIFY(b->sendText(QStringLiteral("flood 50000 300")));
            QTRY_VERIFY(a->counters().messagesIn > 1000 && b->counters().messagesIn > 1000);
            delete a; // the thread goes on for b
            QVERIFY(CaptureThread::isRunning());
            QTest::qWait(20);
            delete b;
            QVERIFY(!CaptureThread::isRunning()); // stopped (and joined) with the last tap
        }
    }

    void aConnectionLeftOpenEndsWithItsOwnerCleanly()
    {
        // As the window and the CLI exit: the connection is deleted while open and idle; the thread ends with it.
        auto *c = new Connection(pushback());
        QVERIFY(openAndFindTap(*c));
        QVERIFY(c->sendText(QStringLiteral("hello")));
        QTRY_COMPARE(c->counters().messagesIn, quint64(1));
        delete c;
        QVERIFY(!CaptureThread::isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_CaptureThread)
#include "tst_capturethread.moc"
