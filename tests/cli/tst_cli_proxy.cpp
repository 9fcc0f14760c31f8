// wsinspector-cli proxy, run as a real process between real peers: node-ws and python3-websockets clients
// through the reverse proxy to a python3-websockets server, both legs recorded and byte-identical frame for
// frame, Host rewritten on the server leg only, the upstream path joined with the client's, closes propagated
// both ways. The refusals and the wss upstream are in tst_cli_proxy_refusals.
#include "clichecks.h"
#include "clientprocess.h"
#include "clipeers.h"
#include "cliproxylegs.h"
#include "clirun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

// What identifies a frame on the wire: header bytes, mask key and length.
QStringList frameKeys(const QList<QJsonObject> &frames)
{
    QStringList keys;
    for (const QJsonObject &f : frames)
        keys << QStringLiteral("%1 %2 %3")
                    .arg(f.value(QLatin1String("header_hex")).toString(), f.value(QLatin1String("mask_key")).toString())
                    .arg(f.value(QLatin1String("length")).toInteger());
    return keys;
}

QList<QPair<QString, QString>> withoutHost(QList<QPair<QString, QString>> headers)
{
    headers.removeIf([](const QPair<QString, QString> &h) {
        return h.first.compare(QLatin1String("Host"), Qt::CaseInsensitive) == 0;
    });
    return headers;
}

} // namespace

