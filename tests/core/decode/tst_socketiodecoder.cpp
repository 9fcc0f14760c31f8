// Tests for SocketIoDecoder: the Engine.IO and Socket.IO protocol repositories' examples, binary
// attachments joined to their placeholders, pairing keys, and malformed packets turned into notes.
#include "decode/socketiodecoder.h"

#include <QJsonArray>
#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;

DecodedMessage one(SocketIoDecoder &d, QByteArrayView bytes, DecodeDirection dir = S2C, bool isText = true)
{
    const QList<DecodedMessage> out = d.decode(bytes, dir, isText);
    if (out.size() != 1)
        qFatal("expected one message, got %d", int(out.size()));
    return out.first();
}
} // namespace

class tst_SocketIoDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesEngineIoPackets_data();
    void decodesEngineIoPackets();
    void decodesProtocolExamples_data();
    void decodesProtocolExamples();
    void summariesShowDataAsCompactJson_data();
    void summariesShowDataAsCompactJson();
    void pairsEventWithItsAck();
    void joinsBinaryAttachmentsToPlaceholders();
    void engineIo3BinaryFramesCarryTypePrefix();
    void namesMalformedPackets_data();
    void namesMalformedPackets();
    void unexpectedAttachmentIsNoted();
};

void tst_SocketIoDecoder::decodesEngineIoPackets_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("summary");
    QTest::newRow("open (engine.io-protocol v4 README)") << QByteArray(
        R"(0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000})")
                                                         << "OPEN"
                                                         << "OPEN sid lv_VI97HAXpY6yYWAAAC";
    QTest::newRow("ping") << QByteArray("2") << "PING"
                          << "PING";
    QTest::newRow("pong") << QByteArray("3") << "PONG"
                          << "PONG";
    QTest::newRow("probe ping") << QByteArray("2probe") << "PING"
                                << "PING probe";
    QTest::newRow("close") << QByteArray("1") << "CLOSE"
                           << "CLOSE";
    QTest::newRow("upgrade") << QByteArray("5") << "UPGRADE"
                             << "UPGRADE";
    QTest::newRow("noop") << QByteArray("6") << "NOOP"
                          << "NOOP";
}

void tst_SocketIoDecoder::decodesEngineIoPackets()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, summary);
    SocketIoDecoder d;
    const DecodedMessage m = one(d, bytes);
    QCOMPARE(m.protocol, QStringLiteral("socketio"));
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.summary, summary);
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
}

void tst_SocketIoDecoder::decodesProtocolExamples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("summary");
    // socket.io-protocol v5 README, "Sample session" and packet examples.
    QTest::newRow("connect main namespace") << QByteArray("40") << "CONNECT"
                                            << "/"
                                            << ""
                                            << ""
                                            << "CONNECT";
    QTest::newRow("connect with auth") << QByteArray(R"(40/admin,{"token":"123"})") << "CONNECT"
                                       << "/admin"
                                       << ""
                                       << ""
                                       << R"(CONNECT /admin {"token":"123"})";
    QTest::newRow("connect reply") << QByteArray(R"(40{"sid":"wZX3oN0bSVIhsaknAAAI"})") << "CONNECT"
                                   << "/"
                                   << ""
                                   << ""
                                   << R"(CONNECT {"sid":"wZX3oN0bSVIhsaknAAAI"})";
    QTest::newRow("event") << QByteArray(R"(42["hello",1])") << "EVENT"
                           << "/"
                           << "hello"
                           << "[1]"
                           << "EVENT hello [1]";
    QTest::newRow("event in namespace with ack id") << QByteArray(R"(42/admin,456["project:delete",123])") << "EVENT"
                                                    << "/admin"
                                                    << "project:delete"
                                                    << "[123]"
                                                    << "EVENT /admin project:delete [123]";
    QTest::newRow("ack") << QByteArray("43/admin,456[]") << "ACK"
                         << "/admin"
                         << ""
                         << "[]"
                         << "ACK /admin #456 []";
    QTest::newRow("connect error") << QByteArray(R"(44{"message":"Not authorized"})") << "CONNECT_ERROR"
                                   << "/"
                                   << ""
                                   << ""
                                   << R"(CONNECT_ERROR {"message":"Not authorized"})";
    QTest::newRow("disconnect namespace") << QByteArray("41/admin,") << "DISCONNECT"
                                          << "/admin"
                                          << ""
                                          << ""
                                          << "DISCONNECT /admin";
    QTest::newRow("issue's chat event") << QByteArray(R"(42["chat",{"t":"hi"}])") << "EVENT"
                                        << "/"
                                        << "chat"
                                        << R"([{"t":"hi"}])"
                                        << R"(EVENT chat [{"t":"hi"}])";
}

