// PairsModel and LatencyStatsModel over a connection whose endpoint has a pairing rule: with decoding off the
// rule's pairs are listed like any other (the messages' own text in the request and reply columns, latency,
// status), latency statistics group by the name path's value, and a rule works alongside JSON-RPC.
#include "connection/connection.h"
#include "models/latencystatsmodel.h"
#include "models/pairsmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace wsi;

namespace {

constexpr qint64 kStartUs = 1'700'000'000'000'000;

void append(Connection &c, Direction dir, const QByteArray &payload, qint64 timeUs)
{
    EventRecord r;
    r.timeUs = timeUs;
    r.type = EventType::Message;
    r.dir = dir;
    r.flags = FlagText;
    r.sub = 1;
    r.value = quint64(payload.size());
    c.appendEvent(r, payload);
}

ConnectionOptions withRule(const QString &protocol)
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/feed"));
    options.protocol = protocol;
    options.pairingRule.requestPath = QStringLiteral("$.reqId");
    options.pairingRule.replyPath = QStringLiteral("$.inReplyTo");
    options.pairingRule.namePath = QStringLiteral("$.op");
    return options;
}

} // namespace

class TestPairsModelRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheRulesPairsWithDecodingOff();
    void latencyStatsGroupByTheNamePath();
    void pairsAlongsideADecodedProtocol();
};

void TestPairsModelRule::listsTheRulesPairsWithDecodingOff()
{
    Connection c(withRule(QStringLiteral("none")));
    PairsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(&c);
    QVERIFY(model.decodes()); // the rule pairs, so the view lists (it does not ask for a protocol)
    QCOMPARE(model.rowCount(), 0);

    append(c, Direction::Outgoing, R"({"reqId":1,"op":"get"})", kStartUs); // row 0
    append(c, Direction::Outgoing, R"({"reqId":2,"op":"put"})", kStartUs + 1000); // row 1
    append(c, Direction::Incoming, R"({"news":"unrelated"})", kStartUs + 2000); // row 2
    append(c, Direction::Incoming, R"({"inReplyTo":2,"ok":true})", kStartUs + 13'000); // row 3
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(PairsModel::RequestEventIndexRole).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(PairsModel::ReplyEventIndexRole).toInt(), -1);
    QCOMPARE(model.index(0, 0).data(PairsModel::LabelRole).toString(), QStringLiteral("get"));
    QCOMPARE(model.status(0), PairsModel::Status::Waiting);
    QCOMPARE(model.index(1, 0).data(PairsModel::ReplyEventIndexRole).toInt(), 3);
    QCOMPARE(model.index(1, 0).data(PairsModel::LabelRole).toString(), QStringLiteral("put"));
    QCOMPARE(model.index(1, PairsModel::RequestColumn).data().toString(), QStringLiteral(R"({"reqId":2,"op":"put"})"));
    QCOMPARE(model.index(1, PairsModel::ReplyColumn).data().toString(), QStringLiteral(R"({"inReplyTo":2,"ok":true})"));
    QCOMPARE(model.index(1, PairsModel::LatencyColumn).data().toString(), QStringLiteral("12.0"));
    QCOMPARE(model.status(1), PairsModel::Status::Answered);
}

void TestPairsModelRule::latencyStatsGroupByTheNamePath()
{
    Connection c(withRule(QStringLiteral("none")));
    qint64 at = kStartUs;
    for (int id = 1; id <= 4; ++id) {
        const QString op = id <= 3 ? QStringLiteral("get") : QStringLiteral("put");
        append(c, Direction::Outgoing, QStringLiteral(R"({"reqId":%1,"op":"%2"})").arg(id).arg(op).toUtf8(), at);
        append(c, Direction::Incoming, QStringLiteral(R"({"inReplyTo":%1})").arg(id).toUtf8(), at + id * 1000);
        at += 100'000;
    }
    LatencyStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(&c);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, LatencyStatsModel::LabelColumn).data().toString(), QStringLiteral("get"));
    QCOMPARE(model.index(0, LatencyStatsModel::CountColumn).data().toInt(), 3);
    QCOMPARE(model.index(0, LatencyStatsModel::P50Column).data().toString(), QStringLiteral("2.0"));
    QCOMPARE(model.index(1, LatencyStatsModel::LabelColumn).data().toString(), QStringLiteral("put"));
    QCOMPARE(model.index(1, LatencyStatsModel::P99Column).data().toString(), QStringLiteral("4.0"));
}

void TestPairsModelRule::pairsAlongsideADecodedProtocol()
{
    // JSON-RPC pairs its own ids; the rule pairs what JSON-RPC cannot (a notification answered by reqId).
    Connection c(withRule(QStringLiteral("jsonrpc")));
    append(c, Direction::Outgoing, R"({"jsonrpc":"2.0","id":1,"method":"sum"})", kStartUs); // row 0
    append(c, Direction::Outgoing, R"({"jsonrpc":"2.0","method":"watch","reqId":"w"})", kStartUs + 1000); // row 1
    append(c, Direction::Incoming, R"({"jsonrpc":"2.0","id":1,"result":3})", kStartUs + 5000); // row 2
    append(c, Direction::Incoming, R"({"inReplyTo":"w"})", kStartUs + 9000); // row 3
    PairsModel model;
    model.setConnection(&c);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(PairsModel::LabelRole).toString(), QStringLiteral("sum"));
    QCOMPARE(model.index(0, 0).data(PairsModel::ReplyEventIndexRole).toInt(), 2);
    QCOMPARE(model.index(0, PairsModel::LatencyColumn).data().toString(), QStringLiteral("5.0"));
    QCOMPARE(model.index(1, 0).data(PairsModel::LabelRole).toString(), QStringLiteral("w")); // no $.op: the reqId
    QCOMPARE(model.index(1, 0).data(PairsModel::ReplyEventIndexRole).toInt(), 3);
    QCOMPARE(model.index(1, PairsModel::LatencyColumn).data().toString(), QStringLiteral("8.0"));
}

QTEST_GUILESS_MAIN(TestPairsModelRule)
#include "tst_pairsmodelrule.moc"
