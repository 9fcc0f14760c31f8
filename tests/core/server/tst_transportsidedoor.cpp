// The test server's side door (the /transports/ endpoints) off the GUI thread (issue 12): its sockets are read on the
// server thread, the GUI thread's handle publishes, resets and reads the tallies across the threads, and a server
// stopped while a long poll is held leaves nothing behind.
#include "connection/workspace.h"
#include "localserverfixture.h"
#include "server/localserver.h"
#include "server/serverthread.h"
#include "server/transportendpoints.h"
#include "server/transportendpointshandle.h"
#include "transports/transportclientthread.h"
#include "transports/transportcomparison.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace wsi;

namespace {

QByteArray pollRequest(const QByteArray &transport, int after)
{
    return "GET /transports/" + transport + "/poll?after=" + QByteArray::number(after)
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
}

// Under 126 bytes, so that each WebSocket frame has a 2-byte header.
QByteArray feedMessage(int seq)
{
    return "{\"seq\":" + QByteArray::number(seq) + ",\"pad\":\"side door\"}";
}

// A long-polling client on raw bytes: asks again after each answer, and keeps every byte it wrote and read.
struct LongPoller
{
    QTcpSocket socket;
    QByteArray in;
    QByteArray written;
    qint64 responseHeadBytes = 0;
    QByteArray bodies; // the answers' bodies, one after the other
    int after = 0;
    int requests = 0;

    void ask()
    {
        const QByteArray request = pollRequest("long-polling", after);
        written += request;
        ++requests;
        socket.write(request);
    }
    // Takes every complete response read so far and asks again after each.
    void onReadyRead()
    {
        in += socket.readAll();
        for (;;) {
            const qsizetype end = in.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = in.left(end + 4);
            const qsizetype at = head.indexOf("Content-Length: ");
            const qsizetype length = at < 0 ? 0 : head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
            if (in.size() < end + 4 + length)
                return;
            const QByteArray body = in.mid(end + 4, length);
            in.remove(0, end + 4 + length);
            responseHeadBytes += head.size();
            bodies += body;
            after += int(body.count('\n'));
            ask();
        }
    }
};

} // namespace

class tst_TransportSideDoor : public QObject, protected LocalServerFixture
{
    Q_OBJECT

private:
    TransportEndpointsHandle *handle() const { return m_server->transports(); }

