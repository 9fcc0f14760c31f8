// Tests for JsonRpcDecoder: the JSON-RPC 2.0 specification's examples (section 7), batches, pairing keys
// that tell a string id from a number id, and invalid messages turned into notes.
#include "decode/jsonrpcdecoder.h"

#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;
} // namespace

class tst_JsonRpcDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesSpecificationExamples_data();
    void decodesSpecificationExamples();
    void pairsRequestWithResultById();
    void decodesBatchAsSeveralMessages();
    void namesInvalidMessages_data();
    void namesInvalidMessages();
};

void tst_JsonRpcDecoder::decodesSpecificationExamples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("summary");
    QTest::newRow("positional params") << QByteArray(
        R"({"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1})")
                                       << "request"
                                       << "request subtract #1 [42,23]";
    QTest::newRow("result") << QByteArray(R"({"jsonrpc": "2.0", "result": 19, "id": 1})") << "result"
                            << "result #1 19";
    QTest::newRow("named params") << QByteArray(
        R"({"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3})")
                                  << "request"
                                  << R"(request subtract #3 {"minuend":42,"subtrahend":23})";
    QTest::newRow("notification") << QByteArray(R"({"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]})")
                                  << "notification"
                                  << "notification update [1,2,3,4,5]";
    QTest::newRow("notification without params")
        << QByteArray(R"({"jsonrpc": "2.0", "method": "foobar"})") << "notification"
        << "notification foobar";
    QTest::newRow("error") << QByteArray(
        R"({"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "1"})")
                           << "error"
                           << R"(error #"1" -32601 Method not found)";
}

void tst_JsonRpcDecoder::decodesSpecificationExamples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, summary);
    JsonRpcDecoder d;
    const QList<DecodedMessage> out = d.decode(bytes, C2S, true);
    QCOMPARE(out.size(), 1);
    QVERIFY2(!out[0].isMalformed(), qPrintable(out[0].note));
    QCOMPARE(out[0].protocol, QStringLiteral("jsonrpc"));
    QCOMPARE(out[0].kind, kind);
    QCOMPARE(out[0].summary, summary);
}

void tst_JsonRpcDecoder::pairsRequestWithResultById()
{
    JsonRpcDecoder d;
    const DecodedMessage request
        = d.decode(R"({"jsonrpc":"2.0","method":"eth_blockNumber","id":7})", C2S, true).first();
    const DecodedMessage reply = d.decode(R"({"jsonrpc":"2.0","result":"0x10","id":7})", S2C, true).first();
    const DecodedMessage stringId = d.decode(R"({"jsonrpc":"2.0","result":"0x10","id":"7"})", S2C, true).first();
    QCOMPARE(request.pairRole, PairRole::Request);
    QCOMPARE(reply.pairRole, PairRole::Reply);
    QCOMPARE(request.pairKey, reply.pairKey);
    QVERIFY(stringId.pairKey != request.pairKey);
    QCOMPARE(request.pairLabel, QStringLiteral("eth_blockNumber"));
    QCOMPARE(request.fields.value("method").toString(), QStringLiteral("eth_blockNumber"));
    // A notification and a reply with id null pair with nothing.
    QCOMPARE(d.decode(R"({"jsonrpc":"2.0","method":"x"})", C2S, true).first().pairRole, PairRole::None);
    QCOMPARE(d.decode(R"({"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null})", S2C, true)
                 .first()
                 .pairRole,
        PairRole::None);
}

void tst_JsonRpcDecoder::decodesBatchAsSeveralMessages()
{
    JsonRpcDecoder d;
    // JSON-RPC 2.0 section 7, "rpc call Batch".
    const QList<DecodedMessage> out = d.decode(R"([
        {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
        {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
        {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
        {"foo": "boo"},
        {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
        {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
    ])",
        C2S, true);
    QCOMPARE(out.size(), 6);
    QCOMPARE(out[0].kind, QStringLiteral("request"));
    QCOMPARE(out[1].kind, QStringLiteral("notification"));
    QCOMPARE(out[3].noteId, QStringLiteral("neither-request-nor-response"));
    QCOMPARE(out[5].fields.value("method").toString(), QStringLiteral("get_data"));
    QVERIFY(out[5].fields.value("batch").toBool());
    QVERIFY(!out[0].isMalformed());
}

void tst_JsonRpcDecoder::namesInvalidMessages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("invalid JSON (spec)") << QByteArray(
        R"({"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz])")
                                         << "bad-json";
    QTest::newRow("empty batch (spec)") << QByteArray("[]") << "empty-batch";
    QTest::newRow("batch of a number (spec)") << QByteArray("[1]") << "not-an-object";
    QTest::newRow("method not a string") << QByteArray(R"({"jsonrpc":"2.0","method":1,"params":"bar"})")
                                         << "method-not-string";
    QTest::newRow("version 1.0") << QByteArray(R"({"jsonrpc":"1.0","method":"a","id":1})") << "not-jsonrpc-2.0";
    QTest::newRow("no version") << QByteArray(R"({"method":"a","id":1})") << "not-jsonrpc-2.0";
    QTest::newRow("result and error") << QByteArray(R"({"jsonrpc":"2.0","result":1,"error":{},"id":1})")
                                      << "result-and-error";
    QTest::newRow("response without id") << QByteArray(R"({"jsonrpc":"2.0","result":1})") << "response-without-id";
    QTest::newRow("unbalanced") << QByteArray(R"({"jsonrpc":"2.0")") << "bad-json";
    QTest::newRow("a string") << QByteArray(R"("hello")") << "not-an-object";
}

void tst_JsonRpcDecoder::namesInvalidMessages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, noteId);
    JsonRpcDecoder d;
    const QList<DecodedMessage> out = d.decode(bytes, C2S, true);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].noteId, noteId);
    QVERIFY(!out[0].note.isEmpty());
}

QTEST_GUILESS_MAIN(tst_JsonRpcDecoder)
#include "tst_jsonrpcdecoder.moc"
