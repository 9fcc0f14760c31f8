// The local test server's answers to upgrade requests, from raw request bytes: the 101 (RFC 6455's own
// example key), the subprotocol in the server's order of preference, and every refusal naming its rule.
#include "protocol/handshakeparser.h"
#include "server/upgradeanswers.h"

#include <QTest>

using namespace wsi;

namespace {

const QByteArray kGoodRequest = "GET /chat HTTP/1.1\r\nHost: 127.0.0.1:9000\r\nUpgrade: websocket\r\n"
                                "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                "Sec-WebSocket-Version: 13\r\n";

HttpHead parse(const QByteArray &head)
{
    HandshakeParser parser(HandshakeParser::Kind::Request);
    parser.feed(head + "\r\n");
    if (!parser.headComplete())
        qFatal("test request did not parse: %s", qPrintable(parser.error()));
    return parser.head();
}

QByteArray withHeader(const QByteArray &from, const QByteArray &name, const QByteArray &value)
{
    QByteArray result;
    for (const QByteArray &line : from.split('\n')) {
        if (line.isEmpty())
            continue;
        if (line.toLower().startsWith(name.toLower() + ':')) {
            if (!value.isNull())
                result += name + ": " + value + "\r\n";
            continue;
        }
        result += line + '\n';
    }
    return result;
}

} // namespace

class TestUpgradeAnswers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validRequestGets101WithTheRfcAccept()
    {
        const HttpHead request = parse(kGoodRequest);
        QVERIFY(UpgradeAnswers::problemWith(request).isEmpty());
        // RFC 6455 section 1.3: this key's accept value.
        QCOMPARE(UpgradeAnswers::switchingProtocols(request, {}),
            QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"));
    }

    void subprotocolFollowsTheServersPreference_data()
    {
        QTest::addColumn<QByteArrayList>("offers"); // one header line each: repeats are offers too
        QTest::addColumn<QStringList>("supported");
        QTest::addColumn<QByteArray>("chosen");
        QTest::newRow("server order wins")
            << QByteArrayList { "chat, superchat" } << QStringList { "superchat", "chat" } << QByteArray("superchat");
        QTest::newRow("repeated header") << QByteArrayList { "v1.a", " v2.b " } << QStringList { "v2.b" }
                                         << QByteArray("v2.b");
        QTest::newRow("nothing in common") << QByteArrayList { "mqtt" } << QStringList { "chat" } << QByteArray();
        QTest::newRow("case matters") << QByteArrayList { "Chat" } << QStringList { "chat" } << QByteArray();
        QTest::newRow("server supports none") << QByteArrayList { "chat" } << QStringList {} << QByteArray();
    }

    void subprotocolFollowsTheServersPreference()
    {
        QFETCH(QByteArrayList, offers);
        QFETCH(QStringList, supported);
        QFETCH(QByteArray, chosen);
        QByteArray head = kGoodRequest;
        for (const QByteArray &offer : offers)
            head += "Sec-WebSocket-Protocol: " + offer + "\r\n";
        const HttpHead request = parse(head);
        QCOMPARE(UpgradeAnswers::chooseSubprotocol(request, supported), chosen);
        const QByteArray response = UpgradeAnswers::switchingProtocols(request, supported);
        QCOMPARE(response.contains("Sec-WebSocket-Protocol: " + chosen + "\r\n"), !chosen.isEmpty());
        QCOMPARE(response.contains("Sec-WebSocket-Protocol"), !chosen.isEmpty());
    }

    void badRequestsAreRefusedNamingTheRule_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::addColumn<QByteArray>("reason");
        QByteArray post = kGoodRequest;
        post.replace("GET ", "POST ");
        QByteArray http10 = kGoodRequest;
        http10.replace("HTTP/1.1", "HTTP/1.0");
        QTest::newRow("POST") << post << QByteArray("HTTP/1.1 400 Bad Request") << QByteArray("uses GET, not POST.");
        QTest::newRow("HTTP/1.0") << http10 << QByteArray("HTTP/1.1 400 Bad Request")
                                  << QByteArray("needs HTTP/1.1, not HTTP/1.0.");
        QTest::newRow("no Upgrade") << withHeader(kGoodRequest, "Upgrade", {}) << QByteArray("HTTP/1.1 400 Bad Request")
                                    << QByteArray("no \"Upgrade: websocket\" header");
        QTest::newRow("Upgrade: h2c") << withHeader(kGoodRequest, "Upgrade", "h2c")
                                      << QByteArray("HTTP/1.1 400 Bad Request")
                                      << QByteArray("no \"Upgrade: websocket\"");
        QTest::newRow("Connection: close")
            << withHeader(kGoodRequest, "Connection", "close") << QByteArray("HTTP/1.1 400 Bad Request")
            << QByteArray("Connection header does not contain \"Upgrade\"");
        QTest::newRow("version 8") << withHeader(kGoodRequest, "Sec-WebSocket-Version", "8")
                                   << QByteArray("HTTP/1.1 426 Upgrade Required")
                                   << QByteArray("Unsupported Sec-WebSocket-Version \"8\"");
        QTest::newRow("no key") << withHeader(kGoodRequest, "Sec-WebSocket-Key", {})
                                << QByteArray("HTTP/1.1 400 Bad Request") << QByteArray("no Sec-WebSocket-Key header");
        QTest::newRow("short key") << withHeader(kGoodRequest, "Sec-WebSocket-Key", "c2hvcnQ=")
                                   << QByteArray("HTTP/1.1 400 Bad Request")
                                   << QByteArray("\"c2hvcnQ=\" is not the base64 of 16 bytes");
        QTest::newRow("key not base64") << withHeader(kGoodRequest, "Sec-WebSocket-Key", "!!!!!!!!!!!!!!!!!!!!!!!=")
                                        << QByteArray("HTTP/1.1 400 Bad Request") << QByteArray("is not the base64");
    }

    void badRequestsAreRefusedNamingTheRule()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, statusLine);
        QFETCH(QByteArray, reason);
        const QByteArray answer = UpgradeAnswers::problemWith(parse(head));
        QVERIFY2(answer.startsWith(statusLine + "\r\n"), answer.constData());
        QVERIFY2(answer.contains(reason), answer.constData());
        // A complete response: the body's length is declared and the connection closes after it.
        const qsizetype bodyStart = answer.indexOf("\r\n\r\n") + 4;
        QVERIFY(bodyStart > 4);
        QVERIFY(answer.contains("\r\nContent-Length: " + QByteArray::number(answer.size() - bodyStart) + "\r\n"));
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
        if (statusLine.contains("426"))
            QVERIFY(answer.contains("\r\nSec-WebSocket-Version: 13\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestUpgradeAnswers)
#include "tst_upgradeanswers.moc"
