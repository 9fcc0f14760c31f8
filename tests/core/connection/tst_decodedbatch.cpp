// A recorder writing through BatchLegWriter, its batches applied by ConnectionLegWriter::apply, leaves the leg
// exactly as the same recorder writing straight into it, wherever the batches are cut.
#include "connection/batchlegwriter.h"
#include "connection/connection.h"
#include "connection/connectionlegwriter.h"
#include "connection/wirerecorder.h"
#include "store/payloadcache.h"
#include "wireframe.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cstring>

using namespace wsi;

namespace {

struct Chunk
{
    Direction direction;
    bool injected;
    QByteArray bytes;
};

const QByteArray kRequest = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n\r\n";

// An opening, then traffic both ways with everything a recorder writes: pairs, a fragmented message, pings and
// pongs, an injected frame, large messages (the budget cuts them when it is small), the server's violation (an
// error row in the app's words and a status line), and a close. The wire is cut into chunks at random places.
QList<Chunk> openConnectionWire(quint32 seed)
{
    QByteArray in = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    QByteArray out = kRequest;
    QList<Chunk> wire { { Direction::Outgoing, false, out } };
    QRandomGenerator random(seed);
    QByteArray stream;
    for (int i = 0; i < 400; ++i) {
        const QByteArray payload = QByteArray::number(i).repeated(int(random.bounded(i % 50 == 0 ? 1200 : 12)) + 1);
        stream += wireFrame(i % 7 == 0 ? 0x82 : 0x81, payload);
        if (i % 60 == 5)
            stream += wireFrame(0x89, "ping") + wireFrame(0x01, "frag") + wireFrame(0x80, "mented");
    }
    stream += wireFrame(0x83, "reserved opcode"); // a violation: the decoding of this direction stops
    in += stream;
    qsizetype at = 0;
    bool first = true;
    while (at < in.size()) {
        const qsizetype size = first ? 60 : qsizetype(random.bounded(1, 900));
        wire << Chunk { Direction::Incoming, false, in.mid(at, size) };
        if (random.bounded(8) == 0)
            wire << Chunk { Direction::Outgoing, false,
                wireFrame(0x81, "hello " + QByteArray::number(at), 0x11223344) };
        if (random.bounded(40) == 0)
            wire << Chunk { Direction::Outgoing, true, wireFrame(0x8A, "injected", 0x01020304) };
        at += size;
        first = false;
    }
    wire << Chunk { Direction::Outgoing, false, wireFrame(0x88, QByteArray("\x03\xe8", 2) + "bye", 0x55667788) };
    return wire;
}

// A refused upgrade: a 403 with a body, read until the server closes.
QList<Chunk> refusedWire()
{
    return { { Direction::Outgoing, false, kRequest },
        { Direction::Incoming, false, "HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nno " },
        { Direction::Incoming, false, "entry" } };
}

void feed(WireRecorder &recorder, const Chunk &chunk, qint64 timeUs)
{
    if (chunk.injected)
        recorder.recordInjected(timeUs, chunk.bytes);
    else
        recorder.record(chunk.direction, timeUs, chunk.bytes);
}

// The leg as written, with the status lines its connection was told.
struct Written
{
    Connection connection { ConnectionOptions {} };
    ConnectionLeg leg;
    QStringList statuses;
    std::unique_ptr<ConnectionLegWriter> writerFor()
    {
        return std::make_unique<ConnectionLegWriter>(
            &connection, &leg, [this](const RecordedText &text) { statuses << text.english(); });
    }
};

void compareLegs(const Written &batched, const Written &direct)
{
    const EventStore &a = batched.leg.events;
    const EventStore &b = direct.leg.events;
    QCOMPARE(a.size(), b.size());
    QCOMPARE(a.recordsStored(), b.recordsStored());
    QCOMPARE(a.payloadBytesStored(), b.payloadBytesStored());
    QCOMPARE(a.landmarkRows(), b.landmarkRows());
    for (qsizetype row = 0; row < b.size(); ++row) {
        EventRecord x = a.at(row);
        EventRecord y = b.at(row);
        x.payloadOffset = y.payloadOffset = 0;
        QVERIFY2(std::memcmp(&x, &y, sizeof(EventRecord)) == 0, qPrintable(QString::number(row)));
        QVERIFY2(a.payload(row) == b.payload(row), qPrintable(QString::number(row)));
    }
    QCOMPARE(std::memcmp(&batched.leg.counters, &direct.leg.counters, sizeof(ConnectionLeg::Counters)), 0);
    QCOMPARE(batched.leg.texts.keys(), direct.leg.texts.keys());
    for (auto it = direct.leg.texts.cbegin(); it != direct.leg.texts.cend(); ++it)
        QCOMPARE(batched.leg.texts.value(it.key()).english(), it.value().english());
    QCOMPARE(batched.statuses, direct.statuses);
    const HandshakeRecord &h = batched.leg.handshake;
    const HandshakeRecord &g = direct.leg.handshake;
    QCOMPARE(h.requestComplete, g.requestComplete);
    QCOMPARE(h.responseComplete, g.responseComplete);
    QCOMPARE(h.request.raw, g.request.raw);
    QCOMPARE(h.response.raw, g.response.raw);
    QCOMPARE(h.response.status, g.response.status);
    QCOMPARE(h.responseBody, g.responseBody);
    QCOMPARE(h.checks.size(), g.checks.size());
    QCOMPARE(h.accept.expected, g.accept.expected);
    QCOMPARE(h.accept.valid, g.accept.valid);
    QCOMPARE(batched.leg.timings.upgradeUs, direct.leg.timings.upgradeUs);
}

} // namespace

