// The local test server speaks RFC 6455 itself: real clients (python3-websockets, node-ws, QWebSocket) check
// what they see, and every test also checks what the client's Connection recorded.
#include "clientprocess.h"
#include "serverprotocolfixture.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace wsi;

class tst_ServerProtocol : public QObject, private ServerProtocolFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { createServer(); }

    void cleanup() { destroyServer(); }

    void nodeFragmentedMessageIsReassembledAndEchoed()
    {
        start();
        const QStringList out
            = runNodeClient({ url(), QStringLiteral("--send"), QStringLiteral("one message in four frames"),
                QStringLiteral("--fragments"), QStringLiteral("4"), QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(out.contains(QStringLiteral("RECV one message in four frames")), qPrintable(out.join('\n')));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        const QList<qsizetype> in = eventsOf(*c, EventType::Message, Direction::Incoming);
        QCOMPARE(in.size(), 1);
        QCOMPARE(c->events().payloadText(in[0]), QStringLiteral("one message in four frames"));
        QCOMPARE(int(c->events().at(in[0]).sub), 4); // frames in the message
        const QList<qsizetype> framesIn = eventsOf(*c, EventType::Frame, Direction::Incoming);
        QCOMPARE(framesIn.size(), 5); // four data frames and the Close
        QCOMPARE(eventsOf(*c, EventType::Message, Direction::Outgoing).size(), 1);
    }

    void nodePingGetsPongAndCloseCodeIsEchoed()
    {
        start();
        const QStringList out = runNodeClient({ url(), QStringLiteral("--ping"), QStringLiteral("are you there"),
            QStringLiteral("--close"), QStringLiteral("4001:node leaving") });
        QVERIFY2(out.contains(QStringLiteral("PONG are you there")), qPrintable(out.join('\n')));
        QVERIFY2(out.contains(QStringLiteral("CLOSED 4001 node leaving")), qPrintable(out.join('\n')));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        const QList<qsizetype> pings = eventsOf(*c, EventType::Ping, Direction::Incoming);
        const QList<qsizetype> pongs = eventsOf(*c, EventType::Pong, Direction::Outgoing);
        QCOMPARE(pings.size(), 1);
        QCOMPARE(pongs.size(), 1);
        QCOMPARE(c->events().payloadCopy(pongs[0]), QByteArray("are you there"));
        const QList<qsizetype> closesOut = eventsOf(*c, EventType::Close, Direction::Outgoing);
        QCOMPARE(closesOut.size(), 1);
        QCOMPARE(int(c->events().at(closesOut[0]).value), 4001);
        QVERIFY2(c->statusText().contains(QStringLiteral("The client closed with 4001")), qPrintable(c->statusText()));
    }

    void qtClientEchoPingAndServerInitiatedClose()
    {
        ServerOptions options;
        options.mode = ServerMode::Echo;
        start(options);
        QWebSocket client;
        QSignalSpy binary(&client, &QWebSocket::binaryMessageReceived);
        QSignalSpy pong(&client, &QWebSocket::pong);
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        client.open(QUrl(url()));
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.sendBinaryMessage(QByteArray("\x00\x01\xfe\xff", 4));
        client.ping("qt ping");
        QTRY_COMPARE(binary.count(), 1);
        QCOMPARE(binary.at(0).at(0).toByteArray(), QByteArray("\x00\x01\xfe\xff", 4));
        QTRY_COMPARE(pong.count(), 1);
        QCOMPARE(pong.at(0).at(1).toByteArray(), QByteArray("qt ping"));
        Connection *c = m_server->clients().value(0);
        QVERIFY(c);
        QTRY_COMPARE(c->state(), Connection::State::Open);
        // The composer's path: Connection's own API sends through the relay.
        QVERIFY(c->sendText(QStringLiteral("from the composer")));
        QSignalSpy text(&client, &QWebSocket::textMessageReceived);
        QTRY_COMPARE(text.count(), 1);
        QVERIFY(c->close(4003, QStringLiteral("server says bye")));
        QTRY_COMPARE(disconnected.count(), 1);
        QCOMPARE(int(client.closeCode()), 4003);
        QCOMPARE(client.closeReason(), QStringLiteral("server says bye"));
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        QVERIFY2(c->statusText().contains(QStringLiteral("This server closed with 4003")), qPrintable(c->statusText()));
        QCOMPARE(eventsOf(*c, EventType::Close, Direction::Incoming).size(), 1); // Qt's answer
    }

    void oversizedMessageIsClosedWith1009()
    {
        ServerOptions options;
        options.maxMessageSize = 1000;
        start(options);
        const QStringList out = runPythonClient({ url(), QStringLiteral("--send"), QString(2000, QLatin1Char('x')),
            QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(!out.filter(QStringLiteral("CLOSED 1009")).isEmpty(), qPrintable(out.join('\n')));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        QVERIFY2(errorsOf(*c).contains(QStringLiteral("the limit is 1000 bytes")), qPrintable(errorsOf(*c)));
        QCOMPARE(eventsOf(*c, EventType::Message, Direction::Incoming).size(), 0);
        const QList<qsizetype> closesOut = eventsOf(*c, EventType::Close, Direction::Outgoing);
        QCOMPARE(closesOut.size(), 1);
        QCOMPARE(int(c->events().at(closesOut[0]).value), 1009);
    }

    void idleClientIsClosedWith1001()
    {
        ServerOptions options;
        options.idleTimeoutMs = 300;
        start(options);
        const QStringList out = runPythonClient({ url(), QStringLiteral("--stay-ms"), QStringLiteral("5000"),
            QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(out.contains(QStringLiteral("CLOSED 1001 Idle for 300 ms")), qPrintable(out.join('\n')));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        QVERIFY2(c->statusText().contains(QStringLiteral("This server closed with 1001")), qPrintable(c->statusText()));
    }

    void clientTalkingAfterTheServerIsGoneIsStillClosedCleanly()
    {
        start();
        QWebSocket client;
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        client.open(QUrl(url()));
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(m_server->clients().size(), 1);
        Connection *c = m_server->clients().first();
        QTRY_COMPARE(c->state(), Connection::State::Open);
        m_server.reset(); // stops with 1001; the relay lives on briefly to finish the Close handshake
        client.sendTextMessage(QStringLiteral("anyone there?"));
        QTRY_COMPARE(disconnected.count(), 1);
        QCOMPARE(int(client.closeCode()), 1001);
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        QCOMPARE(eventsOf(*c, EventType::Message, Direction::Outgoing).size(), 0); // nobody answered
    }
};

QTEST_GUILESS_MAIN(tst_ServerProtocol)
#include "tst_serverprotocol.moc"
