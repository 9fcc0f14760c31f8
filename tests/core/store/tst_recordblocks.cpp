// RecordBlocks in the PayloadCache: full record blocks count in the app's memory budget, go to the spill file
// when over it, and read back exactly; the block being filled stays; a store gives its spilled blocks back.
#include "store/eventstore.h"
#include "store/payloadcache.h"

#include <QTest>

using namespace wsi;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;
constexpr qsizetype kRecordsPerBlock = qsizetype(1) << 18; // 10 MiB of records

EventRecord recordNumber(qsizetype i)
{
    EventRecord r;
    r.type = EventType::Info;
    r.timeUs = 1700000000000000 + i;
    r.value = quint64(i) * 3;
    r.maskKey = quint32(i * 7);
    return r;
}

// Records without payloads: only the records take memory.
void fill(EventStore &store, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i)
        store.append(recordNumber(i), {});
}

void compareRecord(const EventStore &store, qsizetype i)
{
    const EventRecord r = store.at(i);
    const EventRecord expected = recordNumber(i);
    QCOMPARE(r.timeUs, expected.timeUs);
    QCOMPARE(r.value, expected.value);
    QCOMPARE(r.maskKey, expected.maskKey);
    QCOMPARE(r.type, expected.type);
}

} // namespace

class tst_RecordBlocks : public QObject
{
    Q_OBJECT

private:
    PayloadCache &cache() { return PayloadCache::instance(); }

private Q_SLOTS:
    void init() { cache().setBudget(4 * kMiB); }
    void cleanupTestCase() { cache().setBudget(PayloadCache::kDefaultBudget); }

    void fullBlocksCountInTheBudget()
    {
        const qint64 before = cache().residentBytes();
        EventStore store;
        fill(store, 3 * kRecordsPerBlock);
        // Two full 10 MiB blocks and the 640 KB first one are listed; the block being filled is not.
        QVERIFY2(cache().residentBytes() - before >= 20 * kMiB, qPrintable(QString::number(cache().residentBytes())));
    }

    void overTheBudgetBlocksAreSpilledAndReadBackExact()
    {
        EventStore store;
        const qsizetype count = 5 * kRecordsPerBlock + 1234;
        fill(store, count);
        QVERIFY(store.memoryUsed() > 50 * kMiB); // eviction waits for the event loop
        QCoreApplication::processEvents();
        QVERIFY2(cache().residentBytes() <= cache().budget(), qPrintable(QString::number(cache().residentBytes())));
        // What stays: the block being filled (10 MiB) and what the budget allows; not 5 blocks of records.
        QVERIFY2(store.memoryUsed() <= 11 * kMiB + cache().budget(), qPrintable(QString::number(store.memoryUsed())));
        QVERIFY(cache().errorString().isEmpty());

        const qint64 readsBefore = cache().readBacks();
        for (qsizetype i = 0; i < count; i += 9973)
            compareRecord(store, i);
        compareRecord(store, 0);
        compareRecord(store, count - 1);
        QVERIFY(cache().readBacks() > readsBefore);
        // A record read back stays readable while other blocks are read back in the same turn.
        const EventRecord first = store.at(0);
        compareRecord(store, 2 * kRecordsPerBlock + 5);
        QCOMPARE(first.timeUs, recordNumber(0).timeUs);
        QCoreApplication::processEvents();
        QVERIFY(cache().residentBytes() <= cache().budget());
    }

    void pairedRowsReadBackAsAppended()
    {
        EventStore store;
        const QByteArray payload(32, 'p');
        const QByteArray header = QByteArray::fromHex("8120");
        const qsizetype messages = 2 * kRecordsPerBlock;
        for (qsizetype i = 0; i < messages; ++i) {
            EventRecord frame;
            frame.type = EventType::Frame;
            frame.dir = Direction::Incoming;
            frame.sub = 1;
            frame.flags = FlagFin;
            frame.value = 32;
            frame.timeUs = i;
            EventRecord message = frame;
            message.type = EventType::Message;
            message.flags = FlagText;
            message.sub = 1;
            store.appendFrameAndMessage(frame, header, message, payload);
        }
        QCoreApplication::processEvents();
        // The record block (10 MiB) and payload chunk (8 MiB) being filled stay, and what the budget allows.
        QVERIFY(store.memoryUsed() <= 19 * kMiB + cache().budget());
        // The first message's two rows, long spilled, come back as they were appended.
        QCOMPARE(store.at(0).type, EventType::Frame);
        QCOMPARE(store.at(1).type, EventType::Message);
        QCOMPARE(store.at(1).timeUs, 0);
        QCOMPARE(store.at(1).value, quint64(32));
        QCOMPARE(store.payloadCopy(0), header);
        QCOMPARE(store.payloadCopy(1), payload);
        QCOMPARE(store.at(2 * messages - 1).timeUs, messages - 1);
    }

    void aStoreGivesItsSpilledBlocksBack()
    {
        const qint64 before = cache().spilledBytes();
        {
            EventStore store;
            fill(store, 4 * kRecordsPerBlock);
            QCoreApplication::processEvents();
            QVERIFY(cache().spilledBytes() >= before + 20 * kMiB);
        }
        QCOMPARE(cache().spilledBytes(), before);
    }
};

QTEST_GUILESS_MAIN(tst_RecordBlocks)
#include "tst_recordblocks.moc"
