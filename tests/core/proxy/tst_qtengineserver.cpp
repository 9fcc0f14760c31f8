// QtEngineServer in process, as the server panel uses it: a QWebSocket client is echoed by Qt's QWebSocketServer
// through the recording relay and becomes one proxied Connection with two legs; silent mode answers nothing;
// the options the Qt engine cannot honour are refused by ServerOptions::validate(), and the built-in stays default.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "proxy/qtengineserver.h"
#include "server/qtechoserver.h"
#include "server/serveroptions.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace wsi;

namespace {

ServerOptions qtOptions(ServerMode mode = ServerMode::Echo)
{
    ServerOptions options;
    options.engine = ServerEngine::Qt;
    options.mode = mode;
    return options;
}

QStringList messagesOn(const ConnectionLeg *leg, Direction dir)
{
    QStringList texts;
    for (qsizetype i = 0; i < leg->events.size(); ++i) {
        if (leg->events.at(i).type == EventType::Message && leg->events.at(i).dir == dir)
            texts << leg->events.payloadText(i);
    }
    return texts;
}

} // namespace

class tst_QtEngineServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinIsTheDefaultEngine()
    {
        QCOMPARE(ServerOptions().engine, ServerEngine::Builtin);
        ServerEngine engine = ServerEngine::Builtin;
        QVERIFY(serverEngineFromId(QStringLiteral("QT"), &engine));
        QCOMPARE(engine, ServerEngine::Qt);
        QCOMPARE(QByteArray(serverEngineId(engine)), QByteArray("qt"));
        QVERIFY(!serverEngineFromId(QStringLiteral("node"), &engine));
        QCOMPARE(engine, ServerEngine::Qt); // untouched
    }

    void validateRefusesWhatTheQtEngineLacks_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<bool>("refused");
        QTest::newRow("echo") << 0 << false;
        QTest::newRow("silent") << 1 << false;
        QTest::newRow("broadcast") << 2 << true;
        QTest::newRow("manual") << 3 << true;
        QTest::newRow("reject") << 4 << true;
        QTest::newRow("tls") << 5 << true;
        QTest::newRow("subprotocol") << 6 << true;
        QTest::newRow("origin") << 7 << true;
        QTest::newRow("client limit") << 8 << true;
        QTest::newRow("idle timeout") << 9 << true;
        QTest::newRow("auto-reply") << 10 << true;
    }

    void validateRefusesWhatTheQtEngineLacks()
    {
        QFETCH(int, field);
        QFETCH(bool, refused);
        const ServerMode modes[]
            = { ServerMode::Echo, ServerMode::Silent, ServerMode::Broadcast, ServerMode::Manual, ServerMode::Reject };
        ServerOptions options = qtOptions(field < 5 ? modes[field] : ServerMode::Echo);
        switch (field) {
        case 5:
            options.tls = true;
            break;
        case 6:
            options.subprotocols = QStringList { QStringLiteral("chat") };
            break;
        case 7:
            options.allowedOrigins = QStringList { QStringLiteral("http://a.example") };
            break;
        case 8:
            options.maxClients = 3;
            break;
        case 9:
            options.idleTimeoutMs = 1000;
            break;
        case 10:
            options.autoReplies = { AutoReplyRule { QStringLiteral("hi"), false, QStringLiteral("ho") } };
            break;
        default:
            break;
        }
        QCOMPARE(!options.validate().isEmpty(), refused);
        // The built-in engine takes every one of them.
        options.engine = ServerEngine::Builtin;
        QVERIFY2(options.validate().isEmpty(), qPrintable(options.validate()));
    }

    void echoesThroughTheRelayOnTwoLegs()
    {
        Workspace workspace;
        QtEngineServer server(&workspace);
        QSignalSpy started(&server, &QtEngineServer::started);
        QString error;
        QVERIFY2(server.start(qtOptions(), &error), qPrintable(error));
        QCOMPARE(started.size(), 1);
        QVERIFY(server.isRunning());
        QCOMPARE(server.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(server.qtUrl().port() > 0);
        QVERIFY(server.qtUrl().port() != server.url().port());
        QVERIFY(!server.start(qtOptions(), &error)); // once
        QVERIFY(error.contains(QLatin1String("already")));

        QWebSocket client;
        QSignalSpy echoed(&client, &QWebSocket::textMessageReceived);
        client.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        client.sendTextMessage(QStringLiteral("ping through qt"));
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), 1, 10000);
        QCOMPARE(echoed.first().first().toString(), QStringLiteral("ping through qt"));

        QCOMPARE(workspace.connections().size(), 1);
        Connection *proxied = workspace.connections().first();
        QCOMPARE(proxied->kind(), Connection::Kind::Proxied);
        QVERIFY(proxied->hasTwoLegs());
        const ConnectionLeg *clientLeg = proxied->leg(ConnectionLeg::Facing::Client);
        const ConnectionLeg *serverLeg = proxied->leg(ConnectionLeg::Facing::Server);
        QTRY_COMPARE_WITH_TIMEOUT(
            messagesOn(clientLeg, Direction::Outgoing), QStringList { QStringLiteral("ping through qt") }, 10000);
        QCOMPARE(messagesOn(serverLeg, Direction::Outgoing), QStringList { QStringLiteral("ping through qt") });
        QCOMPARE(messagesOn(serverLeg, Direction::Incoming), QStringList { QStringLiteral("ping through qt") });
        QCOMPARE(serverLeg->handshake.response.value("Server"), QtEchoServer::serverName().toUtf8());

        // Stopping: Qt's server says 1001 Going Away, and the client hears it through the relay.
        QSignalSpy stopped(&server, &QtEngineServer::stopped);
        server.stop();
        QCOMPARE(stopped.size(), 1);
        QVERIFY(!server.isRunning());
        QVERIFY(server.url().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }

    void silentModeAnswersNothing()
    {
        Workspace workspace;
        QtEngineServer server(&workspace);
        QVERIFY(server.start(qtOptions(ServerMode::Silent)));
        QWebSocket client;
        QSignalSpy received(&client, &QWebSocket::textMessageReceived);
        client.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        client.sendTextMessage(QStringLiteral("anyone?"));
        QCOMPARE(workspace.connections().size(), 1);
        const ConnectionLeg *serverLeg = workspace.connections().first()->leg(ConnectionLeg::Facing::Server);
        // The message reached Qt's server (recorded going out on the server leg), and nothing came back.
        QTRY_COMPARE_WITH_TIMEOUT(
            messagesOn(serverLeg, Direction::Outgoing), QStringList { QStringLiteral("anyone?") }, 10000);
        client.ping(); // a pong from Qt proves the server leg is live and has had its turn to answer
        QSignalSpy pong(&client, &QWebSocket::pong);
        QTRY_COMPARE_WITH_TIMEOUT(pong.size(), 1, 10000);
        QCOMPARE(received.size(), 0);
        QVERIFY(messagesOn(serverLeg, Direction::Incoming).isEmpty());
    }

    void refusesBuiltinOptions()
    {
        Workspace workspace;
        QtEngineServer server(&workspace);
        QString error;
        QVERIFY(!server.start(ServerOptions(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!server.start(qtOptions(ServerMode::Broadcast), &error));
        QVERIFY(error.contains(QLatin1String("echo and silent")));
        QVERIFY(!server.isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_QtEngineServer)
#include "tst_qtengineserver.moc"
