// tst_proxydecodeonce: without rules the reverse proxy decodes a large single-frame message once, on the leg that
// received it, and the leg that forwarded it records it from that leg's row (issue 13); each leg's rows stay what its
// own wire carried however the reads cut the frames, also once the payloads went to the spill file, and whatever
// cannot be shared (fragments, small, broken messages) is decoded on each leg as before.
#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "proxy/framehook.h"
#include "rawproxyupgrade.h"
#include "store/payloadcache.h"
#include "wireframe.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

QByteArray pattern(int size, int seed)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char('a' + (i * 7 + seed) % 26); // valid text as well as binary
    return out;
}

std::optional<quint32> keyFor(bool fromClient, quint32 key)
{
    return fromClient ? std::optional<quint32>(key) : std::nullopt;
}

// Every kind of frame one side sends, masked from the client: messages below the shared size, at it, 64 KiB of text
// and binary, one past the decoder's hand-over size (256 KiB), and a fragmented one with a ping inside.
QByteArray stream(bool fromClient)
{
    QByteArray out;
    out += wireFrame(0x81, "small", keyFor(fromClient, 0x37FA213Du));
    out += wireFrame(0x82, pattern(1023, 1), keyFor(fromClient, 0x01020304u));
    out += wireFrame(0x81, pattern(1024, 2), keyFor(fromClient, 0x0A0B0C0Du));
    out += wireFrame(0x82, pattern(65535, 3), keyFor(fromClient, 0x11223344u));
    out += wireFrame(0x01, pattern(70000, 4), keyFor(fromClient, 0x55667788u));
    out += wireFrame(0x89, "ping", keyFor(fromClient, 0x99AABBCCu));
    out += wireFrame(0x80, pattern(1000, 5), keyFor(fromClient, 0x0D0E0F10u));
    out += wireFrame(0x81, pattern(65535, 6), keyFor(fromClient, 0x21436587u));
    out += wireFrame(0x82, pattern(300 * 1024, 7), keyFor(fromClient, 0x78563412u));
    return out;
}
constexpr quint64 kSharedInStream = 4; // 1024, 65535 and 65535 bytes, and 300 KiB: single frames of 1 KiB or more

// One line per row of one leg in one direction after the upgrade (whose Host the proxy rewrites): all a reader sees
// of it but its time (payloads by their hash).
QStringList rows(const Connection &connection, Facing facing, Direction dir)
{
    const EventStore &events = connection.leg(facing)->events;
    QStringList out;
    for (qsizetype row = 0; row < events.size(); ++row) {
        const EventRecord r = events.at(row);
        if (r.dir != dir || r.type == EventType::HandshakeRequest || r.type == EventType::HandshakeResponse)
            continue;
        const QByteArray payload = events.payloadCopy(row);
        out << QStringLiteral("type %1 value %2 sub %3 flags %4 mask %5 payload %6 bytes %7")
                   .arg(int(r.type))
                   .arg(r.value)
                   .arg(r.sub)
                   .arg(r.flags)
                   .arg(r.maskKey, 8, 16, QLatin1Char('0'))
                   .arg(payload.size())
                   .arg(QString::fromLatin1(QCryptographicHash::hash(payload, QCryptographicHash::Sha1).toHex()));
    }
    return out;
}

QByteArrayList messages(const Connection &connection, Facing facing, Direction dir)
{
    const EventStore &events = connection.leg(facing)->events;
    QByteArrayList out;
    for (qsizetype row = 0; row < events.size(); ++row) {
        const EventRecord r = events.at(row);
        if (r.type == EventType::Message && r.dir == dir)
            out << events.payloadCopy(row);
    }
    return out;
}

// A hook that forwards every frame as it came: the relay cannot know that, so both legs decode.
class PassEveryFrame : public FrameHook
{
public:
    Verdict onFrame(Connection *, Toward, const FrameHeader &, QByteArrayView frame, QByteArray &out) override
    {
        out.append(frame);
        return Verdict::Forwarded;
    }
};

// A client and a bare upstream through the proxy, open, with the proxied connection.
struct Relay
{
    RawUpstreamProxy rig;
    QTcpSocket client;
    std::unique_ptr<QTcpSocket> upstream;
    QPointer<Connection> connection;

