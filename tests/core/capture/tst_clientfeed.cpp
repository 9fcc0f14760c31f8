#include "capture/clientfeed.h"
#include "wireframe.h"

#include <QtTest>

using namespace wsi;

namespace {

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

const QByteArray kHead = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";
const QByteArray kText = hex("810548656c6c6f"); // "Hello", RFC 6455 section 5.7
const QByteArray kOtherText = hex("8103616263"); // "abc"
const QByteArray kBinary = hex("8203010203");
const QByteArray kPing = hex("890548656c6c6f");
const QByteArray kPong = hex("8a0548656c6c6f");
const QByteArray kClose = hex("880203e8"); // 1000
const QByteArray kLong = hex("827e0100") + QByteArray(256, 'x'); // 16-bit length
const QByteArray kFirstFragment = hex("01034865 6c"); // "Hel", FIN clear
const QByteArray kLastFragment = hex("80026c6f"); // "lo", continuation with FIN

// What the tap would do with the server's bytes: what reached its WebSocket, with "held" where a ping was left
// out. Consecutive writes count as one piece, so that the steps do not depend on how the bytes were cut.
struct Relay
{
    QStringList steps;
    QByteArray written;
    int writes = 0;
    ClientFeed feed { [this](QByteArrayView bytes) {
                         ++writes;
                         written += bytes;
                         if (!steps.isEmpty() && steps.last().startsWith(QLatin1String("write ")))
                             steps.last() = QStringLiteral("write %1").arg(steps.last().mid(6).toInt() + bytes.size());
                         else
                             steps << QStringLiteral("write %1").arg(bytes.size());
                     },
        [this] { steps << QStringLiteral("held"); } };

    void pushInChunks(const QByteArray &stream, qsizetype chunk)
    {
        for (qsizetype at = 0; at < stream.size(); at += chunk)
            feed.push(stream.sliced(at, qMin<qsizetype>(chunk, stream.size() - at)));
    }
};

void addChunkRows()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("all at once") << 100000;
    QTest::newRow("byte by byte") << 1;
    QTest::newRow("7-byte chunks") << 7;
    QTest::newRow("100-byte chunks") << 100;
}

} // namespace

class tst_ClientFeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesBytesAsTheyComeWhenNeitherHoldingNorSkipping();
    void leavesOutPingsAndPassesEverythingElseWhole_data() { addChunkRows(); }
    void leavesOutPingsAndPassesEverythingElseWhole();
    void leavesOutWholeWellFormedMessagesOnly_data() { addChunkRows(); }
    void leavesOutWholeWellFormedMessagesOnly();
    void holdingAndSkippingTogether();
    void whatTheWebSocketMustFailForReachesItWithAllThatFollows_data();
    void whatTheWebSocketMustFailForReachesItWithAllThatFollows();
    void aResponseOtherThan101PassesAsItIs();
    void aTextFrameWaitsWholeForItsCheckAndLongOnesStream();
    void aLongBinaryMessageIsLeftOutAsItComes();
    void turningHoldingOffLetsTheNextPingsThrough();
};

void tst_ClientFeed::passesBytesAsTheyComeWhenNeitherHoldingNorSkipping()
{
    Relay relay;
    const QByteArray stream = kHead + kText + kPing;
    relay.feed.push(stream.first(10));
    relay.feed.setHoldingPings(true); // too late: these bytes were never cut (they could be TLS records)
    relay.feed.push(stream.sliced(10));
    QCOMPARE(relay.writes, 2);
    QCOMPARE(relay.written, stream);
    QVERIFY(relay.feed.passingEverything());
}

void tst_ClientFeed::leavesOutPingsAndPassesEverythingElseWhole()
{
    QFETCH(int, chunk);
    Relay relay;
    relay.feed.setHoldingPings(true);
    relay.pushInChunks(kHead + kText + kPing + kLong + kPing + kPong, chunk);
    QCOMPARE(relay.steps,
        (QStringList { QStringLiteral("write %1").arg(kHead.size() + 7), QStringLiteral("held"),
            QStringLiteral("write 260"), QStringLiteral("held"), QStringLiteral("write 7") }));
    QCOMPARE(relay.written, kHead + kText + kLong + kPong);
    QCOMPARE(relay.feed.skippedMessages(), 0u);
}

void tst_ClientFeed::leavesOutWholeWellFormedMessagesOnly()
{
    QFETCH(int, chunk);
    Relay relay;
    relay.feed.setSkippingMessages(true);
    // Single-frame messages are left out; control frames and a fragmented message (with a ping between its
    // frames) reach the WebSocket as they came.
    const QByteArray stream = kHead + kText + kBinary + kLong + kPing + kOtherText + kPong + kFirstFragment + kPing
        + kLastFragment + kText + kClose;
    relay.pushInChunks(stream, chunk);
    QCOMPARE(relay.written, kHead + kPing + kPong + kFirstFragment + kPing + kLastFragment + kClose);
    QCOMPARE(relay.feed.skippedMessages(), 5u);
    QVERIFY(relay.steps.count(QStringLiteral("held")) == 0);
}