class tst_CliProxy : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

    QString pythonUpstream() { return QStringLiteral("ws://127.0.0.1:%1/").arg(m_peers.python().port()); }

    // Every event line after the listening line names its leg.
    static QString everyEventHasALeg(const CliRun &run)
    {
        for (qsizetype i = 2; i < run.lines.size(); ++i) {
            const QString leg = run.lines[i].value(QLatin1String("leg")).toString();
            if (leg != QLatin1String("client") && leg != QLatin1String("server"))
                return QStringLiteral("line %1 has no leg: %2")
                    .arg(i + 1)
                    .arg(QString::fromUtf8(QJsonDocument(run.lines[i]).toJson(QJsonDocument::Compact)));
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python); }
    void cleanupTestCase() { m_peers.stop(); }

    void relaysNodeAndPythonClientsWithBothLegsByteTrue()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start(
            { QStringLiteral("--to"), pythonUpstream(), QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        const QStringList node
            = runNodeClient({ proxy.url(QStringLiteral("/echo?from=node")), QStringLiteral("--header"),
                QStringLiteral("X-Client: node"), QStringLiteral("--send"), QStringLiteral("from node"),
                QStringLiteral("--fragments"), QStringLiteral("3"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(node.value(0), QStringLiteral("OPEN -"));
        QCOMPARE(node.value(1), QStringLiteral("RECV from node"));
        const QStringList python = runPythonClient({ proxy.url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("from python"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV from python"),
                QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY2(proxy.waitForOutput("\"from python\""), "the python client's message never showed");

        const CliRun run = proxy.finish(true, 5000);
        QJsonObject listening;
        const QString problem = checkStoppedServer(run, &listening);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(listening.value(QLatin1String("to")).toString(), pythonUpstream());
        const QString legProblem = everyEventHasALeg(run);
        QVERIFY2(legProblem.isEmpty(), qPrintable(legProblem));

        const QList<QJsonObject> requests = run.events(QStringLiteral("handshake_request"));
        QCOMPARE(requests.size(), 4); // two clients, two legs each
        const QString proxyHost = QStringLiteral("127.0.0.1:%1").arg(QUrl(proxy.listeningUrl()).port());
        const QString upstreamHost = QStringLiteral("127.0.0.1:%1").arg(m_peers.python().port());
        const QString texts[] = { QStringLiteral("from node"), QStringLiteral("from python") };
        const QString targets[] = { QStringLiteral("/echo?from=node"), QStringLiteral("/echo") };
        const QList<QJsonObject> clientRequests = onLeg(requests, QStringLiteral("client"));
        QCOMPARE(clientRequests.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const int conn = clientRequests[i].value(QLatin1String("conn")).toInt();
            const QList<QJsonObject> legs[2]
                = { onLeg(run.events(QStringLiteral("handshake_request"), {}, conn), QStringLiteral("client")),
                      onLeg(run.events(QStringLiteral("handshake_request"), {}, conn), QStringLiteral("server")) };
            QCOMPARE(legs[0].size(), 1);
            QCOMPARE(legs[1].size(), 1);
            const QJsonObject fromClient = legs[0].first();
            const QJsonObject upstream = legs[1].first();
            // The client leg: received from the client. The server leg: sent to the server.
            QCOMPARE(fromClient.value(QLatin1String("dir")).toString(), QStringLiteral("in"));
            QCOMPARE(upstream.value(QLatin1String("dir")).toString(), QStringLiteral("out"));
            QCOMPARE(fromClient.value(QLatin1String("target")).toString(), targets[i]);
            QCOMPARE(upstream.value(QLatin1String("target")).toString(), targets[i]);
            // Host rewritten and Via added (this proxy's name, for loops) on the server leg only; every other
            // header as the client sent it, in order.
            const QJsonArray clientHeaders = fromClient.value(QLatin1String("headers")).toArray();
            const QJsonArray serverHeaders = upstream.value(QLatin1String("headers")).toArray();
            QCOMPARE(headerValues(clientHeaders, QStringLiteral("Host")), QStringList { proxyHost });
            QCOMPARE(headerValues(serverHeaders, QStringLiteral("Host")), QStringList { upstreamHost });
            QList<QPair<QString, QString>> sent = headersOfJson(serverHeaders);
            QVERIFY(!sent.isEmpty());
            QCOMPARE(sent.last().first, QStringLiteral("Via"));
            QVERIFY2(sent.last().second.startsWith(QLatin1String("1.1 wsinspector-")), qPrintable(sent.last().second));
            sent.removeLast();
            QCOMPARE(withoutHost(sent), withoutHost(headersOfJson(clientHeaders)));
            QVERIFY(!headersOfJson(clientHeaders).isEmpty());

            // The 101 as the server sent it is the 101 the client got, byte for byte.
            const QList<QJsonObject> responses = run.events(QStringLiteral("handshake_response"), {}, conn);
            QCOMPARE(responses.size(), 2);
            QCOMPARE(onLeg(responses, QStringLiteral("server")).value(0).value(QLatin1String("dir")).toString(),
                QStringLiteral("in"));
            QCOMPARE(onLeg(responses, QStringLiteral("client")).value(0).value(QLatin1String("dir")).toString(),
                QStringLiteral("out"));
            QCOMPARE(onLeg(responses, QStringLiteral("client")).value(0).value(QLatin1String("raw")),
                onLeg(responses, QStringLiteral("server")).value(0).value(QLatin1String("raw")));
            QCOMPARE(onLeg(responses, QStringLiteral("client")).value(0).value(QLatin1String("status")).toInt(), 101);

            // Frames: what came in on one leg went out on the other, header, mask and length alike.
            const QStringList towardServerIn = frameKeys(
                onLeg(run.events(QStringLiteral("frame"), QStringLiteral("in"), conn), QStringLiteral("client")));
            const QStringList towardServerOut = frameKeys(
                onLeg(run.events(QStringLiteral("frame"), QStringLiteral("out"), conn), QStringLiteral("server")));
            const QStringList towardClientIn = frameKeys(
                onLeg(run.events(QStringLiteral("frame"), QStringLiteral("in"), conn), QStringLiteral("server")));
            const QStringList towardClientOut = frameKeys(
                onLeg(run.events(QStringLiteral("frame"), QStringLiteral("out"), conn), QStringLiteral("client")));
            QVERIFY2(towardServerIn.size() >= 2, qPrintable(towardServerIn.join(QLatin1Char('|')))); // data + close
            QCOMPARE(towardServerOut, towardServerIn);
            QVERIFY(towardClientIn.size() >= 2);
            QCOMPARE(towardClientOut, towardClientIn);
            for (const QString &key : towardServerIn)
                QVERIFY2(key.split(QLatin1Char(' ')).value(1).size() == 8, qPrintable(key)); // masked, key kept
            if (i == 0)
                QVERIFY2(towardServerIn.size() >= 4, "node's three fragments are three frames on both legs");

            // The message on all four sides.
            const QList<QJsonObject> messages = run.events(QStringLiteral("message"), {}, conn);
            QCOMPARE(messages.size(), 4);
            for (const QJsonObject &m : messages)
                QCOMPARE(m.value(QLatin1String("text")).toString(), texts[i]);

            // The client's Close went through to the server and the server's answer back.
            const QList<QJsonObject> closes = run.events(QStringLiteral("close"), {}, conn);
            QCOMPARE(closes.size(), 4);
            for (const QJsonObject &c : closes)
                QCOMPARE(c.value(QLatin1String("code")).toInt(), 1000);
        }
    }

    void keepHostForwardsTheClientsHost()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), pythonUpstream(), QStringLiteral("--keep-host") }));
        const QStringList python = runPythonClient({ proxy.url(QStringLiteral("/echo")), QStringLiteral("--send"),
            QStringLiteral("kept"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python.value(1), QStringLiteral("RECV kept"));
        const CliRun run = proxy.finish(true, 5000);
        const QString proxyHost = QStringLiteral("127.0.0.1:%1").arg(QUrl(proxy.listeningUrl()).port());
        const QList<QJsonObject> requests
            = onLeg(run.events(QStringLiteral("handshake_request")), QStringLiteral("server"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(headerValues(requests.first().value(QLatin1String("headers")).toArray(), QStringLiteral("Host")),
            QStringList { proxyHost });
    }

    void upstreamPathIsJoinedWithTheClientsPath()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start(
            { QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:%1/base?key=1").arg(m_peers.python().port()) }));
        const QStringList python = runPythonClient({ proxy.url(QStringLiteral("/echo?x=2")), QStringLiteral("--send"),
            QStringLiteral("joined"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(python.value(1), QStringLiteral("RECV joined"));
        const CliRun run = proxy.finish(true, 5000);
        const QList<QJsonObject> requests = run.events(QStringLiteral("handshake_request"));
        QCOMPARE(onLeg(requests, QStringLiteral("client")).value(0).value(QLatin1String("target")).toString(),
            QStringLiteral("/echo?x=2"));
        QCOMPARE(onLeg(requests, QStringLiteral("server")).value(0).value(QLatin1String("target")).toString(),
            QStringLiteral("/base/echo?key=1&x=2"));
    }

    void closesPropagateFromTheServer_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("clientSees");
        QTest::addColumn<QString>("note");
        QTest::newRow("close frame 4001") << QStringLiteral("/close4001") << QStringLiteral("CLOSED 4001 bye now")
                                          << QStringLiteral("The server closed its TCP connection.");
        QTest::newRow("tcp drop") << QStringLiteral("/drop") << QStringLiteral("CLOSED 1006")
                                  << QStringLiteral(
                                         "The proxy closed the TCP connection to the client: the server's closed.");
    }

    void closesPropagateFromTheServer()
    {
        QFETCH(QString, path);
        QFETCH(QString, clientSees);
        QFETCH(QString, note);
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), pythonUpstream() }));
        const QStringList python = runPythonClient({ proxy.url(path), QStringLiteral("--send"), QStringLiteral("one"),
            QStringLiteral("--expect"), QStringLiteral("2") });
        QVERIFY2(python.join(QLatin1Char('|')).contains(clientSees), qPrintable(python.join(QLatin1Char('|'))));
        QVERIFY(proxy.waitForOutput(note.toUtf8()));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        bool noted = false;
        for (const QJsonObject &info : run.events(QStringLiteral("info")))
            noted = noted || info.value(QLatin1String("message")).toString() == note;
        QVERIFY2(noted, qPrintable(run.describe()));
        if (path == QLatin1String("/close4001")) {
            QCOMPARE(onLeg(run.events(QStringLiteral("close"), QStringLiteral("in")), QStringLiteral("server"))
                         .value(0)
                         .value(QLatin1String("code"))
                         .toInt(),
                4001);
            QCOMPARE(onLeg(run.events(QStringLiteral("close"), QStringLiteral("out")), QStringLiteral("client"))
                         .value(0)
                         .value(QLatin1String("code"))
                         .toInt(),
                4001);
        } else {
            QVERIFY(run.events(QStringLiteral("close")).isEmpty()); // no Close frame on either leg: TCP only
        }
    }

    void clientDropClosesTheServerSide()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), pythonUpstream() }));
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(proxy.listeningUrl()).port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            QByteArray answer;
            QElapsedTimer waited;
            waited.start();
            while (!answer.contains("\r\n\r\n") && waited.elapsed() < 10000) {
                QTest::qWait(20);
                answer += socket.readAll();
            }
            QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
            socket.abort(); // no Close frame: the TCP connection just goes
        }
        QVERIFY(proxy.waitForOutput("The proxy closed the TCP connection to the server: the client's closed."));
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        bool noted = false;
        for (const QJsonObject &info : onLeg(run.events(QStringLiteral("info")), QStringLiteral("client")))
            noted = noted
                || info.value(QLatin1String("message")).toString()
                    == QLatin1String("The client closed its TCP connection.");
        QVERIFY(noted);
    }
};

QTEST_GUILESS_MAIN(tst_CliProxy)
#include "tst_cli_proxy.moc"