    bool open(QByteArray *failure, FrameHook *hook = nullptr)
    {
        rig.proxy.setFrameHook(hook);
        QString error;
        if (!rig.start(&error)) {
            *failure = error.toUtf8();
            return false;
        }
        QObject::connect(
            &rig.workspace, &Workspace::connectionAdded, &rig.workspace, [this](Connection *c) { connection = c; });
        upstream = rig.upgrade(client, failure);
        return upstream && connection;
    }

    // One side writes bytes in pieces (0: all at once), each read by the proxy before the next is written, so that
    // its reads end where the pieces do; true once the other side got them all, byte for byte.
    bool send(bool fromClient, const QByteArray &bytes, qsizetype piece)
    {
        QTcpSocket *sender = fromClient ? &client : upstream.get();
        QTcpSocket *receiver = fromClient ? upstream.get() : &client;
        const ConnectionLeg &senderLeg = *connection->leg(fromClient ? Facing::Client : Facing::Server);
        const quint64 before = senderLeg.counters.bytesIn;
        qsizetype sent = 0;
        QByteArray got; // read all along: the proxy stops reading a sender whose receiver does not read
        while (sent < bytes.size()) {
            const qsizetype size
                = piece == 0 ? bytes.size() : qMin(sent < 30 ? piece : qMax(piece, 8192), bytes.size() - sent);
            sender->write(bytes.sliced(sent, size));
            sender->flush();
            sent += size;
            const auto proxyRead = [&] {
                got += receiver->readAll();
                return senderLeg.counters.bytesIn - before == quint64(sent);
            };
            if (!QTest::qWaitFor(proxyRead, 5000))
                return false;
        }
        return QTest::qWaitFor([&] { return (got += receiver->readAll()).size() >= bytes.size(); }, 10000)
            && got == bytes;
    }

    quint64 decodedOnce(Facing facing) const { return connection->proxied()->messagesDecodedOnce(facing); }
};

} // namespace