void tst_SocketIoDecoder::decodesProtocolExamples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, nsp);
    QFETCH(QString, event);
    QFETCH(QString, args);
    QFETCH(QString, summary);
    SocketIoDecoder d;
    const DecodedMessage m = one(d, bytes);
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.fields.value("namespace").toString(), nsp);
    QCOMPARE(m.fields.value("event").toString(), event);
    if (!args.isEmpty())
        QCOMPARE(
            QString::fromUtf8(QJsonDocument(m.fields.value("args").toArray()).toJson(QJsonDocument::Compact)), args);
    QCOMPARE(m.summary, summary);
    QCOMPARE(m.toJson().value("kind").toString(), kind);
}

void tst_SocketIoDecoder::summariesShowDataAsCompactJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("args");
    // Text already written compactly is shown as it came; anything else as Qt writes it back.
    QTest::newRow("the flood benchmark's event") << QByteArray(R"(42["chat",{"n":123}])") << R"(EVENT chat [{"n":123}])"
                                                 << R"([{"n":123}])";
    QTest::newRow("event without arguments") << QByteArray(R"(42["only"])") << "EVENT only []"
                                             << "[]";
    QTest::newRow("empty event name") << QByteArray(R"(42["",[],{}])") << "EVENT  [[],{}]"
                                      << "[[],{}]";
    QTest::newRow("nested values") << QByteArray(R"(42/chat,["m",{"a":[true,false,null],"b":-7},"x"])")
                                   << R"(EVENT /chat m [{"a":[true,false,null],"b":-7},"x"])"
                                   << R"([{"a":[true,false,null],"b":-7},"x"])";
    QTest::newRow("whitespace") << QByteArray("42[ \"chat\" ,\n{\"n\" : 1} ]") << R"(EVENT chat [{"n":1}])"
                                << R"([{"n":1}])";
    QTest::newRow("keys out of order") << QByteArray(R"(42["chat",{"b":1,"a":2}])") << R"(EVENT chat [{"a":2,"b":1}])"
                                       << R"([{"a":2,"b":1}])";
    QTest::newRow("duplicate keys") << QByteArray(R"(42["chat",{"a":1,"a":2}])") << R"(EVENT chat [{"a":2}])"
                                    << R"([{"a":2}])";
    QTest::newRow("numbers written back otherwise") << QByteArray(R"(42["chat",1.50,1e3,-0,12345678901234567890])")
                                                    << "EVENT chat [1.5,1000,0,12345678901234567000]"
                                                    << "[1.5,1000,0,12345678901234567000]";
    QTest::newRow("escapes") << QByteArray(R"(42["chat","\u0041\/"])") << R"(EVENT chat ["A/"])"
                             << R"(["A/"])";
    QTest::newRow("escaped event name") << QByteArray(R"(42["a\"b",1])") << R"(EVENT a"b [1])"
                                        << "[1]";
    QTest::newRow("non-ASCII") << QByteArray("42[\"chat\",\"\xc3\xa9\"]")
                               << QString::fromUtf8("EVENT chat [\"\xc3\xa9\"]") << QString::fromUtf8("[\"\xc3\xa9\"]");
    QTest::newRow("ack with spaces") << QByteArray("43/admin,7[ 1 ]") << "ACK /admin #7 [1]"
                                     << "[1]";
    QTest::newRow("ack with an object") << QByteArray(R"(43/admin,7{"a":1})") << "ACK /admin #7 []"
                                        << "[]";
    QTest::newRow("connect with spaces") << QByteArray(R"(40{"sid" : "x"})") << R"(CONNECT {"sid":"x"})"
                                         << "";
    QTest::newRow("connect error string") << QByteArray(R"(44"no")") << R"(CONNECT_ERROR "no")"
                                          << "";
}

