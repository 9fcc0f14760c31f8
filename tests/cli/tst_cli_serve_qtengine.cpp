// wsinspector-cli serve --engine qt, run as a real process with python3-websockets and node-ws clients: the echoes
// arrive, every client is one conn with a client and a server leg, the server leg's 101 is the one Qt's
// QWebSocketServer sent, SIGTERM closes the clients with Qt's 1001, and what the Qt engine cannot do is refused.
#include "clichecks.h"
#include "clientprocess.h"
#include "clipeers.h"
#include "cliproxylegs.h"
#include "clirun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class tst_CliServeQtEngine : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(0); }

    void cleanupTestCase() { m_peers.stop(); }

    void qtEngineEchoesPythonAndNodeOnTwoLegs()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--engine"), QStringLiteral("qt"), QStringLiteral("--duration-ms"),
            QStringLiteral("60000") }));
        const QStringList python = runPythonClient({ serve.url(QStringLiteral("/py?x=1")), QStringLiteral("--header"),
            QStringLiteral("X-Client: python"), QStringLiteral("--send"), QStringLiteral("from python"),
            QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV from python"),
                QStringLiteral("CLOSED 1000 client done") }));
        const QStringList node = runNodeClient({ serve.url(QStringLiteral("/node")), QStringLiteral("--header"),
            QStringLiteral("X-Client: node"), QStringLiteral("--send"), QStringLiteral("from node"),
            QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(node.value(0), QStringLiteral("OPEN -"));
        QCOMPARE(node.value(1), QStringLiteral("RECV from node"));
        QVERIFY2(serve.waitForOutput("\"from node\""), "the node client's message never showed");

        const CliRun run = serve.finish(true, 5000);

        QJsonObject listening;
        const QString problem = checkStoppedServer(run, &listening);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(listening.value(QLatin1String("engine")).toString(), QStringLiteral("qt"));
        const QString qtUrl = listening.value(QLatin1String("qt_url")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^ws://127\\.0\\.0\\.1:\\d+/$")).match(qtUrl).hasMatch(),
            qPrintable(qtUrl));
        QVERIFY(qtUrl != serve.listeningUrl()); // the relay and Qt's server are two listeners

        const struct
        {
            QString target, header, text;
        } clients[] = { { QStringLiteral("/py?x=1"), QStringLiteral("python"), QStringLiteral("from python") },
            { QStringLiteral("/node"), QStringLiteral("node"), QStringLiteral("from node") } };
        const QList<QJsonObject> fromClients
            = onLeg(run.events(QStringLiteral("handshake_request")), QStringLiteral("client"));
        QCOMPARE(fromClients.size(), 2);
        QSet<int> conns;
        for (int i = 0; i < 2; ++i) {
            const int conn = fromClients[i].value(QLatin1String("conn")).toInt();
            conns.insert(conn);
            QCOMPARE(fromClients[i].value(QLatin1String("target")).toString(), clients[i].target);
            QCOMPARE(headerValues(fromClients[i].value(QLatin1String("headers")).toArray(), QStringLiteral("X-Client")),
                QStringList { clients[i].header });

            // The server leg: the request went on to Qt's server, and its 101 is QWebSocketServer's own.
            const QList<QJsonObject> upstream = onLeg(
                run.events(QStringLiteral("handshake_request"), QStringLiteral("out"), conn), QStringLiteral("server"));
            QCOMPARE(upstream.size(), 1);
            QCOMPARE(upstream.first().value(QLatin1String("url")).toString(), qtUrl);
            QCOMPARE(upstream.first().value(QLatin1String("target")).toString(), clients[i].target);
            const QList<QJsonObject> answers = onLeg(
                run.events(QStringLiteral("handshake_response"), QStringLiteral("in"), conn), QStringLiteral("server"));
            QCOMPARE(answers.size(), 1);
            const QJsonObject answer = answers.first();
            QCOMPARE(answer.value(QLatin1String("status")).toInt(), 101);
            QVERIFY(answer.value(QLatin1String("accept")).toObject().value(QLatin1String("valid")).toBool());
            const QJsonArray headers = answer.value(QLatin1String("headers")).toArray();
            QCOMPARE(headerValues(headers, QStringLiteral("Server")),
                QStringList { QStringLiteral("WS Inspector Qt engine") });
            // Headers only Qt's server sends (the built-in one never does): CORS answers QWebSocketServer adds.
            QCOMPARE(headerValues(headers, QStringLiteral("Access-Control-Allow-Origin")),
                QStringList { QStringLiteral("*") });
            QCOMPARE(headerValues(headers, QStringLiteral("Access-Control-Allow-Methods")),
                QStringList { QStringLiteral("GET") });
            // The client got exactly that 101.
            const QList<QJsonObject> relayed
                = onLeg(run.events(QStringLiteral("handshake_response"), QStringLiteral("out"), conn),
                    QStringLiteral("client"));
            QCOMPARE(relayed.size(), 1);
            QCOMPARE(
                relayed.first().value(QLatin1String("raw")).toString(), answer.value(QLatin1String("raw")).toString());

            // The echo on both legs: sent by the client, went to Qt, came back from Qt, went back to the client.
            const QList<QJsonObject> messages = run.events(QStringLiteral("message"), {}, conn);
            QStringList seen;
            for (const QJsonObject &m : messages)
                seen << m.value(QLatin1String("leg")).toString() + QLatin1Char(' ')
                        + m.value(QLatin1String("dir")).toString() + QLatin1Char(' ')
                        + m.value(QLatin1String("text")).toString();
            for (const QString &expected : { QStringLiteral("client in "), QStringLiteral("server out "),
                     QStringLiteral("server in "), QStringLiteral("client out ") })
                QVERIFY2(seen.contains(expected + clients[i].text), qPrintable(seen.join(QLatin1String(" | "))));
        }
        QCOMPARE(conns.size(), 2);
    }

    void qtEngineStopClosesClientsWithQtsGoingAway()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--engine"), QStringLiteral("qt"), QStringLiteral("--duration-ms"),
            QStringLiteral("60000") }));
        BackgroundClient python;
        python.startPython({ serve.url(), QStringLiteral("--send"), QStringLiteral("hold"), QStringLiteral("--expect"),
            QStringLiteral("2") });
        BackgroundClient node;
        node.startNode({ serve.url(), QStringLiteral("--send"), QStringLiteral("hold"), QStringLiteral("--expect"),
            QStringLiteral("2") });
        // Both echoes reached their clients (recorded on the client leg, toward the client) before stopping.
        for (const char *needle : { "\"conn\":1,\"dir\":\"out\",\"event\":\"message\",\"leg\":\"client\"",
                 "\"conn\":2,\"dir\":\"out\",\"event\":\"message\",\"leg\":\"client\"" })
            QVERIFY2(serve.waitForOutput(needle), needle);
        const CliRun run = serve.finish(true, 5000);
        QCOMPARE(run.exitCode, 0);
        for (BackgroundClient *client : { &python, &node }) {
            QVERIFY(client->waitUntilEnded(10000));
            const QString out = QString::fromUtf8(client->process().readAllStandardOutput());
            QVERIFY2(out.contains(QLatin1String("CLOSED 1001")), qPrintable(out));
        }
        // Qt's server sent the Close (server leg, in), the relay gave it to the client (client leg, out).
        const QList<QJsonObject> closes = run.events(QStringLiteral("close"));
        QVERIFY(onLeg(closes, QStringLiteral("server")).size() >= 2);
        for (const QJsonObject &close : onLeg(closes, QStringLiteral("client"))) {
            if (close.value(QLatin1String("dir")).toString() == QLatin1String("out"))
                QCOMPARE(close.value(QLatin1String("code")).toInt(), 1001);
        }
    }

    void qtEngineRefusesWhatItCannotDo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown engine") << QStringList { QStringLiteral("--engine"), QStringLiteral("node") }
                                        << QStringLiteral("node");
        QTest::newRow("broadcast mode") << QStringList { QStringLiteral("--engine"), QStringLiteral("qt"),
            QStringLiteral("--mode"), QStringLiteral("broadcast") }
                                        << QStringLiteral("echo and silent");
        QTest::newRow("tls") << QStringList { QStringLiteral("--engine"), QStringLiteral("qt"),
            QStringLiteral("--tls") }
                             << QStringLiteral("ws://");
        QTest::newRow("deflate") << QStringList { QStringLiteral("--engine"), QStringLiteral("qt"),
            QStringLiteral("--deflate") }
                                 << QStringLiteral("permessage-deflate");
        QTest::newRow("subprotocol") << QStringList { QStringLiteral("--engine"), QStringLiteral("qt"),
            QStringLiteral("--subprotocol"), QStringLiteral("chat") }
                                     << QStringLiteral("subprotocols");
    }

    void qtEngineRefusesWhatItCannotDo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun run = runCliCommand(QStringList { QStringLiteral("serve") } + args, 10000);
        const QString problem = checkUsageRefusal(run, mentions);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(tst_CliServeQtEngine)
#include "tst_cli_serve_qtengine.moc"
