#include "store/eventstore.h"
#include "store/payloadcache.h"
#include "store/rowbatch.h"
#include "store/rowbatchpool.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <functional>

using namespace wsi;

namespace {

// One recorded write: what a recorder hands its LegWriter, replayed into a store one by one or into a batch.
struct Write
{
    enum Kind { Row, Adopted, Pair } kind = Row;
    EventRecord record;
    EventRecord message; // Pair
    QByteArray header; // Pair
    QByteArray payload;
};

// A recording's writes as a tap sees them: single-frame messages both ways (mostly pairs), echoes of the message
// before, fragmented messages, pings and pongs, closes, errors and notes, large reassembled messages (adopted),
// messages over EventStore::kKeptBytes that a small session budget cuts, and empty payloads.
QList<Write> randomWrites(quint32 seed, int count)
{
    QRandomGenerator random(seed);
    QList<Write> writes;
    QByteArray lastIncoming;
    qint64 t = 1'700'000'000'000'000;
    for (int i = 0; i < count; ++i) {
        const int kind = int(random.bounded(20));
        Write w;
        w.record.timeUs = t += qint64(random.bounded(5));
        w.record.dir = random.bounded(3) ? Direction::Incoming : Direction::Outgoing;
        qsizetype size = qsizetype(random.bounded(kind == 19 ? 4000 : 100));
        if (kind == 18) // now and then over PayloadArena::kLargePayload (a chunk of its own)
            size = random.bounded(10) == 0 ? 300'000 + qsizetype(random.bounded(1000)) : 2000;
        w.payload = QByteArray(size, Qt::Uninitialized);
        for (qsizetype j = 0; j < size; ++j)
            w.payload[j] = char(random.bounded(4)); // few values: equal sizes often mean equal bytes
        if (kind == 17 && w.record.dir == Direction::Outgoing && !lastIncoming.isNull())
            w.payload = lastIncoming; // an echo
        if (kind <= 12 || kind == 17 || kind == 19) {
            w.kind = Write::Pair;
            EventRecord &frame = w.record;
            frame.type = EventType::Frame;
            frame.sub = random.bounded(2) ? 1 : 2;
            frame.flags = quint8(FlagFin | (frame.dir == Direction::Outgoing ? FlagMasked : 0));
            frame.maskKey = frame.dir == Direction::Outgoing ? random.generate() : 0;
            frame.value = quint64(w.payload.size());
            w.header = QByteArray(w.payload.size() < 126 ? 2 : 4, char(0x80 | frame.sub));
            if (frame.flags & FlagMasked)
                w.header += QByteArray(4, 'm');
            w.message = frame;
            w.message.type = EventType::Message;
            w.message.flags = frame.sub == 1 ? FlagText : 0;
            w.message.sub = kind == 12 ? 3 : 1; // 12: not one frame, so two records
            w.message.maskKey = 0;
            if (kind == 11)
                w.message.timeUs += 1; // disagrees: two records
            if (w.record.dir == Direction::Incoming)
                lastIncoming = w.payload;
        } else if (kind == 18) {
            w.kind = random.bounded(2) ? Write::Adopted : Write::Row;
            w.record.type = EventType::Message;
            w.record.value = quint64(w.payload.size());
            w.record.sub = 5;
        } else {
            static const EventType others[]
                = { EventType::Ping, EventType::Pong, EventType::Close, EventType::Error, EventType::Info };
            w.record.type = others[random.bounded(5)];
            w.record.value = random.generate64();
            w.record.sub = quint8(random.bounded(8));
            if (w.record.type == EventType::Info)
                w.record.dir = Direction::None;
        }
        writes << w;
    }
    return writes;
}

void appendOneByOne(EventStore &store, const Write &w)
{
    switch (w.kind) {
    case Write::Row:
        store.append(w.record, w.payload);
        break;
    case Write::Adopted:
        store.appendAdopting(w.record, QByteArray(w.payload));
        break;
    case Write::Pair:
        store.appendFrameAndMessage(w.record, w.header, w.message, w.payload);
        break;
    }
}

void addToBatch(RowBatch &batch, const Write &w)
{
    switch (w.kind) {
    case Write::Row:
        batch.append(w.record, w.payload);
        break;
    case Write::Adopted:
        batch.appendAdopting(w.record, QByteArray(w.payload));
        break;
    case Write::Pair:
        batch.appendFrameAndMessage(w.record, w.header, w.message, w.payload);
        break;
    }
}

// Every row of `a` reads as the same row of `b`, field by field and byte by byte (where the bytes sit is the
// arena's business), and both hold the same: records, payload bytes, landmarks, the budget's state.
void compareStores(const EventStore &a, const EventStore &b)
{
    QCOMPARE(a.size(), b.size());
    QCOMPARE(a.recordsStored(), b.recordsStored());
    QCOMPARE(a.payloadBytesStored(), b.payloadBytesStored());
    QCOMPARE(a.budgetReached(), b.budgetReached());
    QCOMPARE(a.bytesNotKept(), b.bytesNotKept());
    QCOMPARE(a.landmarkRows(), b.landmarkRows());
    QCOMPARE(a.landmarkTypes(), b.landmarkTypes());
    for (qsizetype row = 0; row < a.size(); ++row) {
        QCOMPARE(a.isHeld(row), b.isHeld(row));
        EventRecord x = a.at(row);
        EventRecord y = b.at(row);
        x.payloadOffset = y.payloadOffset = 0;
        QVERIFY2(std::memcmp(&x, &y, sizeof(EventRecord)) == 0, qPrintable(QString::number(row)));
        QVERIFY2(a.payload(row) == b.payload(row), qPrintable(QString::number(row)));
    }
}

} // namespace

