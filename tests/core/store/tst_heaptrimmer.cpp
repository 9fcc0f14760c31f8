// HeapTrimmer: trims once a flood went by and calmed, never while batches keep coming, never for a trickle; its
// timer runs only while a trim is pending. The clock and the trim are the test's: nothing here depends on timing.
#include "store/heaptrimmer.h"

#include <QTest>

using namespace wsi;

class tst_HeapTrimmer : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 0;
    int m_trimmed = 0;

    void useTestClockAndTrim(HeapTrimmer &trimmer)
    {
        m_now = 1000;
        m_trimmed = 0;
        trimmer.setClock([this] { return m_now; });
        trimmer.setTrim([this] { ++m_trimmed; });
    }

private Q_SLOTS:
    void trimsOnceTheFloodHasCalmed()
    {
        HeapTrimmer trimmer;
        useTestClockAndTrim(trimmer);
        QVERIFY(!trimmer.checking());
        for (int i = 0; i < 64; ++i) { // 64 MiB in 1 MiB batches, 16 ms apart
            m_now += 16;
            trimmer.noteBatch(qint64(1) << 20);
        }
        QVERIFY(trimmer.checking());
        m_now += HeapTrimmer::kQuietMs - 1;
        QVERIFY(!trimmer.trimIfDue());
        QCOMPARE(m_trimmed, 0);
        m_now += 1;
        QVERIFY(trimmer.trimIfDue());
        QCOMPARE(m_trimmed, 1);
        QCOMPARE(trimmer.trims(), 1);
        QCOMPARE(trimmer.pendingBytes(), qint64(0));
        QVERIFY(!trimmer.checking()); // nothing pending: no timer
        // Once is enough: nothing went by since.
        m_now += 60000;
        QVERIFY(!trimmer.trimIfDue());
        QCOMPARE(m_trimmed, 1);
    }

    // A flood that goes on for a minute, checked as often as the timer would and more: never trimmed meanwhile.
    void neverTrimsWhileBatchesKeepComing()
    {
        HeapTrimmer trimmer;
        useTestClockAndTrim(trimmer);
        for (int turn = 0; turn < 60000 / 250; ++turn) {
            trimmer.noteBatch(qint64(4) << 20); // a quarter second of a flood
            m_now += 250;
            QVERIFY(!trimmer.trimIfDue());
        }
        QCOMPARE(m_trimmed, 0);
        QVERIFY(trimmer.checking());
        m_now += HeapTrimmer::kQuietMs;
        QVERIFY(trimmer.trimIfDue());
        QCOMPARE(m_trimmed, 1);
    }

    // A chatty feed after a flood: its small batches count, but do not hold the trim back.
    void smallBatchesDoNotHoldTheTrimBack()
    {
        HeapTrimmer trimmer;
        useTestClockAndTrim(trimmer);
        trimmer.noteBatch(HeapTrimmer::kMinWorkBytes);
        for (int i = 0; i < 20; ++i) {
            m_now += 250;
            trimmer.noteBatch(HeapTrimmer::kBusyBytes - 1);
        }
        QVERIFY(trimmer.trimIfDue());
        QCOMPARE(m_trimmed, 1);
    }

    // A trickle is no flood: nothing worth trimming was left over, however long it stays quiet.
    void aTrickleIsNeverTrimmed()
    {
        HeapTrimmer trimmer;
        useTestClockAndTrim(trimmer);
        trimmer.noteBatch(HeapTrimmer::kMinWorkBytes - 1);
        QVERIFY(!trimmer.checking());
        m_now += 3600 * 1000;
        QVERIFY(!trimmer.trimIfDue());
        QCOMPARE(m_trimmed, 0);
    }

    // Nobody calls trimIfDue() in the window: the trimmer's own timer does, once the flood calmed.
    void itsTimerTrimsWhenDue()
    {
        HeapTrimmer trimmer;
        useTestClockAndTrim(trimmer);
        trimmer.noteBatch(HeapTrimmer::kMinWorkBytes);
        QVERIFY(trimmer.checking());
        m_now += HeapTrimmer::kQuietMs;
        QTRY_COMPARE_WITH_TIMEOUT(m_trimmed, 1, 10000);
        QVERIFY(!trimmer.checking());
    }

    // Built with glibc (Debian's): the real trim is malloc_trim, and calling it is harmless.
    void theRealTrimRuns()
    {
#ifdef __GLIBC__
        QVERIFY(HeapTrimmer::available());
#endif
        HeapTrimmer trimmer;
        qint64 now = 0;
        trimmer.setClock([&now] { return now; });
        trimmer.noteBatch(HeapTrimmer::kMinWorkBytes);
        now += HeapTrimmer::kQuietMs;
        QCOMPARE(trimmer.trimIfDue(), HeapTrimmer::available());
    }
};

QTEST_GUILESS_MAIN(tst_HeapTrimmer)
#include "tst_heaptrimmer.moc"
