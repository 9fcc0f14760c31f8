#include "eventstore.h"

#include <QTest>

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
        QCOMPARE(store.payload(row).data(), data);
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
        // An idle client has a handful of events: its store must not reserve a full block of records.
        EventStore small;
        EventRecord r;
        for (int i = 0; i < 5; ++i)
            small.append(r, "x");
        QVERIFY2(small.memoryUsed() <= 8192, qPrintable(QString::number(small.memoryUsed())));
        // Growing through every doubling of the first block and into full blocks keeps every record.
        EventStore store;
        for (int i = 0; i < 40000; ++i) {
            r.value = quint64(i);
            store.append(r, QByteArray::number(i));
        }
        for (int i : {0, 63, 64, 65, 127, 128, 16383, 16384, 16385, 39999}) {
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
        for (int i : {0, kFirst - 1, kFirst, kFirst + 1, kFirst + kLarge - 1, kFirst + kLarge, kFirst + kLarge + 1,
                      kFirst + 2 * kLarge - 1, kFirst + 2 * kLarge, rows - 1}) {
            QCOMPARE(store.at(i).value, quint64(i));
            QCOMPARE(store.at(i).timeUs, qint64(-i));
            QCOMPARE(store.payloadCopy(i), QByteArray::number(i % 1000));
        }
        // Two full large blocks and a third begun, plus the first block and the arena: no more.
        const qsizetype records = qsizetype(kFirst + 3 * kLarge) * qsizetype(sizeof(EventRecord));
        QVERIFY2(store.memoryUsed() >= records && store.memoryUsed() < records + (qsizetype(16) << 20),
                 qPrintable(QString::number(store.memoryUsed())));
    }

    // An echo (the same message back, after its frame) keeps the payload once; anything else is stored as sent.
    void anEchoedMessageSharesItsPayload()
    {
        EventStore store;
        EventRecord frame;
        frame.type = EventType::Frame;
        EventRecord message;
        message.type = EventType::Message;
        const QByteArray text = QByteArrayLiteral("{\"seq\":1,\"body\":\"hello there\"}");
        store.append(frame, QByteArray("\x81\xa0mask", 6));
        const qsizetype in = store.append(message, text);
        store.append(frame, QByteArray("\x81\x20", 2));
        const qsizetype stored = store.payloadBytesStored();
        const qsizetype out = store.append(message, QByteArray(text)); // an equal copy, not the same buffer
        QCOMPARE(store.payload(out).data(), store.payload(in).data());
        QCOMPARE(store.payloadCopy(out), text);
        QCOMPARE(store.at(out).payloadSize, quint32(text.size()));
        QCOMPARE(store.payloadBytesStored(), stored);
        // Same size, other bytes: stored apart; and every payload still reads back as appended.
        QByteArray other = text;
        other[other.size() - 2] = 'X';
        const qsizetype changed = store.append(message, other);
        QVERIFY(store.payload(changed).data() != store.payload(in).data());
        QCOMPARE(store.payloadCopy(changed), other);
        QCOMPARE(store.payloadCopy(in), text);
        // A frame's header bytes equal to a message's payload are not shared (only messages are compared).
        const qsizetype header = store.append(frame, other);
        QVERIFY(store.payload(header).data() != store.payload(changed).data());
        QCOMPARE(store.payloadCopy(header), other);
    }

    void emptyPayloadIsEmpty()
    {
        EventStore store;
        EventRecord r;
        store.append(r, {});
        QVERIFY(store.payload(0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_EventStore)
#include "tst_eventstore.moc"