class tst_BatchedAppend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { PayloadCache::instance().setSessionBudget(PayloadCache::kDefaultSessionBudget); }

    void batchesReadAsRowsAppendedOneByOne_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<qint64>("sessionBudget");
        QTest::newRow("no budget") << 20261206u << qint64(0);
        QTest::newRow("default budget") << 7u << PayloadCache::kDefaultSessionBudget;
        // Reached part-way: the Info row and the cut messages land where the one-by-one path puts them.
        QTest::newRow("budget reached in a batch") << 99u << (qint64(2) << 20);
    }
    // The same writes, once one by one and once in batches cut at random points (one record, a few, thousands,
    // parts of one batch applied in several calls as side entries cut them), give stores that read the same.
    void batchesReadAsRowsAppendedOneByOne()
    {
        QFETCH(quint32, seed);
        QFETCH(qint64, sessionBudget);
        PayloadCache::instance().setSessionBudget(sessionBudget);
        const QList<Write> writes = randomWrites(seed, 40000);
        EventStore plain;
        for (const Write &w : writes)
            appendOneByOne(plain, w);

        EventStore batched;
        QRandomGenerator random(seed + 1);
        qsizetype next = 0;
        while (next < writes.size()) {
            const qsizetype take
                = qMin(writes.size() - next, qsizetype(random.bounded(random.bounded(2) ? 8 : 5000)) + 1);
            RowBatch batch;
            for (qsizetype i = next; i < next + take; ++i)
                addToBatch(batch, writes[i]);
            const qsizetype firstRow = batched.size();
            qsizetype record = 0;
            while (record < batch.recordCount()) {
                const qsizetype end = qMin(batch.recordCount(), record + qsizetype(random.bounded(3000)) + 1);
                batched.appendRows(batch, record, end);
                record = end;
            }
            QVERIFY(batched.size() - firstRow >= batch.rowCount()); // more only by the budget's Info row
            next += take;
        }
        compareStores(batched, plain);
        if (sessionBudget > 0 && sessionBudget < (qint64(1) << 30))
            QVERIFY(batched.budgetReached());
    }

    // A flood's batch holds each payload once, after its header: the store ends with the same records and payload bytes
    // as one by one (where memory comes from, the pool's recycled blocks, is not compared: it depends on the past).
    void aFloodStoresTheSameRecordsAndBytes()
    {
        EventStore plain;
        EventStore batched;
        recordFlood(plain, false);
        recordFlood(batched, true);
        QCOMPARE(batched.recordsStored(), qsizetype(300000));
        compareStores(batched, plain);
    }

