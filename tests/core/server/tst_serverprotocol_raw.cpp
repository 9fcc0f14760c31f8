// The local test server against raw bytes on a socket, for what no well-behaved WebSocket library sends:
// invalid frames, bad upgrade requests, frames pipelined after the request, a slow reader of a large echo.
// Every test also checks what the client's Connection recorded.
#include "protocol/frameencoder.h"
#include "serverprotocolfixture.h"

#include <QCryptographicHash>
#include <QTcpSocket>
#include <QTest>

#include <utility>

using namespace wsi;

namespace {

// A client that speaks raw bytes: for what no well-behaved WebSocket library will send.
class RawClient
{
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(5000);
    }
    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // Performs the upgrade; returns the server's response head.
    QByteArray upgrade()
    {
        write("GET /raw HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        for (int i = 0; i < 250 && !(m_received += m_socket.readAll()).contains("\r\n\r\n"); ++i)
            QTest::qWait(20);
        if (!m_received.contains("\r\n\r\n"))
            return std::exchange(m_received, {});
        const qsizetype end = m_received.indexOf("\r\n\r\n") + 4;
        const QByteArray head = m_received.left(end);
        m_received.remove(0, end);
        return head;
    }
    // At least size bytes (fewer only if they do not come within 5 s).
    QByteArray readAtLeast(qsizetype size)
    {
        for (int i = 0; i < 250 && (m_received += m_socket.readAll()).size() < size; ++i)
            QTest::qWait(20); // the server runs in this thread's event loop
        return std::exchange(m_received, {});
    }
    // Everything until the server closes the TCP connection.
    QByteArray readUntilClosed()
    {
        for (int i = 0; i < 500 && m_socket.state() != QAbstractSocket::UnconnectedState; ++i) {
            m_received += m_socket.readAll();
            QTest::qWait(20);
        }
        m_received += m_socket.readAll();
        return std::exchange(m_received, {});
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray maskedFrame(quint8 opcode, const QByteArray &payload, bool masked = true)
{
    RawFrameSpec spec;
    spec.opcode = opcode;
    spec.masked = masked;
    spec.maskKey = 0x11223344u;
    spec.payload = payload;
    return encodeFrame(spec);
}

// The close code of the first server frame in bytes, which must be an (unmasked, short) Close frame.
int closeCodeOf(const QByteArray &frames)
{
    if (frames.size() < 4 || quint8(frames[0]) != 0x88)
        return -1;
    return (quint8(frames[2]) << 8) | quint8(frames[3]);
}

} // namespace

class tst_ServerProtocolRaw : public QObject, private ServerProtocolFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { createServer(); }

    void cleanup() { destroyServer(); }

    void invalidFramesAreAnsweredWithTheRightCode_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("logged");
        QTest::newRow("unmasked client frame")
            << maskedFrame(0x1, "naked", false) << 1002 << QStringLiteral("unmasked frame");
        QTest::newRow("bad UTF-8 text") << maskedFrame(0x1, QByteArray("\xc3\x28", 2)) << 1007
                                        << QStringLiteral("UTF-8");
        QTest::newRow("reserved opcode") << maskedFrame(0x3, "?") << 1002 << QStringLiteral("reserved opcode");
    }

    void invalidFramesAreAnsweredWithTheRightCode()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        QFETCH(QString, logged);
        start();
        RawClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        const QByteArray head = raw.upgrade();
        QVERIFY2(head.startsWith("HTTP/1.1 101 "), head.constData());
        QVERIFY(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n")); // RFC 6455 section 1.3
        raw.write(frame);
        const QByteArray answer = raw.readUntilClosed();
        QCOMPARE(closeCodeOf(answer), code);
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        const QString errors = errorsOf(*c);
        QVERIFY2(errors.contains(QStringLiteral("The client broke the WebSocket protocol")), qPrintable(errors));
        QVERIFY2(errors.contains(logged, Qt::CaseInsensitive), qPrintable(errors));
        const QList<qsizetype> closesOut = eventsOf(*c, EventType::Close, Direction::Outgoing);
        QCOMPARE(closesOut.size(), 1);
        QCOMPARE(int(c->events().at(closesOut[0]).value), code);
    }

