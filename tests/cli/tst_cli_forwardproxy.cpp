// wsinspector-cli proxy without --to (the forward HTTP proxy), run as a real process: python3-websockets clients
// through CONNECT to python3-websockets echo servers over ws and over wss (TLS intercepted with the CLI's own
// CA, the real server verified with the test's CA), both legs recorded; a plain proxy request passing through
// unrecorded; the refusals by name (the proxy itself, garbage, a request to the proxy, an oversized head).
// Chromium through the proxy is tst_cli_forwardproxy_chromium.
#include "clichecks.h"
#include "clientprocess.h"
#include "cliforwardpeers.h"
#include "cliproxylegs.h"
#include "clirun.h"
#include "tls/spkihash.h"

#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTest>

namespace {

// One request on a fresh TCP connection to the proxy; everything it answers until it closes (bounded).
QByteArray askProxy(quint16 port, const QByteArray &request, bool *closed)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return "not connected";
    socket.write(request);
    QByteArray answer;
    QElapsedTimer waited;
    waited.start();
    while (socket.state() == QAbstractSocket::ConnectedState && waited.elapsed() < 5000) {
        socket.waitForReadyRead(100);
        answer += socket.readAll();
    }
    answer += socket.readAll();
    *closed = socket.state() != QAbstractSocket::ConnectedState;
    return answer;
}

} // namespace

class tst_CliForwardProxy : public QObject
{
    Q_OBJECT

private:
    ForwardPeers m_peers;

    bool startProxy(ServeProcess &proxy)
    {
        proxy.setCommand(QStringLiteral("proxy"));
        return proxy.start(
            { QStringLiteral("--ca"), m_peers.caFile(), QStringLiteral("--duration-ms"), QStringLiteral("60000") });
    }
    static quint16 proxyPort(const ServeProcess &proxy) { return quint16(QUrl(proxy.listeningUrl()).port()); }
    static QString proxyAuthority(const ServeProcess &proxy)
    {
        return QStringLiteral("127.0.0.1:%1").arg(proxyPort(proxy));
    }

private Q_SLOTS:
    void initTestCase() { m_peers.start(); }
    void cleanupTestCase() { m_peers.stop(); }

    void pythonClientsThroughConnectOverWsAndWss()
    {
        ServeProcess proxy;
        QVERIFY(startProxy(proxy));
        const QStringList plain
            = runPythonClient({ QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_peers.port(ForwardPeers::Ws)),
                QStringLiteral("--proxy"), proxyAuthority(proxy), QStringLiteral("--send"),
                QStringLiteral("through the tunnel"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(plain,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV through the tunnel"),
                QStringLiteral("CLOSED 1000 client done") }));
        // wss: the client trusts only the CLI's own CA, which signed the leaf the proxy presented.
        const QStringList secure = runPythonClient(
            { QStringLiteral("wss://127.0.0.1:%1/echo").arg(m_peers.port(ForwardPeers::Wss)), QStringLiteral("--proxy"),
                proxyAuthority(proxy), QStringLiteral("--cafile"), cliCaCertificate(), QStringLiteral("--send"),
                QStringLiteral("inside tls"), QStringLiteral("--expect"), QStringLiteral("1") });
        QCOMPARE(secure,
            (QStringList { QStringLiteral("OPEN -"), QStringLiteral("RECV inside tls"),
                QStringLiteral("CLOSED 1000 client done") }));
        QVERIFY(proxy.waitForOutput("\"inside tls\""));

        const CliRun run = proxy.finish(true, 5000);

        // The listening line: the proxy address and the hash of the CA the wss client trusted.
        QJsonObject listening;
        const QString problem = checkStoppedServer(run, &listening);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(listening.value(QLatin1String("proxy")).toString(),
            QStringLiteral("http://127.0.0.1:%1").arg(proxyPort(proxy)));
        QFile caFile(cliCaCertificate());
        QVERIFY(caFile.open(QIODevice::ReadOnly));
        const QSslCertificate ca(caFile.readAll());
        QVERIFY(!ca.isNull());
        QCOMPARE(listening.value(QLatin1String("ca_spki_sha256")).toString(), wsi::SpkiHash::sha256Base64(ca));

        // Two proxied connections, each with both legs; Host untouched (the client named the real server).
        const QList<QJsonObject> clientRequests
            = onLeg(run.events(QStringLiteral("handshake_request")), QStringLiteral("client"));
        QCOMPARE(clientRequests.size(), 2);
        const QString texts[] = { QStringLiteral("through the tunnel"), QStringLiteral("inside tls") };
        const quint16 ports[] = { m_peers.port(ForwardPeers::Ws), m_peers.port(ForwardPeers::Wss) };
        for (int i = 0; i < 2; ++i) {
            const int conn = clientRequests[i].value(QLatin1String("conn")).toInt();
            const QList<QJsonObject> upstream
                = onLeg(run.events(QStringLiteral("handshake_request"), {}, conn), QStringLiteral("server"));
            QCOMPARE(upstream.size(), 1);
            QCOMPARE(upstream.first().value(QLatin1String("target")).toString(), QStringLiteral("/echo"));
            const QString host = QStringLiteral("127.0.0.1:%1").arg(ports[i]);
            QCOMPARE(headerValues(clientRequests[i].value(QLatin1String("headers")).toArray(), QStringLiteral("Host")),
                QStringList { host });
            QCOMPARE(headerValues(upstream.first().value(QLatin1String("headers")).toArray(), QStringLiteral("Host")),
                QStringList { host });
            // Via names the proxy on the way upstream only (a loop through another proxy would bring it back).
            const QStringList via
                = headerValues(upstream.first().value(QLatin1String("headers")).toArray(), QStringLiteral("Via"));
            QVERIFY2(via.size() == 1 && via.first().startsWith(QLatin1String("1.1 wsinspector-")),
                qPrintable(via.join(u'|')));
            QVERIFY(headerValues(clientRequests[i].value(QLatin1String("headers")).toArray(), QStringLiteral("Via"))
                        .isEmpty());
            // The text as the client sent it, as the server got it, its echo as the server sent and client got it.
            QCOMPARE(legTexts(run, conn, QStringLiteral("client"), QStringLiteral("in")), QStringList { texts[i] });
            QCOMPARE(legTexts(run, conn, QStringLiteral("server"), QStringLiteral("out")), QStringList { texts[i] });
            QCOMPARE(legTexts(run, conn, QStringLiteral("server"), QStringLiteral("in")), QStringList { texts[i] });
            QCOMPARE(legTexts(run, conn, QStringLiteral("client"), QStringLiteral("out")), QStringList { texts[i] });
        }
        // The wss connection's server leg verified the real server: its certificate is the test CA's.
        const int wssConn = clientRequests[1].value(QLatin1String("conn")).toInt();
        const QJsonObject tls = run.first(QStringLiteral("tls"), {}, wssConn);
        QCOMPARE(tls.value(QLatin1String("leg")).toString(), QStringLiteral("server"));
        QVERIFY2(QJsonDocument(tls).toJson().contains("WS Inspector Test CA"), QJsonDocument(tls).toJson());
    }

