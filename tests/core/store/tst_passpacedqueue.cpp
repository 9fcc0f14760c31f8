// PassPacedQueue (store/passpacedqueue.h): heavy items that queued up before the event loop ran are run one per pass
// of posted events, with what was posted meanwhile in between; light items keep their place behind a waiting heavy
// one; clear() drops what waits; a heavy item may delete the queue's owner.
#include "store/passpacedqueue.h"

#include <QPointer>
#include <QtTest>

using namespace wsi;

namespace {

// One pass of the event loop's posted events: those posted before it began (Qt keeps the ones posted during it for
// the next pass).
void onePass()
{
    QCoreApplication::sendPostedEvents();
}

// An object owning its queue, as TapHandle does.
class Owner : public QObject
{
public:
    PassPacedQueue queue { this };
};

} // namespace

class tst_PassPacedQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Without the pacing, the three batches would be applied in the first pass, before the other event.
    void batchesQueuedBeforeThePassTakeOnePassEach()
    {
        Owner owner;
        QStringList log;
        for (int i = 1; i <= 3; ++i) {
            QMetaObject::invokeMethod(
                &owner,
                [&owner, &log, i] {
                    owner.queue.heavy([&owner, &log, i] {
                        log << QStringLiteral("batch %1").arg(i);
                        if (i == 1) // posted while the first batch is applied: before the second
                            QMetaObject::invokeMethod(
                                &owner, [&log] { log << QStringLiteral("posted by batch 1"); }, Qt::QueuedConnection);
                    });
                },
                Qt::QueuedConnection);
        }
        // Posted after the three, like the window manager's ping reaching the loop while they wait.
        QMetaObject::invokeMethod(
            &owner, [&log] { log << QStringLiteral("other"); }, Qt::QueuedConnection);

        onePass();
        QCOMPARE(log, QStringList({ "batch 1", "other" }));
        onePass();
        QCOMPARE(log, QStringList({ "batch 1", "other", "posted by batch 1", "batch 2" }));
        onePass();
        QCOMPARE(log, QStringList({ "batch 1", "other", "posted by batch 1", "batch 2", "batch 3" }));
        onePass();
        QCOMPARE(log.size(), 5);
        QVERIFY(owner.queue.idle());
    }

    void aSignalAfterAWaitingBatchWaitsBehindIt()
    {
        Owner owner;
        QStringList log;
        auto post = [&owner](std::function<void()> f) { QMetaObject::invokeMethod(&owner, f, Qt::QueuedConnection); };
        post([&] { owner.queue.heavy([&] { log << "batch 1"; }); });
        post([&] { owner.queue.light([&] { log << "connected"; }); }); // after batch 1, which ran: at once
        post([&] { owner.queue.heavy([&] { log << "batch 2"; }); });
        post([&] { owner.queue.light([&] { log << "closed"; }); }); // after batch 2, which waits: behind it
        onePass();
        QCOMPARE(log, QStringList({ "batch 1", "connected" }));
        onePass();
        QCOMPARE(log, QStringList({ "batch 1", "connected", "batch 2", "closed" }));
    }

    void aLightItemWithNothingWaitingRunsAtOnce()
    {
        Owner owner;
        bool ran = false;
        owner.queue.light([&ran] { ran = true; });
        QVERIFY(ran);
        bool heavyRan = false;
        owner.queue.heavy([&heavyRan] { heavyRan = true; }); // nothing ran in this pass yet
        QVERIFY(heavyRan);
        ran = false;
        owner.queue.light([&ran] { ran = true; }); // a heavy item ran, but nothing waits
        QVERIFY(ran);
        onePass();
    }

    void clearDropsWhatWaits()
    {
        Owner owner;
        QStringList log;
        owner.queue.heavy([&] { log << "batch 1"; });
        owner.queue.heavy([&] { log << "batch 2"; });
        owner.queue.light([&] { log << "failed"; });
        QCOMPARE(log, QStringList({ "batch 1" }));
        owner.queue.clear();
        onePass();
        onePass();
        QCOMPARE(log, QStringList({ "batch 1" }));
    }

    void aBatchMayDeleteTheOwner()
    {
        auto *owner = new Owner;
        QPointer<Owner> alive(owner);
        int ran = 0;
        owner->queue.heavy([&ran] { ++ran; });
        owner->queue.heavy([owner, &ran] {
            ++ran;
            delete owner;
        });
        owner->queue.heavy([&ran] { ++ran; });
        onePass();
        QCOMPARE(ran, 2);
        QVERIFY(!alive);
        onePass();
        QCOMPARE(ran, 2);
    }
};

QTEST_GUILESS_MAIN(tst_PassPacedQueue)
#include "tst_passpacedqueue.moc"
