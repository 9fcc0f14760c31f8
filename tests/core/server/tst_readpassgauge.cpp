// ReadPassGauge: a client counts as talking alone only after several event-loop passes in a row that read
// it and nobody else; one pass that reads anyone else ends that at once.
#include "server/readpassgauge.h"

#include <QAbstractEventDispatcher>
#include <QTest>

using namespace wsi;

class TestReadPassGauge : public QObject
{
    Q_OBJECT

    // One event-loop pass, as the dispatcher marks it.
    static void nextPass() { Q_EMIT QAbstractEventDispatcher::instance()->awake(); }

private Q_SLOTS:
    void aClientReadAloneForSeveralPassesTalksAlone()
    {
        ReadPassGauge gauge;
        int a = 0;
        int b = 0;
        QVERIFY(!gauge.talksAlone(&a));
        for (int pass = 0; pass < ReadPassGauge::kSteadyPasses; ++pass) {
            nextPass();
            gauge.noteRead(&a);
            gauge.noteRead(&a); // several reads of one client in a pass are still one client
        }
        // The last pass is still open: it counts once the next one starts.
        QVERIFY(!gauge.talksAlone(&a));
        nextPass();
        gauge.noteRead(&a);
        QVERIFY(gauge.talksAlone(&a));
        QVERIFY(!gauge.talksAlone(&b));
    }

    void anotherClientInAPassEndsIt()
    {
        ReadPassGauge gauge;
        int a = 0;
        int b = 0;
        for (int pass = 0; pass <= ReadPassGauge::kSteadyPasses; ++pass) {
            nextPass();
            gauge.noteRead(&a);
        }
        QVERIFY(gauge.talksAlone(&a));
        gauge.noteRead(&b); // same pass: both read
        nextPass();
        gauge.noteRead(&a);
        QVERIFY(!gauge.talksAlone(&a));
        QVERIFY(!gauge.talksAlone(&b));
    }

    void clientsTakingTurnsNeverTalkAlone()
    {
        // Three clients read one per pass (a round robin at light load): none of them is alone.
        ReadPassGauge gauge;
        int clients[3] = {};
        for (int pass = 0; pass < 30; ++pass) {
            nextPass();
            gauge.noteRead(&clients[pass % 3]);
            for (const int &c : clients)
                QVERIFY(!gauge.talksAlone(&c));
        }
    }

    void passesWithoutReadsDoNotBreakTheStreak()
    {
        ReadPassGauge gauge;
        int a = 0;
        for (int pass = 0; pass <= ReadPassGauge::kSteadyPasses; ++pass) {
            nextPass();
            nextPass(); // a timer's pass in between
            gauge.noteRead(&a);
        }
        QVERIFY(gauge.talksAlone(&a));
    }
};

QTEST_GUILESS_MAIN(TestReadPassGauge)
#include "tst_readpassgauge.moc"
