// Streaming retention: a store whose consumer releases each row once read holds a small, bounded part of a
// long flood (counted in records and payload bytes, not RSS), keeps every row that explains the ending, and
// counts the session budget as if it held everything.
#include "store/eventstore.h"
#include "store/payloadcache.h"

#include <QTest>

using namespace wsi;

namespace {

constexpr int kMessages = 100000;

EventRecord record(EventType type, Direction dir, qint64 t, quint64 value = 0)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = t;
    r.value = value;
    if (type == EventType::Message) {
        r.flags = FlagText;
        r.sub = 1;
    }
    return r;
}

QByteArray payloadOf(int i, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype j = 0; j < size; ++j)
        bytes[j] = char('a' + (i + j) % 26);
    return bytes;
}

// A connection's life: handshake, open, kMessages messages (every third as a Frame and Message pair, an
// error in the middle), then both Close frames. Each row is released as soon as it is appended, as the CLI's
// printer does. Returns the rows of the error and of the two Close frames.
struct Rows
{
    qsizetype error = -1;
    qsizetype firstClose = -1;
    qsizetype replyClose = -1;
    qsizetype lastMessage = -1;
};

Rows record(EventStore &store, qsizetype payloadSize)
{
    Rows rows;
    qint64 t = 1000;
    store.append(record(EventType::HandshakeRequest, Direction::Outgoing, t++), "GET / HTTP/1.1\r\n\r\n");
    store.append(record(EventType::HandshakeResponse, Direction::Incoming, t++), "HTTP/1.1 101\r\n\r\n");
    store.append(record(EventType::Open, Direction::None, t++), "chat");
    store.release(store.size());
    for (int i = 0; i < kMessages; ++i) {
        const QByteArray payload = payloadOf(i, payloadSize);
        const qint64 now = t++;
        if (i % 3 == 0) {
            EventRecord frame = record(EventType::Frame, Direction::Incoming, now, quint64(payload.size()));
            frame.sub = 1;
            frame.flags = FlagFin;
            rows.lastMessage
                = store.appendFrameAndMessage(frame, "\x81\x7e",
                      record(EventType::Message, Direction::Incoming, now, quint64(payload.size())), payload)
                + 1;
        } else {
            rows.lastMessage
                = store.append(record(EventType::Message, Direction::Incoming, now, quint64(payload.size())), payload);
        }
        if (i == kMessages / 2) {
            EventRecord error = record(EventType::Error, Direction::Incoming, t++);
            error.sub = quint8(ErrorLayer::WebSocket);
            rows.error = store.append(error, "a frame broke the rules");
        }
        store.release(store.size());
    }
    rows.firstClose = store.append(record(EventType::Close, Direction::Outgoing, t++, 1000), "bye");
    rows.replyClose = store.append(record(EventType::Close, Direction::Incoming, t++, 1001), "going away");
    store.release(store.size());
    return rows;
}

} // namespace