void tst_ClientFeed::holdingAndSkippingTogether()
{
    Relay relay;
    relay.feed.setSkippingMessages(true);
    relay.feed.setHoldingPings(true);
    relay.feed.push(kHead + kText + kPing + kPong + kBinary + kPing);
    QCOMPARE(relay.steps,
        (QStringList { QStringLiteral("write %1").arg(kHead.size()), QStringLiteral("held"), QStringLiteral("write 7"),
            QStringLiteral("held") }));
    QCOMPARE(relay.written, kHead + kPong);
    QCOMPARE(relay.feed.skippedMessages(), 2u);
}

void tst_ClientFeed::whatTheWebSocketMustFailForReachesItWithAllThatFollows_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::newRow("invalid UTF-8 text") << hex("8102c328");
    QTest::newRow("RSV1 without an extension") << hex("c10548656c6c6f");
    QTest::newRow("masked server frame") << hex("8185373fa24d7f5ace215c");
    QTest::newRow("reserved opcode") << hex("830548656c6c6f");
    QTest::newRow("continuation without a start") << kLastFragment;
    QTest::newRow("new message inside a fragmented one") << kFirstFragment + kText;
    QTest::newRow("non-minimal 16-bit length") << hex("827e0003010203");
    QTest::newRow("non-minimal 64-bit length") << hex("827f0000000000000003010203");
    QTest::newRow("64-bit length with its high bit") << hex("827f8000000000000003010203");
    QTest::newRow("fragmented ping") << hex("0900");
    QTest::newRow("a close, then a frame after it") << kClose + kText;
}

void tst_ClientFeed::whatTheWebSocketMustFailForReachesItWithAllThatFollows()
{
    QFETCH(QByteArray, bad);
    Relay relay;
    relay.feed.setSkippingMessages(true);
    relay.feed.setHoldingPings(true);
    relay.feed.push(kHead + kText + bad + kOtherText + kPing);
    QCOMPARE(relay.written, kHead + bad + kOtherText + kPing);
    QCOMPARE(relay.feed.skippedMessages(), 1u);
    QVERIFY(relay.feed.passingEverything());
}

void tst_ClientFeed::aResponseOtherThan101PassesAsItIs()
{
    Relay relay;
    relay.feed.setSkippingMessages(true);
    relay.feed.setHoldingPings(true);
    const QByteArray refusal = "HTTP/1.1 403 Forbidden\r\nContent-Length: 14\r\n\r\n" + kText + kPing;
    relay.pushInChunks(refusal, 5);
    QCOMPARE(relay.written, refusal);
    QCOMPARE(relay.feed.skippedMessages(), 0u);
    QVERIFY(relay.feed.passingEverything());
}

void tst_ClientFeed::aTextFrameWaitsWholeForItsCheckAndLongOnesStream()
{
    Relay relay;
    relay.feed.setSkippingMessages(true);
    const QByteArray checked = wireFrame(0x81, QByteArray(int(ClientFeed::kLongestCheckedText), 'a'));
    relay.feed.push(kHead + checked.first(1000));
    QCOMPARE(relay.written, kHead); // its UTF-8 is not known yet
    relay.feed.push(checked.sliced(1000));
    QCOMPARE(relay.written, kHead);
    QCOMPARE(relay.feed.skippedMessages(), 1u);

    // One byte longer, it streams through as it comes: nothing of it waits in the feed.
    const QByteArray streamed = wireFrame(0x81, QByteArray(int(ClientFeed::kLongestCheckedText) + 1, 'b'));
    relay.feed.push(streamed.first(1000));
    QCOMPARE(relay.written, kHead + streamed.first(1000));
    relay.feed.push(streamed.sliced(1000) + kText);
    QCOMPARE(relay.written, kHead + streamed);
    QCOMPARE(relay.feed.skippedMessages(), 2u);
    QVERIFY(!relay.feed.passingEverything());
}

void tst_ClientFeed::aLongBinaryMessageIsLeftOutAsItComes()
{
    Relay relay;
    relay.feed.setSkippingMessages(true);
    const QByteArray big = wireFrame(0x82, QByteArray(3 * 1024 * 1024, 'z'));
    relay.feed.push(kHead + big.first(20));
    QCOMPARE(relay.feed.skippedMessages(), 1u); // decided by its header, before its payload came
    for (qsizetype at = 20; at < big.size(); at += 256 * 1024)
        relay.feed.push(big.sliced(at, qMin<qsizetype>(256 * 1024, big.size() - at)));
    relay.feed.push(kPong);
    QCOMPARE(relay.written, kHead + kPong);
}

void tst_ClientFeed::turningHoldingOffLetsTheNextPingsThrough()
{
    Relay relay;
    relay.feed.setHoldingPings(true);
    relay.feed.push(kHead + kPing + kLong.first(50));
    QCOMPARE(relay.written, kHead + kLong.first(50)); // a frame that passes streams, whole or not
    relay.feed.setHoldingPings(false);
    relay.feed.push(kLong.sliced(50) + kPing);
    QCOMPARE(relay.written, kHead + kLong + kPing);
    QCOMPARE(relay.steps.count(QStringLiteral("held")), 1);
}

QTEST_GUILESS_MAIN(tst_ClientFeed)
#include "tst_clientfeed.moc"
