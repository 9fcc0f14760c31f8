// PairsModel and LatencyStatsModel over recorded rows: requests answered, waiting and unanswered after the
// timeout (synthetic recorded times), a batch answering two requests, sorting by latency, nearest-rank
// percentiles per method from known latencies.
#include "connection/connection.h"
#include "explain/protocolannotator.h"
#include "models/latencystatsmodel.h"
#include "models/pairsmodel.h"
#include "models/protocollog.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
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

QByteArray request(int id, const QString &method)
{
    return QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"method":"%2"})").arg(id).arg(method).toUtf8();
}

QByteArray reply(int id)
{
    return QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"result":true})").arg(id).toUtf8();
}

ConnectionOptions jsonRpc()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/rpc"));
    options.protocol = QStringLiteral("jsonrpc");
    return options;
}

} // namespace

class TestPairsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAnsweredWaitingAndUnansweredPairs();
    void batchReplyAnswersEachRequest();
    void sortsByLatencyWithUnansweredLast();
    void nearestRankPercentiles_data();
    void nearestRankPercentiles();
    void latencyStatsPerMethod();
    void connectionWithoutProtocolHasNoPairs();
};

void TestPairsModel::listsAnsweredWaitingAndUnansweredPairs()
{
    Connection c(jsonRpc());
    PairsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(&c);
    QCOMPARE(model.rowCount(), 0);

    append(c, Direction::Outgoing, request(1, QStringLiteral("sum")), kStartUs); // row 0
    append(c, Direction::Outgoing, request(2, QStringLiteral("slow")), kStartUs + 1000); // row 1
    append(c, Direction::Incoming, reply(1), kStartUs + 25'500); // row 2: 25.5 ms after row 0
    model.refresh();
    QVERIFY(model.decodes());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(PairsModel::RequestEventIndexRole).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(PairsModel::ReplyEventIndexRole).toInt(), 2);
    QCOMPARE(model.index(0, PairsModel::RequestColumn).data().toString(), QStringLiteral("request sum #1"));
    QCOMPARE(model.index(0, PairsModel::ReplyColumn).data().toString(), QStringLiteral("result #1 true"));
    QCOMPARE(model.index(0, PairsModel::LatencyColumn).data().toString(), QStringLiteral("25.5"));
    QCOMPARE(model.index(0, PairsModel::LatencyColumn).data(PairsModel::SortRole).toLongLong(), 25'500);
    QCOMPARE(model.status(0), PairsModel::Status::Answered);
    QCOMPARE(model.index(0, PairsModel::StatusColumn).data().toString(), QStringLiteral("answered"));
    QCOMPARE(model.index(1, 0).data(PairsModel::ReplyEventIndexRole).toInt(), -1);
    QCOMPARE(model.index(1, 0).data(PairsModel::LabelRole).toString(), QStringLiteral("slow"));
    QVERIFY(model.index(1, PairsModel::ReplyColumn).data().toString().isEmpty());
    QCOMPARE(model.status(1), PairsModel::Status::Waiting);

    // Measured against the latest recorded row by default: a row past the timeout makes it unanswered.
    append(c, Direction::Incoming, R"({"jsonrpc":"2.0","method":"tick"})",
        kStartUs + 1000 + ProtocolAnnotator::kPairTimeoutUs + 1);
    model.refresh();
    QCOMPARE(model.status(1), PairsModel::Status::Unanswered);
    QCOMPARE(model.index(1, PairsModel::StatusColumn).data().toString(), QStringLiteral("unanswered"));
    // And against the time the view sets (the wall clock for a live connection).
    model.setNowUs(kStartUs + 2000);
    QCOMPARE(model.status(1), PairsModel::Status::Waiting);
    model.setNowUs(kStartUs + 1000 + ProtocolAnnotator::kPairTimeoutUs + 1);
    QCOMPARE(model.status(1), PairsModel::Status::Unanswered);
    QCOMPARE(model.status(0), PairsModel::Status::Answered);

    // A reply past the timeout no longer pairs (the annotator expired the request): still unanswered.
    append(c, Direction::Incoming, reply(2), kStartUs + 1000 + ProtocolAnnotator::kPairTimeoutUs + 5'000'000);
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.status(1), PairsModel::Status::Unanswered);
}

void TestPairsModel::batchReplyAnswersEachRequest()
{
    Connection c(jsonRpc());
    PairsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(&c);
    append(c, Direction::Outgoing, R"([{"jsonrpc":"2.0","id":7,"method":"a"},{"jsonrpc":"2.0","id":8,"method":"b"}])",
        kStartUs);
    append(c, Direction::Incoming, reply(8), kStartUs + 3000);
    append(c, Direction::Incoming, reply(7), kStartUs + 9000);
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(PairsModel::LabelRole).toString(), QStringLiteral("a"));
    QCOMPARE(model.index(0, 0).data(PairsModel::ReplyEventIndexRole).toInt(), 2);
    QCOMPARE(model.index(0, PairsModel::LatencyColumn).data().toString(), QStringLiteral("9.0"));
    QCOMPARE(model.index(1, 0).data(PairsModel::ReplyEventIndexRole).toInt(), 1);
    QCOMPARE(model.index(1, PairsModel::LatencyColumn).data().toString(), QStringLiteral("3.0"));
}

