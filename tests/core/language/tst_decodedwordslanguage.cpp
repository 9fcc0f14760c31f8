// The last English fragments in decoded summaries (issue 15): GraphQL's "(anonymous)" label, MQTT's "code",
// SignalR's "error:", a malformed message's "malformed (note-id)" and STOMP's body size show in the window's
// language, while the CLI's and the files' `summary` stays English; a row joined from several messages is
// translated in every part; and every decoded row keeps its words, however many distinct notes a log holds.

#include "connection/connection.h"
#include "decode/graphqlwsdecoder.h"
#include "decode/jsonrpcdecoder.h"
#include "decode/mqttdecoder.h"
#include "decode/signalrdecoder.h"
#include "decode/stompdecoder.h"
#include "languageswitch.h"
#include "models/latencystatsmodel.h"
#include "models/protocollog.h"

#include <QtTest>

using namespace wsi;

namespace {

void addMessage(Connection &c, Direction dir, const QByteArray &payload, bool text)
{
    EventRecord r;
    r.type = EventType::Message;
    r.dir = dir;
    r.sub = text ? 1 : 2;
    r.flags = text ? FlagText : 0;
    r.value = quint64(payload.size());
    c.appendEvent(r, payload);
}

// A connection decoded as `protocol`, opened.
std::unique_ptr<Connection> decodedConnection(const QString &protocol)
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/feed"));
    options.protocol = protocol;
    auto c = std::make_unique<Connection>(options);
    EventRecord open;
    open.type = EventType::Open;
    c->appendEvent(open, {});
    return c;
}

} // namespace

class TestDecodedWordsLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { useEnglish(); }
    void cleanupTestCase() { useEnglish(); }

    void shortFragmentsFollowTheLanguage();
    void anAnonymousOperationsLabelFollowsTheLanguage();
    void aJoinedSummaryIsTranslatedInEveryPart();
    void everyRowKeepsItsWordsPastTheOldCap();
};

void TestDecodedWordsLanguage::shortFragmentsFollowTheLanguage()
{
    MqttDecoder mqtt;
    SignalRDecoder hub;
    hub.decode(signalRRecord(R"({"protocol":"json","version":1})"), DecodeDirection::ClientToServer, true);
    hub.decode(signalRRecord("{}"), DecodeDirection::ServerToClient, true);
    JsonRpcDecoder jsonRpc;
    StompDecoder stomp;
    const QList<SummaryCase> cases = {
        { only(mqtt.decode(QByteArrayView("\x20\x02\x00\x05", 4), DecodeDirection::ServerToClient, false)),
            QStringLiteral("CONNACK code 5"), QStringLiteral("CONNACK 코드 5") },
        { only(hub.decode(
              signalRRecord(R"({"type":3,"invocationId":"7","error":"boom"})"), DecodeDirection::ServerToClient, true)),
            QStringLiteral("completion #7 error: boom"), QStringLiteral("completion #7 오류: boom") },
        { only(jsonRpc.decode("{nope", DecodeDirection::ClientToServer, true)), QStringLiteral("malformed (bad-json)"),
            QStringLiteral("형식 오류 (bad-json)") },
        { only(stomp.decode(
              QByteArrayView("MESSAGE\ndestination:/topic/a\n\nhello\0", 36), DecodeDirection::ServerToClient, true)),
            QStringLiteral("MESSAGE /topic/a (5 bytes) hello"), QStringLiteral("MESSAGE /topic/a (5바이트) hello") },
    };
    verifySummariesInBothLanguages(cases);
    if (QTest::currentTestFailed())
        return;
    // A kind that is the protocol's own word (a JSON-RPC batch) stays as written, like the note id.
    JsonRpcDecoder batch;
    QCOMPARE(only(batch.decode("[]", DecodeDirection::ClientToServer, true)).translatedSummary(),
        QStringLiteral("batch (empty-batch)"));
    useEnglish();
    QCOMPARE(cases.at(1).message.translatedSummary(), cases.at(1).english);
}