class tst_DecodedBatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { PayloadCache::instance().setSessionBudget(PayloadCache::kDefaultSessionBudget); }

    void batchesLeaveTheLegAsDirectWrites_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<qint64>("sessionBudget");
        QTest::newRow("open connection") << 0 << PayloadCache::kDefaultSessionBudget;
        QTest::newRow("open connection, budget reached") << 0 << qint64(20000);
        QTest::newRow("refused upgrade") << 1 << PayloadCache::kDefaultSessionBudget;
    }
    // Two batches cut after every chunk of the wire, and one batch per chunk: the leg reads the same as the
    // recorder's direct writes (rows, payloads, counters, handshake, timings, texts, status), and each batch is
    // announced once.
    void batchesLeaveTheLegAsDirectWrites()
    {
        QFETCH(int, scenario);
        QFETCH(qint64, sessionBudget);
        PayloadCache::instance().setSessionBudget(sessionBudget);
        const QList<Chunk> wire = scenario == 0 ? openConnectionWire(1206) : refusedWire();
        auto timeOf = [](qsizetype i) { return 1'700'000'000'000'000 + qint64(i) * 7; };

        Written direct;
        {
            WireRecorder recorder(direct.writerFor(), WireRecorder::Perspective::Client);
            for (qsizetype i = 0; i < wire.size(); ++i)
                feed(recorder, wire[i], timeOf(i));
            recorder.upstreamEnded(timeOf(wire.size()));
        }
        QVERIFY(direct.leg.events.size() >= (scenario == 0 ? 800 : 3)); // refused: the heads and an error row
        QVERIFY(!direct.statuses.isEmpty());

        // cut == wire.size() + 1: one batch per chunk.
        for (qsizetype cut = 0; cut <= wire.size() + 1; ++cut) {
            Written batched;
            const std::unique_ptr<ConnectionLegWriter> applier = batched.writerFor();
            auto writer = std::make_unique<BatchLegWriter>(false);
            BatchLegWriter *batches = writer.get();
            WireRecorder recorder(std::move(writer), WireRecorder::Perspective::Client);
            QSignalSpy appended(&batched.connection, &Connection::eventsAppended);
            int applied = 0;
            auto applyBatch = [&] {
                if (!batches->hasWrites())
                    return;
                applier->apply(batches->take());
                ++applied;
            };
            for (qsizetype i = 0; i < wire.size(); ++i) {
                if (i == cut || cut == wire.size() + 1)
                    applyBatch();
                feed(recorder, wire[i], timeOf(i));
            }
            recorder.upstreamEnded(timeOf(wire.size()));
            applyBatch();
            QVERIFY(appended.size() >= 1 && appended.size() <= applied); // once per batch with rows at most
            compareLegs(batched, direct);
            if (QTest::currentTestFailed()) {
                qWarning() << "cut after chunk" << cut;
                return;
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_DecodedBatch)
#include "tst_decodedbatch.moc"
