#include "capture/pingholdback.h"

#include <QtTest>

using namespace wsi;

namespace {

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

const QByteArray kHead = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";
const QByteArray kText = hex("810548656c6c6f"); // "Hello", RFC 6455 section 5.7
const QByteArray kPing = hex("890548656c6c6f");
const QByteArray kPong = hex("8a0548656c6c6f");
const QByteArray kLong = hex("827e0100") + QByteArray(256, 'x'); // 16-bit length

// What the tap would do with the server's bytes: the pieces written to its WebSocket, and "held" where a
// ping was left out, in order.
struct Relay
{
    QStringList steps;
    QByteArray written;
    PingHoldBack holdBack { [this](QByteArrayView bytes) {
                               steps << QStringLiteral("write %1").arg(bytes.size());
                               written += bytes;
                           },
        [this] { steps << QStringLiteral("held"); } };
};

} // namespace

class tst_PingHoldBack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesBytesAsTheyComeWhenNotHolding();
    void leavesOutPingsAndPassesEverythingElseWhole_data();
    void leavesOutPingsAndPassesEverythingElseWhole();
    void turningOffPassesTheWaitingPartialFrameOn();
};

void tst_PingHoldBack::passesBytesAsTheyComeWhenNotHolding()
{
    Relay relay;
    const QByteArray stream = kHead + kText + kPing;
    relay.holdBack.push(stream.first(10));
    relay.holdBack.push(stream.sliced(10));
    QCOMPARE(
        relay.steps, (QStringList { QStringLiteral("write 10"), QStringLiteral("write %1").arg(stream.size() - 10) }));
    QCOMPARE(relay.written, stream);
}

void tst_PingHoldBack::leavesOutPingsAndPassesEverythingElseWhole_data()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("all at once") << 100000;
    QTest::newRow("byte by byte") << 1;
    QTest::newRow("7-byte chunks") << 7;
    QTest::newRow("100-byte chunks") << 100;
}

void tst_PingHoldBack::leavesOutPingsAndPassesEverythingElseWhole()
{
    QFETCH(int, chunk);
    Relay relay;
    relay.holdBack.setHolding(true);
    const QByteArray stream = kHead + kText + kPing + kLong + kPing + kPong;
    for (qsizetype at = 0; at < stream.size(); at += chunk)
        relay.holdBack.push(stream.sliced(at, qMin<qsizetype>(chunk, stream.size() - at)));
    QCOMPARE(relay.steps,
        (QStringList { QStringLiteral("write %1").arg(kHead.size()), QStringLiteral("write 7"), QStringLiteral("held"),
            QStringLiteral("write 260"), QStringLiteral("held"), QStringLiteral("write 7") }));
    QCOMPARE(relay.written, kHead + kText + kLong + kPong);
}

void tst_PingHoldBack::turningOffPassesTheWaitingPartialFrameOn()
{
    Relay relay;
    relay.holdBack.setHolding(true);
    relay.holdBack.push(kHead + kPing + kLong.first(50));
    QCOMPARE(relay.written, kHead);
    relay.holdBack.setHolding(false);
    QCOMPARE(relay.written, kHead + kLong.first(50));
    // The rest of that frame, and what follows, pings included, go on as they come.
    relay.holdBack.push(kLong.sliced(50) + kPing);
    QCOMPARE(relay.written, kHead + kLong + kPing);
    QCOMPARE(relay.steps.count(QStringLiteral("held")), 1);
}

QTEST_GUILESS_MAIN(tst_PingHoldBack)
#include "tst_pingholdback.moc"