void TestDecodedWordsLanguage::anAnonymousOperationsLabelFollowsTheLanguage()
{
    GraphqlWsDecoder graphql;
    const DecodedMessage subscribe = only(graphql.decode(
        R"({"type":"subscribe","id":"1","payload":{"query":"{ feed }"}})", DecodeDirection::ClientToServer, true));
    QCOMPARE(subscribe.pairLabel, QStringLiteral("(anonymous)")); // what latency statistics group by
    std::vector<ProtocolLog::Pair> pairs(1);
    pairs[0].replyIndex = 2;
    pairs[0].latencyUs = 1500;
    const QStringList labels { subscribe.pairLabel, QStringLiteral("feed") };
    QCOMPARE(LatencyStatsModel::compute(pairs, labels).at(0).label, QStringLiteral("(anonymous)"));
    useKorean();
    QCOMPARE(DecodedMessage::shownPairLabel(subscribe.pairLabel), QStringLiteral("(익명)"));
    QCOMPARE(LatencyStatsModel::compute(pairs, labels).at(0).label, QStringLiteral("(익명)"));
    QCOMPARE(DecodedMessage::shownPairLabel(QStringLiteral("feed")), QStringLiteral("feed")); // a peer's name
    QCOMPARE(subscribe.pairLabel, QStringLiteral("(anonymous)"));
    useEnglish();
    QCOMPARE(DecodedMessage::shownPairLabel(subscribe.pairLabel), QStringLiteral("(anonymous)"));
}

void TestDecodedWordsLanguage::aJoinedSummaryIsTranslatedInEveryPart()
{
    const std::unique_ptr<Connection> c = decodedConnection(QStringLiteral("mqtt"));
    addMessage(*c, Direction::Incoming, QByteArray("\x20\x02\x00\x00\x20\x02\x00\x05", 8), false); // 1
    addMessage(*c, Direction::Incoming, QByteArray("\x20\x02\x00\x00\xd0\x00", 6), false); // 2
    ProtocolLog *log = ProtocolLog::of(c.get());
    log->catchUp();
    QCOMPARE(log->row(1)->summary, QStringLiteral("CONNACK code 0 · CONNACK code 5"));
    QCOMPARE(log->row(2)->summary, QStringLiteral("CONNACK code 0 · PINGRESP"));
    useKorean();
    QCOMPARE(log->row(1)->summary, QStringLiteral("CONNACK 코드 0 · CONNACK 코드 5"));
    QCOMPARE(log->row(2)->summary, QStringLiteral("CONNACK 코드 0 · PINGRESP"));
    // The filter reads the record: the English of every part, then the search terms.
    QVERIFY(log->searchText(1).startsWith(QByteArray("CONNACK code 0 · CONNACK code 5\n")));
    useEnglish();
    QCOMPARE(log->row(2)->summary, QStringLiteral("CONNACK code 0 · PINGRESP"));
}

void TestDecodedWordsLanguage::everyRowKeepsItsWordsPastTheOldCap()
{
    // Each row a distinct note ("type" 100, 101...): the log used to keep the words of 1,024 of them and show
    // the rest in English.
    constexpr int kRows = 1100;
    const std::unique_ptr<Connection> c = decodedConnection(QStringLiteral("signalr"));
    addMessage(*c, Direction::Outgoing, signalRRecord(R"({"protocol":"json","version":1})"), true);
    addMessage(*c, Direction::Incoming, signalRRecord("{}"), true);
    for (int i = 0; i < kRows; ++i)
        addMessage(*c, Direction::Incoming, signalRRecord("{\"type\":" + QByteArray::number(100 + i) + '}'), true);
    ProtocolLog *log = ProtocolLog::of(c.get());
    log->catchUp();
    QCOMPARE(log->decodedRows(), qsizetype(kRows + 2));
    const qsizetype last = kRows + 2;
    QCOMPARE(log->row(last)->note, QStringLiteral("\"type\" %1 is no hub message type (1-9)").arg(99 + kRows));
    useKorean();
    for (const qsizetype row : { qsizetype(3), qsizetype(1027), last }) {
        QCOMPARE(log->row(row)->note,
            QStringLiteral("\"type\" %1은(는) 허브 메시지 유형(1-9)이 아닙니다").arg(100 + row - 3));
        QCOMPARE(log->row(row)->summary, QStringLiteral("형식 오류 (unknown-type)"));
    }
    // What the CLI and the files read is the English, in a Korean window too.
    QCOMPARE(
        log->messages(last).value(0).note, QStringLiteral("\"type\" %1 is no hub message type (1-9)").arg(99 + kRows));
    useEnglish();
    QCOMPARE(log->row(1027)->note, QStringLiteral("\"type\" 1124 is no hub message type (1-9)"));
    QCOMPARE(log->row(1027)->summary, QStringLiteral("malformed (unknown-type)"));
}

QTEST_GUILESS_MAIN(TestDecodedWordsLanguage)
#include "tst_decodedwordslanguage.moc"
