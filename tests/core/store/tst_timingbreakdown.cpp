// TimingBreakdown: the parts of a connection's opening add up to the total shown, the local tap's share included.

#include "store/timingbreakdown.h"

#include <QtTest>

using namespace wsi;

namespace {

ConnectionTimings timings(qint64 dns, qint64 tcp, qint64 tls, qint64 upgrade, qint64 total)
{
    ConnectionTimings t;
    t.dnsUs = dns;
    t.tcpUs = tcp;
    t.tlsUs = tls;
    t.upgradeUs = upgrade;
    t.totalUs = total;
    return t;
}

// An outgoing connection's timings with the tap's parts measured.
ConnectionTimings tapped(
    qint64 socketStart, qint64 dns, qint64 tcp, qint64 tls, qint64 upgrade, qint64 localTap, qint64 total)
{
    ConnectionTimings t = timings(dns, tcp, tls, upgrade, total);
    t.socketStartUs = socketStart;
    t.localTapUs = localTap;
    return t;
}

qint64 sumOf(const TimingBreakdown &breakdown)
{
    qint64 sum = 0;
    for (const TimingBreakdown::Part &part : breakdown.parts())
        sum += qMax<qint64>(0, part.us);
    return sum;
}

} // namespace

Q_DECLARE_METATYPE(wsi::ConnectionTimings)

class TestTimingBreakdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restIsTheTimeNoStepMeasured();
    void partsAddUpToTheTotalAfterRounding_data();
    void partsAddUpToTheTotalAfterRounding();
    void stepsLongerThanTheTotalLeaveNoRest();
    void tlsIsListedForWssEvenBeforeItIsMeasured();
    void unknownTotalHasNoRest();
    void unitFollowsTheTotal();
    void measuredTapPartsMakeUpTheTotal();
    void localTapIsItsMeasurementNotTheRest();
    void measuredPartsLeaveNoRestAfterRounding();
    void unmeasuredTapPartsAreNotListed();
};

void TestTimingBreakdown::restIsTheTimeNoStepMeasured()
{
    // ws:// to a host name: 1.2 ms DNS, 0.3 ms TCP, 2 ms upgrade, 5 ms in all: 1.5 ms went to the local tap.
    const TimingBreakdown b(timings(1200, 300, -1, 2000, 5000), false);
    QCOMPARE(b.parts().size(), 4);
    QCOMPARE(b.parts().at(0).step, TimingBreakdown::Step::Dns);
    QCOMPARE(b.parts().at(0).us, 1200);
    QCOMPARE(b.parts().at(1).step, TimingBreakdown::Step::Tcp);
    QCOMPARE(b.parts().at(1).us, 300);
    QCOMPARE(b.parts().at(2).step, TimingBreakdown::Step::Upgrade);
    QCOMPARE(b.parts().at(2).us, 2000);
    QCOMPARE(b.parts().at(3).step, TimingBreakdown::Step::Rest);
    QCOMPARE(b.parts().at(3).us, 1500);
    QCOMPARE(b.totalUs(), 5000);
}

void TestTimingBreakdown::partsAddUpToTheTotalAfterRounding_data()
{
    QTest::addColumn<ConnectionTimings>("input");
    QTest::addColumn<qint64>("unit");
    QTest::addColumn<qint64>("rest");
    QTest::addColumn<qint64>("total");

    // 4 us + 4 us + 4 us rounded one by one to 10 us are 0 + 0 + 0; the total 1017 us is 1020: the rest is 1020.
    QTest::newRow("hundredths of a millisecond")
        << timings(4, 4, -1, 4, 1017) << qint64(10) << qint64(1020) << qint64(1020);
    // 15, 15 and 15 us round up to 20 each (60); the total 44 us rounds to 40: no rest, the total shown is 60.
    QTest::newRow("rounding up past the total") << timings(15, 15, -1, 15, 44) << qint64(10) << qint64(0) << qint64(60);
    // wss: 2.34 + 10.06 + 20.04 + 30.05 ms = 62.5 (tenths: 2.3 + 10.1 + 20.0 + 30.1 = 62.5); total 70.47 -> 70.5.
    QTest::newRow("tenths, with tls") << timings(2340, 10060, 20040, 30050, 70470) << qint64(100) << qint64(8000)
                                      << qint64(70500);
}

void TestTimingBreakdown::partsAddUpToTheTotalAfterRounding()
{
    QFETCH(ConnectionTimings, input);
    QFETCH(qint64, unit);
    QFETCH(qint64, rest);
    QFETCH(qint64, total);
    const TimingBreakdown b(input, input.tlsUs >= 0, unit);
    QCOMPARE(b.parts().last().step, TimingBreakdown::Step::Rest);
    QCOMPARE(b.parts().last().us, rest);
    QCOMPARE(b.totalUs(), total);
    QCOMPARE(sumOf(b), total);
    for (const TimingBreakdown::Part &part : b.parts())
        QCOMPARE(part.us % unit, 0);
}

void TestTimingBreakdown::stepsLongerThanTheTotalLeaveNoRest()
{
    // The steps are read from other clocks than the total; a total a little short never shows a negative part.
    const TimingBreakdown b(timings(0, 500, -1, 700, 1000), false);
    QCOMPARE(b.parts().last().us, 0);
    QCOMPARE(b.totalUs(), 1200);
}

