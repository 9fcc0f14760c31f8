// tst_proxiedrelay: the reverse proxy without rules relays each direction byte for byte however its reads cut the
// frames (whole reads go on shared, split frames are joined: RelayedFrames), and both legs record the same messages.
#include "connection/connection.h"
#include "rawproxyupgrade.h"
#include "wireframe.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

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

// A stream of every kind of frame one side sends: masked from the client, not from the server; every length form,
// a fragmented message with a ping between its fragments.
QByteArray stream(bool fromClient)
{
    const auto key = [fromClient](quint32 k) { return fromClient ? std::optional<quint32>(k) : std::nullopt; };
    QByteArray out;
    out += wireFrame(0x81, "small", key(0x37FA213Du));
    out += wireFrame(0x82, pattern(300, 1), key(0x01020304u));
    out += wireFrame(0x82, pattern(65535, 2), key(0x0A0B0C0Du));
    out += wireFrame(0x01, pattern(70000, 3), key(0x11223344u));
    out += wireFrame(0x89, "ping", key(0x55667788u));
    out += wireFrame(0x80, pattern(1000, 4), key(0x99AABBCCu));
    out += wireFrame(0x82, pattern(65535, 5), key(0x0D0E0F10u));
    return out;
}

// The payloads of the data messages of one leg in one direction, in order.
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

} // namespace

class TestProxiedRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relaysEachDirectionByteForByteHoweverReadsCutIt_data()
    {
        QTest::addColumn<qsizetype>("piece");
        QTest::newRow("the whole stream at once") << qsizetype(0);
        QTest::newRow("reads of 7 bytes at the start, then 8192") << qsizetype(7);
        QTest::newRow("reads of 65541 bytes: one 64 KiB frame each, misaligned") << qsizetype(65541);
    }

    void relaysEachDirectionByteForByteHoweverReadsCutIt()
    {
        QFETCH(qsizetype, piece);
        RawUpstreamProxy rig;
        QString error;
        QVERIFY2(rig.start(&error), qPrintable(error));
        QPointer<Connection> connection;
        connect(&rig.workspace, &Workspace::connectionAdded, this, [&](Connection *c) { connection = c; });

        QTcpSocket client;
        QByteArray failure;
        const std::unique_ptr<QTcpSocket> upstream = rig.upgrade(client, &failure);
        QVERIFY2(upstream, failure.constData());
        QVERIFY(connection);

        // Each side writes its stream in pieces, each piece read by the proxy before the next is written (its leg
        // counted the bytes), so that the proxy's reads end where the pieces do.
        for (const bool fromClient : { true, false }) {
            const QByteArray bytes = stream(fromClient);
            QTcpSocket *sender = fromClient ? &client : upstream.get();
            QTcpSocket *receiver = fromClient ? upstream.get() : &client;
            const ConnectionLeg &senderLeg = *connection->leg(fromClient ? Facing::Client : Facing::Server);
            const quint64 before = senderLeg.counters.bytesIn;
            qsizetype sent = 0;
            while (sent < bytes.size()) {
                const qsizetype size
                    = piece == 0 ? bytes.size() : qMin(sent < 30 ? piece : qMax(piece, 8192), bytes.size() - sent);
                sender->write(bytes.sliced(sent, size));
                sender->flush(); // to the kernel now: the proxy may read it in the next turn of the event loop
                sent += size;
                QTRY_COMPARE_WITH_TIMEOUT(senderLeg.counters.bytesIn - before, quint64(sent), 5000);
            }
            QByteArray got;
            QTRY_COMPARE_WITH_TIMEOUT((got += receiver->readAll()).size(), bytes.size(), 10000);
            QVERIFY(got == bytes);
        }

        // Both legs recorded the same messages each way (the fragmented one joined).
        const QByteArrayList fromClient = messages(*connection, Facing::Client, Direction::Incoming);
        QCOMPARE(fromClient.size(), 5);
        QCOMPARE(fromClient[3], pattern(70000, 3) + pattern(1000, 4));
        QCOMPARE(messages(*connection, Facing::Server, Direction::Outgoing), fromClient);
        const QByteArrayList fromServer = messages(*connection, Facing::Server, Direction::Incoming);
        QCOMPARE(fromServer.size(), 5);
        QCOMPARE(fromServer[4], pattern(65535, 5));
        QCOMPARE(messages(*connection, Facing::Client, Direction::Outgoing), fromServer);
        rig.proxy.stop();
    }
};

QTEST_GUILESS_MAIN(TestProxiedRelay)
#include "tst_proxiedrelay.moc"