    void plainProxyRequestPassesThroughUnrecorded()
    {
        ServeProcess proxy;
        QVERIFY(startProxy(proxy));
        bool closed = false;
        const QByteArray answer = askProxy(proxyPort(proxy),
            QStringLiteral("GET http://127.0.0.1:%1/page.html HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n"
                           "Proxy-Connection: keep-alive\r\n\r\n")
                .arg(m_peers.port(ForwardPeers::Http))
                .toLatin1(),
            &closed);
        QVERIFY2(answer.startsWith("HTTP/1.0 200") || answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY2(answer.contains("new WebSocket("), answer.constData());
        QVERIFY(closed); // one request per connection: the next may name another server
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.lines.size(), 2); // the header and the listening line: no connection recorded
    }

    void refusesItselfAndWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("CONNECT to itself")
            << QByteArray("CONNECT 127.0.0.1:%PORT% HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 508 Loop Detected")
            << QByteArray("is this forward proxy itself");
        QTest::newRow("CONNECT to localhost, itself")
            << QByteArray("CONNECT localhost:%PORT% HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 508 Loop Detected")
            << QByteArray("is this forward proxy itself");
        QTest::newRow("absolute URL of itself")
            << QByteArray("GET http://127.0.0.2:%PORT%/ HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("HTTP/1.1 508 Loop Detected") << QByteArray("is this forward proxy itself");
        QTest::newRow("garbage") << QByteArray("\x01\x02 not http\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request")
                                 << QByteArray("could not be parsed");
        QTest::newRow("CONNECT without a port")
            << QByteArray("CONNECT example.org HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request")
            << QByteArray("CONNECT needs host:port");
        QTest::newRow("a request to the proxy")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("HTTP/1.1 403 Forbidden")
            << QByteArray("serves nothing itself");
        QTest::newRow("oversized head") << QByteArray("GET http://a/ HTTP/1.1\r\nX: " + QByteArray(20000, 'a'))
                                        << QByteArray("HTTP/1.1 431 Request Header Fields Too Large")
                                        << QByteArray("larger than 16384 bytes");
    }
    void refusesItselfAndWhatItCannotRead()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, reason);
        ServeProcess proxy;
        QVERIFY(startProxy(proxy));
        const quint16 port = proxyPort(proxy);
        bool closed = false;
        const QByteArray answer
            = askProxy(port, QByteArray(request).replace("%PORT%", QByteArray::number(port)), &closed);
        QVERIFY2(answer.startsWith(status), answer.constData());
        QVERIFY2(answer.contains(reason), answer.constData());
        QVERIFY2(closed, "the proxy kept the connection open after refusing");
        const CliRun run = proxy.finish(true, 5000);
        QVERIFY2(run.exited, qPrintable(run.describe()));
        QCOMPARE(run.lines.size(), 2); // nothing recorded
        QVERIFY2(run.err.contains("refused") && run.err.contains(reason), run.err.constData());
    }
};

QTEST_MAIN(tst_CliForwardProxy)
#include "tst_cli_forwardproxy.moc"
