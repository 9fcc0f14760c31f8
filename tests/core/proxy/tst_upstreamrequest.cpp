// UpstreamRequest from raw request bytes, no sockets: the target joined to the upstream URL, Host rewritten
// (or kept), every other header as sent, and targets that are not paths refused.
#include "protocol/handshakeparser.h"
#include "proxy/upstreamrequest.h"

#include <QTest>

using namespace wsi;

namespace {

HttpHead parse(const QByteArray &raw)
{
    HandshakeParser parser(HandshakeParser::Kind::Request);
    parser.feed(raw);
    return parser.head();
}

} // namespace

class tst_UpstreamRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinsTargets_data()
    {
        QTest::addColumn<QString>("upstream");
        QTest::addColumn<QByteArray>("client");
        QTest::addColumn<QByteArray>("joined");
        QTest::newRow("root upstream keeps the client's target")
            << "ws://h/" << QByteArray("/chat?x=1") << QByteArray("/chat?x=1");
        QTest::newRow("no upstream path") << "ws://h" << QByteArray("/chat") << QByteArray("/chat");
        QTest::newRow("client root adds nothing") << "ws://h/api" << QByteArray("/") << QByteArray("/api");
        QTest::newRow("paths joined with one slash") << "ws://h/api/" << QByteArray("/chat") << QByteArray("/api/chat");
        QTest::newRow("queries of both, upstream first")
            << "wss://h/api?k=1" << QByteArray("/c?x=2") << QByteArray("/api/c?k=1&x=2");
        QTest::newRow("upstream query alone") << "ws://h/api?k=1" << QByteArray("/") << QByteArray("/api?k=1");
        QTest::newRow("empty client query kept") << "ws://h/" << QByteArray("/a?") << QByteArray("/a?");
    }

    void joinsTargets()
    {
        QFETCH(QString, upstream);
        QFETCH(QByteArray, client);
        QFETCH(QByteArray, joined);
        QCOMPARE(UpstreamRequest::joinTarget(QUrl(upstream), client), joined);
    }

    void refusesTargetsThatAreNotPaths_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<bool>("refused");
        QTest::newRow("path") << QByteArray("/x") << false;
        QTest::newRow("absolute-form") << QByteArray("http://other.example/") << true;
        QTest::newRow("authority-form") << QByteArray("other.example:443") << true;
        QTest::newRow("asterisk") << QByteArray("*") << true;
        QTest::newRow("network-path") << QByteArray("//other.example/x") << true;
    }

    void refusesTargetsThatAreNotPaths()
    {
        QFETCH(QByteArray, target);
        QFETCH(bool, refused);
        QCOMPARE(!UpstreamRequest::problemWithTarget(target).isEmpty(), refused);
    }

    void rewritesHostOnlyAndKeepsTheRest()
    {
        const HttpHead head = parse("GET /chat HTTP/1.1\r\nhost: 127.0.0.1:8080\r\nUpgrade: websocket\r\n"
                                    "X-Twice: a\r\nX-Twice: b\r\nSec-WebSocket-Key: abc\r\n\r\n");
        QCOMPARE(UpstreamRequest::build(head, QUrl(QStringLiteral("wss://example.org/api")), false),
            QByteArray("GET /api/chat HTTP/1.1\r\nhost: example.org\r\nUpgrade: websocket\r\n"
                       "X-Twice: a\r\nX-Twice: b\r\nSec-WebSocket-Key: abc\r\n\r\n"));
        QCOMPARE(UpstreamRequest::build(head, QUrl(QStringLiteral("ws://example.org:9000/")), true),
            QByteArray("GET /chat HTTP/1.1\r\nhost: 127.0.0.1:8080\r\nUpgrade: websocket\r\n"
                       "X-Twice: a\r\nX-Twice: b\r\nSec-WebSocket-Key: abc\r\n\r\n"));
    }

    void hostHeaderNamesTheUpstream_data()
    {
        QTest::addColumn<QString>("upstream");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("default ws port") << "ws://example.org:80/" << QByteArray("example.org");
        QTest::newRow("default wss port") << "wss://example.org/" << QByteArray("example.org");
        QTest::newRow("other port") << "ws://127.0.0.1:9000/" << QByteArray("127.0.0.1:9000");
        QTest::newRow("ipv6") << "ws://[::1]:9000/" << QByteArray("[::1]:9000");
    }

    void hostHeaderNamesTheUpstream()
    {
        QFETCH(QString, upstream);
        QFETCH(QByteArray, host);
        QCOMPARE(UpstreamRequest::hostHeader(QUrl(upstream)), host);
    }

    void addsAHostWhenTheClientSentNone()
    {
        const HttpHead head = parse("GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n");
        QCOMPARE(UpstreamRequest::build(head, QUrl(QStringLiteral("ws://h:1/")), false),
            QByteArray("GET / HTTP/1.1\r\nUpgrade: websocket\r\nHost: h:1\r\n\r\n"));
    }

    void viaNamesThisProxyAfterWhoeverCameBefore()
    {
        const QByteArray token = UpstreamRequest::newViaToken();
        QVERIFY(token.startsWith("wsinspector-") && token.size() == 28);
        QVERIFY(token != UpstreamRequest::newViaToken()); // one per proxy instance
        const QUrl upstream(QStringLiteral("ws://h:1/"));
        const HttpHead none = parse("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n");
        QCOMPARE(UpstreamRequest::build(none, upstream, false, "wsinspector-a"),
            QByteArray("GET / HTTP/1.1\r\nHost: h:1\r\nUpgrade: websocket\r\nVia: 1.1 wsinspector-a\r\n\r\n"));
        // Appended to the last Via line, so the list stays in the order the proxies forwarded it.
        const HttpHead two = parse("GET / HTTP/1.1\r\nVia: 1.0 fred\r\nHost: x\r\nvia: 1.1 p.example (Proxy)\r\n"
                                   "Upgrade: websocket\r\n\r\n");
        QCOMPARE(UpstreamRequest::build(two, upstream, false, "wsinspector-a"),
            QByteArray("GET / HTTP/1.1\r\nVia: 1.0 fred\r\nHost: h:1\r\n"
                       "via: 1.1 p.example (Proxy), 1.1 wsinspector-a\r\nUpgrade: websocket\r\n\r\n"));
        QCOMPARE(UpstreamRequest::build(two, upstream, false), // no token: nothing added
            QByteArray("GET / HTTP/1.1\r\nVia: 1.0 fred\r\nHost: h:1\r\nvia: 1.1 p.example (Proxy)\r\n"
                       "Upgrade: websocket\r\n\r\n"));
    }

    void aRequestNamingThisProxyInViaCameRoundALoop()
    {
        const HttpHead back
            = parse("GET / HTTP/1.1\r\nVia: 1.1 wsinspector-a, 1.1 wsinspector-b\r\nUpgrade: websocket\r\n\r\n");
        QVERIFY(UpstreamRequest::cameThrough(back, "wsinspector-a"));
        QVERIFY(UpstreamRequest::cameThrough(back, "wsinspector-b"));
        QVERIFY(!UpstreamRequest::cameThrough(back, "wsinspector-c"));
        QVERIFY(!UpstreamRequest::cameThrough(back, QByteArray()));
        const HttpHead lookalike
            = parse("GET / HTTP/1.1\r\nVia: 1.1 x (wsinspector-a)\r\nX-Via: 1.1 wsinspector-a\r\n\r\n");
        QVERIFY(!UpstreamRequest::cameThrough(lookalike, "wsinspector-a")); // a comment or another header is no entry
        QVERIFY(UpstreamRequest::loopThroughVia("wsinspector-a").english().contains(QLatin1String("Loop detected")));
    }
};

QTEST_GUILESS_MAIN(tst_UpstreamRequest)
#include "tst_upstreamrequest.moc"
