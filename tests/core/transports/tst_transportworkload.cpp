// The comparison's workload: the same seed gives the same irregular schedule; messages carry their number.
#include "transports/transportworkload.h"

#include <QTest>

#include <algorithm>

using namespace wsi;

class tst_TransportWorkload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workloadIsTheSameForTheSameSeed()
    {
        TransportWorkload a;
        a.messages = 30;
        a.durationMs = 1000;
        TransportWorkload b = a;
        QCOMPARE(a.serverTimesMs(), b.serverTimesMs());
        QCOMPARE(a.serverTimesMs().size(), 30);
        const QList<int> times = a.serverTimesMs();
        QVERIFY(std::is_sorted(times.cbegin(), times.cend()));
        QVERIFY(a.serverTimesMs().last() < 1000);
        b.seed = a.seed + 1;
        QVERIFY(a.serverTimesMs() != b.serverTimesMs());
        QCOMPARE(TransportWorkload::sequenceOf(a.serverMessage(17)), 17);
        QCOMPARE(TransportWorkload::sequenceOf("{\"type\":\"x\"}"), 0);
    }
};

QTEST_GUILESS_MAIN(tst_TransportWorkload)
#include "tst_transportworkload.moc"