    // An echo is recorded compactly (a frame and its message share one record, the echo shares the payload of
    // the message it answers) and still reads back row by row exactly as it crossed the wire.
    void echoesAreRecordedCompactlyAndReadBackExactly()
    {
        start();
        RawClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        QVERIFY(raw.upgrade().startsWith("HTTP/1.1 101 "));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Open);
        const EventStore &events = c->events();
        const qsizetype rowsBefore = events.size();
        const qsizetype recordsBefore = events.recordsStored();
        const qsizetype bytesBefore = events.payloadBytesStored();
        QList<QByteArray> texts;
        QByteArray expectedEcho;
        qsizetype textBytes = 0;
        for (int i = 0; i < 20; ++i) {
            const QByteArray text
                = "message number " + QByteArray::number(i) + QByteArray(i * 5, '.'); // under 126 bytes: 7-bit lengths
            texts << text;
            textBytes += text.size();
            raw.write(maskedFrame(0x1, text));
            expectedEcho += char(0x81) + QByteArray(1, char(text.size())) + text;
        }
        QCOMPARE(raw.readAtLeast(expectedEcho.size()), expectedEcho);
        QTRY_COMPARE(events.size(), rowsBefore + 80);
        QCOMPARE(events.recordsStored() - recordsBefore, qsizetype(40));
        // Each text once, plus the 6-byte masked headers in and the 2-byte headers out.
        QCOMPARE(events.payloadBytesStored() - bytesBefore, textBytes + 20 * 6 + 20 * 2);

