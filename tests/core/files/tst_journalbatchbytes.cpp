// JournalBatchBytes: payloads noted where they are and copied in at once, bytes appended at once in between; every
// offset size() gave before a payload is where that payload ends up.
#include "files/journalbatchbytes.h"

#include <QTest>

using namespace wsi;

class tst_JournalBatchBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notedPayloadsLandAtTheOffsetsGivenWhenNoted()
    {
        const QByteArray first = "first";
        const QByteArray second(3000, 's');
        const QByteArray third = "3";
        JournalBatchBytes bytes;
        QVERIFY(bytes.isEmpty());
        bytes.note(first);
        QCOMPARE(bytes.size(), qsizetype(5));
        bytes.note(QByteArrayView()); // an empty payload takes no room
        const qsizetype lineAt = bytes.size();
        bytes.append("{\"line\":1}\n"); // a line formatted here, gone after the call
        const qsizetype secondAt = bytes.size();
        bytes.note(second);
        const qsizetype thirdAt = bytes.size();
        bytes.note(third);
        QCOMPARE(bytes.size(), thirdAt + 1);

        const QByteArray taken = bytes.take();
        QCOMPARE(taken.size(), thirdAt + 1);
        QCOMPARE(taken.left(5), first);
        QCOMPARE(taken.mid(lineAt, secondAt - lineAt), QByteArray("{\"line\":1}\n"));
        QCOMPARE(taken.mid(secondAt, second.size()), second);
        QCOMPARE(taken.mid(thirdAt), third);
        QVERIFY(bytes.isEmpty()); // ready for the next batch
        QCOMPARE(bytes.size(), qsizetype(0));
    }

    void theNextBatchStartsAtOffsetZero()
    {
        JournalBatchBytes bytes;
        bytes.note("one");
        QCOMPARE(bytes.take(), QByteArray("one"));
        bytes.note("two");
        bytes.append("!");
        QCOMPARE(bytes.take(), QByteArray("two!"));
        QVERIFY(bytes.take().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_JournalBatchBytes)
#include "tst_journalbatchbytes.moc"
