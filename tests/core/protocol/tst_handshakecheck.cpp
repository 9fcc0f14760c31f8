#include "protocol/handshakecheck.h"
#include "protocol/handshakeparser.h"

#include <QtTest>

using namespace wsi;

namespace {

HttpHead parseHead(HandshakeParser::Kind kind, const QByteArray &wire)
{
    HandshakeParser parser(kind);
    parser.feed(wire);
    if (!parser.headComplete())
        qFatal("fixture does not parse: %s", qPrintable(parser.error()));
    return parser.head();
}

HttpHead request(const QByteArray &extraHeaders = {})
{
    return parseHead(HandshakeParser::Kind::Request,
        "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + extraHeaders + "\r\n");
}

HttpHead response(const QByteArray &headers, const QByteArray &statusLine = "HTTP/1.1 101 Switching Protocols")
{
    return parseHead(HandshakeParser::Kind::Response, statusLine + "\r\n" + headers + "\r\n");
}

const QByteArray kGoodResponseHeaders
    = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n";

HandshakeCheckItem item(const QList<HandshakeCheckItem> &items, const QString &name)
{
    for (const HandshakeCheckItem &i : items) {
        if (i.name == name)
            return i;
    }
    return HandshakeCheckItem { QStringLiteral("(missing %1)").arg(name), false, {}, {}, {} };
}

} // namespace

class tst_HandshakeCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void computesRfcAcceptExample();
    void passesRfcExample();
    void checksEachRule_data();
    void checksEachRule();
    void notesPermessageDeflate();
    void refusedUpgradeReportsOnlyStatus();
    void explainsHeaders_data();
    void explainsHeaders();
    void explainsStatuses_data();
    void explainsStatuses();
};