private:
    // 300,000 single-frame 32-byte messages into `store`: one by one, or in batches of 3,000.
    static void recordFlood(EventStore &store, bool inBatches)
    {
        RowBatch batch;
        EventRecord frame;
        frame.type = EventType::Frame;
        frame.dir = Direction::Incoming;
        frame.flags = FlagFin;
        frame.sub = 1;
        EventRecord message = frame;
        message.type = EventType::Message;
        message.flags = FlagText;
        for (int i = 0; i < 300000; ++i) {
            const QByteArray payload = QByteArray::number(i).rightJustified(32, '.');
            frame.timeUs = message.timeUs = i;
            frame.value = message.value = quint64(payload.size());
            if (!inBatches) {
                store.appendFrameAndMessage(frame, "\x81\x20", message, payload);
                continue;
            }
            batch.appendFrameAndMessage(frame, "\x81\x20", message, payload);
            if (batch.recordCount() == 3000) {
                store.appendRows(batch, 0, batch.recordCount());
                batch = RowBatch();
            }
        }
    }

private Q_SLOTS:

    // A tap builds each batch in the memory of one the GUI thread gave back (RowBatchPool): an emptied batch keeps its
    // room, holds nothing of its last rows, and the store reads as one by one.
    void batchesBuiltInRecycledMemoryReadTheSame()
    {
        const QList<Write> writes = randomWrites(77, 20000);
        EventStore plain;
        EventStore batched;
        RowBatchPool pool;
        const char *givenBack = nullptr;
        int reused = 0;
        for (qsizetype next = 0; next < writes.size(); next += 700) {
            RowBatch batch = pool.take();
            reused += givenBack && batch.bytes() == givenBack ? 1 : 0; // the room of the batch given back
            QCOMPARE(batch.recordCount(), qsizetype(0));
            QCOMPARE(batch.rowCount(), qsizetype(0));
            QCOMPARE(batch.payloadBytes(), qsizetype(0));
            for (qsizetype i = next; i < qMin(writes.size(), next + 700); ++i) {
                addToBatch(batch, writes[i]);
                appendOneByOne(plain, writes[i]);
            }
            batched.appendRows(batch, 0, batch.recordCount());
            givenBack = batch.bytes();
            pool.giveBack(std::move(batch));
        }
        QCOMPARE(reused, int(writes.size() / 700)); // one pooled batch goes round: every later one in its memory
        compareStores(batched, plain);
    }

    // Under Streaming (the CLI) a batch's rows are released after they are read, as the printer does: the rows
    // still held read as the one-by-one store's, and the store stays as small.
    void streamingHoldsTheSameRows()
    {
        const QList<Write> writes = randomWrites(31, 30000);
        EventStore plain;
        EventStore batched;
        plain.setRetention(EventStore::Retention::Streaming);
        batched.setRetention(EventStore::Retention::Streaming);
        qsizetype next = 0;
        while (next < writes.size()) {
            const qsizetype take = qMin(writes.size() - next, qsizetype(500));
            RowBatch batch;
            for (qsizetype i = next; i < next + take; ++i) {
                addToBatch(batch, writes[i]);
                appendOneByOne(plain, writes[i]);
            }
            batched.appendRows(batch, 0, batch.recordCount());
            plain.release(plain.size() - 1);
            batched.release(batched.size() - 1);
            next += take;
        }
        QCOMPARE(batched.size(), plain.size());
        QCOMPARE(batched.landmarkRows(), plain.landmarkRows());
        for (qsizetype row = 0; row < plain.size(); ++row) {
            if (!plain.isHeld(row) || !batched.isHeld(row))
                continue;
            EventRecord x = batched.at(row);
            EventRecord y = plain.at(row);
            x.payloadOffset = y.payloadOffset = 0;
            QVERIFY2(std::memcmp(&x, &y, sizeof(EventRecord)) == 0, qPrintable(QString::number(row)));
            QVERIFY2(batched.payload(row) == plain.payload(row), qPrintable(QString::number(row)));
        }
        for (const qsizetype row : plain.landmarkRows())
            QVERIFY(batched.isHeld(row));
        QVERIFY(batched.isHeld(batched.size() - 1));
        QVERIFY(batched.payloadBytesStored() <= plain.payloadBytesStored() + (qsizetype(1) << 20));
    }
};

QTEST_GUILESS_MAIN(tst_BatchedAppend)
#include "tst_batchedappend.moc"
