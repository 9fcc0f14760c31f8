// The local test server with real clients on 127.0.0.1: python3-websockets, node-ws and QWebSocket (wss in
// tst_localserver_wss).
#include "clientprocess.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "eventquery.h"
#include "localserverfixture.h"
#include "server/localserver.h"
#include "testcerts.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace wsi;

class tst_LocalServer : public QObject, protected LocalServerFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void bindsToLoopbackByDefault()
    {
        QCOMPARE(start(), QString());
        QVERIFY(m_server->isRunning());
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(!m_server->options().isExposed());
        ServerOptions exposed;
        exposed.address = QHostAddress::Any;
        QVERIFY(exposed.isExposed());
    }

    void pythonClientIsRecordedWireTrue()
    {
        ServerOptions options;
        options.subprotocols = { QStringLiteral("chat"), QStringLiteral("superchat") };
        QCOMPARE(start(options), QString());
        QSignalSpy connected(m_server.get(), &LocalServer::clientConnected);
        const QStringList out = runPythonClient({ url(), QStringLiteral("--header"), QStringLiteral("X-Dup: 1"),
            QStringLiteral("--header"), QStringLiteral("X-Dup: 2"), QStringLiteral("--subprotocol"),
            QStringLiteral("superchat"), QStringLiteral("--origin"), QStringLiteral("http://app.test"),
            QStringLiteral("--send"), QStringLiteral("hi server"), QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(out.contains(QStringLiteral("OPEN superchat")), qPrintable(out.join('\n')));
        QVERIFY2(out.contains(QStringLiteral("RECV hi server")), qPrintable(out.join('\n'))); // echo mode
        QVERIFY2(out.contains(QStringLiteral("CLOSED 1000 client done")), qPrintable(out.join('\n')));
        QCOMPARE(connected.count(), 1);
        Connection *c = lastClient();
        QCOMPARE(c->kind(), Connection::Kind::Incoming);
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        // The request exactly as received: the repeated header is kept (QWebSocketServer would collapse it).
        QCOMPARE(c->handshake().request.values("X-Dup"), (QList<QByteArray> { "1", "2" }));
        QCOMPARE(c->handshake().request.value("Origin"), QByteArray("http://app.test"));
        QCOMPARE(c->handshake().request.target, QByteArray("/chat"));
        // The 101 exactly as sent by the server.
        QCOMPARE(c->handshake().response.status, 101);
        QCOMPARE(c->handshake().response.value("Sec-WebSocket-Protocol"), QByteArray("superchat"));
        QVERIFY(c->handshake().accept.valid);
        // Directions are the server's: the client's message is incoming, the echo outgoing (unmasked).
        const QList<qsizetype> in = eventsOf(*c, EventType::Message, Direction::Incoming);
        const QList<qsizetype> out2 = eventsOf(*c, EventType::Message, Direction::Outgoing);
        QCOMPARE(in.size(), 1);
        QCOMPARE(c->events().payloadText(in[0]), QStringLiteral("hi server"));
        QCOMPARE(out2.size(), 1);
        const QList<qsizetype> framesIn = eventsOf(*c, EventType::Frame, Direction::Incoming);
        QVERIFY(!framesIn.isEmpty() && c->events().at(framesIn[0]).hasFlag(FlagMasked));
        QVERIFY(c->title().contains(QStringLiteral("127.0.0.1")));
        QVERIFY2(
            c->statusText().contains(QStringLiteral("the client"), Qt::CaseInsensitive), qPrintable(c->statusText()));
        QCOMPARE(eventsOf(*c, EventType::Close, Direction::Incoming).size(), 1);
        QCOMPARE(eventsOf(*c, EventType::Close, Direction::Outgoing).size(), 1);
    }

    void nodeClientGetsChosenSubprotocol()
    {
        ServerOptions options;
        options.subprotocols = { QStringLiteral("chat") };
        QCOMPARE(start(options), QString());
        const QStringList out = runNodeClient({ url(), QStringLiteral("--subprotocol"), QStringLiteral("nope"),
            QStringLiteral("--subprotocol"), QStringLiteral("chat"), QStringLiteral("--header"),
            QStringLiteral("X-From: node"), QStringLiteral("--send"), QStringLiteral("from node"),
            QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(out.contains(QStringLiteral("OPEN chat")), qPrintable(out.join('\n')));
        QVERIFY2(out.contains(QStringLiteral("RECV from node")), qPrintable(out.join('\n')));
        QCOMPARE(lastClient()->handshake().request.value("X-From"), QByteArray("node"));
    }

    void disallowedOriginGets403WithReason()
    {
        ServerOptions options;
        options.allowedOrigins = { QStringLiteral("http://good.test") };
        QCOMPARE(start(options), QString());
        QStringList out = runPythonClient({ url(), QStringLiteral("--origin"), QStringLiteral("http://evil.test") });
        QVERIFY2(out.contains(QStringLiteral("STATUS 403")), qPrintable(out.join('\n')));
        Connection *rejected = lastClient();
        QTRY_COMPARE(rejected->state(), Connection::State::Failed);
        QCOMPARE(rejected->handshake().response.status, 403);
        QVERIFY(rejected->handshake().responseBody.contains("http://evil.test"));
        out = runPythonClient({ url(), QStringLiteral("--origin"), QStringLiteral("http://good.test") });
        QVERIFY2(out.contains(QStringLiteral("OPEN -")), qPrintable(out.join('\n')));
    }

    void rejectModeAnswersWithChosenStatus()
    {
        ServerOptions options;
        options.mode = ServerMode::Reject;
        options.rejectStatus = 401;
        options.rejectHeaders = { { "WWW-Authenticate", "Bearer" } };
        options.rejectBody = "token required\n";
        QCOMPARE(start(options), QString());
        const QStringList out = runNodeClient({ url() });
        QVERIFY2(out.contains(QStringLiteral("STATUS 401")), qPrintable(out.join('\n')));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Failed);
        QCOMPARE(c->handshake().response.value("WWW-Authenticate"), QByteArray("Bearer"));
        QCOMPARE(c->handshake().responseBody, QByteArray("token required\n"));
    }

    void broadcastReachesTheOthersAndTheSenderIfAsked_data()
    {
        QTest::addColumn<bool>("toSender");
        QTest::addColumn<bool>("nodeSender"); // else python3-websockets
        QTest::newRow("to the others, python sender") << false << false;
        QTest::newRow("to all, node sender") << true << true;
    }

    void broadcastReachesTheOthersAndTheSenderIfAsked()
    {
        QFETCH(bool, toSender);
        QFETCH(bool, nodeSender);
        ServerOptions options;
        options.mode = ServerMode::Broadcast;
        options.broadcastToSender = toSender;
        QCOMPARE(start(options), QString());
        QWebSocket listener;
        QSignalSpy received(&listener, &QWebSocket::textMessageReceived);
        listener.open(QUrl(url()));
        QTRY_COMPARE(listener.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(m_server->stats().clients, 1);
        const QString text = QStringLiteral("to everyone");
        // The sender waits for its own copy only when it should get one.
        const QStringList out = nodeSender ? runNodeClient({ url(), QStringLiteral("--send"), text,
                                    QStringLiteral("--expect"), QString::number(toSender ? 1 : 0) })
                                           : runPythonClient({ url(), QStringLiteral("--send"), text,
                                               QStringLiteral("--stay-ms"), QStringLiteral("300") });
        QVERIFY2(out.contains(QStringLiteral("RECV ") + text) == toSender, qPrintable(out.join('\n')));
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toString(), text);
        QCOMPARE(m_server->stats().messagesOut, quint64(toSender ? 2 : 1));
        listener.close();
    }

    void silentModeNeverAnswersEvenWithRules()
    {
        ServerOptions options;
        options.mode = ServerMode::Silent;
        options.autoReplies = { { QStringLiteral("hello"), false, QStringLiteral("rule fired") } };
        QCOMPARE(start(options), QString());
        const QStringList out = runPythonClient({ url(), QStringLiteral("--send"), QStringLiteral("hello there"),
            QStringLiteral("--stay-ms"), QStringLiteral("400") });
        QVERIFY2(out.contains(QStringLiteral("OPEN -")), qPrintable(out.join('\n')));
        QVERIFY2(!out.join('\n').contains(QStringLiteral("RECV")), qPrintable(out.join('\n')));
        Connection *c = lastClient();
        QTRY_COMPARE(c->state(), Connection::State::Closed);
        // Heard and logged, never answered.
        QCOMPARE(eventsOf(*c, EventType::Message, Direction::Incoming).size(), 1);
        QCOMPARE(eventsOf(*c, EventType::Message, Direction::Outgoing).size(), 0);
        QCOMPARE(m_server->stats().messagesIn, quint64(1));
        QCOMPARE(m_server->stats().messagesOut, quint64(0));
    }

    void modeChangesWhileRunning()
    {
        QCOMPARE(start(), QString()); // echo
        QWebSocket client;
        QSignalSpy received(&client, &QWebSocket::textMessageReceived);
        client.open(QUrl(url()));
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.sendTextMessage(QStringLiteral("echo me"));
        QTRY_COMPARE(received.count(), 1);
        m_server->setMode(ServerMode::Silent);
        client.sendTextMessage(QStringLiteral("now silent"));
        QTRY_COMPARE(m_server->stats().messagesIn, quint64(2));
        QVERIFY(m_server->setAutoReplies({ { QStringLiteral("rule"), false, QStringLiteral("ruled") } }));
        // A rule that cannot work is refused with the reason; the rules in force stay.
        QString error;
        QVERIFY(!m_server->setAutoReplies({ { QStringLiteral("(unclosed"), true, QStringLiteral("x") } }, &error));
        QVERIFY2(error.contains(QLatin1String("not a valid regular expression")), qPrintable(error));
        m_server->setMode(ServerMode::Manual);
        client.sendTextMessage(QStringLiteral("a rule, please"));
        QTRY_COMPARE(received.count(), 2);
        QCOMPARE(received.at(1).at(0).toString(), QStringLiteral("ruled"));
        client.close();
    }

    void kickSendsTheCodeTheClientSees()
    {
        ServerOptions options;
        options.mode = ServerMode::Manual;
        QCOMPARE(start(options), QString());
        QSignalSpy connected(m_server.get(), &LocalServer::clientConnected);
        QTimer::singleShot(0, this, [this] {
            QTRY_COMPARE_WITH_TIMEOUT(m_server->clients().size(), 1, 10000);
            Connection *c = m_server->clients().first();
            QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
            QVERIFY(m_server->kick(c, 4002, QStringLiteral("kicked by test")));
        });
        const QStringList out = runPythonClient({ url(), QStringLiteral("--stay-ms"), QStringLiteral("10000"),
            QStringLiteral("--expect"), QStringLiteral("1") });
        QVERIFY2(out.contains(QStringLiteral("CLOSED 4002 kicked by test")), qPrintable(out.join('\n')));
    }

    void connectToItShowsBothSides()
    {
        QCOMPARE(start(), QString());
        ConnectionOptions options;
        options.url = m_server->url();
        Connection *outgoing = m_workspace->openConnection(options);
        QTRY_COMPARE(outgoing->state(), Connection::State::Open);
        QTRY_COMPARE(m_workspace->connections().size(), 2);
        Connection *incoming = m_workspace->connections().at(1);
        QCOMPARE(incoming->kind(), Connection::Kind::Incoming);
        QTRY_COMPARE(incoming->state(), Connection::State::Open);
        outgoing->sendText(QStringLiteral("both sides"));
        QTRY_COMPARE(eventsOf(*outgoing, EventType::Message, Direction::Incoming).size(), 1);
        // Same key on both sides: the request the client sent is the request the server received.
        QCOMPARE(incoming->handshake().request.raw, outgoing->handshake().request.raw);
        QCOMPARE(incoming->handshake().response.raw, outgoing->handshake().response.raw);
    }

    void stoppingClosesClientsWithGoingAway()
    {
        QCOMPARE(start(), QString());
        QWebSocket client;
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        client.open(QUrl(url()));
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(m_server->clients().size(), 1);
        QTRY_COMPARE(m_server->clients().first()->state(), Connection::State::Open);
        m_server->stop();
        QVERIFY(!m_server->isRunning());
        QTRY_COMPARE(disconnected.count(), 1);
        QCOMPARE(int(client.closeCode()), 1001);
    }

    void clientsAreListedInArrivalOrderAndLeaveWhenTheyGo()
    {
        QCOMPARE(start(), QString());
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        for (int i = 0; i < 4; ++i) {
            sockets.push_back(std::make_unique<QWebSocket>());
            sockets.back()->open(QUrl(url()));
            QTRY_COMPARE(sockets.back()->state(), QAbstractSocket::ConnectedState);
            QTRY_COMPARE(m_server->clients().size(), i + 1);
        }
        const QList<Connection *> all = m_server->clients();
        for (int i = 0; i < 4; ++i) {
            QVERIFY(all[i]->peer().endsWith(QLatin1Char(':') + QString::number(sockets[i]->localPort())));
            QVERIFY(m_server->hasClient(all[i]));
        }

        sockets[1]->close();
        sockets[2]->close();
        QTRY_COMPARE(m_server->clients(), (QList<Connection *> { all[0], all[3] }));
        QTRY_COMPARE(m_server->stats().clients, 2);
        QVERIFY(!m_server->hasClient(all[1]));
        QVERIFY(!m_server->kick(all[2], 4000, QStringLiteral("gone already")));

        // Removed by the user while open: no longer a client, and nothing dangles.
        m_workspace->removeConnection(all[3]);
        QTRY_COMPARE(m_server->clients(), QList<Connection *> { all[0] });
        QTRY_COMPARE(m_server->stats().clients, 1);
        QCOMPARE(m_server->broadcast(QStringLiteral("still here?")), 1);
    }

    void maxClientsAnswers503()
    {
        ServerOptions options;
        options.maxClients = 1;
        QCOMPARE(start(options), QString());
        QWebSocket first;
        first.open(QUrl(url()));
        QTRY_COMPARE(first.state(), QAbstractSocket::ConnectedState);
        const QStringList out = runPythonClient({ url() });
        QVERIFY2(out.contains(QStringLiteral("STATUS 503")), qPrintable(out.join('\n')));
        first.close();
    }

    void badOptionsAreNamed_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::newRow("missing cert file") << "does not exist";
        QTest::newRow("key of another certificate") << "does not belong to the certificate";
        QTest::newRow("not a certificate") << "holds no PEM certificate";
        QTest::newRow("bad regex") << "regular expression";
        QTest::newRow("reject 101") << "reject status";
    }

    void badOptionsAreNamed()
    {
        QFETCH(QString, problem);
        ServerOptions options;
        TestCertificates certs;
        QVERIFY(certs.create());
        if (QByteArray(QTest::currentDataTag()) == "key of another certificate") {
            options.tls = true;
            options.certificateFile = certs.certFile();
            options.keyFile = certs.path(QStringLiteral("ca.key"));
        } else if (QByteArray(QTest::currentDataTag()) == "not a certificate") {
            options.tls = true;
            options.certificateFile = certs.keyFile();
            options.keyFile = certs.keyFile();
        } else if (QByteArray(QTest::currentDataTag()) == "missing cert file") {
            options.tls = true;
            options.certificateFile = QStringLiteral("/nonexistent/cert.pem");
            options.keyFile = QStringLiteral("/nonexistent/key.pem");
        } else if (QByteArray(QTest::currentDataTag()) == "bad regex") {
            options.autoReplies = { { QStringLiteral("(unclosed"), true, QStringLiteral("x") } };
        } else {
            options.mode = ServerMode::Reject;
            options.rejectStatus = 101;
        }
        const QString error = start(options);
        QVERIFY2(error.contains(problem), qPrintable(error));
        QVERIFY(!m_server->isRunning());
    }

    void autoReplyRuleAnswersWithTemplate()
    {
        ServerOptions options;
        options.mode = ServerMode::Manual;
        options.autoReplies = { { QStringLiteral("^ping (\\d+)$"), true, QStringLiteral("pong #{{counter}}") } };
        QCOMPARE(start(options), QString());
        const QStringList out = runPythonClient({ url(), QStringLiteral("--send"), QStringLiteral("ping 7"),
            QStringLiteral("--send"), QStringLiteral("ignored"), QStringLiteral("--send"), QStringLiteral("ping 8"),
            QStringLiteral("--expect"), QStringLiteral("2") });
        QVERIFY2(out.contains(QStringLiteral("RECV pong #1")), qPrintable(out.join('\n')));
        QVERIFY2(out.contains(QStringLiteral("RECV pong #2")), qPrintable(out.join('\n')));
        QVERIFY(!out.contains(QStringLiteral("RECV ignored")));
    }
};

QTEST_GUILESS_MAIN(tst_LocalServer)
#include "tst_localserver.moc"
