// Tests for SignalRDecoder: the JSON hub protocol's examples from HubProtocol.md, record separators
// splitting a frame, the handshake per direction, pairs, and malformed records.
#include "decode/signalrdecoder.h"

#include <QJsonArray>
#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;

QByteArray rec(const char *json)
{
    return QByteArray(json) + '\x1e';
}

// A decoder that has seen both handshakes.
void handshake(SignalRDecoder &d)
{
    d.decode(rec(R"({"protocol":"json","version":1})"), C2S, true);
    d.decode(rec("{}"), S2C, true);
}
} // namespace

class tst_SignalRDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesHandshake();
    void decodesHubMessages_data();
    void decodesHubMessages();
    void splitsFrameAtRecordSeparators();
    void pairsInvocationWithCompletion();
    void namesMalformedRecords_data();
    void namesMalformedRecords();
};

void tst_SignalRDecoder::decodesHandshake()
{
    SignalRDecoder d;
    const QList<DecodedMessage> request = d.decode(rec(R"({"protocol": "json","version": 1})"), C2S, true);
    QCOMPARE(request.size(), 1);
    QCOMPARE(request[0].kind, QStringLiteral("handshake"));
    QCOMPARE(request[0].summary, QStringLiteral("handshake json v1"));
    QCOMPARE(request[0].pairRole, PairRole::Request);
    const DecodedMessage response = d.decode(rec("{}"), S2C, true).first();
    QCOMPARE(response.kind, QStringLiteral("handshake-response"));
    QCOMPARE(response.summary, QStringLiteral("handshake accepted"));
    QCOMPARE(response.pairKey, request[0].pairKey);

    SignalRDecoder refused;
    refused.decode(rec(R"({"protocol":"json","version":1})"), C2S, true);
    QCOMPARE(refused.decode(rec(R"({"error":"Requested protocol 'messagepack' is not available."})"), S2C, true)
                 .first()
                 .summary,
        QStringLiteral("handshake error: Requested protocol 'messagepack' is not available."));
}

void tst_SignalRDecoder::decodesHubMessages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("summary");
    // HubProtocol.md, "JSON Encoding" examples.
    QTest::newRow("invocation") << rec(
        R"({"type": 1, "invocationId": "123", "target": "Send", "arguments": [42, "Test Message"]})")
                                << "invocation"
                                << R"(invocation Send #123 [42,"Test Message"])";
    QTest::newRow("non-blocking invocation")
        << rec(R"({"type": 1, "target": "Send", "arguments": [42, "Test Message"]})") << "invocation"
        << R"(invocation Send [42,"Test Message"])";
    QTest::newRow("stream invocation") << rec(
        R"({"type": 4, "invocationId": "123", "target": "Send", "arguments": [42]})")
                                       << "stream-invocation"
                                       << "stream-invocation Send #123 [42]";
    QTest::newRow("stream item") << rec(R"({"type": 2, "invocationId": "123", "item": 42})") << "stream-item"
                                 << "stream-item #123 42";
    QTest::newRow("completion with result")
        << rec(R"({"type": 3, "invocationId": "123", "result": 42})") << "completion"
        << "completion #123 42";
    QTest::newRow("completion with error")
        << rec(R"({"type": 3, "invocationId": "123", "error": "It didn't work!"})") << "completion"
        << "completion #123 error: It didn't work!";
    QTest::newRow("cancel") << rec(R"({"type": 5, "invocationId": "123"})") << "cancel-invocation"
                            << "cancel-invocation #123";
    QTest::newRow("ping") << rec(R"({"type": 6})") << "ping"
                          << "ping";
    QTest::newRow("close with error") << rec(R"({"type": 7, "error": "Connection closed because of an error!"})")
                                      << "close"
                                      << "close: Connection closed because of an error!";
}

void tst_SignalRDecoder::decodesHubMessages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, summary);
    SignalRDecoder d;
    handshake(d);
    const QList<DecodedMessage> out = d.decode(bytes, S2C, true);
    QCOMPARE(out.size(), 1);
    QVERIFY2(!out[0].isMalformed(), qPrintable(out[0].note));
    QCOMPARE(out[0].protocol, QStringLiteral("signalr"));
    QCOMPARE(out[0].kind, kind);
    QCOMPARE(out[0].summary, summary);
}

void tst_SignalRDecoder::splitsFrameAtRecordSeparators()
{
    SignalRDecoder d;
    // The client's handshake and its first invocation in one frame; the server's answer and a ping in another.
    const QList<DecodedMessage> client = d.decode(
        rec(R"({"protocol":"json","version":1})") + rec(R"({"type":1,"target":"Join","arguments":[]})"), C2S, true);
    QCOMPARE(client.size(), 2);
    QCOMPARE(client[0].kind, QStringLiteral("handshake"));
    QCOMPARE(client[1].kind, QStringLiteral("invocation"));
    const QList<DecodedMessage> server = d.decode(rec("{}") + rec(R"({"type":6})") + rec(R"({"type":6})"), S2C, true);
    QCOMPARE(server.size(), 3);
    QCOMPARE(server[0].kind, QStringLiteral("handshake-response"));
    QCOMPARE(server[2].kind, QStringLiteral("ping"));
}

void tst_SignalRDecoder::pairsInvocationWithCompletion()
{
    SignalRDecoder d;
    handshake(d);
    const DecodedMessage call
        = d.decode(rec(R"({"type":1,"invocationId":"7","target":"Add","arguments":[1,2]})"), C2S, true).first();
    const DecodedMessage done = d.decode(rec(R"({"type":3,"invocationId":"7","result":3})"), S2C, true).first();
    QCOMPARE(call.pairRole, PairRole::Request);
    QCOMPARE(done.pairRole, PairRole::Reply);
    QCOMPARE(call.pairKey, QStringLiteral("signalr:7"));
    QCOMPARE(done.pairKey, call.pairKey);
    QCOMPARE(call.pairLabel, QStringLiteral("Add"));
    QCOMPARE(d.decode(rec(R"({"type":1,"target":"Fire","arguments":[]})"), C2S, true).first().pairRole, PairRole::None);
}

void tst_SignalRDecoder::namesMalformedRecords_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("missing separator") << QByteArray(R"({"type":6})") << "missing-record-separator";
    QTest::newRow("unbalanced JSON") << rec(R"({"type":6)") << "bad-json";
    QTest::newRow("not an object") << rec("[6]") << "bad-json";
    QTest::newRow("unknown type") << rec(R"({"type":42})") << "unknown-type";
    QTest::newRow("no type") << rec(R"({"target":"x"})") << "unknown-type";
    QTest::newRow("invocation without target") << rec(R"({"type":1,"arguments":[]})") << "no-target";
}

void tst_SignalRDecoder::namesMalformedRecords()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, noteId);
    SignalRDecoder d;
    handshake(d);
    const QList<DecodedMessage> out = d.decode(bytes, C2S, true);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].noteId, noteId);
    QVERIFY(!out[0].note.isEmpty());
    QCOMPARE(d.decode("{}", C2S, false).first().noteId, QStringLiteral("binary-frame"));
}

QTEST_GUILESS_MAIN(tst_SignalRDecoder)
#include "tst_signalrdecoder.moc"
