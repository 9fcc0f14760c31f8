// wsinspector-cli serve, run as a real process with python3-websockets and node-ws clients: every client
// under its own conn, reject mode, SIGTERM closing with 1001, --duration-ms, wss with the app's CA, a warning
// beyond loopback, and invalid usage. Exit codes as in docs/cli.md.
#include "clichecks.h"
#include "clientprocess.h"
#include "clipeers.h"
#include "clirun.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTest>

class tst_CliServe : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Certificates); }

    void cleanupTestCase() { m_peers.stop(); }

    void serveStreamsEveryClientWithItsOwnConn()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--subprotocol"),
            QStringLiteral("chat"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^ws://127\\.0\\.0\\.1:\\d+/$")).match(serve.listeningUrl()).hasMatch(),
            qPrintable(serve.listeningUrl()));
        const QStringList python = runPythonClient({ serve.url(QStringLiteral("/py?x=1")), QStringLiteral("--header"),
            QStringLiteral("X-Client: python"), QStringLiteral("--subprotocol"), QStringLiteral("chat"),
            QStringLiteral("--send"), QStringLiteral("from python"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python,
            (QStringList { QStringLiteral("OPEN chat"), QStringLiteral("RECV from python"),
                QStringLiteral("CLOSED 1000 client done") }));
        const QStringList node = runNodeClient({ serve.url(QStringLiteral("/node")), QStringLiteral("--header"),
            QStringLiteral("X-Client: node"), QStringLiteral("--origin"), QStringLiteral("http://node.example"),
            QStringLiteral("--send"), QStringLiteral("from node"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(node.value(0), QStringLiteral("OPEN -"));
        QCOMPARE(node.value(1), QStringLiteral("RECV from node"));
        QVERIFY2(serve.waitForOutput("\"from node\""), "the node client's message never showed");

        const CliRun run = serve.finish(true, 3000);
        QJsonObject listening;
        const QString problem = checkStoppedServer(run, &listening);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // Each client: its upgrade request as received, the 101 as sent, and its messages both ways, under one conn.
        const QList<QJsonObject> requests = run.events(QStringLiteral("handshake_request"));
        QCOMPARE(requests.size(), 2);
        const struct
        {
            QString target, header, text;
        } clients[] = { { QStringLiteral("/py?x=1"), QStringLiteral("python"), QStringLiteral("from python") },
            { QStringLiteral("/node"), QStringLiteral("node"), QStringLiteral("from node") } };
        QSet<int> conns;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject &request = requests[i];
            const int conn = request.value(QLatin1String("conn")).toInt();
            conns.insert(conn);
            QCOMPARE(request.value(QLatin1String("dir")).toString(), QStringLiteral("in"));
            QCOMPARE(request.value(QLatin1String("target")).toString(), clients[i].target);
            const QJsonArray headers = request.value(QLatin1String("headers")).toArray();
            QCOMPARE(headerValues(headers, QStringLiteral("X-Client")), QStringList { clients[i].header });
            QCOMPARE(headersOfJson(headers), headersOfRaw(request.value(QLatin1String("raw")).toString()));
            const QJsonObject response = run.first(QStringLiteral("handshake_response"), QStringLiteral("out"), conn);
            QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
            QVERIFY(response.value(QLatin1String("accept")).toObject().value(QLatin1String("valid")).toBool());
            QCOMPARE(run.texts(QStringLiteral("in"), conn), QStringList { clients[i].text });
            QCOMPARE(run.texts(QStringLiteral("out"), conn), QStringList { clients[i].text });
            QCOMPARE(run.events(QStringLiteral("close"), QStringLiteral("in"), conn).size(), 1);
        }
        QCOMPARE(conns.size(), 2);
        QCOMPARE(headerValues(requests[1].value(QLatin1String("headers")).toArray(), QStringLiteral("Origin")),
            QStringList { QStringLiteral("http://node.example") });
        QCOMPARE(run.first(QStringLiteral("open"), {}, requests[0].value(QLatin1String("conn")).toInt())
                     .value(QLatin1String("subprotocol"))
                     .toString(),
            QStringLiteral("chat"));
    }

    void serveRejectModeStatusIsSeenByTheClient()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--mode"), QStringLiteral("reject"), QStringLiteral("--reject-status"),
            QStringLiteral("401"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        QCOMPARE(runPythonClient({ serve.url() }), QStringList { QStringLiteral("STATUS 401") });
        QCOMPARE(runNodeClient({ serve.url() }).value(0), QStringLiteral("STATUS 401"));
        QVERIFY(serve.waitForOutput("\"status\":401"));
        const CliRun run = serve.finish(true, 3000);
        QCOMPARE(run.exitCode, 0);
        const QList<QJsonObject> responses = run.events(QStringLiteral("handshake_response"), QStringLiteral("out"));
        QCOMPARE(responses.size(), 2);
        for (const QJsonObject &r : responses)
            QCOMPARE(r.value(QLatin1String("status")).toInt(), 401);
        QVERIFY(run.events(QStringLiteral("open")).isEmpty());
    }

    void serveStopsOnSigtermClosingClientsWith1001()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--no-frames") }));
        BackgroundClient python;
        python.startPython({ serve.url(), QStringLiteral("--send"), QStringLiteral("py"), QStringLiteral("--expect"),
            QStringLiteral("1"), QStringLiteral("--stay-ms"), QStringLiteral("15000") });
        BackgroundClient node;
        node.startNode({ serve.url(), QStringLiteral("--send"), QStringLiteral("js"), QStringLiteral("--expect"),
            QStringLiteral("2") });
        QVERIFY2(serve.waitForOutput("\"text\":\"py\"") && serve.waitForOutput("\"text\":\"js\""),
            "the clients never showed");
        QTest::qWait(300); // the echoes are on their way

        const CliRun run = serve.finish(true, 3000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.elapsedMs < 3000, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QList<QJsonObject> closes = run.events(QStringLiteral("close"), QStringLiteral("out"));
        QCOMPARE(closes.size(), 2);
        for (const QJsonObject &c : closes)
            QCOMPARE(c.value(QLatin1String("code")).toInt(), 1001);

        // Either may have ended already while the server stopped; the output stays readable.
        const auto outputOf = [](BackgroundClient &client) {
            client.waitUntilEnded(10000);
            return QString::fromUtf8(
                client.process().readAllStandardOutput() + client.process().readAllStandardError());
        };
        const QString pythonOut = outputOf(python);
        const QString nodeOut = outputOf(node);
        QVERIFY2(pythonOut.contains(QLatin1String("CLOSED 1001")), qPrintable(pythonOut));
        QVERIFY2(nodeOut.contains(QLatin1String("CLOSED 1001")), qPrintable(nodeOut));
    }

    void serveStopsAfterItsDuration()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--duration-ms"), QStringLiteral("500") }));
        const CliRun run = serve.finish(false, 5000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(serve.runningMs() < 3000, qPrintable(run.describe()));
        QCOMPARE(run.lines.size(), 2); // the session line and listening
        QVERIFY(run.err.isEmpty());
    }

    void serveWssWithTheAppCa()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--tls"), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        QVERIFY2(serve.listeningUrl().startsWith(QLatin1String("wss://127.0.0.1:")), qPrintable(serve.listeningUrl()));
        QVERIFY2(QFileInfo::exists(cliCaCertificate()), qPrintable(cliCaCertificate()));
        const QStringList python = runPythonClient({ serve.url(), QStringLiteral("--cafile"), cliCaCertificate(),
            QStringLiteral("--send"), QStringLiteral("secret"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python.value(1), QStringLiteral("RECV secret"));
        QVERIFY(serve.waitForOutput("\"secret\""));
        const CliRun run = serve.finish(true, 3000);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("secret") });
    }

    void serveBindingBeyondLoopbackWarns()
    {
        ServeProcess serve;
        QVERIFY(serve.start({ QStringLiteral("--host"), QStringLiteral("0.0.0.0"), QStringLiteral("--duration-ms"),
            QStringLiteral("300") }));
        QVERIFY2(serve.listeningUrl().startsWith(QLatin1String("ws://127.0.0.1:")), qPrintable(serve.listeningUrl()));
        const CliRun run = serve.finish(false, 5000);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("warning") && run.err.contains("0.0.0.0"), run.err.constData());
    }

    void serveRefusesInvalidUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown mode") << QStringList { QStringLiteral("--mode"), QStringLiteral("loud") }
                                      << QStringLiteral("loud");
        QTest::newRow("reject status 99") << QStringList { QStringLiteral("--mode"), QStringLiteral("reject"),
            QStringLiteral("--reject-status"), QStringLiteral("99") }
                                          << QStringLiteral("reject-status");
        QTest::newRow("reject status without reject mode") << QStringList { QStringLiteral("--reject-status"),
            QStringLiteral("401") } << QStringLiteral("--mode reject");
        QTest::newRow("host that is no address")
            << QStringList { QStringLiteral("--host"), QStringLiteral("example") } << QStringLiteral("example");
        QTest::newRow("port 70000") << QStringList { QStringLiteral("--port"), QStringLiteral("70000") }
                                    << QStringLiteral("port");
        QTest::newRow("cert without tls")
            << QStringList { QStringLiteral("--cert"), m_peers.cert(QStringLiteral("good.pem")),
                   QStringLiteral("--key"), m_peers.cert(QStringLiteral("good.key")) }
            << QStringLiteral("--tls");
        QTest::newRow("cert without key") << QStringList { QStringLiteral("--tls"), QStringLiteral("--cert"),
            m_peers.cert(QStringLiteral("good.pem")) }
                                          << QStringLiteral("key");
        QTest::newRow("a URL") << QStringList { QStringLiteral("ws://127.0.0.1:9/") } << QStringLiteral("ws://");
    }

    void serveRefusesInvalidUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun run = runCliCommand(QStringList { QStringLiteral("serve") } + args, 10000);
        const QString problem = checkUsageRefusal(run, mentions);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void servePortInUseFails()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const CliRun run = runCliCommand({ QStringLiteral("serve"), QStringLiteral("--port"),
            QString::number(taken.serverPort()), QStringLiteral("--duration-ms"), QStringLiteral("1000") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CliServe)
#include "tst_cli_serve.moc"