void tst_SocketIoDecoder::summariesShowDataAsCompactJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, summary);
    QFETCH(QString, args);
    SocketIoDecoder d;
    const DecodedMessage m = one(d, bytes);
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
    QCOMPARE(m.summary, summary);
    if (!args.isEmpty())
        QCOMPARE(
            QString::fromUtf8(QJsonDocument(m.fields.value("args").toArray()).toJson(QJsonDocument::Compact)), args);
}

void tst_SocketIoDecoder::pairsEventWithItsAck()
{
    SocketIoDecoder d;
    const DecodedMessage request = one(d, R"(42/admin,456["project:delete",123])", C2S);
    const DecodedMessage reply = one(d, "43/admin,456[]", S2C);
    QCOMPARE(request.pairRole, PairRole::Request);
    QCOMPARE(reply.pairRole, PairRole::Reply);
    QCOMPARE(request.pairKey, QStringLiteral("socketio:/admin:456"));
    QCOMPARE(reply.pairKey, request.pairKey);
    QCOMPARE(request.pairLabel, QStringLiteral("project:delete"));
    QCOMPARE(request.fields.value("ack_id").toInt(), 456);
    // Without an ack id an event expects no reply.
    QCOMPARE(one(d, R"(42["hello",1])", C2S).pairRole, PairRole::None);
    // Engine.IO heartbeats pair too.
    QCOMPARE(one(d, "2", S2C).pairKey, QStringLiteral("engineio:ping"));
    QCOMPARE(one(d, "3", C2S).pairRole, PairRole::Reply);
}

void tst_SocketIoDecoder::joinsBinaryAttachmentsToPlaceholders()
{
    SocketIoDecoder d;
    // socket.io-protocol v5: emit("hello", Buffer.from([1, 2, 3])) is a text frame then a binary frame.
    const DecodedMessage head
        = one(d, R"(452-["hello",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])", C2S);
    QCOMPARE(head.kind, QStringLiteral("BINARY_EVENT"));
    QCOMPARE(head.fields.value("attachments").toInt(), 2);
    QCOMPARE(head.fields.value("event").toString(), QStringLiteral("hello"));

    // The server's frames do not disturb the client's pending attachments.
    QCOMPARE(one(d, "2", S2C).kind, QStringLiteral("PING"));

    const DecodedMessage first = one(d, QByteArray::fromHex("010203"), C2S, false);
    QCOMPARE(first.kind, QStringLiteral("ATTACHMENT"));
    QCOMPARE(first.summary, QStringLiteral("ATTACHMENT 1/2 (3 bytes)"));
    QVERIFY(!first.isMalformed());

    const DecodedMessage joined = one(d, QByteArray::fromHex("ff00"), C2S, false);
    QCOMPARE(joined.kind, QStringLiteral("BINARY_EVENT"));
    QVERIFY2(!joined.isMalformed(), qPrintable(joined.note));
    const QJsonArray args = joined.fields.value("args").toArray();
    QCOMPARE(args.size(), 2);
    QCOMPARE(args.at(0).toObject().value("binary").toObject().value("base64").toString(), QStringLiteral("AQID"));
    QCOMPARE(args.at(1).toObject().value("binary").toObject().value("base64").toString(), QStringLiteral("/wA="));
    QCOMPARE(args.at(1).toObject().value("num").toInt(), 1);
    QVERIFY(joined.summary.endsWith(QStringLiteral("(2 attachment(s) joined)")));

    // Once joined, a further binary frame awaits nothing.
    QCOMPARE(one(d, QByteArray::fromHex("01"), C2S, false).noteId, QStringLiteral("unexpected-attachment"));
}