    bool connectClient(QTcpSocket *socket)
    {
        socket->connectToHost(QHostAddress::LocalHost, m_server->port());
        return socket->waitForConnected(5000);
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        const QString error = start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup()
    {
        tearDown();
        // The relay retires 2 s after stop(); then no server thread is left.
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
    }

    void theSideDoorsSocketsAreReadOnTheServerThread()
    {
        TransportEndpoints *endpoints = handle()->endpointsOnServerThread();
        QVERIFY(endpoints);
        QThread *serverThread = endpoints->thread();
        QVERIFY(serverThread != QThread::currentThread());

        QTcpSocket client;
        QVERIFY(connectClient(&client));
        client.write(pollRequest("polling", 0));
        QByteArray received;
        QTRY_VERIFY((received += client.readAll()).contains("\r\n\r\n"));
        QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());

        // The socket the side door serves this client on, and where its readyRead (every read of it) is handled.
        // Shared: the server's socket outlives this function (until cleanup()).
        auto readOn = std::make_shared<std::atomic<QThread *>>(nullptr);
        QThread *socketThread = nullptr;
        int sockets = 0;
        QMetaObject::invokeMethod(
            endpoints,
            [&] {
                const QList<QTcpSocket *> found = endpoints->findChildren<QTcpSocket *>();
                sockets = int(found.size());
                if (found.isEmpty())
                    return;
                socketThread = found.first()->thread();
                QObject::connect(
                    found.first(), &QTcpSocket::readyRead, found.first(),
                    [readOn] { *readOn = QThread::currentThread(); }, Qt::DirectConnection);
            },
            Qt::BlockingQueuedConnection);
        QCOMPARE(sockets, 1);
        QCOMPARE(socketThread, serverThread);

        // A message up: read on the server thread, counted there, handed to this thread queued.
        QThread *deliveredOn = nullptr;
        QObject scope; // the connection ends with this function
        connect(handle(), &TransportEndpointsHandle::clientMessage, &scope,
            [&deliveredOn] { deliveredOn = QThread::currentThread(); });
        QSignalSpy up(handle(), &TransportEndpointsHandle::clientMessage);
        const QByteArray message = "{\"type\":\"order\"}";
        client.write("POST /transports/polling/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + QByteArray::number(message.size()) + "\r\n\r\n" + message);
        QTRY_COMPARE(up.count(), 1);
        QCOMPARE(up.at(0).at(1).toByteArray(), message);
        QCOMPARE(readOn->load(), serverThread);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QCOMPARE(handle()->tally(TransportKind::Polling).clientMessages, 1);
        QCOMPARE(handle()->tally(TransportKind::Polling).requests, 2);
    }

    void aFloodOfPublishesReachesALongPollAStreamAndTheWebSocketInOrder()
    {
        // A stream and a WebSocket open, a long poll held: then the flood, published from this thread.
        QTcpSocket stream;
        QVERIFY(connectClient(&stream));
        const QByteArray streamRequest = "GET /transports/streaming/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        stream.write(streamRequest);
        QTcpSocket webSocket;
        QVERIFY(connectClient(&webSocket));
        const QByteArray upgrade = "GET /transports/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                   "Sec-WebSocket-Version: 13\r\n\r\n";
        webSocket.write(upgrade);
        LongPoller poller;
        connect(&poller.socket, &QTcpSocket::readyRead, this, [&poller] { poller.onReadyRead(); });
        QVERIFY(connectClient(&poller.socket));
        poller.ask();
        QTRY_COMPARE(handle()->tally(TransportKind::Streaming).requests, 1);
        QTRY_COMPARE(handle()->tally(TransportKind::WebSocket).requests, 1);
        QTRY_COMPARE(handle()->tally(TransportKind::LongPolling).requests, 1);
        QByteArray streamed;
        QTRY_VERIFY((streamed += stream.readAll()).contains("\r\n\r\n"));
        QByteArray framed;
        QTRY_VERIFY((framed += webSocket.readAll()).contains("\r\n\r\n"));
        QVERIFY(framed.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));

        constexpr int kMessages = 3000;
        QByteArray expectedEvents;
        QByteArray expectedFrames;
        QByteArray expectedLines;
        qint64 payloadBytes = 0;
        for (int seq = 1; seq <= kMessages; ++seq) {
            const QByteArray message = feedMessage(seq);
            QCOMPARE(handle()->publish(message), seq);
            expectedEvents += "id: " + QByteArray::number(seq) + "\ndata: " + message + "\n\n";
            expectedFrames += "\x81" + QByteArray(1, char(message.size())) + message;
            expectedLines += message + '\n';
            payloadBytes += message.size();
        }
        QCOMPARE(handle()->feedSize(), kMessages);

        const qsizetype streamHead = streamed.indexOf("\r\n\r\n") + 4;
        const qsizetype webSocketHead = framed.indexOf("\r\n\r\n") + 4;
        QTRY_VERIFY_WITH_TIMEOUT((streamed += stream.readAll()).size() >= streamHead + expectedEvents.size(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            (framed += webSocket.readAll()).size() >= webSocketHead + expectedFrames.size(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(poller.after, kMessages, 20000);

        // Every message, each exactly once and in the order published.
        QCOMPARE(streamed.mid(streamHead), expectedEvents);
        QCOMPARE(framed.mid(webSocketHead), expectedFrames);
        QCOMPARE(poller.bodies, expectedLines);

        // The tallies read on this thread agree with the bytes the clients wrote and got.
        const TransportTally streaming = handle()->tally(TransportKind::Streaming);
        QCOMPARE(streaming.connections, 1);
        QCOMPARE(streaming.headerBytes, streamRequest.size() + streamHead);
        QCOMPARE(streaming.payloadBytes, streamed.size() - streamHead);
        const TransportTally ws = handle()->tally(TransportKind::WebSocket);
        QCOMPARE(ws.headerBytes, upgrade.size() + webSocketHead + 2 * kMessages);
        QCOMPARE(ws.payloadBytes, payloadBytes);
        // The poll asked after the last answer is held: counted once the server parsed it.
        QTRY_COMPARE(handle()->tally(TransportKind::LongPolling).requests, poller.requests);
        const TransportTally longPolling = handle()->tally(TransportKind::LongPolling);
        QCOMPARE(longPolling.connections, 1);
        QCOMPARE(longPolling.headerBytes, poller.written.size() + poller.responseHeadBytes);
        QCOMPARE(longPolling.payloadBytes, poller.bodies.size());
        QVERIFY(poller.requests >= 2);

        // A reset, posted after the flood: the next run starts from nothing, the last run's connections are closed.
        handle()->reset();
        QCOMPARE(handle()->feedSize(), 0);
        QTRY_COMPARE(handle()->tally(TransportKind::WebSocket).payloadBytes, 0);
        QTRY_COMPARE(stream.state(), QAbstractSocket::UnconnectedState);
        QTRY_COMPARE(webSocket.state(), QAbstractSocket::UnconnectedState);
        QTRY_COMPARE(poller.socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(handle()->publish(feedMessage(1)), 1);
    }

    void theServerStoppedWhileALongPollIsHeldLeavesNothingBehind()
    {
        QTcpSocket client;
        QVERIFY(connectClient(&client));
        client.write(pollRequest("long-polling", 0));
        QTRY_COMPARE(handle()->tally(TransportKind::LongPolling).requests, 1);
        QPointer<TransportEndpoints> endpoints = handle()->endpointsOnServerThread();
        QPointer<QTcpSocket> held;
        QMetaObject::invokeMethod(
            endpoints, [&] { held = endpoints->findChild<QTcpSocket *>(); }, Qt::BlockingQueuedConnection);
        QVERIFY(held);

        m_server->stop();
        QVERIFY(!handle()->endpointsOnServerThread());
        QCOMPARE(handle()->publish("after the stop"), 1); // nothing posted to endpoints that are going
        // The held poll is closed without an answer.
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(client.readAll(), QByteArray());
        m_server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
        // The thread is joined: its objects can be looked at from here. The endpoints and the socket went with it.
        QVERIFY(endpoints.isNull());
        QVERIFY(held.isNull());
    }

    void theServerDestroyedWhileALongPollIsHeldLeavesNothingBehind()
    {
        QTcpSocket client;
        QVERIFY(connectClient(&client));
        client.write(pollRequest("long-polling", 0));
        QTRY_COMPARE(handle()->tally(TransportKind::LongPolling).requests, 1);
        QPointer<TransportEndpoints> endpoints = handle()->endpointsOnServerThread();
        m_server.reset(); // no stop() first
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
        QVERIFY(endpoints.isNull());
    }

    void aComparisonCancelledDuringItsLongPollLeavesNoThread()
    {
        m_server.reset(); // the comparison starts its own
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
        TransportWorkload workload;
        workload.messages = 50;
        workload.clientMessages = 2;
        workload.durationMs = 3000;
        workload.pollIntervalMs = 100;
        TransportComparison comparison;
        comparison.setWorkload(workload);
        QSignalSpy transports(&comparison, &TransportComparison::transportFinished);
        QSignalSpy finished(&comparison, &TransportComparison::finished);
        QVERIFY(comparison.start());
        QVERIFY(transports.wait(20000)); // polling done: long polling runs now
        QTest::qWait(300);
        comparison.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(comparison.results().size(), 1);
        QVERIFY(!TransportClientThread::isRunning()); // the clients' thread went with the cancel
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
    }
};

QTEST_GUILESS_MAIN(tst_TransportSideDoor)
#include "tst_transportsidedoor.moc"
