#include "protocol/framedecoder.h"
#include "protocol/handshakeparser.h"

#include <QtTest>

using namespace wsi;

namespace {

// RFC 6455 section 1.2 / 4.1 example request.
const QByteArray kRfcRequest = "GET /chat HTTP/1.1\r\n"
                               "Host: server.example.com\r\n"
                               "Upgrade: websocket\r\n"
                               "Connection: Upgrade\r\n"
                               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                               "Origin: http://example.com\r\n"
                               "Sec-WebSocket-Protocol: chat, superchat\r\n"
                               "Sec-WebSocket-Version: 13\r\n"
                               "\r\n";

const QByteArray kRfcResponse = "HTTP/1.1 101 Switching Protocols\r\n"
                                "Upgrade: websocket\r\n"
                                "Connection: Upgrade\r\n"
                                "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                                "Sec-WebSocket-Protocol: chat\r\n"
                                "\r\n";

struct Outcome
{
    HandshakeParser::State state;
    qsizetype consumed = 0;
    QByteArray raw;
    QByteArray body;
    QString error;
};

// Feeds the bytes in pieces of the given size (0 = all at once), stopping where a real caller
// would: when the parser no longer consumes what it is given.
Outcome parse(HandshakeParser::Kind kind, const QByteArray &bytes, bool finish, int piece = 0, int maxHead = 64 * 1024)
{
    HandshakeParser parser(kind, maxHead);
    qsizetype consumed = 0;
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(bytes.size(), 1);
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        const QByteArrayView chunk = QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at));
        const qsizetype used = parser.feed(chunk);
        consumed += used;
        if (used < chunk.size())
            break;
    }
    if (finish)
        parser.finish();
    return Outcome { parser.state(), consumed, parser.head().raw, parser.body(), parser.error() };
}

} // namespace

class tst_HandshakeParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRfcRequest();
    void parses101AndLeavesFramesToTheDecoder();
    void keepsHeaderOrderCaseAndRepeats();
    void readsResponseBodies_data();
    void readsResponseBodies();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void truncatesBodyAtLimit();
    void acceptsStatusLineWithoutReason();
    void trimsOptionalWhitespaceOnly_data();
    void trimsOptionalWhitespaceOnly();
};

void tst_HandshakeParser::parsesRfcRequest()
{
    HandshakeParser parser(HandshakeParser::Kind::Request);
    QCOMPARE(parser.feed(kRfcRequest), kRfcRequest.size());
    QCOMPARE(parser.state(), HandshakeParser::State::Done);
    QVERIFY(parser.headComplete());
    const HttpHead &head = parser.head();
    QVERIFY(head.isRequest);
    QCOMPARE(head.method, QByteArray("GET"));
    QCOMPARE(head.target, QByteArray("/chat"));
    QCOMPARE(head.version, QByteArray("HTTP/1.1"));
    QCOMPARE(head.raw, kRfcRequest);
    QCOMPARE(head.headers.size(), 7);
    QCOMPARE(head.headers.at(0).name, QByteArray("Host"));
    QCOMPARE(head.headers.at(6).name, QByteArray("Sec-WebSocket-Version"));
    QCOMPARE(head.value("sec-websocket-key"), QByteArray("dGhlIHNhbXBsZSBub25jZQ=="));
    QCOMPARE(head.value("SEC-WEBSOCKET-PROTOCOL"), QByteArray("chat, superchat"));
    QVERIFY(head.has("origin"));
    QVERIFY(!head.has("Cookie"));
    QCOMPARE(head.value("Cookie"), QByteArray());
    QVERIFY(parser.error().isEmpty());
    // Nothing more belongs to HTTP.
    QCOMPARE(parser.feed("\x81\x05Hello"), 0);
}

