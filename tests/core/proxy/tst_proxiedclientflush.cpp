// tst_proxiedclientflush: the reverse proxy hands what it relays to the kernel within the read that brought it,
// not a turn of the event loop later (the latency of every relayed message, issue 13's 1 x 32 B echo). The flush is
// ProxiedClient's on either thread; a hook that forwards every frame keeps the client on the test's thread (without one
// it relays on the ProxyThread, issue 12), where its rows are announced at the end of each read and its sockets can be
// looked at.
#include "connection/connection.h"
#include "proxy/framehook.h"
#include "rawproxyupgrade.h"
#include "wireframe.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

// The proxy's own socket whose peer is at port (the client's socket facing the test's client, or the upstream's).
QTcpSocket *proxySocketTo(QObject *proxy, quint16 port)
{
    const QList<QTcpSocket *> sockets = proxy->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->peerPort() == port)
            return socket;
    }
    return nullptr;
}

// Message rows of one direction on one leg so far.
int messagesOn(const Connection &connection, Facing facing, Direction dir)
{
    const EventStore &events = connection.leg(facing)->events;
    int count = 0;
    for (qsizetype row = 0; row < events.size(); ++row) {
        const EventRecord r = events.at(row);
        count += r.type == EventType::Message && r.dir == dir ? 1 : 0;
    }
    return count;
}

class PassEveryFrame : public FrameHook
{
public:
    Verdict onFrame(Connection *, Toward, const FrameHeader &, QByteArrayView frame, QByteArray &out) override
    {
        out.append(frame);
        return Verdict::Forwarded;
    }
};

} // namespace

class TestProxiedClientFlush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relayedBytesLeaveBeforeTheirRowsAreAnnounced()
    {
        RawUpstreamProxy rig;
        PassEveryFrame hook;
        rig.proxy.setFrameHook(&hook);
        QString error;
        QVERIFY2(rig.start(&error), qPrintable(error));

        // At each announcement of a message row the proxy relayed, how many bytes its socket still had queued.
        QList<qint64> queuedAtOutgoingRow; // the server leg's row of the client's message: the upstream socket
        QList<qint64> queuedAtIncomingRow; // the client leg's row of the server's message: the client's socket
        QTcpSocket client;
        connect(&rig.workspace, &Workspace::connectionAdded, this, [&](Connection *connection) {
            connect(connection, &Connection::eventsAppended, this, [&, connection] {
                if (queuedAtOutgoingRow.isEmpty() && messagesOn(*connection, Facing::Server, Direction::Outgoing) > 0) {
                    QTcpSocket *toUpstream = proxySocketTo(&rig.proxy, rig.upstreamServer.serverPort());
                    queuedAtOutgoingRow.append(toUpstream ? toUpstream->bytesToWrite() : -1);
                }
                if (queuedAtIncomingRow.isEmpty() && messagesOn(*connection, Facing::Client, Direction::Outgoing) > 0) {
                    QTcpSocket *toClient = proxySocketTo(&rig.proxy, client.localPort());
                    queuedAtIncomingRow.append(toClient ? toClient->bytesToWrite() : -1);
                }
            });
        });

        QByteArray failure;
        const std::unique_ptr<QTcpSocket> upstream = rig.upgrade(client, &failure);
        QVERIFY2(upstream, failure.constData());

        // One message each way: what the upstream gets is the client's frame, and the other way round.
        const QByteArray fromClient = wireFrame(0x81, "to the server", 0x01020304u);
        client.write(fromClient);
        QByteArray atUpstream;
        QTRY_COMPARE_WITH_TIMEOUT(atUpstream += upstream->readAll(), fromClient, 5000);
        const QByteArray fromServer = wireFrame(0x81, "to the client");
        upstream->write(fromServer);
        QByteArray atClient;
        QTRY_COMPARE_WITH_TIMEOUT(atClient += client.readAll(), fromServer, 5000);

        // Both were written by the read that brought them, before the rows were announced: nothing waited for a
        // later write notification of the proxy's sockets.
        QCOMPARE(queuedAtOutgoingRow, QList<qint64> { 0 });
        QCOMPARE(queuedAtIncomingRow, QList<qint64> { 0 });
        rig.proxy.stop();
    }
};

QTEST_GUILESS_MAIN(TestProxiedClientFlush)
#include "tst_proxiedclientflush.moc"
