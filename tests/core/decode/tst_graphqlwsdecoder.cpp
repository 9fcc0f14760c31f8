// Tests for GraphqlWsDecoder: graphql-transport-ws (PROTOCOL.md of graphql-ws) and the older
// subscriptions-transport-ws messages, operation names read from the query, pairs, malformed messages.
#include "decode/graphqlwsdecoder.h"

#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;

DecodedMessage one(GraphqlWsDecoder &d, QByteArrayView bytes, DecodeDirection dir)
{
    return d.decode(bytes, dir, true).first();
}
} // namespace

class tst_GraphqlWsDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesBothProtocols_data();
    void decodesBothProtocols();
    void readsOperationName_data();
    void readsOperationName();
    void pairsSubscribeWithServerComplete();
    void namesMalformedMessages_data();
    void namesMalformedMessages();
    void boundsKindOfUnknownType();
};

void tst_GraphqlWsDecoder::decodesBothProtocols_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("summary");
    QTest::newRow("connection_init") << QByteArray(R"({"type":"connection_init","payload":{}})") << "connection_init"
                                     << "connection_init";
    QTest::newRow("connection_ack") << QByteArray(R"({"type":"connection_ack"})") << "connection_ack"
                                    << "connection_ack";
    QTest::newRow("ping") << QByteArray(R"({"type":"ping"})") << "ping"
                          << "ping";
    QTest::newRow("subscribe") << QByteArray(
        R"({"id":"1","type":"subscribe","payload":{"query":"subscription OnGreet { greetings }"}})")
                               << "subscribe"
                               << "subscribe #1 OnGreet";
    QTest::newRow("next") << QByteArray(R"({"id":"1","type":"next","payload":{"data":{"greetings":"Hi"}}})") << "next"
                          << R"(next #1 {"data":{"greetings":"Hi"}})";
    QTest::newRow("error") << QByteArray(R"({"id":"1","type":"error","payload":[{"message":"boom"}]})") << "error"
                           << R"(error #1 [{"message":"boom"}])";
    QTest::newRow("complete") << QByteArray(R"({"id":"1","type":"complete"})") << "complete"
                              << "complete #1";
    // subscriptions-transport-ws
    QTest::newRow("legacy start") << QByteArray(
        R"({"id":"2","type":"start","payload":{"query":"query Feed { feed }","operationName":"Feed"}})")
                                  << "start"
                                  << "start #2 Feed";
    QTest::newRow("legacy data") << QByteArray(R"({"id":"2","type":"data","payload":{"data":{}}})") << "data"
                                 << R"(data #2 {"data":{}})";
    QTest::newRow("legacy keep-alive") << QByteArray(R"({"type":"ka"})") << "ka"
                                       << "ka";
    QTest::newRow("legacy stop") << QByteArray(R"({"id":"2","type":"stop"})") << "stop"
                                 << "stop #2";
}

void tst_GraphqlWsDecoder::decodesBothProtocols()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, summary);
    GraphqlWsDecoder d;
    const DecodedMessage m = one(d, bytes, S2C);
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
    QCOMPARE(m.protocol, QStringLiteral("graphql-ws"));
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.summary, summary);
}

void tst_GraphqlWsDecoder::readsOperationName_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("name");
    QTest::newRow("query") << "query Feed { feed }"
                           << "Feed";
    QTest::newRow("mutation with variables") << "mutation AddTodo($t: String!) { add(t: $t) }"
                                             << "AddTodo";
    QTest::newRow("subscription after newline") << "\n  subscription\n  OnEvent { e }"
                                                << "OnEvent";
    QTest::newRow("anonymous") << "{ feed }"
                               << "";
    QTest::newRow("anonymous query") << "query { feed }"
                                     << "";
    QTest::newRow("a field named query is no keyword") << "{ myquery Foo }"
                                                       << "";
}

void tst_GraphqlWsDecoder::readsOperationName()
{
    QFETCH(QString, query);
    QFETCH(QString, name);
    QCOMPARE(GraphqlWsDecoder::operationName(query), name);
}

void tst_GraphqlWsDecoder::pairsSubscribeWithServerComplete()
{
    GraphqlWsDecoder d;
    const DecodedMessage subscribe = one(d, R"({"id":"a","type":"subscribe","payload":{"query":"{ x }"}})", C2S);
    const DecodedMessage next = one(d, R"({"id":"a","type":"next","payload":{}})", S2C);
    const DecodedMessage complete = one(d, R"({"id":"a","type":"complete"})", S2C);
    QCOMPARE(subscribe.pairRole, PairRole::Request);
    QCOMPARE(subscribe.pairLabel, QStringLiteral("(anonymous)"));
    QCOMPARE(next.pairRole, PairRole::None);
    QCOMPARE(complete.pairRole, PairRole::Reply);
    QCOMPARE(complete.pairKey, subscribe.pairKey);
    // A client's complete cancels; it answers nothing.
    QCOMPARE(one(d, R"({"id":"a","type":"complete"})", C2S).pairRole, PairRole::None);
}

void tst_GraphqlWsDecoder::namesMalformedMessages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("not JSON") << QByteArray("{type:ping}") << "bad-json";
    QTest::newRow("unbalanced") << QByteArray(R"({"type":"ping")") << "bad-json";
    QTest::newRow("no type") << QByteArray(R"({"id":"1"})") << "no-type";
    QTest::newRow("type not a string") << QByteArray(R"({"type":1})") << "no-type";
    QTest::newRow("an array") << QByteArray("[]") << "no-type";
    QTest::newRow("unknown type") << QByteArray(R"({"type":"hello"})") << "unknown-type";
    QTest::newRow("subscribe without id") << QByteArray(R"({"type":"subscribe","payload":{"query":"{x}"}})") << "no-id";
}

void tst_GraphqlWsDecoder::namesMalformedMessages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, noteId);
    GraphqlWsDecoder d;
    const DecodedMessage m = one(d, bytes, C2S);
    QCOMPARE(m.noteId, noteId);
    QVERIFY(!m.note.isEmpty());
}

void tst_GraphqlWsDecoder::boundsKindOfUnknownType()
{
    GraphqlWsDecoder d;
    const QString type(5000, QLatin1Char('t'));
    const DecodedMessage m = one(d, QByteArray(R"({"type":")") + type.toLatin1() + R"("})", S2C);
    QCOMPARE(m.noteId, QStringLiteral("unknown-type"));
    QCOMPARE(m.kind.size(), 41); // 40 characters and an ellipsis
    QCOMPARE(m.fields.value("type").toString(), type);
}

QTEST_GUILESS_MAIN(tst_GraphqlWsDecoder)
#include "tst_graphqlwsdecoder.moc"