class TestProxyDecodeOnce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachLegRecordsItsWireAlikeWithLargeMessagesDecodedOnce_data()
    {
        QTest::addColumn<qsizetype>("piece");
        QTest::newRow("the whole stream at once") << qsizetype(0);
        QTest::newRow("reads of 7 bytes at the start, then 8192") << qsizetype(7);
        QTest::newRow("reads of 65541 bytes: frames cut between reads") << qsizetype(65541);
    }

    void eachLegRecordsItsWireAlikeWithLargeMessagesDecodedOnce()
    {
        QFETCH(qsizetype, piece);
        Relay relay;
        QByteArray failure;
        QVERIFY2(relay.open(&failure), failure.constData());
        QVERIFY(relay.send(true, stream(true), piece));
        QVERIFY(relay.send(false, stream(false), piece));

        // The forwarding leg took the four large single-frame messages of each direction from the receiving leg...
        QCOMPARE(relay.decodedOnce(Facing::Server), kSharedInStream);
        QCOMPARE(relay.decodedOnce(Facing::Client), kSharedInStream);
        // ...and each leg's rows read as if it had decoded its own wire: frames (headers, masks), messages, the ping.
        const Connection &c = *relay.connection;
        const QStringList fromClient = rows(c, Facing::Client, Direction::Incoming);
        QCOMPARE(fromClient.size(), 17); // 9 frames, 7 messages and the ping
        QCOMPARE(rows(c, Facing::Server, Direction::Outgoing), fromClient);
        const QStringList fromServer = rows(c, Facing::Server, Direction::Incoming);
        QCOMPARE(rows(c, Facing::Client, Direction::Outgoing), fromServer);
        const QByteArrayList sent = messages(c, Facing::Server, Direction::Outgoing);
        QCOMPARE(sent.size(), 7);
        QCOMPARE(sent[3], pattern(65535, 3));
        QCOMPARE(sent[4], pattern(70000, 4) + pattern(1000, 5));
        QCOMPARE(sent[6], pattern(300 * 1024, 7));
        QCOMPARE(messages(c, Facing::Client, Direction::Outgoing), messages(c, Facing::Server, Direction::Incoming));
        QCOMPARE(c.leg(Facing::Server)->counters.messagesOut, quint64(7));
        QCOMPARE(c.leg(Facing::Client)->counters.messagesOut, quint64(7));
        QCOMPARE(c.leg(Facing::Server)->counters.framesOut, quint64(9)); // every frame, the ping's included
        relay.rig.proxy.stop();
    }

    void withAHookEachLegDecodesItsOwnWire()
    {
        PassEveryFrame hook;
        Relay relay;
        QByteArray failure;
        QVERIFY2(relay.open(&failure, &hook), failure.constData());
        QVERIFY(relay.send(true, stream(true), 0));
        QVERIFY(relay.send(false, stream(false), 0));
        QCOMPARE(relay.decodedOnce(Facing::Server), quint64(0));
        QCOMPARE(relay.decodedOnce(Facing::Client), quint64(0));
        const Connection &c = *relay.connection;
        QCOMPARE(rows(c, Facing::Server, Direction::Outgoing), rows(c, Facing::Client, Direction::Incoming));
        QCOMPARE(rows(c, Facing::Client, Direction::Outgoing), rows(c, Facing::Server, Direction::Incoming));
        QCOMPARE(messages(c, Facing::Server, Direction::Outgoing).size(), 7);
        relay.rig.proxy.stop();
    }

    void anInvalidTextMessageForwardedUnchangedIsAViolationOnBothLegs_data()
    {
        QTest::addColumn<bool>("fromClient");
        QTest::newRow("from the client") << true;
        QTest::newRow("from the server") << false;
    }

    void anInvalidTextMessageForwardedUnchangedIsAViolationOnBothLegs()
    {
        QFETCH(bool, fromClient);
        Relay relay;
        QByteArray failure;
        QVERIFY2(relay.open(&failure), failure.constData());
        QByteArray broken = pattern(4096, 1);
        broken[2000] = char(0xFF);
        const QByteArray bytes = wireFrame(0x81, pattern(2048, 2), keyFor(fromClient, 0x01020304u))
            + wireFrame(0x81, broken, keyFor(fromClient, 0x0A0B0C0Du));
        QVERIFY(relay.send(fromClient, bytes, 0));

        const Facing receiving = fromClient ? Facing::Client : Facing::Server;
        const Facing forwarding = fromClient ? Facing::Server : Facing::Client;
        QCOMPARE(relay.decodedOnce(forwarding), quint64(1)); // the valid one only
        const QStringList received = rows(*relay.connection, receiving, Direction::Incoming);
        QCOMPARE(rows(*relay.connection, forwarding, Direction::Outgoing), received);
        const EventStore &events = relay.connection->leg(forwarding)->events;
        const EventRecord last = events.at(events.size() - 1);
        QCOMPARE(last.type, EventType::Error);
        QVERIFY2(events.payloadText(events.size() - 1).contains(QStringLiteral("byte 0xFF at offset 2000")),
            qPrintable(events.payloadText(events.size() - 1)));
        QCOMPARE(relay.connection->leg(forwarding)->counters.errors, quint64(1));
        QCOMPARE(relay.connection->leg(receiving)->counters.errors, quint64(1));
        relay.rig.proxy.stop();
    }

    void bothLegsReadBackTheSamePayloadsFromTheSpillFile()
    {
        // A 4 MiB memory budget against 2 x 16 MiB of payloads: most chunks of both legs are written to the spill file
        // and freed while the rest are recorded, the receiving leg's among them while the forwarding leg reads them.
        PayloadCache::instance().setBudget(qint64(4) << 20);
        const auto restore = qScopeGuard([] { PayloadCache::instance().setBudget(PayloadCache::kDefaultBudget); });
        Relay relay;
        QByteArray failure;
        QVERIFY2(relay.open(&failure), failure.constData());
        constexpr int kCount = 256;
        QByteArray bytes;
        for (int i = 0; i < kCount; ++i)
            bytes += wireFrame(0x82, pattern(65535, i), keyFor(true, 0x01000193u * quint32(i + 1)));
        QVERIFY(relay.send(true, bytes, 65541));
        QCOMPARE(relay.decodedOnce(Facing::Server), quint64(kCount));
        QVERIFY(PayloadCache::instance().spilledBytes() > 0);

        const QByteArrayList received = messages(*relay.connection, Facing::Client, Direction::Incoming);
        const QByteArrayList forwarded = messages(*relay.connection, Facing::Server, Direction::Outgoing);
        QCOMPARE(received.size(), kCount);
        QCOMPARE(forwarded.size(), kCount);
        for (int i = 0; i < kCount; ++i) {
            QCOMPARE(received[i], pattern(65535, i));
            QCOMPARE(forwarded[i], pattern(65535, i));
        }
        relay.rig.proxy.stop();
    }
};

QTEST_GUILESS_MAIN(TestProxyDecodeOnce)
#include "tst_proxydecodeonce.moc"
