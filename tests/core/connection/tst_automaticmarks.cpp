// AutomaticMarks: what the GUI thread marks before it writes a message is what the capture thread takes, in order.
#include "connection/automaticmarks.h"

#include <QTest>

#include <thread>

using namespace wsi;

class tst_AutomaticMarks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void takesWhatWasAddedOnceAndInOrder()
    {
        AutomaticMarks marks;
        QVERIFY(marks.take().isEmpty());
        marks.add(3);
        marks.add(7);
        QCOMPARE(marks.take(), QList<quint64>({ 3, 7 }));
        QVERIFY(marks.take().isEmpty());
    }

    // One thread marks (the GUI thread), another takes as it decodes (the capture thread): every mark arrives once,
    // ascending, and a mark added before a handshake with the other thread (here: the join) is never missed.
    void marksAddedOnAnotherThreadAllArrive()
    {
        AutomaticMarks marks;
        constexpr quint64 kCount = 200000;
        std::thread gui([&marks] {
            for (quint64 i = 1; i <= kCount; ++i)
                marks.add(i);
        });
        QList<quint64> taken;
        while (taken.size() < qsizetype(kCount / 2))
            taken += marks.take();
        gui.join();
        taken += marks.take();
        QCOMPARE(taken.size(), qsizetype(kCount));
        for (qsizetype i = 0; i < taken.size(); ++i)
            QCOMPARE(taken[i], quint64(i + 1));
    }
};

QTEST_GUILESS_MAIN(tst_AutomaticMarks)
#include "tst_automaticmarks.moc"