void tst_HandshakeParser::parses101AndLeavesFramesToTheDecoder()
{
    const QByteArray frames = QByteArray::fromHex("810548656c6c6f"
                                                  "8800");
    const QByteArray wire = kRfcResponse + frames;
    for (int piece : { 0, 1, 2, 7, 64 }) {
        HandshakeParser parser(HandshakeParser::Kind::Response);
        qsizetype at = 0;
        const qsizetype step = piece > 0 ? piece : wire.size();
        while (at < wire.size() && parser.state() == HandshakeParser::State::ReadingHead) {
            const QByteArrayView chunk = QByteArrayView(wire).sliced(at, qMin(step, wire.size() - at));
            at += parser.feed(chunk);
        }
        QCOMPARE(parser.state(), HandshakeParser::State::Done);
        QCOMPARE(at, kRfcResponse.size());
        QCOMPARE(parser.head().status, 101);
        QCOMPARE(parser.head().reason, QByteArray("Switching Protocols"));
        QCOMPARE(parser.head().raw, kRfcResponse);
        QVERIFY(parser.body().isEmpty());

        struct Sink : FrameSink
        {
            QList<QByteArray> messages;
            int closeCode = 0;
            void onFrame(const FrameHeader &, QByteArrayView, QByteArrayView) override { }
            void onMessage(bool, QByteArrayView payload, int) override { messages << payload.toByteArray(); }
            void onPing(QByteArrayView) override { }
            void onPong(QByteArrayView) override { }
            void onClose(int code, QByteArrayView) override { closeCode = code; }
            void onViolation(const ProtocolViolation &) override { QFAIL("unexpected violation"); }
        } sink;
        FrameDecoder decoder(FrameDecoder::Role::ServerToClient);
        decoder.feed(QByteArrayView(wire).sliced(at), sink);
        QCOMPARE(sink.messages, QList<QByteArray>({ "Hello" }));
        QCOMPARE(sink.closeCode, -1);
    }
}

void tst_HandshakeParser::keepsHeaderOrderCaseAndRepeats()
{
    const QByteArray wire = "HTTP/1.1 101 Switching Protocols\r\n"
                            "set-cookie: a=1\r\n"
                            "UPGRADE: websocket\r\n"
                            "Set-Cookie: b=2\r\n"
                            "X-Spaced:   value with  inner  spaces \t \r\n"
                            "X-Empty:\r\n"
                            "Connection: keep-alive\r\n"
                            "Connection: Upgrade\r\n"
                            "\r\n";
    HandshakeParser parser(HandshakeParser::Kind::Response);
    QCOMPARE(parser.feed(wire), wire.size());
    const HttpHead &head = parser.head();
    QCOMPARE(head.raw, wire);
    QStringList names;
    for (const HttpHeader &h : head.headers)
        names << QString::fromLatin1(h.name);
    QCOMPARE(names,
        QStringList({ "set-cookie", "UPGRADE", "Set-Cookie", "X-Spaced", "X-Empty", "Connection", "Connection" }));
    QCOMPARE(head.values("SET-COOKIE"), QList<QByteArray>({ "a=1", "b=2" }));
    QCOMPARE(head.value("set-cookie"), QByteArray("a=1"));
    QCOMPARE(head.value("x-spaced"), QByteArray("value with  inner  spaces"));
    QVERIFY(head.has("X-Empty"));
    QCOMPARE(head.value("X-Empty"), QByteArray());
    QCOMPARE(head.values("Connection"), QList<QByteArray>({ "keep-alive", "Upgrade" }));
}

void tst_HandshakeParser::readsResponseBodies_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("finish");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("consumed");

    const QByteArray forbidden
        = "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nOrigin denied";
    QTest::newRow("403 with Content-Length body")
        << forbidden << false << 403 << QByteArray("Origin denied") << int(forbidden.size());
    QTest::newRow("403 with bytes after the body left unconsumed")
        << forbidden + "HTTP/1.1 200" << false << 403 << QByteArray("Origin denied") << int(forbidden.size());

    const QByteArray chunked = "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "7\r\nMissing\r\n"
                               "1;note=\"ext\"\r\n \r\n"
                               "A\r\nSec-WebSoc\r\n"
                               "0\r\nX-Trailer: yes\r\n\r\n";
    QTest::newRow("chunked body decoded with extension and trailer")
        << chunked << false << 400 << QByteArray("Missing Sec-WebSoc") << int(chunked.size());
    QTest::newRow("chunked in upper case, bytes after left unconsumed")
        << QByteArray("HTTP/1.1 500 Oops\r\nTransfer-Encoding: CHUNKED\r\n\r\n3\r\nabc\r\n0\r\n\r\n") + "extra" << false
        << 500 << QByteArray("abc") << 62;

    const QByteArray untilClose = "HTTP/1.0 404 Not Found\r\nServer: test\r\n\r\n<html>gone</html>";
    QTest::newRow("body until close") << untilClose << true << 404 << QByteArray("<html>gone</html>")
                                      << int(untilClose.size());
    QTest::newRow("empty body until close")
        << QByteArray("HTTP/1.1 502 Bad Gateway\r\n\r\n") << true << 502 << QByteArray() << 28;
    QTest::newRow("Content-Length 0") << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\nX") << false
                                      << 401 << QByteArray() << 48;
    QTest::newRow("repeated identical Content-Length")
        << QByteArray("HTTP/1.1 403 No\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nab") << false << 403
        << QByteArray("ab") << 59;
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\nrest") << false << 204
                                     << QByteArray() << 27;
    QTest::newRow("304 has no body even with Content-Length")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n") << false << 304 << QByteArray() << 49;
}

