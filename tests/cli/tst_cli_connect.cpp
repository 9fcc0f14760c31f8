// wsinspector-cli connect, run as a real process against python3-websockets and node-ws on 127.0.0.1 and
// against TCP servers that refuse or never answer: the session log of a whole exchange, the saved endpoint,
// rejected upgrades, close codes, pings, fragments, drops and timeouts. Every stdout line must be a JSON
// object of the session log format (docs/session-format.md); exit codes as in docs/cli.md.
#include "clichecks.h"
#include "clipeers.h"
#include "clirun.h"

#include "endpoints/endpointstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

class tst_CliConnect : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python | CliPeers::Node); }

    void cleanupTestCase() { m_peers.stop(); }

    void echoSessionIsLoggedFromTheWire()
    {
        const QStringList sent { QStringLiteral("hello"), QStringLiteral("héllo \"wire\"\n\ttab \\ \x01 end"),
            QStringLiteral("third") };
        QStringList args { m_peers.python().url(QStringLiteral("/echo?x=1")), QStringLiteral("--header"),
            QStringLiteral("X-Custom: 42"), QStringLiteral("--origin"), QStringLiteral("http://origin.example"),
            QStringLiteral("--subprotocol"), QStringLiteral("nope"), QStringLiteral("--subprotocol"),
            QStringLiteral("superchat"), QStringLiteral("--wait-ms"), QStringLiteral("300"), QStringLiteral("--close"),
            QStringLiteral("4000:reason") };
        for (const QString &text : sent)
            args << QStringLiteral("--send") << text;
        const CliRun run = runCli(args);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run.lines.first().value(QLatin1String("tool")).toString().section(QLatin1Char(' '), 0, 0),
            QStringLiteral("wsinspector-cli"));

        // The upgrade request as it went on the wire, including what Qt generated.
        const QJsonObject request = run.first(QStringLiteral("handshake_request"), QStringLiteral("out"));
        QVERIFY2(!request.isEmpty(), qPrintable(run.describe()));
        QCOMPARE(request.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(request.value(QLatin1String("target")).toString(), QStringLiteral("/echo?x=1"));
        const QJsonArray requestHeaders = request.value(QLatin1String("headers")).toArray();
        for (const char *name : { "Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version" })
            QVERIFY2(headerValues(requestHeaders, QLatin1String(name)).size() == 1, name);
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("Host")),
            QStringList { QStringLiteral("127.0.0.1:%1").arg(m_peers.python().port()) });
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("X-Custom")), QStringList { QStringLiteral("42") });
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("Origin")),
            QStringList { QStringLiteral("http://origin.example") });
        QCOMPARE(headerValues(requestHeaders, QStringLiteral("Sec-WebSocket-Protocol")),
            QStringList { QStringLiteral("nope, superchat") });
        const QString requestRaw = request.value(QLatin1String("raw")).toString();
        QVERIFY2(requestRaw.startsWith(QStringLiteral("GET /echo?x=1 HTTP/1.1\r\n")), qPrintable(requestRaw));
        QVERIFY(requestRaw.endsWith(QStringLiteral("\r\n\r\n")));
        QCOMPARE(headersOfJson(requestHeaders), headersOfRaw(requestRaw)); // wire order, nothing dropped

        // The response as it came back: repeats kept, in order, and the Accept check.
        const QJsonObject response = run.first(QStringLiteral("handshake_response"), QStringLiteral("in"));
        QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
        QCOMPARE(response.value(QLatin1String("reason")).toString(), QStringLiteral("Switching Protocols"));
        const QJsonArray responseHeaders = response.value(QLatin1String("headers")).toArray();
        QCOMPARE(headerValues(responseHeaders, QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("python-websockets") });
        QCOMPARE(headerValues(responseHeaders, QStringLiteral("X-Repeat")),
            (QStringList { QStringLiteral("one"), QStringLiteral("two") }));
        QCOMPARE(headersOfJson(responseHeaders), headersOfRaw(response.value(QLatin1String("raw")).toString()));
        const QJsonObject accept = response.value(QLatin1String("accept")).toObject();
        QCOMPARE(accept.value(QLatin1String("valid")).toBool(), true);
        QCOMPARE(
            accept.value(QLatin1String("received")).toString(), accept.value(QLatin1String("expected")).toString());
        const QString key = headerValues(requestHeaders, QStringLiteral("Sec-WebSocket-Key")).value(0);
        QCOMPARE(accept.value(QLatin1String("key")).toString(), key);
        QCOMPARE(accept.value(QLatin1String("expected")).toString(), expectedAccept(key));

        QCOMPARE(run.first(QStringLiteral("open")).value(QLatin1String("subprotocol")).toString(),
            QStringLiteral("superchat"));

        // Every frame header; client frames masked with a 4-byte key, server frames not masked.
        const QList<QJsonObject> framesOut = run.events(QStringLiteral("frame"), QStringLiteral("out"));
        const QList<QJsonObject> framesIn = run.events(QStringLiteral("frame"), QStringLiteral("in"));
        QCOMPARE(framesOut.size(), sent.size() + 1); // the texts and the Close
        QCOMPARE(framesIn.size(), sent.size() + 1);
        static const QRegularExpression maskKey(QStringLiteral("^[0-9a-f]{8}$"));
        for (const QJsonObject &f : run.events(QStringLiteral("frame"))) {
            const bool out = f.value(QLatin1String("dir")).toString() == QLatin1String("out");
            for (const char *bit : { "fin", "rsv1", "rsv2", "rsv3", "masked" })
                QVERIFY2(f.value(QLatin1String(bit)).isBool(), bit);
            QVERIFY(f.value(QLatin1String("fin")).toBool());
            QVERIFY(!f.value(QLatin1String("rsv1")).toBool() && !f.value(QLatin1String("rsv2")).toBool()
                && !f.value(QLatin1String("rsv3")).toBool());
            QVERIFY(f.value(QLatin1String("opcode")).isDouble());
            QVERIFY(f.value(QLatin1String("length")).isDouble());
            QCOMPARE(f.value(QLatin1String("masked")).toBool(), out);
            if (out)
                QVERIFY2(maskKey.match(f.value(QLatin1String("mask_key")).toString()).hasMatch(),
                    qPrintable(f.value(QLatin1String("mask_key")).toString()));
            else
                QVERIFY(!f.contains(QLatin1String("mask_key")));
        }
        for (qsizetype i = 0; i < sent.size(); ++i) {
            QCOMPARE(framesOut[i].value(QLatin1String("opcode")).toInt(), 1);
            QCOMPARE(framesOut[i].value(QLatin1String("length")).toInt(), int(sent[i].toUtf8().size()));
        }
        QCOMPARE(framesOut.last().value(QLatin1String("opcode")).toInt(), 8);

        // The messages in order, and their echoes byte for byte.
        QCOMPARE(run.texts(QStringLiteral("out")), sent);
        QCOMPARE(run.texts(QStringLiteral("in")), sent);
        for (const QJsonObject &m : run.events(QStringLiteral("message"))) {
            QCOMPARE(m.value(QLatin1String("type")).toString(), QStringLiteral("text"));
            QCOMPARE(
                m.value(QLatin1String("size")).toInt(), int(m.value(QLatin1String("text")).toString().toUtf8().size()));
        }

        // The closing handshake both ways, this client first.
        const QList<QJsonObject> closes = run.events(QStringLiteral("close"));
        QCOMPARE(closes.size(), 2);
        QCOMPARE(closes[0].value(QLatin1String("dir")).toString(), QStringLiteral("out"));
        QCOMPARE(closes[1].value(QLatin1String("dir")).toString(), QStringLiteral("in"));
        for (const QJsonObject &c : closes) {
            QCOMPARE(c.value(QLatin1String("code")).toInt(), 4000);
            QCOMPARE(c.value(QLatin1String("reason")).toString(), QStringLiteral("reason"));
        }
        QCOMPARE(run.events(QStringLiteral("error")).size(), 0);
        QCOMPARE(run.exitCode, kCleanClose);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }

    void nodeServerEchoAndSubprotocol()
    {
        const CliRun run = runCli({ m_peers.node().url(QStringLiteral("/")), QStringLiteral("--subprotocol"),
            QStringLiteral("chat"), QStringLiteral("--send"), QStringLiteral("from node test"),
            QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject response = run.first(QStringLiteral("handshake_response"));
        QCOMPARE(response.value(QLatin1String("status")).toInt(), 101);
        QCOMPARE(headerValues(response.value(QLatin1String("headers")).toArray(), QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("node-ws") });
        QVERIFY(response.value(QLatin1String("accept")).toObject().value(QLatin1String("valid")).toBool());
        QCOMPARE(
            run.first(QStringLiteral("open")).value(QLatin1String("subprotocol")).toString(), QStringLiteral("chat"));
        QCOMPARE(run.texts(QStringLiteral("out")), QStringList { QStringLiteral("from node test") });
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("from node test") });
        QCOMPARE(run.events(QStringLiteral("close"), QStringLiteral("out")).size(), 1);
        QCOMPARE(run.first(QStringLiteral("close"), QStringLiteral("in")).value(QLatin1String("code")).toInt(), 1000);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void savedEndpointConnectsWithItsOptions()
    {
        // Saved as the app saves it, in the app data folder the CLI shares with the window.
        wsi::EndpointStore store(cliHome().filePath(QStringLiteral("data/WSInspector/wsinspector/endpoints.json")));
        QVERIFY(store.load());
        wsi::Endpoint saved;
        saved.name = QStringLiteral("chat");
        saved.folder = QStringLiteral("local");
        saved.options.url = QUrl(m_peers.node().url(QStringLiteral("/saved")));
        saved.options.subprotocols = { QStringLiteral("chat") };
        saved.options.headers = { { "X-From-Endpoint", "yes" } };
        QString error;
        QVERIFY2(!store.save(saved, &error).isEmpty(), qPrintable(error));
        wsi::Endpoint twin = saved;
        twin.folder = QStringLiteral("other");
        QVERIFY2(!store.save(twin, &error).isEmpty(), qPrintable(error));

        const CliRun ambiguous = runCli({ QStringLiteral("--endpoint"), QStringLiteral("chat") }, 10000);
        QCOMPARE(ambiguous.exitCode, kUsage);
        QVERIFY2(
            ambiguous.err.contains("2 saved endpoints have that name; write FOLDER/NAME"), ambiguous.err.constData());

        const CliRun run
            = runCli({ QStringLiteral("--endpoint"), QStringLiteral("local/chat"), QStringLiteral("--send"),
                QStringLiteral("via endpoint"), QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject request = run.first(QStringLiteral("handshake_request"));
        QVERIFY2(request.value(QLatin1String("raw")).toString().startsWith(QLatin1String("GET /saved ")),
            qPrintable(request.value(QLatin1String("raw")).toString()));
        QCOMPARE(headerValues(request.value(QLatin1String("headers")).toArray(), QStringLiteral("X-From-Endpoint")),
            QStringList { QStringLiteral("yes") });
        QCOMPARE(
            run.first(QStringLiteral("open")).value(QLatin1String("subprotocol")).toString(), QStringLiteral("chat"));
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("via endpoint") });
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void savedEndpointCarriesItsProtocol()
    {
        // The app saved this endpoint with decoding off; the echoed JSON-RPC call must then stay undecoded,
        // unless --protocol says otherwise.
        wsi::EndpointStore store(cliHome().filePath(QStringLiteral("data/WSInspector/wsinspector/endpoints.json")));
        QVERIFY(store.load());
        wsi::Endpoint saved;
        saved.name = QStringLiteral("rpc-plain");
        saved.options.url = QUrl(m_peers.node().url(QStringLiteral("/rpc")));
        saved.options.protocol = QStringLiteral("none");
        QString error;
        QVERIFY2(!store.save(saved, &error).isEmpty(), qPrintable(error));
        const QString call = QStringLiteral(R"({"jsonrpc":"2.0","id":1,"method":"sum","params":[1,2]})");
        const QStringList args { QStringLiteral("--endpoint"), QStringLiteral("rpc-plain"), QStringLiteral("--send"),
            call, QStringLiteral("--wait-ms"), QStringLiteral("300") };

        const CliRun plain = runCli(args);
        QVERIFY2(plain.exited, qPrintable(plain.describe()));
        QCOMPARE(plain.texts(QStringLiteral("out")), QStringList { call });
        QVERIFY(!plain.first(QStringLiteral("message"), QStringLiteral("out")).contains(QLatin1String("decoded")));
        QVERIFY(!plain.first(QStringLiteral("message"), QStringLiteral("in")).contains(QLatin1String("decoded")));

        const CliRun decoded = runCli(args + QStringList { QStringLiteral("--protocol"), QStringLiteral("jsonrpc") });
        QVERIFY2(decoded.exited, qPrintable(decoded.describe()));
        const QJsonObject out = decoded.first(QStringLiteral("message"), QStringLiteral("out"))
                                    .value(QLatin1String("decoded"))
                                    .toObject();
        QCOMPARE(out.value(QLatin1String("protocol")).toString(), QStringLiteral("jsonrpc"));
    }

    void rejectedUpgradeShowsStatusAndBody()
    {
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/reject")) });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject response = run.first(QStringLiteral("handshake_response"), QStringLiteral("in"));
        QCOMPARE(response.value(QLatin1String("status")).toInt(), 403);
        QCOMPARE(response.value(QLatin1String("reason")).toString(), QStringLiteral("Forbidden"));
        QCOMPARE(response.value(QLatin1String("body")).toString(), QStringLiteral("forbidden: token missing\n"));
        QCOMPARE(headerValues(response.value(QLatin1String("headers")).toArray(), QStringLiteral("X-Test-Peer")),
            QStringList { QStringLiteral("python-websockets") });
        QVERIFY(!response.contains(QLatin1String("accept")));
        const QJsonObject error = run.first(QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1String("layer")).toString(), QStringLiteral("http"));
        QVERIFY2(error.value(QLatin1String("message")).toString().contains(QStringLiteral("403")),
            qPrintable(error.value(QLatin1String("message")).toString()));
        QVERIFY(run.events(QStringLiteral("open")).isEmpty());
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        QVERIFY2(run.err.contains("403"), run.err.constData());
    }

    void refusedPortIsATcpError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const CliRun run = runCli({ QStringLiteral("ws://127.0.0.1:%1/").arg(port) });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QList<QJsonObject> errors = run.events(QStringLiteral("error"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().value(QLatin1String("layer")).toString(), QStringLiteral("tcp"));
        QVERIFY(run.events(QStringLiteral("handshake_response")).isEmpty());
        QCOMPARE(run.exitCode, kFailed);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
    }

    void closeReasonOf123BytesIsSent()
    {
        const QString reason(123, QLatin1Char('r'));
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--wait-ms"),
            QStringLiteral("0"), QStringLiteral("--close"), QStringLiteral("3000:") + reason });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QJsonObject out = run.first(QStringLiteral("close"), QStringLiteral("out"));
        QCOMPARE(out.value(QLatin1String("code")).toInt(), 3000);
        QCOMPARE(out.value(QLatin1String("reason")).toString(), reason);
        QCOMPARE(
            run.first(QStringLiteral("close"), QStringLiteral("in")).value(QLatin1String("reason")).toString(), reason);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void serverCloseWithCodeAndReason()
    {
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/close4001")) });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QList<QJsonObject> closes = run.events(QStringLiteral("close"));
        QCOMPARE(closes.size(), 2);
        QCOMPARE(closes[0].value(QLatin1String("dir")).toString(), QStringLiteral("in")); // the server closed first
        QCOMPARE(closes[0].value(QLatin1String("code")).toInt(), 4001);
        QCOMPARE(closes[0].value(QLatin1String("reason")).toString(), QStringLiteral("bye now"));
        QCOMPARE(closes[1].value(QLatin1String("dir")).toString(), QStringLiteral("out"));
        QCOMPARE(run.exitCode, kCleanClose);
        QVERIFY2(run.elapsedMs < 5000, qPrintable(run.describe())); // it did not sit out --wait-ms
    }

    void fragmentedMessageIsReassembled()
    {
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/fragmented")), QStringLiteral("--wait-ms"),
            QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QJsonObject message = run.first(QStringLiteral("message"), QStringLiteral("in"));
        QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("Hello, fragments"));
        QVERIFY(message.value(QLatin1String("frames")).toInt() >= 3);
        const QList<QJsonObject> frames = run.events(QStringLiteral("frame"), QStringLiteral("in"));
        QVERIFY(frames.size() >= 4); // the fragments and the Close
        QCOMPARE(frames[0].value(QLatin1String("opcode")).toInt(), 1);
        QCOMPARE(frames[0].value(QLatin1String("fin")).toBool(), false);
        QCOMPARE(frames[1].value(QLatin1String("opcode")).toInt(), 0);
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void serverPingAndPong()
    {
        const CliRun run = runCli(
            { m_peers.python().url(QStringLiteral("/ping")), QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QJsonObject ping = run.first(QStringLiteral("ping"), QStringLiteral("in"));
        QCOMPARE(ping.value(QLatin1String("size")).toInt(), 13);
        QCOMPARE(ping.value(QLatin1String("payload")).toString(), QStringLiteral("are-you-there"));
        const QJsonObject pong = run.first(QStringLiteral("pong"), QStringLiteral("out"));
        QCOMPARE(pong.value(QLatin1String("payload")).toString(), QStringLiteral("are-you-there"));
        QCOMPARE(run.exitCode, kCleanClose);
    }

    void dropWithoutCloseEndsUnclean()
    {
        const CliRun run = runCli(
            { m_peers.python().url(QStringLiteral("/drop")), QStringLiteral("--send"), QStringLiteral("bye") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(run.events(QStringLiteral("close"), QStringLiteral("in")).isEmpty());
        QCOMPARE(run.exitCode, kUncleanClose);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
    }

    void timeoutIsHonoured()
    {
        // Accepts the TCP connection and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> accepted;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                accepted << socket;
        });
        constexpr int timeoutMs = 1500;
        const CliRun run = runCli({ QStringLiteral("ws://127.0.0.1:%1/").arg(silent.serverPort()),
                                      QStringLiteral("--timeout-ms"), QString::number(timeoutMs) },
            timeoutMs + 10000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QVERIFY2(run.elapsedMs < timeoutMs + 3000, qPrintable(run.describe()));
        QVERIFY2(!accepted.isEmpty(), "the CLI never reached the server");
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(run.first(QStringLiteral("handshake_request")).contains(QLatin1String("raw")));
        const QList<QJsonObject> errors = run.events(QStringLiteral("error"));
        QVERIFY2(!errors.isEmpty(), qPrintable(run.describe()));
        QVERIFY2(errors.first().value(QLatin1String("message")).toString().contains(QString::number(timeoutMs)),
            qPrintable(errors.first().value(QLatin1String("message")).toString()));
        QVERIFY(run.exitCode != kCleanClose);
        QVERIFY2(isOneLineReason(run.err), run.err.constData());
        qDeleteAll(accepted);
    }

    void noFramesLeavesOutFrameLines()
    {
        const CliRun run = runCli({ m_peers.python().url(QStringLiteral("/echo")), QStringLiteral("--no-frames"),
            QStringLiteral("--send"), QStringLiteral("quiet"), QStringLiteral("--wait-ms"), QStringLiteral("300") });
        QVERIFY2(run.exited, qPrintable(run.describe()));
        const QString problem = checkSessionLog(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(run.events(QStringLiteral("frame")).isEmpty());
        QCOMPARE(run.texts(QStringLiteral("in")), QStringList { QStringLiteral("quiet") });
        QCOMPARE(run.events(QStringLiteral("close")).size(), 2);
        QCOMPARE(run.exitCode, kCleanClose);
    }
};

QTEST_GUILESS_MAIN(tst_CliConnect)
#include "tst_cli_connect.moc"