void TestTimingBreakdown::tlsIsListedForWssEvenBeforeItIsMeasured()
{
    const TimingBreakdown wss(timings(0, 100, -1, -1, -1), true);
    QCOMPARE(wss.parts().size(), 4);
    QCOMPARE(wss.parts().at(2).step, TimingBreakdown::Step::Tls);
    QCOMPARE(wss.parts().at(2).us, -1);
    const TimingBreakdown ws(timings(0, 100, -1, -1, -1), false);
    QCOMPARE(ws.parts().size(), 3);
    QCOMPARE(ws.parts().at(2).step, TimingBreakdown::Step::Upgrade);
}

void TestTimingBreakdown::unknownTotalHasNoRest()
{
    // Still connecting: the steps so far, no rest, no total. Unmeasured steps count as nothing.
    const TimingBreakdown b(timings(300, -1, -1, -1, -1), false);
    QCOMPARE(b.parts().size(), 3);
    QCOMPARE(b.parts().last().step, TimingBreakdown::Step::Upgrade);
    QCOMPARE(b.totalUs(), -1);
    const TimingBreakdown unmeasured(timings(-1, -1, -1, -1, 2000), false);
    QCOMPARE(unmeasured.parts().last().us, 2000);
    QCOMPARE(unmeasured.totalUs(), 2000);
}

void TestTimingBreakdown::unitFollowsTheTotal()
{
    QCOMPARE(TimingBreakdown::unitFor(-1), 10);
    QCOMPARE(TimingBreakdown::unitFor(9999), 10);
    QCOMPARE(TimingBreakdown::unitFor(10000), 100);
}

void TestTimingBreakdown::measuredTapPartsMakeUpTheTotal()
{
    // ws:// to 127.0.0.1: 0.9 ms socket start, no DNS, 0.1 ms TCP, 0.5 ms upgrade, 0.7 ms with the tap: 2.2 ms.
    const TimingBreakdown b(tapped(900, 0, 100, -1, 500, 700, 2200), false);
    const QList<TimingBreakdown::Step> steps { TimingBreakdown::Step::SocketStart, TimingBreakdown::Step::Dns,
        TimingBreakdown::Step::Tcp, TimingBreakdown::Step::Upgrade, TimingBreakdown::Step::LocalTap,
        TimingBreakdown::Step::Rest };
    const QList<qint64> us { 900, 0, 100, 500, 700, 0 };
    QCOMPARE(b.parts().size(), steps.size());
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QCOMPARE(b.parts().at(i).step, steps.at(i));
        QCOMPARE(b.parts().at(i).us, us.at(i));
    }
    QCOMPARE(b.totalUs(), 2200);
    QCOMPARE(sumOf(b), 2200);
}

void TestTimingBreakdown::localTapIsItsMeasurementNotTheRest()
{
    // 300 us of the 2500 us total were measured by no part (a TLS decision the user took, say): the local tap
    // keeps its own 700 us and the 300 us are the rest, named apart.
    const TimingBreakdown b(tapped(900, 0, 100, -1, 500, 700, 2500), false);
    QCOMPARE(b.parts().at(4).step, TimingBreakdown::Step::LocalTap);
    QCOMPARE(b.parts().at(4).us, 700);
    QCOMPARE(b.parts().last().step, TimingBreakdown::Step::Rest);
    QCOMPARE(b.parts().last().us, 300);
    QCOMPARE(b.totalUs(), 2500);
}

void TestTimingBreakdown::measuredPartsLeaveNoRestAfterRounding()
{
    // wss, intercepted: 1234 + 0 + 96 + 2345 + 567 + 1789 = 6031 us. In hundredths of a millisecond the parts
    // are 1230 + 0 + 100 + 2350 + 570 + 1790 = 6040, more than the rounded total 6030: no rest appears, and
    // the total shown is the parts' sum.
    const TimingBreakdown b(tapped(1234, 0, 96, 2345, 567, 1789, 6031), true, 10);
    QCOMPARE(b.parts().last().step, TimingBreakdown::Step::Rest);
    QCOMPARE(b.parts().last().us, 0);
    QCOMPARE(b.totalUs(), 6040);
    QCOMPARE(sumOf(b), 6040);
    // 4 us parts round to nothing each and 8 us to 10: the rounded total 20 us is still no rest, as nothing
    // is unmeasured.
    const TimingBreakdown tiny(tapped(4, 4, 4, -1, 4, 8, 24), false, 10);
    QCOMPARE(tiny.parts().last().us, 0);
    QCOMPARE(tiny.totalUs(), sumOf(tiny));
}

void TestTimingBreakdown::unmeasuredTapPartsAreNotListed()
{
    // Still connecting, or a connection the tap did not carry: neither socket start nor local tap is listed.
    const TimingBreakdown b(timings(0, 100, -1, -1, -1), false);
    for (const TimingBreakdown::Part &part : b.parts()) {
        QVERIFY(part.step != TimingBreakdown::Step::SocketStart);
        QVERIFY(part.step != TimingBreakdown::Step::LocalTap);
    }
}

QTEST_GUILESS_MAIN(TestTimingBreakdown)
#include "tst_timingbreakdown.moc"
