// TapTimeline: the socket's start and the local tap's share are measured between the moments the tap saw.

#include "store/taptimeline.h"

#include <QtTest>

using namespace wsi;

namespace {

// A ws:// opening to 127.0.0.1 with every moment known, in microseconds of one clock.
TapTimeline opened()
{
    TapTimeline t;
    t.startedUs = 1000;
    t.acceptedUs = 1900; // socket start 900
    t.connectParsedUs = 2300; // proxy exchange 400 (CONNECT, 407, CONNECT with credentials)
    t.upstreamReadyUs = 2450; // DNS 0 + TCP 150
    t.tunnelUsedUs = 2650; // 200 and the upgrade request into the tunnel: 200
    t.responseHeadUs = 3150; // upgrade 500
    t.openUs = 3250; // the response back to the WebSocket: 100
    return t;
}

} // namespace

class TestTapTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuresEachShareBetweenItsMoments();
    void partsMakeUpTheWholeOpening();
    void unknownMomentsMeasureNothing();
    void opaqueWireCountsTheHandOffsItSaw();
};

void TestTapTimeline::measuresEachShareBetweenItsMoments()
{
    const TapTimeline t = opened();
    QCOMPARE(t.socketStartUs(), 900);
    QCOMPARE(t.localTapUs(), 400 + 200 + 100);
    ConnectionTimings timings;
    timings.dnsUs = 0;
    t.applyTo(timings);
    QCOMPARE(timings.socketStartUs, 900);
    QCOMPARE(timings.localTapUs, 700);
    QCOMPARE(timings.dnsUs, 0); // the steps are the tap's and the recorder's to set
}

void TestTapTimeline::partsMakeUpTheWholeOpening()
{
    const TapTimeline t = opened();
    const qint64 steps = (t.upstreamReadyUs - t.connectParsedUs) + (t.responseHeadUs - t.tunnelUsedUs);
    QCOMPARE(t.socketStartUs() + t.localTapUs() + steps, t.openUs - t.startedUs);
}

void TestTapTimeline::unknownMomentsMeasureNothing()
{
    TapTimeline t;
    QCOMPARE(t.socketStartUs(), -1);
    QCOMPARE(t.localTapUs(), -1);
    // Failed before the CONNECT was read: the socket's start is known, the tap's share is not.
    t.startedUs = 1000;
    t.acceptedUs = 1500;
    QCOMPARE(t.socketStartUs(), 500);
    QCOMPARE(t.localTapUs(), -1);
    // A moment before its predecessor is no measurement either.
    t.acceptedUs = 900;
    QCOMPARE(t.socketStartUs(), -1);
}

void TestTapTimeline::opaqueWireCountsTheHandOffsItSaw()
{
    // wss without interception: the tunnel's first use is the first TLS byte; no response head is readable,
    // so the hand-off back to the WebSocket cannot be told apart from the encrypted upgrade.
    TapTimeline t = opened();
    t.responseHeadUs = -1;
    QCOMPARE(t.localTapUs(), 400 + 200);
}

QTEST_GUILESS_MAIN(TestTapTimeline)
#include "tst_taptimeline.moc"
