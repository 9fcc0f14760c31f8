// The test server's /transports/ endpoints spoken to with raw bytes: what they answer, and what they count.
#include "connection/workspace.h"
#include "localserverfixture.h"
#include "protocol/frameencoder.h"
#include "server/localserver.h"
#include "server/transportendpoints.h"
#include "server/transportendpointshandle.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace wsi;

namespace {

// A polling request as a browser would send it, minus most of its headers.
QByteArray pollRequest(const QByteArray &transport, int after)
{
    return "GET /transports/" + transport + "/poll?after=" + QByteArray::number(after)
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\nAccept: */*\r\n\r\n";
}

// The response head and body of one HTTP response with a Content-Length (or none, for 204).
struct Response
{
    QByteArray head;
    QByteArray body;
};

} // namespace

class tst_TransportEndpoints : public QObject, protected LocalServerFixture
{
    Q_OBJECT

private:
    TransportEndpointsHandle *endpoints() const { return m_server->transports(); }

    std::unique_ptr<QTcpSocket> connectClient()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_server->port());
        // Connecting needs no answer from the server's thread: the kernel accepts into the backlog.
        if (!socket->waitForConnected(5000))
            return {};
        return socket;
    }

    // Reads one response from the socket's stream in buffer (what follows stays there).
    static bool readResponse(QTcpSocket *socket, QByteArray *buffer, Response *out)
    {
        QElapsedTimer bound;
        bound.start();
        while (bound.elapsed() < 5000) {
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end >= 0) {
                out->head = buffer->left(end + 4);
                qsizetype length = 0;
                const qsizetype at = out->head.indexOf("Content-Length: ");
                if (at >= 0)
                    length = out->head.mid(at + 16, out->head.indexOf("\r\n", at) - at - 16).toLongLong();
                if (buffer->size() >= end + 4 + length) {
                    out->body = buffer->mid(end + 4, length);
                    buffer->remove(0, end + 4 + length);
                    return true;
                }
            }
            // Wait by running the event loop, not in waitForReadyRead(): the endpoints' handle lives on this thread.
            QTest::qWait(5);
            *buffer += socket->readAll();
            if (socket->state() != QAbstractSocket::ConnectedState && buffer->isEmpty())
                return false;
        }
        return false;
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        const QString error = start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { tearDown(); }

    void claimsOnlyRequestsUnderTransports_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<int>("claim");
        QTest::newRow("poll") << QByteArray("GET /transports/polling/poll HTTP/1.1\r\n")
                              << int(TransportEndpoints::Claim::Yes);
        QTest::newRow("send") << QByteArray("POST /transports/polling/send") << int(TransportEndpoints::Claim::Yes);
        QTest::newRow("websocket") << QByteArray("GET /transports/websocket") << int(TransportEndpoints::Claim::Yes);
        QTest::newRow("a prefix") << QByteArray("GET /trans") << int(TransportEndpoints::Claim::NeedMore);
        QTest::newRow("one byte") << QByteArray("P") << int(TransportEndpoints::Claim::NeedMore);
        QTest::newRow("the WebSocket side")
            << QByteArray("GET /chat HTTP/1.1\r\n") << int(TransportEndpoints::Claim::No);
        QTest::newRow("another method") << QByteArray("PUT /transports/x") << int(TransportEndpoints::Claim::No);
        QTest::newRow("TLS") << QByteArray("\x16\x03\x01\x02\x00", 5) << int(TransportEndpoints::Claim::No);
    }

    void claimsOnlyRequestsUnderTransports()
    {
        QFETCH(QByteArray, first);
        QFETCH(int, claim);
        QCOMPARE(int(TransportEndpoints::claims(first)), claim);
    }

    void pollingCountsEveryHeadAndBodyByte()
    {
        endpoints()->publish("{\"seq\":1}");
        endpoints()->publish("{\"seq\":2,\"x\":true}");
        auto socket = connectClient();
        QVERIFY(socket);
        QByteArray buffer;
        // Two polls and one message up on one keep-alive connection.
        const QByteArray first = pollRequest("polling", 0);
        socket->write(first);
        Response one;
        QVERIFY(readResponse(socket.get(), &buffer, &one));
        QVERIFY2(one.head.startsWith("HTTP/1.1 200 OK\r\n"), one.head.constData());
        QCOMPARE(one.body, QByteArray("{\"seq\":1}\n{\"seq\":2,\"x\":true}\n"));
        const QByteArray second = pollRequest("polling", 2);
        socket->write(second);
        Response two;
        QVERIFY(readResponse(socket.get(), &buffer, &two));
        QCOMPARE(two.body, QByteArray()); // nothing new: a poll that cost a round trip for nothing
        const QByteArray message = "{\"type\":\"order\"}";
        const QByteArray post = "POST /transports/polling/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + QByteArray::number(message.size()) + "\r\n\r\n";
        QSignalSpy up(endpoints(), &TransportEndpointsHandle::clientMessage);
        socket->write(post + message);
        Response three;
        QVERIFY(readResponse(socket.get(), &buffer, &three));
        QVERIFY(three.head.startsWith("HTTP/1.1 204 No Content\r\n"));
        QTRY_COMPARE(up.count(), 1); // queued from the server thread
        QCOMPARE(up.at(0).at(1).toByteArray(), message);

        const TransportTally tally = endpoints()->tally(TransportKind::Polling);
        QCOMPARE(tally.connections, 1);
        QCOMPARE(tally.requests, 3);
        QCOMPARE(tally.headerBytes,
            first.size() + one.head.size() + second.size() + two.head.size() + post.size() + three.head.size());
        QCOMPARE(tally.payloadBytes, one.body.size() + message.size());
        QCOMPARE(tally.clientMessages, 1);
        // Nothing was counted for the others.
        QCOMPARE(endpoints()->tally(TransportKind::WebSocket).requests, 0);
        QCOMPARE(endpoints()->tally(TransportKind::LongPolling).headerBytes, 0);
    }

    void longPollIsHeldUntilTheNextMessage()
    {
        auto socket = connectClient();
        QVERIFY(socket);
        socket->write(pollRequest("long-polling", 0));
        QTRY_COMPARE(endpoints()->tally(TransportKind::LongPolling).requests, 1);
        QTest::qWait(200);
        QCOMPARE(socket->bytesAvailable(), 0); // held: no answer while there is nothing to say
        endpoints()->publish("{\"seq\":1}");
        QByteArray buffer;
        Response answer;
        QVERIFY(readResponse(socket.get(), &buffer, &answer));
        QCOMPARE(answer.body, QByteArray("{\"seq\":1}\n"));
    }

    void streamSendsEachMessageAsAnEvent()
    {
        endpoints()->publish("{\"seq\":1}");
        auto socket = connectClient();
        QVERIFY(socket);
        const QByteArray request = "GET /transports/streaming/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        socket->write(request);
        QByteArray received;
        QTRY_VERIFY((received += socket->readAll()).contains("data: {\"seq\":1}\n\n"));
        endpoints()->publish("{\"seq\":2}");
        QTRY_VERIFY((received += socket->readAll()).contains("id: 2\ndata: {\"seq\":2}\n\n"));
        const qsizetype headEnd = received.indexOf("\r\n\r\n") + 4;
        QVERIFY(received.left(headEnd).contains("Content-Type: text/event-stream\r\n"));
        const TransportTally tally = endpoints()->tally(TransportKind::Streaming);
        QCOMPARE(tally.requests, 1);
        QCOMPARE(tally.headerBytes, request.size() + headEnd);
        QCOMPARE(tally.payloadBytes, received.size() - headEnd);
    }

    void webSocketCountsFrameHeadersApartFromPayloads()
    {
        auto socket = connectClient();
        QVERIFY(socket);
        const QByteArray upgrade = "GET /transports/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                   "Sec-WebSocket-Version: 13\r\n\r\n";
        socket->write(upgrade);
        QByteArray received;
        QTRY_VERIFY((received += socket->readAll()).contains("\r\n\r\n"));
        QVERIFY(received.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        QVERIFY(received.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        const qsizetype head = received.size();
        RawFrameSpec up;
        up.payload = "hello server";
        up.maskKey = 0x37fa213d;
        const QByteArray frame = encodeFrame(up);
        QSignalSpy messages(endpoints(), &TransportEndpointsHandle::clientMessage);
        socket->write(frame);
        QTRY_COMPARE(messages.count(), 1);
        QCOMPARE(messages.at(0).at(1).toByteArray(), QByteArray("hello server"));
        endpoints()->publish("{\"seq\":1}");
        QTRY_COMPARE((received += socket->readAll()).size(), head + 2 + 9); // a 2-byte header, unmasked
        QCOMPARE(received.mid(head), QByteArray("\x81\x09{\"seq\":1}"));
        const TransportTally tally = endpoints()->tally(TransportKind::WebSocket);
        QCOMPARE(tally.connections, 1);
        QCOMPARE(tally.requests, 1);
        QCOMPARE(tally.headerBytes, upgrade.size() + head + (frame.size() - up.payload.size()) + 2);
        QCOMPARE(tally.payloadBytes, up.payload.size() + 9);
    }

    void otherPathsStillReachTheWebSocketSide()
    {
        // Not under /transports/: a plain GET gets the WebSocket side's refusal, recorded as before.
        auto socket = connectClient();
        QVERIFY(socket);
        socket->write("GET /transportsx HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY((received += socket->readAll()).contains("\r\n\r\n"));
        QVERIFY2(received.startsWith("HTTP/1.1 400 "), received.constData());
        QTRY_COMPARE(m_workspace->connections().size(), 1);
        QCOMPARE(endpoints()->tally(TransportKind::Polling).requests, 0);
    }

    void transportClientsLeaveTheWorkspace()
    {
        auto socket = connectClient();
        QVERIFY(socket);
        socket->write(pollRequest("polling", 0));
        QByteArray buffer;
        Response answer;
        QVERIFY(readResponse(socket.get(), &buffer, &answer));
        QTRY_COMPARE(m_workspace->connections().size(), 0);
    }

    void unknownTransportIs404AndCountsNothing()
    {
        auto socket = connectClient();
        QVERIFY(socket);
        socket->write("GET /transports/carrier-pigeon/poll HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY((received += socket->readAll()).contains("\r\n\r\n"));
        QVERIFY(received.startsWith("HTTP/1.1 404 Not Found\r\n"));
        for (TransportKind kind : allTransportKinds())
            QCOMPARE(endpoints()->tally(kind).headerBytes, 0);
    }
};

QTEST_GUILESS_MAIN(tst_TransportEndpoints)
#include "tst_transportendpoints.moc"