        const QList<qsizetype> framesIn = eventsOf(*c, EventType::Frame, Direction::Incoming);
        const QList<qsizetype> messagesIn = eventsOf(*c, EventType::Message, Direction::Incoming);
        const QList<qsizetype> framesOut = eventsOf(*c, EventType::Frame, Direction::Outgoing);
        const QList<qsizetype> messagesOut = eventsOf(*c, EventType::Message, Direction::Outgoing);
        QCOMPARE(framesIn.size(), 20);
        QCOMPARE(messagesOut.size(), 20);
        for (int i = 0; i < 20; ++i) {
            const QByteArray sent = maskedFrame(0x1, texts[i]);
            QCOMPARE(events.payloadCopy(framesIn[i]), sent.left(6));
            const EventRecord frameIn = events.at(framesIn[i]);
            QCOMPARE(frameIn.type, EventType::Frame);
            QCOMPARE(int(frameIn.sub), 0x1);
            QCOMPARE(frameIn.value, quint64(texts[i].size()));
            QCOMPARE(frameIn.maskKey, 0x11223344u);
            QCOMPARE(int(frameIn.flags), int(FlagFin | FlagMasked));
            QCOMPARE(messagesIn[i], framesIn[i] + 1);
            const EventRecord messageIn = events.at(messagesIn[i]);
            QCOMPARE(messageIn.value, quint64(texts[i].size()));
            QCOMPARE(int(messageIn.sub), 1);
            QCOMPARE(int(messageIn.flags), int(FlagText));
            QCOMPARE(events.payloadCopy(messagesIn[i]), texts[i]);
            QCOMPARE(events.payloadCopy(framesOut[i]), QByteArray("\x81") + char(texts[i].size()));
            QCOMPARE(int(events.at(framesOut[i]).flags), int(FlagFin));
            QCOMPARE(events.payloadCopy(messagesOut[i]), texts[i]);
            QCOMPARE(events.at(messagesOut[i]).timeUs, events.at(framesOut[i]).timeUs);
        }
    }

    void handshakeTimeoutAnswers408()
    {
        ServerOptions options;
        options.handshakeTimeoutMs = 300;
        start(options);
        RawClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // never finished
        const QByteArray answer = raw.readUntilClosed();
        QVERIFY2(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer.constData());
        QVERIFY(answer.contains("within 300 ms"));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Failed);
        QCOMPARE(c->handshake().response.status, 408);
        QCOMPARE(eventsOf(*c, EventType::HandshakeResponse, Direction::Outgoing).size(), 1);
    }

    void nonUpgradeGetAnswers400()
    {
        start();
        RawClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const QByteArray answer = raw.readUntilClosed();
        QVERIFY2(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer.constData());
        QVERIFY(answer.contains("no \"Upgrade: websocket\" header"));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Failed);
        QCOMPARE(c->handshake().request.target, QByteArray("/index.html"));
        QCOMPARE(c->handshake().response.status, 400);
        QVERIFY(c->handshake().responseBody.contains("Upgrade: websocket"));
    }

    void wrongVersionAnswers426()
    {
        start();
        RawClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n");
        const QByteArray answer = raw.readUntilClosed();
        QVERIFY2(answer.startsWith("HTTP/1.1 426 Upgrade Required\r\n"), answer.constData());
        QVERIFY(answer.contains("Sec-WebSocket-Version: 13\r\n"));
        QTRY_COMPARE(lastClient()->state(), Connection::State::Failed);
    }

    void pipelinedFramesAfterTheRequestAreServed()
    {
        start();
        RawClient raw;
        QVERIFY(raw.connectTo(m_server->port()));
        // Request and a message in one write: the log must still show the 101 before the echo.
        raw.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            + maskedFrame(0x1, "early") + maskedFrame(0x8, QByteArray("\x03\xe8", 2)));
        const QByteArray answer = raw.readUntilClosed();
        QVERIFY2(answer.startsWith("HTTP/1.1 101 "), answer.constData());
        const QByteArray frames = answer.mid(answer.indexOf("\r\n\r\n") + 4);
        QCOMPARE(frames,
            QByteArray("\x81\x05"
                       "early"
                       "\x88\x02\x03\xe8",
                11));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        const QList<qsizetype> responses = eventsOf(*c, EventType::HandshakeResponse, Direction::Outgoing);
        const QList<qsizetype> echoes = eventsOf(*c, EventType::Message, Direction::Outgoing);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(echoes.size(), 1);
        QVERIFY(responses[0] < echoes[0]);
    }

    void largeEchoToASlowReaderArrivesWholeAndInOrder()
    {
        // More than the kernel takes at once: the relay writes part of the echo itself and leaves the rest to
        // Qt's buffer, and the Close answered after it must still come after it.
        start();
        QTcpSocket client;
        client.setReadBufferSize(64 * 1024); // reads slowly: the server's writes back up
        client.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(client.waitForConnected(5000));
        client.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += client.readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY2(received.startsWith("HTTP/1.1 101 "), received.constData());
        received.remove(0, received.indexOf("\r\n\r\n") + 4);

        QByteArray payload(6 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char((i * 31) % 251);
        client.write(maskedFrame(0x2, payload) + maskedFrame(0x8, QByteArray("\x03\xe8", 2)));
        QTest::qWait(300); // the echo meets a reader that is not reading

        const QByteArray header = QByteArray("\x82\x7f", 2) + QByteArray(4, '\0') + QByteArray("\x00\x60\x00\x00", 4);
        const QByteArray closeFrame("\x88\x02\x03\xe8", 4);
        const qsizetype expected = header.size() + payload.size() + closeFrame.size();
        // The server lives in this thread: wait with the event loop running, not in waitForReadyRead().
        for (int i = 0; i < 2000 && received.size() < expected; ++i) {
            received += client.readAll();
            if (received.size() < expected)
                QTest::qWait(5);
        }
        received += client.readAll();
        QCOMPARE(received.size(), expected);
        QVERIFY(received.startsWith(header));
        QVERIFY(received.mid(header.size(), payload.size()) == payload);
        QCOMPARE(received.right(closeFrame.size()), closeFrame);
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        QCOMPARE(eventsOf(*c, EventType::Message, Direction::Outgoing).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ServerProtocolRaw)
#include "tst_serverprotocol_raw.moc"