void tst_HandshakeParser::readsResponseBodies()
{
    QFETCH(QByteArray, wire);
    QFETCH(bool, finish);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, consumed);

    // The same outcome whatever the pieces the bytes arrive in.
    for (int piece : { 0, 1, 2, 3, 5, 16 }) {
        HandshakeParser parser(HandshakeParser::Kind::Response);
        qsizetype used = 0;
        const qsizetype step = piece > 0 ? piece : wire.size();
        for (qsizetype at = 0; at < wire.size(); at += step) {
            const QByteArrayView chunk = QByteArrayView(wire).sliced(at, qMin(step, wire.size() - at));
            const qsizetype n = parser.feed(chunk);
            used += n;
            if (n < chunk.size())
                break;
        }
        if (finish) {
            QCOMPARE(parser.state(), HandshakeParser::State::ReadingBody);
            parser.finish();
        }
        QCOMPARE(parser.state(), HandshakeParser::State::Done);
        QCOMPARE(parser.head().status, status);
        QCOMPARE(parser.body(), body);
        QVERIFY(!parser.bodyTruncated());
        QCOMPARE(used, qsizetype(consumed));
        QVERIFY2(parser.error().isEmpty(), qPrintable(parser.error()));
    }
}

void tst_HandshakeParser::rejectsMalformedInput_data()
{
    QTest::addColumn<bool>("isRequest");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<bool>("finish");
    QTest::addColumn<bool>("headComplete");
    QTest::addColumn<QString>("error");

    QTest::newRow("LF-only line endings")
        << true << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << false << false
        << "Line 1 of the HTTP head ends with a bare LF: HTTP/1.1 requires every line to end with CRLF (\\r\\n).";
    QTest::newRow("one bare LF among CRLFs")
        << true << QByteArray("GET / HTTP/1.1\r\nHost: a\nUpgrade: websocket\r\n\r\n") << false << false
        << "Line 2 of the HTTP head ends with a bare LF: HTTP/1.1 requires every line to end with CRLF (\\r\\n).";
    QTest::newRow("header without colon")
        << false << QByteArray("HTTP/1.1 101 OK\r\nUpgrade websocket\r\n\r\n") << false << false
        << "Line 2 of the HTTP head, \"Upgrade websocket\", is not a \"Name: value\" header.";
    QTest::newRow("space before colon")
        << false << QByteArray("HTTP/1.1 101 OK\r\nUpgrade : websocket\r\n\r\n") << false << false
        << "Header \"Upgrade\" on line 2 has whitespace before the colon, which HTTP/1.1 forbids.";
    QTest::newRow("obsolete line folding")
        << false << QByteArray("HTTP/1.1 101 OK\r\nX-A: one\r\n two\r\n\r\n") << false << false
        << "Line 3 of the HTTP head starts with whitespace (obsolete line folding), which is not supported.";
    QTest::newRow("status line without version")
        << false << QByteArray("ICY 200 OK\r\n\r\n") << false << false
        << "The status line \"ICY 200 OK\" does not start with an HTTP version such as HTTP/1.1.";
    QTest::newRow("status code not three digits")
        << false << QByteArray("HTTP/1.1 1O1 Switching\r\n\r\n") << false << false
        << "The status line \"HTTP/1.1 1O1 Switching\" has no three-digit status code.";
    QTest::newRow("request line with two parts") << true << QByteArray("GET /chat\r\nHost: a\r\n\r\n") << false << false
                                                 << "The request line \"GET /chat\" is not \"METHOD target HTTP/1.1\".";
    QTest::newRow("empty first line") << true << QByteArray("\r\nGET / HTTP/1.1\r\n\r\n") << false << false
                                      << "The HTTP head starts with an empty line instead of a request line.";
    QTest::newRow("invalid header name") << true << QByteArray("GET / HTTP/1.1\r\nBad\"Name: x\r\n\r\n") << false
                                         << false
                                         << "Line 2 of the HTTP head has an invalid header name \"Bad\"Name\".";
    QTest::newRow("head larger than the limit")
        << true << QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(300, 'a') << false << false
        << "The HTTP head is larger than the limit of 256 bytes (no empty line ends it).";
    QTest::newRow("conflicting Content-Length")
        << false << QByteArray("HTTP/1.1 403 No\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab") << false << true
        << "The response has conflicting Content-Length values (2 and 3).";
    QTest::newRow("Content-Length not a number") << false << QByteArray("HTTP/1.1 403 No\r\nContent-Length: -5\r\n\r\n")
                                                 << false << true << "Content-Length \"-5\" is not a number.";
    QTest::newRow("bad chunk size") << false
                                    << QByteArray("HTTP/1.1 400 No\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << false << true << "The chunked body has an invalid chunk size line \"zz\".";
    QTest::newRow("chunk longer than its size")
        << false << QByteArray("HTTP/1.1 400 No\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") << false << true
        << "A chunk of the chunked body is longer than its size line says.";
    QTest::newRow("closed before anything arrived")
        << false << QByteArray() << true << false << "The connection closed before any HTTP data arrived.";
    QTest::newRow("closed in the middle of the head")
        << false << QByteArray("HTTP/1.1 101 Switching") << true << false
        << "The connection closed in the middle of the HTTP head (22 bytes received, no empty line yet).";
    QTest::newRow("closed before Content-Length body ended")
        << false << QByteArray("HTTP/1.1 403 No\r\nContent-Length: 10\r\n\r\nabc") << true << true
        << "The connection closed after 3 of the 10 body bytes announced by Content-Length.";
    QTest::newRow("closed in the middle of a chunk")
        << false << QByteArray("HTTP/1.1 400 No\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab") << true << true
        << "The connection closed in the middle of the chunked body (2 bytes decoded).";
}

void tst_HandshakeParser::rejectsMalformedInput()
{
    QFETCH(bool, isRequest);
    QFETCH(QByteArray, wire);
    QFETCH(bool, finish);
    QFETCH(bool, headComplete);
    QFETCH(QString, error);
    const auto kind = isRequest ? HandshakeParser::Kind::Request : HandshakeParser::Kind::Response;
    for (int piece : { 0, 1, 4 }) {
        HandshakeParser parser(kind, 256);
        const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(wire.size(), 1);
        for (qsizetype at = 0; at < wire.size(); at += step)
            parser.feed(QByteArrayView(wire).sliced(at, qMin(step, wire.size() - at)));
        if (finish)
            parser.finish();
        QCOMPARE(parser.state(), HandshakeParser::State::Failed);
        QCOMPARE(parser.error(), error);
        QCOMPARE(parser.headComplete(), headComplete);
        // A failed parser takes nothing more.
        QCOMPARE(parser.feed("HTTP/1.1 101 OK\r\n\r\n"), 0);
        QCOMPARE(parser.state(), HandshakeParser::State::Failed);
    }
}

void tst_HandshakeParser::truncatesBodyAtLimit()
{
    const QByteArray wire = "HTTP/1.1 500 Error\r\nContent-Length: 100\r\n\r\n" + QByteArray(100, 'e');
    HandshakeParser parser(HandshakeParser::Kind::Response, 1024, 10);
    QCOMPARE(parser.feed(wire), wire.size());
    QCOMPARE(parser.state(), HandshakeParser::State::Done);
    QCOMPARE(parser.body(), QByteArray(10, 'e'));
    QVERIFY(parser.bodyTruncated());
}

void tst_HandshakeParser::acceptsStatusLineWithoutReason()
{
    const Outcome bare = parse(HandshakeParser::Kind::Response, "HTTP/1.1 101\r\nUpgrade: websocket\r\n\r\n", false);
    QCOMPARE(bare.state, HandshakeParser::State::Done);
    QCOMPARE(bare.consumed, 36);
    const Outcome empty = parse(HandshakeParser::Kind::Response, "HTTP/1.1 101 \r\n\r\n", false, 1);
    QCOMPARE(empty.state, HandshakeParser::State::Done);
    QCOMPARE(empty.raw, QByteArray("HTTP/1.1 101 \r\n\r\n"));
}

void tst_HandshakeParser::trimsOptionalWhitespaceOnly_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("trimmed");
    QTest::newRow("spaces and tabs around") << QByteArray(" \t websocket\t ") << QByteArray("websocket");
    QTest::newRow("inner whitespace kept") << QByteArray("  Upgrade, keep-alive ") << QByteArray("Upgrade, keep-alive");
    QTest::newRow("nothing to trim") << QByteArray("13") << QByteArray("13");
    QTest::newRow("only whitespace") << QByteArray(" \t ") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("CR and NUL are not OWS") << QByteArray("\rx\0 ", 4) << QByteArray("\rx\0", 3);
}

void tst_HandshakeParser::trimsOptionalWhitespaceOnly()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, trimmed);
    QCOMPARE(trimmedOws(value).toByteArray(), trimmed);
}

QTEST_GUILESS_MAIN(tst_HandshakeParser)
#include "tst_handshakeparser.moc"