void TestPairsModel::sortsByLatencyWithUnansweredLast()
{
    Connection c(jsonRpc());
    PairsModel model;
    model.setConnection(&c);
    const qint64 latenciesUs[] = { 40'000, 5'000, 90'000 };
    for (int i = 0; i < 3; ++i) {
        const qint64 at = kStartUs + i * 1'000'000;
        append(c, Direction::Outgoing, request(i + 1, QStringLiteral("m")), at);
        append(c, Direction::Incoming, reply(i + 1), at + latenciesUs[i]);
    }
    append(c, Direction::Outgoing, request(99, QStringLiteral("m")), kStartUs + 4'000'000);
    model.refresh();
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(PairsModel::SortRole);
    sorted.sort(PairsModel::LatencyColumn, Qt::AscendingOrder);
    QStringList order;
    for (int row = 0; row < sorted.rowCount(); ++row)
        order << sorted.index(row, PairsModel::LatencyColumn).data().toString();
    QCOMPARE(order, QStringList({ QStringLiteral("5.0"), QStringLiteral("40.0"), QStringLiteral("90.0"), QString() }));
}

void TestPairsModel::nearestRankPercentiles_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<double>("percent");
    QTest::addColumn<qint64>("expected");
    const QList<qint64> ten { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
    QTest::newRow("p50 of ten is the fifth") << ten << 50.0 << qint64(50);
    QTest::newRow("p95 of ten is the tenth") << ten << 95.0 << qint64(100);
    QTest::newRow("p90 of ten is the ninth") << ten << 90.0 << qint64(90);
    QTest::newRow("p0 is the smallest") << ten << 0.0 << qint64(10);
    QTest::newRow("one value") << QList<qint64> { 7 } << 99.0 << qint64(7);
    QTest::newRow("none") << QList<qint64> {} << 50.0 << qint64(0);
    // Wikipedia's nearest-rank example: 15, 20, 35, 40, 50.
    QTest::newRow("p30 of five") << QList<qint64> { 15, 20, 35, 40, 50 } << 30.0 << qint64(20);
    QTest::newRow("p40 of five") << QList<qint64> { 15, 20, 35, 40, 50 } << 40.0 << qint64(20);
    QTest::newRow("p50 of five") << QList<qint64> { 15, 20, 35, 40, 50 } << 50.0 << qint64(35);
}

void TestPairsModel::nearestRankPercentiles()
{
    QFETCH(QList<qint64>, values);
    QFETCH(double, percent);
    QFETCH(qint64, expected);
    const std::vector<qint64> sorted(values.begin(), values.end());
    QCOMPARE(LatencyStatsModel::nearestRank(sorted, percent), expected);
}

void TestPairsModel::latencyStatsPerMethod()
{
    Connection c(jsonRpc());
    // "get" answered in 1..100 ms (one each), "put" in 7 ms twice, "lost" never.
    int id = 0;
    qint64 at = kStartUs;
    auto exchange = [&](const QString &method, qint64 latencyUs) {
        ++id;
        append(c, Direction::Outgoing, request(id, method), at);
        append(c, Direction::Incoming, reply(id), at + latencyUs);
        at += 200'000;
    };
    for (int ms = 100; ms >= 1; --ms)
        exchange(QStringLiteral("get"), ms * 1000);
    exchange(QStringLiteral("put"), 7000);
    exchange(QStringLiteral("put"), 7000);
    append(c, Direction::Outgoing, request(999, QStringLiteral("lost")), at);

    LatencyStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(&c);
    QCOMPARE(model.rowCount(), 2); // "lost" has no reply: no latency
    QCOMPARE(model.index(0, LatencyStatsModel::LabelColumn).data().toString(), QStringLiteral("get"));
    QCOMPARE(model.index(0, LatencyStatsModel::CountColumn).data().toInt(), 100);
    QCOMPARE(model.index(0, LatencyStatsModel::P50Column).data().toString(), QStringLiteral("50.0"));
    QCOMPARE(model.index(0, LatencyStatsModel::P95Column).data().toString(), QStringLiteral("95.0"));
    QCOMPARE(model.index(0, LatencyStatsModel::P99Column).data().toString(), QStringLiteral("99.0"));
    QCOMPARE(model.index(0, LatencyStatsModel::MaxColumn).data(LatencyStatsModel::MillisecondsRole).toDouble(), 100.0);
    QCOMPARE(model.index(1, LatencyStatsModel::LabelColumn).data().toString(), QStringLiteral("put"));
    QCOMPARE(model.index(1, LatencyStatsModel::CountColumn).data().toInt(), 2);
    QCOMPARE(model.index(1, LatencyStatsModel::P99Column).data().toString(), QStringLiteral("7.0"));

    // New replies show after the next refresh.
    append(c, Direction::Incoming, reply(999), at + 1000);
    model.refresh();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, LatencyStatsModel::LabelColumn).data().toString(), QStringLiteral("get"));
    QCOMPARE(model.index(1, LatencyStatsModel::LabelColumn).data().toString(), QStringLiteral("lost"));
}

void TestPairsModel::connectionWithoutProtocolHasNoPairs()
{
    ConnectionOptions options = jsonRpc();
    options.protocol = QStringLiteral("none");
    Connection c(options);
    append(c, Direction::Outgoing, request(1, QStringLiteral("sum")), kStartUs);
    append(c, Direction::Incoming, reply(1), kStartUs + 1000);
    PairsModel model;
    model.setConnection(&c);
    QVERIFY(!model.decodes());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestPairsModel)
#include "tst_pairsmodel.moc"
