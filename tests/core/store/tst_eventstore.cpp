#include "store/eventstore.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>

using namespace wsi;

class tst_EventStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsPayloadsByteExact()
    {
        EventStore store;
        QList<QByteArray> payloads;
        for (int i = 0; i < 5000; ++i) {
            QByteArray p(i % 300, Qt::Uninitialized);
            for (int j = 0; j < p.size(); ++j)
                p[j] = char((i + j) & 0xFF);
            payloads << p;
            EventRecord r;
            r.type = EventType::Message;
            r.timeUs = i;
            QCOMPARE(store.append(r, p), qsizetype(i));
        }
        for (int i = 0; i < payloads.size(); ++i) {
            QCOMPARE(store.payloadCopy(i), payloads[i]);
            QCOMPARE(store.at(i).payloadSize, quint32(payloads[i].size()));
            QCOMPARE(store.at(i).timeUs, qint64(i));
        }
    }

    void viewsStayValidWhileGrowing()
    {
        EventStore store;
        EventRecord r;
        store.append(r, "first payload");
        const QByteArrayView early = store.payload(0);
        for (int i = 0; i < 100000; ++i)
            store.append(r, QByteArray(40, 'x'));
        QCOMPARE(early, QByteArrayView("first payload"));
    }

    void largePayloadsGetTheirOwnChunk()
    {
        EventStore store;
        EventRecord r;
        const QByteArray big(3 * PayloadArena::kLargePayload, 'b');
        store.append(r, "small");
        store.append(r, big);
        store.append(r, "after");
        QCOMPARE(store.payloadCopy(1), big);
        QCOMPARE(store.payloadCopy(0), QByteArray("small"));
        QCOMPARE(store.payloadCopy(2), QByteArray("after"));
    }

    // A large message's buffer is kept as it is (no copy into fresh memory); small ones are still packed.
    void adoptedPayloadsKeepTheirBuffer()
    {
        EventStore store;
        EventRecord r;
        QByteArray big(4 * PayloadArena::kLargePayload, 'b');
        big[7] = 'X';
        const char *data = big.constData();
        const qsizetype row = store.appendAdopting(r, std::move(big));
        QVERIFY(store.payload(row).data() == data); // the same buffer, not equal bytes
        QCOMPARE(store.payload(row).size(), 4 * PayloadArena::kLargePayload);
        QCOMPARE(store.payload(row).at(7), 'X');
        QCOMPARE(store.at(row).payloadSize, quint32(4 * PayloadArena::kLargePayload));
        const qsizetype small = store.appendAdopting(r, QByteArray("tiny"));
        QCOMPARE(store.payload(small).toByteArray(), QByteArray("tiny"));
        QCOMPARE(store.payload(row).at(7), 'X');
    }

    void recordsAreCompact()
    {
        // A million rows must fit comfortably: the record itself stays within 40 bytes.
        QVERIFY(sizeof(EventRecord) <= 40);
        EventStore store;
        EventRecord r;
        const QByteArray payload(32, 'p');
        for (int i = 0; i < 200000; ++i)
            store.append(r, payload);
        const double perEvent = double(store.memoryUsed()) / 200000.0;
        QVERIFY2(perEvent < 120.0, qPrintable(QString::number(perEvent)));
    }

    void smallStoreStaysSmallAndRecordsSurviveGrowth()
    {
        // An idle client has a handful of events (its handshake, the open) and 10,000 of them are a normal test
        // of the local server: its store reserves about what those need, not a block (issue 12: <= 19 KB per idle
        // client in all; with 4 KiB of payload chunk and 64 records reserved up front it was 25 KB).
        EventStore small;
        EventRecord r;
        small.append(r, QByteArray(260, 'q')); // a request head as loadgen and most libraries send it
        small.append(r, QByteArray(130, 's')); // the 101
        for (int i = 0; i < 3; ++i)
            small.append(r, "x");
        QVERIFY2(small.memoryUsed() <= 1024, qPrintable(QString::number(small.memoryUsed())));
        // Growing through every doubling of the first block and into full blocks keeps every record.
        EventStore store;
        for (int i = 0; i < 40000; ++i) {
            r.value = quint64(i);
            store.append(r, QByteArray::number(i));
        }
        for (int i : { 0, 7, 8, 9, 63, 64, 65, 127, 128, 16383, 16384, 16385, 39999 }) {
            QCOMPARE(store.at(i).value, quint64(i));
            QCOMPARE(store.payloadCopy(i), QByteArray::number(i));
        }
    }

    // Past the first block, records go into 10 MiB blocks: every row on either side of each boundary is kept.
    void recordsSurviveTheLargeBlocks()
    {
        EventStore store;
        EventRecord r;
        constexpr int kFirst = 1 << 14;
        constexpr int kLarge = 1 << 18;
        const int rows = kFirst + 2 * kLarge + 3;
        for (int i = 0; i < rows; ++i) {
            r.value = quint64(i);
            r.timeUs = -i;
            store.append(r, QByteArray::number(i % 1000));
        }
        QCOMPARE(store.size(), qsizetype(rows));
        for (int i : { 0, kFirst - 1, kFirst, kFirst + 1, kFirst + kLarge - 1, kFirst + kLarge, kFirst + kLarge + 1,
                 kFirst + 2 * kLarge - 1, kFirst + 2 * kLarge, rows - 1 }) {
            QCOMPARE(store.at(i).value, quint64(i));
            QCOMPARE(store.at(i).timeUs, qint64(-i));
            QCOMPARE(store.payloadCopy(i), QByteArray::number(i % 1000));
        }
        // Two full large blocks and a third begun, plus the first block and the arena: no more.
        const qsizetype records = qsizetype(kFirst + 3 * kLarge) * qsizetype(sizeof(EventRecord));
        QVERIFY2(store.memoryUsed() >= records && store.memoryUsed() < records + (qsizetype(16) << 20),
            qPrintable(QString::number(store.memoryUsed())));
    }

    // An echo (the same message back in the other direction) keeps the payload once, also when a window of
    // messages is in flight before their echoes come back; anything else is stored as sent.
    void anEchoedMessageSharesItsPayload()
    {
        EventStore store;
        EventRecord frame;
        frame.type = EventType::Frame;
        frame.dir = Direction::Incoming;
        EventRecord in;
        in.type = EventType::Message;
        in.dir = Direction::Incoming;
        EventRecord out = in;
        out.dir = Direction::Outgoing;
        const QByteArray text = QByteArrayLiteral("{\"seq\":1,\"body\":\"hello there\"}");
        store.append(frame, QByteArray("\x81\xa0mask", 6));
        const qsizetype first = store.append(in, text);
        const qsizetype stored = store.payloadBytesStored();
        const qsizetype echo = store.append(out, QByteArray(text)); // an equal copy, not the same buffer
        QVERIFY(store.payload(echo).data() == store.payload(first).data());
        QCOMPARE(store.payloadCopy(echo), text);
        QCOMPARE(store.at(echo).payloadSize, quint32(text.size()));
        QCOMPARE(store.payloadBytesStored(), stored);

        // Five in flight, then their echoes in order: each shares its own message's bytes.
        QList<qsizetype> sent;
        for (int i = 0; i < 5; ++i)
            sent << store.append(in, "message #" + QByteArray::number(i));
        const qsizetype window = store.payloadBytesStored();
        for (int i = 0; i < 5; ++i) {
            const qsizetype back = store.append(out, "message #" + QByteArray::number(i));
            QVERIFY(store.payload(back).data() == store.payload(sent[i]).data());
        }
        QCOMPARE(store.payloadBytesStored(), window);

        // Same size, other bytes: stored apart; the same message again in the same direction: stored again.
        QByteArray other = text;
        other[other.size() - 2] = 'X';
        const qsizetype before = store.append(in, text);
        const qsizetype changed = store.append(out, other);
        QVERIFY(store.payload(changed).data() != store.payload(before).data());
        const qsizetype again = store.append(out, other);
        QVERIFY(store.payload(again).data() != store.payload(changed).data());
        QCOMPARE(store.payloadCopy(changed), other);
        QCOMPARE(store.payloadCopy(again), other);
        QCOMPARE(store.payloadCopy(before), text);
        // Only messages are compared: a frame's header bytes are never shared.
        const qsizetype header = store.append(frame, other);
        QVERIFY(store.payload(header).data() != store.payload(changed).data());
        QCOMPARE(store.payloadCopy(header), other);
    }

    // A single-frame message kept as one record reads back exactly as its Frame row and Message row appended
    // one by one: every field and every payload byte, across row groups and record blocks, mixed with rows of
    // other kinds and with pairs the store must not merge.
    void aFrameAndMessagePairReadsAsTwoRows()
    {
        EventStore paired;
        EventStore plain;
        QRandomGenerator random(20261124);
        qsizetype mergeable = 0;
        for (int i = 0; i < 30000; ++i) {
            const int kind = int(random.bounded(10));
            EventRecord frame;
            frame.timeUs = 1'700'000'000'000'000 + i;
            frame.type = EventType::Frame;
            frame.dir = random.bounded(2) ? Direction::Incoming : Direction::Outgoing;
            const bool text = random.bounded(2);
            frame.sub = text ? 1 : 2;
            frame.flags = quint8(FlagFin | (random.bounded(4) == 0 ? FlagRsv1 : 0)
                | (frame.dir == Direction::Outgoing ? FlagMasked : 0));
            frame.maskKey = frame.dir == Direction::Outgoing ? random.generate() : 0;
            const qsizetype size = kind == 9 ? 0 : qsizetype(random.bounded(kind == 8 ? 70000 : 200));
            QByteArray payload(size, char(i));
            for (qsizetype j = 0; j < qMin<qsizetype>(size, 200); ++j)
                payload[j] = char(random.bounded(256));
            if (kind == 7 && i > 0)
                payload = plain.payloadCopy(plain.size() - 1); // sometimes an echo of the row before
            frame.value = quint64(payload.size());
            QByteArray header(payload.size() < 126 ? 2 : 4, '\x81');
            if (frame.flags & FlagMasked)
                header += QByteArray(4, 'm');
            EventRecord message;
            message.timeUs = frame.timeUs;
            message.type = EventType::Message;
            message.dir = frame.dir;
            message.value = quint64(payload.size());
            message.sub = 1;
            message.flags = text ? FlagText : 0;
            if (kind == 6) {
                message.sub = 3; // not a single frame: kept as two records
            } else if (kind == 5) {
                EventRecord info; // a row of another kind in between pairs
                info.timeUs = frame.timeUs;
                info.type = EventType::Info;
                info.value = quint64(i);
                paired.append(info, "note");
                plain.append(info, "note");
            }
            if (kind != 6)
                ++mergeable;
            const qsizetype row = paired.appendFrameAndMessage(frame, header, message, payload);
            QCOMPARE(row, plain.append(frame, header));
            plain.append(message, payload);
        }
        QCOMPARE(paired.size(), plain.size());
        QCOMPARE(paired.recordsStored(), plain.recordsStored() - mergeable);
        for (qsizetype row = 0; row < plain.size(); ++row) {
            EventRecord a = paired.at(row);
            EventRecord b = plain.at(row);
            // Where the bytes sit is the arena's business (a recycled chunk may be larger than a fresh one, so
            // chunk boundaries differ between two stores); the bytes themselves are compared below.
            a.payloadOffset = b.payloadOffset = 0;
            QVERIFY2(std::memcmp(&a, &b, sizeof(EventRecord)) == 0, qPrintable(QString::number(row)));
            QVERIFY2(paired.payload(row) == plain.payload(row), qPrintable(QString::number(row)));
        }
    }

    // Frame and message that do not describe one frame (another length, another time) stay two records.
    void disagreeingFrameAndMessageStayApart()
    {
        EventStore store;
        EventRecord frame;
        frame.type = EventType::Frame;
        frame.sub = 1;
        frame.flags = FlagFin;
        frame.value = 5;
        EventRecord message;
        message.type = EventType::Message;
        message.sub = 1;
        message.value = 4;
        store.appendFrameAndMessage(frame, "\x81\x05", message, "four");
        QCOMPARE(store.recordsStored(), qsizetype(2));
        QCOMPARE(store.at(0).value, quint64(5));
        QCOMPARE(store.at(1).value, quint64(4));
        message.value = 5;
        message.timeUs = 1;
        store.appendFrameAndMessage(frame, "\x81\x05", message, "fives");
        QCOMPARE(store.recordsStored(), qsizetype(4));
        message.timeUs = 0;
        store.appendFrameAndMessage(frame, "\x81\x05", message, "fives");
        QCOMPARE(store.recordsStored(), qsizetype(5));
        QCOMPARE(store.size(), qsizetype(6));
        QCOMPARE(store.at(4).type, EventType::Frame);
        QCOMPARE(store.payloadCopy(4), QByteArray("\x81\x05"));
        QCOMPARE(store.at(5).type, EventType::Message);
        QCOMPARE(store.payloadCopy(5), QByteArray("fives"));
    }

    void emptyPayloadIsEmpty()
    {
        EventStore store;
        EventRecord r;
        store.append(r, {});
        QVERIFY(store.payload(0).isEmpty());
    }

    // What explains a connection's end reads only these (issue 12): every row that is not traffic, in order,
    // and no message, frame (paired or not), ping or pong.
    void landmarkRowsAreTheRowsThatAreNotTraffic()
    {
        EventStore store;
        auto add = [&](EventType type) {
            EventRecord r;
            r.type = type;
            r.dir = Direction::Incoming;
            return store.append(r, "x");
        };
        const qsizetype open = add(EventType::Open);
        add(EventType::Message);
        add(EventType::Frame);
        add(EventType::Ping);
        add(EventType::Pong);
        const qsizetype error = add(EventType::Error);
        EventRecord frame;
        frame.type = EventType::Frame;
        frame.dir = Direction::Incoming;
        frame.sub = 1;
        frame.flags = FlagFin;
        frame.value = 2;
        EventRecord message = frame;
        message.type = EventType::Message;
        message.flags = FlagText;
        store.appendFrameAndMessage(frame, QByteArray::fromHex("8102"), message, "hi");
        const qsizetype close = add(EventType::Close);
        const qsizetype info = add(EventType::Info);
        QCOMPARE(store.landmarkRows(), (std::vector<qsizetype> { open, error, close, info }));
        QCOMPARE(store.landmarkTypes(),
            (std::vector<EventType> { EventType::Open, EventType::Error, EventType::Close, EventType::Info }));
    }
};

QTEST_GUILESS_MAIN(tst_EventStore)
#include "tst_eventstore.moc"
