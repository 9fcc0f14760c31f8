// ForwardRequest and the forward parts of UpstreamRequest from raw request bytes, no sockets: CONNECT authorities,
// absolute and origin-form targets, the proxy itself recognised under its loopback aliases, plain requests
// rewritten to origin-form, absolute targets inside a tunnel accepted only for the tunnel's own server.
#include "protocol/handshakeparser.h"
#include "proxy/forwardrequest.h"
#include "proxy/upstreamrequest.h"

#include <QTest>
#include <QUrl>

using namespace wsi;

namespace {

HttpHead parse(const QByteArray &raw)
{
    HandshakeParser parser(HandshakeParser::Kind::Request);
    parser.feed(raw);
    return parser.head();
}

} // namespace

class tst_ForwardRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTargets_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        const int connect = int(ForwardRequest::Kind::Connect);
        const int absolute = int(ForwardRequest::Kind::Absolute);
        const int notProxy = int(ForwardRequest::Kind::NotProxy);
        const int invalid = int(ForwardRequest::Kind::Invalid);
        QTest::newRow("CONNECT name") << QByteArray("CONNECT example.org:443 HTTP/1.1\r\n\r\n") << connect
                                      << "example.org" << 443;
        QTest::newRow("CONNECT IPv6") << QByteArray("CONNECT [::1]:8080 HTTP/1.1\r\n\r\n") << connect << "::1" << 8080;
        QTest::newRow("CONNECT without port")
            << QByteArray("CONNECT example.org HTTP/1.1\r\n\r\n") << invalid << "" << 0;
        QTest::newRow("CONNECT port 0") << QByteArray("CONNECT h:0 HTTP/1.1\r\n\r\n") << invalid << "" << 0;
        QTest::newRow("CONNECT port too big") << QByteArray("CONNECT h:70000 HTTP/1.1\r\n\r\n") << invalid << "" << 0;
        QTest::newRow("absolute http") << QByteArray("GET http://h.test/a?b HTTP/1.1\r\nHost: h.test\r\n\r\n")
                                       << absolute << "h.test" << 80;
        QTest::newRow("absolute ws with port")
            << QByteArray("GET ws://h.test:9000/ HTTP/1.1\r\nHost: h\r\n\r\n") << absolute << "h.test" << 9000;
        QTest::newRow("absolute https") << QByteArray("GET https://h.test/ HTTP/1.1\r\nHost: h\r\n\r\n") << absolute
                                        << "h.test" << 443;
        QTest::newRow("origin-form") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << notProxy << "" << 0;
        QTest::newRow("ftp") << QByteArray("GET ftp://h/ HTTP/1.1\r\nHost: h\r\n\r\n") << invalid << "" << 0;
    }
    void readsTargets()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, kind);
        QFETCH(QString, host);
        QFETCH(int, port);
        const ForwardRequest request(parse(head));
        QCOMPARE(int(request.kind()), kind);
        QCOMPARE(request.host(), host);
        QCOMPARE(int(request.port()), port);
        const bool refused = kind == int(ForwardRequest::Kind::Invalid) || kind == int(ForwardRequest::Kind::NotProxy);
        QCOMPARE(request.problem().isEmpty(), !refused);
    }

    void recognisesItself_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("listening");
        QTest::addColumn<bool>("itself");
        QTest::newRow("its address") << "127.0.0.1" << 8080 << "127.0.0.1" << true;
        QTest::newRow("another port") << "127.0.0.1" << 8081 << "127.0.0.1" << false;
        QTest::newRow("localhost") << "localhost" << 8080 << "127.0.0.1" << true;
        QTest::newRow("LOCALHOST.") << "app.localhost" << 8080 << "127.0.0.1" << true;
        QTest::newRow("another loopback address") << "127.0.0.7" << 8080 << "127.0.0.1" << true;
        QTest::newRow("IPv6 loopback") << "::1" << 8080 << "127.0.0.1" << true;
        QTest::newRow("a name (the dialer checks it)") << "example.org" << 8080 << "127.0.0.1" << false;
        QTest::newRow("another machine") << "192.0.2.1" << 8080 << "127.0.0.1" << false;
        QTest::newRow("all interfaces, loopback") << "127.0.0.1" << 8080 << "0.0.0.0" << true;
        QTest::newRow("all interfaces, 0.0.0.0") << "0.0.0.0" << 8080 << "0.0.0.0" << true;
        QTest::newRow("all interfaces, elsewhere") << "192.0.2.1" << 8080 << "0.0.0.0" << false;
    }
    void recognisesItself()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, listening);
        QFETCH(bool, itself);
        QCOMPARE(ForwardRequest::namesProxy(host, quint16(port), QHostAddress(listening), 8080), itself);
    }

    void recognisesUpgrades()
    {
        QVERIFY(ForwardRequest::isWebSocketUpgrade(
            parse("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n\r\n")));
        QVERIFY(!ForwardRequest::isWebSocketUpgrade(parse("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n\r\n")));
        QVERIFY(!ForwardRequest::isWebSocketUpgrade(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")));
    }

    void rewritesPlainRequests()
    {
        const HttpHead head = parse("GET http://h.test:81/p/q?x=1 HTTP/1.1\r\nHost: h.test:81\r\nProxy-Connection: "
                                    "keep-alive\r\nProxy-Authorization: Basic eA==\r\nConnection: keep-alive\r\n"
                                    "Accept: */*\r\n\r\n");
        QCOMPARE(ForwardRequest::originRequest(head),
            QByteArray("GET /p/q?x=1 HTTP/1.1\r\nHost: h.test:81\r\nAccept: */*\r\nConnection: close\r\n\r\n"));
        QCOMPARE(ForwardRequest::originRequest(parse("GET http://h HTTP/1.1\r\nHost: h\r\n\r\n")),
            QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));
    }

    void findsHeadsAndHttp()
    {
        QCOMPARE(ForwardRequest::headLength("GET / HTTP/1.1\r\n\r\nrest"), 18);
        QCOMPARE(ForwardRequest::headLength("GET / HTTP/1.1\r\n"), -1);
        QVERIFY(ForwardRequest::looksLikeHttp("GET / HTTP/1.1"));
        QVERIFY(ForwardRequest::looksLikeHttp("GE")); // not whole yet
        QVERIFY(!ForwardRequest::looksLikeHttp("\x16\x03\x01"));
        QVERIFY(!ForwardRequest::looksLikeHttp("SSH-2.0-OpenSSH"));
        QVERIFY(!ForwardRequest::looksLikeHttp(" GET"));
    }

    void acceptsAbsoluteTargetsOfTheTunnelOnly_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("upstream");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QByteArray>("origin");
        QTest::newRow("origin-form") << QByteArray("/chat?x=1") << "ws://h:9000/" << true << QByteArray("/chat?x=1");
        QTest::newRow("absolute, same server")
            << QByteArray("http://h:9000/chat") << "ws://h:9000/" << true << QByteArray("/chat");
        QTest::newRow("ws scheme, default port")
            << QByteArray("ws://h/chat") << "ws://h:80/" << true << QByteArray("/chat");
        QTest::newRow("wss over tls") << QByteArray("wss://h/x?y") << "wss://h:443/" << true << QByteArray("/x?y");
        QTest::newRow("another host") << QByteArray("http://evil:9000/chat") << "ws://h:9000/" << false
                                      << QByteArray("/chat");
        QTest::newRow("another port") << QByteArray("http://h:9001/chat") << "ws://h:9000/" << false
                                      << QByteArray("/chat");
        QTest::newRow("no path") << QByteArray("http://h:9000") << "ws://h:9000/" << true << QByteArray("/");
    }
    void acceptsAbsoluteTargetsOfTheTunnelOnly()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, upstream);
        QFETCH(bool, accepted);
        QFETCH(QByteArray, origin);
        QCOMPARE(UpstreamRequest::problemWithForwardTarget(target, QUrl(upstream)).isEmpty(), accepted);
        QCOMPARE(UpstreamRequest::originForm(target), origin);
        // The reverse proxy's own check is unchanged: absolute-form stays refused there.
        QCOMPARE(UpstreamRequest::problemWithTarget(target).isEmpty(), target.startsWith('/'));
    }
};

QTEST_MAIN(tst_ForwardRequest)
#include "tst_forwardrequest.moc"
