// tst_proxydecodethread: the reverse proxy's two legs are decoded on the ProxyThread (issue 12): the GUI thread gets
// rows already decoded (DecodedBatch parts) and decodes no byte itself, the legs keep their wire order, a forwarded
// 64 KiB message is still decoded once (the forwarding leg takes it from the receiving leg's batch), and a mark the
// user decides long after the row arrived still lands on that row.
#include "connection/connection.h"
#include "connection/legorder.h"
#include "connection/proxiedtransport.h"
#include "connection/workspace.h"
#include "legmessages.h"
#include "models/eventlogmodel.h"
#include "peerprocess.h"
#include "proxy/proxyruleset.h"
#include "proxy/proxythread.h"
#include "proxy/reverseproxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

// A message no two of which are alike, of every byte value.
QByteArray numbered(int number, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + number) & 0xff);
    return bytes;
}

} // namespace

class tst_ProxyDecodeThread : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void cleanup() { QVERIFY(!ProxyThread::isRunning()); }

    void bothLegsAreDecodedOnTheProxyThreadInWireOrderAndForwardedMessagesOnce()
    {
        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(m_server.url(QStringLiteral("/")));
        QVERIFY(proxy.start(options));

        QWebSocket client;
        QByteArrayList echoed;
        connect(&client, &QWebSocket::binaryMessageReceived, this, [&](const QByteArray &bytes) { echoed << bytes; });
        client.open(QUrl(proxy.url().toString() + QStringLiteral("echo")));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(workspace.connections().size(), 1, 5000);
        Connection *connection = workspace.connections().first();

        constexpr int kCount = 40;
        constexpr qsizetype kSize = 64 * 1024;
        QByteArrayList sent;
        for (int i = 0; i < kCount; ++i) {
            sent << numbered(i, kSize);
            client.sendBinaryMessage(sent.last());
        }
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), kCount, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(connection->leg(Facing::Client)->counters.messagesOut, quint64(kCount), 10000);
        QCOMPARE(echoed, sent);

        // Every byte was decoded on the proxy thread: this thread applied decoded parts and decoded nothing.
        ProxiedTransport *transport = connection->proxied();
        QVERIFY(transport->decodedPartsApplied() > 0);
        QCOMPARE(transport->bytesDecodedHere(), quint64(0));

        // Both legs hold every message both ways, byte-exact.
        QByteArrayList fromClient, toServer, fromServer, toClient;
        const QList<EventRecord> clientIn = legMessages(*connection, Facing::Client, Direction::Incoming, &fromClient);
        const QList<EventRecord> serverOut = legMessages(*connection, Facing::Server, Direction::Outgoing, &toServer);
        const QList<EventRecord> serverIn = legMessages(*connection, Facing::Server, Direction::Incoming, &fromServer);
        const QList<EventRecord> clientOut = legMessages(*connection, Facing::Client, Direction::Outgoing, &toClient);
        QCOMPARE(fromClient, sent);
        QCOMPARE(toServer, sent);
        QCOMPARE(fromServer, sent);
        QCOMPARE(toClient, sent);
        // Wire order across the legs: the leg that received a message has its row first.
        for (int i = 0; i < kCount; ++i) {
            QVERIFY2(!LegOrder::serverFirst(clientIn.at(i), serverOut.at(i)), qPrintable(QString::number(i)));
            QVERIFY2(LegOrder::serverFirst(clientOut.at(i), serverIn.at(i)), qPrintable(QString::number(i)));
        }
        // Decode-once on the proxy thread: each forwarded 64 KiB message was taken from the receiving leg's batch.
        QCOMPARE(transport->messagesDecodedOnce(Facing::Server), quint64(kCount));
        QCOMPARE(transport->messagesDecodedOnce(Facing::Client), quint64(kCount));
        proxy.stop();
    }

    void aMarkDecidedLaterReachesTheRowDecodedOnTheProxyThread()
    {
        // A QWebSocketServer upstream, the window's rules (a breakpoint on binary messages to the server).
        QWebSocketServer upstream(QStringLiteral("upstream"), QWebSocketServer::NonSecureMode);
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        QStringList serverText;
        connect(&upstream, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *serverSide = upstream.nextPendingConnection();
            connect(
                serverSide, &QWebSocket::textMessageReceived, this, [&](const QString &text) { serverText << text; });
        });
        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ProxyRuleSet rules;
        rules.addRule(ProxyRule::opcode(FrameHook::Toward::Server, ProxyRule::Action::Hold, 0x2));
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstream.serverPort()));
        QVERIFY(proxy.start(options));
        QVERIFY(proxy.listenerOnProxyThread()); // the rules run on the ProxyThread
        QWebSocket client;
        client.open(proxy.url());
        QTRY_COMPARE_WITH_TIMEOUT(workspace.connections().size(), 1, 10000);
        Connection *connection = workspace.connections().first();
        QTRY_VERIFY_WITH_TIMEOUT(rules.isRelaying(connection), 10000);

        EventLogModel model;
        model.setShowFrames(true);
        model.setConnection(connection);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        HeldMessages *held = rules.heldMessages();
        QSignalSpy heldSpy(held, &HeldMessages::held);
        const QByteArray payload = numbered(1, 70000);
        client.sendBinaryMessage(payload);
        QTRY_COMPARE(heldSpy.size(), 1);
        // Rows go on arriving behind the hold (read, recorded, not passed on) before the user decides.
        for (int i = 0; i < 200; ++i)
            client.sendTextMessage(QStringLiteral("behind %1").arg(i));
        const ConnectionLeg &clientLeg = *connection->leg(Facing::Client);
        QTRY_COMPARE(clientLeg.counters.messagesIn, quint64(201));
        QVERIFY(clientLeg.proxyMarks.isEmpty());
        QVERIFY(held->drop(heldSpy.at(0).first().toULongLong()));
        QTRY_COMPARE(serverText.size(), 200);

        // The drop's mark is on the row the proxy thread decoded for the held message.
        QTRY_COMPARE(clientLeg.proxyMarks.size(), 1);
        QCOMPARE(clientLeg.proxyMarks.begin().value().action, ProxyMark::Action::Dropped);
        QCOMPARE(clientLeg.events.payload(clientLeg.proxyMarks.begin().key()), payload);
        QCOMPARE(connection->proxied()->bytesDecodedHere(), quint64(0));
        QVERIFY(connection->proxied()->decodedPartsApplied() > 0);
        proxy.stop();
    }
};

QTEST_GUILESS_MAIN(tst_ProxyDecodeThread)
#include "tst_proxydecodethread.moc"
