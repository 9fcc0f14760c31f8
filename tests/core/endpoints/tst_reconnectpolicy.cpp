// ReconnectPolicy: backoff, jitter, caps and the reconnect decision, with an injected clock and random
// source: nothing here sleeps.
#include "endpoints/reconnectpolicy.h"

#include <QTest>

using namespace wsi;

class tst_ReconnectPolicy : public QObject
{
    Q_OBJECT

private:
    static ReconnectPolicy::Settings enabled(double jitter = 0.0)
    {
        ReconnectPolicy::Settings s;
        s.enabled = true;
        s.initialDelayMs = 500;
        s.maxDelayMs = 10000;
        s.multiplier = 2.0;
        s.jitter = jitter;
        s.maxAttempts = 5;
        return s;
    }

private Q_SLOTS:
    void backsOffExponentiallyUpToTheCap_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<int>("delay");
        QTest::newRow("first") << 1 << 500;
        QTest::newRow("second") << 2 << 1000;
        QTest::newRow("third") << 3 << 2000;
        QTest::newRow("fifth") << 5 << 8000;
        QTest::newRow("sixth hits the cap") << 6 << 10000;
        QTest::newRow("hundredth stays at the cap") << 100 << 10000;
        QTest::newRow("ten thousandth (pow overflows) stays at the cap") << 10000 << 10000;
    }

    void backsOffExponentiallyUpToTheCap()
    {
        QFETCH(int, attempt);
        QFETCH(int, delay);
        const ReconnectPolicy policy(enabled(), [] { return 0.99; });
        QCOMPARE(policy.nextDelayMs(attempt), delay);
    }

    void jitterSpreadsAroundTheBase_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("delay");
        QTest::newRow("lowest") << 0.0 << 1600; // 2000 * 0.8
        QTest::newRow("middle") << 0.5 << 2000;
        QTest::newRow("highest") << 0.999999 << 2400; // 2000 * 1.2
    }

    void jitterSpreadsAroundTheBase()
    {
        QFETCH(double, random);
        QFETCH(int, delay);
        const ReconnectPolicy policy(enabled(0.2), [random] { return random; });
        QCOMPARE(policy.nextDelayMs(3), delay);
    }

    void jitterNeverExceedsTheCap()
    {
        const ReconnectPolicy policy(enabled(0.5), [] { return 0.999; });
        QCOMPARE(policy.nextDelayMs(50), 10000);
        const ReconnectPolicy full(enabled(1.0), [] { return 0.0; });
        QCOMPARE(full.nextDelayMs(50), 0);
    }

    void realRandomStaysWithinTheJitterBand()
    {
        const ReconnectPolicy policy(enabled(0.25));
        for (int i = 0; i < 1000; ++i) {
            const int d = policy.nextDelayMs(2);
            QVERIFY2(d >= 750 && d <= 1250, qPrintable(QString::number(d)));
        }
    }

    void decidesWhetherToReconnect_data()
    {
        QTest::addColumn<bool>("policyEnabled");
        QTest::addColumn<bool>("afterClean");
        QTest::addColumn<bool>("userRequested");
        QTest::addColumn<bool>("clean");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("expected");
        QTest::newRow("off by default") << false << false << false << false << 1006 << false;
        QTest::newRow("1006 dropped") << true << false << false << false << 1006 << true;
        QTest::newRow("the user closed") << true << true << true << true << 1000 << false;
        QTest::newRow("clean 1000, flag off") << true << false << false << true << 1000 << false;
        QTest::newRow("clean 1000, flag on") << true << true << false << true << 1000 << true;
        QTest::newRow("clean 4001 private, flag off") << true << false << false << true << 4001 << false;
        QTest::newRow("clean 1001 going away invites a retry") << true << false << false << true << 1001 << true;
        QTest::newRow("clean 1012 restart invites a retry") << true << false << false << true << 1012 << true;
        QTest::newRow("clean 1013 try later invites a retry") << true << false << false << true << 1013 << true;
        QTest::newRow("unanswered 1011 is not clean") << true << false << false << false << 1011 << true;
    }

    void decidesWhetherToReconnect()
    {
        QFETCH(bool, policyEnabled);
        QFETCH(bool, afterClean);
        QFETCH(bool, userRequested);
        QFETCH(bool, clean);
        QFETCH(int, code);
        QFETCH(bool, expected);
        ReconnectPolicy::Settings s = enabled();
        s.enabled = policyEnabled;
        s.reconnectAfterCleanClose = afterClean;
        const ReconnectPolicy policy(s);
        ReconnectPolicy::CloseInfo info;
        info.userRequested = userRequested;
        info.clean = clean;
        info.code = code;
        info.opened = true;
        QCOMPARE(policy.shouldReconnect(info), expected);
    }

    void stopsAfterMaxAttemptsAndAnOpenResetsTheCount()
    {
        qint64 now = 1000;
        ReconnectPolicy policy(
            enabled(), [] { return 0.5; }, [&now] { return now; });
        ReconnectPolicy::CloseInfo dropped;
        dropped.code = 1006;
        QList<qint64> due;
        while (policy.shouldReconnect(dropped)) {
            due << policy.schedule() - now;
            now += 100000; // each attempt fails long after it was due
        }
        QCOMPARE(due, (QList<qint64> { 500, 1000, 2000, 4000, 8000 }));
        QCOMPARE(policy.attempts(), 5);
        policy.noteOpened();
        QVERIFY(policy.shouldReconnect(dropped));
        QCOMPARE(policy.schedule() - now, qint64(500));

        ReconnectPolicy::Settings unlimited = enabled();
        unlimited.maxAttempts = 0;
        ReconnectPolicy endless(
            unlimited, [] { return 0.5; }, [&now] { return now; });
        for (int i = 0; i < 1000; ++i)
            endless.schedule();
        QVERIFY(endless.shouldReconnect(dropped));
    }

    void countsDownOnTheInjectedClock()
    {
        qint64 now = 50000;
        ReconnectPolicy policy(
            enabled(), [] { return 0.5; }, [&now] { return now; });
        QCOMPARE(policy.remainingMs(), qint64(0));
        QCOMPARE(policy.schedule(), qint64(50500));
        QCOMPARE(policy.remainingMs(), qint64(500));
        now += 200;
        QCOMPARE(policy.remainingMs(), qint64(300));
        now += 1000;
        QCOMPARE(policy.remainingMs(), qint64(0));
        policy.schedule();
        QCOMPARE(policy.remainingMs(), qint64(1000));
        policy.cancel();
        QCOMPARE(policy.remainingMs(), qint64(0));
        policy.reset();
        QCOMPARE(policy.attempts(), 0);
    }

    void toleratesNonsenseSettings()
    {
        ReconnectPolicy::Settings s = enabled();
        s.initialDelayMs = 50000; // above the cap
        s.multiplier = 0.1; // would shrink
        s.jitter = 7;
        const ReconnectPolicy policy(s, [] { return 0.5; });
        QCOMPARE(policy.nextDelayMs(1), 10000);
        QCOMPARE(policy.nextDelayMs(3), 10000);
        s.maxDelayMs = -5;
        QCOMPARE(ReconnectPolicy(s).nextDelayMs(1), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ReconnectPolicy)
#include "tst_reconnectpolicy.moc"