void tst_HandshakeCheck::computesRfcAcceptExample()
{
    // RFC 6455 section 4.2.2 / 1.3 worked example.
    const AcceptComputation c = computeAccept("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    QCOMPARE(c.key, QByteArray("dGhlIHNhbXBsZSBub25jZQ=="));
    QCOMPARE(c.concatenated, QByteArray("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    QCOMPARE(c.sha1Hex, QByteArray("b37a4f2cc0624f1690f64606cf385945b2bec4ea"));
    QCOMPARE(c.expected, QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(c.received, QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QVERIFY(c.valid);

    QVERIFY(!computeAccept("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo").valid);
    QVERIFY(!computeAccept("dGhlIHNhbXBsZSBub25jZQ==").valid);
}

void tst_HandshakeCheck::passesRfcExample()
{
    const QList<HandshakeCheckItem> items = checkHandshake(request("Sec-WebSocket-Protocol: chat, superchat\r\n"),
        response(kGoodResponseHeaders + "Sec-WebSocket-Protocol: chat\r\n"));
    QStringList names;
    for (const HandshakeCheckItem &i : items) {
        names << i.name;
        QVERIFY2(i.passed, qPrintable(i.name + QLatin1String(": ") + i.explanation));
        QVERIFY(i.explanation.isEmpty());
    }
    QCOMPARE(names,
        QStringList({ "Status", "Upgrade", "Connection", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol",
            "Sec-WebSocket-Extensions" }));
    QCOMPARE(item(items, "Sec-WebSocket-Accept").expected, QStringLiteral("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(item(items, "Sec-WebSocket-Protocol").actual, QStringLiteral("chat"));
}

void tst_HandshakeCheck::checksEachRule_data()
{
    QTest::addColumn<QByteArray>("requestExtra");
    QTest::addColumn<QByteArray>("responseHeaders");
    QTest::addColumn<QString>("itemName");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("explanationContains");

    const QByteArray accept = "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n";
    QTest::newRow("upgrade in other case passes")
        << QByteArray() << "UPGRADE: WebSocket\r\nConnection: upgrade\r\n" + accept << "Upgrade" << true << "";
    QTest::newRow("upgrade missing") << QByteArray() << "Connection: Upgrade\r\n" + accept << "Upgrade" << false
                                     << "no Upgrade header";
    QTest::newRow("upgrade wrong value") << QByteArray() << "Upgrade: h2c\r\nConnection: Upgrade\r\n" + accept
                                         << "Upgrade" << false << "exactly \"websocket\"";
    QTest::newRow("connection token in a list")
        << QByteArray() << "Upgrade: websocket\r\nConnection: keep-alive, UPGRADE\r\n" + accept << "Connection" << true
        << "";
    QTest::newRow("connection token in a repeated header")
        << QByteArray() << "Upgrade: websocket\r\nConnection: keep-alive\r\nConnection: Upgrade\r\n" + accept
        << "Connection" << true << "";
    QTest::newRow("connection without upgrade")
        << QByteArray() << "Upgrade: websocket\r\nConnection: keep-alive\r\n" + accept << "Connection" << false
        << "token \"Upgrade\"";
    QTest::newRow("accept wrong") << QByteArray()
                                  << QByteArray(
                                         "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: AAAA\r\n")
                                  << "Sec-WebSocket-Accept" << false << "does not match";
    QTest::newRow("accept missing") << QByteArray() << QByteArray("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                                    << "Sec-WebSocket-Accept" << false << "no Sec-WebSocket-Accept";
    QTest::newRow("accept twice") << QByteArray() << kGoodResponseHeaders + accept << "Sec-WebSocket-Accept" << false
                                  << "2 Sec-WebSocket-Accept";
    QTest::newRow("protocol offered in a repeated header")
        << QByteArray("Sec-WebSocket-Protocol: chat\r\nSec-WebSocket-Protocol: superchat\r\n")
        << kGoodResponseHeaders + "Sec-WebSocket-Protocol: superchat\r\n"
        << "Sec-WebSocket-Protocol" << true << "";
    QTest::newRow("protocol not offered") << QByteArray("Sec-WebSocket-Protocol: chat, superchat\r\n")
                                          << kGoodResponseHeaders + "Sec-WebSocket-Protocol: mqtt\r\n"
                                          << "Sec-WebSocket-Protocol" << false << "did not offer";
    QTest::newRow("protocol when none offered")
        << QByteArray() << kGoodResponseHeaders + "Sec-WebSocket-Protocol: chat\r\n"
        << "Sec-WebSocket-Protocol" << false << "offered none";
    QTest::newRow("two protocols chosen") << QByteArray("Sec-WebSocket-Protocol: chat, superchat\r\n")
                                          << kGoodResponseHeaders + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                                          << "Sec-WebSocket-Protocol" << false << "exactly one";
    QTest::newRow("no protocol chosen is allowed") << QByteArray("Sec-WebSocket-Protocol: chat\r\n")
                                                   << kGoodResponseHeaders << "Sec-WebSocket-Protocol" << true << "";
    QTest::newRow("extension not offered")
        << QByteArray() << kGoodResponseHeaders + "Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n"
        << "Sec-WebSocket-Extensions" << false << "x-webkit-deflate-frame, which the client did not offer";
    QTest::newRow("extension offered with parameters")
        << QByteArray("Sec-WebSocket-Extensions: x-test; a=1, x-other\r\n")
        << kGoodResponseHeaders + "Sec-WebSocket-Extensions: x-test; a=2\r\n"
        << "Sec-WebSocket-Extensions" << true << "";
}

void tst_HandshakeCheck::checksEachRule()
{
    QFETCH(QByteArray, requestExtra);
    QFETCH(QByteArray, responseHeaders);
    QFETCH(QString, itemName);
    QFETCH(bool, passed);
    QFETCH(QString, explanationContains);
    const HandshakeCheckItem i = item(checkHandshake(request(requestExtra), response(responseHeaders)), itemName);
    QCOMPARE(i.name, itemName);
    QCOMPARE(i.passed, passed);
    if (passed)
        QVERIFY2(i.explanation.isEmpty(), qPrintable(i.explanation));
    else
        QVERIFY2(i.explanation.contains(explanationContains), qPrintable(i.explanation));
}

void tst_HandshakeCheck::notesPermessageDeflate()
{
    // Not offered (Qt never offers it): a failure that also says Qt cannot decode it.
    const HandshakeCheckItem forced = item(
        checkHandshake(request(), response(kGoodResponseHeaders + "Sec-WebSocket-Extensions: permessage-deflate\r\n")),
        "Sec-WebSocket-Extensions");
    QVERIFY(!forced.passed);
    QVERIFY2(forced.explanation.contains(QLatin1String("Qt WebSockets does not support permessage-deflate")),
        qPrintable(forced.explanation));

    // Offered by another client and accepted: legal, but the note still warns.
    const HandshakeCheckItem offered
        = item(checkHandshake(request("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"),
                   response(kGoodResponseHeaders + "Sec-WebSocket-Extensions: permessage-deflate\r\n")),
            "Sec-WebSocket-Extensions");
    QVERIFY(offered.passed);
    QVERIFY(offered.explanation.contains(QLatin1String("Qt WebSockets does not support permessage-deflate")));
}

void tst_HandshakeCheck::refusedUpgradeReportsOnlyStatus()
{
    const QList<HandshakeCheckItem> items
        = checkHandshake(request(), response("Content-Length: 0\r\n", "HTTP/1.1 403 Forbidden"));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().name, QStringLiteral("Status"));
    QVERIFY(!items.first().passed);
    QCOMPARE(items.first().expected, QStringLiteral("101 Switching Protocols"));
    QCOMPARE(items.first().actual, QStringLiteral("403 Forbidden"));
    QCOMPARE(items.first().explanation, upgradeStatusExplanation(403));
}

void tst_HandshakeCheck::explainsHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("contains");
    QTest::newRow("Host") << QByteArray("Host") << "host name";
    QTest::newRow("Origin") << QByteArray("origin") << "origin";
    QTest::newRow("Upgrade") << QByteArray("Upgrade") << "websocket";
    QTest::newRow("Connection") << QByteArray("CONNECTION") << "Upgrade";
    QTest::newRow("Sec-WebSocket-Key") << QByteArray("Sec-WebSocket-Key") << "nonce";
    QTest::newRow("Sec-WebSocket-Version") << QByteArray("Sec-WebSocket-Version") << "13";
    QTest::newRow("Sec-WebSocket-Accept") << QByteArray("Sec-WebSocket-Accept") << "SHA-1";
    QTest::newRow("Sec-WebSocket-Protocol") << QByteArray("Sec-WebSocket-Protocol") << "Subprotocols";
    QTest::newRow("Sec-WebSocket-Extensions") << QByteArray("Sec-WebSocket-Extensions") << "permessage-deflate";
    QTest::newRow("User-Agent") << QByteArray("User-Agent") << "client software";
    QTest::newRow("Cookie") << QByteArray("Cookie") << "Cookies";
    QTest::newRow("Set-Cookie") << QByteArray("Set-Cookie") << "store";
    QTest::newRow("Authorization") << QByteArray("Authorization") << "secret";
    QTest::newRow("Server") << QByteArray("Server") << "server software";
    QTest::newRow("Date") << QByteArray("Date") << "clock";
    QTest::newRow("Content-Type") << QByteArray("Content-Type") << "media type";
    QTest::newRow("Content-Length") << QByteArray("content-length") << "bytes";
    QTest::newRow("unknown header") << QByteArray("X-Custom") << "";
}

void tst_HandshakeCheck::explainsHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, contains);
    const QString text = headerExplanation(name);
    if (contains.isEmpty())
        QVERIFY(text.isEmpty());
    else
        QVERIFY2(text.contains(contains), qPrintable(text));
}

void tst_HandshakeCheck::explainsStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contains");
    QTest::newRow("101") << 101 << "accepted";
    QTest::newRow("200 plain web server") << 200 << "ordinary web page";
    QTest::newRow("302 redirect") << 302 << "does not follow redirects";
    QTest::newRow("400") << 400 << "bad request";
    QTest::newRow("401") << 401 << "authentication";
    QTest::newRow("403") << 403 << "The server refused the upgrade";
    QTest::newRow("404") << 404 << "path";
    QTest::newRow("426") << 426 << "Sec-WebSocket-Version";
    QTest::newRow("503") << 503 << "unavailable";
    QTest::newRow("418 other client error") << 418 << "client error 418";
    QTest::newRow("599 other server error") << 599 << "server error 599";
    QTest::newRow("999 invalid") << 999 << "not a valid HTTP status";
}

void tst_HandshakeCheck::explainsStatuses()
{
    QFETCH(int, status);
    QFETCH(QString, contains);
    const QString text = upgradeStatusExplanation(status);
    QVERIFY2(text.contains(contains), qPrintable(text));
}

QTEST_GUILESS_MAIN(tst_HandshakeCheck)
#include "tst_handshakecheck.moc"