class tst_EventStoreRetention : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { PayloadCache::instance().setSessionBudget(0); }

    void keepAllHoldsEveryRow()
    {
        EventStore store;
        const Rows rows = record(store, 32);
        QCOMPARE(store.size(), qsizetype(3 + kMessages + kMessages / 3 + 1 + 1 + 2));
        QVERIFY(store.isHeld(3));
        QCOMPARE(store.nextHeld(4), qsizetype(4));
        QCOMPARE(store.payloadCopy(rows.lastMessage), payloadOf(kMessages - 1, 32));
        QVERIFY(store.recordsStored() > kMessages);
    }

    void streamingHoldsABoundedPartOfAFlood()
    {
        EventStore store;
        store.setRetention(EventStore::Retention::Streaming);
        const Rows rows = record(store, 32);

        // Every row still has its number...
        QCOMPARE(store.size(), qsizetype(3 + kMessages + kMessages / 3 + 1 + 1 + 2));
        // ...but the store holds a few thousand records and a little payload, not 100,000 messages' worth.
        QVERIFY2(store.recordsStored() < 10000, qPrintable(QString::number(store.recordsStored())));
        QVERIFY2(store.payloadBytesStored() < 256 * 1024, qPrintable(QString::number(store.payloadBytesStored())));
        QVERIFY2(store.memoryUsed() < 8 * 1024 * 1024, qPrintable(QString::number(store.memoryUsed())));

        // What explains the ending is held: handshake, open, the error, both Close frames, the last message.
        for (qsizetype row : { qsizetype(0), qsizetype(1), qsizetype(2), rows.error, rows.firstClose, rows.replyClose,
                 rows.lastMessage })
            QVERIFY2(store.isHeld(row), qPrintable(QString::number(row)));
        QCOMPARE(store.at(2).type, EventType::Open);
        QCOMPARE(store.payloadCopy(2), QByteArray("chat"));
        QCOMPARE(store.at(rows.error).type, EventType::Error);
        QCOMPARE(store.payloadCopy(rows.error), QByteArray("a frame broke the rules"));
        QCOMPARE(store.at(rows.firstClose).value, quint64(1000));
        QCOMPARE(store.payloadCopy(rows.firstClose), QByteArray("bye"));
        QCOMPARE(store.at(rows.replyClose).dir, Direction::Incoming);
        QCOMPARE(store.payloadCopy(rows.replyClose), QByteArray("going away"));
        QCOMPARE(store.at(rows.lastMessage).type, EventType::Message);
        QCOMPARE(store.payloadCopy(rows.lastMessage), payloadOf(kMessages - 1, 32));

        // Early messages are gone, and the held rows are found by walking them.
        QVERIFY(!store.isHeld(3));
        QCOMPARE(store.at(3).type, EventType::Info);
        QVERIFY(store.payload(3).isEmpty());
        QCOMPARE(store.nextHeld(3), rows.error);
        QCOMPARE(store.previousHeld(rows.error - 1), qsizetype(2));
        QList<EventType> notable;
        qsizetype heldRows = 0;
        for (qsizetype row = store.nextHeld(0); row < store.size(); row = store.nextHeld(row + 1)) {
            ++heldRows;
            const EventType type = store.at(row).type;
            if (type != EventType::Message && type != EventType::Frame)
                notable << type;
        }
        QVERIFY2(heldRows < 10000, qPrintable(QString::number(heldRows)));
        QCOMPARE(notable,
            (QList<EventType> { EventType::HandshakeRequest, EventType::HandshakeResponse, EventType::Open,
                EventType::Error, EventType::Close, EventType::Close }));
    }

    void streamingKeepsRowsNotYetReleased()
    {
        EventStore store;
        store.setRetention(EventStore::Retention::Streaming);
        for (int i = 0; i < 20000; ++i)
            store.append(record(EventType::Message, Direction::Incoming, i), payloadOf(i, 16));
        store.release(15000); // a reader still behind: the rest must stay readable
        for (int i = 20000; i < 30000; ++i)
            store.append(record(EventType::Message, Direction::Incoming, i), payloadOf(i, 16));
        QVERIFY(!store.isHeld(100));
        for (int i = 15000; i < 30000; ++i) {
            QVERIFY(store.isHeld(i));
            QCOMPARE(store.at(i).timeUs, qint64(i));
            QCOMPARE(store.payloadCopy(i), payloadOf(i, 16));
        }
    }

    void streamingKeepsAPinnedRowUntilItIsUnpinned()
    {
        // A proxy pins a held message's row: released at once like every other, it must outlive a flood of the
        // other direction (far more than a compaction's worth of rows and bytes) until it is decided.
        EventStore store;
        store.setRetention(EventStore::Retention::Streaming);
        store.append(record(EventType::Message, Direction::Incoming, 0), payloadOf(0, 64));
        const qsizetype held = store.append(record(EventType::Message, Direction::Incoming, 1), payloadOf(1, 64));
        store.pin(held);
        store.pin(held); // once is enough
        QCOMPARE(store.pinnedCount(), 1);
        for (int i = 2; i < 20000; ++i) {
            store.append(record(EventType::Message, Direction::Outgoing, i), payloadOf(i, 300));
            store.release(store.size());
        }
        QVERIFY(!store.isHeld(0));
        QVERIFY(store.isHeld(held));
        QCOMPARE(store.at(held).timeUs, qint64(1));
        QCOMPARE(store.at(held).dir, Direction::Incoming);
        QCOMPARE(store.payloadCopy(held), payloadOf(1, 64));
        QVERIFY(store.payloadBytesStored() < 4 * 1024 * 1024); // the flood itself still went
        QVERIFY(store.recordsStored() < 2 * 4096 + 10);
        // Decided: it goes with the others.
        store.unpin(held);
        QCOMPARE(store.pinnedCount(), 0);
        for (int i = 20000; i < 30000; ++i) {
            store.append(record(EventType::Message, Direction::Outgoing, i), payloadOf(i, 300));
            store.release(store.size());
        }
        QVERIFY(!store.isHeld(held));
        // A row already let go cannot be pinned back.
        store.pin(held);
        QCOMPARE(store.pinnedCount(), 0);
    }

    void streamingCountsTheBudgetOverEverythingRecorded()
    {
        // The same flood under both retentions reaches the session budget at the same message and counts the
        // same bytes not kept: what a streaming store let go still counts.
        PayloadCache::instance().setSessionBudget(qint64(4) << 20);
        EventStore all;
        const Rows allRows = record(all, 2000);
        EventStore streaming;
        streaming.setRetention(EventStore::Retention::Streaming);
        const Rows streamingRows = record(streaming, 2000);
        QVERIFY(all.budgetReached());
        QVERIFY(streaming.budgetReached());
        QCOMPARE(streaming.bytesNotKept(), all.bytesNotKept());
        QCOMPARE(streaming.size(), all.size());
        QCOMPARE(streamingRows.error, allRows.error);
        // The Info row that says where the budget was reached is held.
        qsizetype infoRow = -1;
        for (qsizetype row = all.nextHeld(0); row < all.size() && infoRow < 0; row = all.nextHeld(row + 1))
            if (all.at(row).type == EventType::Info)
                infoRow = row;
        QVERIFY(infoRow > 0);
        QVERIFY(streaming.isHeld(infoRow));
        QCOMPARE(streaming.at(infoRow).type, EventType::Info);
        QCOMPARE(streaming.payloadCopy(infoRow), all.payloadCopy(infoRow));
        QVERIFY(streaming.payloadBytesStored() < 4 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(tst_EventStoreRetention)
#include "tst_eventstoreretention.moc"