void tst_SocketIoDecoder::engineIo3BinaryFramesCarryTypePrefix()
{
    SocketIoDecoder d(3);
    QCOMPARE(d.engineIoVersion(), 3);
    QCOMPARE(one(d, R"(451-["file",{"_placeholder":true,"num":0}])").kind, QStringLiteral("BINARY_EVENT"));
    const DecodedMessage joined = one(d, QByteArray::fromHex("04cafe"), S2C, false);
    QVERIFY2(!joined.isMalformed(), qPrintable(joined.note));
    QCOMPARE(
        joined.fields.value("args").toArray().at(0).toObject().value("binary").toObject().value("size").toInt(), 2);
    QCOMPARE(one(d, QByteArray::fromHex("05cafe"), S2C, false).noteId, QStringLiteral("bad-binary-prefix"));
    // Socket.IO v2 called type 4 ERROR.
    QCOMPARE(one(d, R"(44"Not authorized")").kind, QStringLiteral("ERROR"));
}

void tst_SocketIoDecoder::namesMalformedPackets_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("empty frame") << QByteArray() << "unknown-engineio-type";
    QTest::newRow("engine.io type 9") << QByteArray("9") << "unknown-engineio-type";
    QTest::newRow("message without socket.io type") << QByteArray("4") << "unknown-socketio-type";
    QTest::newRow("socket.io type 8") << QByteArray("48") << "unknown-socketio-type";
    QTest::newRow("unbalanced JSON") << QByteArray(R"(42["chat",{"t":"hi"])") << "bad-json";
    QTest::newRow("trailing garbage") << QByteArray(R"(42["a"]])") << "bad-json";
    QTest::newRow("event without name") << QByteArray("42[]") << "no-event-name";
    QTest::newRow("event name not a string") << QByteArray("42[1]") << "no-event-name";
    QTest::newRow("binary without dash") << QByteArray(R"(451["a"])") << "bad-attachment-count";
    QTest::newRow("binary count without digits") << QByteArray(R"(45-["a"])") << "bad-attachment-count";
    QTest::newRow("too many attachments") << QByteArray(R"(4565-["a"])") << "too-many-attachments";
    QTest::newRow("huge ack id") << QByteArray(R"(421234567890123456789["a"])") << "ack-id-too-long";
    QTest::newRow("ack without id") << QByteArray("43[]") << "ack-without-id";
    QTest::newRow("ack without id, long args") << QByteArray("43[\"") + QByteArray(1000, 'a') + "\"]"
                                               << "ack-without-id";
    QTest::newRow("open not JSON") << QByteArray("0{sid") << "bad-open-packet";
}

void tst_SocketIoDecoder::namesMalformedPackets()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, noteId);
    SocketIoDecoder d;
    const DecodedMessage m = one(d, bytes);
    QCOMPARE(m.noteId, noteId);
    QVERIFY(!m.note.isEmpty());
    QCOMPARE(m.toJson().value("note_id").toString(), noteId);
    QVERIFY(m.summary.size() <= 121);
}

void tst_SocketIoDecoder::unexpectedAttachmentIsNoted()
{
    SocketIoDecoder d;
    QCOMPARE(one(d, "x", C2S, false).noteId, QStringLiteral("unexpected-attachment"));
    // A new binary packet before the previous one's attachments arrived: named, and the new one waits.
    one(d, R"(451-["a",{"_placeholder":true,"num":0}])", C2S);
    QCOMPARE(one(d, R"(451-["b",{"_placeholder":true,"num":0}])", C2S).noteId, QStringLiteral("attachments-missing"));
    const DecodedMessage joined = one(d, "z", C2S, false);
    QCOMPARE(joined.fields.value("event").toString(), QStringLiteral("b"));
}

QTEST_GUILESS_MAIN(tst_SocketIoDecoder)
#include "tst_socketiodecoder.moc"
